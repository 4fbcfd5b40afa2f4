//! `mobivate optouts list|add|remove`: the opt-out list through the list
//! output layer, and one result line per number for changes.

use super::shared::listing;
use crate::api::optouts::{self, LIST_START, OptOut};
use crate::cli::{OptoutsChangeArgs, OptoutsListArgs};
use crate::context::Context;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::when::When;
use crate::net::transport::Transport;
use crate::secret::Secret;
use crate::sms::number::{Msisdn, normalise};
use std::io::{BufRead, Read, Write};

pub fn list(ctx: &Context, args: &OptoutsListArgs) -> Result<(), Failure> {
    let start = When::At(LIST_START.parse().expect("LIST_START is RFC 3339"));
    let (since, until) = listing::date_range(args.since.unwrap_or(start), args.until)?;
    listing::check_limit(args.list.limit)?;
    let transport = ctx.transport()?;
    let key = ctx.key(args.key.key_stdin)?;
    listing::list_pages(
        args.list.format,
        args.list.limit,
        |_: &OptOut| true,
        |page, size| optouts::list_page(transport, &key, since, until, page, size),
    )
}

#[derive(Clone, Copy)]
pub enum Change {
    Add,
    Remove,
}

impl Change {
    fn done(self) -> &'static str {
        match self {
            Change::Add => "added",
            Change::Remove => "removed",
        }
    }

    fn apply(self, transport: &Transport, key: &Secret, number: &Msisdn) -> Result<(), Failure> {
        match self {
            Change::Add => optouts::add(transport, key, number),
            Change::Remove => optouts::remove(transport, key, number).map(|_| ()),
        }
    }
}

/// Applies the change to every number, printing `NUMBER added` (or
/// `removed`) on stdout or the error on stderr; the exit code is the worst
/// outcome: 77, then network codes, then a closed stdout (74), then 65.
pub fn change(ctx: &Context, args: &OptoutsChangeArgs, change: Change) -> Result<(), Failure> {
    let from_stdin = args.numbers.iter().any(|n| n == "-");
    if from_stdin && args.key.key_stdin {
        return Err(
            Failure::new(ExitCode::Usage, "--key-stdin and `-` both want stdin")
                .with_hint("give the key with MOBIVATE_API_KEY when the numbers come from stdin"),
        );
    }
    let transport = ctx.transport()?;
    let key = ctx.key(args.key.key_stdin)?;
    let numbers = gather(&args.numbers)?;
    let mut worst: Option<Failure> = None;
    let mut failed = 0usize;
    let mut stdout_error: Option<std::io::Error> = None;
    let mut key_rejected = false;
    let mut stdout = ctx.streams().stdout().lock();
    for raw in &numbers {
        let outcome = match normalise(raw) {
            Err(error) => Err(Failure::new(ExitCode::DataErr, error.to_string())),
            Ok(number) if key_rejected => Err(Failure::new(
                ExitCode::NoPerm,
                format!("{number}: not tried: the API key was rejected"),
            )),
            Ok(number) => change
                .apply(transport, &key, &number)
                .map(|()| number)
                .map_err(|f| Failure::new(f.code, format!("{number}: {f}"))),
        };
        match outcome {
            Ok(number) => {
                if stdout_error.is_none()
                    && let Err(error) =
                        writeln!(stdout, "{number} {}", change.done()).and_then(|()| stdout.flush())
                {
                    stdout_error = Some(error);
                }
            }
            Err(failure) => {
                failed += 1;
                key_rejected |= failure.code == ExitCode::NoPerm;
                crate::report::error(&failure.to_string(), None);
                if worst
                    .as_ref()
                    .is_none_or(|w| rank(failure.code) > rank(w.code))
                {
                    worst = Some(failure);
                }
            }
        }
    }
    let summary = |code: ExitCode| {
        let verb = match change {
            Change::Add => "added to",
            Change::Remove => "removed from",
        };
        Failure::new(
            code,
            format!(
                "{failed} of {} number(s) not {verb} the opt-out list",
                numbers.len()
            ),
        )
    };
    let worst_code = worst.as_ref().map(|w| w.code);
    match (worst_code, stdout_error) {
        (Some(code), Some(_)) if rank(code) > rank(ExitCode::IoErr) => Err(summary(code)),
        (_, Some(error)) => Err(Failure::new(
            ExitCode::IoErr,
            format!("cannot write to stdout: {error}; every number was still applied"),
        )),
        (Some(ExitCode::NoPerm), None) => {
            Err(summary(ExitCode::NoPerm).with_hint("check the key with `mobivate testkey`"))
        }
        (Some(code), None) => Err(summary(code)),
        (None, None) => Ok(()),
    }
}

/// Worse outcomes rank higher.
fn rank(code: ExitCode) -> u8 {
    match code {
        ExitCode::NoPerm => 4,
        ExitCode::DataErr => 1,
        ExitCode::IoErr => 2,
        _ => 3,
    }
}

/// The numbers from the arguments, `-` expanded to stdin's lines (blank
/// lines skipped).
fn gather(arguments: &[String]) -> Result<Vec<String>, Failure> {
    let mut numbers = Vec::new();
    let mut stdin_read = false;
    for argument in arguments {
        if argument != "-" {
            numbers.push(argument.clone());
            continue;
        }
        if stdin_read {
            continue;
        }
        stdin_read = true;
        let before = numbers.len();
        read_stdin_lines(&mut numbers)?;
        if numbers.len() == before {
            return Err(Failure::new(ExitCode::DataErr, "no numbers on stdin")
                .with_hint("nothing was sent; `-` reads one number per line: did the command before the pipe fail?"));
        }
    }
    Ok(numbers)
}

/// The longest line `-` takes from stdin: a phone number with its spaces and
/// punctuation fits many times over; an endless line (`< /dev/zero`) stops here.
const MAX_LINE_BYTES: u64 = 1024;

/// One number per line from stdin, blank lines skipped, each line capped.
fn read_stdin_lines(numbers: &mut Vec<String>) -> Result<(), Failure> {
    let mut stdin = std::io::stdin().lock();
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        let read = (&mut stdin)
            .take(MAX_LINE_BYTES + 1)
            .read_until(b'\n', &mut line)
            .map_err(|error| {
                Failure::new(ExitCode::NoInput, format!("cannot read stdin: {error}"))
            })?;
        if read == 0 {
            return Ok(());
        }
        if line.len() as u64 > MAX_LINE_BYTES {
            return Err(Failure::new(
                ExitCode::DataErr,
                format!("line {number} of stdin is longer than {MAX_LINE_BYTES} bytes"),
            )
            .with_hint("nothing was sent; give one number per line"));
        }
        let text = std::str::from_utf8(&line).map_err(|_| {
            Failure::new(
                ExitCode::DataErr,
                format!("line {number} of stdin is not UTF-8 text"),
            )
            .with_hint("nothing was sent")
        })?;
        let text = text.trim();
        if !text.is_empty() {
            numbers.push(text.to_string());
        }
    }
    Ok(())
}
