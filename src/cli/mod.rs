//! The whole command line, as clap derive structs. Doc comments are the help.
//!
//! Rules for this file:
//! - `short` only where the issue spells one out (`-u`, `-o`, `-v`, `-q`, `-y`).
//! - Every argument that takes a value has an upper-case `value_name`.
//! - No argument takes a password or a key: those only come from stdin, a file,
//!   the environment or a hidden prompt, never from argv.
//! - Environment variables are read by the code that uses them, not by clap,
//!   so `--help` can never print a secret's value.

use clap::{ArgAction, Args, Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

/// The end of a command's help: an `Examples:` section of real command
/// lines (a test parses each one), then its man page, and where exit status
/// and environment are. A literal built at compile time: nothing is formatted at start-up.
macro_rules! examples {
    ($page:literal; $($line:literal),+ $(,)?) => {
        examples!($page; before = no_text; $($line),+)
    };
    ($page:literal; before = $before:ident; $($line:literal),+ $(,)?) => {
        concat!(
            $before!(),
            "Examples:\n",
            $("  $ ", $line, "\n",)+
            "\nMore: `man ", $page, "`.",
            "\nExit status and environment: `mobivate --help` and `man mobivate`."
        )
    };
}

/// Nothing before the examples.
macro_rules! no_text {
    () => {
        ""
    };
}

/// Where `getkey`, `createkey` and `auth login` find the username and password.
macro_rules! password_sources {
    () => {
        "The username comes from, first found: -u/--username, MOBIVATE_USERNAME, a visible prompt
(only when interactive). The password comes from exactly one source, first found:
  1. --password-file PATH (PATH \"-\" means stdin)
  2. --password-stdin
  3. MOBIVATE_PASSWORD
  4. a hidden prompt on the terminal (only when interactive)
Otherwise it exits 64. Read from stdin or a file, the password is everything up to EOF minus
one trailing newline, at most 4 KiB.

"
    };
}

/// What `bulk --help` says of its input, before the examples.
macro_rules! bulk_columns {
    () => {
        "Input columns (a CSV header row, or the keys of each JSON Lines object):
  recipient   the number, in international form (another column: --to-column NAME)
  text        the message (not read with a --text or --text-file template)
  originator  the row's sender (empty or absent: --from)
  reference   the row's reference, unique in the file (empty or absent: one is made up)
  route       the row's route (empty or absent: --route)
A template names any column of the file as {{column}}, e.g. {{name}} or {{first name}}
(case-sensitive); one the file lacks is an error before anything is sent.

"
    };
}

mod auth;
mod bulk;
pub mod generate;
mod records;
mod send;
pub mod usage;

pub use crate::output::format::{RecordFormat, ResultFormat, StatusFormat};
pub use auth::*;
pub use bulk::*;
pub use records::*;
pub use send::*;

pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "MOBIVATE_USERNAME",
        "username, when -u/--username is not given",
    ),
    (
        "MOBIVATE_PASSWORD",
        "password, when neither --password-file nor --password-stdin is given",
    ),
    (
        "MOBIVATE_API_KEY",
        "API key, for every command that needs one, when --key-stdin is not given (wins over a stored key)",
    ),
    (
        "MOBIVATE_FROM",
        "sender for `send` and `bulk`, when --from is not given (wins over the profile's)",
    ),
    (
        "MOBIVATE_ROUTE",
        "route for `send` and `bulk`, when --route is not given (wins over the profile's; default mglobal)",
    ),
    (
        "MOBIVATE_BASE_URL",
        "base URL, when --base-url is not given (wins over the profile's)",
    ),
    ("MOBIVATE_PROFILE", "profile, when --profile is not given"),
    (
        "MOBIVATE_CONFIG_DIR",
        "directory of config.toml and credentials.toml, instead of the platform's",
    ),
    (
        "CI",
        "when set to anything but empty, `false` or `0`, never prompt (as --no-input)",
    ),
    (
        "GITHUB_ACTIONS",
        "when `true`, print `::add-mask::KEY` to stderr first (see --no-mask)",
    ),
    (
        "HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY",
        "proxy settings, upper or lower case, as curl reads them",
    ),
    (
        "SSL_CERT_FILE, SSL_CERT_DIR",
        "where to find trusted CA certificates",
    ),
    (
        "COLUMNS",
        "table width when stdout is not a terminal (a terminal's own width wins)",
    ),
    ("TZ", "the local time zone of table dates"),
];

// The text after the root's help: exit status and environment, so scripts
// can rely on them. A literal rather than built at run time, because clap
// builds the command (and would format this text) on every start; a unit
// test keeps it equal to `exit::exit_status_table()` and `ENVIRONMENT`.
/// The exit-status and environment tables, shown once: after the root's help.
macro_rules! tables {
    () => {
        "EXIT STATUS:
    0  success: the key was obtained (or the command did what was asked)
   64  usage: bad or conflicting flags; no username or password without a terminal; two of a command's files are the same file
   65  unusable input: a password, key, number, sender, text or date; not a journal or a damaged one; rows changed during the run; --forward to the listener itself
   66  a named input file (password file, CA file) is missing or unreadable; bulk input that is a device, or a pipe without --journal; bulk --status without a journal; no such message (logs get)
   68  the host name could not be resolved
   69  service unavailable: a 5xx after retries, connection refused or reset
   73  a file to write (-o, --report, --journal, the config) could not be created, or is a device, FIFO, socket or directory
   74  writing stdout failed, including a closed pipe (lists, logs watch and webhooks listen end with 0)
   75  temporary failure: a timeout, or a 429 after retries; logs watch ran out of --wait; bulk --status: rows still pending or missing
   76  protocol: an unexpected response, a redirect, a TLS failure, a proxy's 407, a listing the server repeats; send: an unreadable 2xx body or id (accepted)
   77  credentials or key rejected, or a send refused: 401, 402, 403
   78  configuration: invalid base URL, plain http to a non-loopback host, unusable CA file, a config file that is unparsable or not a regular file, no keyring to store a key in
  130  interrupted (Ctrl-C)
  143  terminated (SIGTERM) after a graceful stop (bulk)

ENVIRONMENT:
  MOBIVATE_USERNAME: username, when -u/--username is not given
  MOBIVATE_PASSWORD: password, when neither --password-file nor --password-stdin is given
  MOBIVATE_API_KEY: API key, for every command that needs one, when --key-stdin is not given (wins over a stored key)
  MOBIVATE_FROM: sender for `send` and `bulk`, when --from is not given (wins over the profile's)
  MOBIVATE_ROUTE: route for `send` and `bulk`, when --route is not given (wins over the profile's; default mglobal)
  MOBIVATE_BASE_URL: base URL, when --base-url is not given (wins over the profile's)
  MOBIVATE_PROFILE: profile, when --profile is not given
  MOBIVATE_CONFIG_DIR: directory of config.toml and credentials.toml, instead of the platform's
  CI: when set to anything but empty, `false` or `0`, never prompt (as --no-input)
  GITHUB_ACTIONS: when `true`, print `::add-mask::KEY` to stderr first (see --no-mask)
  HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY: proxy settings, upper or lower case, as curl reads them
  SSL_CERT_FILE, SSL_CERT_DIR: where to find trusted CA certificates
  COLUMNS: table width when stdout is not a terminal (a terminal's own width wins)
  TZ: the local time zone of table dates"
    };
}

/// The root's help: an example for each command group, then the tables.
pub const ROOT_AFTER_HELP: &str = concat!(
    "Examples:
  $ mobivate auth login -u alice@example.com
  $ mobivate send --to +447930000000 --from Shop 'Your order is ready'
  $ mobivate bulk contacts.csv --check
  $ mobivate logs list --since 7d
  $ mobivate optouts list
  $ mobivate webhooks listen --port 8080

",
    tables!()
);

#[cfg(test)]
fn after_long_help() -> String {
    let environment = ENVIRONMENT
        .iter()
        .map(|(name, meaning)| format!("  {name}: {meaning}"))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "EXIT STATUS:\n{}\n\nENVIRONMENT:\n{environment}",
        crate::exit::exit_status_table()
    )
}

/// Command-line client for the Mobivate Bulk SMS API
///
/// Send one text or a campaign from a CSV or JSON Lines file, follow delivery in the message
/// log, manage the opt-out list and webhooks, and get, check or store the account's API key,
/// for a person at a terminal, a shell script, or a CI job. `mobivate COMMAND --help` shows
/// each command's options and examples.
#[derive(Debug, Parser)]
#[command(
    name = "mobivate",
    version,
    propagate_version = true,
    disable_help_flag = true,
    after_help = ROOT_AFTER_HELP,
)]
pub struct Cli {
    /// Print help
    #[arg(short, long, global = true, action = ArgAction::HelpShort)]
    pub help: Option<bool>,

    #[command(flatten)]
    pub connection: ConnectionArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Connection options")]
pub struct ConnectionArgs {
    /// Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile's, else https://api.mobivatebulksms.com]
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,

    /// Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)
    #[arg(long, global = true, value_name = "DURATION", default_value = "30s",
          value_parser = crate::input::when::parse_std_duration)]
    pub timeout: Duration,

    /// Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429
    #[arg(long, global = true, value_name = "N", default_value_t = 2,
          value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: u32,

    /// PEM file of CA certificates to trust instead of the system store
    #[arg(long, global = true, value_name = "FILE")]
    pub cacert: Option<PathBuf>,

    /// Show each request, attempt and outcome on stderr (never a secret)
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,

    /// Never prompt: fail with exit status 64 when input is missing
    #[arg(long, global = true)]
    pub no_input: bool,

    /// Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the account's current API key (POST /auth/getkey)
    #[command(after_help = examples!("mobivate-getkey"; before = password_sources; "mobivate getkey -u alice@example.com", "mobivate getkey -u alice@example.com --password-file ~/.mobivate-password", "mobivate getkey --password-stdin --format env", "mobivate getkey -u alice@example.com --verify -o key.txt"))]
    Getkey(GetkeyArgs),

    /// Create a new API key, revoking the current one (POST /auth/createkey)
    #[command(after_help = examples!("mobivate-createkey"; "mobivate createkey -u alice@example.com", "mobivate createkey -u alice@example.com --password-stdin --yes -o key.txt"))]
    Createkey(CreatekeyArgs),

    /// Check that an API key is valid (GET /auth/test)
    #[command(after_help = examples!("mobivate-testkey"; "mobivate testkey", "mobivate testkey --key-stdin --quiet"))]
    Testkey(TestkeyArgs),

    /// Send one message per row of a CSV or JSON Lines file, resumably (POST /send/batch)
    #[command(after_help = examples!("mobivate-bulk"; before = bulk_columns; "mobivate bulk contacts.csv --check", "mobivate bulk contacts.csv --text 'Hi {{name}}, doors open at 9' --from Shop --dry-run", "mobivate bulk contacts.csv --yes --report report.jsonl", "mobivate bulk messages.jsonl --yes --parallel 8 --rate 100"))]
    Bulk(Box<BulkArgs>),
    /// Log in once: store the API key and a profile (auth login|status|token|logout)
    #[command(long_about = AUTH_LONG_ABOUT, after_help = examples!("mobivate-auth"; "mobivate auth login -u alice@example.com", "mobivate auth status", "mobivate auth logout"))]
    Auth(AuthArgs),

    /// Send one text to one or a few recipients (POST /send/single, /send/batch)
    ///
    /// One recipient uses /send/single; several (at most 1,000), or a --schedule, use one
    /// /send/batch request. Output: `RECIPIENT ID` per recipient (the campaign id for a batch).
    /// Before sending to several recipients it asks on the terminal; without one it needs --yes.
    ///
    /// A request that may have reached the server is never sent again: only a failure to connect
    /// and a 429 (honouring Retry-After) are retried. Answers: 400 exits 65, quoting the server;
    /// 401 exits 77; 402 exits 77 (out of credit); 403 exits 77, quoting the server (an opted-out
    /// recipient, or a key without the send permission); a 429 after the retries exits 75. A 5xx
    /// or a reset (69) or a timeout (75) after sending may have sent the message: the error names
    /// the reference to check with `mobivate logs list --reference REF`. A 2xx whose body cannot be
    /// read exits 76: the messages were accepted and must not be sent again.
    #[command(after_help = examples!("mobivate-send"; "mobivate send --to +447930000000 --from Shop 'Your order is ready'", "mobivate send --to 447930000000,447930000001 --schedule +2h --dry-run 'Doors open at 9'", "mobivate send --to +447930000000 --text-file message.txt --reference order-7"))]
    Send(SendArgs),

    /// Show a text's encoding and how many parts (billed SMS) it takes
    ///
    /// Prints the encoding (GSM-7 or UCS-2), the character count, the parts, and the units left in
    /// the last part; for UCS-2, the first character that forced it and its position. GSM-7: 160
    /// septets in one part, else parts of 153 (`^ { } \ [ ~ ] | €` count 2). UCS-2: 70 UTF-16 units,
    /// else parts of 67. No part ends inside an escape or a surrogate pair.
    #[command(after_help = examples!("mobivate-segments"; "mobivate segments 'Hello there'", "mobivate segments --text-file message.txt --fold-to-gsm", "mobivate segments --format json 'Zoë ☺'"))]
    Segments(SegmentsArgs),

    /// Message logs: search, read one, follow to delivery
    #[command(subcommand, after_help = examples!("mobivate-logs"; "mobivate logs list --since 7d", "mobivate logs watch order-7 --wait 30m"))]
    Logs(LogsCommand),

    /// The opt-out list: list, add, remove
    #[command(subcommand, after_help = examples!("mobivate-optouts"; "mobivate optouts list", "mobivate optouts add +447930000000"))]
    Optouts(OptoutsCommand),

    /// Webhooks: register a URL, or receive payloads locally
    #[command(subcommand, after_help = examples!("mobivate-webhooks"; "mobivate webhooks set receipt https://example.com/hooks/receipt", "mobivate webhooks listen --port 8080"))]
    Webhooks(WebhooksCommand),

    /// Print a shell completion script
    #[command(after_help = examples!(
        "mobivate-completions"; "mobivate completions bash",
        "mobivate completions zsh",
        "mobivate completions fish"
    ))]
    Completions(CompletionsArgs),

    /// Print the man page (roff), or write one page per command into a directory
    #[command(after_help = examples!(
        "mobivate-man"; "mobivate man",
        "mobivate man --dir ~/.local/share/man/man1"
    ))]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write mobivate.1 and a page per command and subcommand (mobivate-send.1,
    /// mobivate-logs-list.1 and so on) into DIR, created if needed, instead of printing mobivate.1
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to generate completions for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::format::Format;
    use clap::CommandFactory;

    #[test]
    fn help_text_matches_the_exit_codes_and_environment() {
        assert_eq!(
            ROOT_AFTER_HELP
                .split_once("\n\nEXIT STATUS:")
                .map(|(_, tables)| format!("EXIT STATUS:{tables}")),
            Some(after_long_help())
        );
    }

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("mobivate").chain(args.iter().copied()))
    }

    #[test]
    fn connection_options_are_global() {
        let before = parse(&[
            "--base-url",
            "http://127.0.0.1:1",
            "--timeout",
            "1m30s",
            "getkey",
        ])
        .unwrap();
        let after = parse(&[
            "getkey",
            "--base-url",
            "http://127.0.0.1:1",
            "--timeout",
            "1m30s",
        ])
        .unwrap();
        for cli in [before, after] {
            assert_eq!(
                cli.connection.base_url.as_deref(),
                Some("http://127.0.0.1:1")
            );
            assert_eq!(cli.connection.timeout, Duration::from_secs(90));
        }
    }

    #[test]
    fn defaults() {
        let cli = parse(&["getkey"]).unwrap();
        assert_eq!(cli.connection.timeout, Duration::from_secs(30));
        assert_eq!(cli.connection.retries, 2);
        let Command::Getkey(args) = cli.command else {
            panic!("getkey expected")
        };
        assert_eq!(args.output.format, Format::Raw);
    }

    #[test]
    fn password_sources_conflict() {
        let err = parse(&["getkey", "--password-stdin", "--password-file", "p"]).unwrap_err();
        assert_eq!(err.kind(), clap::error::ErrorKind::ArgumentConflict);
    }

    #[test]
    fn timeout_follows_the_duration_grammar() {
        let timeout =
            |text: &str| parse(&["getkey", "--timeout", text]).map(|cli| cli.connection.timeout);
        assert_eq!(timeout("90").unwrap(), Duration::from_secs(90));
        assert_eq!(timeout("1h30m").unwrap(), Duration::from_secs(5400));
        assert_eq!(timeout("2m").unwrap(), Duration::from_secs(120));
        // Parses: refused later with 65 (`input::when::timeout`), not by clap.
        assert_eq!(timeout("0").unwrap(), Duration::ZERO);
        for malformed in ["-1", "abc", "2.5", "1x", ""] {
            assert!(timeout(malformed).is_err(), "{malformed:?}");
        }
    }

    #[test]
    fn no_password_flag_exists() {
        assert!(parse(&["getkey", "--password", "x"]).is_err());
        assert!(parse(&["getkey", "-p", "x"]).is_err());
    }
}
