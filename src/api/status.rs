//! What an HTTP status means for the calls made with an API key (message
//! logs, opt-outs, webhooks), and the small helpers those calls share:
//! percent-encoding and paging.

use crate::api::http_status;
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

/// One page of records as `get_page` read it, with a fingerprint of each
/// record so that the page loop can tell when the server repeats itself.
pub struct Page<T> {
    pub records: Vec<T>,
    /// One per record the server sent, kept or not.
    prints: Vec<u64>,
    /// Records that are not records (a number, a string): left out.
    skipped: u64,
}

impl<T> Page<T> {
    #[cfg(test)]
    pub(super) fn of(records: Vec<T>, prints: Vec<u64>) -> Self {
        Page {
            records,
            prints,
            skipped: 0,
        }
    }
}

/// One page of records: `GET path`, read up to `MAX_PAGE_BYTES`, a bare
/// JSON array. `what` names the list when the body is not one. A lone
/// surrogate escape costs only the value it is in (`lenient_json`).
pub fn get_page<T: serde::de::DeserializeOwned>(
    transport: &Transport,
    key: &Secret,
    path: &str,
    what: &str,
) -> Result<Page<T>, Failure> {
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
    parse_page(&reply.body)
        .ok_or_else(|| unexpected_body(&format!("{what} is not a JSON array of records")))
}

/// A page's entries are each read twice: skimmed as raw JSON text (what
/// the fingerprint hashes, as sent), then straight into `T`, without a
/// `serde_json::Value` tree between them.
pub fn parse_page<T: serde::de::DeserializeOwned>(body: &[u8]) -> Option<Page<T>> {
    let body = lenient_json(body);
    let entries: Vec<&serde_json::value::RawValue> = serde_json::from_slice(&body).ok()?;
    let mut page = Page {
        records: Vec::with_capacity(entries.len()),
        prints: Vec::with_capacity(entries.len()),
        skipped: 0,
    };
    for entry in entries {
        let text = entry.get();
        let mut hasher = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(text, &mut hasher);
        page.prints.push(std::hash::Hasher::finish(&hasher));
        // One record that is not an object costs only itself.
        match text.starts_with('{').then(|| parse_entry(text)).flatten() {
            Some(record) => page.records.push(record),
            None => page.skipped += 1,
        }
    }
    Some(page)
}

/// One object of a page as a `T`. The rare object that `T` refuses as
/// written (a key given twice) is read as a JSON value first, as it always
/// was: the last of the repeated keys counts.
fn parse_entry<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok().or_else(|| {
        let value: serde_json::Value = serde_json::from_str(text).ok()?;
        serde_json::from_value(value).ok()
    })
}

/// One record: as `get_page`, a lone surrogate escape costs only its value.
pub fn parse_record<T: serde::de::DeserializeOwned>(body: &[u8]) -> Option<T> {
    serde_json::from_slice(&lenient_json(body)).ok()
}

/// JSON text with every lone surrogate escape (`"\ud83d"`: valid JSON
/// syntax, but no character) replaced by `\ufffd`, so that serde reads the
/// value it is in as U+FFFD instead of refusing the whole document.
/// Everything else is left as it is.
pub fn lenient_json(body: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    fn unit(body: &[u8], at: usize) -> Option<u16> {
        let hex = body.get(at..at.checked_add(4)?)?;
        u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    }
    let is_high = |u: u16| (0xD800..=0xDBFF).contains(&u);
    let is_low = |u: u16| (0xDC00..=0xDFFF).contains(&u);
    // Where a `\uXXXX` escape starts: the backslash's index, plus 2.
    let escape_at = |at: usize| {
        (body.get(at) == Some(&b'\\') && body.get(at + 1) == Some(&b'u'))
            .then(|| unit(body, at + 2))
            .flatten()
    };
    let mut out: Option<Vec<u8>> = None;
    let mut at = 0;
    while at < body.len() {
        if body[at] != b'\\' {
            // Up to the next backslash, in one step: a page is mostly that.
            let rest = body.get(at..).unwrap_or_default();
            let run = next_backslash(rest).unwrap_or(rest.len());
            if let Some(out) = &mut out {
                out.extend_from_slice(rest.get(..run).unwrap_or_default());
            }
            at += run;
            continue;
        }
        let Some(first) = escape_at(at) else {
            // Another escape (`\\`, `\"`, …): both bytes, as they are.
            let end = (at + 2).min(body.len());
            if let Some(out) = &mut out {
                out.extend_from_slice(&body[at..end]);
            }
            at = end;
            continue;
        };
        let paired = is_high(first) && escape_at(at + 6).is_some_and(is_low);
        let keep = if paired { 12 } else { 6 };
        if paired || !(is_high(first) || is_low(first)) {
            if let Some(out) = &mut out {
                out.extend_from_slice(&body[at..at + keep]);
            }
        } else {
            let out = out.get_or_insert_with(|| {
                let mut copy = Vec::with_capacity(body.len());
                copy.extend_from_slice(&body[..at]);
                copy
            });
            out.extend_from_slice(b"\\ufffd");
        }
        at += keep;
    }
    match out {
        Some(out) => std::borrow::Cow::Owned(out),
        None => std::borrow::Cow::Borrowed(body),
    }
}

/// Where the first backslash in `bytes` is: 32 bytes a step (a loop the
/// compiler vectorises), then within the chunk that holds one.
fn next_backslash(bytes: &[u8]) -> Option<usize> {
    const CHUNK: usize = 32;
    let is_backslash = |b: &u8| *b == b'\\';
    let mut chunks = bytes.chunks_exact(CHUNK);
    let mut offset = 0;
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |found, b| found | is_backslash(b)) {
            return chunk.iter().position(is_backslash).map(|n| offset + n);
        }
        offset += CHUNK;
    }
    let tail = chunks.remainder();
    tail.iter().position(is_backslash).map(|n| offset + n)
}

/// The failure for a status the caller did not handle itself.
pub fn keyed_failure(reply: &Reply, key: &Secret) -> Failure {
    http_status::failure(reply, key, &http_status::KEYED)
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

/// The most pages one listing asks for: 10 million records at 1000 a page.
pub const MAX_PAGES: u64 = 10_000;

/// How a listing ended without a failure of its own.
#[derive(Debug)]
pub enum Listed {
    /// A short page, or `take` asked for no more.
    Complete,
    /// The server repeats itself, or the page cap was reached: what was read
    /// stands, and the command ends with this failure (76) once it is printed.
    Cut(Failure),
}

impl Listed {
    /// For callers that need the whole list (a listing cut short is a failure).
    pub fn whole(self) -> Result<(), Failure> {
        match self {
            Listed::Complete => Ok(()),
            Listed::Cut(failure) => Err(failure),
        }
    }
}

/// The one page loop of every listing: asks for pages 1, 2, … of `size`
/// records and hands each to `take`, until a page is shorter than `size` or
/// `take` answers false (a limit reached, a closed pipe). Only one page is
/// held at a time. A server that ignores `page` never makes it endless: a
/// full page with no record the previous page did not have is not handed
/// on and ends the listing, as does a full page identical to any earlier
/// one (a server alternating pages A, B, A, B: one 8-byte fingerprint a
/// page is kept), and page `MAX_PAGES`; all are `Cut`.
pub fn each_page<T>(
    size: u64,
    mut fetch: impl FnMut(u64, u64) -> Result<Page<T>, Failure>,
    mut take: impl FnMut(Vec<T>) -> Result<bool, Failure>,
) -> Result<Listed, Failure> {
    let mut previous: std::collections::HashSet<u64> = std::collections::HashSet::new();
    // Each full page's fingerprint, with the first page that had it.
    let mut seen_pages: std::collections::HashMap<u64, u64> = std::collections::HashMap::new();
    let mut skipped = 0u64;
    for page in 1..=MAX_PAGES {
        let Page {
            records,
            prints,
            skipped: left_out,
        } = fetch(page, size)?;
        let full = prints.len() as u64 >= size;
        if full && page > 1 && prints.iter().all(|p| previous.contains(p)) {
            return Ok(cut(format!(
                "the server answered page {page} with the records of page {}: it ignores paging, so the listing stops here",
                page - 1
            )));
        }
        if full {
            let earlier = *seen_pages.entry(page_print(&prints)).or_insert(page);
            if earlier != page {
                return Ok(cut(format!(
                    "the server answered page {page} with the records of page {earlier}: it ignores paging, so the listing stops here"
                )));
            }
        }
        if left_out > 0 {
            crate::report::warn(&format!(
                "page {page}: left out {left_out} {} that {} not a JSON object",
                if left_out == 1 { "entry" } else { "entries" },
                if left_out == 1 { "is" } else { "are" },
            ));
            skipped = skipped.saturating_add(left_out);
        }
        if !take(records)? || !full {
            if skipped > 0 {
                return Ok(Listed::Cut(Failure::new(
                    ExitCode::Protocol,
                    format!("the list is incomplete: {skipped} of its entries were not records"),
                )));
            }
            return Ok(Listed::Complete);
        }
        previous = prints.into_iter().collect();
    }
    Ok(cut(format!(
        "the listing stops after {MAX_PAGES} pages, the most mobivate reads"
    )))
}

/// The fingerprint of a page: its records' fingerprints, in any order.
fn page_print(prints: &[u64]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut sorted = prints.to_vec();
    sorted.sort_unstable();
    let mut hasher = std::hash::DefaultHasher::new();
    sorted.hash(&mut hasher);
    hasher.finish()
}

/// A listing cut short: the warning says why, the failure (76) that what
/// was read is not the whole list.
fn cut(why: String) -> Listed {
    crate::report::warn(&why);
    Listed::Cut(Failure::new(
        ExitCode::Protocol,
        "the list is incomplete: the server did not page through it",
    ))
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
        let listed = each_page(
            2,
            |page, _| {
                asked.push(page);
                Ok(if page < 3 {
                    Page::of(vec![1, 2], vec![page * 2, page * 2 + 1])
                } else {
                    Page::of(vec![1], vec![99])
                })
            },
            |_| Ok(true),
        )
        .unwrap();
        assert_eq!(asked, [1, 2, 3]);
        assert!(matches!(listed, Listed::Complete));
    }

    #[test]
    fn paging_stops_when_the_server_repeats_itself() {
        let mut taken = Vec::new();
        let listed = each_page(
            2,
            |page, _| Ok(Page::of(vec![page, page], vec![1, 2])),
            |records| {
                taken.extend(records);
                Ok(true)
            },
        )
        .unwrap();
        assert_eq!(taken, [1, 1]);
        assert!(matches!(listed, Listed::Cut(f) if f.code == ExitCode::Protocol));
    }

    #[test]
    fn paging_stops_when_the_server_alternates_two_pages() {
        let mut taken = Vec::new();
        let listed = each_page(
            2,
            |page, _| {
                let a = page % 2;
                Ok(Page::of(vec![page, page], vec![a * 10, a * 10 + 1]))
            },
            |records| {
                taken.extend(records);
                Ok(true)
            },
        )
        .unwrap();
        assert_eq!(taken, [1, 1, 2, 2]);
        assert!(matches!(listed, Listed::Cut(f) if f.code == ExitCode::Protocol));
    }

    #[test]
    fn paging_stops_at_the_page_cap() {
        let mut pages = 0;
        let listed = each_page(
            1,
            |page, _| Ok(Page::of(vec![page], vec![page])),
            |_| {
                pages += 1;
                Ok(true)
            },
        )
        .unwrap();
        assert_eq!(pages, MAX_PAGES);
        assert!(matches!(listed, Listed::Cut(_)));
    }

    #[test]
    fn a_key_given_twice_counts_once_the_last_time() {
        #[derive(serde::Deserialize)]
        struct Message {
            id: Option<String>,
        }
        let page: Page<Message> =
            parse_page(br#"[{"id":"a","status":"ACCEPTED","id":"b"}, {"id":"c"}]"#).unwrap();
        let ids: Vec<_> = page.records.iter().map(|m| m.id.clone()).collect();
        assert_eq!(ids, [Some("b".into()), Some("c".into())]);
        assert_eq!((page.prints.len(), page.skipped), (2, 0));
    }

    #[test]
    fn the_next_backslash_is_found_in_any_chunk() {
        for len in [0, 1, 31, 32, 33, 64, 100] {
            assert_eq!(next_backslash(&vec![b'a'; len]), None, "{len}");
            for at in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[at] = b'\\';
                bytes.push(b'\\');
                assert_eq!(next_backslash(&bytes), Some(at), "{len} {at}");
            }
        }
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let lenient =
            |text: &str| String::from_utf8(lenient_json(text.as_bytes()).into_owned()).unwrap();
        assert_eq!(lenient(r#"["\ud83d", 1]"#), r#"["\ufffd", 1]"#);
        assert_eq!(lenient(r#"["\udc00\ud83d"]"#), r#"["\ufffd\ufffd"]"#);
        let kept = r#"["\ud83d\ude00", "\\ud83d", "\u00e9\"", "\ud83d"#;
        assert_eq!(
            lenient(kept),
            r#"["\ud83d\ude00", "\\ud83d", "\u00e9\"", "\ufffd"#
        );
        let page: Page<serde_json::Value> =
            parse_page(br#"[{"a":"x\ud83dy"},{"a":"ok"}]"#).unwrap();
        assert_eq!(page.records[0]["a"], "x\u{fffd}y");
        assert_eq!(page.records[1]["a"], "ok");
        let page: Page<serde_json::Value> = parse_page(br#"[1,{"a":"ok"},"x"]"#).unwrap();
        assert_eq!(page.records.len(), 1);
        assert_eq!((page.prints.len(), page.skipped), (3, 2));
        assert_eq!(lenient("\\"), "\\");
        let long = format!("[\"{}\\ud83d{}\"]", "a".repeat(40), "b".repeat(70));
        let fixed = format!("[\"{}\\ufffd{}\"]", "a".repeat(40), "b".repeat(70));
        assert_eq!(lenient(&long), fixed);
        assert_eq!(lenient("\\u12"), "\\u12");
    }
}
