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

/// Lines written to stderr exactly as given, several at once: the bulk
/// summary and its progress line.
pub fn write_raw(text: &[u8]) {
    let _ = std::io::stderr().lock().write_all(text);
}
