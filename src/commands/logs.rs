//! `mobivate logs list` and `mobivate logs get`: the message log, streamed
//! page by page through the list output layer, and one record.

use super::shared::listing::{self, DEFAULT_SINCE};
use crate::api::messages::{self, Direction, Message, Search, text_of};
use crate::cli::{DirectionArg, LogsGetArgs, LogsListArgs, RecordFormat};
use crate::context::Context;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::output::list::{record_json, record_text};
use crate::output::write_stdout;
use crate::sms::number::{Msisdn, normalise};

pub fn list(ctx: &Context, args: &LogsListArgs) -> Result<(), Failure> {
    let (since, until) = listing::date_range(args.since.unwrap_or(DEFAULT_SINCE), args.until)?;
    listing::check_limit(args.list.limit)?;
    let filter = Filter::new(args)?;
    let transport = ctx.transport()?;
    let key = ctx.key(args.key.key_stdin)?;
    let search = Search {
        since,
        until,
        direction: args.direction.map(|d| match d {
            DirectionArg::Mt => Direction::Mt,
            DirectionArg::Mo => Direction::Mo,
        }),
    };
    listing::list_pages(
        args.list.format,
        args.list.limit,
        |record: &Message| filter.matches(record),
        |page, size| messages::search_page(transport, &key, &search, page, size),
    )
}

pub fn get(ctx: &Context, args: &LogsGetArgs) -> Result<(), Failure> {
    if args.id.trim().is_empty() {
        return Err(Failure::new(ExitCode::DataErr, "the message id is empty"));
    }
    let transport = ctx.transport()?;
    let key = ctx.key(args.key.key_stdin)?;
    let message = messages::get(transport, &key, args.id.trim())?;
    let text = match args.format {
        RecordFormat::Text => record_text(&message),
        RecordFormat::Json => format!("{}\n", record_json(&message)),
    };
    write_stdout(text.as_bytes())
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
