//! The controlling terminal: whether we may prompt, the prompts themselves,
//! and Ctrl-C handling that always leaves the terminal as it was found.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::secret::Secret;
use std::cell::OnceCell;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, ErrorKind, IsTerminal, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::sync::{Mutex, Once};

const TTY_PATH: &str = "/dev/tty";

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

    /// Interactive means: a controlling terminal opens, `--no-input` was not
    /// given, and `CI` is unset, empty, `false` or `0`.
    fn verdict(&self) -> Option<&'static str> {
        *self.verdict.get_or_init(|| {
            if self.no_input {
                Some("--no-input was given")
            } else if ci_is_set() {
                Some("CI is set")
            } else if open_tty().is_err() {
                Some("there is no terminal to prompt on")
            } else {
                None
            }
        })
    }

    pub fn is_interactive(&self) -> bool {
        self.verdict().is_none()
    }

    pub fn reason(&self) -> &'static str {
        self.verdict().unwrap_or("a terminal is available")
    }
}

fn ci_is_set() -> bool {
    match std::env::var_os("CI") {
        None => false,
        Some(value) => {
            let value = value.to_string_lossy();
            let value = value.trim();
            !(value.is_empty() || value == "0" || value.eq_ignore_ascii_case("false"))
        }
    }
}

fn open_tty() -> std::io::Result<File> {
    OpenOptions::new().read(true).write(true).open(TTY_PATH)
}

fn tty_failure(error: std::io::Error) -> Failure {
    Failure::new(ExitCode::Usage, format!("cannot use the terminal: {error}"))
        .with_hint("pass the input with a flag or an environment variable instead")
}

/// Asks for a line of visible text on the controlling terminal.
pub fn prompt_visible(prompt: &str) -> Result<String, Failure> {
    let tty = open_tty().map_err(tty_failure)?;
    let _guard = InterruptGuard::new(&tty, PromptKind::Visible);
    (&tty).write_all(prompt.as_bytes()).map_err(tty_failure)?;
    let mut line = String::new();
    BufReader::new(&tty)
        .read_line(&mut line)
        .map_err(tty_failure)?;
    if line.is_empty() {
        // Ctrl-D: move off the prompt line before any error is printed.
        let _ = (&tty).write_all(b"\n");
    }
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

/// Asks for a hidden line on the controlling terminal.
pub fn prompt_hidden(prompt: &str) -> Result<Secret, Failure> {
    let tty = open_tty().map_err(tty_failure)?;
    read_hidden_line(&tty, TTY_PATH, prompt)
}

/// Reads one hidden line from stdin when stdin is a terminal; `None` otherwise.
pub fn read_hidden_stdin(prompt: &str) -> Option<Result<Secret, Failure>> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return None;
    }
    let file = match OpenOptions::new().read(true).write(true).open("/dev/stdin") {
        Ok(file) => file,
        Err(error) => return Some(Err(tty_failure(error))),
    };
    Some(read_hidden_line(&file, "/dev/stdin", prompt))
}

fn read_hidden_line(terminal: &File, path: &str, prompt: &str) -> Result<Secret, Failure> {
    let _guard = InterruptGuard::new(terminal, PromptKind::Hidden);
    let config = rpassword::ConfigBuilder::new()
        .input_file_path(path)
        .output_file_path(path)
        .build();
    match rpassword::prompt_password_with_config(prompt, config) {
        Ok(line) => Ok(Secret::new(line)),
        Err(error) if error.kind() == ErrorKind::Interrupted => Err(Failure::interrupted()),
        // Ctrl-D on an empty line: no input, treated as an empty answer.
        Err(error) if error.kind() == ErrorKind::UnexpectedEof => {
            let _ = (&*terminal).write_all(b"\n");
            Ok(Secret::new(String::new()))
        }
        Err(error) => Err(tty_failure(error)),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum PromptKind {
    Visible,
    Hidden,
}

/// The terminal state to put back if Ctrl-C arrives while a prompt is open.
struct SavedTerminal {
    fd: RawFd,
    settings: libc::termios,
    kind: PromptKind,
}

// SAFETY of the design: the fd stays open for as long as the guard that
// stored it lives, and the guard clears the slot before the fd is closed.
static SAVED: Mutex<Option<SavedTerminal>> = Mutex::new(None);
static INSTALL: Once = Once::new();

/// While alive, Ctrl-C restores the terminal's saved settings and exits 130.
///
/// rpassword turns off ISIG and, on Ctrl-C, raises SIGINT before it restores
/// echo; with the default action the process would die with echo off. Our
/// handler runs instead: it puts the settings back itself, then exits 130.
struct InterruptGuard;

impl InterruptGuard {
    fn new(terminal: &File, kind: PromptKind) -> Self {
        let fd = terminal.as_raw_fd();
        let mut settings = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr writes a full termios on success, and we only read it then.
        if unsafe { libc::tcgetattr(fd, settings.as_mut_ptr()) } == 0 {
            let settings = unsafe { settings.assume_init() };
            *lock_saved() = Some(SavedTerminal { fd, settings, kind });
        }
        install_handler();
        InterruptGuard
    }
}

impl Drop for InterruptGuard {
    fn drop(&mut self) {
        *lock_saved() = None;
    }
}

fn lock_saved() -> std::sync::MutexGuard<'static, Option<SavedTerminal>> {
    SAVED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn install_handler() {
    INSTALL.call_once(|| {
        // If the handler cannot be installed, Ctrl-C keeps its default action;
        // prompting still works, so this is not worth failing over.
        let _ = ctrlc::set_handler(|| {
            if let Some(saved) = lock_saved().as_ref() {
                // SAFETY: fd is open while the slot holds it (see SAVED).
                unsafe { libc::tcsetattr(saved.fd, libc::TCSANOW, &saved.settings) };
                if saved.kind == PromptKind::Visible {
                    // The terminal echoed ^C; end that line for the shell.
                    let _ = unsafe { libc::write(saved.fd, b"\n".as_ptr().cast(), 1) };
                }
            }
            std::process::exit(i32::from(ExitCode::Interrupted));
        });
    });
}
