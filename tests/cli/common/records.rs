//! Canned API records, as `GET /message` returns them.

use serde_json::{Value, json};

/// Message `n` of the log: to 4479300nnnnn, `ref-n`, sent 2026-11-26
/// 13:00:00 UTC, last changed 5 s later, in `status`.
pub fn message_record(n: usize, status: &str) -> Value {
    json!({
        "id": format!("{n:032x}"),
        "created": "2026-11-26T13:00:00+0000",
        "modified": "2026-11-26T13:00:05+0000",
        "originator": "Shop",
        "recipient": format!("4479300{n:05}"),
        "body": "Hello",
        "status": status,
        "direction": "MT",
        "inReplyTo": null,
        "routeId": "mglobal",
        "parts": 1,
        "cost": 0.05,
        "currency": "AUD",
        "senderReference": format!("ref-{n}"),
        "campaignId": null
    })
}
