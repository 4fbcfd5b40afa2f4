//! The streamed passes over the file. Pass one validates and counts every
//! row and finds duplicates and repeated references, keeping 16 bytes per
//! valid row; the last pass tells each row's final state (for the counts on
//! stdout and the row report). The sending pass is in `batcher`.

use crate::bulk::journal::{Ledger, State};
use crate::bulk::reader::{Format, Row, Rows};
use crate::bulk::shaper::{self, Buffers, Cost, Duplicates, Message, Shaper};
use crate::error::Failure;
use crate::exit::ExitCode;
use std::collections::HashMap;
use std::path::Path;

/// How many invalid rows the summary names before it only counts.
pub const SHOWN_INVALID: usize = 10;

/// The file to read, how, and what each row becomes: what every pass
/// over the file shares.
pub struct Input<'a> {
    pub path: &'a Path,
    pub shown: &'a str,
    pub format: Format,
    pub shaper: &'a Shaper,
    /// `--allow-duplicates`: no row is a duplicate.
    pub allow_duplicates: bool,
}

impl Input<'_> {
    pub fn open(&self) -> Result<Rows, Failure> {
        let wanted = self.shaper.wanted();
        Rows::open(self.path, self.shown, self.format, wanted, false)
    }

    /// Opens the file for pass one, which also hashes its bytes.
    pub fn open_hashed(&self) -> Result<Rows, Failure> {
        let wanted = self.shaper.wanted();
        Rows::open(self.path, self.shown, self.format, wanted, true)
    }
}

/// Messages and what they cost.
#[derive(Default, Clone, Copy, Debug)]
pub struct Totals {
    pub messages: u64,
    pub parts: u64,
    pub gsm7_parts: u64,
    pub ucs2_parts: u64,
    pub ucs2_longer: u64,
}

impl Totals {
    fn add(&mut self, cost: Cost, times: i64) {
        let apply = |value: &mut u64, amount: u64| {
            let change = amount.saturating_mul(times.unsigned_abs());
            *value = if times < 0 {
                value.saturating_sub(change)
            } else {
                value.saturating_add(change)
            };
        };
        apply(&mut self.messages, 1);
        apply(&mut self.parts, u64::from(cost.parts));
        if cost.ucs2 {
            apply(&mut self.ucs2_parts, u64::from(cost.parts));
        } else {
            apply(&mut self.gsm7_parts, u64::from(cost.parts));
        }
        if cost.longer {
            apply(&mut self.ucs2_longer, 1);
        }
    }

    pub fn merge(&mut self, other: &Totals) {
        self.messages += other.messages;
        self.parts += other.parts;
        self.gsm7_parts += other.gsm7_parts;
        self.ucs2_parts += other.ucs2_parts;
        self.ucs2_longer += other.ucs2_longer;
    }
}

/// What pass one learnt.
#[derive(Default)]
pub struct Survey {
    pub rows: u64,
    pub valid: u64,
    pub invalid: u64,
    pub duplicate: u64,
    /// Valid rows whose recipient is excluded (opted out): never sent.
    pub opted_out: u64,
    /// Every distinct valid message of the file.
    pub all: Totals,
    /// Those the journal does not yet account for: this run sends them.
    pub pending: Totals,
    /// Rows the journal has as unknown, by request: resent with --resend-unknown.
    pub unknown: HashMap<u64, Totals>,
    pub invalid_examples: Vec<(u64, String)>,
    pub empty_value_rows: u64,
    /// Duplicate keys that occur more than once, for pass two.
    pub repeated: Vec<u64>,
    pub content_hash: u64,
    pub content_size: u64,
    /// For reconciliation: each unknown row's reference → (row, request,
    /// recipient digits).
    pub unknown_refs: HashMap<String, (u64, u64, String)>,
    /// Which wanted columns the file has.
    pub found: Vec<bool>,
    /// Each row's `Row::hash`, in order: the sending pass stops at a row that
    /// differs, so a file changed since pass one is never sent unchecked.
    pub row_hashes: Vec<u64>,
    /// Each row's parts, in order (0 for an invalid row), so that the last
    /// pass need not count them again: it reads only rows that are still
    /// what pass one counted.
    pub row_parts: Vec<u16>,
}

impl Survey {
    /// The parts pass one counted for row `number`.
    fn parts_of(&self, number: u64) -> Option<usize> {
        let index = usize::try_from(number).ok()?.checked_sub(1)?;
        self.row_parts.get(index).map(|parts| usize::from(*parts))
    }
}

/// Which pass found the file changed, for what its message says of the rows.
#[derive(Clone, Copy)]
pub enum Pass {
    /// The sending pass: the rows from the change on were not sent.
    Sending,
    /// The last (counting) pass, after sending: what became of the rows from
    /// the change on is known only from the journal.
    Counting,
}

/// Fails (65) when row `number` is not the row pass one counted, or is past
/// the last one: the file changed since pass one.
pub fn check_unchanged(survey: &Survey, row: &Row, shown: &str, pass: Pass) -> Result<(), Failure> {
    let same = usize::try_from(row.number)
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| survey.row_hashes.get(i))
        .is_some_and(|expected| *expected == row.hash);
    if same {
        return Ok(());
    }
    let number = row.number;
    Err(match pass {
        Pass::Sending => changed_failure(
            shown,
            &format!(
                "row {number} is not what was counted; it and the rows after it were not sent"
            ),
        ),
        Pass::Counting => changed_after_sending(
            shown,
            &format!(
                "row {number} is not what was counted; the counts of row {number} on come from the journal"
            ),
        ),
    })
}

/// Fails (65) when a pass ended after `seen` rows where pass one counted
/// another number: the file shrank (or grew) since pass one.
pub fn check_all_seen(survey: &Survey, seen: u64, shown: &str, pass: Pass) -> Result<(), Failure> {
    if seen == survey.rows {
        return Ok(());
    }
    let counted = survey.rows;
    Err(match pass {
        Pass::Sending => changed_failure(
            shown,
            &format!(
                "it has {seen} rows where {counted} were counted; the rows after row {seen} were not sent"
            ),
        ),
        Pass::Counting => changed_after_sending(
            shown,
            &format!(
                "it has {seen} rows where {counted} were counted; the counts of the rows after row {seen} come from the journal"
            ),
        ),
    })
}

fn changed_after_sending(shown: &str, what: &str) -> Failure {
    Failure::new(
        ExitCode::DataErr,
        format!("{shown} changed after its rows were sent: {what}"),
    )
    .with_hint("leave the file alone during a run")
}

fn changed_failure(shown: &str, what: &str) -> Failure {
    Failure::new(
        ExitCode::DataErr,
        format!("{shown} changed while it was being sent: {what}"),
    )
    .with_hint("leave the file alone during a run; rerun to count it again (a journal says which rows were already sent)")
}

/// Pass one.
pub fn pass_one(input: &Input, ledger: &Ledger) -> Result<Survey, Failure> {
    let shaper = input.shaper;
    let mut rows = input.open_hashed()?;
    if let Some(header) = rows.header() {
        // CSV knows its columns from the header: fail before reading a row.
        check_columns(&rows.columns_found(), header, shaper, input)?;
    }
    let mut survey = Survey::default();
    let mut buffers = Buffers::default();
    // 8 bytes per valid row, and 8 more per row with its own reference.
    let mut keys: Vec<u64> = Vec::new();
    let mut references: Vec<u64> = Vec::new();
    while let Some(row) = rows.next_row()? {
        survey.rows += 1;
        survey.row_hashes.push(row.hash);
        let number = row.number;
        let message = match shaper.shape(&row, &mut buffers) {
            Ok(message) => {
                let parts = u16::try_from(message.segments.parts).unwrap_or(u16::MAX);
                survey.row_parts.push(parts);
                message
            }
            Err(reason) => {
                survey.row_parts.push(0);
                survey.invalid += 1;
                if survey.invalid_examples.len() < SHOWN_INVALID {
                    survey.invalid_examples.push((number, reason));
                }
                continue;
            }
        };
        if shaper.is_excluded(&message) {
            survey.opted_out += 1;
            continue;
        }
        survey.valid += 1;
        if message.empty_values > 0 {
            survey.empty_value_rows += 1;
        }
        keys.push(shaper::duplicate_key(&message));
        if message.own_reference {
            references.push(shaper::reference_hash(message.reference));
        }
        let cost = Cost::of(&message.segments);
        survey.all.add(cost, 1);
        match ledger.state(number) {
            None => survey.pending.add(cost, 1),
            Some(State::Unknown(request)) => {
                survey.unknown.entry(*request).or_default().add(cost, 1);
                survey.unknown_refs.insert(
                    message.reference.to_string(),
                    (number, *request, message.recipient.as_str().to_string()),
                );
            }
            Some(_) => {}
        }
    }
    survey.found = rows.columns_found();
    (survey.content_hash, survey.content_size) = rows.content();
    let columns: Vec<String> = match rows.header() {
        Some(header) => header.to_vec(),
        // JSON Lines: the wanted names some row has.
        None => shaper
            .wanted()
            .iter()
            .zip(&survey.found)
            .filter(|(_, found)| **found)
            .map(|(name, _)| name.clone())
            .collect(),
    };
    drop(rows);
    check_columns(&survey.found, &columns, shaper, input)?;
    repeated_references(references, input)?;
    if !input.allow_duplicates {
        find_duplicates(&mut survey, keys);
    }
    Ok(survey)
}

fn check_columns(
    found: &[bool],
    columns: &[String],
    shaper: &Shaper,
    input: &Input,
) -> Result<(), Failure> {
    let missing = shaper.missing_columns(found);
    if let Some(first) = missing.first() {
        let missing = crate::bulk::columns::missing(input.shown, first, columns, input.format);
        return Err(missing);
    }
    if let Err(unknown) = shaper.bind_template(columns) {
        return Err(Failure::new(ExitCode::DataErr, unknown.to_string())
            .with_hint("nothing was sent; fix the template or the file's header"));
    }
    Ok(())
}

/// References given in the file must be unique: one repeated is an error
/// naming the first two rows that have it.
fn repeated_references(mut references: Vec<u64>, input: &Input) -> Result<(), Failure> {
    let shaper = input.shaper;
    crate::bulk::sort::sort_keys(&mut references);
    let repeated = references.windows(2).find(|w| w[0] == w[1]).map(|w| w[0]);
    drop(references);
    let Some(hash) = repeated else {
        return Ok(());
    };
    let mut rows = input.open()?;
    let mut seen: Vec<u64> = Vec::new();
    let mut reference = String::new();
    let slot = shaper.reference_slot();
    while let Some(row) = rows.next_row()? {
        let value = row.values[slot].trim();
        if !value.is_empty() && shaper::reference_hash(value) == hash {
            reference = value.to_string();
            seen.push(row.number);
            if seen.len() == 2 {
                break;
            }
        }
    }
    let shown: String = reference.chars().take(40).collect();
    Err(Failure::new(
        ExitCode::DataErr,
        format!(
            "the reference \"{}\" is in more than one row ({})",
            crate::sanitize::sanitize_server_text(&shown),
            seen.iter()
                .map(|r| format!("row {r}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    )
    .with_hint(
        "nothing was sent; every row's reference must be unique (leave it empty and one is made)",
    ))
}

fn find_duplicates(survey: &mut Survey, mut keys: Vec<u64>) {
    crate::bulk::sort::sort_keys(&mut keys);
    for run in keys.chunk_by(|a, b| a == b) {
        let extra = (run.len() - 1) as u64;
        if extra > 0 {
            let key = run[0];
            survey.repeated.push(key);
            survey.duplicate += extra;
            // Duplicates share the text, hence the cost, and are always
            // pending: take them out of what is sent.
            let cost = shaper::key_cost(key);
            survey.all.add(cost, -(extra as i64));
            survey.pending.add(cost, -(extra as i64));
        }
    }
}

/// A row's final state, for the row report and the counts.
pub enum Final<'a> {
    Invalid(String),
    Duplicate(&'a Message<'a>),
    OptedOut(&'a Message<'a>),
    Message(&'a Message<'a>, Option<&'a State>),
    /// A row pass one counted that is no longer what it was (or is gone):
    /// only the journal says what became of it.
    Changed(Option<&'a State>),
}

/// Walks the file once more, telling `each` every row's final state: each
/// row pass one counted, exactly once. When the file changed since pass one,
/// the rows from the first changed one on are told as `Changed`, and the
/// change is returned, to be reported once the counts are out.
pub fn last_pass(
    input: &Input,
    ledger: &Ledger,
    survey: &Survey,
    mut each: impl FnMut(u64, &str, Final) -> Result<(), Failure>,
) -> Result<Option<Failure>, Failure> {
    let mut changed = None;
    let mut seen = 0;
    read_unchanged(input, ledger, survey, &mut seen, &mut changed, &mut each)?;
    if changed.is_none()
        && let Err(failure) = check_all_seen(survey, seen, input.shown, Pass::Counting)
    {
        changed = Some(failure);
    }
    for number in seen.saturating_add(1)..=survey.rows {
        each(number, "", Final::Changed(ledger.state(number)))?;
    }
    Ok(changed)
}

/// The rows of the last pass, up to the first that is not what pass one
/// counted; `seen` is the last row told.
fn read_unchanged(
    input: &Input,
    ledger: &Ledger,
    survey: &Survey,
    seen: &mut u64,
    changed: &mut Option<Failure>,
    each: &mut impl FnMut(u64, &str, Final) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let shaper = input.shaper;
    let mut rows = input.open()?;
    let mut buffers = Buffers::default();
    let mut duplicates = Duplicates::new(&survey.repeated);
    let recipient_slot = 0;
    while let Some(row) = rows.next_row()? {
        if let Err(failure) = check_unchanged(survey, &row, input.shown, Pass::Counting) {
            *changed = Some(failure);
            return Ok(());
        }
        let number = row.number;
        *seen = number;
        let raw_recipient = row.values[recipient_slot].clone();
        // The row report and the counts give each message's parts: pass
        // one's, since the row is unchanged.
        let shaped = shaper
            .shape_uncounted(&row, &mut buffers)
            .map(|mut message| {
                if let Some(parts) = survey.parts_of(number) {
                    message.segments.parts = parts;
                }
                message
            });
        match shaped {
            Err(reason) => each(number, &raw_recipient, Final::Invalid(reason))?,
            Ok(message) if shaper.is_excluded(&message) => {
                each(number, &raw_recipient, Final::OptedOut(&message))?;
            }
            Ok(message) => {
                if !input.allow_duplicates && duplicates.is_duplicate(&message) {
                    each(number, &raw_recipient, Final::Duplicate(&message))?;
                } else {
                    each(
                        number,
                        &raw_recipient,
                        Final::Message(&message, ledger.state(number)),
                    )?;
                }
            }
        }
    }
    Ok(())
}
