//! One message, checked the same way wherever it comes from: `send` and
//! every row of `bulk` go through these functions, so that bulk's validation
//! is literally send's.
//!
//! - the recipient: `number::normalise`;
//! - the originator: `originator::parse`;
//! - the text: `text`, at most 64 KiB and not blank, with its exact part
//!   count (`segments::count`, no ceiling);
//! - the route, the reference, the campaign id, a batch's name and every
//!   other label that goes to the server: `label`, not blank and with no
//!   control characters.

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

/// Why a label (route, reference, campaign id, name) cannot be sent.
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
