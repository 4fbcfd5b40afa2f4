//! The commands that read what happened and manage where it goes:
//! `logs`, `optouts` and `webhooks`, and the options they share.

use crate::api::webhooks::Kind;
use crate::input::when::{When, parse_std_duration, parse_when};
use crate::output::format::RecordFormat;
use crate::output::list::ListFormat;
use clap::{Args, Subcommand, ValueEnum};
use std::time::Duration;

#[derive(Debug, Args)]
#[command(next_help_heading = "API key")]
pub struct KeyArgs {
    /// Read the API key from stdin (else MOBIVATE_API_KEY, else the profile's stored key, else a prompt)
    #[arg(long)]
    pub key_stdin: bool,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct ListArgs {
    /// How to print the records [default: table on a terminal, else jsonl]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ListFormat>,

    /// Stop after N records, and ask for no more pages
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum LogsCommand {
    /// Search the message log (GET /message), each page printed as it arrives
    ///
    /// The API filters by date and direction. --status, --recipient, --reference
    /// and --campaign-id are applied by mobivate to the records the API returns.
    #[command(after_help = examples!("mobivate-logs-list"; "mobivate logs list --since 7d", "mobivate logs list --status DELIVERED --format csv", "mobivate logs list --reference order-7 --limit 10"))]
    List(LogsListArgs),

    /// Print one message record (GET /message/ID)
    #[command(after_help = examples!("mobivate-logs-get"; "mobivate logs get 0a1b2c3d4e5f60718293a4b5c6d7e8f9", "mobivate logs get 0a1b2c3d4e5f60718293a4b5c6d7e8f9 --format json"))]
    Get(LogsGetArgs),

    /// Follow messages until each has a final status
    ///
    /// Re-reads the log every --interval and prints each status change as it
    /// happens. Exits 0 once every message it follows has a final status
    /// (DELIVERED, EXPIRED, DELETED, UNDELIVERABLE, UNKNOWN, REJECTED, any
    /// FAILED_*, or a status name mobivate does not know); ACCEPTED,
    /// INTERIM_QUEUED, INTERIM_ACKNOWLEDGED and RETRY are not final. Exits 75
    /// when no message was found, or some are still not final, after --wait.
    #[command(after_help = examples!("mobivate-logs-watch"; "mobivate logs watch order-7", "mobivate logs watch order-7 --wait 30m --interval 30s", "mobivate logs watch --campaign-id 42 --format jsonl"))]
    Watch(LogsWatchArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DirectionArg {
    /// Outgoing messages
    Mt,
    /// Incoming messages
    Mo,
}

#[derive(Debug, Args)]
pub struct LogsListArgs {
    /// From WHEN: RFC 3339, a date (2026-11-01, midnight UTC), or a span ago (2h, 7d) [default: 24h]
    #[arg(long, value_name = "WHEN", value_parser = parse_when)]
    pub since: Option<When>,

    /// Until WHEN, in the same forms [default: now]
    #[arg(long, value_name = "WHEN", value_parser = parse_when)]
    pub until: Option<When>,

    /// Only outgoing (mt) or incoming (mo) messages [filtered by the API]
    #[arg(long, value_enum, ignore_case = true, value_name = "DIRECTION")]
    pub direction: Option<DirectionArg>,

    /// Only this status, e.g. DELIVERED; repeat for several [filtered by mobivate]
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<String>,

    /// Only messages to or from NUMBER [filtered by mobivate]
    #[arg(long, value_name = "NUMBER")]
    pub recipient: Option<String>,

    /// Only messages sent with this reference [filtered by mobivate]
    #[arg(long, value_name = "REF")]
    pub reference: Option<String>,

    /// Only messages of this campaign [filtered by mobivate]
    #[arg(long, value_name = "ID")]
    pub campaign_id: Option<String>,

    #[command(flatten)]
    pub list: ListArgs,

    #[command(flatten)]
    pub key: KeyArgs,
}

#[derive(Debug, Args)]
pub struct LogsGetArgs {
    /// The message id
    #[arg(value_name = "ID")]
    pub id: String,

    /// How to print the record
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = RecordFormat::Text)]
    pub format: RecordFormat,

    #[command(flatten)]
    pub key: KeyArgs,
}

#[derive(Debug, Args)]
pub struct LogsWatchArgs {
    /// Follow the messages sent with this reference
    #[arg(
        value_name = "REFERENCE",
        required_unless_present = "campaign_id",
        conflicts_with = "campaign_id"
    )]
    pub reference: Option<String>,

    /// Follow the messages of this campaign instead
    #[arg(long, value_name = "ID")]
    pub campaign_id: Option<String>,

    /// Time between reads of the log (30s, 1m, …)
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = parse_std_duration)]
    pub interval: Duration,

    /// Give up (exit 75) after this long without every message final
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_std_duration)]
    pub wait: Duration,

    /// Search the log from WHEN, as for `logs list` [default: 24h]
    #[arg(long, value_name = "WHEN", value_parser = parse_when)]
    pub since: Option<When>,

    /// How to print each change [default: table on a terminal, else jsonl]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ListFormat>,

    #[command(flatten)]
    pub key: KeyArgs,
}

#[derive(Debug, Subcommand)]
pub enum OptoutsCommand {
    /// List the numbers that opted out (GET /addressbook/optout)
    #[command(after_help = examples!("mobivate-optouts-list"; "mobivate optouts list", "mobivate optouts list --since 7d --format csv"))]
    List(OptoutsListArgs),

    /// Add numbers to the opt-out list: one `NUMBER added` line each
    #[command(after_help = examples!("mobivate-optouts-add"; "mobivate optouts add +447930000000", "mobivate optouts add 447930000000 447930000001", "mobivate optouts add -"))]
    Add(OptoutsChangeArgs),

    /// Remove numbers from the opt-out list: one `NUMBER removed` line each
    ///
    /// Calls DELETE /addressbook/optout, and on a 404 or 405 DELETE /optout
    /// once; -v says which one answered.
    #[command(after_help = examples!("mobivate-optouts-remove"; "mobivate optouts remove +447930000000", "mobivate optouts remove -"))]
    Remove(OptoutsChangeArgs),
}

#[derive(Debug, Args)]
pub struct OptoutsListArgs {
    /// From WHEN: RFC 3339, a date (2026-11-01), or a span ago (7d) [default: the whole list]
    #[arg(long, value_name = "WHEN", value_parser = parse_when)]
    pub since: Option<When>,

    /// Until WHEN, in the same forms [default: now]
    #[arg(long, value_name = "WHEN", value_parser = parse_when)]
    pub until: Option<When>,

    #[command(flatten)]
    pub list: ListArgs,

    #[command(flatten)]
    pub key: KeyArgs,
}

#[derive(Debug, Args)]
pub struct OptoutsChangeArgs {
    /// Phone numbers in international form (+44 7930 000000); `-` reads one per line from stdin
    #[arg(value_name = "NUMBER", required = true)]
    pub numbers: Vec<String>,

    #[command(flatten)]
    pub key: KeyArgs,
}

#[derive(Debug, Subcommand)]
pub enum WebhooksCommand {
    /// Register the URL Mobivate posts receipts, incoming messages or clicks to
    ///
    /// The URL must be https://; plain http is allowed only for loopback
    /// (localhost, 127.0.0.0/8, ::1), for testing, with a warning. The
    /// server's message is printed on stderr.
    #[command(after_help = examples!("mobivate-webhooks-set"; "mobivate webhooks set receipt https://example.com/hooks/receipt", "mobivate webhooks set incoming https://example.com/hooks/incoming"))]
    Set(WebhooksSetArgs),

    /// Receive webhook payloads on 127.0.0.1 and print each as a JSON line
    ///
    /// Each payload (receipt, incoming, click) is printed on stdout as one
    /// JSON object with `kind` added, and answered 200 once it is printed
    /// (and, with --forward, queued); a malformed one gets a 400 and a line on
    /// stderr. Each request must arrive within 10 s; beyond 64 connections at
    /// once, a full forward queue or a closed stdout, the answer is 503.
    /// Ctrl-C or SIGTERM ends it with exit 0. Put it behind your own tunnel or
    /// reverse proxy to receive real receipts.
    #[command(after_help = examples!("mobivate-webhooks-listen"; "mobivate webhooks listen --port 8080", "mobivate webhooks listen --port 0 --forward http://127.0.0.1:3000/hooks"))]
    Listen(WebhooksListenArgs),
}

#[derive(Debug, Args)]
pub struct WebhooksSetArgs {
    /// Which payloads go to URL
    #[arg(value_enum, value_name = "KIND")]
    pub kind: Kind,

    /// Where Mobivate should post them
    #[arg(value_name = "URL")]
    pub url: String,

    #[command(flatten)]
    pub key: KeyArgs,
}

#[derive(Debug, Args)]
pub struct WebhooksListenArgs {
    /// Port on 127.0.0.1 to listen on (0: any free port, printed on stderr)
    #[arg(long, value_name = "N", default_value_t = 8080)]
    pub port: u16,

    /// Re-post each payload to this URL and report its status on stderr
    #[arg(long, value_name = "URL")]
    pub forward: Option<String>,
}
