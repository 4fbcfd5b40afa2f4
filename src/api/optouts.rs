//! Opt-outs: `GET /addressbook/optout` (paged), `POST /addressbook/optout`,
//! and `DELETE /addressbook/optout` with its fallback `DELETE /optout`.
//!
//! Retry policy: the list is a read (`Safe`). Adding and removing are
//! idempotent writes that cost nothing: sending one twice leaves the list as
//! sending it once does, so they are retried as `Safe` too. The one visible
//! effect: a remove whose first answer was lost may see a 404 on its retry,
//! and is then reported as not on the list.

use crate::api::status::{MAX_SMALL_BYTES, Page, each_page, encode_query, get_page, keyed_failure};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::when::api_utc;
use crate::net::transport::{Call, Method, RetryPolicy, Transport};
use crate::secret::Secret;
use crate::sms::number::{Msisdn, normalise};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashSet;

/// The opt-out list is listed from this date unless `--since` says otherwise:
/// before any opt-out Mobivate keeps.
pub const LIST_START: &str = "2000-01-01T00:00:00Z";

/// One opt-out, as the API names its fields (`created` in epoch ms).
#[derive(Debug, Clone, Deserialize)]
pub struct OptOut {
    pub id: Option<Value>,
    pub mobile: Option<Value>,
    pub note: Option<Value>,
    pub created: Option<Value>,
}

#[derive(Serialize)]
struct MobileBody<'a> {
    mobile: &'a str,
}

pub const ADD_PATH: &str = "/addressbook/optout";
pub const REMOVE_PATH: &str = "/addressbook/optout";
pub const REMOVE_FALLBACK_PATH: &str = "/optout";

pub fn list_path(since: Timestamp, until: Timestamp, page: u64, size: u64) -> String {
    format!(
        "/addressbook/optout?startDate={}&endDate={}&page={page}&pageSize={size}",
        encode_query(&api_utc(since)),
        encode_query(&api_utc(until))
    )
}

/// `GET /addressbook/optout`: one page of the list.
pub fn list_page(
    transport: &Transport,
    key: &Secret,
    since: Timestamp,
    until: Timestamp,
    page: u64,
    size: u64,
) -> Result<Page<OptOut>, Failure> {
    let path = list_path(since, until, page, size);
    get_page(transport, key, &path, "the opt-out list")
}

/// The whole opt-out list, every page, as normalised numbers: for
/// `bulk --exclude-optouts`. Entries that are not valid numbers are left out
/// (no row could match them). A listing cut short (the server repeats
/// itself) is a failure: a partial list would let opted-out rows through.
pub fn fetch_all(transport: &Transport, key: &Secret) -> Result<HashSet<Msisdn>, Failure> {
    let since: Timestamp = LIST_START.parse().expect("LIST_START is RFC 3339");
    let until = Timestamp::now();
    let mut numbers = HashSet::new();
    each_page(
        crate::api::status::MAX_PAGE_SIZE,
        |page, size| list_page(transport, key, since, until, page, size),
        |records| {
            for record in records {
                let mobile = crate::api::messages::text_of(&record.mobile);
                if let Ok(number) = normalise(&mobile) {
                    numbers.insert(number);
                }
            }
            Ok(true)
        },
    )?
    .whole()?;
    Ok(numbers)
}

/// `POST /addressbook/optout`.
pub fn add(transport: &Transport, key: &Secret, number: &Msisdn) -> Result<(), Failure> {
    let reply = send_mobile(transport, key, Method::Post, ADD_PATH, number)?;
    if (200..300).contains(&reply.status) {
        return Ok(());
    }
    Err(keyed_failure(&reply, key))
}

/// `DELETE /addressbook/optout`, and on a 404 or 405 `DELETE /optout` once.
/// Ok holds the path that answered.
pub fn remove(
    transport: &Transport,
    key: &Secret,
    number: &Msisdn,
) -> Result<&'static str, Failure> {
    let verbose = transport.verbose();
    let first = send_mobile(transport, key, Method::Delete, REMOVE_PATH, number)?;
    let reply = if matches!(first.status, 404 | 405) {
        verbose.say(|| {
            format!(
                "DELETE {REMOVE_PATH} answered HTTP {}; trying DELETE {REMOVE_FALLBACK_PATH}",
                first.status
            )
        });
        let second = send_mobile(transport, key, Method::Delete, REMOVE_FALLBACK_PATH, number)?;
        if matches!(second.status, 404 | 405) {
            return Err(Failure::new(
                ExitCode::DataErr,
                format!(
                    "not removed: DELETE {REMOVE_PATH} answered HTTP {} and DELETE {REMOVE_FALLBACK_PATH} HTTP {} (is it on the opt-out list?)",
                    first.status, second.status
                ),
            ));
        }
        (second, REMOVE_FALLBACK_PATH)
    } else {
        (first, REMOVE_PATH)
    };
    let (reply, path) = reply;
    if (200..300).contains(&reply.status) {
        verbose.say(|| format!("{number}: removed by DELETE {path}"));
        return Ok(path);
    }
    Err(keyed_failure(&reply, key))
}

fn send_mobile(
    transport: &Transport,
    key: &Secret,
    method: Method,
    path: &str,
    number: &Msisdn,
) -> Result<crate::net::transport::Reply, Failure> {
    let body = serde_json::to_vec(&MobileBody {
        mobile: number.as_str(),
    })
    .expect("a struct of one string always serializes");
    transport.send(&Call {
        method,
        path,
        json_body: Some(&body),
        bearer: Some(key),
        policy: RetryPolicy::Safe,
        max_body: MAX_SMALL_BYTES,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_query() {
        let since = "2026-11-01T00:00:00Z".parse().unwrap();
        let until = "2026-11-26T13:00:00Z".parse().unwrap();
        assert_eq!(
            list_path(since, until, 1, 1000),
            "/addressbook/optout?startDate=2026-11-01T00:00:00%2B0000&endDate=2026-11-26T13:00:00%2B0000&page=1&pageSize=1000"
        );
    }
}
