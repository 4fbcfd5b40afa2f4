//! Every accepted message, in creation order, compactly: a million of them
//! take about 64 bytes each plus their text. Texts and references live in one
//! string arena; originators, routes and campaign ids, which repeat, are
//! interned. Ids are not stored: they are an invertible scramble of the
//! message's position, so `GET /message/{id}` needs no index.

use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use crate::time::RecordTime;

/// Without `--delivery-mix`, a message's status stays `ACCEPTED` this long
/// after acceptance.
pub const DELIVERY_DELAY_MS: i64 = 2_000;
const COST_PER_PART: f64 = 0.01;
const NONE: u32 = u32::MAX;
/// `--seed-log`'s last message is this old when the mock starts: every
/// seeded status is final by then, `--delivery-mix` or not.
const SEED_LAST_AGO_MS: i64 = 10_000;
/// The most messages `--seed-log` makes: recipients have 8 digits of `i`.
pub const MAX_SEEDED: u64 = 10_000_000;

/// How a message ends, decided when it is accepted.
#[derive(Clone, Copy)]
pub enum Outcome {
    Delivered,
    /// A recipient ending in `000`: the failure path.
    Undeliverable,
    /// An opted-out recipient sent with `excludeOptouts: false`.
    Blacklisted,
    // The rest only with `--delivery-mix`.
    Expired,
    Rejected,
    FailedNack,
    FailedNoRoute,
    FailedExhausted,
    FailedUnknown,
}

impl Outcome {
    fn status(self) -> Status {
        match self {
            Outcome::Delivered => Status("DELIVERED", 1),
            Outcome::Undeliverable => Status("UNDELIVERABLE", 5),
            Outcome::Blacklisted => Status("FAILED_RECIPIENT_BLACKLISTED", 19),
            Outcome::Expired => Status("EXPIRED", 3),
            Outcome::Rejected => Status("REJECTED", 7),
            Outcome::FailedNack => Status("FAILED_NACK", 11),
            Outcome::FailedNoRoute => Status("FAILED_NOROUTE", 12),
            Outcome::FailedExhausted => Status("FAILED_EXHAUSTED", 24),
            Outcome::FailedUnknown => Status("FAILED_UNKNOWN", 29),
        }
    }
}

/// A message's final status and how long after acceptance (or its
/// schedule) it becomes final: the rule of main.rs's top comment.
#[derive(Clone, Copy)]
pub struct Fate {
    pub outcome: Outcome,
    pub after_ms: i64,
}

impl Fate {
    /// The fate of a message to `recipient` (8 to 15 digits); `mix` is
    /// `--delivery-mix`.
    pub fn for_recipient(recipient: &str, opted_out: bool, mix: bool) -> Fate {
        let outcome = if opted_out {
            Outcome::Blacklisted
        } else if recipient.ends_with("000") {
            Outcome::Undeliverable
        } else if !mix {
            Outcome::Delivered
        } else {
            let last_two = recipient
                .get(recipient.len().saturating_sub(2)..)
                .and_then(|digits| digits.parse::<u8>().ok())
                .unwrap_or(0);
            match last_two {
                0..=89 => Outcome::Delivered,
                90..=92 => Outcome::Undeliverable,
                93..=94 => Outcome::Expired,
                95 => Outcome::Rejected,
                96 => Outcome::FailedNack,
                97 => Outcome::FailedNoRoute,
                98 => Outcome::FailedExhausted,
                _ => Outcome::FailedUnknown,
            }
        };
        let after_ms = if mix {
            let number: u64 = recipient.parse().unwrap_or(0);
            1_000 + (number / 100 % 51) as i64 * 100
        } else {
            DELIVERY_DELAY_MS
        };
        Fate { outcome, after_ms }
    }
}

/// A status name and its number in receipts.
#[derive(Clone, Copy)]
pub struct Status(pub &'static str, pub u8);

const ACCEPTED: Status = Status("ACCEPTED", 2);

struct Record {
    created_ms: i64,
    /// When the status becomes final.
    due_ms: i64,
    recipient: u64,
    body_start: usize,
    reference_start: usize,
    body_len: u32,
    /// `NONE` when the message has no reference.
    reference_len: u32,
    originator: u32,
    route: u32,
    /// `NONE` when the message belongs to no campaign.
    campaign: u32,
    parts: u16,
    recipient_digits: u8,
    outcome: Outcome,
}

/// A message to store; its fields are already validated.
#[derive(Clone, Copy)]
pub struct NewMessage<'a> {
    pub originator: &'a str,
    /// 8 to 15 ASCII digits.
    pub recipient: &'a str,
    pub body: &'a str,
    pub route: &'a str,
    pub reference: Option<&'a str>,
    pub campaign: Option<&'a str>,
    /// Epoch ms of `scheduleDateTime`, when later than now.
    pub scheduled_ms: Option<i64>,
    pub fate: Fate,
    pub parts: u16,
}

pub struct Store {
    records: Vec<Record>,
    arena: String,
    names: Vec<Box<str>>,
    name_ids: HashMap<Box<str>, u32>,
    last_created_ms: i64,
    id_keys: (u64, u64),
    campaigns_made: u64,
}

impl Store {
    pub fn new(id_keys: (u64, u64)) -> Store {
        Store {
            records: Vec::new(),
            arena: String::new(),
            names: Vec::new(),
            name_ids: HashMap::new(),
            last_created_ms: 0,
            id_keys,
            campaigns_made: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Stores a message accepted at `now_ms`; returns its position, and the
    /// time its status becomes final.
    pub fn push(&mut self, message: &NewMessage, now_ms: i64) -> (usize, i64) {
        // Creation times never go backwards, so that date searches can bisect.
        let created_ms = now_ms.max(self.last_created_ms);
        self.last_created_ms = created_ms;
        let due_ms =
            message.scheduled_ms.unwrap_or(created_ms).max(created_ms) + message.fate.after_ms;
        // A batch often sends one text to many: store it once.
        let body_start = match self.records.last() {
            Some(last) if self.text(last.body_start, last.body_len) == message.body => {
                last.body_start
            }
            _ => self.append(message.body),
        };
        let (reference_start, reference_len) = match message.reference {
            Some(reference) => (self.append(reference), reference.len() as u32),
            None => (0, NONE),
        };
        let record = Record {
            created_ms,
            due_ms,
            recipient: message.recipient.parse().unwrap_or(0),
            body_start,
            reference_start,
            body_len: message.body.len() as u32,
            reference_len,
            originator: self.intern(message.originator),
            route: self.intern(message.route),
            campaign: message
                .campaign
                .map_or(NONE, |campaign| self.intern(campaign)),
            parts: message.parts,
            recipient_digits: message.recipient.len() as u8,
            outcome: message.fate.outcome,
        };
        self.records.push(record);
        (self.records.len() - 1, due_ms)
    }

    fn append(&mut self, text: &str) -> usize {
        let start = self.arena.len();
        self.arena.push_str(text);
        start
    }

    fn text(&self, start: usize, len: u32) -> &str {
        &self.arena[start..start + len as usize]
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.name_ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.into());
        self.name_ids.insert(name.into(), id);
        id
    }

    /// `--seed-log`: `count` messages of one campaign, as a bulk run would
    /// have left them (main.rs's top comment), one a millisecond, the last
    /// created `SEED_LAST_AGO_MS` before `now_ms`.
    pub fn seed(&mut self, count: u64, now_ms: i64, delivery_mix: bool) {
        let campaign = self.new_campaign_id();
        let first_ms = now_ms - SEED_LAST_AGO_MS - count as i64;
        for i in 0..count {
            let recipient = format!("4477{i:08}");
            let body = format!("Hi N{i}");
            let reference = format!("seed-{i}");
            let message = NewMessage {
                originator: "Shop",
                recipient: &recipient,
                body: &body,
                route: "mglobal",
                reference: Some(&reference),
                campaign: Some(&campaign),
                scheduled_ms: None,
                fate: Fate::for_recipient(&recipient, false, delivery_mix),
                parts: 1,
            };
            self.push(&message, first_ms + 1 + i as i64);
        }
    }

    /// A fresh campaign id: 32 lowercase hex digits, as in API.md's example.
    pub fn new_campaign_id(&mut self) -> String {
        self.campaigns_made += 1;
        let (a, b) = self.id_keys;
        let n = self.campaigns_made;
        format!(
            "{:016x}{:016x}",
            mix(n ^ b.rotate_left(17)),
            mix(n ^ a.rotate_left(29))
        )
    }

    /// The message id at `position`: 32 uppercase hex digits, as in Mobivate's
    /// examples, unique and not guessable from the position.
    fn id(&self, position: usize) -> u128 {
        let (a, b) = self.id_keys;
        let n = position as u64;
        (u128::from(mix(n ^ a)) << 64) | u128::from(mix(n ^ b))
    }

    /// The position of the message with this id (any case).
    pub fn find(&self, id: &str) -> Option<usize> {
        if id.len() != 32 {
            return None;
        }
        let id = u128::from_str_radix(id, 16).ok()?;
        let position = usize::try_from(unmix(id as u64) ^ self.id_keys.1).ok()?;
        (position < self.records.len() && self.id(position) == id).then_some(position)
    }

    /// Positions of the messages created from `start` to `end` epoch seconds,
    /// both inclusive.
    pub fn created_between(&self, start: i64, end: i64) -> Range<usize> {
        let from = self
            .records
            .partition_point(|r| r.created_ms < start.saturating_mul(1000));
        let to = self
            .records
            .partition_point(|r| r.created_ms < end.saturating_add(1).saturating_mul(1000));
        from..to.max(from)
    }

    /// The record at `position` as the API shows it at `now_ms`.
    pub fn view(&self, position: usize, now_ms: i64) -> MessageView<'_> {
        let r = &self.records[position];
        let (status, modified_ms) = if now_ms < r.due_ms {
            (ACCEPTED, r.created_ms)
        } else {
            (r.outcome.status(), r.due_ms)
        };
        let name = |id: u32| (id != NONE).then(|| &*self.names[id as usize]);
        MessageView {
            id: Hex(self.id(position)),
            created: Shown(RecordTime(r.created_ms)),
            modified: Shown(RecordTime(modified_ms)),
            originator: &self.names[r.originator as usize],
            recipient: Shown(Digits(r.recipient, r.recipient_digits)),
            body: self.text(r.body_start, r.body_len),
            status: status.0,
            status_code: status.1,
            direction: "MT",
            in_reply_to: None,
            route_id: &self.names[r.route as usize],
            parts: r.parts,
            cost: f64::from(r.parts) * COST_PER_PART,
            currency: "GBP",
            sender_reference: (r.reference_len != NONE)
                .then(|| self.text(r.reference_start, r.reference_len)),
            campaign_id: name(r.campaign),
            status_changed_ms: modified_ms,
        }
    }
}

/// A message record, serialised with the API's field names.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageView<'a> {
    pub id: Hex,
    pub created: Shown<RecordTime>,
    pub modified: Shown<RecordTime>,
    pub originator: &'a str,
    pub recipient: Shown<Digits>,
    pub body: &'a str,
    pub status: &'static str,
    #[serde(skip)]
    pub status_code: u8,
    pub direction: &'static str,
    pub in_reply_to: Option<&'a str>,
    pub route_id: &'a str,
    pub parts: u16,
    pub cost: f64,
    pub currency: &'static str,
    pub sender_reference: Option<&'a str>,
    pub campaign_id: Option<&'a str>,
    #[serde(skip)]
    pub status_changed_ms: i64,
}

/// A message id: 32 uppercase hex digits.
pub struct Hex(u128);

impl fmt::Display for Hex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:032X}", self.0)
    }
}

impl Serialize for Hex {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A phone number kept as a number, with its digit count for leading zeros.
pub struct Digits(u64, u8);

impl fmt::Display for Digits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:0width$}", self.0, width = usize::from(self.1))
    }
}

/// Serialises any `Display` as a JSON string without an allocation.
pub struct Shown<T>(pub T);

impl<T: fmt::Display> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// MurmurHash3's 64-bit finaliser: a bijection that scatters bits.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(M1);
    x ^= x >> 33;
    x = x.wrapping_mul(M2);
    x ^ (x >> 33)
}

fn unmix(mut x: u64) -> u64 {
    // `x ^= x >> 33` is its own inverse, since 2 * 33 >= 64.
    x ^= x >> 33;
    x = x.wrapping_mul(inverse(M2));
    x ^= x >> 33;
    x = x.wrapping_mul(inverse(M1));
    x ^ (x >> 33)
}

const M1: u64 = 0xff51_afd7_ed55_8ccd;
const M2: u64 = 0xc4ce_b9fe_1a85_ec53;

/// The inverse of an odd number modulo 2^64, by Newton's iteration.
const fn inverse(odd: u64) -> u64 {
    let mut x = odd;
    let mut i = 0;
    while i < 6 {
        x = x.wrapping_mul(2u64.wrapping_sub(odd.wrapping_mul(x)));
        i += 1;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message<'a>(
        recipient: &'a str,
        body: &'a str,
        reference: Option<&'a str>,
    ) -> NewMessage<'a> {
        NewMessage {
            originator: "Test",
            recipient,
            body,
            route: "mglobal",
            reference,
            campaign: None,
            scheduled_ms: None,
            fate: Fate::for_recipient(recipient, false, false),
            parts: 1,
        }
    }

    #[test]
    fn ids_are_found_again() {
        for x in [0, 1, 42, u64::MAX, 0x1234_5678_9abc_def0] {
            assert_eq!(unmix(mix(x)), x);
        }
        let mut store = Store::new((7, 11));
        for i in 0..100 {
            store.push(&message("447700900001", "hi", None), 1_000 + i);
        }
        for position in [0, 1, 99] {
            let id = store.view(position, 0).id.to_string();
            assert_eq!(store.find(&id), Some(position));
            assert_eq!(store.find(&id.to_lowercase()), Some(position));
        }
        assert_eq!(store.find(&"0".repeat(32)), None);
        assert_eq!(store.find("xyz"), None);
    }

    #[test]
    fn status_changes_with_time_and_dates_bisect() {
        let mut store = Store::new((1, 2));
        store.push(&message("447700900001", "one", Some("r1")), 10_500);
        store.push(&message("447700900000", "two", None), 11_000);
        store.push(&message("047700900002", "two", None), 12_999);
        let view = store.view(0, 12_499);
        assert_eq!(
            (view.status, view.sender_reference),
            ("ACCEPTED", Some("r1"))
        );
        assert_eq!(store.view(0, 12_500).status, "DELIVERED");
        assert_eq!(store.view(1, 20_000).status, "UNDELIVERABLE");
        let view = store.view(2, 0);
        assert_eq!(
            (view.body, view.recipient.0.to_string()),
            ("two", "047700900002".into())
        );
        assert_eq!(store.created_between(10, 10), 0..1);
        assert_eq!(store.created_between(11, 12), 1..3);
        assert_eq!(store.created_between(13, 99), 3..3);
        assert_eq!(store.created_between(12, 10), 2..2);
    }
}
