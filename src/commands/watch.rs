//! `mobivate logs watch`: re-read the log every `--interval`, print each
//! status change, and end once every message followed has a final status.

use crate::api::messages::{self, Direction, Message, Search, is_final, text_of};
use crate::api::status::{MAX_PAGE_SIZE, each_page};
use crate::cli::{ConnectionArgs, LogsWatchArgs};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::key::resolve_key;
use crate::input::prompt::Interactivity;
use crate::output::list::{ListFormat, ListOutput};
use crate::platform::signals;
use jiff::Timestamp;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Which records of the log the watch follows.
type Followed = Box<dyn Fn(&Message) -> bool>;

/// How often a sleep looks at the Ctrl-C flag.
const TICK: Duration = Duration::from_millis(100);

pub fn run(connection: &ConnectionArgs, args: &LogsWatchArgs) -> Result<(), Failure> {
    if args.interval < Duration::from_secs(1) {
        return Err(Failure::new(
            ExitCode::DataErr,
            "--interval must be at least 1s, to spare the API",
        ));
    }
    let since = super::logs::DEFAULT_SINCE;
    let (since, _) = super::logs::date_range(args.since.unwrap_or(since), None)?;
    let (what, wanted): (String, Followed) = match (&args.reference, &args.campaign_id) {
        (_, Some(campaign)) => {
            let campaign = campaign.clone();
            (
                format!("campaign {campaign}"),
                Box::new(move |m| text_of(&m.campaign_id) == campaign),
            )
        }
        (Some(reference), None) => {
            let reference = reference.clone();
            (
                format!("reference {reference}"),
                Box::new(move |m| text_of(&m.sender_reference) == reference),
            )
        }
        (None, None) => unreachable!("clap requires REFERENCE or --campaign-id"),
    };
    let transport = super::transport(connection)?;
    let key = resolve_key(args.key.key_stdin, &Interactivity::new(connection.no_input))?;
    signals::catch_interrupts();
    let deadline = Instant::now() + args.wait;
    let mut out = ListOutput::<Message>::stdout(ListFormat::or_default(args.format));
    // Message id (or, without one, its recipient) → the last status printed.
    let mut statuses: HashMap<String, String> = HashMap::new();
    loop {
        let search = Search {
            since,
            until: Timestamp::now(),
            direction: Some(Direction::Mt),
        };
        let polled = each_page(
            MAX_PAGE_SIZE,
            |page, size| messages::search_page(&transport, &key, &search, page, size),
            |records| {
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
                Ok(!out.is_closed())
            },
        );
        if let Err(failure) = polled {
            return super::logs::end_listing(out, Err(failure));
        }
        out.end_page()?;
        if out.is_closed() {
            return Ok(());
        }
        if !statuses.is_empty() && statuses.values().all(|s| is_final(s)) {
            return out.finish();
        }
        let now = Instant::now();
        if now >= deadline {
            out.finish()?;
            let waited = humanize(args.wait);
            return Err(if statuses.is_empty() {
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
            });
        }
        let pause = args.interval.min(deadline - now);
        let wake = now + pause;
        while Instant::now() < wake {
            if signals::interrupted() {
                let _ = out.finish();
                return Err(Failure::interrupted());
            }
            std::thread::sleep(TICK.min(wake.saturating_duration_since(Instant::now())));
        }
    }
}

fn humanize(duration: Duration) -> String {
    let seconds = duration.as_secs();
    if seconds.is_multiple_of(60) && seconds > 0 {
        format!("{}m", seconds / 60)
    } else {
        format!("{seconds}s")
    }
}
