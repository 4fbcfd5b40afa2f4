//! Where the username and password come from, in the documented order, and
//! the rules for reading a password from stdin or a file.

use crate::cli::CredentialArgs;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::secret::Secret;
use crate::terminal::{self, Interactivity};
use std::fs::File;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::Path;
use zeroize::Zeroizing;

/// The longest password accepted, in bytes, not counting one trailing newline.
pub const MAX_PASSWORD_BYTES: usize = 4096;

pub struct Credentials {
    pub username: String,
    pub password: Secret,
}

pub fn resolve(
    args: &CredentialArgs,
    interactivity: &Interactivity,
) -> Result<Credentials, Failure> {
    resolve_confirmed(args, interactivity, |_| Ok(()))
}

/// As `resolve`, with a confirmation asked once the username is known and
/// before the password is read, so a user who declines never types it.
pub fn resolve_confirmed(
    args: &CredentialArgs,
    interactivity: &Interactivity,
    confirm: impl FnOnce(&str) -> Result<(), Failure>,
) -> Result<Credentials, Failure> {
    let username = resolve_username(args, interactivity)?;
    confirm(&username)?;
    let password = resolve_password(args, &username, interactivity)?;
    Ok(Credentials { username, password })
}

/// The key for `testkey`: `--key-stdin`, then `MOBIVATE_API_KEY`, then a
/// hidden prompt when interactive.
pub fn resolve_key(from_stdin: bool, interactivity: &Interactivity) -> Result<Secret, Failure> {
    let (raw, source) = if from_stdin {
        read_stdin_secret("API key: ", "key")?
    } else if let Some(value) = std::env::var_os("MOBIVATE_API_KEY") {
        (
            Zeroizing::new(value.into_encoded_bytes()),
            "MOBIVATE_API_KEY",
        )
    } else if interactivity.is_interactive() {
        let typed = terminal::prompt_hidden("API key: ")?;
        (
            Zeroizing::new(typed.expose().as_bytes().to_vec()),
            "the prompt",
        )
    } else {
        return Err(Failure::new(
            ExitCode::Usage,
            format!("no API key given, and {}", interactivity.reason()),
        )
        .with_hint("use --key-stdin or MOBIVATE_API_KEY"));
    };
    let key = parse_password(&raw, source).map_err(|_| {
        Failure::new(
            ExitCode::DataErr,
            format!("the API key from {source} is empty or not a single line"),
        )
    })?;
    crate::output::check_key(&key).map_err(|_| {
        Failure::new(
            ExitCode::DataErr,
            format!("the API key from {source} is not a key: expected up to 1024 printable ASCII characters"),
        )
    })?;
    Ok(key)
}

fn resolve_username(
    args: &CredentialArgs,
    interactivity: &Interactivity,
) -> Result<String, Failure> {
    let username = if let Some(username) = &args.username {
        username.clone()
    } else if let Some(username) = non_empty_env("MOBIVATE_USERNAME")? {
        username
    } else if interactivity.is_interactive() {
        terminal::prompt_visible("Username: ")?
    } else {
        return Err(Failure::new(
            ExitCode::Usage,
            format!("no username given, and {}", interactivity.reason()),
        )
        .with_hint("pass -u/--username or set MOBIVATE_USERNAME"));
    };
    if username.is_empty() {
        return Err(Failure::new(ExitCode::Usage, "the username is empty")
            .with_hint("pass -u/--username or set MOBIVATE_USERNAME"));
    }
    if username.chars().any(char::is_control) {
        return Err(Failure::new(
            ExitCode::Usage,
            "the username contains control characters",
        ));
    }
    Ok(username)
}

fn non_empty_env(name: &str) -> Result<Option<String>, Failure> {
    match std::env::var(name) {
        Ok(value) if value.is_empty() => Ok(None),
        Ok(value) => Ok(Some(value)),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(Failure::new(
            ExitCode::Usage,
            format!("{name} is not valid UTF-8"),
        )),
    }
}

fn resolve_password(
    args: &CredentialArgs,
    username: &str,
    interactivity: &Interactivity,
) -> Result<Secret, Failure> {
    let prompt = format!("Password for {username}: ");
    match &args.password_file {
        Some(path) if path.as_os_str() == "-" => return read_password_stdin(&prompt),
        Some(path) => return read_password_file(path),
        None => {}
    }
    if args.password_stdin {
        return read_password_stdin(&prompt);
    }
    if let Some(value) = std::env::var_os("MOBIVATE_PASSWORD") {
        let bytes = Zeroizing::new(value.into_encoded_bytes());
        return parse_password(&bytes, "MOBIVATE_PASSWORD");
    }
    if interactivity.is_interactive() {
        let typed = terminal::prompt_hidden(&prompt)?;
        return parse_password(typed.expose().as_bytes(), "the prompt");
    }
    Err(Failure::new(
        ExitCode::Usage,
        format!("no password given, and {}", interactivity.reason()),
    )
    .with_hint("use --password-stdin, --password-file PATH or MOBIVATE_PASSWORD"))
}

fn read_password_stdin(prompt: &str) -> Result<Secret, Failure> {
    let (raw, source) = read_stdin_secret(prompt, "password")?;
    parse_password(&raw, source)
}

/// Everything on stdin up to the cap, or one hidden line when stdin is a
/// terminal (there is no EOF to wait for there); with where it came from.
fn read_stdin_secret(
    prompt: &str,
    what: &str,
) -> Result<(Zeroizing<Vec<u8>>, &'static str), Failure> {
    if let Some(typed) = terminal::read_hidden_stdin(prompt) {
        let typed = typed?;
        return Ok((
            Zeroizing::new(typed.expose().as_bytes().to_vec()),
            "the terminal",
        ));
    }
    let bytes = read_capped(std::io::stdin().lock()).map_err(|error| {
        Failure::new(
            ExitCode::NoInput,
            format!("cannot read the {what} from stdin: {error}"),
        )
    })?;
    Ok((bytes, "stdin"))
}

fn read_password_file(path: &Path) -> Result<Secret, Failure> {
    let shown = path.display();
    let unreadable = |error: std::io::Error| {
        Failure::new(
            ExitCode::NoInput,
            format!("cannot read password file {shown}: {error}"),
        )
    };
    let file = File::open(path).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    if metadata.is_dir() {
        return Err(Failure::new(
            ExitCode::NoInput,
            format!("cannot read password file {shown}: it is a directory"),
        ));
    }
    let kind = metadata.file_type();
    let is_pipe = kind.is_fifo() || kind.is_socket() || kind.is_char_device();
    if !is_pipe && metadata.mode() & 0o044 != 0 {
        crate::report::warn(&format!(
            "password file {shown} can be read by group or others (mode {:04o}); run: chmod 600 {shown}",
            metadata.mode() & 0o7777
        ));
    }
    let bytes = read_capped(file).map_err(unreadable)?;
    parse_password(&bytes, &format!("password file {shown}"))
}

/// Reads to EOF, but never more than one byte past what could be accepted,
/// so an endless input (`yes | mobivate …`) cannot grow memory.
fn read_capped(reader: impl Read) -> std::io::Result<Zeroizing<Vec<u8>>> {
    let mut bytes = Zeroizing::new(Vec::with_capacity(256));
    let cap = MAX_PASSWORD_BYTES + "\r\n".len() + 1;
    reader.take(cap as u64).read_to_end(&mut bytes)?;
    Ok(bytes)
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
