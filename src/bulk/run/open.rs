//! What every mode shares, in order: check the options; open the journal
//! (locked for a real run, only read otherwise); fetch the opt-out list when
//! asked; pass one over the file; make sure the file and options are those
//! the journal was written for.

use super::{Access, Mode, Options, Run};
use crate::api;
use crate::bulk::counts;
use crate::bulk::hash::Fnv64;
use crate::bulk::journal::{Header, Journal, Ledger};
use crate::bulk::reader::{Format, Source};
use crate::bulk::shaper::{ShapeOptions, Shaper};
use crate::bulk::survey;
use crate::config::profile::Profiles;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::prompt::Interactivity;
use crate::input::text::{TextSource, read_text};
use crate::input::when::parse_schedule;
use crate::net::transport::Transport;
use crate::output::same_file;
use crate::report::warn;
use crate::sms::message;
use crate::sms::template::Template;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::Mutex;

impl<'a> Run<'a> {
    /// Checks the options, opens the journal and the row report, and makes
    /// pass one. `connect` gives the transport; `--check` never calls it.
    pub fn open(
        options: &'a Options,
        profiles: &'a Profiles,
        connect: impl FnOnce() -> Result<Arc<Transport>, Failure>,
    ) -> Result<Run<'a>, Failure> {
        let sending = options.mode == Mode::Send;
        refuse_stdin_conflicts(options, sending)?;
        let journal_path = options
            .journal
            .clone()
            .unwrap_or_else(|| default_journal(&options.file));
        refuse_collisions(options, &journal_path)?;
        refuse_missing_journal(options, &journal_path)?;
        let template = read_template(options)?;
        // The flag, then MOBIVATE_FROM / MOBIVATE_ROUTE, then the profile.
        // Checked by the same code as `send`'s.
        let (sender, from) =
            crate::input::defaults::originator(options.from.as_deref(), profiles)?.unzip();
        let route = crate::input::defaults::route(options.route.as_deref(), profiles)?.value;
        let schedule = options
            .schedule
            .as_deref()
            .map(|given| {
                parse_schedule(given, jiff::Timestamp::now())
                    .map_err(|e| Failure::new(ExitCode::DataErr, e))
            })
            .transpose()?;
        if let Some(name) = &options.name {
            message::label(name).map_err(|problem| {
                Failure::new(ExitCode::DataErr, format!("--name {problem}"))
                    .with_hint("nothing was sent")
            })?;
        }
        let transport = match options.mode {
            Mode::Check => None,
            _ => Some(connect()?),
        };
        let source = Source::open(&options.file, options.journal.is_some() || !sending)?;
        let shown = if options.rows_on_stdin() {
            "stdin".to_string()
        } else {
            options.file.display().to_string()
        };
        let options_hash = fingerprint(
            options,
            template.as_ref(),
            sender.as_ref().map(|s| s.value.as_str()),
            &route,
        );
        // Opened before anything is sent: a row report that cannot be
        // written stops the run here. A dry run writes none.
        let row_report = match &options.row_report {
            Some(path) if options.mode != Mode::DryRun => Some(counts::open_row_report(path)?),
            _ => None,
        };
        let (journal, header, ledger) = open_journal(&journal_path, options, sending)?;
        let run_id = header
            .as_ref()
            .map(|h| h.run.clone())
            .unwrap_or_else(crate::ids::random_hex8);
        let access = match (transport, journal) {
            (None, _) => Access::Offline,
            (Some(transport), Some(journal)) => Access::Live { transport, journal },
            (Some(transport), None) => Access::Preview(transport),
        };
        let mut run = Run {
            profiles,
            options,
            access,
            interactivity: Interactivity::new(options.no_input),
            key: None,
            source,
            shown,
            shaper: Shaper::new(ShapeOptions {
                to_column: options.to_column.clone(),
                template,
                from,
                route: route.clone(),
                max_parts: options.max_parts,
                run_id: run_id.clone(),
                excluded: HashSet::new(),
            }),
            survey: Default::default(),
            header,
            ledger: Mutex::new(ledger),
            row_report,
            route,
            schedule,
            file_hash: String::new(),
            options_hash: format!("{options_hash:016x}"),
            run_id,
            resend: HashSet::new(),
        };
        run.exclude_optouts()?;
        run.pass_one(&journal_path)?;
        Ok(run)
    }

    /// `--exclude-optouts`: the opt-out list, fetched once, before anything
    /// is sent. The key it needs is the one the run then sends with.
    fn exclude_optouts(&mut self) -> Result<(), Failure> {
        if !self.options.exclude_optouts {
            return Ok(());
        }
        if matches!(self.access, Access::Offline) {
            warn("--check uses no key and no network, so the opt-out list is not fetched");
            return Ok(());
        }
        let key = self.take_key()?;
        let numbers = match &self.access {
            Access::Preview(transport) | Access::Live { transport, .. } => {
                let numbers = api::optouts::fetch_all(transport, &key)?;
                transport
                    .verbose()
                    .say(|| format!("{} opted-out numbers fetched", numbers.len()));
                numbers
            }
            Access::Offline => HashSet::new(),
        };
        self.key = Some(key);
        self.shaper
            .exclude(numbers.into_iter().map(|number| number.to_u64()).collect());
        Ok(())
    }

    /// Pass one, and the check that the file and options are those the
    /// journal was written for: a sending run stops on a change; the others
    /// count as if nothing had been sent.
    fn pass_one(&mut self, journal_path: &Path) -> Result<(), Failure> {
        let survey = survey::pass_one(&self.input(), &self.ledger())?;
        self.survey = survey;
        if self.survey.empty_value_rows > 0 {
            warn(&format!(
                "{} rows have an empty value for a template placeholder",
                self.survey.empty_value_rows
            ));
        }
        self.file_hash = format!("{:016x}", self.survey.content_hash);
        let Some(header) = &self.header else {
            return Ok(());
        };
        let file_changed = header.file != self.file_hash || header.size != self.survey.content_size;
        if !file_changed && header.options == self.options_hash {
            return Ok(());
        }
        let what = if file_changed {
            format!("{} has changed", self.shown)
        } else {
            "the options that shape the messages have changed".to_string()
        };
        let failure = Failure::new(
            ExitCode::DataErr,
            format!("{what} since the journal {} was written", journal_path.display()),
        )
        .with_hint("nothing was sent; rerun with the same file and options to resume, or --restart to start over (rows already sent are sent again)");
        if matches!(self.options.mode, Mode::Send | Mode::Status) {
            return Err(failure);
        }
        warn(&format!("{failure}; counting as if nothing had been sent"));
        *self.ledger() = Ledger::default();
        let survey = survey::pass_one(&self.input(), &self.ledger())?;
        self.survey = survey;
        Ok(())
    }

    /// The header a new journal starts with.
    pub(super) fn new_header(&self) -> Header {
        Header {
            v: crate::bulk::journal::VERSION,
            file: self.file_hash.clone(),
            size: self.survey.content_size,
            options: self.options_hash.clone(),
            run: self.run_id.clone(),
            created: crate::bulk::clock::now_ms(),
        }
    }
}

fn refuse_stdin_conflicts(options: &Options, sending: bool) -> Result<(), Failure> {
    if options.rows_on_stdin() && options.key_stdin && sending {
        return Err(Failure::new(
            ExitCode::Usage,
            "the rows and the key cannot both come from stdin",
        )
        .with_hint("give the key with MOBIVATE_API_KEY, or the rows as a file"));
    }
    if options.rows_on_stdin() && options.journal.is_none() && sending {
        return Err(Failure::new(
            ExitCode::Usage,
            "reading rows from stdin needs --journal PATH",
        )
        .with_hint("the journal is what makes a run resumable; name where it goes"));
    }
    Ok(())
}

/// The journal: locked for a real run, only read for --check and --dry-run
/// (and ignored then with --restart).
fn open_journal(
    path: &Path,
    options: &Options,
    sending: bool,
) -> Result<(Option<Journal>, Option<Header>, Ledger), Failure> {
    if sending {
        let (journal, ledger) = Journal::open(path, options.restart)?;
        let header = journal.header.clone();
        return Ok((Some(journal), header, ledger));
    }
    match Journal::peek(path, options.restart)? {
        Some((None, _)) | None if options.mode == Mode::Status => Err(no_journal(options)),
        Some((header, ledger)) if !options.restart => Ok((None, header, ledger)),
        _ => Ok((None, None, Ledger::default())),
    }
}

/// A file the run writes (the journal, the row report) is never a file it
/// reads (the rows, the template) or the other one it writes: 64 before
/// anything is read.
fn refuse_collisions(options: &Options, journal: &Path) -> Result<(), Failure> {
    let mut writes = vec![("--journal", journal)];
    if let Some(row_report) = &options.row_report {
        writes.push(("--report", row_report.as_path()));
    }
    if let Some(html) = &options.html {
        writes.push(("--html", html.as_path()));
    }
    let mut reads = Vec::new();
    if !options.rows_on_stdin() {
        reads.push(("the input file", options.file.as_path()));
    }
    if let Some(text_file) = &options.text_file {
        reads.push(("--text-file", text_file.as_path()));
    }
    same_file::refuse_collisions(&writes, &reads)
}

/// `--status` reads what a run wrote: with no journal, nothing was sent
/// (66), and none is created.
fn refuse_missing_journal(options: &Options, journal: &Path) -> Result<(), Failure> {
    if options.mode == Mode::Status && std::fs::symlink_metadata(journal).is_err() {
        return Err(no_journal(options));
    }
    Ok(())
}

fn no_journal(options: &Options) -> Failure {
    let shown = if options.rows_on_stdin() {
        "stdin".to_string()
    } else {
        options.file.display().to_string()
    };
    Failure::new(
        ExitCode::NoInput,
        format!("no journal for {shown}: nothing has been sent from it"),
    )
    .with_hint("give the same --journal PATH as the run, if it named one")
}

fn read_template(options: &Options) -> Result<Option<Template>, Failure> {
    let source = match (&options.text, &options.text_file) {
        (Some(text), _) => text.clone(),
        // The one capped reader of every text source (`send`'s too).
        (None, Some(path)) => match TextSource::from_args(None, Some(path)) {
            Some(source) if source.is_stdin() && (options.rows_on_stdin() || options.key_stdin) => {
                let other = if options.key_stdin {
                    "--key-stdin"
                } else {
                    "the rows"
                };
                return Err(Failure::new(
                    ExitCode::Usage,
                    format!("--text-file - and {other} cannot both read stdin"),
                ));
            }
            Some(source) => read_text(&source)?,
            None => return Ok(None),
        },
        (None, None) => return Ok(None),
    };
    if source.trim().is_empty() {
        return Err(Failure::new(
            ExitCode::DataErr,
            "the message template is empty",
        ));
    }
    Template::parse(&source)
        .map(Some)
        .map_err(|e| Failure::new(ExitCode::DataErr, e.to_string()))
}

fn default_journal(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".mobivate-journal");
    PathBuf::from(name)
}

/// The options that shape what each row becomes: a resumed run must use
/// the same, or it would send other messages than the journal describes.
fn fingerprint(
    options: &Options,
    template: Option<&Template>,
    from: Option<&str>,
    route: &str,
) -> u64 {
    let mut hash = Fnv64::default();
    match options.format {
        Format::Csv { delimiter } => hash.field(&[b'c', delimiter]),
        Format::Jsonl => hash.field(b"j"),
    }
    hash.field(options.to_column.as_bytes());
    hash.field(template.map_or(b"\0text column" as &[u8], |t| t.source().as_bytes()));
    hash.field(from.unwrap_or("\0").as_bytes());
    hash.field(route.as_bytes());
    hash.field(&options.max_parts.unwrap_or(0).to_le_bytes());
    hash.field(&[u8::from(options.allow_duplicates)]);
    hash.field(options.schedule.as_deref().unwrap_or("\0").as_bytes());
    hash.field(options.name.as_deref().unwrap_or("\0").as_bytes());
    if options.exclude_optouts {
        // Only when given, so journals written without it stay valid.
        hash.field(b"exclude-optouts");
    }
    hash.finish()
}
