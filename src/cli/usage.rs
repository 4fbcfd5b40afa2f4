//! Parsing argv, with clap's errors reshaped into our one-line format and
//! its exit status 2 mapped to 64 (EX_USAGE).

use crate::cli::Cli;
use crate::error::Failure;
use crate::exit::ExitCode;
use clap::Parser;
use clap::error::{ContextKind, ContextValue, ErrorKind};

pub fn parse_args() -> Result<Cli, ExitCode> {
    if version_alone() {
        return Err(print_version());
    }
    let error = match Cli::try_parse() {
        Ok(cli) => return checked(cli),
        Err(error) => error,
    };
    if !error.use_stderr() {
        // --help and --version: not errors.
        return match error.print() {
            Ok(()) => Err(ExitCode::Success),
            Err(_) => Err(ExitCode::IoErr),
        };
    }
    let failure = reshape(&error);
    failure.report();
    Err(failure.code)
}

/// `mobivate --version` (or `-V`) and nothing else: answered without
/// building the command tree, which costs more than half of the
/// instructions of the whole run. Anything else goes through clap.
fn version_alone() -> bool {
    let mut args = std::env::args_os().skip(1);
    match (args.next(), args.next()) {
        (Some(arg), None) => arg == "--version" || arg == "-V",
        _ => false,
    }
}

/// What clap's `version` prints: the name and the version, on stdout.
fn print_version() -> ExitCode {
    use std::io::Write;
    let line = format!("{} {}\n", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(line.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::Success,
        Err(_) => ExitCode::IoErr,
    }
}

/// The values that parsed but cannot be used, checked once for every command
/// before it starts: 65 (STYLE), never a clap value parser's 64.
fn checked(cli: Cli) -> Result<Cli, ExitCode> {
    if let Err(failure) = crate::input::when::timeout(cli.connection.timeout) {
        failure.report();
        return Err(failure.code);
    }
    Ok(cli)
}

fn reshape(error: &clap::Error) -> Failure {
    if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        || error.kind() == ErrorKind::MissingSubcommand
    {
        return Failure::new(ExitCode::Usage, "no command given")
            .with_hint("try `mobivate getkey -u USER`, or see `mobivate --help`");
    }
    if error.kind() == ErrorKind::UnknownArgument && positional_argument(error) {
        // It may be a password typed where it does not belong: never echo it.
        let failure = Failure::new(
            ExitCode::Usage,
            "unexpected argument (not shown, in case it is a secret)",
        );
        // Most often, an unquoted text with spaces.
        let takes_text = std::env::args_os().any(|arg| arg == "send" || arg == "segments");
        return if takes_text {
            failure.with_hint("the text is one argument: quote it ('Hello there'), or use - or --text-file; no command takes the key as an argument")
        } else {
            failure.with_hint("no command takes a password or key as an argument: use --password-stdin, --password-file or MOBIVATE_PASSWORD")
        };
    }
    if error.kind() == ErrorKind::TooManyValues {
        // `--password-stdin=VALUE`: the value may be a password; never echo it.
        let flag = match error.get(ContextKind::InvalidArg) {
            Some(ContextValue::String(arg)) => {
                arg.split('=').next().unwrap_or_default().to_string()
            }
            _ => "a flag".to_string(),
        };
        return Failure::new(
            ExitCode::Usage,
            format!(
                "{flag} takes no value, but one was attached (not shown, in case it is a secret)"
            ),
        )
        .with_hint(format!(
            "write {flag} alone; no flag takes a password or key as its value"
        ));
    }
    if error.kind() == ErrorKind::MissingRequiredArgument
        && let Some(ContextValue::Strings(missing)) = error.get(ContextKind::InvalidArg)
    {
        let usage = match error.get(ContextKind::Usage) {
            Some(ContextValue::StyledStr(usage)) => {
                usage.to_string().trim().replace("Usage: ", "usage: ")
            }
            _ => "see `mobivate --help`".to_string(),
        };
        return Failure::new(
            ExitCode::Usage,
            format!("missing required argument: {}", missing.join(", ")),
        )
        .with_hint(usage);
    }
    let rendered = error.render().to_string();
    let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("invalid command line");
    let message = first.strip_prefix("error: ").unwrap_or(first);
    let mut details: Vec<String> = Vec::new();
    for line in lines {
        if line.starts_with("For more information") {
            continue;
        }
        let line = line
            .strip_prefix('[')
            .and_then(|l| l.strip_suffix(']'))
            .unwrap_or(line);
        details.push(line.replace("Usage: ", "usage: "));
    }
    let hint = if details.is_empty() {
        "see `mobivate --help`".to_string()
    } else {
        details.join("; ")
    };
    Failure::new(ExitCode::Usage, message).with_hint(hint)
}

/// Whether clap rejected a bare word (not a flag).
fn positional_argument(error: &clap::Error) -> bool {
    match error.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(arg)) => !arg.starts_with('-'),
        _ => true,
    }
}
