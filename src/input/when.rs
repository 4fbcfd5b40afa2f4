//! Durations and points in time as the user writes them.
//!
//! - A duration: a bare number is seconds; `s`, `m`, `h` and `d` suffixes,
//!   combined as in `1h30m`.
//! - A WHEN: RFC 3339 (`2026-11-26T13:00:00Z`, any offset, also the API's
//!   `+0000`), a date (`2026-11-01`, midnight UTC), or a duration meaning that
//!   long ago (`2h`, `7d`).
//!
//! These parse the text only (a malformed value is a usage error, 64); a
//! value that parses but cannot be used (a zero interval, a date in the
//! future) is the command's check, exit 65.

use jiff::Timestamp;
use std::time::Duration;

/// `90`, `90s`, `15m`, `1h30m`, `7d`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let bad = || format!("`{text}` is not a duration: use seconds, or 30s, 15m, 2h, 7d, 1h30m");
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(bad());
    }
    if trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return trimmed.parse().map(Duration::from_secs).map_err(|_| bad());
    }
    let mut total: u64 = 0;
    let mut number = String::new();
    let mut last_unit = u64::MAX;
    for c in trimmed.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return Err(bad()),
        };
        // Each unit once, largest first: `30m1h` is more likely a typo than a wish.
        if number.is_empty() || unit >= last_unit {
            return Err(bad());
        }
        last_unit = unit;
        let value: u64 = number.parse().map_err(|_| bad())?;
        total = value
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(bad)?;
        number.clear();
    }
    if !number.is_empty() {
        return Err(bad());
    }
    Ok(Duration::from_secs(total))
}

/// A point in time as written on the command line, resolved later against
/// one `now` so that `--since 2h --until 1h` is consistent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    At(Timestamp),
    Ago(Duration),
}

impl When {
    pub fn resolve(self, now: Timestamp) -> Result<Timestamp, String> {
        match self {
            When::At(at) => Ok(at),
            When::Ago(span) => {
                let span = jiff::SignedDuration::try_from(span).map_err(|e| e.to_string())?;
                now.checked_sub(span)
                    .map_err(|_| "that is too long ago".to_string())
            }
        }
    }
}

pub fn parse_when(text: &str) -> Result<When, String> {
    let trimmed = text.trim();
    if let Ok(at) = trimmed.parse::<Timestamp>() {
        return Ok(When::At(at));
    }
    if trimmed.len() == 10
        && trimmed.parse::<jiff::civil::Date>().is_ok()
        && let Ok(at) = format!("{trimmed}T00:00:00Z").parse::<Timestamp>()
    {
        return Ok(When::At(at));
    }
    parse_duration(trimmed).map(When::Ago).map_err(|_| {
        format!(
            "`{text}` is not a time: use RFC 3339 (2026-11-26T13:00:00Z), a date (2026-11-01) or a span ago (2h, 7d)"
        )
    })
}

/// The API's date form in queries: UTC with a `+0000` offset, seconds
/// precision. The caller percent-encodes the `+`.
pub fn api_date(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S+0000").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("7d"), Ok(Duration::from_secs(604_800)));
        assert_eq!(parse_duration("1d2h3m4s"), Ok(Duration::from_secs(93_784)));
        for bad in [
            "",
            "h",
            "1x",
            "1.5h",
            "30m1h",
            "1h1h",
            "-5",
            "5 m",
            "99999999999999999999d",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn whens() {
        let utc = |s: &str| When::At(s.parse().unwrap());
        assert_eq!(
            parse_when("2026-11-26T13:00:00Z"),
            Ok(utc("2026-11-26T13:00:00Z"))
        );
        assert_eq!(
            parse_when("2026-11-26T15:00:00+02:00"),
            Ok(utc("2026-11-26T13:00:00Z"))
        );
        assert_eq!(
            parse_when("2026-11-26T13:00:00+0000"),
            Ok(utc("2026-11-26T13:00:00Z"))
        );
        assert_eq!(parse_when("2026-11-01"), Ok(utc("2026-11-01T00:00:00Z")));
        assert_eq!(parse_when("2h"), Ok(When::Ago(Duration::from_secs(7200))));
        assert_eq!(
            parse_when("7d"),
            Ok(When::Ago(Duration::from_secs(604_800)))
        );
        for bad in [
            "yesterday",
            "2026-11-26T13:00:00",
            "2026-13-01",
            "26/11/2026",
            "",
        ] {
            assert!(parse_when(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn relative_resolves_against_now() {
        let now: Timestamp = "2026-11-26T13:00:00Z".parse().unwrap();
        let at = When::Ago(Duration::from_secs(7200)).resolve(now).unwrap();
        assert_eq!(at.to_string(), "2026-11-26T11:00:00Z");
        assert_eq!(api_date(at), "2026-11-26T11:00:00+0000");
    }
}
