//! `mobivate bulk FILE --status`: the run's accepted rows joined with the
//! message log.
//!
//! The rows are indexed compactly, by a 16-byte key of (reference,
//! recipient) in one sorted `Vec`, as reconciliation matches them; each
//! read of the log (`Tally`) takes its records page by page and keeps, per
//! row, only the most advanced status (delivered, then failed, then
//! pending), its delivery time and when it became final. Parts and cost
//! are summed over every matched record, the cost exactly (`Decimal`).

use crate::api::messages::{Message, is_final, text_of};
use crate::bulk::hash::mix64;
use crate::output::delivery_page::{Percentiles, TimelinePoint};
use std::collections::{BTreeMap, HashMap};

/// A row's key in the log: its reference and its recipient (digits only).
pub fn key(reference: &str, recipient: &str) -> [u8; 16] {
    let low = mix64(
        mix64(0x5bd1_e995, reference.as_bytes()),
        recipient.as_bytes(),
    );
    let high = mix64(
        mix64(0x27d4_eb2f, reference.as_bytes()),
        recipient.as_bytes(),
    );
    let mut key = [0u8; 16];
    key[..8].copy_from_slice(&low.to_le_bytes());
    key[8..].copy_from_slice(&high.to_le_bytes());
    key
}

/// The rows a status counts, by slot (the order they were pushed, which is
/// input order), with the sorted index of their keys.
#[derive(Default)]
pub struct Rows {
    keys: Vec<([u8; 16], u32)>,
    /// Per slot: the journal holds it accepted (else its outcome is unknown,
    /// and it counts only when the log shows it).
    accepted: Vec<bool>,
}

impl Rows {
    /// Adds a row; its slot is the number of rows pushed before it.
    pub fn push(&mut self, key: [u8; 16], accepted: bool) {
        let slot = u32::try_from(self.accepted.len()).unwrap_or(u32::MAX);
        self.keys.push((key, slot));
        self.accepted.push(accepted);
    }

    /// Sorts the index: call once, after the last `push`.
    pub fn seal(&mut self) {
        self.keys.sort_unstable();
        self.keys.shrink_to_fit();
        self.accepted.shrink_to_fit();
    }

    pub fn slot_of(&self, key: &[u8; 16]) -> Option<usize> {
        let at = self.keys.binary_search_by(|(k, _)| k.cmp(key)).ok()?;
        self.keys.get(at).map(|(_, slot)| *slot as usize)
    }

    pub fn len(&self) -> usize {
        self.accepted.len()
    }
}

/// How far a row's delivery got: the most advanced record wins.
const NONE: u8 = 0;
const PENDING: u8 = 1;
const FAILED: u8 = 2;
const DELIVERED: u8 = 3;

/// 8 bytes a row: a million rows' cells take 8 MB.
#[derive(Clone, Copy, Default)]
struct Cell {
    rank: u8,
    /// The status name, interned in `Tally::names` (the first 255).
    name: u8,
    /// Delivery time (`modified` − `created`), whole seconds (at most 18 h).
    delivery: u16,
    /// `modified` once final, in seconds after `Tally::base`, else 0.
    final_at: u32,
}

/// What `--report` adds per row: the record's id, and the row's parts and
/// cost over every record.
#[derive(Default, Clone)]
pub struct Detail {
    pub id: Option<Box<str>>,
    pub parts: u64,
    pub cost: Decimal,
    pub priced: bool,
}

/// One read of the log, joined with the rows.
pub struct Tally<'a> {
    rows: &'a Rows,
    cells: Vec<Cell>,
    names: Vec<String>,
    lookup: HashMap<String, u8>,
    parts: u64,
    cost: BTreeMap<String, Decimal>,
    details: Option<Vec<Detail>>,
    /// Final times are kept as seconds after this (Unix s).
    base: i64,
}

impl<'a> Tally<'a> {
    /// `details`: keep what `--report` needs of each row. `base`: a time
    /// (Unix s) before any record's `modified`.
    pub fn new(rows: &'a Rows, details: bool, base: i64) -> Tally<'a> {
        Tally {
            base,
            rows,
            cells: vec![Cell::default(); rows.len()],
            names: vec![String::new()],
            lookup: HashMap::new(),
            parts: 0,
            cost: BTreeMap::new(),
            details: details.then(|| vec![Detail::default(); rows.len()]),
        }
    }

    /// Takes one record of the log: ignored unless it is one of the rows.
    pub fn take(&mut self, record: &Message) {
        let reference = text_of(&record.sender_reference);
        if reference.is_empty() {
            return;
        }
        let recipient: String = text_of(&record.recipient)
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let Some(slot) = self.rows.slot_of(&key(&reference, &recipient)) else {
            return;
        };
        let status = record.status_name();
        let rank = if !is_final(&status) {
            PENDING
        } else if status.trim().eq_ignore_ascii_case("DELIVERED") {
            DELIVERED
        } else {
            FAILED
        };
        let parts = number(&record.parts);
        let cost = Decimal::parse(&text_of(&record.cost));
        self.parts = self.parts.saturating_add(parts);
        if let Some(cost) = cost {
            let sum = self.cost.entry(text_of(&record.currency)).or_default();
            *sum = sum.add(cost);
        }
        let name = self.intern(status.trim());
        let Some(cell) = self.cells.get_mut(slot) else {
            return;
        };
        let better = rank > cell.rank || cell.rank == NONE;
        if better {
            let created = record_time(&record.created);
            let modified = record_time(&record.modified);
            cell.rank = rank;
            cell.name = name;
            cell.delivery = match (created, modified) {
                (Some(c), Some(m)) => u16::try_from(m.saturating_sub(c).max(0)).unwrap_or(u16::MAX),
                _ => 0,
            };
            cell.final_at = match modified {
                Some(m) if rank >= FAILED => {
                    u32::try_from(m.saturating_sub(self.base).max(0)).unwrap_or(u32::MAX)
                }
                _ => 0,
            };
        }
        if let Some(detail) = self.details.as_mut().and_then(|d| d.get_mut(slot)) {
            if better {
                detail.id = Some(text_of(&record.id).into_boxed_str()).filter(|id| !id.is_empty());
            }
            detail.parts = detail.parts.saturating_add(parts);
            if let Some(cost) = cost {
                detail.cost = detail.cost.add(cost);
                detail.priced = true;
            }
        }
    }

    fn intern(&mut self, name: &str) -> u8 {
        if let Some(at) = self.lookup.get(name) {
            return *at;
        }
        let Ok(at) = u8::try_from(self.names.len()) else {
            return 0;
        };
        self.names.push(name.to_string());
        self.lookup.insert(name.to_string(), at);
        at
    }

    /// A row's state for the report: its status name, and `final` (Unix s).
    pub fn row(&self, slot: usize) -> (Option<&str>, Option<i64>, Option<&Detail>) {
        let Some(cell) = self.cells.get(slot) else {
            return (None, None, None);
        };
        let status = (cell.rank != NONE)
            .then(|| self.names.get(usize::from(cell.name)).map(String::as_str))
            .flatten();
        let final_at = (cell.rank >= FAILED).then(|| self.base + i64::from(cell.final_at));
        let detail = self.details.as_ref().and_then(|d| d.get(slot));
        (status, final_at, detail)
    }

    /// The counts and sums of this read; the timeline counts from
    /// `first_sent` (Unix s).
    pub fn summary(&self, first_sent: i64) -> Summary {
        let mut summary = Summary {
            parts: self.parts,
            cost: self
                .cost
                .iter()
                .map(|(currency, sum)| (currency.clone(), sum.to_string()))
                .collect(),
            ..Summary::default()
        };
        let mut failures: HashMap<u8, u64> = HashMap::new();
        let mut delivery = Vec::new();
        let mut buckets: BTreeMap<u64, (u64, u64)> = BTreeMap::new();
        for (cell, accepted) in self.cells.iter().zip(&self.rows.accepted) {
            if !accepted && cell.rank == NONE {
                continue;
            }
            summary.accepted += 1;
            let at = self.base + i64::from(cell.final_at);
            let second = u64::try_from(at.saturating_sub(first_sent)).unwrap_or(0);
            match cell.rank {
                NONE => summary.missing += 1,
                PENDING => summary.pending += 1,
                FAILED => {
                    summary.failed += 1;
                    *failures.entry(cell.name).or_default() += 1;
                    buckets.entry(second).or_default().1 += 1;
                }
                _ => {
                    summary.delivered += 1;
                    delivery.push(u32::from(cell.delivery));
                    buckets.entry(second).or_default().0 += 1;
                }
            }
        }
        let mut failures: Vec<(String, u64)> = failures
            .into_iter()
            .map(|(name, n)| {
                (
                    self.names
                        .get(usize::from(name))
                        .cloned()
                        .unwrap_or_default(),
                    n,
                )
            })
            .collect();
        failures.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        summary.failures = failures;
        summary.delivery = percentiles(&mut delivery);
        let (mut delivered, mut failed) = (0, 0);
        summary.timeline = buckets
            .into_iter()
            .map(|(seconds, (d, f))| {
                delivered += d;
                failed += f;
                TimelinePoint {
                    seconds,
                    delivered,
                    failed,
                }
            })
            .collect();
        summary
    }
}

/// The counts and sums of one read of the log.
#[derive(Default, Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub accepted: u64,
    pub delivered: u64,
    pub failed: u64,
    pub pending: u64,
    pub missing: u64,
    /// By status name, most frequent first.
    pub failures: Vec<(String, u64)>,
    pub parts: u64,
    /// Currency → exact decimal sum.
    pub cost: Vec<(String, String)>,
    pub delivery: Option<Percentiles>,
    pub timeline: Vec<TimelinePoint>,
}

impl Summary {
    /// stdout's one line.
    pub fn line(&self) -> String {
        format!(
            "delivered {}, failed {}, pending {}, missing {} (of {} accepted)\n",
            self.delivered, self.failed, self.pending, self.missing, self.accepted
        )
    }

    /// Every accepted row has a final status.
    pub fn complete(&self) -> bool {
        self.pending == 0 && self.missing == 0
    }
}

/// Nearest-rank percentiles of whole seconds, and the maximum.
pub fn percentiles(values: &mut [u32]) -> Option<Percentiles> {
    values.sort_unstable();
    let n = values.len();
    let max = u64::from(*values.last()?);
    let at = |p: usize| {
        let rank = (p * n).div_ceil(100).clamp(1, n);
        values.get(rank - 1).map_or(0, |v| u64::from(*v))
    };
    Some(Percentiles {
        p50: at(50),
        p90: at(90),
        p99: at(99),
        max,
    })
}

/// A count field (a number or a numeric string); anything else is 0.
fn number(value: &Option<serde_json::Value>) -> u64 {
    text_of(value).trim().parse().unwrap_or(0)
}

/// A record's time (`2023-07-01T01:10:34+0000`, or RFC 3339) in Unix s.
fn record_time(value: &Option<serde_json::Value>) -> Option<i64> {
    let text = text_of(value);
    let text = text.trim();
    jiff::Timestamp::strptime("%Y-%m-%dT%H:%M:%S%z", text)
        .or_else(|_| text.parse::<jiff::Timestamp>())
        .ok()
        .map(|t| t.as_second())
}

/// Fractional digits a `Decimal` keeps.
const SCALE: u32 = 12;
const UNIT: i128 = 10i128.pow(SCALE);

/// An exact decimal: the value × 10^12, so that sums never go through a float.
#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal(i128);

impl Decimal {
    /// `12.34`, `-0.5`, `1e-7`, `3`: `None` for anything else. Digits past
    /// the 12th after the point are dropped.
    pub fn parse(text: &str) -> Option<Decimal> {
        let text = text.trim();
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let (mantissa, exponent) = match text.find(['e', 'E']) {
            Some(at) => (text.get(..at)?, text.get(at + 1..)?.parse::<i32>().ok()?),
            None => (text, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if whole.is_empty() && fraction.is_empty() {
            return None;
        }
        let mut value: i128 = 0;
        let mut scale: i32 = 0;
        for (i, c) in whole.chars().chain(fraction.chars()).enumerate() {
            let digit = i128::from(c.to_digit(10)? as u8);
            if i >= whole.len() {
                scale += 1;
            }
            value = value.checked_mul(10)?.checked_add(digit)?;
        }
        // value × 10^(exponent − scale), as a multiple of 10^−SCALE.
        let shift = i32::try_from(SCALE).ok()? + exponent - scale;
        let value = if shift >= 0 {
            value.checked_mul(10i128.checked_pow(u32::try_from(shift).ok()?)?)?
        } else {
            let down = u32::try_from(-shift).ok()?;
            value / 10i128.checked_pow(down).unwrap_or(i128::MAX)
        };
        Some(Decimal(if negative { -value } else { value }))
    }

    pub fn add(self, other: Decimal) -> Decimal {
        Decimal(self.0.saturating_add(other.0))
    }
}

impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let magnitude = self.0.unsigned_abs();
        let unit = UNIT.unsigned_abs();
        let (whole, fraction) = (magnitude / unit, magnitude % unit);
        if fraction == 0 {
            return write!(f, "{sign}{whole}");
        }
        let digits = format!("{fraction:0width$}", width = SCALE as usize);
        write!(f, "{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(values: &[&str]) -> String {
        values
            .iter()
            .fold(Decimal::default(), |acc, v| {
                acc.add(Decimal::parse(v).unwrap())
            })
            .to_string()
    }

    #[test]
    fn costs_add_up_exactly() {
        assert_eq!(sum(&["0.1", "0.2"]), "0.3");
        assert_eq!(sum(&["0.01", "0.02", "0.03"]), "0.06");
        assert_eq!(sum(&["12", "0.50"]), "12.5");
        assert_eq!(sum(&["1e-2", "2E1"]), "20.01");
        assert_eq!(sum(&["-0.5", "0.25"]), "-0.25");
        assert_eq!(sum(&[]), "0");
        for bad in ["", ".", "abc", "1.2.3", "--1", "1e"] {
            assert_eq!(Decimal::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn nearest_rank_percentiles() {
        let mut values: Vec<u32> = (1..=100).collect();
        let p = percentiles(&mut values).unwrap();
        assert_eq!((p.p50, p.p90, p.p99, p.max), (50, 90, 99, 100));
        let mut one = vec![7];
        let p = percentiles(&mut one).unwrap();
        assert_eq!((p.p50, p.p90, p.p99, p.max), (7, 7, 7, 7));
        assert_eq!(percentiles(&mut []), None);
        let mut values = vec![5, 1, 3, 2, 4];
        let p = percentiles(&mut values).unwrap();
        assert_eq!((p.p50, p.p90, p.p99, p.max), (3, 5, 5, 5));
    }

    #[test]
    fn the_most_advanced_record_wins_and_every_record_is_billed() {
        let mut rows = Rows::default();
        rows.push(key("r1", "447700900001"), true);
        rows.push(key("r2", "447700900002"), false);
        rows.push(key("r3", "447700900003"), true);
        rows.seal();
        let record = |reference: &str, recipient: &str, status: &str, cost: &str| {
            serde_json::from_value::<Message>(serde_json::json!({
                "id": format!("id-{reference}-{status}"), "senderReference": reference,
                "recipient": recipient, "status": status, "parts": 1, "cost": cost,
                "currency": "GBP", "created": "2026-12-01T10:00:00+0000",
                "modified": "2026-12-01T10:00:04+0000",
            }))
            .unwrap()
        };
        let mut tally = Tally::new(&rows, true, 0);
        tally.take(&record("r1", "+447700900001", "FAILED_NACK", "0.1"));
        tally.take(&record("r1", "447700900001", "DELIVERED", "0.2"));
        tally.take(&record("r1", "447700900001", "ACCEPTED", "0.1"));
        tally.take(&record("r1", "447700900009", "DELIVERED", "5"));
        tally.take(&record("zz", "447700900001", "DELIVERED", "5"));
        let summary = tally.summary(0);
        assert_eq!(
            summary.line(),
            "delivered 1, failed 0, pending 0, missing 1 (of 2 accepted)\n"
        );
        assert_eq!(summary.parts, 3);
        assert_eq!(summary.cost, [("GBP".to_string(), "0.4".to_string())]);
        let (status, _, detail) = tally.row(0);
        assert_eq!(status, Some("DELIVERED"));
        assert_eq!(detail.unwrap().id.as_deref(), Some("id-r1-DELIVERED"));
        tally.take(&record("r2", "447700900002", "EXPIRED", "0.1"));
        let summary = tally.summary(0);
        assert_eq!(summary.failures, [("EXPIRED".to_string(), 1)]);
        assert_eq!(summary.accepted, 3);
    }
}
