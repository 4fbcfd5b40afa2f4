//! The one printer of stderr: errors, warnings, notes, `-v` lines and the
//! lines for humans that are not the result. Every line but a `block`
//! (text the program composed itself) goes through the sanitiser, so that
//! none ever moves the cursor or forges a second line; none ever carries
//! the password or the key.

use crate::sanitize::sanitize_text;
use std::io::Write;

/// Writes text to stderr as it is. Nothing useful can be done if stderr
/// itself is gone.
fn write(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// `mobivate: error: …`, and `hint: …` where one helps.
pub fn error(message: &str, hint: Option<&str>) {
    let mut text = format!("mobivate: error: {}\n", sanitize_text(message));
    if let Some(hint) = hint {
        text.push_str(&format!("hint: {}\n", sanitize_text(hint)));
    }
    write(&text);
}

pub fn warn(message: &str) {
    write(&format!("mobivate: warning: {}\n", sanitize_text(message)));
}

/// `mobivate: …`: what the program did, neither a warning nor the result.
pub fn note(message: &str) {
    write(&format!("mobivate: {}\n", sanitize_text(message)));
}

/// A line for humans (not a warning, not the result), unprefixed.
pub fn say(line: &str) {
    write(&format!("{}\n", sanitize_text(line)));
}

/// Lines the program composed itself (a summary, a part count), as they are.
pub fn block(text: &str) {
    write(text);
}

/// `-v` output; silent unless verbose was asked for.
#[derive(Clone, Copy)]
pub struct Verbose(pub bool);

impl Verbose {
    pub fn say(self, message: impl FnOnce() -> String) {
        if self.0 {
            write(&format!("* {}\n", sanitize_text(&message())));
        }
    }
}

/// Lines written to stderr exactly as given, several at once: the bulk
/// summary and its progress line.
pub fn write_raw(text: &[u8]) {
    let _ = std::io::stderr().lock().write_all(text);
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
