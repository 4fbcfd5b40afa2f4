//! What comes out of a run: the counts (stdout's one line), the summary
//! before sending (stderr), and the row report (`--report PATH`), one JSON
//! line per input row in input order, streamed from a last pass over the
//! file merged with the journal's ledger.

use crate::bulk::journal::{Ledger, State};
use crate::bulk::survey::{self, Final, Input, Survey, Totals};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::output::atomic::AtomicFile;
use serde::Serialize;
use std::path::Path;

/// How the counts line is printed (`--format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountsFormat {
    /// `accepted A, invalid I, duplicate D, unknown U, rejected R`.
    Text,
    /// The same counts and `pending` as one JSON object.
    Json,
}

/// Rows by final state.
#[derive(Default, Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub accepted: u64,
    pub invalid: u64,
    pub duplicate: u64,
    pub unknown: u64,
    pub rejected: u64,
    /// Valid rows not sent yet (the run stopped early, or was --check).
    pub pending: u64,
    /// The parts (billed SMS) of every row above that is a message to send
    /// (accepted, unknown, rejected or pending), counted exactly.
    pub parts: u64,
    /// Rows whose recipient is excluded (`--exclude-optouts`).
    #[serde(rename = "optedOut", skip_serializing_if = "is_zero")]
    pub opted_out: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl Counts {
    pub fn line(&self, format: CountsFormat) -> String {
        match format {
            CountsFormat::Text if self.opted_out > 0 => format!(
                "accepted {}, invalid {}, duplicate {}, unknown {}, rejected {}, opted-out {}\n",
                self.accepted,
                self.invalid,
                self.duplicate,
                self.unknown,
                self.rejected,
                self.opted_out
            ),
            CountsFormat::Text => format!(
                "accepted {}, invalid {}, duplicate {}, unknown {}, rejected {}\n",
                self.accepted, self.invalid, self.duplicate, self.unknown, self.rejected
            ),
            CountsFormat::Json => {
                let mut line = serde_json::to_string(self).expect("counts always serialize");
                line.push('\n');
                line
            }
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportLine<'a> {
    row: u64,
    /// `null` only for a row that changed after sending: it can no longer
    /// be read as it was, and no other number is claimed for it.
    recipient: Option<&'a str>,
    reference: Option<&'a str>,
    state: &'static str,
    campaign_id: Option<&'a str>,
    /// The message's parts, exactly; `null` for a row with no message.
    parts: Option<usize>,
    reason: Option<&'a str>,
}

const UNKNOWN_REASON: &str = "the outcome of its request is unknown (a timeout, a reset or a 5xx): it may have been sent; run the same command again after --settle to check the message log, or look with `mobivate logs list --reference REF`";
const MISSING_REASON: &str =
    "not in the message log, though other rows of its request are; not resent";
const PENDING_REASON: &str = "not sent yet; run the same command again to send it";

const CHANGED_REASON: &str =
    "the file changed during the run: this row is not what was counted, and it was not sent";

const CHANGED_SENT_REASON: &str = "the file changed after this row was sent: it can no longer be read as it was counted, so its recipient is not shown; its state is the journal's";

/// The last pass: counts every row's final state, and writes the row report
/// when asked. With the counts comes how the file changed since pass one,
/// if it did: the rows from there on are counted from the journal alone.
pub fn finish(
    input: &Input,
    ledger: &Ledger,
    survey: &Survey,
    row_report: Option<AtomicFile>,
) -> Result<(Counts, Option<Failure>), Failure> {
    let mut writer = row_report;
    let mut counts = Counts::default();
    let changed = survey::last_pass(input, ledger, survey, |row, raw, state| {
        let mut line = ReportLine {
            row,
            recipient: Some(raw),
            reference: None,
            state: "",
            campaign_id: None,
            parts: None,
            reason: None,
        };
        match &state {
            Final::Invalid(reason) => {
                counts.invalid += 1;
                line.state = "invalid";
                line.reason = Some(reason);
            }
            Final::Duplicate(message) => {
                counts.duplicate += 1;
                line.state = "duplicate";
                line.recipient = Some(message.recipient.as_str());
                line.reference = Some(message.reference);
                line.parts = Some(message.segments.parts);
                line.reason = Some("the same recipient and text as an earlier row");
            }
            Final::OptedOut(message) => {
                counts.opted_out += 1;
                line.state = "opted-out";
                line.recipient = Some(message.recipient.as_str());
                line.reference = Some(message.reference);
                line.parts = Some(message.segments.parts);
                line.reason = Some("the recipient has opted out");
            }
            Final::Message(message, state) => {
                line.recipient = Some(message.recipient.as_str());
                line.reference = Some(message.reference);
                line.parts = Some(message.segments.parts);
                counts.parts = counts.parts.saturating_add(message.segments.parts as u64);
                tell(*state, &mut counts, &mut line, PENDING_REASON);
            }
            Final::Changed(state) => {
                line.recipient = None;
                tell(*state, &mut counts, &mut line, CHANGED_REASON);
                line.reason = line.reason.or(Some(CHANGED_SENT_REASON));
            }
        }
        if let Some(writer) = &mut writer {
            write_line(writer, &line)?;
        }
        Ok(())
    })?;
    if let Some(writer) = writer {
        writer.finish()?;
    }
    Ok((counts, changed))
}

/// Counts a row by what the journal says of it; `pending` is the reason
/// when it says nothing (not sent).
fn tell<'a>(
    state: Option<&'a State>,
    counts: &mut Counts,
    line: &mut ReportLine<'a>,
    pending: &'static str,
) {
    match state {
        Some(State::Accepted(campaign)) => {
            counts.accepted += 1;
            line.state = "accepted";
            line.campaign_id = (!campaign.is_empty()).then_some(campaign);
        }
        Some(State::Rejected(reason)) => {
            counts.rejected += 1;
            line.state = "rejected";
            line.reason = Some(reason);
        }
        Some(State::Unknown(_)) => {
            counts.unknown += 1;
            line.state = "unknown";
            line.reason = Some(UNKNOWN_REASON);
        }
        Some(State::Missing) => {
            counts.unknown += 1;
            line.state = "unknown";
            line.reason = Some(MISSING_REASON);
        }
        None => {
            counts.pending += 1;
            line.state = "pending";
            line.reason = Some(pending);
        }
    }
}

/// Opens the row report (`--report PATH`) through the guarded writer, before
/// anything is sent: a path that cannot be written stops the run first.
pub fn open_row_report(path: &Path) -> Result<AtomicFile<'_>, Failure> {
    AtomicFile::create_for(path, "the report")
}

fn write_line(file: &mut AtomicFile, line: &ReportLine) -> Result<(), Failure> {
    let mut bytes = serde_json::to_vec(line).map_err(|e| {
        Failure::new(
            ExitCode::CantCreate,
            format!("cannot write the report: {e}"),
        )
    })?;
    bytes.push(b'\n');
    file.write(&bytes)
}

/// The summary before sending, on stderr.
pub fn summary(survey: &Survey, to_send: &Totals, batch_size: usize, already: u64) -> String {
    let mut text = format!(
        "rows: {} read, {} valid, {} invalid, {} duplicate\n",
        survey.rows, survey.valid, survey.invalid, survey.duplicate
    );
    for (row, reason) in &survey.invalid_examples {
        text.push_str(&format!("  row {row}: {reason}\n"));
    }
    if survey.invalid > survey.invalid_examples.len() as u64 {
        text.push_str(&format!(
            "  … and {} more invalid rows (see --report)\n",
            survey.invalid - survey.invalid_examples.len() as u64
        ));
    }
    if survey.opted_out > 0 {
        text.push_str(&format!("opted out: {} rows, not sent\n", survey.opted_out));
    }
    if already > 0 {
        text.push_str(&format!(
            "journal: {already} rows already accounted for (accepted, rejected or unknown)\n"
        ));
    }
    text.push_str(&format!(
        "to send: {} messages, {} parts ({} GSM-7, {} UCS-2; UCS-2 made {} messages longer)\n",
        to_send.messages,
        to_send.parts,
        to_send.gsm7_parts,
        to_send.ucs2_parts,
        to_send.ucs2_longer
    ));
    text.push_str(&format!(
        "requests: {} (at most {batch_size} recipients each)\n",
        to_send.messages.div_ceil(batch_size as u64)
    ));
    text
}
