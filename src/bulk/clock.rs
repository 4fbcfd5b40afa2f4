//! The time as a run records it (Unix milliseconds in the journal), and
//! durations as a person reads them.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// `2026-11-26T13:00:00+0000`, the API's form, for a time in milliseconds.
pub fn api_time(unix_ms: i64) -> String {
    let when = jiff::Timestamp::from_millisecond(unix_ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    crate::input::when::api_utc(when)
}

/// `45 s`, `3 min`.
pub fn human(duration: Duration) -> String {
    let secs = duration.as_secs();
    if secs < 120 {
        format!("{secs} s")
    } else {
        format!("{} min", secs.div_ceil(60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_time_is_utc_without_a_colon() {
        assert_eq!(api_time(1_795_698_000_000), "2026-11-26T13:00:00+0000");
        assert_eq!(human(Duration::from_secs(45)), "45 s");
        assert_eq!(human(Duration::from_secs(150)), "3 min");
    }
}
