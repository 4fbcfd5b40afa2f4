//! Diagnostics on stderr that are not errors: warnings, and `-v` lines.
//! Neither ever carries the password or the key.

use crate::sanitize::sanitize_text;
use std::io::Write;

pub fn warn(message: &str) {
    let message = sanitize_text(message);
    let _ = writeln!(std::io::stderr().lock(), "mobivate: warning: {message}");
}

/// `-v` output; silent unless verbose was asked for.
#[derive(Clone, Copy)]
pub struct Verbose(pub bool);

impl Verbose {
    pub fn say(self, message: impl FnOnce() -> String) {
        if self.0 {
            let message = sanitize_text(&message());
            let _ = writeln!(std::io::stderr().lock(), "* {message}");
        }
    }
}

/// A line for the person at the terminal that is neither a warning nor an
/// error (`mobivate: reading the text from the terminal; ...`).
pub fn notice(message: &str) {
    let message = sanitize_text(message);
    let _ = writeln!(std::io::stderr().lock(), "mobivate: {message}");
}

/// `::add-mask::KEY`: asks GitHub Actions to hide the key in its logs. The
/// one line that carries the key to stderr, on purpose (see --no-mask).
pub fn github_mask(key: &crate::secret::Secret) {
    let _ = writeln!(std::io::stderr().lock(), "::add-mask::{}", key.expose());
}
