//! Finding out what happened to requests whose outcome is unknown, by
//! looking for their rows' references in the message log (`GET /message`).
//!
//! The window runs from 5 minutes before the earliest such request started
//! (clocks differ) to now. Of each request: every reference found means it
//! was accepted; some found means the rest are missing (reported, never
//! resent); none found after `--settle` means still unknown, and resent only
//! with `--resend-unknown`.
//!
//! The pager here is deliberately small and private: a minimal client of
//! `GET /message` (bare arrays, 1-based pages of 1000, a short page ends).

use crate::bulk::clock::{api_time, human, now_ms as now_unix_ms};
use crate::bulk::journal::{Journal, Ledger, RangeBuilder, Record};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::net::transport::{Call, Method, RetryPolicy, Transport};
use crate::report::warn;
use crate::secret::Secret;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::Duration;

const PAGE_SIZE: usize = 1000;
const MAX_PAGE_BODY: u64 = 16 * 1024 * 1024;
const CLOCK_SKEW_MS: i64 = 5 * 60 * 1000;

#[derive(Deserialize)]
struct Entry {
    #[serde(rename = "senderReference")]
    sender_reference: Option<String>,
}

/// `+` in a query must be `%2B`.
fn query_date(unix_ms: i64) -> String {
    api_time(unix_ms).replace('+', "%2B")
}

fn log_failure(status: u16, body: &[u8], key: &Secret) -> Failure {
    let quoted = crate::api::server_message(body, key)
        .map(|m| format!(": \"{m}\""))
        .unwrap_or_default();
    let http = crate::api::http_label(status);
    let code = match status {
        401..=403 => ExitCode::NoPerm,
        429 => ExitCode::TempFail,
        500..=599 => ExitCode::Unavailable,
        _ => ExitCode::Protocol,
    };
    Failure::new(
        code,
        format!("reading the message log failed ({http}){quoted}"),
    )
    .with_hint("nothing was sent; the unknown rows stay unknown until the log can be read")
}

/// Calls `each` with the `senderReference` of every message in the log
/// between the two times, page by page.
pub fn search_log(
    transport: &Transport,
    key: &Secret,
    from_ms: i64,
    to_ms: i64,
    mut each: impl FnMut(&str),
) -> Result<(), Failure> {
    for page in 1.. {
        let path = format!(
            "/message?startDate={}&endDate={}&page={page}&pageSize={PAGE_SIZE}&direction=MT",
            query_date(from_ms),
            query_date(to_ms)
        );
        let reply = transport.send(&Call {
            method: Method::Get,
            path: &path,
            json_body: None,
            bearer: Some(key),
            policy: RetryPolicy::Safe,
            max_body: MAX_PAGE_BODY,
        })?;
        if !(200..300).contains(&reply.status) {
            return Err(log_failure(reply.status, &reply.body, key));
        }
        let entries: Vec<Entry> = serde_json::from_slice(&reply.body).map_err(|e| {
            Failure::new(
                ExitCode::Protocol,
                format!("the message log's page {page} is not a list of messages: {e}"),
            )
        })?;
        for entry in &entries {
            if let Some(reference) = &entry.sender_reference {
                each(reference);
            }
        }
        if entries.len() < PAGE_SIZE {
            break;
        }
    }
    Ok(())
}

/// What reconciliation decided.
#[derive(Default)]
pub struct Outcome {
    /// Requests of which nothing was found after `--settle`: resendable.
    pub settled: HashSet<u64>,
    pub accepted_rows: u64,
    pub missing_rows: u64,
}

/// Reconciles every unknown request of the ledger. `refs` maps each
/// unknown row's reference to (row, request).
pub fn reconcile(
    transport: &Transport,
    key: &Secret,
    journal: &Journal,
    ledger: &Mutex<Ledger>,
    refs: &HashMap<String, (u64, u64)>,
    settle: Duration,
    stopping: &dyn Fn() -> bool,
) -> Result<Outcome, Failure> {
    let lock = || ledger.lock().unwrap_or_else(|p| p.into_inner());
    let mut pending: Vec<(u64, i64)> = lock().unknown_requests();
    let mut outcome = Outcome::default();
    let mut per_request: HashMap<u64, u64> = HashMap::new();
    for (_, request) in refs.values() {
        *per_request.entry(*request).or_default() += 1;
    }
    while !pending.is_empty() {
        let earliest = pending.iter().map(|(_, at)| *at).min().unwrap_or(0);
        let wanted: HashSet<u64> = pending.iter().map(|(id, _)| *id).collect();
        let mut found: HashMap<u64, Vec<u64>> = HashMap::new();
        search_log(
            transport,
            key,
            earliest - CLOCK_SKEW_MS,
            now_unix_ms() + 60_000,
            |reference| {
                if let Some((row, request)) = refs.get(reference)
                    && wanted.contains(request)
                {
                    found.entry(*request).or_default().push(*row);
                }
            },
        )?;
        let now = now_unix_ms();
        let mut young = Vec::new();
        for (id, at) in pending {
            let mut rows = found.remove(&id).unwrap_or_default();
            rows.sort_unstable();
            rows.dedup();
            let total = per_request.get(&id).copied().unwrap_or(0);
            if rows.is_empty() {
                if now - at >= settle.as_millis() as i64 {
                    outcome.settled.insert(id);
                } else {
                    young.push((id, at));
                }
                continue;
            }
            let complete = rows.len() as u64 >= total;
            let mut ranges = RangeBuilder::default();
            for row in &rows {
                ranges.push(*row, false);
            }
            let record = Record::Found {
                id,
                rows: ranges.ranges,
                complete,
            };
            journal.append(&record).map_err(|e| {
                Failure::new(
                    ExitCode::CantCreate,
                    format!("cannot write the journal {}: {e}", journal.path().display()),
                )
            })?;
            lock().apply(&record);
            outcome.accepted_rows += rows.len() as u64;
            if !complete {
                let missing = total - rows.len() as u64;
                outcome.missing_rows += missing;
                warn(&format!(
                    "request {id}: {} of its {total} rows are in the message log and {missing} are not; those are left unknown and will not be resent",
                    rows.len()
                ));
            }
        }
        if young.is_empty() {
            break;
        }
        let latest = young.iter().map(|(_, at)| *at).max().unwrap_or(0);
        let wait_ms = (latest + settle.as_millis() as i64 - now).max(0) as u64;
        let rows: u64 = young
            .iter()
            .map(|(id, _)| per_request.get(id).copied().unwrap_or(0))
            .sum();
        warn(&format!(
            "{rows} rows have an unknown outcome and are not in the message log yet; waiting {} for it to catch up (--settle)",
            human(Duration::from_millis(wait_ms))
        ));
        let until = std::time::Instant::now() + Duration::from_millis(wait_ms);
        while std::time::Instant::now() < until {
            if stopping() {
                return Err(Failure::interrupted());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        pending = young;
    }
    Ok(outcome)
}
