//! The sender and the route of a message, for `send` and `bulk`: the flag,
//! then `MOBIVATE_FROM` / `MOBIVATE_ROUTE`, then the profile's default, then
//! the built-in default (a route only: there is no default sender).

use crate::config::profile;
use crate::env;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::sms::originator::Originator;

/// The route when nothing names one.
pub const DEFAULT_ROUTE: &str = "mglobal";

/// A value and where it came from, for messages.
pub struct Sourced {
    pub value: String,
    pub source: &'static str,
}

/// The sender, or `None` when nothing gives one.
pub fn sender(flag: Option<&str>) -> Result<Option<Sourced>, Failure> {
    pick(flag, "--from", "MOBIVATE_FROM", |d| d.from)
}

/// The sender, checked as every originator is (`sms::originator::parse`,
/// as for every bulk row): an unusable one is 65, before anything is sent.
pub fn originator(flag: Option<&str>) -> Result<Option<(Sourced, Originator)>, Failure> {
    let Some(given) = sender(flag)? else {
        return Ok(None);
    };
    let originator = crate::sms::originator::parse(&given.value).map_err(|error| {
        Failure::new(ExitCode::DataErr, format!("{}: {error}", given.source))
            .with_hint("nothing was sent")
    })?;
    Ok(Some((given, originator)))
}

/// The route; `mglobal` when nothing gives one. Checked as every label sent
/// to the server is (`sms::message::label`), wherever it came from: an
/// empty, blank or control-character route is 65, before anything is sent.
pub fn route(flag: Option<&str>) -> Result<Sourced, Failure> {
    let route = pick(flag, "--route", "MOBIVATE_ROUTE", |d| d.route)?.unwrap_or(Sourced {
        value: DEFAULT_ROUTE.to_string(),
        source: "the default",
    });
    crate::sms::message::label(&route.value).map_err(|problem| {
        Failure::new(ExitCode::DataErr, format!("{} {problem}", route.source))
            .with_hint("nothing was sent")
    })?;
    Ok(route)
}

fn pick(
    flag: Option<&str>,
    flag_name: &'static str,
    variable: &'static str,
    from_profile: impl FnOnce(profile::ProfileDefaults) -> Option<String>,
) -> Result<Option<Sourced>, Failure> {
    if let Some(value) = flag {
        return Ok(Some(Sourced {
            value: value.to_string(),
            source: flag_name,
        }));
    }
    if let Some(value) = env::text(variable)?.filter(|v| !v.is_empty()) {
        return Ok(Some(Sourced {
            value,
            source: variable,
        }));
    }
    Ok(from_profile(profile::defaults()?)
        .filter(|v| !v.is_empty())
        .map(|value| Sourced {
            value,
            source: "the profile",
        }))
}
