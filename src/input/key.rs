//! Where the API key comes from, for every command that needs one. First
//! found wins: `--key-stdin`, `MOBIVATE_API_KEY`, the stored key of the
//! profile in use (`mobivate auth login`), a hidden `API key: ` prompt when
//! interactive; otherwise exit 64 naming them.

use crate::config::profile::Profiles;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::prompt::{self as terminal, Interactivity};
use crate::input::secret_text::{NonInteractiveSources, parse_password, read_stdin_secret};
use crate::secret::Secret;
use zeroize::Zeroizing;

/// The API key: `--key-stdin`, then `MOBIVATE_API_KEY`, then the profile's
/// stored key, then a hidden prompt when interactive.
pub fn resolve_key(
    from_stdin: bool,
    interactivity: &Interactivity,
    profiles: &Profiles,
) -> Result<Secret, Failure> {
    let (raw, source) = if from_stdin {
        let sources = NonInteractiveSources {
            flag: "--key-stdin",
            others: "MOBIVATE_API_KEY",
        };
        read_stdin_secret("API key: ", "key", interactivity, &sources)?
    } else if let Some(value) = crate::env::var_os("MOBIVATE_API_KEY") {
        if value.is_empty() {
            return Err(Failure::new(
                ExitCode::DataErr,
                "the environment variable MOBIVATE_API_KEY is empty",
            )
            .with_hint("did an earlier command fail? In a script, `KEY=$(mobivate getkey) || exit` stops there, before `export MOBIVATE_API_KEY=$KEY`"));
        }
        (
            Zeroizing::new(value.into_encoded_bytes()),
            "MOBIVATE_API_KEY",
        )
    } else if let Some((stored, _)) = profiles.stored_key()? {
        (
            Zeroizing::new(stored.expose().as_bytes().to_vec()),
            "the profile's stored key",
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
        .with_hint(
            "use --key-stdin or MOBIVATE_API_KEY, or store one with `mobivate auth login`",
        ));
    };
    parse_key(&raw, source)
}

/// Applies the key rules to raw input: one trailing newline stripped, a
/// single line of up to 1024 printable ASCII characters; otherwise exit 65.
pub fn parse_key(raw: &[u8], source: &str) -> Result<Secret, Failure> {
    let key = parse_password(raw, source).map_err(|_| {
        Failure::new(
            ExitCode::DataErr,
            format!("the API key from {source} is empty or not a single line"),
        )
    })?;
    crate::output::key::check_key(&key).map_err(|_| {
        Failure::new(
            ExitCode::DataErr,
            format!("the API key from {source} is not a key: expected up to 1024 printable ASCII characters"),
        )
    })?;
    Ok(key)
}
