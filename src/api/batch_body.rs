//! The `/send/batch` body that `bulk` sends, written one recipient at a
//! time: byte for byte what `send::to_json(&Batch { .. })` makes of the
//! same batch (`api::proptests` holds it to that), without first copying
//! every recipient's strings into a `Vec<BatchRecipient>`.

use crate::api::send::{Batch, BatchRecipient, to_json};

/// A `/send/batch` body written one recipient at a time, for `bulk`:
/// byte for byte what `to_json(&Batch { .. })` makes of the same batch
/// (the tests hold it to that), without first copying every recipient's
/// strings into a `Vec<BatchRecipient>`. The head (route, name, schedule and
/// flags) comes from serde itself.
pub struct BatchBody {
    bytes: Vec<u8>,
    /// The head's length: where the first recipient goes.
    head: usize,
    recipients: usize,
}

impl BatchBody {
    /// An empty body with the options of `batch` (its recipients unused).
    pub fn new(batch: &Batch) -> BatchBody {
        let empty = Batch {
            recipients: Vec::new(),
            ..*batch
        };
        let mut bytes = to_json(&empty);
        // `…,"recipients":[]}`: keep the `[`.
        bytes.truncate(bytes.len().saturating_sub("]}".len()));
        BatchBody {
            head: bytes.len(),
            bytes,
            recipients: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.recipients
    }

    pub fn is_empty(&self) -> bool {
        self.recipients == 0
    }

    pub fn push(&mut self, recipient: &BatchRecipient) {
        let out = &mut self.bytes;
        if self.recipients > 0 {
            out.push(b',');
        }
        out.extend_from_slice(br#"{"recipient":"#);
        json_string(out, recipient.recipient);
        out.extend_from_slice(br#","text":"#);
        json_string(out, recipient.text);
        out.extend_from_slice(br#","originator":"#);
        json_string(out, recipient.originator);
        out.extend_from_slice(br#","reference":"#);
        json_string(out, recipient.reference);
        if let Some(route) = recipient.route_id {
            out.extend_from_slice(br#","routeId":"#);
            json_string(out, route);
        }
        out.push(b'}');
        self.recipients += 1;
    }

    /// The finished body; `self` is empty again, with the same head.
    pub fn take(&mut self) -> Vec<u8> {
        let mut body = self.bytes.clone();
        body.extend_from_slice(b"]}");
        self.bytes.truncate(self.head);
        self.recipients = 0;
        body
    }
}

/// A JSON string as serde_json writes it: most strings need no escape and
/// are copied whole; any other goes through serde_json.
fn json_string(out: &mut Vec<u8>, text: &str) {
    // Without an early exit, so that the check runs many bytes at a time.
    let plain = !text.bytes().fold(false, |escape, b| {
        escape | (b < 0x20) | (b == b'"') | (b == b'\\')
    });
    if plain {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
    } else {
        // Writing a string to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, text);
    }
}
