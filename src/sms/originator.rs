//! The originator (sender id) a message comes from.
//!
//! Two forms, as the API allows:
//! - numeric: 1 to 15 digits, with one leading `+` allowed and stripped
//!   (`+447930000000` is sent as `447930000000`);
//! - alphanumeric: 1 to 11 ASCII letters and digits.
//!
//! Strict on purpose: no spaces, no punctuation, no accented letters, and no
//! trimming. Networks handle anything else differently (many drop or mangle
//! it), so a sender id that might reach the phone altered is refused here,
//! before anything is paid for. Digits only is always the numeric form.

use std::fmt;

/// The most characters of an alphanumeric originator.
pub const MAX_ALPHANUMERIC: usize = 11;
/// The most digits of a numeric originator.
pub const MAX_NUMERIC: usize = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OriginatorKind {
    Alphanumeric,
    Numeric,
}

/// A valid originator, held without allocation.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Originator {
    kind: OriginatorKind,
    len: u8,
    // Bytes past `len` are always 0, so the derived Eq and Hash are exact.
    bytes: [u8; MAX_NUMERIC],
}

impl Originator {
    /// The originator as the API takes it (a numeric one without its `+`).
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len as usize])
            .expect("an Originator holds only ASCII letters and digits")
    }
}

impl fmt::Display for Originator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Originator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Originator({:?}, {})", self.kind, self.as_str())
    }
}

/// Why a value is not an originator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OriginatorProblem {
    Empty,
    /// A `+` with no digits after it.
    PlusOnly,
    /// A `+` before something that is not all digits.
    PlusNotNumeric,
    /// A space (an alphanumeric originator has none).
    Space,
    /// A character that is not an ASCII letter or digit.
    Character(char),
    /// All digits, more than 15 of them.
    TooManyDigits(usize),
    /// Letters and digits, more than 11 of them.
    TooManyCharacters(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OriginatorError {
    pub input: String,
    pub problem: OriginatorProblem,
}

impl fmt::Display for OriginatorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = super::Quoted(&self.input);
        write!(f, "not an originator: {input} ")?;
        match &self.problem {
            OriginatorProblem::Empty => write!(
                f,
                "is empty; an originator is 1 to {MAX_ALPHANUMERIC} letters and digits, \
                 or 1 to {MAX_NUMERIC} digits"
            ),
            OriginatorProblem::PlusOnly => f.write_str("has no digits after its '+'"),
            OriginatorProblem::PlusNotNumeric => f.write_str(
                "has a '+' but is not all digits; only a numeric originator may start with '+'",
            ),
            OriginatorProblem::Space => f.write_str(
                "has a space; an alphanumeric originator is ASCII letters and digits only",
            ),
            OriginatorProblem::Character(c) => {
                write!(
                    f,
                    "has '{}'; an alphanumeric originator is ASCII letters and digits only",
                    super::Visible(*c)
                )
            }
            OriginatorProblem::TooManyDigits(n) => write!(
                f,
                "has {n} digits; a numeric originator has 1 to {MAX_NUMERIC}"
            ),
            OriginatorProblem::TooManyCharacters(n) => write!(
                f,
                "has {n} characters; an alphanumeric originator has 1 to {MAX_ALPHANUMERIC}"
            ),
        }
    }
}

impl std::error::Error for OriginatorError {}

/// Checks an originator (see the module comment for the rules). Does not
/// allocate unless it is invalid.
pub fn parse(input: &str) -> Result<Originator, OriginatorError> {
    let fail = |problem| {
        Err(OriginatorError {
            input: input.to_owned(),
            problem,
        })
    };
    if input.is_empty() {
        return fail(OriginatorProblem::Empty);
    }
    let (plus, body) = match input.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, input),
    };
    if plus && body.is_empty() {
        return fail(OriginatorProblem::PlusOnly);
    }
    let bytes = body.as_bytes();
    let kind = if bytes.iter().all(u8::is_ascii_digit) {
        if bytes.len() > MAX_NUMERIC {
            return fail(OriginatorProblem::TooManyDigits(bytes.len()));
        }
        OriginatorKind::Numeric
    } else {
        if plus {
            return fail(OriginatorProblem::PlusNotNumeric);
        }
        if let Some(c) = body.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return fail(if c == ' ' {
                OriginatorProblem::Space
            } else {
                OriginatorProblem::Character(c)
            });
        }
        // All ASCII by now, so bytes are characters.
        if bytes.len() > MAX_ALPHANUMERIC {
            return fail(OriginatorProblem::TooManyCharacters(bytes.len()));
        }
        OriginatorKind::Alphanumeric
    };
    let mut originator = Originator {
        kind,
        len: bytes.len() as u8,
        bytes: [0; MAX_NUMERIC],
    };
    originator.bytes[..bytes.len()].copy_from_slice(bytes);
    Ok(originator)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> (OriginatorKind, String) {
        match parse(input) {
            Ok(o) => (o.kind, o.as_str().to_owned()),
            Err(e) => panic!("{input:?} was refused: {e}"),
        }
    }

    fn err(input: &str) -> String {
        match parse(input) {
            Ok(o) => panic!("{input:?} was accepted as {o:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn alphanumeric_up_to_eleven() {
        assert_eq!(ok("A"), (OriginatorKind::Alphanumeric, "A".into()));
        assert_eq!(
            ok("MyShop2024"),
            (OriginatorKind::Alphanumeric, "MyShop2024".into())
        );
        assert_eq!(
            ok("ABCDEFGHIJK"),
            (OriginatorKind::Alphanumeric, "ABCDEFGHIJK".into())
        );
        assert_eq!(
            err("ABCDEFGHIJKL"),
            "not an originator: 'ABCDEFGHIJKL' has 12 characters; an alphanumeric originator has 1 to 11"
        );
    }

    #[test]
    fn numeric_up_to_fifteen() {
        assert_eq!(ok("7"), (OriginatorKind::Numeric, "7".into()));
        assert_eq!(
            ok("447930000000"),
            (OriginatorKind::Numeric, "447930000000".into())
        );
        assert_eq!(
            ok("123456789012345"),
            (OriginatorKind::Numeric, "123456789012345".into())
        );
        assert_eq!(
            err("1234567890123456"),
            "not an originator: '1234567890123456' has 16 digits; a numeric originator has 1 to 15"
        );
    }

    #[test]
    fn leading_plus_is_stripped_from_numeric() {
        assert_eq!(
            ok("+447930000000"),
            (OriginatorKind::Numeric, "447930000000".into())
        );
        assert_eq!(
            ok("+123456789012345"),
            (OriginatorKind::Numeric, "123456789012345".into())
        );
        assert_eq!(
            parse("+1234567890123456").unwrap_err().problem,
            OriginatorProblem::TooManyDigits(16)
        );
        assert_eq!(
            err("+"),
            "not an originator: '+' has no digits after its '+'"
        );
        assert_eq!(
            err("+Shop"),
            "not an originator: '+Shop' has a '+' but is not all digits; only a numeric originator may start with '+'"
        );
        assert_eq!(
            parse("++4479").unwrap_err().problem,
            OriginatorProblem::PlusNotNumeric
        );
    }

    #[test]
    fn spaces_and_punctuation_are_refused() {
        assert_eq!(
            err("My Shop"),
            "not an originator: 'My Shop' has a space; an alphanumeric originator is ASCII letters and digits only"
        );
        assert_eq!(
            parse(" Shop").unwrap_err().problem,
            OriginatorProblem::Space
        );
        assert_eq!(
            err("Shop-UK"),
            "not an originator: 'Shop-UK' has '-'; an alphanumeric originator is ASCII letters and digits only"
        );
        assert_eq!(
            parse("Café").unwrap_err().problem,
            OriginatorProblem::Character('é')
        );
        assert_eq!(
            parse("4479 300").unwrap_err().problem,
            OriginatorProblem::Space
        );
        assert_eq!(
            err("Shop\t"),
            "not an originator: 'Shop\\t' has '\\t'; an alphanumeric originator is ASCII letters and digits only"
        );
    }

    #[test]
    fn characters_are_checked_before_length() {
        assert_eq!(
            parse("My Very Long Shop").unwrap_err().problem,
            OriginatorProblem::Space
        );
    }

    #[test]
    fn empty_is_refused() {
        assert_eq!(
            err(""),
            "not an originator: '' is empty; an originator is 1 to 11 letters and digits, or 1 to 15 digits"
        );
    }

    #[test]
    fn originators_compare_exactly() {
        assert_eq!(
            parse("+447930000000").unwrap(),
            parse("447930000000").unwrap()
        );
        assert_ne!(parse("Shop").unwrap(), parse("shop").unwrap());
        assert_eq!(parse("Shop").unwrap().to_string(), "Shop");
    }
}
