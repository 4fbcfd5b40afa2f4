//! What the console control handler must undo before the process ends,
//! kept in one place: the mode of the console a prompt is open on
//! (`terminal` arms it), and a temporary file being written. `signals`
//! holds the raw handler and calls `restore_after_event` and
//! `remove_registered_file`.

use std::io::ErrorKind;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, PoisonError};
use windows_sys::Win32::Foundation::HANDLE;
use windows_sys::Win32::System::Console::{
    CONSOLE_MODE, CTRL_C_EVENT, SetConsoleMode, WriteConsoleW,
};

/// The console a prompt is open on, for the Ctrl-C handler: its input's mode
/// as found, and both handles. The lock is held by the handler while it
/// puts the mode back, so a prompt that ends meanwhile cannot close the
/// handles under it.
struct Saved {
    input: usize,
    output: usize,
    mode: CONSOLE_MODE,
}

static SAVED: Mutex<Option<Saved>> = Mutex::new(None);

fn saved() -> MutexGuard<'static, Option<Saved>> {
    SAVED.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A prompt is open on these handles: from now on the handler puts the
/// input's `mode` back.
pub(super) fn arm(input: usize, output: usize, mode: CONSOLE_MODE) {
    *saved() = Some(Saved {
        input,
        output,
        mode,
    });
}

/// The prompt ended: `restore` runs under the lock, so the handler cannot
/// use the handles meanwhile.
pub(super) fn disarm(restore: impl FnOnce()) {
    let mut saved = saved();
    *saved = None;
    restore();
}

/// Called first by the console control handler (`signals`): when a prompt is
/// open, puts its console's mode back and says so.
pub(super) fn restore_after_event(kind: u32) -> bool {
    let saved = saved();
    let Some(saved) = saved.as_ref() else {
        return false;
    };
    // SAFETY: the handles stay open while saved (see `Saved`).
    unsafe { SetConsoleMode(saved.input as HANDLE, saved.mode) };
    if kind == CTRL_C_EVENT {
        // Off the prompt's line, for whatever is shown next.
        let _ = write_console(saved.output as HANDLE, "\n");
    }
    true
}

/// A temporary file removed before the process ends on Ctrl-C or when the
/// console closes.
static REMOVE_ON_SIGNAL: Mutex<Option<PathBuf>> = Mutex::new(None);

fn registered() -> MutexGuard<'static, Option<PathBuf>> {
    REMOVE_ON_SIGNAL
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
}

/// The file at `path` is removed if the process ends on an event.
pub(super) fn register(path: PathBuf) {
    *registered() = Some(path);
}

/// No file is removed on an event any more.
pub(super) fn unregister() {
    *registered() = None;
}

/// Called by the console control handler (`signals`) when the process ends:
/// removes the registered temporary file. It is open without a lock against
/// deletion (tempfile shares delete), so it goes when the process ends.
pub(super) fn remove_registered_file() {
    if let Some(path) = registered().as_ref() {
        let _ = std::fs::remove_file(path);
    }
}

/// Writes `text` to a console output handle, whole.
pub(super) fn write_console(handle: HANDLE, text: &str) -> std::io::Result<()> {
    let wide: Vec<u16> = text.encode_utf16().collect();
    let mut rest = &wide[..];
    while !rest.is_empty() {
        let mut written = 0u32;
        let chunk = rest.len().min(8192);
        // SAFETY: `chunk` u16s are readable at `rest`; `written` is a plain u32.
        let ok = unsafe {
            WriteConsoleW(
                handle,
                rest.as_ptr(),
                chunk as u32,
                &mut written,
                std::ptr::null(),
            )
        };
        if ok == 0 {
            return Err(std::io::Error::last_os_error());
        }
        if written == 0 {
            return Err(ErrorKind::WriteZero.into());
        }
        rest = &rest[(written as usize).min(rest.len())..];
    }
    Ok(())
}
