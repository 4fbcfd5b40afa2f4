//! Durations as every command reads them: a bare number is seconds; `s`, `m`,
//! `h` and `d` suffixes, and combinations such as `1h30m`.

use std::time::Duration;

/// Parses `90`, `90s`, `2m`, `1h30m`, `1d`. Fractions are allowed on a bare
/// number only (`2.5`).
pub fn parse(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let invalid = || format!("`{text}` is not a duration: use seconds, or 30s, 5m, 1h30m, 2d");
    if text.is_empty() {
        return Err(invalid());
    }
    if let Ok(seconds) = text.parse::<f64>() {
        if seconds.is_finite() && (0.0..=1e9).contains(&seconds) {
            return Ok(Duration::from_secs_f64(seconds));
        }
        return Err(invalid());
    }
    let mut total: u64 = 0;
    let mut number: Option<u64> = None;
    let mut last_unit = u64::MAX;
    for c in text.chars() {
        if let Some(digit) = c.to_digit(10) {
            let n = number.unwrap_or(0);
            number = Some(
                n.checked_mul(10)
                    .and_then(|n| n.checked_add(u64::from(digit)))
                    .ok_or_else(invalid)?,
            );
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return Err(invalid()),
        };
        // Units in decreasing order, each once: `1h30m`, not `30m1h` or `1m1m`.
        let n = number.take().ok_or_else(invalid)?;
        if unit >= last_unit {
            return Err(invalid());
        }
        last_unit = unit;
        total = n
            .checked_mul(unit)
            .and_then(|s| total.checked_add(s))
            .ok_or_else(invalid)?;
    }
    if number.is_some() {
        return Err(invalid());
    }
    Ok(Duration::from_secs(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_units() {
        assert_eq!(parse("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse("0.5"), Ok(Duration::from_millis(500)));
        assert_eq!(parse("45s"), Ok(Duration::from_secs(45)));
        assert_eq!(parse("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse("1d2h3m4s"), Ok(Duration::from_secs(93_784)));
    }

    #[test]
    fn nonsense_is_refused() {
        for bad in ["", "m", "5x", "1m1m", "30m1h", "1h30", "-5", "1.5m"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
