//! Reading the environment: a variable that is set but cannot be decoded is
//! an error naming it, never silently treated as unset.

use crate::error::Failure;
use crate::exit::ExitCode;

/// Every variable read as text (the secrets, `MOBIVATE_PASSWORD` and
/// `MOBIVATE_API_KEY`, are read as bytes where they are used and checked there).
pub const READ_AS_TEXT: &[&str] = &[
    "MOBIVATE_USERNAME",
    "MOBIVATE_BASE_URL",
    "MOBIVATE_PROFILE",
    "MOBIVATE_FROM",
    "MOBIVATE_ROUTE",
    "CI",
    "GITHUB_ACTIONS",
    "https_proxy",
    "HTTPS_PROXY",
    "http_proxy",
    "HTTP_PROXY",
    "all_proxy",
    "ALL_PROXY",
    "no_proxy",
    "NO_PROXY",
];

/// The variable's value; `None` when unset. Not valid UTF-8: exit 78, naming it.
pub fn text(name: &str) -> Result<Option<String>, Failure> {
    text_or(name, ExitCode::Config)
}

/// As `text`, with the exit status to use for a value that cannot be decoded.
pub fn text_or(name: &str, code: ExitCode) -> Result<Option<String>, Failure> {
    match std::env::var(name) {
        Ok(value) => Ok(Some(value)),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(Failure::new(
            code,
            format!("the environment variable {name} is not valid UTF-8"),
        )
        .with_hint(format!("fix or unset {name}"))),
    }
}

/// Fails on the first variable in `READ_AS_TEXT` that cannot be decoded, so
/// no later reader can mistake it for unset.
pub fn check_decodable() -> Result<(), Failure> {
    for name in READ_AS_TEXT {
        let code = if *name == "MOBIVATE_USERNAME" {
            ExitCode::Usage
        } else {
            ExitCode::Config
        };
        text_or(name, code)?;
    }
    Ok(())
}
