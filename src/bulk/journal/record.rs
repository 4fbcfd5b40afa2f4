//! The journal's records, one JSON line each, and the row ranges they
//! carry.

use serde::{Deserialize, Serialize};

pub const VERSION: u32 = 1;

/// Inclusive ranges of row numbers.
pub type Ranges = Vec<[u64; 2]>;

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub v: u32,
    /// FNV-1a of the file's bytes, as 16 hex digits.
    pub file: String,
    pub size: u64,
    /// FNV-1a of the options that shape messages.
    pub options: String,
    pub run: String,
    pub created: i64,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum End {
    Accepted,
    Rejected,
    Unknown,
    Unsent,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
#[serde(tag = "t", rename_all = "lowercase")]
pub enum Record {
    Header(Header),
    Begin {
        id: u64,
        /// Unix milliseconds when the request started.
        at: i64,
        rows: Ranges,
    },
    End {
        id: u64,
        state: End,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        campaign: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    Found {
        id: u64,
        /// The rows found in the message log.
        rows: Ranges,
        /// Every row of the request was found; otherwise the rest are missing.
        complete: bool,
    },
}

/// Row numbers collected into ranges as they come, in increasing order.
/// Rows in between that can never be sent (invalid, duplicate) may be
/// bridged over (`bridge`), since their state is never looked up.
#[derive(Default, Debug, Clone)]
pub struct RangeBuilder {
    pub ranges: Ranges,
}

impl RangeBuilder {
    pub fn push(&mut self, row: u64, bridge: bool) {
        if let Some(last) = self.ranges.last_mut()
            && (bridge || last[1] + 1 == row)
        {
            last[1] = row;
            return;
        }
        self.ranges.push([row, row]);
    }
}
