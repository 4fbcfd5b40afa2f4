//! The controlling terminal: whether we may prompt, the prompts themselves,
//! and signal handling (Ctrl-C, SIGTERM, SIGHUP) that always leaves the
//! terminal as it was found.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::secret::Secret;
use std::cell::OnceCell;
use std::cell::UnsafeCell;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, ErrorKind, IsTerminal, Write};
use std::mem::MaybeUninit;
use std::os::fd::AsRawFd;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

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

/// The settings of the terminal a prompt is open on, for the signal handler.
/// Written only while `ARMED` is false, read by the handler only while it is true.
struct SavedSettings(UnsafeCell<MaybeUninit<libc::termios>>);

// SAFETY: see the protocol on `SavedSettings`: writes and reads never overlap.
unsafe impl Sync for SavedSettings {}

static SAVED_SETTINGS: SavedSettings = SavedSettings(UnsafeCell::new(MaybeUninit::uninit()));
static SAVED_FD: AtomicI32 = AtomicI32::new(-1);
static SAVED_VISIBLE: AtomicBool = AtomicBool::new(false);
static ARMED: AtomicBool = AtomicBool::new(false);
static INSTALL: Once = Once::new();

/// While alive, a signal puts the terminal's settings back before the
/// process ends: Ctrl-C exits 130, SIGTERM and SIGHUP end the process by the
/// same signal, so the parent sees what happened.
///
/// rpassword turns off ISIG and, on Ctrl-C, raises SIGINT before it restores
/// echo; with the default action the process would die with echo off.
struct InterruptGuard;

impl InterruptGuard {
    fn new(terminal: &File, kind: PromptKind) -> Self {
        install_handlers();
        let fd = terminal.as_raw_fd();
        ARMED.store(false, Ordering::SeqCst);
        // SAFETY: disarmed, so the handler does not read the settings now;
        // tcgetattr fills them completely on success.
        if unsafe { libc::tcgetattr(fd, (*SAVED_SETTINGS.0.get()).as_mut_ptr()) } == 0 {
            SAVED_FD.store(fd, Ordering::SeqCst);
            SAVED_VISIBLE.store(kind == PromptKind::Visible, Ordering::SeqCst);
            ARMED.store(true, Ordering::SeqCst);
        }
        InterruptGuard
    }
}

impl Drop for InterruptGuard {
    fn drop(&mut self) {
        // Before the terminal's fd is closed by its owner.
        ARMED.store(false, Ordering::SeqCst);
    }
}

fn install_handlers() {
    INSTALL.call_once(|| {
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            // SAFETY: sigaction with a zeroed, then filled, struct; the handler
            // only makes async-signal-safe calls.
            unsafe {
                let mut previous: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, std::ptr::null(), &mut previous) != 0 {
                    continue;
                }
                // A signal ignored by whoever started us (a background job) stays ignored.
                if previous.sa_sigaction == libc::SIG_IGN {
                    continue;
                }
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction =
                    restore_terminal_and_end as extern "C" fn(libc::c_int) as usize;
                libc::sigemptyset(&mut action.sa_mask);
                libc::sigaction(signal, &action, std::ptr::null_mut());
            }
        }
    });
}

extern "C" fn restore_terminal_and_end(signal: libc::c_int) {
    // Only async-signal-safe calls here: tcsetattr, write, _exit, signal, raise.
    if ARMED.load(Ordering::SeqCst) {
        let fd = SAVED_FD.load(Ordering::SeqCst);
        // SAFETY: armed means the settings are complete and the fd is open.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, (*SAVED_SETTINGS.0.get()).as_ptr()) };
        if signal == libc::SIGINT && SAVED_VISIBLE.load(Ordering::SeqCst) {
            // The terminal echoed ^C; end that line for the shell.
            let _ = unsafe { libc::write(fd, b"\n".as_ptr().cast(), 1) };
        }
    }
    if signal == libc::SIGINT {
        // SAFETY: _exit is async-signal-safe; nothing is left to flush at a prompt.
        unsafe { libc::_exit(i32::from(ExitCode::Interrupted)) };
    }
    // SAFETY: back to the default action, then the same signal ends the process.
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}
