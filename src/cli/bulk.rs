//! `mobivate bulk`: send one message per row of a CSV or JSON Lines file.

use crate::output::format::ResultFormat;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct BulkArgs {
    /// CSV (with a header row) or JSON Lines file, one message per row; `-` is stdin
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The file's format [default: from the extension: .jsonl/.ndjson are JSON Lines, else CSV]
    #[arg(long, value_enum, value_name = "FORMAT", help_heading = "Input")]
    pub input_format: Option<InputFormat>,

    /// CSV field delimiter: `,`, `;` or `tab`
    #[arg(long, value_name = "CHAR", default_value = ",",
          value_parser = ["," , ";", "tab"], hide_possible_values = true, help_heading = "Input")]
    pub delimiter: String,

    /// The column holding the recipient's number
    #[arg(
        long,
        value_name = "NAME",
        default_value = "recipient",
        help_heading = "Input"
    )]
    pub to_column: String,

    /// Template with {{column}} placeholders, instead of a `text` column
    #[arg(
        long,
        value_name = "TEMPLATE",
        conflicts_with = "text_file",
        help_heading = "Message"
    )]
    pub text: Option<String>,

    /// Read the message template from PATH
    #[arg(long, value_name = "PATH", help_heading = "Message")]
    pub text_file: Option<PathBuf>,

    /// Sender id for rows with no `originator` value [env: MOBIVATE_FROM] [default: the profile's]
    #[arg(long, value_name = "ORIGINATOR", help_heading = "Message")]
    pub from: Option<String>,

    /// Route for rows with no `route` value [env: MOBIVATE_ROUTE] [default: the profile's, else
    /// mglobal]
    #[arg(long, value_name = "ROUTE", help_heading = "Message")]
    pub route: Option<String>,

    /// Rows whose text takes more than N parts are invalid
    #[arg(long, value_name = "N", help_heading = "Message")]
    pub max_parts: Option<String>,

    /// Send at this time: RFC 3339 (2026-12-01T09:00:00Z) or from now (+30m)
    #[arg(long, value_name = "WHEN", help_heading = "Message")]
    pub schedule: Option<String>,

    /// Campaign name sent with every request
    #[arg(long, value_name = "NAME", help_heading = "Message")]
    pub name: Option<String>,

    /// Send rows with the same recipient and text as an earlier row too
    #[arg(long, help_heading = "Message")]
    pub allow_duplicates: bool,

    /// Invalid rows are warnings: exit 0 when every valid row was accepted
    #[arg(long, help_heading = "Checks")]
    pub skip_invalid: bool,

    /// Validate the whole file and print the summary; no key, no network
    #[arg(long, conflicts_with = "dry_run", help_heading = "Checks")]
    pub check: bool,

    /// Print the summary and the first request (key as ***); send nothing
    #[arg(long, help_heading = "Checks")]
    pub dry_run: bool,

    /// Do not ask for confirmation; required without a terminal
    #[arg(short, long, help_heading = "Sending")]
    pub yes: bool,

    /// Recipients per request (1 to 1000)
    #[arg(long, value_name = "N", default_value_t = 1000,
          value_parser = clap::value_parser!(u32).range(1..=1000), help_heading = "Sending")]
    pub batch_size: u32,

    /// Requests in flight at once (1 to 16)
    #[arg(long, value_name = "N", default_value_t = 4,
          value_parser = clap::value_parser!(u32).range(1..=16), help_heading = "Sending")]
    pub parallel: u32,

    /// At most N messages per second
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..),
          help_heading = "Sending")]
    pub rate: Option<u32>,

    /// Read the API key from stdin (else MOBIVATE_API_KEY or the stored key)
    #[arg(long, help_heading = "Sending")]
    pub key_stdin: bool,

    /// Skip rows to numbers on the opt-out list, fetched first (`opted-out`)
    #[arg(long, help_heading = "Sending")]
    pub exclude_optouts: bool,

    /// Journal of what was sent [default: FILE.mobivate-journal]
    ///
    /// Required when the rows come from stdin.
    #[arg(long, value_name = "PATH", help_heading = "Resuming")]
    pub journal: Option<PathBuf>,

    /// Discard the journal; rows it records as sent are sent again
    #[arg(long, help_heading = "Resuming")]
    pub restart: bool,

    /// Resend rows still unknown after --settle and not in the message log
    #[arg(long, help_heading = "Resuming")]
    pub resend_unknown: bool,

    /// How long the log may take to show a sent message (30s, 2m)
    #[arg(long, value_name = "DURATION", default_value = "60s",
          value_parser = crate::input::when::parse_std_duration, help_heading = "Resuming")]
    pub settle: std::time::Duration,

    /// Write one JSON line per input row to PATH (mode 0600)
    #[arg(long, value_name = "PATH", help_heading = "Output")]
    pub report: Option<PathBuf>,

    /// How to print the final counts: `text` (accepted A, invalid I, …), or `json` (one object)
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ResultFormat::Text,
          help_heading = "Output")]
    pub format: ResultFormat,

    /// Report how the run's messages did (takes the run's options; sends nothing)
    ///
    /// The message log joined with the journal.
    #[arg(long, help_heading = "Status")]
    pub status: bool,

    /// With --status: repeat until every row is final, or --wait passes
    #[arg(long, help_heading = "Status")]
    pub watch: bool,

    /// With --watch: how often to read the log [default: 30s; at least 1s]
    #[arg(long, value_name = "DURATION",
          value_parser = crate::input::when::parse_std_duration, help_heading = "Status")]
    pub interval: Option<std::time::Duration>,

    /// With --watch: how long to wait for every row to be final [default: 10m]
    #[arg(long, value_name = "DURATION",
          value_parser = crate::input::when::parse_std_duration, help_heading = "Status")]
    pub wait: Option<std::time::Duration>,

    /// With --status: write the report as a self-contained HTML page to PATH
    #[arg(long, value_name = "PATH", help_heading = "Status")]
    pub html: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Comma (or --delimiter) separated values with a header row
    Csv,
    /// One JSON object per line
    Jsonl,
}
