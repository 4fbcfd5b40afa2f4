//! The text of a message: from an argument, a file or stdin, read to EOF and
//! capped, with one trailing newline stripped.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::capped::{read_capped, read_capped_file};
use crate::platform;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The longest text accepted, in bytes, not counting one trailing newline.
pub use crate::sms::message::MAX_TEXT_BYTES;
use crate::sms::message::{self, TextProblem};

/// Where the text comes from.
pub enum TextSource<'a> {
    Argument(&'a str),
    Stdin,
    File(&'a Path),
}

impl<'a> TextSource<'a> {
    /// The source named by a TEXT argument (`-` is stdin) and `--text-file`;
    /// `None` when neither was given. clap keeps the two from both being set.
    pub fn from_args(text: Option<&'a str>, file: Option<&'a PathBuf>) -> Option<Self> {
        match (text, file) {
            (_, Some(path)) if path.as_os_str() == "-" => Some(TextSource::Stdin),
            (_, Some(path)) => Some(TextSource::File(path)),
            (Some("-"), None) => Some(TextSource::Stdin),
            (Some(text), None) => Some(TextSource::Argument(text)),
            (None, None) => None,
        }
    }

    pub fn is_stdin(&self) -> bool {
        matches!(self, TextSource::Stdin)
    }
}

/// Reads the text and applies the rules: at most 64 KiB, UTF-8, one trailing
/// `\n` or `\r\n` removed, not empty.
pub fn read_text(source: &TextSource) -> Result<String, Failure> {
    let (read, from) = match source {
        TextSource::Argument(text) => {
            let from = "the TEXT argument".to_string();
            return parse_text(text.as_bytes().to_vec(), &from);
        }
        TextSource::Stdin => {
            if std::io::stdin().is_terminal() {
                // Reading to EOF from a terminal looks like a hang without this.
                crate::report::notice(&format!(
                    "reading the text from the terminal; end it with {}",
                    platform::terminal::END_OF_INPUT
                ));
            }
            let read = read_capped(std::io::stdin().lock(), CAP);
            (read, "stdin".to_string())
        }
        TextSource::File(path) => (read_capped_file(path, CAP), path.display().to_string()),
    };
    match read {
        Ok(raw) => parse_text(raw.to_vec(), &from),
        // Past the cap: too long (65), not unreadable.
        Err(error) if error.kind() == std::io::ErrorKind::FileTooLarge => Err(Failure::new(
            ExitCode::DataErr,
            format!("the text from {from} {}", TextProblem::TooLong),
        )),
        Err(error) => Err(Failure::new(
            ExitCode::NoInput,
            match source {
                TextSource::Stdin => format!("cannot read the text from stdin: {error}"),
                _ => format!("cannot read the text file {from}: {error}"),
            },
        )),
    }
}

/// The most bytes a text source is read for, through the one capped reader
/// (`input::capped`): the cap and a trailing `\r\n`.
const CAP: u64 = (MAX_TEXT_BYTES + "\r\n".len()) as u64;

fn parse_text(mut raw: Vec<u8>, from: &str) -> Result<String, Failure> {
    if raw.ends_with(b"\r\n") {
        raw.truncate(raw.len() - 2);
    } else if raw.ends_with(b"\n") {
        raw.truncate(raw.len() - 1);
    }
    let unusable =
        |why: &str| Failure::new(ExitCode::DataErr, format!("the text from {from} {why}"));
    if raw.len() > MAX_TEXT_BYTES {
        return Err(unusable(&TextProblem::TooLong.to_string()));
    }
    let text = String::from_utf8(raw).map_err(|_| unusable("is not valid UTF-8"))?;
    // The same check as every bulk row's.
    message::text(&text)
        .map_err(|problem| unusable(&problem.to_string()).with_hint("nothing was sent"))?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(raw: &[u8]) -> Result<String, ExitCode> {
        parse_text(raw.to_vec(), "test").map_err(|f| f.code)
    }

    #[test]
    fn strips_exactly_one_trailing_newline() {
        assert_eq!(parsed(b"hi\n"), Ok("hi".into()));
        assert_eq!(parsed(b"hi\r\n"), Ok("hi".into()));
        assert_eq!(parsed(b"hi\n\n"), Ok("hi\n".into()));
        assert_eq!(parsed(b"a\nb\n"), Ok("a\nb".into()));
        assert_eq!(parsed(b" hi "), Ok(" hi ".into()));
    }

    #[test]
    fn refuses_empty_oversized_and_binary_text() {
        assert_eq!(parsed(b""), Err(ExitCode::DataErr));
        assert_eq!(parsed(b"\n"), Err(ExitCode::DataErr));
        assert_eq!(parsed(&[0xff, 0xfe]), Err(ExitCode::DataErr));
        assert_eq!(
            parsed(&vec![b'a'; MAX_TEXT_BYTES + 1]),
            Err(ExitCode::DataErr)
        );
        let mut longest = vec![b'a'; MAX_TEXT_BYTES];
        longest.push(b'\n');
        assert_eq!(parsed(&longest).map(|t| t.len()), Ok(MAX_TEXT_BYTES));
    }

    #[test]
    fn sources() {
        let file = PathBuf::from("t.txt");
        let dash = PathBuf::from("-");
        assert!(TextSource::from_args(Some("-"), None).unwrap().is_stdin());
        assert!(TextSource::from_args(None, Some(&dash)).unwrap().is_stdin());
        assert!(matches!(
            TextSource::from_args(None, Some(&file)),
            Some(TextSource::File(_))
        ));
        assert!(matches!(
            TextSource::from_args(Some("hi"), None),
            Some(TextSource::Argument("hi"))
        ));
        assert!(TextSource::from_args(None, None).is_none());
    }
}
