//! `mobivate logs list` and `mobivate logs get`: the message log, streamed
//! page by page through the list output layer, and one record.

use crate::api::messages::{self, Direction, Message, Search, text_of};
use crate::api::status::{Listed, each_page, page_size};
use crate::cli::{ConnectionArgs, DirectionArg, LogsGetArgs, LogsListArgs, RecordFormat};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::key::resolve_key;
use crate::input::prompt::Interactivity;
use crate::input::when::When;
use crate::output::list::{ListFormat, ListOutput, record_json, record_text};
use crate::output::write_stdout;
use crate::sms::number::{Msisdn, normalise};
use jiff::Timestamp;
use std::time::Duration;

/// `--since` when none is given: the last 24 hours.
pub const DEFAULT_SINCE: When = When::Ago(Duration::from_secs(24 * 3600));

pub fn list(connection: &ConnectionArgs, args: &LogsListArgs) -> Result<(), Failure> {
    let (since, until) = date_range(args.since.unwrap_or(DEFAULT_SINCE), args.until)?;
    check_limit(args.list.limit)?;
    let filter = Filter::new(args)?;
    let transport = super::transport(connection)?;
    let key = resolve_key(args.key.key_stdin, &Interactivity::new(connection.no_input))?;
    let search = Search {
        since,
        until,
        direction: args.direction.map(|d| match d {
            DirectionArg::Mt => Direction::Mt,
            DirectionArg::Mo => Direction::Mo,
        }),
    };
    let mut out = ListOutput::<Message>::stdout(ListFormat::or_default(args.list.format));
    let limit = args.list.limit;
    let listed = each_page(
        page_size(limit),
        |page, size| messages::search_page(&transport, &key, &search, page, size),
        |records| {
            for record in records.iter().filter(|r| filter.matches(r)) {
                out.push(record)?;
                if out.is_closed() || limit.is_some_and(|n| out.written() >= n) {
                    return Ok(false);
                }
            }
            out.end_page()?;
            Ok(!out.is_closed())
        },
    );
    end_listing(out, listed)
}

/// Prints what was listed before an error, then reports the error; a
/// closed pipe is a normal ending. A listing cut short by a server that
/// repeats itself is ended as a whole one (the closing `]` of json), then
/// fails (76).
pub fn end_listing<R: crate::output::list::ListRecord>(
    mut out: ListOutput<R>,
    listed: Result<Listed, Failure>,
) -> Result<(), Failure> {
    match listed {
        Ok(Listed::Complete) => out.finish(),
        Ok(Listed::Cut(failure)) => {
            out.finish()?;
            Err(failure)
        }
        Err(failure) => {
            let _ = out.end_page();
            Err(failure)
        }
    }
}

pub fn get(connection: &ConnectionArgs, args: &LogsGetArgs) -> Result<(), Failure> {
    if args.id.trim().is_empty() {
        return Err(Failure::new(ExitCode::DataErr, "the message id is empty"));
    }
    let transport = super::transport(connection)?;
    let key = resolve_key(args.key.key_stdin, &Interactivity::new(connection.no_input))?;
    let message = messages::get(&transport, &key, args.id.trim())?;
    let text = match args.format {
        RecordFormat::Text => record_text(&message),
        RecordFormat::Json => format!("{}\n", record_json(&message)),
    };
    write_stdout(text.as_bytes())
}

/// Both ends resolved against one `now`; `--until` before `--since` is a
/// usage error (64), a start in the future an unusable value (65).
pub fn date_range(since: When, until: Option<When>) -> Result<(Timestamp, Timestamp), Failure> {
    let now = Timestamp::now();
    let resolve = |when: When, flag: &str| {
        when.resolve(now)
            .map_err(|why| Failure::new(ExitCode::DataErr, format!("{flag}: {why}")))
    };
    let since = resolve(since, "--since")?;
    let until = match until {
        Some(until) => resolve(until, "--until")?,
        None => now,
    };
    if until < since {
        return Err(Failure::new(
            ExitCode::Usage,
            format!("--until ({until}) is before --since ({since})"),
        )
        .with_hint("--since is the start of the range, --until its end"));
    }
    if since > now {
        return Err(Failure::new(
            ExitCode::DataErr,
            format!("--since ({since}) is in the future"),
        ));
    }
    Ok((since, until))
}

pub fn check_limit(limit: Option<u64>) -> Result<(), Failure> {
    if limit == Some(0) {
        return Err(Failure::new(
            ExitCode::DataErr,
            "--limit 0 would list nothing: give 1 or more",
        ));
    }
    Ok(())
}

/// The filters the API does not apply, applied to each record it returns.
struct Filter {
    statuses: Vec<String>,
    number: Option<Msisdn>,
    reference: Option<String>,
    campaign_id: Option<String>,
}

impl Filter {
    fn new(args: &LogsListArgs) -> Result<Self, Failure> {
        let number = args
            .recipient
            .as_deref()
            .map(|raw| {
                normalise(raw)
                    .map_err(|e| Failure::new(ExitCode::DataErr, format!("--recipient: {e}")))
            })
            .transpose()?;
        Ok(Filter {
            statuses: args
                .status
                .iter()
                .map(|s| s.trim().to_ascii_uppercase())
                .collect(),
            number,
            reference: args.reference.clone(),
            campaign_id: args.campaign_id.clone(),
        })
    }

    fn matches(&self, message: &Message) -> bool {
        if !self.statuses.is_empty()
            && !self
                .statuses
                .contains(&message.status_name().trim().to_ascii_uppercase())
        {
            return false;
        }
        if let Some(number) = &self.number {
            let is_number = |field: &Option<serde_json::Value>| {
                normalise(&text_of(field)).ok() == Some(*number)
            };
            if !is_number(&message.recipient) && !is_number(&message.originator) {
                return false;
            }
        }
        if let Some(reference) = &self.reference
            && text_of(&message.sender_reference) != *reference
        {
            return false;
        }
        if let Some(campaign) = &self.campaign_id
            && text_of(&message.campaign_id) != *campaign
        {
            return false;
        }
        true
    }
}
