//! The `/send/batch` body that `bulk` sends, written one recipient at a
//! time: byte for byte what `send::to_json(&Batch { .. })` makes of the
//! same batch (`api::proptests` holds it to that), without first copying
//! every recipient's strings into a `Vec<BatchRecipient>`.

use crate::api::send::{Batch, BatchRecipient, to_json};
use crate::json::push_string;

/// A `/send/batch` body written one recipient at a time, for `bulk`:
/// byte for byte what `to_json(&Batch { .. })` makes of the same batch
/// (the tests hold it to that), without first copying every recipient's
/// strings into a `Vec<BatchRecipient>`. The head (route, name, schedule and
/// flags) comes from serde itself.
pub struct BatchBody {
    text: String,
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
        // serde_json writes only UTF-8.
        let mut text = String::from_utf8(to_json(&empty)).unwrap_or_default();
        // `…,"recipients":[]}`: keep the `[`.
        text.truncate(text.len().saturating_sub("]}".len()));
        BatchBody {
            head: text.len(),
            text,
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
        let out = &mut self.text;
        if self.recipients > 0 {
            out.push(',');
        }
        out.push_str(r#"{"recipient":"#);
        push_string(out, recipient.recipient);
        out.push_str(r#","text":"#);
        push_string(out, recipient.text);
        out.push_str(r#","originator":"#);
        push_string(out, recipient.originator);
        out.push_str(r#","reference":"#);
        push_string(out, recipient.reference);
        if let Some(route) = recipient.route_id {
            out.push_str(r#","routeId":"#);
            push_string(out, route);
        }
        out.push('}');
        self.recipients += 1;
    }

    /// The finished body; `self` is empty again, with the same head.
    pub fn take(&mut self) -> Vec<u8> {
        let mut body = self.text.clone();
        body.push_str("]}");
        self.text.truncate(self.head);
        self.recipients = 0;
        body.into_bytes()
    }
}
