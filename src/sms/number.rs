//! Phone numbers (MSISDN) as the API wants them: digits only, international
//! form, no `+` (`447930000000`).
//!
//! What is accepted, and why:
//! - Digits, and the punctuation people write numbers with: one `+` before the
//!   first digit, spaces (also tabs and the no-break spaces U+00A0 and U+202F
//!   that spreadsheets insert), `.`, `-`, `(` and `)`. All of it is stripped.
//! - One trunk `(0)` right after the country code (1 to 3 digits, the first
//!   not 0) is dropped: `+44 (0)7930 000000` is `447930000000`. Anywhere
//!   else, and a second time, parentheses are only punctuation and the digits
//!   inside them are kept.
//! - A decimal number is refused: digits with one `.` and nothing else
//!   (`447930000001.0`, what a spreadsheet or pandas writes for a float
//!   column, or `447930000001.5`), or an exponent (`4.4793e11`). Two or more
//!   dots, or dots beside other punctuation, are group separators.
//! - A leading `00`, the international call prefix of most countries, is
//!   stripped when there is no `+`: `0044 7930 000000` is `447930000000`.
//! - After that the number must start with its country code, and no country
//!   code starts with 0: a national number such as `07930 000000` is refused
//!   rather than sent to the wrong country or billed for nothing.
//! - 8 to 15 digits remain (E.164 allows 15).
//!
//! Letters are refused, including the letters of vanity numbers.

use std::fmt;

/// The fewest digits a number may have.
pub const MIN_DIGITS: usize = 8;
/// The most digits a number may have (E.164).
pub const MAX_DIGITS: usize = 15;

/// A valid MSISDN: 8 to 15 ASCII digits, the first not 0. `Copy`, and held
/// without allocation, so a bulk run can keep millions of them cheaply.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Msisdn {
    len: u8,
    // Bytes past `len` are always 0, so the derived Eq and Hash are exact.
    digits: [u8; MAX_DIGITS],
}

impl Msisdn {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.digits[..self.len as usize])
            .expect("an Msisdn holds only ASCII digits")
    }

    /// The number as an integer: exact and one-to-one, since 15 digits fit a
    /// u64 and a number never starts with 0. Handy for compact fingerprints.
    pub fn to_u64(self) -> u64 {
        self.digits[..self.len as usize]
            .iter()
            .fold(0, |n, &d| n * 10 + u64::from(d - b'0'))
    }
}

impl fmt::Display for Msisdn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Msisdn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Msisdn({})", self.as_str())
    }
}

/// Why a value is not a phone number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberProblem {
    Empty,
    Letters,
    /// A character that is neither a digit nor accepted punctuation.
    Character(char),
    /// A `+` after a digit, or a second `+`.
    MisplacedPlus,
    /// A decimal number: a fraction or an exponent (`is_decimal`).
    Decimal,
    /// After any `+` or `00`, the first digit is 0: a national number, or a
    /// country code that does not exist.
    NotInternational,
    /// The digit count after stripping is outside 8 to 15. `after_00` says the
    /// count excludes a stripped `00` prefix.
    Digits {
        count: usize,
        after_00: bool,
    },
}

/// A value that is not a phone number, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberError {
    pub input: String,
    pub problem: NumberProblem,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = super::Quoted(&self.input);
        write!(f, "not a phone number: {input} ")?;
        match &self.problem {
            NumberProblem::Empty => f.write_str("is empty"),
            NumberProblem::Letters => f.write_str("has letters"),
            NumberProblem::Character(c) => {
                write!(
                    f,
                    "has '{}'; a number has digits, and may have '+', spaces, '.', '-', '(' and ')'",
                    super::Visible(*c)
                )
            }
            NumberProblem::MisplacedPlus => f.write_str("has a '+' that is not at its start"),
            NumberProblem::Decimal => f.write_str(
                "is a decimal number (a fraction or an exponent), not the digits of a phone number; \
                 write the number as digits, or as text",
            ),
            NumberProblem::NotInternational => f.write_str(
                "is not in international form: start it with the country code, not 0 \
                 (e.g. +44 7930 000000, not 07930 000000)",
            ),
            NumberProblem::Digits { count, after_00 } => {
                match count {
                    0 => f.write_str("has no digits")?,
                    1 => f.write_str("has 1 digit")?,
                    n => write!(f, "has {n} digits")?,
                }
                if *after_00 {
                    f.write_str(" after its '00' prefix")?;
                }
                write!(f, "; a number has {MIN_DIGITS} to {MAX_DIGITS}")
            }
        }
    }
}

impl std::error::Error for NumberError {}

/// Normalises a phone number to the API's form (see the module comment for the
/// rules). Does not allocate unless the number is invalid.
pub fn normalise(input: &str) -> Result<Msisdn, NumberError> {
    match plain_digits(input) {
        Some(number) => Ok(number),
        None => normalise_any(input),
    }
}

/// The common case, decided without the general rules: an optional `+` and
/// then only digits, as many as a number has, the first not 0. The general
/// rules give it exactly this number (`proptests` checks they agree).
fn plain_digits(input: &str) -> Option<Msisdn> {
    let bytes = input.as_bytes();
    let digits = bytes.strip_prefix(b"+").unwrap_or(bytes);
    let plain = (MIN_DIGITS..=MAX_DIGITS).contains(&digits.len())
        && digits.first().is_some_and(|d| *d != b'0')
        && digits.iter().all(u8::is_ascii_digit);
    if !plain {
        return None;
    }
    let mut number = Msisdn {
        len: digits.len() as u8,
        digits: [0; MAX_DIGITS],
    };
    number.digits[..digits.len()].copy_from_slice(digits);
    Some(number)
}

/// The general rules, for any input.
pub(crate) fn normalise_any(input: &str) -> Result<Msisdn, NumberError> {
    let fail = |problem| {
        Err(NumberError {
            input: input.to_owned(),
            problem,
        })
    };

    // Room for a `00` prefix in front of the longest number.
    let mut digits = [0u8; MAX_DIGITS + 2];
    // Every digit seen, including those past the buffer, for the message.
    let mut count = 0usize;
    let mut plus = false;
    let mut trunk_dropped = false;
    let bytes = input.as_bytes();
    if is_decimal(input) {
        return fail(NumberProblem::Decimal);
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'0'..=b'9' => {
                if count < digits.len() {
                    digits[count] = b;
                }
                count += 1;
            }
            b'+' => {
                if plus || count > 0 {
                    return fail(NumberProblem::MisplacedPlus);
                }
                plus = true;
            }
            b'(' if !trunk_dropped && bytes[i..].starts_with(b"(0)") => {
                let prefix = if !plus && count >= 2 && digits.starts_with(b"00") {
                    2
                } else {
                    0
                };
                let code = count.saturating_sub(prefix);
                // After a country code: 1 to 3 digits, the first not 0.
                if (1..=3).contains(&code) && digits.get(prefix).is_some_and(|d| *d != b'0') {
                    // The trunk prefix, once: dropped with its parentheses.
                    trunk_dropped = true;
                    i += 3;
                    continue;
                }
            }
            b' ' | b'\t' | b'.' | b'-' | b'(' | b')' => {}
            _ if b.is_ascii_alphabetic() => return fail(NumberProblem::Letters),
            _ if b.is_ascii() => return fail(NumberProblem::Character(char::from(b))),
            _ => {
                let c = input[i..]
                    .chars()
                    .next()
                    .expect("a non-ASCII byte at a char boundary starts a char");
                match c {
                    '\u{a0}' | '\u{202f}' => {}
                    _ if c.is_alphabetic() => return fail(NumberProblem::Letters),
                    _ => return fail(NumberProblem::Character(c)),
                }
                i += c.len_utf8();
                continue;
            }
        }
        i += 1;
    }

    if count == 0 && bytes.iter().all(|b| *b == b' ' || *b == b'\t') && !plus {
        return fail(NumberProblem::Empty);
    }
    let after_00 = !plus && count >= 2 && digits.starts_with(b"00");
    let start = if after_00 { 2 } else { 0 };
    let significant = count - start;
    if significant > 0 && digits[start] == b'0' {
        return fail(NumberProblem::NotInternational);
    }
    if !(MIN_DIGITS..=MAX_DIGITS).contains(&significant) {
        return fail(NumberProblem::Digits {
            count: significant,
            after_00,
        });
    }
    let mut number = Msisdn {
        len: significant as u8,
        digits: [0; MAX_DIGITS],
    };
    number.digits[..significant].copy_from_slice(&digits[start..count]);
    Ok(number)
}

/// Whether a value is written as a decimal number, as a spreadsheet or a JSON
/// float writes it: digits with one `.` and digits after it, and nothing else
/// but an optional leading `+` (`447930000001.0`, `447930000001.5`,
/// `447.930000001`, what pandas writes for a float column), or with an
/// exponent (`4.4793e11`). Its digits are not the phone number's, so it is
/// refused rather than read as another number. Dots as group separators
/// (two or more, or beside spaces or dashes: `+44.7930.000.001`) stay
/// punctuation.
fn is_decimal(input: &str) -> bool {
    let trimmed = input.trim();
    let unsigned = trimmed.strip_prefix('+').unwrap_or(trimmed);
    let one_point = unsigned.split_once('.').is_some_and(|(whole, fraction)| {
        !whole.is_empty()
            && !fraction.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && fraction.bytes().all(|b| b.is_ascii_digit())
    });
    let exponent = trimmed.contains(['e', 'E']) && trimmed.parse::<f64>().is_ok();
    one_point || exponent
}

/// Why a comma-separated list of numbers cannot be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListError {
    /// Nothing but spaces.
    Empty { input: String },
    /// Item `position` (1-based) is empty: `a,,b` or a trailing comma.
    EmptyItem { input: String, position: usize },
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListError::Empty { input } => {
                write!(f, "no phone number in {}", super::Quoted(input))
            }
            ListError::EmptyItem { input, position } => write!(
                f,
                "item {position} of {} is empty; separate numbers with single commas",
                super::Quoted(input)
            ),
        }
    }
}

impl std::error::Error for ListError {}

/// Splits a value such as `--to` on commas, trimming spaces around each item.
/// An empty item (`a,,b`, a trailing comma, or nothing at all) is an error
/// rather than skipped: it usually means a number went missing.
pub fn split_list(input: &str) -> Result<Vec<&str>, ListError> {
    if input.trim().is_empty() {
        return Err(ListError::Empty {
            input: input.to_owned(),
        });
    }
    let mut items = Vec::new();
    for (index, item) in input.split(',').enumerate() {
        let item = item.trim();
        if item.is_empty() {
            return Err(ListError::EmptyItem {
                input: input.to_owned(),
                position: index + 1,
            });
        }
        items.push(item);
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> String {
        match normalise(input) {
            Ok(number) => number.as_str().to_owned(),
            Err(e) => panic!("{input:?} was refused: {e}"),
        }
    }

    fn err(input: &str) -> String {
        match normalise(input) {
            Ok(number) => panic!("{input:?} was accepted as {number}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn trunk_zero_after_the_country_code_is_dropped() {
        assert_eq!(ok("+44 (0)7930 000000"), "447930000000");
        assert_eq!(ok("+44(0)7930000000"), "447930000000");
        assert_eq!(ok("44 (0) 7930 000000"), "447930000000");
        assert_eq!(ok("0044 (0)7930 000000"), "447930000000");
        assert_eq!(ok("+353 (0)85 123 4567"), "353851234567");
        assert_eq!(ok("+1 (0)202 555 0143"), "12025550143");
    }

    #[test]
    fn parentheses_elsewhere_are_punctuation_and_keep_their_digits() {
        assert_eq!(ok("+1 (202) 555-0143"), "12025550143");
        // Only one (0), and only after a country code.
        assert_eq!(
            normalise("0(0)0447930000000").unwrap_err().problem,
            NumberProblem::NotInternational
        );
        assert_eq!(
            normalise("000447930000000").unwrap_err().problem,
            NumberProblem::NotInternational
        );
        assert_eq!(ok("+44 (0)(0)7930 00000"), "4407930 00000".replace(' ', ""));
        for decimal in [
            "447930000001.0",
            " 447930000001.0 ",
            "4.4793e11",
            "4.4793E11",
            "447930000001.5",
            "447930000001.00",
            "447930000001.000",
            "44793000000.1",
            "447.930000001",
            "+447930000001.00",
        ] {
            assert_eq!(
                normalise(decimal).unwrap_err().problem,
                NumberProblem::Decimal,
                "{decimal}"
            );
        }
        assert_eq!(ok("+44 7930.000.001"), "447930000001");
        // (0) after four digits is not after a country code: its 0 stays.
        assert_eq!(ok("+4479 (0)30 000000"), "4479030000000");
        assert_eq!(ok("(+44) 7930 000000"), "447930000000");
    }

    #[test]
    fn punctuation_is_stripped() {
        assert_eq!(ok("+44 7930-000.000"), "447930000000");
        assert_eq!(ok("447930000000"), "447930000000");
        assert_eq!(ok("  +44 7930 000000  "), "447930000000");
        assert_eq!(ok("+44\t7930\u{a0}000\u{202f}000"), "447930000000");
        assert_eq!(ok("+61.4.1234.5678"), "61412345678");
    }

    #[test]
    fn double_zero_prefix_is_stripped() {
        assert_eq!(ok("0044 7930 000000"), "447930000000");
        assert_eq!(ok("00447930000000"), "447930000000");
        // A 00 prefix leaves 15 digits at most: 17 digits in all is fine.
        assert_eq!(ok("00123456789012345"), "123456789012345");
    }

    #[test]
    fn lengths_at_the_limits() {
        assert_eq!(ok("12345678"), "12345678");
        assert_eq!(ok("123456789012345"), "123456789012345");
        assert_eq!(
            err("1234567"),
            "not a phone number: '1234567' has 7 digits; a number has 8 to 15"
        );
        assert_eq!(
            err("1234567890123456"),
            "not a phone number: '1234567890123456' has 16 digits; a number has 8 to 15"
        );
    }

    #[test]
    fn too_short() {
        assert_eq!(
            err("12345"),
            "not a phone number: '12345' has 5 digits; a number has 8 to 15"
        );
        assert_eq!(
            err("+4"),
            "not a phone number: '+4' has 1 digit; a number has 8 to 15"
        );
        assert_eq!(
            err("001234"),
            "not a phone number: '001234' has 4 digits after its '00' prefix; a number has 8 to 15"
        );
        assert_eq!(
            err("+ ( ) - ."),
            "not a phone number: '+ ( ) - .' has no digits; a number has 8 to 15"
        );
    }

    #[test]
    fn too_long_counts_every_digit() {
        let long = "+44 7930 000000 000000 000000";
        assert_eq!(
            normalise(long).unwrap_err().problem,
            NumberProblem::Digits {
                count: 24,
                after_00: false
            }
        );
        assert_eq!(
            err("+44 7930 000000 0000"),
            "not a phone number: '+44 7930 000000 0000' has 16 digits; a number has 8 to 15"
        );
    }

    #[test]
    fn letters_are_refused() {
        assert_eq!(err("abc"), "not a phone number: 'abc' has letters");
        assert_eq!(
            err("1-800-FLOWERS"),
            "not a phone number: '1-800-FLOWERS' has letters"
        );
        assert_eq!(
            err("+44 7930 00000O"),
            "not a phone number: '+44 7930 00000O' has letters"
        );
        assert_eq!(
            err("４４79"),
            "not a phone number: '４４79' has '４'; a number has digits, and may have '+', spaces, '.', '-', '(' and ')'"
        );
        assert_eq!(
            normalise("+30 69é").unwrap_err().problem,
            NumberProblem::Letters
        );
    }

    #[test]
    fn other_characters_are_named() {
        assert_eq!(
            err("44#7930000000"),
            "not a phone number: '44#7930000000' has '#'; a number has digits, and may have '+', spaces, '.', '-', '(' and ')'"
        );
        assert_eq!(
            err("447930000000\n"),
            "not a phone number: '447930000000\\n' has '\\n'; a number has digits, and may have '+', spaces, '.', '-', '(' and ')'"
        );
        assert_eq!(
            normalise("44–7930000000").unwrap_err().problem,
            NumberProblem::Character('–')
        );
    }

    #[test]
    fn plus_only_at_the_start() {
        assert_eq!(
            err("44+7930000000"),
            "not a phone number: '44+7930000000' has a '+' that is not at its start"
        );
        assert_eq!(
            normalise("++447930000000").unwrap_err().problem,
            NumberProblem::MisplacedPlus
        );
    }

    #[test]
    fn national_numbers_and_zero_country_codes_are_refused() {
        assert_eq!(
            err("07930 000000"),
            "not a phone number: '07930 000000' is not in international form: start it with the country code, not 0 (e.g. +44 7930 000000, not 07930 000000)"
        );
        for input in [
            "+07930000000",
            "+0044 7930 000000",
            "000447930000000",
            "(0)7930 000000",
        ] {
            assert_eq!(
                normalise(input).unwrap_err().problem,
                NumberProblem::NotInternational,
                "{input}"
            );
        }
    }

    #[test]
    fn empty_is_refused() {
        assert_eq!(err(""), "not a phone number: '' is empty");
        assert_eq!(err("   "), "not a phone number: '   ' is empty");
    }

    #[test]
    fn numbers_compare_and_convert_exactly() {
        let a = normalise("+44 (0)7930 000000").unwrap();
        let b = normalise("0044 7930-000-000").unwrap();
        assert_eq!(a, b);
        assert_ne!(a, normalise("+44 7930 000001").unwrap());
        assert_eq!(a.to_u64(), 447_930_000_000);
        assert_eq!(
            normalise("999999999999999").unwrap().to_u64(),
            999_999_999_999_999
        );
        assert_eq!(a.to_string(), "447930000000");
        assert_eq!(format!("{a:?}"), "Msisdn(447930000000)");
    }

    #[test]
    fn split_list_trims_items() {
        assert_eq!(
            split_list("+44 7930 000000, 447930000001 ,0044 7930 000002").unwrap(),
            ["+44 7930 000000", "447930000001", "0044 7930 000002"]
        );
        assert_eq!(split_list(" 447930000000 ").unwrap(), ["447930000000"]);
    }

    #[test]
    fn split_list_refuses_empty_items() {
        assert_eq!(
            split_list("447930000000,,447930000001")
                .unwrap_err()
                .to_string(),
            "item 2 of '447930000000,,447930000001' is empty; separate numbers with single commas"
        );
        assert_eq!(
            split_list("447930000000, ").unwrap_err(),
            ListError::EmptyItem {
                input: "447930000000, ".into(),
                position: 2
            }
        );
        assert_eq!(
            split_list(",447930000000").unwrap_err(),
            ListError::EmptyItem {
                input: ",447930000000".into(),
                position: 1
            }
        );
        assert_eq!(
            split_list(" ").unwrap_err().to_string(),
            "no phone number in ' '"
        );
        assert_eq!(
            split_list("").unwrap_err().to_string(),
            "no phone number in ''"
        );
    }
}
