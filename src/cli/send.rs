//! `send` and `segments`: one text to one or a few recipients, and what a
//! text costs in parts before anything is sent.

use crate::output::format::ResultFormat;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct SendArgs {
    /// The message; `-` reads it from stdin (to EOF, at most 64 KiB)
    #[arg(value_name = "TEXT", conflicts_with = "text_file")]
    pub text: Option<String>,

    /// Read the message from the file at PATH (at most 64 KiB)
    #[arg(long, value_name = "PATH")]
    pub text_file: Option<PathBuf>,

    /// Recipient, in international form; repeat it or give a comma-separated list
    #[arg(long = "to", value_name = "NUMBER", required = true)]
    pub to: Vec<String>,

    /// Sender: up to 11 letters and digits, or up to 15 digits [env: MOBIVATE_FROM]
    #[arg(long, value_name = "SENDER")]
    pub from: Option<String>,

    /// Route id [env: MOBIVATE_ROUTE] [default: mglobal]
    #[arg(long, value_name = "ID")]
    pub route: Option<String>,

    /// Your reference for the message (one recipient only; made up when absent)
    #[arg(long, value_name = "REF")]
    pub reference: Option<String>,

    /// Campaign id for the message (one recipient only; not with --schedule)
    #[arg(long, value_name = "ID", conflicts_with = "schedule")]
    pub campaign_id: Option<String>,

    /// Let the API shorten the links in the text
    #[arg(long)]
    pub shorten_urls: bool,

    /// Send later: an RFC 3339 time (2026-12-01T10:00:00Z) or from now (+30m, +2h, +1h30m)
    #[arg(long, value_name = "WHEN")]
    pub schedule: Option<String>,

    /// Refuse a message that needs more than N parts (a whole number from 1)
    #[arg(long, value_name = "N")]
    pub max_parts: Option<String>,

    /// Replace curly quotes, dashes, the ellipsis and the no-break space with their GSM-7 twins
    #[arg(long)]
    pub fold_to_gsm: bool,

    /// Check everything and print the request (key as ***) without sending it
    #[arg(long)]
    pub dry_run: bool,

    /// Do not ask before sending to several recipients; required without a terminal
    #[arg(short, long)]
    pub yes: bool,

    /// Read the API key from stdin (else MOBIVATE_API_KEY, else the profile's stored key, else a prompt)
    #[arg(long)]
    pub key_stdin: bool,

    /// How to print the result
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ResultFormat::Text)]
    pub format: ResultFormat,
}

#[derive(Debug, Args)]
pub struct SegmentsArgs {
    /// The text; stdin when absent or `-` (to EOF, at most 64 KiB)
    #[arg(value_name = "TEXT", conflicts_with = "text_file")]
    pub text: Option<String>,

    /// Read the text from the file at PATH (at most 64 KiB)
    #[arg(long, value_name = "PATH")]
    pub text_file: Option<PathBuf>,

    /// Count the text as `send --fold-to-gsm` would send it
    #[arg(long)]
    pub fold_to_gsm: bool,

    /// How to print the result
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ResultFormat::Text)]
    pub format: ResultFormat,
}
