//! `mobivate bulk FILE`: one message per row, sent in batches, resumable.
//!
//! In order (`bulk::Run`): check the options; open and lock the journal;
//! pass one over the file (validate, count, find duplicates); make sure the
//! file and options are those the journal was written for. Then `--check`
//! prints the summary and the counts; `--dry-run` the summary and the first
//! request. A real run looks up unknown outcomes in the message log, shows
//! the summary and confirms, sends, counts in a last pass (writing the
//! report), prints the counts, and exits by the outcome.

use crate::bulk::counts::CountsFormat;
use crate::bulk::reader::Format;
use crate::bulk::run::StatusOptions;
use crate::bulk::run::{Mode, Options, Run};
use crate::cli::{BulkArgs, InputFormat, ResultFormat};
use crate::context::Context;
use crate::error::Failure;
use crate::exit::ExitCode;
use std::time::Duration;

pub fn run(ctx: &Context, args: &BulkArgs) -> Result<(), Failure> {
    let status = status_options(args)?;
    let options = options(ctx, args)?;
    let mut run = Run::open(&options, ctx.profiles(), || ctx.transport().cloned())?;
    match options.mode {
        Mode::Check => run.check(),
        Mode::DryRun => run.dry_run(),
        Mode::Status => run.status(&status),
        Mode::Send => {
            run.reconcile()?;
            run.send()
        }
    }
}

/// The command line as the run's plain options.
fn options(ctx: &Context, args: &BulkArgs) -> Result<Options, Failure> {
    let mode = if args.status {
        Mode::Status
    } else if args.check {
        Mode::Check
    } else if args.dry_run {
        Mode::DryRun
    } else {
        Mode::Send
    };
    Ok(Options {
        mode,
        file: args.file.clone(),
        format: input_format(args),
        to_column: args.to_column.clone(),
        text: args.text.clone(),
        text_file: args.text_file.clone(),
        from: args.from.clone(),
        route: args.route.clone(),
        // Checked by the one rule (`--max-parts 0` is 65, as for `send`).
        max_parts: crate::input::defaults::max_parts(args.max_parts.as_deref())?,
        schedule: args.schedule.clone(),
        name: args.name.clone(),
        allow_duplicates: args.allow_duplicates,
        skip_invalid: args.skip_invalid,
        yes: args.yes,
        batch_size: args.batch_size,
        parallel: args.parallel,
        rate: args.rate,
        key_stdin: args.key_stdin,
        no_input: ctx.interactivity().no_input(),
        exclude_optouts: args.exclude_optouts,
        journal: args.journal.clone(),
        restart: args.restart,
        resend_unknown: args.resend_unknown,
        settle: args.settle,
        row_report: args.report.clone(),
        html: args.html.clone(),
        counts_format: match args.format {
            ResultFormat::Text => CountsFormat::Text,
            ResultFormat::Json => CountsFormat::Json,
        },
    })
}

/// `--status` and the flags that go with it: the others need it (64), the
/// other modes exclude it (64), and `--interval` is at least 1 s (65).
fn status_options(args: &BulkArgs) -> Result<StatusOptions, Failure> {
    let needs = [
        ("--watch", args.watch),
        ("--interval", args.interval.is_some()),
        ("--wait", args.wait.is_some()),
        ("--html", args.html.is_some()),
    ];
    let excludes = [
        ("--check", args.check),
        ("--dry-run", args.dry_run),
        ("--restart", args.restart),
        ("--resend-unknown", args.resend_unknown),
    ];
    if !args.status {
        if let Some((flag, _)) = needs.iter().find(|(_, given)| *given) {
            return Err(
                Failure::new(ExitCode::Usage, format!("{flag} needs --status")).with_hint(
                    "mobivate bulk FILE --status [--watch] reports how a run's messages did",
                ),
            );
        }
    } else if let Some((flag, _)) = excludes.iter().find(|(_, given)| *given) {
        return Err(Failure::new(
            ExitCode::Usage,
            format!("--status cannot be combined with {flag}"),
        )
        .with_hint("--status only reads: run it on its own, with the run's options"));
    }
    let interval = args.interval.unwrap_or(Duration::from_secs(30));
    if interval < Duration::from_secs(1) {
        return Err(Failure::new(
            ExitCode::DataErr,
            "--interval must be at least 1s, to spare the API",
        ));
    }
    Ok(StatusOptions {
        watch: args.watch,
        interval,
        wait: args.wait.unwrap_or(Duration::from_secs(600)),
        html: args.html.clone(),
    })
}

/// `--input-format`, else the extension (.jsonl/.ndjson are JSON Lines);
/// CSV with `--delimiter`.
fn input_format(args: &BulkArgs) -> Format {
    let jsonl = match args.input_format {
        Some(InputFormat::Jsonl) => true,
        Some(InputFormat::Csv) => false,
        None => args
            .file
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson")),
    };
    let delimiter = match args.delimiter.as_str() {
        ";" => b';',
        "tab" => b'\t',
        _ => b',',
    };
    if jsonl {
        Format::Jsonl
    } else {
        Format::Csv { delimiter }
    }
}
