//! Turning one row into one message, the way `send` checks its arguments:
//! the number, the originator, a non-empty text within `--max-parts`, and a
//! unique reference. Also the compact keys that find duplicates.

use crate::bulk::hash::mix64;
use crate::bulk::reader::Row;
use crate::sms::message;
use crate::sms::number::{self, Msisdn};
use crate::sms::originator::{self, Originator};
use crate::sms::segments::{self, Encoding, Segments};
use crate::sms::template::{Template, UnknownColumns};
use std::collections::HashMap;

/// What shapes every message of a run.
pub struct ShapeOptions {
    pub to_column: String,
    pub template: Option<Template>,
    pub from: Option<Originator>,
    pub route: String,
    pub max_parts: Option<u32>,
    /// Generated references are `RUN-ROW`.
    pub run_id: String,
    /// Recipients never sent to (`Msisdn::to_u64`): the seam for
    /// `--exclude-optouts`, which fills it from the opt-out list. Their rows
    /// are reported as `opted-out`.
    pub excluded: std::collections::HashSet<u64>,
}

pub struct Shaper {
    options: ShapeOptions,
    wanted: Vec<String>,
    recipient: usize,
    text: Option<usize>,
    originator: usize,
    reference: usize,
    route: usize,
    /// For each template name, its slot in `wanted`.
    template_slots: Vec<usize>,
}

/// Buffers a row's message is built in, reused from row to row.
#[derive(Default)]
pub struct Buffers {
    text: String,
    reference: String,
}

/// A valid row, ready to send.
pub struct Message<'a> {
    pub recipient: Msisdn,
    pub originator: Originator,
    pub text: &'a str,
    pub route: &'a str,
    pub reference: &'a str,
    /// Whether the reference came from the file (and must be unique there).
    pub own_reference: bool,
    pub segments: Segments,
    /// Placeholders that were replaced by an empty value.
    pub empty_values: usize,
}

impl Shaper {
    pub fn new(options: ShapeOptions) -> Shaper {
        let mut wanted: Vec<String> = Vec::new();
        let mut slot = |name: &str| match wanted.iter().position(|w| w == name) {
            Some(i) => i,
            None => {
                wanted.push(name.to_string());
                wanted.len() - 1
            }
        };
        let recipient = slot(&options.to_column);
        let text = options.template.is_none().then(|| slot("text"));
        let originator = slot("originator");
        let reference = slot("reference");
        let route = slot("route");
        let template_slots = options
            .template
            .as_ref()
            .map(|t| t.names().iter().map(|name| slot(name)).collect())
            .unwrap_or_default();
        Shaper {
            options,
            wanted,
            recipient,
            text,
            originator,
            reference,
            route,
            template_slots,
        }
    }

    /// Recipients never sent to (`--exclude-optouts`), by `Msisdn::to_u64`.
    pub fn exclude(&mut self, recipients: std::collections::HashSet<u64>) {
        self.options.excluded = recipients;
    }

    /// The columns to copy out of each row.
    pub fn wanted(&self) -> &[String] {
        &self.wanted
    }

    /// Whether the message's recipient is excluded (opted out).
    pub fn is_excluded(&self, message: &Message) -> bool {
        !self.options.excluded.is_empty()
            && self.options.excluded.contains(&message.recipient.to_u64())
    }

    pub fn reference_slot(&self) -> usize {
        self.reference
    }

    /// Columns the run cannot do without, given which wanted columns the
    /// file has: each is an error before anything is sent.
    pub fn missing_columns(&self, found: &[bool]) -> Vec<String> {
        let mut missing = Vec::new();
        if !found[self.recipient] {
            missing.push(self.options.to_column.clone());
        }
        if let Some(text) = self.text
            && !found[text]
        {
            missing.push("text".to_string());
        }
        missing
    }

    /// Binds the template's placeholders to the file's `columns`: every
    /// name with no column is told at once (`Template::bind`).
    pub fn bind_template(&self, columns: &[String]) -> Result<(), UnknownColumns> {
        match &self.options.template {
            Some(template) => template.bind(columns).map(drop),
            None => Ok(()),
        }
    }

    /// The message for a row, or why the row is invalid.
    pub fn shape<'a>(
        &'a self,
        row: &Row<'a>,
        buffers: &'a mut Buffers,
    ) -> Result<Message<'a>, String> {
        self.shape_counted(row, buffers, true)
    }

    /// As `shape`, for passes after the first, which need no part count:
    /// parts are counted only when `--max-parts` makes them decide validity,
    /// and `segments` is otherwise zero.
    pub fn shape_uncounted<'a>(
        &'a self,
        row: &Row<'a>,
        buffers: &'a mut Buffers,
    ) -> Result<Message<'a>, String> {
        self.shape_counted(row, buffers, self.options.max_parts.is_some())
    }

    fn shape_counted<'a>(
        &'a self,
        row: &Row<'a>,
        buffers: &'a mut Buffers,
        count: bool,
    ) -> Result<Message<'a>, String> {
        if let Some(problem) = &row.problem {
            return Err(problem.clone());
        }
        let values = row.values;
        let recipient = number::normalise(&values[self.recipient]).map_err(|e| e.to_string())?;
        let originator = match values[self.originator].trim() {
            "" => self.options.from.ok_or_else(|| {
                "no originator: the row's `originator` is empty and --from was not given"
                    .to_string()
            })?,
            given => originator::parse(given).map_err(|e| e.to_string())?,
        };
        let mut empty_values = 0;
        let text: &str = match (&self.options.template, self.text) {
            (Some(template), _) => {
                let slots = &self.template_slots;
                empty_values =
                    template.render_with(|i, _| values[slots[i]].as_str(), &mut buffers.text);
                &buffers.text
            }
            (None, Some(slot)) => &values[slot],
            (None, None) => unreachable!("a shaper has a template or a text column"),
        };
        // The same checks as `send`'s, in the same code.
        message::text(text).map_err(|problem| format!("the text {problem}"))?;
        let segments = if count {
            segments::count(text)
        } else {
            Segments {
                encoding: Encoding::Gsm7,
                characters: 0,
                units: 0,
                parts: 0,
                left: 0,
                trigger: None,
            }
        };
        if let Some(max) = self.options.max_parts
            && segments.parts > max as usize
        {
            return Err(format!(
                "the text takes {} parts ({}), more than --max-parts {max}",
                segments.parts, segments.encoding
            ));
        }
        let route = match values[self.route].trim() {
            "" => self.options.route.as_str(),
            given => {
                message::route(given).map_err(|problem| format!("the route {problem}"))?;
                given
            }
        };
        let own = values[self.reference].trim();
        if !own.is_empty() {
            message::label(own).map_err(|problem| format!("the reference {problem}"))?;
        }
        let (reference, own_reference): (&str, bool) = if own.is_empty() {
            buffers.reference.clear();
            buffers.reference.push_str(&self.options.run_id);
            buffers.reference.push('-');
            buffers
                .reference
                .push_str(itoa::Buffer::new().format(row.number));
            (&buffers.reference, false)
        } else {
            (own, true)
        };
        Ok(Message {
            recipient,
            originator,
            text,
            route,
            reference,
            own_reference,
            segments,
            empty_values,
        })
    }
}

/// What a message costs, packed in 12 bits so that it rides in the low bits
/// of a fingerprint: duplicates have the same text, hence the same cost.
/// The part count is exact: 10 bits hold up to 1023 parts, and no text
/// `sms::message::text` accepts (64 KiB) takes more than 979.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Cost {
    pub parts: u32,
    pub ucs2: bool,
    /// UCS-2 made the message take more parts than GSM-7 would have.
    pub longer: bool,
}

impl Cost {
    /// The most parts the packed form holds.
    pub const MAX_PARTS: u64 = (1 << (META_BITS - 2)) - 1;

    pub fn of(segments: &Segments) -> Cost {
        let ucs2 = segments.encoding == Encoding::Ucs2;
        let as_gsm7 = if segments.characters <= 160 {
            1
        } else {
            segments.characters.div_ceil(153)
        };
        Cost {
            parts: u32::try_from(segments.parts).unwrap_or(u32::MAX),
            ucs2,
            longer: ucs2 && segments.parts > as_gsm7,
        }
    }

    fn pack(self) -> u64 {
        u64::from(self.parts) << 2 | u64::from(self.ucs2) << 1 | u64::from(self.longer)
    }

    fn unpack(bits: u64) -> Cost {
        Cost {
            parts: (bits >> 2 & Cost::MAX_PARTS) as u32,
            ucs2: bits >> 1 & 1 == 1,
            longer: bits & 1 == 1,
        }
    }
}

const META_BITS: u64 = 12;
const SEED_KEY: u64 = 0x6d6f_6269_7661_7465;
const SEED_REFERENCE: u64 = 0x7265_6665_7265_6e63;
const SEED_TEXT_A: u64 = 0x7465_7874_2d61_2d31;

/// The 8 bytes a run keeps per valid row to find duplicates: the recipient
/// and text, hashed, with the message's cost in the low bits. A row with its
/// own reference also keeps `reference_hash` of it.
pub fn duplicate_key(message: &Message) -> u64 {
    duplicate_hash(message) | Cost::of(&message.segments).pack()
}

/// The key without its cost bits: all pass two needs to find duplicates.
fn duplicate_hash(message: &Message) -> u64 {
    let hash = mix64(
        SEED_KEY ^ message.recipient.to_u64(),
        message.text.as_bytes(),
    );
    hash & !((1 << META_BITS) - 1)
}

pub fn key_cost(key: u64) -> Cost {
    Cost::unpack(key & ((1 << META_BITS) - 1))
}

pub fn reference_hash(reference: &str) -> u64 {
    mix64(SEED_REFERENCE, reference.as_bytes()) | 1
}

/// Pass two's check of duplicates, in 16 bytes per repeated key: among rows
/// whose 64-bit key repeats, a row is a duplicate only if an earlier row had
/// the same key and the same 64-bit check (recipient and text hashed with
/// another seed), so two different messages are taken for one only if two
/// independent hashes both collide (about 2^-120).
pub struct Duplicates {
    /// The repeated keys without their cost bits, sorted, each once.
    keys: Vec<u64>,
    /// For each key, the check of the first row seen with it (0: none yet).
    first: Vec<u64>,
    /// Checks of further, different messages under one key: only when the
    /// 64-bit keys of two different messages collide.
    more: HashMap<u64, Vec<u64>>,
}

impl Duplicates {
    pub fn new(repeated_keys: &[u64]) -> Duplicates {
        let mut keys: Vec<u64> = repeated_keys
            .iter()
            .map(|k| k & !((1 << META_BITS) - 1))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys.shrink_to_fit();
        let first = vec![0; keys.len()];
        Duplicates {
            keys,
            first,
            more: HashMap::new(),
        }
    }

    /// True when an earlier row had the same recipient and text.
    pub fn is_duplicate(&mut self, message: &Message) -> bool {
        let key = duplicate_hash(message);
        let Ok(index) = self.keys.binary_search(&key) else {
            return false;
        };
        let check = mix64(
            SEED_TEXT_A ^ message.recipient.to_u64(),
            message.text.as_bytes(),
        ) | 1;
        let first = &mut self.first[index];
        if *first == 0 {
            *first = check;
            return false;
        }
        if *first == check {
            return true;
        }
        let others = self.more.entry(key).or_default();
        if others.contains(&check) {
            return true;
        }
        others.push(check);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_bound_to_the_files_columns_by_template_bind() {
        let shaper = Shaper::new(ShapeOptions {
            to_column: "recipient".to_string(),
            template: Some(Template::parse("Hi {{nmae}} {{name}}").unwrap()),
            from: None,
            route: "mglobal".to_string(),
            max_parts: None,
            run_id: "0000abcd".to_string(),
            excluded: Default::default(),
        });
        let columns = ["recipient".to_string(), "name".to_string()];
        assert_eq!(
            shaper.bind_template(&columns).unwrap_err().to_string(),
            "the template names a column the input does not have: {{nmae}} \
             (columns: 'recipient', 'name')"
        );
        let all = ["nmae".to_string(), "name".to_string()];
        assert!(shaper.bind_template(&all).is_ok());
    }

    #[test]
    fn cost_packs_and_unpacks() {
        for cost in [
            Cost {
                parts: 1,
                ucs2: false,
                longer: false,
            },
            Cost {
                parts: 1023,
                ucs2: true,
                longer: true,
            },
            Cost {
                parts: 3,
                ucs2: true,
                longer: false,
            },
        ] {
            assert_eq!(Cost::unpack(cost.pack()), cost);
        }
    }

    #[test]
    fn the_longest_text_packs_exactly() {
        let longest = "`".repeat(message::MAX_TEXT_BYTES);
        let cost = Cost::of(&segments::count(&longest));
        assert_eq!(cost.parts, 979);
        assert!(u64::from(cost.parts) <= Cost::MAX_PARTS);
        assert_eq!(Cost::unpack(cost.pack()), cost);
    }

    #[test]
    fn ucs2_longer_is_counted_against_gsm7() {
        let long = format!("{}’", "a".repeat(80));
        let cost = Cost::of(&segments::count(&long));
        assert_eq!((cost.parts, cost.ucs2, cost.longer), (2, true, true));
        let short = Cost::of(&segments::count("it’s"));
        assert_eq!((short.parts, short.ucs2, short.longer), (1, true, false));
    }
}
