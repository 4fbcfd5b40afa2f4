//! Finding out what happened to requests whose outcome is unknown, by
//! looking for their rows' references in the message log (`GET /message`).
//!
//! The window runs from 5 minutes before the earliest such request started
//! (clocks differ) to now. Of each request: every reference found means it
//! was accepted; some found means the rest are missing (reported, never
//! resent); none found after `--settle` means still unknown, and resent only
//! with `--resend-unknown`.
//!
//! The log is read with `api::messages` through the one page loop
//! (`api::status::each_page`: 1-based pages of 1000, a short page ends, a
//! server that repeats itself fails the reconciliation with 76).

use crate::api::messages::{self, Direction, Search};
use crate::bulk::clock::now_ms as now_unix_ms;
use crate::bulk::journal::{Journal, Ledger, RangeBuilder, Record};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::net::transport::Transport;
use crate::output::duration::human;
use crate::report::warn;
use crate::secret::Secret;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::Duration;

const PAGE_SIZE: u64 = 1000;
const CLOCK_SKEW_MS: i64 = 5 * 60 * 1000;

fn timestamp(unix_ms: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_millisecond(unix_ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

/// Calls `each` with the `senderReference` and the recipient (digits only)
/// of every outgoing message in the log between the two times, page by page
/// (`api::messages`, `api::status::each_page`).
pub fn search_log(
    transport: &Transport,
    key: &Secret,
    from_ms: i64,
    to_ms: i64,
    mut each: impl FnMut(&str, &str),
) -> Result<(), Failure> {
    let search = Search {
        since: timestamp(from_ms),
        until: timestamp(to_ms),
        direction: Some(Direction::Mt),
    };
    crate::api::status::each_page(
        PAGE_SIZE,
        |page, size| messages::search_page(transport, key, &search, page, size),
        |records| {
            for record in &records {
                let reference = messages::text_of(&record.sender_reference);
                if !reference.is_empty() {
                    let recipient: String = messages::text_of(&record.recipient)
                        .chars()
                        .filter(char::is_ascii_digit)
                        .collect();
                    each(&reference, &recipient);
                }
            }
            Ok(true)
        },
    )?
    .whole()
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
/// unknown row's reference to (row, request, recipient). A log record is
/// ours only when both its reference and its recipient match.
pub fn reconcile(
    transport: &Transport,
    key: &Secret,
    journal: &Journal,
    ledger: &Mutex<Ledger>,
    refs: &HashMap<String, (u64, u64, String)>,
    settle: Duration,
    stopping: &dyn Fn() -> bool,
) -> Result<Outcome, Failure> {
    let lock = || ledger.lock().unwrap_or_else(|p| p.into_inner());
    let mut pending: Vec<(u64, i64)> = lock().unknown_requests();
    let mut outcome = Outcome::default();
    let settle_ms = i64::try_from(settle.as_millis()).unwrap_or(i64::MAX);
    let mut per_request: HashMap<u64, u64> = HashMap::new();
    for (_, request, _) in refs.values() {
        *per_request.entry(*request).or_default() += 1;
    }
    while !pending.is_empty() {
        let earliest = pending.iter().map(|(_, at)| *at).min().unwrap_or(0);
        let wanted: HashSet<u64> = pending.iter().map(|(id, _)| *id).collect();
        let mut found: HashMap<u64, Vec<u64>> = HashMap::new();
        search_log(
            transport,
            key,
            earliest.saturating_sub(CLOCK_SKEW_MS),
            now_unix_ms().saturating_add(60_000),
            |reference, recipient| {
                if let Some((row, request, ours)) = refs.get(reference)
                    && ours == recipient
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
                if now.saturating_sub(at) >= settle_ms {
                    outcome.settled.insert(id);
                } else {
                    young.push((id, at));
                }
                continue;
            }
            found_in_log(journal, ledger, id, &rows, total, &mut outcome)?;
        }
        if young.is_empty() {
            break;
        }
        let latest = young.iter().map(|(_, at)| *at).max().unwrap_or(0);
        let wait_ms = latest
            .saturating_add(settle_ms)
            .saturating_sub(now)
            .max(0)
            .unsigned_abs();
        let rows: u64 = young
            .iter()
            .map(|(id, _)| per_request.get(id).copied().unwrap_or(0))
            .sum();
        warn(&format!(
            "{rows} rows have an unknown outcome and are not in the message log yet; waiting {} for it to catch up (--settle)",
            human(Duration::from_millis(wait_ms))
        ));
        let until = std::time::Instant::now() + Duration::from_millis(wait_ms);
        if crate::platform::wait::sleep_unless(until, stopping).is_err() {
            return Err(Failure::interrupted());
        }
        pending = young;
    }
    Ok(outcome)
}

/// Journals the rows of request `id` found in the message log (accepted);
/// when not all of its `total` rows are, the rest are told as missing.
fn found_in_log(
    journal: &Journal,
    ledger: &Mutex<Ledger>,
    id: u64,
    rows: &[u64],
    total: u64,
    outcome: &mut Outcome,
) -> Result<(), Failure> {
    let complete = rows.len() as u64 >= total;
    let mut ranges = RangeBuilder::default();
    for row in rows {
        ranges.push(*row, false);
    }
    let record = Record::Found {
        id,
        rows: ranges.ranges,
        complete,
    };
    journal.record(ledger, &record).map_err(|e| {
        Failure::new(
            ExitCode::CantCreate,
            format!("cannot write the journal {}: {e}", journal.path().display()),
        )
    })?;
    outcome.accepted_rows += rows.len() as u64;
    if !complete {
        let missing = total.saturating_sub(rows.len() as u64);
        outcome.missing_rows += missing;
        warn(&format!(
            "request {id}: {} of its {total} rows are in the message log and {missing} are not; those are left unknown and will not be resent",
            rows.len()
        ));
    }
    Ok(())
}
