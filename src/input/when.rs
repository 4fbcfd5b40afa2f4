//! Times given on the command line: durations (`90`, `30m`, `1h30m`),
//! `--schedule WHEN` (RFC 3339, or `+DURATION` from now), and the WHEN of
//! `--since`/`--until` (RFC 3339, a date, or a duration ago).

use crate::error::Failure;
use crate::exit::ExitCode;
use jiff::{SignedDuration, Timestamp};

/// A duration in the one grammar every option uses: a bare number is
/// seconds; otherwise numbers with `d`, `h`, `m` or `s`, largest first,
/// each unit at most once (`1h30m`, `2d`, `45s`).
pub fn parse_duration(text: &str) -> Result<SignedDuration, String> {
    let bad =
        || format!("`{text}` is not a duration: use seconds (90) or units like 30m, 2h, 1h30m, 1d");
    if text.is_empty() {
        return Err(bad());
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        let seconds: i64 = text.parse().map_err(|_| bad())?;
        return checked_seconds(seconds, 1).ok_or_else(bad);
    }
    const UNITS: [(u8, i64); 4] = [(b'd', 86_400), (b'h', 3_600), (b'm', 60), (b's', 1)];
    let mut total: i64 = 0;
    let mut next_unit = 0;
    let mut rest = text.as_bytes();
    while !rest.is_empty() {
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits == rest.len() {
            return Err(bad());
        }
        let number: i64 = std::str::from_utf8(&rest[..digits])
            .ok()
            .and_then(|n| n.parse().ok())
            .ok_or_else(bad)?;
        let unit = rest[digits];
        let index = UNITS[next_unit..]
            .iter()
            .position(|(u, _)| *u == unit)
            .ok_or_else(bad)?
            + next_unit;
        let seconds = number.checked_mul(UNITS[index].1).ok_or_else(bad)?;
        total = total.checked_add(seconds).ok_or_else(bad)?;
        next_unit = index + 1;
        rest = &rest[digits + 1..];
    }
    checked_seconds(total, 1).ok_or_else(bad)
}

fn checked_seconds(number: i64, unit: i64) -> Option<SignedDuration> {
    // Ten years is more than any schedule or look-back needs, and keeps
    // every later addition far from overflow.
    const LIMIT: i64 = 10 * 366 * 86_400;
    let seconds = number.checked_mul(unit)?;
    (seconds <= LIMIT).then(|| SignedDuration::from_secs(seconds))
}

/// `--schedule WHEN`: an RFC 3339 time with its offset, or `+DURATION` from
/// `now`. Refused when not after `now`. Whole seconds: the API takes no more.
pub fn parse_schedule(text: &str, now: Timestamp) -> Result<Timestamp, String> {
    let when = if let Some(relative) = text.strip_prefix('+') {
        let duration = parse_duration(relative).map_err(|e| format!("--schedule: {e}"))?;
        now.checked_add(duration)
            .map_err(|_| format!("--schedule `{text}` is too far in the future"))?
    } else {
        text.parse::<Timestamp>().map_err(|_| {
            format!(
                "--schedule `{text}` is not a time: use RFC 3339 with an offset \
                 (2026-12-01T10:00:00Z, 2026-12-01T11:00:00+01:00) or a delay (+30m, +2h)"
            )
        })?
    };
    let when = Timestamp::from_second(when.as_second())
        .map_err(|_| format!("--schedule `{text}` is out of range"))?;
    if when <= now {
        return Err(format!("--schedule {} is in the past", rfc3339_utc(when)));
    }
    Ok(when)
}

/// `2026-11-26T13:00:00Z`: how dates are printed for machines.
pub fn rfc3339_utc(when: Timestamp) -> String {
    when.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `2026-11-26T13:00:00+0000`: how the API takes dates.
pub fn api_utc(when: Timestamp) -> String {
    when.strftime("%Y-%m-%dT%H:%M:%S+0000").to_string()
}

/// A duration option (`--interval`, `--wait`) as a `std` duration; for clap.
pub fn parse_std_duration(text: &str) -> Result<std::time::Duration, String> {
    let signed = parse_duration(text)?;
    std::time::Duration::try_from(signed).map_err(|e| e.to_string())
}

/// The longest `--timeout`: a day.
pub const MAX_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(86_400);

/// `--timeout`, once parsed by the duration grammar: more than 0 and at most
/// a day. Outside that it parsed but cannot be used: 65 (STYLE), not clap's 64.
pub fn timeout(timeout: std::time::Duration) -> Result<std::time::Duration, Failure> {
    if timeout.is_zero() || timeout > MAX_TIMEOUT {
        return Err(Failure::new(
            ExitCode::DataErr,
            "--timeout must be more than 0 and at most 1d (86400 seconds)",
        ));
    }
    Ok(timeout)
}

/// A `--since`/`--until` WHEN as written, resolved later against one `now`
/// so that `--since 2h --until 1h` is consistent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    At(Timestamp),
    Ago(std::time::Duration),
}

impl When {
    pub fn resolve(self, now: Timestamp) -> Result<Timestamp, String> {
        match self {
            When::At(at) => Ok(at),
            When::Ago(span) => {
                let span = SignedDuration::try_from(span).map_err(|e| e.to_string())?;
                now.checked_sub(span)
                    .map_err(|_| "that is too long ago".to_string())
            }
        }
    }
}

/// WHEN: RFC 3339 with any offset (also the API's `+0000`), a date
/// (`2026-11-01`, midnight UTC), or a duration meaning that long ago (`2h`,
/// `7d`). Only the text is checked here (malformed is a usage error, 64).
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
    parse_std_duration(trimmed).map(When::Ago).map_err(|_| {
        format!(
            "`{text}` is not a time: use RFC 3339 (2026-11-26T13:00:00Z), a date (2026-11-01) or a span ago (2h, 7d)"
        )
    })
}

/// The most a TZif file named by `TZ` is read: real ones are a few KiB.
const MAX_TZIF_BYTES: u64 = 1024 * 1024;

/// The local time zone of table dates: `TZ` as the C library reads it (a
/// name, a POSIX rule, or a TZif file, with or without a leading `:`),
/// else the system's. A `TZ` that cannot be used, or that names a device, a
/// FIFO or a file over 1 MiB, is never read without bound: UTC, with a
/// warning.
pub fn local_zone() -> jiff::tz::TimeZone {
    use jiff::tz::TimeZone;
    let Some(raw) = crate::env::var_os("TZ") else {
        return TimeZone::system();
    };
    let Some(text) = raw.to_str() else {
        crate::report::warn("TZ is not UTF-8 text; dates are shown in UTC");
        return TimeZone::UTC;
    };
    match zone_from_tz(text) {
        Ok(zone) => zone,
        Err(why) => {
            crate::report::warn(&format!(
                "TZ={text} is not usable ({why}); dates are shown in UTC"
            ));
            TimeZone::UTC
        }
    }
}

fn zone_from_tz(text: &str) -> Result<jiff::tz::TimeZone, String> {
    use jiff::tz::TimeZone;
    let name = text.strip_prefix(':').unwrap_or(text);
    if name.is_empty() {
        return Ok(TimeZone::UTC);
    }
    // The database only knows the names it found under its own directory.
    let in_database = name
        .rfind("zoneinfo/")
        .and_then(|at| name.get(at + "zoneinfo/".len()..))
        .unwrap_or(name);
    if let Ok(zone) = jiff::tz::db().get(in_database) {
        return Ok(zone);
    }
    if let Ok(zone) = TimeZone::posix(name) {
        return Ok(zone);
    }
    let path = std::path::Path::new(name);
    if !path.is_absolute() && !name.contains('/') {
        return Err("no such time zone".to_string());
    }
    let file = crate::platform::fs::open_without_waiting(path).map_err(|e| e.to_string())?;
    let metadata = file.metadata().map_err(|e| e.to_string())?;
    if !metadata.is_file() {
        return Err(format!(
            "it {}",
            crate::platform::fs::file_kind(&metadata).describe()
        ));
    }
    // Past the cap: "it is larger than 1048576 bytes".
    let data =
        crate::input::capped::read_capped(file, MAX_TZIF_BYTES).map_err(|e| e.to_string())?;
    TimeZone::tzif(name, &data).map_err(|_| "it is not a TZif file".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(text: &str) -> Result<i64, String> {
        parse_duration(text).map(|d| d.as_secs())
    }

    #[test]
    fn durations() {
        assert_eq!(secs("90"), Ok(90));
        assert_eq!(secs("45s"), Ok(45));
        assert_eq!(secs("30m"), Ok(1800));
        assert_eq!(secs("2h"), Ok(7200));
        assert_eq!(secs("1h30m"), Ok(5400));
        assert_eq!(secs("1d2h3m4s"), Ok(93_784));
        assert_eq!(secs("0"), Ok(0));
        for bad in [
            "",
            "m",
            "1x",
            "30m1h",
            "1h1h",
            "-5m",
            "1.5h",
            " 1h",
            "1h ",
            "9999999999d",
        ] {
            assert!(secs(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn timeouts_use_the_grammar_and_zero_is_a_data_error() {
        let timeout_of = |text: &str| parse_std_duration(text).map(timeout);
        assert_eq!(
            timeout_of("90").unwrap().unwrap(),
            std::time::Duration::from_secs(90)
        );
        assert_eq!(
            timeout_of("1h30m").unwrap().unwrap(),
            std::time::Duration::from_secs(5400)
        );
        assert_eq!(timeout_of("1d").unwrap().unwrap(), MAX_TIMEOUT);
        for unusable in ["0", "0s", "1d1s", "2d"] {
            let failure = timeout_of(unusable).unwrap().unwrap_err();
            assert_eq!(failure.code, ExitCode::DataErr, "{unusable:?}");
        }
        for malformed in ["2.5", "abc", "-1", "30x", ""] {
            assert!(timeout_of(malformed).is_err(), "{malformed:?}");
        }
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn schedules() {
        let now = at("2026-11-26T13:00:00.5Z");
        assert_eq!(
            api_utc(parse_schedule("+30m", now).unwrap()),
            "2026-11-26T13:30:00+0000"
        );
        assert_eq!(
            api_utc(parse_schedule("+1h30m", now).unwrap()),
            "2026-11-26T14:30:00+0000"
        );
        assert_eq!(
            api_utc(parse_schedule("2026-12-01T10:00:00+02:00", now).unwrap()),
            "2026-12-01T08:00:00+0000"
        );
        assert_eq!(
            rfc3339_utc(parse_schedule("2026-12-01T10:00:00Z", now).unwrap()),
            "2026-12-01T10:00:00Z"
        );
        let past = parse_schedule("2026-11-26T12:59:59Z", now).unwrap_err();
        assert!(past.contains("in the past"), "{past}");
        assert!(parse_schedule("+0", now).unwrap_err().contains("past"));
        assert!(parse_schedule("tomorrow", now).is_err());
        assert!(parse_schedule("2026-12-01T10:00:00", now).is_err());
        assert!(parse_schedule("+soon", now).is_err());
    }

    #[test]
    fn whens() {
        let utc = |s: &str| When::At(s.parse().unwrap());
        let ago = |s: u64| When::Ago(std::time::Duration::from_secs(s));
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
        assert_eq!(parse_when("2h"), Ok(ago(7200)));
        assert_eq!(parse_when("7d"), Ok(ago(604_800)));
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
        let now = at("2026-11-26T13:00:00Z");
        let since = When::Ago(std::time::Duration::from_secs(7200))
            .resolve(now)
            .unwrap();
        assert_eq!(api_utc(since), "2026-11-26T11:00:00+0000");
    }
}
