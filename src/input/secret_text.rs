//! Reading one secret (a password or a key) from stdin or a file: to EOF,
//! capped, exactly one trailing newline stripped.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::capped::read_at_most;
use crate::input::prompt::{self, Interactivity};
use crate::secret::Secret;
use std::io::IsTerminal;
use zeroize::Zeroizing;

/// The longest password accepted, in bytes, not counting one trailing newline.
pub const MAX_PASSWORD_BYTES: usize = 4096;

/// Where a secret can come from without a prompt, for the error when stdin
/// is a terminal but prompting is forbidden.
pub struct NonInteractiveSources {
    /// The flag that reads stdin: `--password-stdin`, `--key-stdin`, …
    pub flag: &'static str,
    /// The other sources, for the hint.
    pub others: &'static str,
}

/// Everything on stdin up to the cap, or one hidden line when stdin is a
/// terminal (there is no EOF to wait for there); with where it came from.
/// A terminal on stdin when prompting is forbidden (`--no-input`, `CI`) is a
/// usage error at once: nobody is there to type, and waiting would hang.
pub fn read_stdin_secret(
    prompt: &str,
    what: &str,
    interactivity: &Interactivity,
    sources: &NonInteractiveSources,
) -> Result<(Zeroizing<Vec<u8>>, &'static str), Failure> {
    if let Some(reason) = interactivity.forbidden()
        && std::io::stdin().is_terminal()
    {
        return Err(Failure::new(
            ExitCode::Usage,
            format!(
                "{} would read the {what} from the terminal on stdin, and {reason}",
                sources.flag
            ),
        )
        .with_hint(format!(
            "pipe the {what} into {} (printf '%s' \"$SECRET\" | mobivate …), or use {}",
            sources.flag, sources.others
        )));
    }
    if let Some(typed) = prompt::read_hidden_stdin(prompt) {
        let typed = typed?;
        return Ok((
            Zeroizing::new(typed.expose().as_bytes().to_vec()),
            "the terminal",
        ));
    }
    // One byte past what could be accepted, so an endless input
    // (`yes | mobivate …`) cannot grow memory and the parser sees it is too long.
    let cap = MAX_PASSWORD_BYTES + "\r\n".len() + 1;
    let bytes = read_at_most(std::io::stdin().lock(), cap as u64).map_err(|error| {
        Failure::new(
            ExitCode::NoInput,
            format!("cannot read the {what} from stdin: {error}"),
        )
    })?;
    Ok((bytes, "stdin"))
}

/// Applies the password rules: strip exactly one trailing `\n` or `\r\n`, keep
/// everything else, reject empty, multi-line, oversized and non-UTF-8 input.
pub fn parse_password(raw: &[u8], source: &str) -> Result<Secret, Failure> {
    let password = raw
        .strip_suffix(b"\r\n")
        .or_else(|| raw.strip_suffix(b"\n"))
        .unwrap_or(raw);
    let unusable = |why: &str| {
        Failure::new(
            ExitCode::DataErr,
            format!("the password from {source} {why}"),
        )
    };
    if password.is_empty() {
        return Err(unusable("is empty"));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(unusable("is longer than 4 KiB (4096 bytes)"));
    }
    if password.contains(&b'\n') {
        return Err(unusable("has more than one line"));
    }
    let text = std::str::from_utf8(password).map_err(|_| unusable("is not valid UTF-8"))?;
    Ok(Secret::new(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(raw: &[u8]) -> Result<String, ExitCode> {
        parse_password(raw, "test")
            .map(|s| s.expose().to_string())
            .map_err(|f| f.code)
    }

    #[test]
    fn strips_exactly_one_newline() {
        assert_eq!(parsed(b"pw\n"), Ok("pw".into()));
        assert_eq!(parsed(b"pw\r\n"), Ok("pw".into()));
        assert_eq!(parsed(b"pw"), Ok("pw".into()));
        assert_eq!(parsed(b"pw\r"), Ok("pw\r".into()));
        assert_eq!(parsed(b"  pw  \n"), Ok("  pw  ".into()));
    }

    #[test]
    fn rejects_unusable_input() {
        assert_eq!(parsed(b""), Err(ExitCode::DataErr));
        assert_eq!(parsed(b"\n"), Err(ExitCode::DataErr));
        assert_eq!(parsed(b"pw\n\n"), Err(ExitCode::DataErr));
        assert_eq!(parsed(b"a\nb"), Err(ExitCode::DataErr));
        assert_eq!(parsed(&[0xff, 0xfe]), Err(ExitCode::DataErr));
        assert_eq!(
            parsed(&vec![b'a'; MAX_PASSWORD_BYTES + 1]),
            Err(ExitCode::DataErr)
        );
    }

    #[test]
    fn accepts_the_longest_password() {
        let mut raw = vec![b'a'; MAX_PASSWORD_BYTES];
        raw.push(b'\n');
        assert_eq!(parsed(&raw).map(|p| p.len()), Ok(MAX_PASSWORD_BYTES));
    }

    #[test]
    fn says_which_problem() {
        let empty = parse_password(b"\n", "stdin").unwrap_err();
        assert!(empty.message().contains("empty"), "{}", empty.message());
        let lines = parse_password(b"a\nb\n", "stdin").unwrap_err();
        assert!(
            lines.message().contains("more than one line"),
            "{}",
            lines.message()
        );
    }
}
