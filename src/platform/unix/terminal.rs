//! Unix terminals: `/dev/tty` and a terminal on stdin, prompts that read a
//! line with or without echo, and the terminal half of signal handling
//! (`signals` owns the handler): a signal always leaves the terminal as it
//! was found.

use std::cell::UnsafeCell;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::mem::MaybeUninit;
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, Ordering};

/// How a user ends the input typed at a terminal, for messages.
pub const END_OF_INPUT: &str = "Ctrl-D on a new line";

const TTY_PATH: &str = "/dev/tty";
const STDIN_PATH: &str = "/dev/stdin";

/// An open terminal device that a prompt can be shown on and read from.
pub struct Terminal {
    file: File,
    path: &'static str,
}

/// The controlling terminal, whatever stdin and stdout are.
pub fn open_controlling() -> std::io::Result<Terminal> {
    open(TTY_PATH)
}

/// The terminal on stdin, when stdin is one; `None` otherwise.
pub fn open_stdin() -> Option<std::io::Result<Terminal>> {
    if !std::io::stdin().is_terminal() {
        return None;
    }
    Some(open(STDIN_PATH))
}

fn open(path: &'static str) -> std::io::Result<Terminal> {
    let file = OpenOptions::new().read(true).write(true).open(path)?;
    Ok(Terminal { file, path })
}

impl Terminal {
    /// Shows `prompt` and reads one line with echo on; `""` at end of input.
    pub fn read_visible(&self, prompt: &str) -> std::io::Result<String> {
        let _guard = InterruptGuard::new(&self.file, PromptKind::Visible);
        (&self.file).write_all(prompt.as_bytes())?;
        let mut line = String::new();
        BufReader::new(&self.file).read_line(&mut line)?;
        if line.is_empty() {
            // Ctrl-D: move off the prompt line before any error is printed.
            let _ = (&self.file).write_all(b"\n");
        }
        Ok(line.trim_end_matches(['\n', '\r']).to_string())
    }

    /// Shows `prompt` and reads one line with echo off. Ctrl-C ends the
    /// process with 130 after the terminal is restored; Ctrl-D on an empty
    /// line is an empty answer.
    pub fn read_hidden(&self, prompt: &str) -> std::io::Result<String> {
        let _guard = InterruptGuard::new(&self.file, PromptKind::Hidden);
        let config = rpassword::ConfigBuilder::new()
            .input_file_path(self.path)
            .output_file_path(self.path)
            .build();
        match rpassword::prompt_password_with_config(prompt, config) {
            Err(error) if error.kind() == std::io::ErrorKind::UnexpectedEof => {
                let _ = (&self.file).write_all(b"\n");
                Ok(String::new())
            }
            other => other,
        }
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

/// While alive, a signal puts the terminal's settings back before the
/// process ends: Ctrl-C exits 130, SIGTERM and SIGHUP end the process by the
/// same signal, so the parent sees what happened.
///
/// rpassword turns off ISIG and, on Ctrl-C, raises SIGINT before it restores
/// echo; with the default action the process would die with echo off.
struct InterruptGuard;

impl InterruptGuard {
    fn new(terminal: &File, kind: PromptKind) -> Self {
        super::signals::install();
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

/// Called first by the one signal handler (`signals`): when a prompt is
/// open, puts its terminal's settings back and says so. Only
/// async-signal-safe calls: tcsetattr and write.
pub(super) fn restore_after_signal(signal: libc::c_int) -> bool {
    if !ARMED.load(Ordering::SeqCst) {
        return false;
    }
    let fd = SAVED_FD.load(Ordering::SeqCst);
    // SAFETY: armed means the settings are complete and the fd is open.
    unsafe { libc::tcsetattr(fd, libc::TCSANOW, (*SAVED_SETTINGS.0.get()).as_ptr()) };
    if signal == libc::SIGINT && SAVED_VISIBLE.load(Ordering::SeqCst) {
        // The terminal echoed ^C; end that line for the shell.
        let _ = unsafe { libc::write(fd, b"\n".as_ptr().cast(), 1) };
    }
    true
}

/// A temporary file the signal handler removes before the process ends: a
/// path built beforehand, so the handler only calls `unlink`.
static REMOVE_ON_SIGNAL: AtomicPtr<libc::c_char> = AtomicPtr::new(std::ptr::null_mut());

/// Until `keep_on_signal` is called, Ctrl-C, SIGTERM or SIGHUP remove the file
/// at `path` before the process ends (a temporary file being written). One
/// path at a time; a path that cannot be represented is not registered.
pub fn remove_on_signal(path: &std::path::Path) {
    use std::os::unix::ffi::OsStrExt;
    let Ok(path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return;
    };
    super::signals::install();
    let previous = REMOVE_ON_SIGNAL.swap(path.into_raw(), Ordering::SeqCst);
    free_registered(previous);
}

/// Stops removing the registered file on a signal (it was renamed into place
/// or removed).
pub fn keep_on_signal() {
    let previous = REMOVE_ON_SIGNAL.swap(std::ptr::null_mut(), Ordering::SeqCst);
    free_registered(previous);
}

fn free_registered(pointer: *mut libc::c_char) {
    if !pointer.is_null() {
        // SAFETY: every non-null pointer stored came from CString::into_raw,
        // and was swapped out, so nothing else can reach it now. The handler
        // runs on this same thread, so it cannot be reading it meanwhile.
        drop(unsafe { std::ffi::CString::from_raw(pointer) });
    }
}

/// Called by the one signal handler (`signals`) when the signal ends the
/// process: removes the registered temporary file. Only `unlink`.
pub(super) fn remove_registered_file() {
    let temporary = REMOVE_ON_SIGNAL.load(Ordering::SeqCst);
    if !temporary.is_null() {
        // SAFETY: a NUL-terminated path, alive while registered.
        unsafe { libc::unlink(temporary) };
    }
}
