//! `mobivate bulk FILE`: one message per row, sent in batches, resumable.
//!
//! In order: check the options; open and lock the journal; pass one over the
//! file (validate, count, find duplicates); make sure the file and options
//! are those the journal was written for; look up unknown outcomes in the
//! message log; show the summary and confirm; pass two sends; a last pass
//! counts (and writes the report); print the counts; exit by the outcome.

use crate::api;
use crate::bulk::batcher::{self, BatchOptions};
use crate::bulk::clock::now_ms as now_unix_ms;
use crate::bulk::hash::Fnv64;
use crate::bulk::input::{Format, Source};
use crate::bulk::journal::{Header, Journal, Ledger, VERSION};
use crate::bulk::plan::{self, Input, Plan, Totals};
use crate::bulk::progress::Progress;
use crate::bulk::reconcile;
use crate::bulk::report::{self, Counts};
use crate::bulk::rows::{ShapeOptions, Shaper};
use crate::bulk::sender::Sender;
use crate::cli::{BulkArgs, ConnectionArgs, InputFormat};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::key;
use crate::input::prompt::{self, Interactivity};
use crate::input::text::{TextSource, read_text};
use crate::input::when::{api_utc, parse_schedule};
use crate::output;
use crate::output::same_file;
use crate::platform::signals::{self, Interrupt};
use crate::report::warn;
use crate::sms::template::Template;
use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::sync_channel;

pub fn run(connection: &ConnectionArgs, args: &BulkArgs) -> Result<(), Failure> {
    let from_stdin = args.file.as_os_str() == "-";
    let sending = !args.check && !args.dry_run;
    if from_stdin && args.key_stdin && sending {
        return Err(Failure::new(
            ExitCode::Usage,
            "the rows and the key cannot both come from stdin",
        )
        .with_hint("give the key with MOBIVATE_API_KEY, or the rows as a file"));
    }
    if from_stdin && args.journal.is_none() && sending {
        return Err(Failure::new(
            ExitCode::Usage,
            "reading rows from stdin needs --journal PATH",
        )
        .with_hint("the journal is what makes a run resumable; name where it goes"));
    }
    let journal_path = args
        .journal
        .clone()
        .unwrap_or_else(|| default_journal(&args.file));
    refuse_collisions(args, &journal_path, from_stdin)?;
    let format = input_format(args);
    let template = read_template(args)?;
    // The flag, then MOBIVATE_FROM / MOBIVATE_ROUTE, then the profile.
    // Checked by the same code as `send`'s.
    let (sender, from) = crate::input::defaults::originator(args.from.as_deref())?.unzip();
    let route = crate::input::defaults::route(args.route.as_deref())?.value;
    let max_parts = crate::input::defaults::max_parts(args.max_parts.as_deref())?;
    let schedule = args.schedule.as_deref().map(schedule_time).transpose()?;
    if let Some(name) = &args.name {
        super::send::checked_label(name, "--name")?;
    }
    let transport = if args.check {
        None
    } else {
        Some(super::transport(connection)?)
    };

    let source = Source::open(&args.file, args.journal.is_some() || !sending)?;
    let shown = if from_stdin {
        "stdin".to_string()
    } else {
        args.file.display().to_string()
    };
    let options_hash = options_fingerprint(
        args,
        format,
        template.as_ref(),
        sender.as_ref().map(|s| s.value.as_str()),
        &route,
        max_parts,
    );

    // Opened before anything is sent: a report that cannot be written stops
    // the run here. A dry run writes none.
    let mut report_file = match &args.report {
        Some(path) if !args.dry_run => Some(report::open(path)?),
        _ => None,
    };
    // The journal: locked for a real run, only read for --check and --dry-run.
    let (mut journal, ledger) = if sending {
        let (journal, ledger) = Journal::open(&journal_path, args.restart)?;
        let header = journal.header.clone();
        (Some(journal), (header, ledger))
    } else {
        match Journal::peek(&journal_path, args.restart)? {
            Some((header, ledger)) if !args.restart => (None, (header, ledger)),
            _ => (None, (None, Ledger::default())),
        }
    };
    let (header, ledger) = ledger;
    let run_id = header
        .as_ref()
        .map(|h| h.run.clone())
        .unwrap_or_else(new_run_id);

    // `--exclude-optouts`: the opt-out list, fetched once, before anything
    // is sent. The key it needs is the one the run then sends with.
    let mut early_key = None;
    let excluded = match (&transport, args.exclude_optouts) {
        (Some(transport), true) => {
            let interactivity = Interactivity::new(connection.no_input);
            let key = key::resolve_key(args.key_stdin, &interactivity)?;
            let numbers = api::optouts::fetch_all(transport, &key)?;
            transport
                .verbose()
                .say(|| format!("{} opted-out numbers fetched", numbers.len()));
            early_key = Some((key, interactivity));
            numbers.into_iter().map(|number| number.to_u64()).collect()
        }
        (None, true) => {
            warn("--check uses no key and no network, so the opt-out list is not fetched");
            HashSet::new()
        }
        (_, false) => HashSet::new(),
    };

    let shaper = Shaper::new(ShapeOptions {
        to_column: args.to_column.clone(),
        template,
        from,
        route: route.clone(),
        max_parts,
        run_id: run_id.clone(),
        excluded,
    });
    let input = Input {
        path: &source.path,
        shown: &shown,
        format,
    };
    let mut plan = plan::pass_one(&input, &shaper, &ledger, args.allow_duplicates)?;
    if plan.empty_value_rows > 0 {
        warn(&format!(
            "{} rows have an empty value for a template placeholder",
            plan.empty_value_rows
        ));
    }

    let file_hash = format!("{:016x}", plan.content_hash);
    let options_hex = format!("{options_hash:016x}");
    let mut ledger = ledger;
    if let Some(header) = &header {
        let file_changed = header.file != file_hash || header.size != plan.content_size;
        let options_changed = header.options != options_hex;
        if file_changed || options_changed {
            let what = if file_changed {
                format!("{shown} has changed")
            } else {
                "the options that shape the messages have changed".to_string()
            };
            let failure = Failure::new(
                ExitCode::DataErr,
                format!("{what} since the journal {} was written", journal_path.display()),
            )
            .with_hint("nothing was sent; rerun with the same file and options to resume, or --restart to start over (rows already sent are sent again)");
            if sending {
                return Err(failure);
            }
            warn(&format!("{failure}; counting as if nothing had been sent"));
            ledger = Ledger::default();
            plan = plan::pass_one(&input, &shaper, &ledger, args.allow_duplicates)?;
        }
    }

    let ledger = Mutex::new(ledger);
    let lock = || ledger.lock().unwrap_or_else(|p| p.into_inner());
    let mut key_and_transport = None;
    let mut resend: HashSet<u64> = HashSet::new();
    if let (Some(journal), Some(transport)) = (&mut journal, &transport) {
        let (key, interactivity) = match early_key.take() {
            Some(given) => given,
            None => {
                let interactivity = Interactivity::new(connection.no_input);
                (
                    key::resolve_key(args.key_stdin, &interactivity)?,
                    interactivity,
                )
            }
        };
        if !lock().unknown_requests().is_empty() {
            let outcome = reconcile::reconcile(
                transport,
                &key,
                journal,
                &ledger,
                &plan.unknown_refs,
                args.settle,
                &|| signals::interrupt_received().is_some(),
            )?;
            if outcome.accepted_rows > 0 {
                warn(&format!(
                    "{} rows of earlier requests with an unknown outcome are in the message log: counted as accepted",
                    outcome.accepted_rows
                ));
            }
            let still: u64 = outcome
                .settled
                .iter()
                .map(|id| plan.unknown.get(id).map_or(0, |t| t.messages))
                .sum();
            if still > 0 {
                if args.resend_unknown {
                    warn(&format!(
                        "{still} rows with an unknown outcome are not in the message log after --settle: sending them again (--resend-unknown)"
                    ));
                    resend = outcome.settled.clone();
                } else {
                    warn(&format!(
                        "{still} rows with an unknown outcome are not in the message log after --settle; they are not resent without --resend-unknown"
                    ));
                }
            }
        }
        key_and_transport = Some((key, interactivity));
    }

    let mut to_send: Totals = plan.pending;
    for id in &resend {
        if let Some(totals) = plan.unknown.get(id) {
            to_send.merge(totals);
        }
    }
    let batch_size = args.batch_size as usize;
    let already = plan
        .valid
        .saturating_sub(plan.duplicate)
        .saturating_sub(plan.pending.messages);
    let summary = report::summary(&plan, &to_send, batch_size, already);
    let _ = std::io::stderr().lock().write_all(summary.as_bytes());

    let batch_options = BatchOptions {
        route: route.clone(),
        name: args.name.clone(),
        schedule: schedule.map(api_utc),
        batch_size,
        allow_duplicates: args.allow_duplicates,
        resend,
    };

    if args.check {
        let (counts, changed) = report::finish(
            &input,
            &shaper,
            &lock(),
            &plan,
            args.allow_duplicates,
            report_file.take(),
        )?;
        output::write_stdout(counts.line(args.format).as_bytes())?;
        if let Some(failure) = changed {
            return Err(failure);
        }
        return verdict(&counts, args.skip_invalid, false);
    }
    if args.dry_run {
        dry_run(
            &input,
            &shaper,
            &ledger,
            &plan,
            &batch_options,
            transport.as_ref(),
        )?;
        return if plan.invalid > 0 && !args.skip_invalid {
            Err(Failure::new(
                ExitCode::DataErr,
                format!("{} rows are invalid and would not be sent", plan.invalid),
            )
            .with_hint("fix them, or pass --skip-invalid to treat them as warnings"))
        } else {
            Ok(())
        };
    }

    let Some((key, interactivity)) = &key_and_transport else {
        unreachable!("a sending run has a key");
    };
    if to_send.messages > 0 && !args.yes {
        confirm(interactivity, &to_send)?;
    }
    // Only now, once the user has confirmed: a declined run leaves no header
    // that would tie the next run to its file and options.
    if header.is_none()
        && let Some(journal) = journal.as_mut()
    {
        journal.start(Header {
            v: VERSION,
            file: file_hash.clone(),
            size: plan.content_size,
            options: options_hex.clone(),
            run: run_id.clone(),
            created: now_unix_ms(),
        })?;
    }
    let (Some(journal), Some(transport)) = (&journal, &transport) else {
        unreachable!("a sending run has a journal and a transport");
    };

    signals::catch_interrupts();
    let progress = Progress::new(to_send.messages);
    let sender = Sender::new(
        transport,
        key,
        journal,
        &ledger,
        args.parallel,
        args.rate,
        &progress,
    );
    let (jobs_tx, jobs_rx) = sync_channel(args.parallel as usize);
    let jobs_rx = Mutex::new(jobs_rx);
    let (done_tx, done_rx) = sync_channel::<()>(1);
    let produced = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..args.parallel)
            .map(|_| {
                scope.spawn(|| {
                    // Signals go to this thread, which polls for them.
                    signals::block_interrupts_in_this_thread();
                    sender.work(&jobs_rx)
                })
            })
            .collect();
        scope.spawn(|| {
            signals::block_interrupts_in_this_thread();
            progress.report_until(done_rx)
        });
        let produced = batcher::batches(
            &input,
            &shaper,
            &ledger,
            &plan,
            &batch_options,
            || journal.new_request_id(),
            |job| !sender.stopping() && jobs_tx.send(job).is_ok(),
        );
        drop(jobs_tx);
        for worker in workers {
            let _ = worker.join();
        }
        let _ = done_tx.send(());
        produced
    });
    progress.finish();
    // A pass that stopped (the file changed, or could not be read) still
    // ends with the counts of what was sent; its failure is the exit.
    let stopped = produced.err();

    let rate_limited = sender
        .tally
        .rate_limited
        .load(std::sync::atomic::Ordering::Relaxed);
    if rate_limited > 0 {
        warn(&format!(
            "rate limited {rate_limited} times (HTTP 429); requests in flight were lowered to {} of {}",
            sender.limiter.lowest(),
            args.parallel
        ));
    }
    let fatal = sender.take_fatal();
    let (counts, changed) = report::finish(
        &input,
        &shaper,
        &lock(),
        &plan,
        args.allow_duplicates,
        report_file.take(),
    )?;
    output::write_stdout(counts.line(args.format).as_bytes())?;
    if let Some(failure) = stopped.or(changed) {
        return Err(failure);
    }
    if let Some(failure) = fatal {
        if counts.unknown == 0 {
            return Err(failure);
        }
        // Unknown outcomes left: 75 (verdict), whatever stopped the run.
        warn(&format!("the run stopped: {failure}"));
    }
    if let Some(interrupt) = signals::interrupt_received() {
        warn(&format!(
            "stopped: {} rows not sent yet; run the same command again to resume",
            counts.pending
        ));
        return Err(match interrupt {
            Interrupt::Int => Failure::interrupted(),
            Interrupt::Term => Failure::terminated(),
        });
    }
    verdict(&counts, args.skip_invalid, true)
}

/// A file the run writes (the journal, the report) is never a file it reads
/// (the rows, the template) or the other one it writes: 64 before anything
/// is read.
fn refuse_collisions(args: &BulkArgs, journal: &Path, from_stdin: bool) -> Result<(), Failure> {
    let mut writes = vec![("--journal", journal)];
    if let Some(report) = &args.report {
        writes.push(("--report", report.as_path()));
    }
    let mut reads = Vec::new();
    if !from_stdin {
        reads.push(("the input file", args.file.as_path()));
    }
    if let Some(text_file) = &args.text_file {
        reads.push(("--text-file", text_file.as_path()));
    }
    same_file::refuse_collisions(&writes, &reads)
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

fn confirm(interactivity: &Interactivity, to_send: &Totals) -> Result<(), Failure> {
    if !interactivity.is_interactive() {
        return Err(Failure::new(
            ExitCode::Usage,
            format!("confirm sending with --yes ({})", interactivity.reason()),
        )
        .with_hint("nothing was sent; add --yes to send without a prompt"));
    }
    let answer = prompt::prompt_visible(&format!(
        "Send {} messages ({} parts)? [y/N] ",
        to_send.messages, to_send.parts
    ))?;
    match answer.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Ok(()),
        _ => Err(Failure::new(ExitCode::Usage, "cancelled: nothing was sent")),
    }
}

fn dry_run(
    input: &Input,
    shaper: &Shaper,
    ledger: &Mutex<Ledger>,
    plan: &Plan,
    options: &BatchOptions,
    transport: Option<&crate::net::transport::Transport>,
) -> Result<(), Failure> {
    let mut first = None;
    let mut id = 0;
    batcher::batches(
        input,
        shaper,
        ledger,
        plan,
        options,
        || {
            id += 1;
            id
        },
        |job| {
            first = Some(job.body);
            false
        },
    )?;
    let Some(body) = first else {
        warn("nothing to send");
        return Ok(());
    };
    let url = transport
        .map(|t| t.url("/send/batch"))
        .unwrap_or_else(|| "/send/batch".to_string());
    let mut out =
        format!("POST {url}\nAuthorization: Bearer ***\nContent-Type: application/json\n\n")
            .into_bytes();
    out.extend_from_slice(&body);
    out.push(b'\n');
    output::write_stdout(&out)
}

fn input_format(args: &BulkArgs) -> Format {
    let delimiter = match args.delimiter.as_str() {
        ";" => b';',
        "tab" => b'\t',
        _ => b',',
    };
    let jsonl = match args.input_format {
        Some(InputFormat::Jsonl) => true,
        Some(InputFormat::Csv) => false,
        None => args
            .file
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson")),
    };
    if jsonl {
        Format::Jsonl
    } else {
        Format::Csv { delimiter }
    }
}

fn read_template(args: &BulkArgs) -> Result<Option<Template>, Failure> {
    let source = match (&args.text, &args.text_file) {
        (Some(text), _) => text.clone(),
        // The one capped reader of every text source (`send`'s too).
        (None, Some(path)) => match TextSource::from_args(None, Some(path)) {
            Some(source)
                if source.is_stdin() && (args.file.as_os_str() == "-" || args.key_stdin) =>
            {
                let other = if args.key_stdin {
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

fn schedule_time(given: &str) -> Result<jiff::Timestamp, Failure> {
    parse_schedule(given, jiff::Timestamp::now()).map_err(|e| Failure::new(ExitCode::DataErr, e))
}

fn default_journal(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".mobivate-journal");
    PathBuf::from(name)
}

/// The options that shape what each row becomes: a resumed run must use
/// the same, or it would send other messages than the journal describes.
fn options_fingerprint(
    args: &BulkArgs,
    format: Format,
    template: Option<&Template>,
    from: Option<&str>,
    route: &str,
    max_parts: Option<u32>,
) -> u64 {
    let mut hash = Fnv64::default();
    match format {
        Format::Csv { delimiter } => hash.field(&[b'c', delimiter]),
        Format::Jsonl => hash.field(b"j"),
    }
    hash.field(args.to_column.as_bytes());
    hash.field(template.map_or(b"\0text column" as &[u8], |t| t.source().as_bytes()));
    hash.field(from.unwrap_or("\0").as_bytes());
    hash.field(route.as_bytes());
    hash.field(&max_parts.unwrap_or(0).to_le_bytes());
    hash.field(&[u8::from(args.allow_duplicates)]);
    hash.field(args.schedule.as_deref().unwrap_or("\0").as_bytes());
    hash.field(args.name.as_deref().unwrap_or("\0").as_bytes());
    if args.exclude_optouts {
        // Only when given, so journals written without it stay valid.
        hash.field(b"exclude-optouts");
    }
    hash.finish()
}

/// Eight hex digits, different for every journal.
fn new_run_id() -> String {
    let seed = RandomState::new().hash_one((now_unix_ms(), std::process::id()));
    format!("{:08x}", seed as u32)
}
