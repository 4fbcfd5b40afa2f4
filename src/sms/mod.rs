//! The SMS rules, with no I/O and nothing from the rest of the crate: phone
//! numbers, originators, GSM-7/UCS-2 part counts, folding look-alikes to
//! GSM-7, and `{{column}}` templates.
//!
//! Every check returns a small error that prints a precise, one-line message
//! naming the input and what is wrong with it. Callers turn those into exit 65:
//! the value parsed, but cannot be used.
//!
//! The functions a bulk run calls once per row (`number::normalise`,
//! `originator::parse`, `segments::count`, `Template::render_with`) do not
//! allocate on success.

pub mod fold;
pub mod message;
pub mod number;
pub mod originator;
#[cfg(test)]
mod proptests;
pub mod segments;
pub mod template;

use std::fmt;

/// How many characters of a rejected input an error message quotes.
const MAX_QUOTED_CHARS: usize = 32;

/// User input quoted for an error message, as `'…'`: control characters,
/// invisible format characters and the like are escaped (a number pasted with
/// a tab or a bidi override must not reach the terminal raw), and long input
/// is cut.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("'")?;
        for (count, c) in self.0.chars().enumerate() {
            if count == MAX_QUOTED_CHARS {
                f.write_str("…")?;
                break;
            }
            write!(f, "{}", Visible(c))?;
        }
        f.write_str("'")
    }
}

/// One character as it should appear in a message: itself when printable,
/// else its `\u{…}` escape.
struct Visible(char);

impl fmt::Display for Visible {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            // Quotes need no escape inside our own quotes: there is no parser.
            '\'' | '"' => write!(f, "{}", self.0),
            c => write!(f, "{}", c.escape_debug()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(input: &str) -> String {
        Quoted(input).to_string()
    }

    #[test]
    fn quoted_keeps_printable_text() {
        assert_eq!(quoted("+44 (0)7930 000000"), "'+44 (0)7930 000000'");
        assert_eq!(quoted("it's \"x\""), "'it's \"x\"'");
        assert_eq!(quoted(""), "''");
    }

    #[test]
    fn quoted_escapes_control_and_invisible_characters() {
        assert_eq!(quoted("44\t79\n"), "'44\\t79\\n'");
        assert_eq!(quoted("\u{1b}[31m"), "'\\u{1b}[31m'");
        assert_eq!(quoted("\u{202e}44"), "'\\u{202e}44'");
    }

    #[test]
    fn quoted_cuts_long_input() {
        let long = "1".repeat(40);
        assert_eq!(quoted(&long), format!("'{}…'", "1".repeat(32)));
        let exact = "2".repeat(32);
        assert_eq!(quoted(&exact), format!("'{exact}'"));
    }
}
