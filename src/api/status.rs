//! What an HTTP status means for the calls made with an API key (message
//! logs, opt-outs, webhooks), and the small helpers those calls share:
//! percent-encoding and paging.

use crate::api::{http_label, redirect_target, server_message};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::net::transport::{Call, Method, Reply, RetryPolicy, Transport};
use crate::secret::Secret;

/// Pages are asked for this many records, or the `--limit` when smaller.
pub const MAX_PAGE_SIZE: u64 = 1000;
/// A page of records is read up to 16 MiB.
pub const MAX_PAGE_BYTES: u64 = 16 * 1024 * 1024;
/// Any other answer of these areas is small.
pub const MAX_SMALL_BYTES: u64 = 64 * 1024;

/// One page of records: `GET path`, read up to `MAX_PAGE_BYTES`, a bare
/// JSON array. `what` names the list when the body is not one.
pub fn get_page<T: serde::de::DeserializeOwned>(
    transport: &Transport,
    key: &Secret,
    path: &str,
    what: &str,
) -> Result<Vec<T>, Failure> {
    let reply = transport.send(&Call {
        method: Method::Get,
        path,
        json_body: None,
        bearer: Some(key),
        policy: RetryPolicy::Safe,
        max_body: MAX_PAGE_BYTES,
    })?;
    if !(200..300).contains(&reply.status) {
        return Err(keyed_failure(&reply, key));
    }
    serde_json::from_slice(&reply.body)
        .map_err(|_| unexpected_body(&format!("{what} is not a JSON array of records")))
}

/// The failure for a status the caller did not handle itself.
pub fn keyed_failure(reply: &Reply, key: &Secret) -> Failure {
    let status = reply.status;
    let quoted = server_message(&reply.body, key)
        .map(|m| format!(": \"{m}\""))
        .unwrap_or_default();
    let http = http_label(status);
    let after = if reply.attempts > 1 {
        format!(" after {} attempts", reply.attempts)
    } else {
        String::new()
    };
    match status {
        300..=399 => {
            let target = redirect_target(reply, key);
            Failure::new(
                ExitCode::Protocol,
                format!("the server answered {http}, a redirect to {target}; redirects are never followed"),
            )
            .with_hint("the key is only ever sent to the configured URL; fix --base-url if the API has moved")
        }
        401 | 403 => Failure::new(
            ExitCode::NoPerm,
            format!("API key rejected ({http}){quoted}"),
        )
        .with_hint(
            "check the key with `mobivate testkey`, or get the current one with `mobivate getkey`",
        ),
        402 => Failure::new(
            ExitCode::NoPerm,
            format!("the account is out of credit ({http}){quoted}"),
        ),
        429 => Failure::new(
            ExitCode::TempFail,
            format!("rate limited ({http}){after}{quoted}"),
        )
        .with_hint("wait a little and try again"),
        500..=599 => Failure::new(
            ExitCode::Unavailable,
            format!("server error ({http}){after}{quoted}"),
        )
        .with_hint("the Mobivate API is having trouble; try again later"),
        400 => Failure::new(
            ExitCode::DataErr,
            format!("the server rejected the request ({http}){quoted}"),
        ),
        _ => Failure::new(
            ExitCode::Protocol,
            format!("unexpected response: {http}{quoted}"),
        ),
    }
}

pub fn unexpected_body(what: &str) -> Failure {
    Failure::new(
        ExitCode::Protocol,
        format!("unexpected response from the server: {what}"),
    )
    .with_hint("check --base-url: is it the Mobivate API?")
}

/// Percent-encodes a query value: everything but unreserved characters and
/// `:` (so dates stay readable), and `+` always becomes `%2B`.
pub fn encode_query(value: &str) -> String {
    encode(value, b":")
}

/// Percent-encodes one path segment.
pub fn encode_segment(value: &str) -> String {
    encode(value, b"")
}

fn encode(value: &str, also_kept: &[u8]) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || also_kept.contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The page size for a listing with an optional limit.
pub fn page_size(limit: Option<u64>) -> u64 {
    limit.map_or(MAX_PAGE_SIZE, |limit| limit.clamp(1, MAX_PAGE_SIZE))
}

/// Asks for pages 1, 2, … of `size` records and hands each to `take`, until
/// a page is shorter than `size` or `take` answers false (a limit reached,
/// a closed pipe). Only one page is held at a time.
pub fn each_page<T>(
    size: u64,
    mut fetch: impl FnMut(u64, u64) -> Result<Vec<T>, Failure>,
    mut take: impl FnMut(Vec<T>) -> Result<bool, Failure>,
) -> Result<(), Failure> {
    let mut page = 1;
    loop {
        let records = fetch(page, size)?;
        let last = (records.len() as u64) < size;
        if !take(records)? || last {
            return Ok(());
        }
        page += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding() {
        assert_eq!(
            encode_query("2026-11-26T13:00:00+0000"),
            "2026-11-26T13:00:00%2B0000"
        );
        assert_eq!(encode_query("a b&c=d"), "a%20b%26c%3Dd");
        assert_eq!(encode_segment("ab/../c?d"), "ab%2F..%2Fc%3Fd");
    }

    #[test]
    fn page_sizes() {
        assert_eq!(page_size(None), 1000);
        assert_eq!(page_size(Some(5)), 5);
        assert_eq!(page_size(Some(5000)), 1000);
    }

    #[test]
    fn paging_stops_at_a_short_page() {
        let mut asked = Vec::new();
        each_page(
            2,
            |page, _| {
                asked.push(page);
                Ok(if page < 3 { vec![1, 2] } else { vec![1] })
            },
            |_| Ok(true),
        )
        .unwrap();
        assert_eq!(asked, [1, 2, 3]);
    }
}
