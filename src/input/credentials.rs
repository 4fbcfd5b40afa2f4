//! Where the username and password come from, in the documented order, and
//! the rules for reading a password from stdin or a file.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::capped::read_capped_file;
use crate::input::prompt::{self as terminal, Interactivity};
use crate::input::secret_text::{
    MAX_PASSWORD_BYTES, NonInteractiveSources, parse_password, read_stdin_secret,
};
use crate::platform;
use crate::secret::Secret;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// Where the username and password may come from: `-u`, `--password-file`
/// and `--password-stdin` as plain values.
#[derive(Clone, Debug, Default)]
pub struct CredentialSources {
    pub username: Option<String>,
    pub password_file: Option<PathBuf>,
    pub password_stdin: bool,
}

pub struct Credentials {
    pub username: String,
    pub password: Secret,
}

pub fn resolve(
    args: &CredentialSources,
    interactivity: &Interactivity,
) -> Result<Credentials, Failure> {
    resolve_confirmed(args, interactivity, |_| Ok(()))
}

/// As `resolve`, with a confirmation asked once the username is known and
/// before the password is read, so a user who declines never types it.
pub fn resolve_confirmed(
    args: &CredentialSources,
    interactivity: &Interactivity,
    confirm: impl FnOnce(&str) -> Result<(), Failure>,
) -> Result<Credentials, Failure> {
    let username = resolve_username(args, interactivity)?;
    confirm(&username)?;
    let password = resolve_password(args, &username, interactivity)?;
    Ok(Credentials { username, password })
}

fn resolve_username(
    args: &CredentialSources,
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
    check_username(username)
}

/// A username given with `-u` or `MOBIVATE_USERNAME`, if any, checked as
/// every username is (`auth login --with-key`, which needs none).
pub fn given_username(args: &CredentialSources) -> Result<Option<String>, Failure> {
    let username = match &args.username {
        Some(username) => username.clone(),
        None => match non_empty_env("MOBIVATE_USERNAME")? {
            Some(username) => username,
            None => return Ok(None),
        },
    };
    check_username(username).map(Some)
}

/// The one check of a username: not empty, no control characters.
fn check_username(username: String) -> Result<String, Failure> {
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
    Ok(crate::env::text_or(name, ExitCode::Usage)?.filter(|value| !value.is_empty()))
}

fn resolve_password(
    args: &CredentialSources,
    username: &str,
    interactivity: &Interactivity,
) -> Result<Secret, Failure> {
    let prompt = format!("Password for {username}: ");
    match &args.password_file {
        Some(path) if path.as_os_str() == "-" => {
            return read_password_stdin(&prompt, interactivity, "--password-file -");
        }
        Some(path) => return read_password_file(path),
        None => {}
    }
    if args.password_stdin {
        return read_password_stdin(&prompt, interactivity, "--password-stdin");
    }
    if let Some(value) = crate::env::var_os("MOBIVATE_PASSWORD") {
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

fn read_password_stdin(
    prompt: &str,
    interactivity: &Interactivity,
    flag: &'static str,
) -> Result<Secret, Failure> {
    let sources = NonInteractiveSources {
        flag,
        others: "--password-file PATH or MOBIVATE_PASSWORD",
    };
    let (raw, source) = read_stdin_secret(prompt, "password", interactivity, &sources)?;
    parse_password(&raw, source)
}

fn read_password_file(path: &Path) -> Result<Secret, Failure> {
    let shown = path.display();
    let unreadable = |error: std::io::Error| {
        Failure::new(
            ExitCode::NoInput,
            format!("cannot read password file {shown}: {error}"),
        )
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if metadata.is_dir() {
        return Err(Failure::new(
            ExitCode::NoInput,
            format!("cannot read password file {shown}: it is a directory"),
        ));
    }
    if let Some(mode) = platform::fs::readable_by_others(&metadata) {
        crate::report::warn(&format!(
            "password file {shown} can be read by group or others (mode {mode:04o}); run: chmod 600 {shown}"
        ));
    }
    // Room for the longest password and its line ending.
    let cap = (MAX_PASSWORD_BYTES + "\r\n".len()) as u64;
    let bytes = match read_capped_file(path, cap) {
        Err(error) if error.kind() == std::io::ErrorKind::FileTooLarge => {
            return Err(Failure::new(
                ExitCode::DataErr,
                format!(
                    "the password from password file {shown} is longer than 4 KiB (4096 bytes)"
                ),
            ));
        }
        other => other.map_err(unreadable)?,
    };
    parse_password(&bytes, &format!("password file {shown}"))
}
