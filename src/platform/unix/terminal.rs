//! Unix terminals: `/dev/tty` and a terminal on stdin, prompts that read a
//! line with or without echo. A prompt arms `at_signal`, which the one
//! signal handler (`signals`) reads: a signal always leaves the terminal as
//! it was found.

use super::at_signal;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::os::fd::AsRawFd;

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
        at_signal::arm(terminal.as_raw_fd(), kind == PromptKind::Visible);
        InterruptGuard
    }
}

impl Drop for InterruptGuard {
    fn drop(&mut self) {
        // Before the terminal's fd is closed by its owner.
        at_signal::disarm();
    }
}

/// Until `keep_on_signal` is called, Ctrl-C, SIGTERM or SIGHUP remove the file
/// at `path` before the process ends (a temporary file being written). One
/// path at a time; a path that cannot be represented is not registered.
pub fn remove_on_signal(path: &std::path::Path) {
    use std::os::unix::ffi::OsStrExt;
    let Ok(path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return;
    };
    super::signals::install();
    at_signal::register(path);
}

/// Stops removing the registered file on a signal (it was renamed into place
/// or removed).
pub fn keep_on_signal() {
    at_signal::unregister();
}
