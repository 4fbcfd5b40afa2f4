//! The sender and the route of a message, for `send` and `bulk`: the flag,
//! then `MOBIVATE_FROM` / `MOBIVATE_ROUTE`, then the profile's default, then
//! the built-in default (a route only: there is no default sender).
//!
//! Each value has one rule (in `sms::originator` and `sms::message`) and one
//! error, here, whichever command it comes to: a value that parses but
//! cannot be used is 65 (STYLE), never a clap error.

use crate::config::profile::{self, Profiles};
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
pub fn sender(flag: Option<&str>, profiles: &Profiles) -> Result<Option<Sourced>, Failure> {
    let names = ("--from", "MOBIVATE_FROM", "the profile");
    pick(flag, names, profiles, false, |d| d.from)
}

/// The sender, checked as every originator is (`sms::originator::parse`,
/// as for every bulk row): an unusable one is 65, before anything is sent.
pub fn originator(
    flag: Option<&str>,
    profiles: &Profiles,
) -> Result<Option<(Sourced, Originator)>, Failure> {
    let Some(given) = sender(flag, profiles)? else {
        return Ok(None);
    };
    let originator =
        check_sender(&given.value, given.source).map_err(|e| e.with_hint("nothing was sent"))?;
    Ok(Some((given, originator)))
}

/// The one sender error: `sms::originator::parse`'s, named by its source; 65.
pub fn check_sender(value: &str, source: &str) -> Result<Originator, Failure> {
    crate::sms::originator::parse(value)
        .map_err(|error| Failure::new(ExitCode::DataErr, format!("{source}: {error}")))
}

/// The one route error: `sms::message::route`'s, named by its source; 65.
pub fn check_route(value: &str, source: &str) -> Result<(), Failure> {
    crate::sms::message::route(value)
        .map_err(|problem| Failure::new(ExitCode::DataErr, format!("{source} {problem}")))
}

/// `--max-parts`, for `send` and `bulk`: `sms::message::max_parts`'s rule,
/// and 65 for anything it refuses (`0`, `many`), before anything is sent.
pub fn max_parts(flag: Option<&str>) -> Result<Option<u32>, Failure> {
    let Some(text) = flag else { return Ok(None) };
    crate::sms::message::max_parts(text)
        .map(Some)
        .map_err(|problem| {
            Failure::new(
                ExitCode::DataErr,
                format!(
                    "--max-parts `{}` {problem}",
                    crate::sanitize::sanitize_server_text(text)
                ),
            )
            .with_hint("nothing was sent")
        })
}

/// The route; `mglobal` when nothing gives one. Checked by the one route
/// rule (`check_route`), wherever it came from: 65, before anything is sent.
/// An empty `MOBIVATE_ROUTE=` or `route = ""` names a route, an empty one,
/// and is refused as `--route ""` is: never the default in its place.
pub fn route(flag: Option<&str>, profiles: &Profiles) -> Result<Sourced, Failure> {
    let names = ("--route", "MOBIVATE_ROUTE", "the profile's route");
    let route = pick(flag, names, profiles, true, |d| d.route)?.unwrap_or(Sourced {
        value: DEFAULT_ROUTE.to_string(),
        source: "the default",
    });
    check_route(&route.value, route.source).map_err(|e| e.with_hint("nothing was sent"))?;
    Ok(route)
}

/// The first of the flag, the variable and the profile's default that is
/// set; `names` are the three sources as messages name them. With
/// `keep_empty`, an empty value is a value (for the rule to refuse); else
/// it counts as not set.
fn pick(
    flag: Option<&str>,
    (flag_name, variable, profile_name): (&'static str, &'static str, &'static str),
    profiles: &Profiles,
    keep_empty: bool,
    from_profile: impl FnOnce(profile::ProfileDefaults) -> Option<String>,
) -> Result<Option<Sourced>, Failure> {
    if let Some(value) = flag {
        return Ok(Some(Sourced {
            value: value.to_string(),
            source: flag_name,
        }));
    }
    if let Some(value) = env::text(variable)?.filter(|v| keep_empty || !v.is_empty()) {
        return Ok(Some(Sourced {
            value,
            source: variable,
        }));
    }
    Ok(from_profile(profiles.defaults()?)
        .filter(|v| keep_empty || !v.is_empty())
        .map(|value| Sourced {
            value,
            source: profile_name,
        }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_parts_zero_and_words_are_data_errors() {
        assert_eq!(max_parts(None).unwrap(), None);
        assert_eq!(max_parts(Some("3")).unwrap(), Some(3));
        for bad in ["0", "many", "", "-1", "1.5"] {
            let failure = max_parts(Some(bad)).unwrap_err();
            assert_eq!(failure.code, ExitCode::DataErr, "{bad:?}");
        }
    }

    #[test]
    fn one_route_error_and_one_sender_error() {
        assert!(check_route("mglobal", "--route").is_ok());
        let failure = check_route("a b", "--route").unwrap_err();
        assert_eq!(failure.code, ExitCode::DataErr);
        assert!(check_sender("Shop", "--from").is_ok());
        let failure = check_sender("much-too-long-sender", "--from").unwrap_err();
        assert_eq!(failure.code, ExitCode::DataErr);
    }
}
