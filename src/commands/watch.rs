//! `mobivate logs watch`: re-read the log every `--interval`, print each
//! status change, and end once every message followed has a final status.

use super::shared::listing;
use crate::api::messages::{self, Direction, Message, Search, is_final, text_of};
use crate::api::status::{Listed, MAX_PAGE_SIZE, each_page};
use crate::cli::LogsWatchArgs;
use crate::context::Context;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::net::transport::Transport;
use crate::output::duration;
use crate::output::list::{ListFormat, ListOutput};
use crate::platform::signals::{self, Interrupt};
use crate::platform::wait::{self, Cut};
use crate::secret::Secret;
use jiff::Timestamp;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Which records of the log the watch follows.
type Followed = Box<dyn Fn(&Message) -> bool>;

pub fn run(ctx: &Context, args: &LogsWatchArgs) -> Result<(), Failure> {
    if args.interval < Duration::from_secs(1) {
        return Err(Failure::new(
            ExitCode::DataErr,
            "--interval must be at least 1s, to spare the API",
        ));
    }
    let (since, _) = listing::date_range(args.since.unwrap_or(listing::DEFAULT_SINCE), None)?;
    let (what, wanted) = followed(args)?;
    let transport = ctx.transport()?;
    let key = std::sync::Arc::new(ctx.key(args.key.key_stdin)?);
    signals::catch_interrupts();
    let deadline = Instant::now() + args.wait;
    let mut out = ListOutput::<Message>::stdout(ListFormat::or_default(args.format));
    // Message id (or, without one, its recipient) → the last status printed.
    let mut statuses: HashMap<String, String> = HashMap::new();
    let timed_out = |statuses: &HashMap<String, String>| timed_out(&what, args.wait, statuses);
    // Ctrl-C, SIGTERM or the deadline, during a poll or between polls: what
    // was printed stays, and the command ends within a `wait::TICK`.
    let stop = |out: ListOutput<Message>, cut: Cut, statuses: &HashMap<String, String>| match cut {
        Cut::Deadline => {
            out.finish()?;
            Err(timed_out(statuses))
        }
        Cut::Signal(signal) => {
            let _ = out.finish();
            Err(match signal {
                Interrupt::Int => Failure::interrupted(),
                Interrupt::Term => Failure::terminated(),
            })
        }
    };
    loop {
        let search = Search {
            since,
            until: Timestamp::now(),
            direction: Some(Direction::Mt),
        };
        let polled = poll(transport, &key, search);
        let ended = loop {
            match wait::receive(&polled, deadline) {
                Err(cut) => return stop(out, cut, &statuses),
                Ok(Some(Polled::Page(records))) => {
                    for record in records.iter().filter(|r| wanted(r)) {
                        let id = match text_of(&record.id) {
                            id if id.is_empty() => text_of(&record.recipient),
                            id => id,
                        };
                        let status = record.status_name();
                        if statuses.get(&id) != Some(&status) {
                            out.push(record)?;
                            statuses.insert(id, status);
                        }
                    }
                    if out.is_closed() {
                        return Ok(());
                    }
                }
                Ok(Some(Polled::End(ended))) => break ended,
                // The worker went without a word: it cannot, short of a panic.
                Ok(None) => break Ok(Listed::Complete),
            }
        };
        match ended {
            Ok(Listed::Complete) => {}
            cut => return listing::end_listing(out, cut),
        }
        out.end_page()?;
        if out.is_closed() {
            return Ok(());
        }
        if !statuses.is_empty() && statuses.values().all(|s| is_final(s)) {
            return out.finish();
        }
        if Instant::now() >= deadline {
            return stop(out, Cut::Deadline, &statuses);
        }
        let wake = (Instant::now() + args.interval).min(deadline);
        if let Err(cut) = wait::sleep_until(wake) {
            return stop(out, cut, &statuses);
        }
    }
}

/// What a poll's worker sends: each page as it comes, then how it ended.
enum Polled {
    Page(Vec<Message>),
    End(Result<Listed, Failure>),
}

/// One poll of the log through the page loop, on a worker of its own
/// (`wait::in_background`), so that a request in flight never holds up
/// Ctrl-C or the deadline: the read is abandoned instead.
fn poll(
    transport: &std::sync::Arc<Transport>,
    key: &std::sync::Arc<Secret>,
    search: Search,
) -> std::sync::mpsc::Receiver<Polled> {
    let (transport, key) = (transport.clone(), key.clone());
    wait::in_background(move |sender| {
        let ended = each_page(
            MAX_PAGE_SIZE,
            |page, size| messages::search_page(&transport, &key, &search, page, size),
            // A receiver that is gone (the watch ended) stops the poll.
            |records| Ok(sender.send(Polled::Page(records)).is_ok()),
        );
        let _ = sender.send(Polled::End(ended));
    })
}

/// The deadline passed: nothing found, or some messages still not final.
fn timed_out(what: &str, wait: Duration, statuses: &HashMap<String, String>) -> Failure {
    let waited = duration::flag(wait);
    if statuses.is_empty() {
        Failure::new(
            ExitCode::TempFail,
            format!("no message with {what} found after {waited}"),
        )
        .with_hint("check the reference, or widen the search with --since")
    } else {
        let pending = statuses.values().filter(|s| !is_final(s)).count();
        Failure::new(
            ExitCode::TempFail,
            format!(
                "{pending} of {} messages with {what} still without a final status after {waited}",
                statuses.len()
            ),
        )
        .with_hint("raise --wait to follow them longer")
    }
}

/// What the watch follows, said for messages: a campaign, else a reference.
fn followed(args: &LogsWatchArgs) -> Result<(String, Followed), Failure> {
    if let Some(campaign) = &args.campaign_id {
        let campaign = campaign.clone();
        return Ok((
            format!("campaign {campaign}"),
            Box::new(move |m| text_of(&m.campaign_id) == campaign),
        ));
    }
    if let Some(reference) = &args.reference {
        let reference = reference.clone();
        return Ok((
            format!("reference {reference}"),
            Box::new(move |m| text_of(&m.sender_reference) == reference),
        ));
    }
    // clap requires one of them; said as a usage error should that change.
    Err(Failure::new(
        ExitCode::Usage,
        "logs watch needs a REFERENCE or --campaign-id",
    ))
}
