//! One message, checked the same way wherever it comes from: `send` and
//! every row of `bulk` go through these functions, so that bulk's validation
//! is literally send's.
//!
//! - the recipient: `number::normalise`;
//! - the originator: `originator::parse`;
//! - the text: `text`, at most 64 KiB and not blank, with its exact part
//!   count (`segments::count`, no ceiling);
//! - the route: `route`, 1 to 64 ASCII letters, digits, `-`, `_` or `.`;
//! - the reference, the campaign id, a batch's name and every other label
//!   that goes to the server: `label`, not blank and with no control
//!   characters.
//! - the most parts a text may take (`--max-parts`): `max_parts`, a whole
//!   number from 1.

use std::fmt;

/// The longest text accepted, in bytes (UTF-8).
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// Why a text cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    /// Empty, or only white space.
    Empty,
    /// Longer than `MAX_TEXT_BYTES`.
    TooLong,
}

impl fmt::Display for TextProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextProblem::Empty => f.write_str("is empty"),
            TextProblem::TooLong => {
                write!(f, "is longer than 64 KiB ({MAX_TEXT_BYTES} bytes)")
            }
        }
    }
}

/// Checks a message's text: not blank, at most 64 KiB. Does not allocate.
pub fn text(text: &str) -> Result<(), TextProblem> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(TextProblem::TooLong);
    }
    if text.trim().is_empty() {
        return Err(TextProblem::Empty);
    }
    Ok(())
}

/// The longest route accepted, in bytes.
pub const MAX_ROUTE_BYTES: usize = 64;

/// Why a route cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteProblem {
    /// Empty, or only white space.
    Empty,
    Control,
    TooLong,
    /// A character other than an ASCII letter, digit, `-`, `_` or `.`.
    Character,
}

impl fmt::Display for RouteProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RouteProblem::Empty => f.write_str("is empty"),
            RouteProblem::Control => f.write_str("has control characters"),
            RouteProblem::TooLong => write!(f, "is longer than {MAX_ROUTE_BYTES} characters"),
            RouteProblem::Character => {
                f.write_str("has a character other than ASCII letters, digits, `-`, `_` and `.`")
            }
        }
    }
}

/// The one route rule, for `--route`, `MOBIVATE_ROUTE`, a profile's route,
/// `auth login --route` and a bulk row's `route`: 1 to 64 ASCII letters,
/// digits, `-`, `_` or `.`. Does not allocate.
pub fn route(value: &str) -> Result<(), RouteProblem> {
    if value.trim().is_empty() {
        return Err(RouteProblem::Empty);
    }
    if value.chars().any(char::is_control) {
        return Err(RouteProblem::Control);
    }
    if value.len() > MAX_ROUTE_BYTES {
        return Err(RouteProblem::TooLong);
    }
    if !value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    {
        return Err(RouteProblem::Character);
    }
    Ok(())
}

/// Why a `--max-parts` value cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaxPartsProblem;

impl fmt::Display for MaxPartsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("is not a whole number of parts from 1")
    }
}

/// The one `--max-parts` rule, for `send` and `bulk`: a whole number from 1
/// (at most 4294967295), written in ASCII digits.
pub fn max_parts(value: &str) -> Result<u32, MaxPartsProblem> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(MaxPartsProblem);
    }
    match value.parse::<u32>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(MaxPartsProblem),
    }
}

/// Why a label (reference, campaign id, name) cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelProblem {
    Empty,
    Control,
}

impl fmt::Display for LabelProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LabelProblem::Empty => "is empty",
            LabelProblem::Control => "has control characters",
        })
    }
}

/// Checks a label that goes to the server as given: not empty or blank, and
/// no control characters (a newline, ESC, DEL, U+0085…).
pub fn label(value: &str) -> Result<(), LabelProblem> {
    if value.trim().is_empty() {
        return Err(LabelProblem::Empty);
    }
    if value.chars().any(char::is_control) {
        return Err(LabelProblem::Control);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sms::segments;

    #[test]
    fn text_is_capped_and_not_blank() {
        assert_eq!(text("hi"), Ok(()));
        assert_eq!(text(" hi "), Ok(()));
        assert_eq!(text(""), Err(TextProblem::Empty));
        assert_eq!(text(" \n\t"), Err(TextProblem::Empty));
        assert_eq!(text(&"a".repeat(MAX_TEXT_BYTES)), Ok(()));
        assert_eq!(
            text(&"a".repeat(MAX_TEXT_BYTES + 1)),
            Err(TextProblem::TooLong)
        );
        assert_eq!(
            TextProblem::TooLong.to_string(),
            "is longer than 64 KiB (65536 bytes)"
        );
    }

    #[test]
    fn labels_are_not_blank_and_have_no_controls() {
        assert_eq!(label("route-1"), Ok(()));
        assert_eq!(label(""), Err(LabelProblem::Empty));
        assert_eq!(label("  "), Err(LabelProblem::Empty));
        for bad in ["a\nb", "a\u{1b}[31m", "a\u{7f}", "a\u{85}", "a\tb"] {
            assert_eq!(label(bad), Err(LabelProblem::Control), "{bad:?}");
        }
    }

    #[test]
    fn one_route_rule() {
        for good in ["mglobal", "route-1", "a_b.c", &"r".repeat(MAX_ROUTE_BYTES)] {
            assert_eq!(route(good), Ok(()), "{good:?}");
        }
        assert_eq!(route(""), Err(RouteProblem::Empty));
        assert_eq!(route("  "), Err(RouteProblem::Empty));
        for bad in ["r\u{1b}[31m", "r\nx", "r\u{7f}", "a\tb", "r\u{85}"] {
            assert_eq!(route(bad), Err(RouteProblem::Control), "{bad:?}");
        }
        assert_eq!(
            route(&"r".repeat(MAX_ROUTE_BYTES + 1)),
            Err(RouteProblem::TooLong)
        );
        for bad in ["a b", " mglobal", "r/1", "routé", "r;x"] {
            assert_eq!(route(bad), Err(RouteProblem::Character), "{bad:?}");
        }
        assert_eq!(RouteProblem::Control.to_string(), "has control characters");
    }

    #[test]
    fn max_parts_is_a_whole_number_from_one() {
        assert_eq!(max_parts("1"), Ok(1));
        assert_eq!(max_parts("255"), Ok(255));
        assert_eq!(max_parts("1000"), Ok(1000));
        assert_eq!(max_parts("007"), Ok(7));
        for bad in ["0", "00", "-1", "+1", "x", "", " 1", "1.5", "4294967296"] {
            assert_eq!(max_parts(bad), Err(MaxPartsProblem), "{bad:?}");
        }
    }

    /// The most parts any accepted text can take: what bulk's fingerprint
    /// must hold exactly (see `bulk::shaper::Cost`).
    #[test]
    fn the_longest_texts_parts() {
        // GSM-7 escapes, two septets each, never split: 76 to a part.
        let escapes = "^".repeat(MAX_TEXT_BYTES);
        assert_eq!(text(&escapes), Ok(()));
        assert_eq!(segments::count(&escapes).parts, 863);
        // UCS-2, two bytes a character.
        let cyrillic = "ж".repeat(MAX_TEXT_BYTES / 2);
        assert_eq!(segments::count(&cyrillic).parts, 490);
        // UCS-2 made by one backquote, one byte and one unit a character:
        // the most parts of all.
        let backquotes = "`".repeat(MAX_TEXT_BYTES);
        assert_eq!(segments::count(&backquotes).parts, 979);
        // Surrogate pairs, four bytes a character, 33 to a part.
        let emoji = "😀".repeat(MAX_TEXT_BYTES / 4);
        assert_eq!(segments::count(&emoji).parts, 497);
    }
}
