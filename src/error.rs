//! The one error type every command fails with, and the one place errors are
//! printed: `mobivate: error: …` plus an optional `hint: …` line on stderr.

use crate::exit::ExitCode;
use std::fmt;
use std::io::Write;

/// How far a server's message is quoted before it is cut.
const MAX_QUOTED_CHARS: usize = 200;

#[derive(Debug)]
pub struct Failure {
    pub code: ExitCode,
    message: String,
    hint: Option<String>,
}

impl Failure {
    pub fn new(code: ExitCode, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    #[cfg(test)]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Ctrl-C: the shell already shows `^C`, so nothing more is printed.
    pub fn interrupted() -> Self {
        Failure::new(ExitCode::Interrupted, "")
    }

    /// Prints the error to stderr: one line, and a hint line where one helps.
    pub fn report(&self) {
        if self.code == ExitCode::Interrupted {
            return;
        }
        let mut text = format!("mobivate: error: {}\n", one_line(&self.message));
        if let Some(hint) = &self.hint {
            text.push_str(&format!("hint: {}\n", one_line(hint)));
        }
        // Nothing useful can be done if stderr itself is gone.
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// Keeps a message on one line: the contract is one line per error.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Makes text from a server safe to show on a terminal: control characters,
/// escape sequences and bidirectional overrides removed, length capped.
pub fn sanitize_server_text(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    let mut kept = 0;
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            skip_escape_sequence(&mut chars);
            continue;
        }
        if c.is_control() || is_bidi_control(c) {
            let is_break = c == '\n' || c == '\t' || c == '\r';
            if is_break && !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
            continue;
        }
        if kept == MAX_QUOTED_CHARS {
            out.push('…');
            break;
        }
        out.push(c);
        kept += 1;
    }
    out.trim().to_string()
}

/// Drops the rest of an ANSI escape sequence (CSI `ESC [ … final`, OSC
/// `ESC ] … BEL/ST`, or a two-byte escape), so no fragment like `[31m` is left.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => {
            for c in chars.by_ref() {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Some(']') | Some('P') | Some('_') | Some('^') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' && chars.peek() == Some(&'\\') {
                    chars.next();
                    break;
                }
            }
        }
        _ => {}
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        let hostile = "\u{1b}[31mInvalid\u{1b}[0m \u{1b}]0;pwned\u{7}Creds\u{7}\u{8}\r\n\u{202e}x";
        assert_eq!(sanitize_server_text(hostile), "Invalid Creds x");
    }

    #[test]
    fn long_messages_are_capped() {
        let long = "a".repeat(5000);
        let shown = sanitize_server_text(&long);
        assert_eq!(shown.chars().count(), MAX_QUOTED_CHARS + 1);
        assert!(shown.ends_with('…'));
    }

    #[test]
    fn messages_stay_on_one_line() {
        assert_eq!(one_line("a\nb\r\nc"), "a b c");
    }
}
