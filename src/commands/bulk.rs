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
use crate::bulk::run::{Mode, Options, Run};
use crate::cli::{BulkArgs, InputFormat, ResultFormat};
use crate::context::Context;
use crate::error::Failure;

pub fn run(ctx: &Context, args: &BulkArgs) -> Result<(), Failure> {
    let options = options(ctx, args)?;
    let mut run = Run::open(&options, ctx.profiles(), || ctx.transport().cloned())?;
    match options.mode {
        Mode::Check => run.check(),
        Mode::DryRun => run.dry_run(),
        Mode::Send => {
            run.reconcile()?;
            run.send()
        }
    }
}

/// The command line as the run's plain options.
fn options(ctx: &Context, args: &BulkArgs) -> Result<Options, Failure> {
    let mode = if args.check {
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
        counts_format: match args.format {
            ResultFormat::Text => CountsFormat::Text,
            ResultFormat::Json => CountsFormat::Json,
        },
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
