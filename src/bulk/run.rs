//! One bulk run: the input file, the shaper, the survey of pass one, the
//! journal and its ledger, and what the run may reach (nothing, the
//! network, or the network and the locked journal). `open` does everything
//! every mode shares; then `check`, `dry_run`, or `reconcile` and `send`.

mod open;
mod send;
mod status;
pub use status::StatusOptions;

use crate::bulk::batcher::{self, BatchOptions};
use crate::bulk::counts::{self, Counts, CountsFormat};
use crate::bulk::journal::{Header, Journal, Ledger};
use crate::bulk::reader::{Format, Source};
use crate::bulk::reconcile;
use crate::bulk::shaper::Shaper;
use crate::bulk::survey::{Input, Survey, Totals};
use crate::config::profile::Profiles;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::key;
use crate::input::prompt::Interactivity;
use crate::input::when::api_utc;
use crate::net::transport::Transport;
use crate::output;
use crate::output::atomic::AtomicFile;
use crate::platform::signals;
use crate::report::warn;
use crate::secret::Secret;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// What the run does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Validate and count: no key, no network, the journal only read.
    Check,
    /// The summary and the first request: nothing sent, the journal only read.
    DryRun,
    /// Send, journalled.
    Send,
    /// `--status`: the journal only read, the message log joined with it.
    Status,
}

/// Everything a run is told, as plain values (the command line's, once
/// parsed).
pub struct Options {
    pub mode: Mode,
    /// `-` is stdin.
    pub file: PathBuf,
    pub format: Format,
    pub to_column: String,
    pub text: Option<String>,
    pub text_file: Option<PathBuf>,
    pub from: Option<String>,
    pub route: Option<String>,
    pub max_parts: Option<u32>,
    pub schedule: Option<String>,
    pub name: Option<String>,
    pub allow_duplicates: bool,
    pub skip_invalid: bool,
    pub yes: bool,
    pub batch_size: u32,
    pub parallel: u32,
    pub rate: Option<u32>,
    pub key_stdin: bool,
    pub no_input: bool,
    pub exclude_optouts: bool,
    pub journal: Option<PathBuf>,
    pub restart: bool,
    pub resend_unknown: bool,
    pub settle: Duration,
    /// `--report PATH`: one JSON line per input row.
    pub row_report: Option<PathBuf>,
    /// `--status --html PATH`.
    pub html: Option<PathBuf>,
    pub counts_format: CountsFormat,
}

impl Options {
    fn rows_on_stdin(&self) -> bool {
        self.file.as_os_str() == "-"
    }
}

/// What the run may reach.
enum Access {
    /// `--check`.
    Offline,
    /// `--dry-run`: the transport only names the URL.
    Preview(Arc<Transport>),
    /// Sending: the journal is locked.
    Live {
        transport: Arc<Transport>,
        journal: Journal,
    },
}

pub struct Run<'a> {
    options: &'a Options,
    profiles: &'a Profiles,
    access: Access,
    interactivity: Interactivity,
    /// Resolved once, by the first step that needs it.
    key: Option<Secret>,
    source: Source,
    /// The file as messages name it (`stdin` for `-`).
    shown: String,
    shaper: Shaper,
    survey: Survey,
    /// The journal's header, when it has one.
    header: Option<Header>,
    ledger: Mutex<Ledger>,
    /// Opened before anything is sent; none for a dry run.
    row_report: Option<AtomicFile<'a>>,
    route: String,
    schedule: Option<jiff::Timestamp>,
    /// The journal's `file` and `options` fingerprints for this run.
    file_hash: String,
    options_hash: String,
    run_id: String,
    /// Unknown requests sent again (`--resend-unknown`).
    resend: HashSet<u64>,
}

impl Run<'_> {
    fn input(&self) -> Input<'_> {
        Input {
            path: &self.source.path,
            shown: &self.shown,
            format: self.options.format,
            shaper: &self.shaper,
            allow_duplicates: self.options.allow_duplicates,
        }
    }

    fn ledger(&self) -> MutexGuard<'_, Ledger> {
        self.ledger.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The key: resolved once, by the first step that needs it, and handed
    /// back with `self.key = Some(key)` by the steps that only borrow it.
    fn take_key(&mut self) -> Result<Secret, Failure> {
        match self.key.take() {
            Some(key) => Ok(key),
            None => key::resolve_key(self.options.key_stdin, &self.interactivity, self.profiles),
        }
    }

    /// What this run sends: the pending rows, and the unknown ones resent.
    fn to_send(&self) -> Totals {
        let mut to_send = self.survey.pending;
        for id in &self.resend {
            if let Some(totals) = self.survey.unknown.get(id) {
                to_send.merge(totals);
            }
        }
        to_send
    }

    /// The summary on stderr, before anything is sent.
    fn summarize(&self) -> Totals {
        let to_send = self.to_send();
        let survey = &self.survey;
        let already = survey
            .valid
            .saturating_sub(survey.duplicate)
            .saturating_sub(survey.pending.messages);
        let text = counts::summary(survey, &to_send, self.batch_options().batch_size, already);
        crate::report::write_raw(text.as_bytes());
        to_send
    }

    fn batch_options(&self) -> BatchOptions {
        BatchOptions {
            route: self.route.clone(),
            name: self.options.name.clone(),
            schedule: self.schedule.map(api_utc),
            batch_size: self.options.batch_size as usize,
            resend: self.resend.clone(),
        }
    }

    /// The last pass: counts every row (writing the row report when asked),
    /// prints the counts, and gives back how the file changed, if it did.
    fn count(&mut self) -> Result<(Counts, Option<Failure>), Failure> {
        let row_report = self.row_report.take();
        let (counts, changed) =
            counts::finish(&self.input(), &self.ledger(), &self.survey, row_report)?;
        output::write_stdout(counts.line(self.options.counts_format).as_bytes())?;
        Ok((counts, changed))
    }

    /// `--check`: the summary, then the counts.
    pub fn check(mut self) -> Result<(), Failure> {
        self.summarize();
        let (counts, changed) = self.count()?;
        if let Some(failure) = changed {
            return Err(failure);
        }
        verdict(&counts, self.options.skip_invalid, false)
    }

    /// `--dry-run`: the summary, then the first request as it would go.
    pub fn dry_run(self) -> Result<(), Failure> {
        self.summarize();
        let mut first = None;
        let mut id = 0;
        batcher::batches(
            &self.input(),
            &self.ledger,
            &self.survey,
            &self.batch_options(),
            || {
                id += 1;
                id
            },
            |job| {
                first = Some(job.body);
                false
            },
        )?;
        match first {
            None => warn("nothing to send"),
            Some(body) => {
                let url = match &self.access {
                    Access::Preview(transport) | Access::Live { transport, .. } => {
                        transport.url("/send/batch")
                    }
                    Access::Offline => "/send/batch".to_string(),
                };
                output::write_stdout(&crate::output::dry_run::http_text(&url, &body))?;
            }
        }
        if self.survey.invalid > 0 && !self.options.skip_invalid {
            return Err(Failure::new(
                ExitCode::DataErr,
                format!(
                    "{} rows are invalid and would not be sent",
                    self.survey.invalid
                ),
            )
            .with_hint("fix them, or pass --skip-invalid to treat them as warnings"));
        }
        Ok(())
    }

    /// Looks up the rows of earlier requests with an unknown outcome in the
    /// message log, before anything new is sent. Only a sending run does.
    pub fn reconcile(&mut self) -> Result<(), Failure> {
        if !matches!(self.access, Access::Live { .. }) {
            return Ok(());
        }
        let key = self.take_key()?;
        let unknown = !self.ledger().unknown_requests().is_empty();
        let outcome = match &self.access {
            Access::Live { transport, journal } if unknown => reconcile::reconcile(
                transport,
                &key,
                journal,
                &self.ledger,
                &self.survey.unknown_refs,
                self.options.settle,
                &|| signals::interrupt_received().is_some(),
            ),
            _ => Ok(reconcile::Outcome::default()),
        };
        self.key = Some(key);
        let outcome = outcome?;
        if outcome.accepted_rows > 0 {
            warn(&format!(
                "{} rows of earlier requests with an unknown outcome are in the message log: counted as accepted",
                outcome.accepted_rows
            ));
        }
        let still: u64 = outcome
            .settled
            .iter()
            .map(|id| self.survey.unknown.get(id).map_or(0, |t| t.messages))
            .sum();
        if still > 0 && self.options.resend_unknown {
            warn(&format!(
                "{still} rows with an unknown outcome are not in the message log after --settle: sending them again (--resend-unknown)"
            ));
            self.resend = outcome.settled;
        } else if still > 0 {
            warn(&format!(
                "{still} rows with an unknown outcome are not in the message log after --settle; they are not resent without --resend-unknown"
            ));
        }
        Ok(())
    }
}

/// The exit status a finished run earns.
fn verdict(counts: &Counts, skip_invalid: bool, sent: bool) -> Result<(), Failure> {
    if counts.unknown > 0 {
        return Err(Failure::new(
            ExitCode::TempFail,
            format!("{} rows have an unknown outcome", counts.unknown),
        )
        .with_hint("they may have been sent: run the same command again after --settle, which looks for them in the message log before sending anything; or check one with `mobivate logs list --reference REF` (--report names each row's reference)"));
    }
    if counts.rejected > 0 {
        return Err(Failure::new(
            ExitCode::DataErr,
            format!("the API rejected {} rows (HTTP 400)", counts.rejected),
        )
        .with_hint("the server's message for each is in --report"));
    }
    if counts.invalid > 0 && !skip_invalid {
        let verb = if sent {
            "were not sent"
        } else {
            "would not be sent"
        };
        return Err(Failure::new(
            ExitCode::DataErr,
            format!("{} rows are invalid and {verb}", counts.invalid),
        )
        .with_hint("fix them, or pass --skip-invalid to treat them as warnings; --report lists each with its reason"));
    }
    if counts.pending > 0 && sent {
        return Err(Failure::new(
            ExitCode::TempFail,
            format!("{} rows were not sent", counts.pending),
        )
        .with_hint("run the same command again to send them"));
    }
    Ok(())
}
