//! The one error type every command fails with, and the one place errors are
//! reported: `mobivate: error: …` plus an optional `hint: …` line on stderr,
//! through `report`.

use crate::exit::ExitCode;
use std::fmt;

#[derive(Clone, Debug)]
pub struct Failure {
    pub code: ExitCode,
    message: String,
    hint: Option<String>,
    /// The request may have reached the server and been acted on, although
    /// no answer says so (a reset, a read timeout, a 5xx).
    outcome_unknown: bool,
}

impl Failure {
    pub fn new(code: ExitCode, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
            hint: None,
            outcome_unknown: false,
        }
    }

    /// Marks a failure after which the request may have been carried out.
    pub fn with_unknown_outcome(mut self) -> Self {
        self.outcome_unknown = true;
        self
    }

    pub fn is_outcome_unknown(&self) -> bool {
        self.outcome_unknown
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Puts `first` at the start of the hint, unless the hint starts so.
    pub fn with_hint_first(mut self, first: &str) -> Self {
        self.hint = Some(match self.hint.take() {
            Some(hint) if hint.starts_with(first) => hint,
            Some(hint) => format!("{first}; {hint}"),
            None => first.to_string(),
        });
        self
    }

    #[cfg(test)]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Ctrl-C: the shell already shows `^C`, so nothing more is printed.
    pub fn interrupted() -> Self {
        Failure::new(ExitCode::Interrupted, "")
    }

    /// SIGTERM after a graceful stop: the warning already said what happened.
    pub fn terminated() -> Self {
        Failure::new(ExitCode::Terminated, "")
    }

    /// Prints the error to stderr: one line, and a hint line where one helps.
    pub fn report(&self) {
        if self.code == ExitCode::Interrupted || self.code == ExitCode::Terminated {
            return;
        }
        crate::report::error(&self.message, self.hint.as_deref());
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

#[cfg(test)]
mod tests {
    use crate::sanitize::sanitize_text;

    #[test]
    fn messages_stay_on_one_line() {
        assert_eq!(sanitize_text("a\nb\r\nc"), "a b c");
    }
}
