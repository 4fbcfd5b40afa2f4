//! The API's date formats, in and out, without a date crate.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_millis() as i64)
}

/// A query date: `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM:SS+HHMM`,
/// as epoch seconds.
pub fn parse_query_date(text: &str) -> Option<i64> {
    if text.len() == 10 {
        return Some(parse_day(text)? * 86_400);
    }
    parse_timestamp(text)
}

/// `YYYY-MM-DDTHH:MM:SS+HHMM` (or `-HHMM`) as epoch seconds: the form of
/// `scheduleDateTime` and of full query dates.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 24 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let day = parse_day(&text[..10])?;
    let (hour, minute, second) = (
        number(&b[11..13])?,
        number(&b[14..16])?,
        number(&b[17..19])?,
    );
    let sign = match b[19] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (offset_hours, offset_minutes) = (number(&b[20..22])?, number(&b[22..24])?);
    if hour > 23 || minute > 59 || second > 59 || offset_hours > 23 || offset_minutes > 59 {
        return None;
    }
    let local = day * 86_400 + hour * 3_600 + minute * 60 + second;
    Some(local - sign * (offset_hours * 3_600 + offset_minutes * 60))
}

/// `YYYY-MM-DD` as days since 1970-01-01.
fn parse_day(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (number(&b[..4])?, number(&b[5..7])?, number(&b[8..10])?);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

fn number(digits: &[u8]) -> Option<i64> {
    digits.iter().try_fold(0, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + i64::from(b - b'0'))
    })
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's `days_from_civil`.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Howard Hinnant's `civil_from_days`.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Epoch milliseconds shown as in message records: `2023-07-01T01:10:34+0000`.
pub struct RecordTime(pub i64);

impl fmt::Display for RecordTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.0.div_euclid(1000);
        let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
        let second_of_day = seconds.rem_euclid(86_400);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}+0000",
            second_of_day / 3_600,
            second_of_day / 60 % 60,
            second_of_day % 60
        )
    }
}

/// Epoch milliseconds shown as in delivery receipts: `2023-07-28T03:23:22.000+00:00`.
pub struct ReceiptTime(pub i64);

impl fmt::Display for ReceiptTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let record = RecordTime(self.0).to_string();
        let millis = self.0.rem_euclid(1000);
        write!(f, "{}.{millis:03}+00:00", &record[..19])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_dates() {
        assert_eq!(parse_query_date("1970-01-01"), Some(0));
        assert_eq!(parse_query_date("2023-01-01"), Some(1_672_531_200));
        assert_eq!(
            parse_query_date("2023-01-01T12:00:00+1200"),
            Some(1_672_531_200)
        );
        assert_eq!(
            parse_query_date("2023-01-01T00:00:00-0130"),
            Some(1_672_531_200 + 5_400)
        );
        for bad in [
            "2023-01-01T12:00:00 1200",
            "2023-02-29",
            "2023-13-01",
            "2023-01-01T24:00:00+0000",
            "2023-01-01T12:00:00+00:00",
            "2023-01-01T12:00:00Z",
            "",
        ] {
            assert_eq!(parse_query_date(bad), None, "{bad}");
        }
        assert!(parse_query_date("2024-02-29").is_some());
    }

    #[test]
    fn formats_round_trip() {
        let ms = 1_688_173_834_123;
        assert_eq!(RecordTime(ms).to_string(), "2023-07-01T01:10:34+0000");
        assert_eq!(ReceiptTime(ms).to_string(), "2023-07-01T01:10:34.123+00:00");
        for days in [-800_000, -1, 0, 59, 11_016, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
