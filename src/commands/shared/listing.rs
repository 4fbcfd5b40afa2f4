//! What the list commands share: the date range, `--limit`, the page loop
//! into the list output, and how a listing ends.

use crate::api::status::{Listed, Page, each_page, page_size};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::when::When;
use crate::output::list::{ListFormat, ListOutput, ListRecord};
use jiff::Timestamp;
use std::time::Duration;

/// `--since` when none is given: the last 24 hours.
pub const DEFAULT_SINCE: When = When::Ago(Duration::from_secs(24 * 3600));

/// Every page, each record `kept` pushed to stdout in `format`, up to
/// `limit` records; a closed stdout ends the listing early and well.
pub fn list_pages<R: ListRecord>(
    format: Option<ListFormat>,
    limit: Option<u64>,
    kept: impl Fn(&R) -> bool,
    fetch: impl FnMut(u64, u64) -> Result<Page<R>, Failure>,
) -> Result<(), Failure> {
    let mut out = ListOutput::<R>::stdout(ListFormat::or_default(format));
    let listed = each_page(page_size(limit), fetch, |records| {
        for record in records.iter().filter(|r| kept(r)) {
            out.push(record)?;
            if out.is_closed() || limit.is_some_and(|n| out.written() >= n) {
                return Ok(false);
            }
        }
        out.end_page()?;
        Ok(!out.is_closed())
    });
    end_listing(out, listed)
}

/// Prints what was listed before an error, then reports the error; a
/// closed pipe is a normal ending. A listing cut short by a server that
/// repeats itself is ended as a whole one (the closing `]` of json), then
/// fails (76).
pub fn end_listing<R: ListRecord>(
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
