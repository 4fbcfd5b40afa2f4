//! Whether we may prompt, and the prompts themselves, on the terminal that
//! `platform::terminal` opens.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::platform::terminal::{self, Terminal};
use crate::secret::Secret;
use std::cell::OnceCell;
use std::io::ErrorKind;

/// Whether prompting is allowed, and if not, why: the reason goes into the
/// error message so a CI log says what to change. Decided on first use, so a
/// run that never needs a prompt never touches the terminal.
pub struct Interactivity {
    no_input: bool,
    /// `None` when interactive, else the reason it is not.
    verdict: OnceCell<Option<&'static str>>,
}

impl Interactivity {
    pub fn new(no_input: bool) -> Self {
        Interactivity {
            no_input,
            verdict: OnceCell::new(),
        }
    }

    /// Whether `--no-input` was given.
    pub fn no_input(&self) -> bool {
        self.no_input
    }

    /// Interactive means: a controlling terminal opens, `--no-input` was not
    /// given, and `CI` is unset, empty, `false` or `0`.
    fn verdict(&self) -> Option<&'static str> {
        *self.verdict.get_or_init(|| {
            if self.no_input {
                Some("--no-input was given")
            } else if ci_is_set() {
                Some("CI is set")
            } else if terminal::open_controlling().is_err() {
                Some("there is no terminal to prompt on")
            } else {
                None
            }
        })
    }

    /// Why prompting was forbidden (`--no-input`, or `CI`), if it was:
    /// unlike `reason`, a missing terminal does not count.
    pub fn forbidden(&self) -> Option<&'static str> {
        if self.no_input {
            Some("--no-input was given")
        } else if ci_is_set() {
            Some("CI is set")
        } else {
            None
        }
    }

    pub fn is_interactive(&self) -> bool {
        self.verdict().is_none()
    }

    pub fn reason(&self) -> &'static str {
        self.verdict().unwrap_or("a terminal is available")
    }
}

fn ci_is_set() -> bool {
    match crate::env::var_os("CI") {
        None => false,
        Some(value) => {
            let value = value.to_string_lossy();
            let value = value.trim();
            !(value.is_empty() || value == "0" || value.eq_ignore_ascii_case("false"))
        }
    }
}

fn tty_failure(error: std::io::Error) -> Failure {
    if error.kind() == ErrorKind::Interrupted {
        return Failure::interrupted();
    }
    Failure::new(ExitCode::Usage, format!("cannot use the terminal: {error}"))
        .with_hint("pass the input with a flag or an environment variable instead")
}

/// Asks for a line of visible text on the controlling terminal.
pub fn prompt_visible(prompt: &str) -> Result<String, Failure> {
    let tty = terminal::open_controlling().map_err(tty_failure)?;
    tty.read_visible(prompt).map_err(tty_failure)
}

/// Asks for a hidden line on the controlling terminal.
pub fn prompt_hidden(prompt: &str) -> Result<Secret, Failure> {
    let tty = terminal::open_controlling().map_err(tty_failure)?;
    read_hidden(&tty, prompt)
}

/// Reads one hidden line from stdin when stdin is a terminal; `None` otherwise.
pub fn read_hidden_stdin(prompt: &str) -> Option<Result<Secret, Failure>> {
    let opened = terminal::open_stdin()?;
    Some(
        opened
            .map_err(tty_failure)
            .and_then(|tty| read_hidden(&tty, prompt)),
    )
}

fn read_hidden(terminal: &Terminal, prompt: &str) -> Result<Secret, Failure> {
    terminal
        .read_hidden(prompt)
        .map(Secret::new)
        .map_err(tty_failure)
}
