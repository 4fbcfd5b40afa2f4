//! Reading the environment: a variable that is set but cannot be decoded is
//! an error naming it, never silently treated as unset.
//!
//! Every variable the program reads is read here, from one snapshot taken
//! on first use (the `Context` takes it before a command runs), so that no
//! two readers can see different values and the list below is complete.

use crate::error::Failure;
use crate::exit::ExitCode;
use std::ffi::OsString;
use std::sync::OnceLock;

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
];

/// The proxy variables, in the order `net::proxy` reads them; read as text.
pub const PROXY: &[&str] = &[
    "https_proxy",
    "HTTPS_PROXY",
    "http_proxy",
    "HTTP_PROXY",
    "all_proxy",
    "ALL_PROXY",
    "no_proxy",
    "NO_PROXY",
];

/// Every variable the program reads: those above, the secrets, and those
/// read as paths or raw bytes where they are used.
const READ_RAW: &[&str] = &[
    "MOBIVATE_PASSWORD",
    "MOBIVATE_API_KEY",
    "MOBIVATE_CONFIG_DIR",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "TZ",
    "COLUMNS",
];

/// The environment as the program saw it, once.
pub struct Snapshot {
    vars: Vec<(&'static str, Option<OsString>)>,
}

impl Snapshot {
    fn capture() -> Snapshot {
        let vars = READ_AS_TEXT
            .iter()
            .chain(PROXY)
            .chain(READ_RAW)
            .map(|&name| (name, std::env::var_os(name)))
            .collect();
        Snapshot { vars }
    }

    /// The raw value; `None` when unset.
    pub fn var_os(&self, name: &str) -> Option<OsString> {
        match self.vars.iter().find(|(known, _)| *known == name) {
            Some((_, value)) => value.clone(),
            None => {
                debug_assert!(false, "{name} is read but not listed in env.rs");
                std::env::var_os(name)
            }
        }
    }
}

/// The snapshot, taken on first use.
pub fn snapshot() -> &'static Snapshot {
    static SNAPSHOT: OnceLock<Snapshot> = OnceLock::new();
    SNAPSHOT.get_or_init(Snapshot::capture)
}

/// The raw value of a variable; `None` when unset.
pub fn var_os(name: &str) -> Option<OsString> {
    snapshot().var_os(name)
}

/// The variable's value; `None` when unset. Not valid UTF-8: exit 78, naming it.
pub fn text(name: &str) -> Result<Option<String>, Failure> {
    text_or(name, ExitCode::Config)
}

/// As `text`, with the exit status to use for a value that cannot be decoded.
pub fn text_or(name: &str, code: ExitCode) -> Result<Option<String>, Failure> {
    match var_os(name).map(OsString::into_string) {
        Some(Ok(value)) => Ok(Some(value)),
        None => Ok(None),
        Some(Err(_)) => Err(Failure::new(
            code,
            format!("the environment variable {name} is not valid UTF-8"),
        )
        .with_hint(format!("fix or unset {name}"))),
    }
}

/// Fails on the first variable in `READ_AS_TEXT` that cannot be decoded, so
/// no later reader can mistake it for unset.
pub fn check_decodable() -> Result<(), Failure> {
    for name in READ_AS_TEXT.iter().chain(PROXY) {
        let code = if *name == "MOBIVATE_USERNAME" {
            ExitCode::Usage
        } else {
            ExitCode::Config
        };
        text_or(name, code)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variable_is_listed_once() {
        let mut names: Vec<&str> = READ_AS_TEXT
            .iter()
            .chain(PROXY)
            .chain(READ_RAW)
            .copied()
            .collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count);
    }

    #[test]
    fn the_snapshot_is_taken_once() {
        assert!(std::ptr::eq(snapshot(), snapshot()));
        assert_eq!(
            snapshot().var_os("MOBIVATE_API_KEY"),
            std::env::var_os("MOBIVATE_API_KEY")
        );
    }
}
