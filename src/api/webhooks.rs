//! Webhooks: registering a URL per kind (`POST /webhooks/{kind}`), and the
//! three payloads Mobivate posts to it.

use crate::api::server_message;
use crate::api::status::{MAX_SMALL_BYTES, keyed_failure};
use crate::error::Failure;
use crate::net::transport::{Call, Method, RetryPolicy, Transport};
use crate::secret::Secret;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// Delivery receipts
    Receipt,
    /// Incoming messages (replies)
    Incoming,
    /// Clicks on shortened links
    Click,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Receipt, Kind::Incoming, Kind::Click];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Receipt => "receipt",
            Kind::Incoming => "incoming",
            Kind::Click => "click",
        }
    }

    fn path(self) -> &'static str {
        match self {
            Kind::Receipt => "/webhooks/receipt",
            Kind::Incoming => "/webhooks/incoming",
            Kind::Click => "/webhooks/click",
        }
    }

    /// The fields only this kind's payload has (API.md).
    fn marks(self) -> &'static [&'static str] {
        match self {
            Kind::Receipt => &["deliveryMessageId", "statusCode", "hlr", "clientReference"],
            Kind::Incoming => &["logicalMessageId", "ownerUserId", "originator", "body"],
            Kind::Click => &["messageId", "browser", "ipAddress", "iso2l", "clientRef"],
        }
    }
}

/// Which payload an object is: the kind with the most of its own fields
/// present; `None` when no kind's field is there, or two kinds tie.
pub fn payload_kind(object: &serde_json::Map<String, serde_json::Value>) -> Option<Kind> {
    let mut scores: Vec<(usize, Kind)> = Kind::ALL
        .iter()
        .map(|kind| {
            let score = kind
                .marks()
                .iter()
                .filter(|field| object.contains_key(**field))
                .count();
            (score, *kind)
        })
        .collect();
    scores.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    match scores.as_slice() {
        [(best, kind), (second, _), ..] if *best > 0 && best > second => Some(*kind),
        _ => None,
    }
}

#[derive(Serialize)]
struct UrlBody<'a> {
    url: &'a str,
}

/// `POST /webhooks/{kind}`: one URL per kind, replaced on each call. An
/// idempotent write (the same URL twice leaves the same state), so retried
/// as `Safe`. Ok holds the server's message, made safe to print.
pub fn set(
    transport: &Transport,
    key: &Secret,
    kind: Kind,
    url: &str,
) -> Result<Option<String>, Failure> {
    let body = serde_json::to_vec(&UrlBody { url }).expect("a struct of one string serializes");
    let reply = transport.send(&Call {
        method: Method::Post,
        path: kind.path(),
        json_body: Some(&body),
        bearer: Some(key),
        policy: RetryPolicy::Safe,
        max_body: MAX_SMALL_BYTES,
    })?;
    if (200..300).contains(&reply.status) {
        return Ok(server_message(&reply.body, key));
    }
    Err(keyed_failure(&reply, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(json: &str) -> Option<Kind> {
        payload_kind(
            serde_json::from_str::<serde_json::Value>(json)
                .unwrap()
                .as_object()
                .unwrap(),
        )
    }

    #[test]
    fn kinds_from_fields() {
        assert_eq!(
            kind_of(
                r#"{"deliveryMessageId":"a","batchId":"b","status":"DELIVERED","statusCode":1}"#
            ),
            Some(Kind::Receipt)
        );
        assert_eq!(
            kind_of(
                r#"{"id":"a","originator":"447","recipient":"61","body":"STOP","logicalMessageId":"x"}"#
            ),
            Some(Kind::Incoming)
        );
        assert_eq!(
            kind_of(r#"{"messageId":"a","mobile":"447","url":"https://x","browser":"Firefox"}"#),
            Some(Kind::Click)
        );
        assert_eq!(kind_of(r#"{"hello":"world"}"#), None);
    }
}
