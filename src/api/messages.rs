//! The message log: `GET /message` (search, paged) and `GET /message/{id}`.

use crate::api::status::{
    MAX_PAGE_BYTES, Page, encode_query, encode_segment, get_page, keyed_failure, parse_record,
    unexpected_body,
};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::when::api_utc;
use crate::net::transport::{Call, Method, RetryPolicy, Transport};
use crate::sanitize::sanitize_server_text;
use crate::secret::Secret;
use jiff::Timestamp;
use serde::Deserialize;
use serde_json::Value;

/// One record of the message log, as the API names its fields. Every field
/// is optional and loosely typed: a record the server shapes a little
/// differently still prints.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    pub id: Option<Value>,
    pub created: Option<Value>,
    pub modified: Option<Value>,
    pub originator: Option<Value>,
    pub recipient: Option<Value>,
    pub body: Option<Value>,
    pub status: Option<Value>,
    pub direction: Option<Value>,
    pub in_reply_to: Option<Value>,
    pub route_id: Option<Value>,
    pub parts: Option<Value>,
    pub cost: Option<Value>,
    pub currency: Option<Value>,
    pub sender_reference: Option<Value>,
    pub campaign_id: Option<Value>,
}

/// A field as text: strings as they are, numbers as written, null as "".
pub fn text_of(value: &Option<Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

impl Message {
    pub fn status_name(&self) -> String {
        text_of(&self.status)
    }
}

/// Whether a status is final (API.md): every name but ACCEPTED,
/// INTERIM_QUEUED, INTERIM_ACKNOWLEDGED and RETRY, unknown names included.
pub fn is_final(status: &str) -> bool {
    !matches!(
        status.trim().to_ascii_uppercase().as_str(),
        "ACCEPTED" | "INTERIM_QUEUED" | "INTERIM_ACKNOWLEDGED" | "RETRY"
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Outgoing
    Mt,
    /// Incoming
    Mo,
}

/// What the API itself filters the log by.
pub struct Search {
    pub since: Timestamp,
    pub until: Timestamp,
    pub direction: Option<Direction>,
}

/// The path and query of one page of a search.
pub fn search_path(search: &Search, page: u64, size: u64) -> String {
    let mut path = format!(
        "/message?startDate={}&endDate={}",
        encode_query(&api_utc(search.since)),
        encode_query(&api_utc(search.until))
    );
    match search.direction {
        Some(Direction::Mt) => path.push_str("&direction=MT"),
        Some(Direction::Mo) => path.push_str("&direction=MO"),
        None => {}
    }
    path.push_str(&format!("&page={page}&pageSize={size}"));
    path
}

/// `GET /message`: one page of the log. A read, so retried as `Safe`.
pub fn search_page(
    transport: &Transport,
    key: &Secret,
    search: &Search,
    page: u64,
    size: u64,
) -> Result<Page<Message>, Failure> {
    let path = search_path(search, page, size);
    get_page(transport, key, &path, "the message log")
}

/// `GET /message/{id}`: one record; a 404 is exit 66, `no message with id ID`.
pub fn get(transport: &Transport, key: &Secret, id: &str) -> Result<Message, Failure> {
    let path = format!("/message/{}", encode_segment(id));
    let reply = transport.send(&Call {
        method: Method::Get,
        path: &path,
        json_body: None,
        bearer: Some(key),
        policy: RetryPolicy::Safe,
        max_body: MAX_PAGE_BYTES,
    })?;
    if reply.status == 404 {
        return Err(Failure::new(
            ExitCode::NoInput,
            format!("no message with id {}", sanitize_server_text(id)),
        ));
    }
    if !(200..300).contains(&reply.status) {
        return Err(keyed_failure(&reply, key));
    }
    parse_record(&reply.body).ok_or_else(|| unexpected_body("the message is not a JSON record"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_query_sends_utc_with_an_encoded_plus() {
        let search = Search {
            since: "2026-11-26T13:00:00Z".parse().unwrap(),
            until: "2026-11-26T15:30:00+02:00".parse().unwrap(),
            direction: Some(Direction::Mt),
        };
        assert_eq!(
            search_path(&search, 2, 1000),
            "/message?startDate=2026-11-26T13:00:00%2B0000&endDate=2026-11-26T13:30:00%2B0000&direction=MT&page=2&pageSize=1000"
        );
    }

    #[test]
    fn final_statuses() {
        for done in [
            "DELIVERED",
            "EXPIRED",
            "REJECTED",
            "FAILED_NOROUTE",
            "SOMETHING_NEW",
        ] {
            assert!(is_final(done), "{done}");
        }
        for pending in [
            "ACCEPTED",
            "INTERIM_QUEUED",
            "INTERIM_ACKNOWLEDGED",
            "RETRY",
            "retry",
        ] {
            assert!(!is_final(pending), "{pending}");
        }
    }
}
