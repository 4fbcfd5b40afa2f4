//! Windows consoles: `CONIN$` and `CONOUT$` (the console, whatever stdin and
//! stdout are), and prompts that read a line with or without echo. A prompt
//! arms `at_signal`, which the one handler (`signals`) reads: Ctrl-C at a
//! prompt always leaves the console's mode as it was found, echo on.
//!
//! A process without a console (a CI runner, a service) cannot open
//! `CONIN$`: that is "no terminal", never a wait.

use super::at_signal;
use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, IsTerminal};
use std::os::windows::io::AsRawHandle;
use windows_sys::Win32::Foundation::ERROR_OPERATION_ABORTED;
use windows_sys::Win32::System::Console::{
    CONSOLE_MODE, ENABLE_ECHO_INPUT, ENABLE_LINE_INPUT, ENABLE_PROCESSED_INPUT, GetConsoleMode,
    ReadConsoleW, SetConsoleMode,
};

/// How a user ends the input typed at a console, for messages.
pub const END_OF_INPUT: &str = "Ctrl-Z and Enter on a new line";

const INPUT_PATH: &str = "CONIN$";
const OUTPUT_PATH: &str = "CONOUT$";

/// The console's input and output, open for a prompt.
pub struct Terminal {
    input: File,
    output: File,
}

/// The console of the process, whatever stdin and stdout are.
pub fn open_controlling() -> std::io::Result<Terminal> {
    let input = OpenOptions::new().read(true).write(true).open(INPUT_PATH)?;
    let output = OpenOptions::new()
        .read(true)
        .write(true)
        .open(OUTPUT_PATH)?;
    // Fails unless it really is a console's input.
    console_mode(&input)?;
    Ok(Terminal { input, output })
}

/// The console, when stdin is the console; `None` otherwise.
pub fn open_stdin() -> Option<std::io::Result<Terminal>> {
    if !std::io::stdin().is_terminal() {
        return None;
    }
    Some(open_controlling())
}

fn console_mode(file: &File) -> std::io::Result<CONSOLE_MODE> {
    let mut mode: CONSOLE_MODE = 0;
    // SAFETY: the handle is open for as long as `file` is; the mode is a plain u32.
    if unsafe { GetConsoleMode(file.as_raw_handle(), &mut mode) } == 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(mode)
}

impl Terminal {
    /// Shows `prompt` and reads one line with echo on; `""` at end of input
    /// (Ctrl-Z).
    pub fn read_visible(&self, prompt: &str) -> std::io::Result<String> {
        let guard = PromptGuard::new(self)?;
        // Line editing and echo, whatever mode the console was left in.
        set_mode(
            &self.input,
            guard.mode | ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT | ENABLE_PROCESSED_INPUT,
        )?;
        self.write(prompt)?;
        let line = read_line(&self.input)?;
        match line.strip_prefix('\u{1a}') {
            // Ctrl-Z, then Enter: end of input.
            Some(_) => Ok(String::new()),
            None => Ok(line.trim_end_matches(['\n', '\r']).to_string()),
        }
    }

    /// Shows `prompt` and reads one line with echo off. Ctrl-C ends the
    /// process with 130 after the console's mode is put back.
    pub fn read_hidden(&self, prompt: &str) -> std::io::Result<String> {
        let _guard = PromptGuard::new(self)?;
        self.write(prompt)?;
        let config = rpassword::ConfigBuilder::new()
            .input_file_path(INPUT_PATH)
            .output_file_path(OUTPUT_PATH)
            .build();
        match rpassword::read_password_with_config(config) {
            Err(error) if error.kind() == ErrorKind::UnexpectedEof => {
                self.write("\n")?;
                Ok(String::new())
            }
            other => other,
        }
    }

    /// Writes to the console as UTF-16, so any text shows whatever the code page.
    fn write(&self, text: &str) -> std::io::Result<()> {
        at_signal::write_console(self.output.as_raw_handle(), text)
    }
}

fn set_mode(file: &File, mode: CONSOLE_MODE) -> std::io::Result<()> {
    // SAFETY: the handle is open for as long as `file` is.
    if unsafe { SetConsoleMode(file.as_raw_handle(), mode) } == 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Reads up to and including the end of one line, in the console's line mode.
fn read_line(input: &File) -> std::io::Result<String> {
    let mut line: Vec<u16> = Vec::new();
    let mut buffer = [0u16; 256];
    loop {
        let mut read = 0u32;
        // SAFETY: the buffer holds `buffer.len()` u16s; `read` is a plain u32.
        let ok = unsafe {
            ReadConsoleW(
                input.as_raw_handle(),
                buffer.as_mut_ptr().cast(),
                buffer.len() as u32,
                &mut read,
                std::ptr::null(),
            )
        };
        if ok == 0 {
            let error = std::io::Error::last_os_error();
            // Ctrl-C aborts the read; the handler is ending the process.
            if error.raw_os_error() == Some(ERROR_OPERATION_ABORTED as i32) {
                return Err(ErrorKind::Interrupted.into());
            }
            return Err(error);
        }
        let read = &buffer[..(read as usize).min(buffer.len())];
        line.extend_from_slice(read);
        if read.is_empty() || read.contains(&u16::from(b'\n')) {
            return Ok(String::from_utf16_lossy(&line));
        }
    }
}

/// While alive, Ctrl-C puts the console's mode back before the process
/// exits 130; when dropped, the mode is put back too.
///
/// rpassword turns echo off, and on Ctrl-C Windows' default handler would end
/// the process before rpassword restores it: the console would stay silent.
struct PromptGuard<'a> {
    terminal: &'a Terminal,
    mode: CONSOLE_MODE,
}

impl<'a> PromptGuard<'a> {
    fn new(terminal: &'a Terminal) -> std::io::Result<Self> {
        super::signals::install();
        let mode = console_mode(&terminal.input)?;
        at_signal::arm(
            terminal.input.as_raw_handle() as usize,
            terminal.output.as_raw_handle() as usize,
            mode,
        );
        Ok(PromptGuard { terminal, mode })
    }
}

impl Drop for PromptGuard<'_> {
    fn drop(&mut self) {
        at_signal::disarm(|| {
            let _ = set_mode(&self.terminal.input, self.mode);
        });
    }
}

/// Until `keep_on_signal` is called, Ctrl-C, Ctrl-Break or the console
/// closing remove the file at `path` before the process ends (a temporary
/// file being written). One path at a time.
pub fn remove_on_signal(path: &std::path::Path) {
    super::signals::install();
    at_signal::register(path.to_path_buf());
}

/// Stops removing the registered file on a signal (it was renamed into place
/// or removed).
pub fn keep_on_signal() {
    at_signal::unregister();
}
