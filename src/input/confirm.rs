//! The y/N question before something that cannot be undone.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::prompt::{self, Interactivity};

/// Asks `question` (ending in `[y/N] `) on the terminal: `y` or `yes`, in
/// any case, goes on; anything else is `declined`.
pub fn ask(question: &str, declined: impl FnOnce() -> Failure) -> Result<(), Failure> {
    let answer = prompt::prompt_visible(question)?;
    if is_yes(&answer) {
        Ok(())
    } else {
        Err(declined())
    }
}

fn is_yes(answer: &str) -> bool {
    matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}

/// Without `--yes`, the question needs a terminal: otherwise exit 64,
/// saying why there is none (`{reason}` in `message` is replaced by it).
pub fn need_yes_or_terminal(
    interactivity: &Interactivity,
    message: &str,
    hint: &str,
) -> Result<(), Failure> {
    if interactivity.is_interactive() {
        return Ok(());
    }
    Err(Failure::new(
        ExitCode::Usage,
        message.replace("{reason}", interactivity.reason()),
    )
    .with_hint(hint))
}

/// The refusal after a `no`: nothing was done (64).
pub fn cancelled(what: &str) -> Failure {
    Failure::new(ExitCode::Usage, format!("cancelled: {what}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_y_or_yes_goes_on() {
        for yes in ["y", "Y", "yes", " YES\n", "Yes"] {
            assert!(is_yes(yes), "{yes:?}");
        }
        for no in ["", "n", "no", "yess", "y e s", "1"] {
            assert!(!is_yes(no), "{no:?}");
        }
    }
}
