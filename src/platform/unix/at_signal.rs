//! What the one signal handler must undo before the process ends, kept in
//! one place: the settings of the terminal a prompt is open on (`terminal`
//! arms them), and a temporary file being written. `signals` holds the raw
//! handler and calls `restore_after_signal` and `remove_registered_file`;
//! both make only async-signal-safe calls.

use std::cell::UnsafeCell;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicPtr, Ordering};

/// The settings of the terminal a prompt is open on, for the signal handler.
/// Written only while `ARMED` is false, read by the handler only while it is true.
struct SavedSettings(UnsafeCell<MaybeUninit<libc::termios>>);

// SAFETY: see the protocol on `SavedSettings`: writes and reads never overlap.
unsafe impl Sync for SavedSettings {}

static SAVED_SETTINGS: SavedSettings = SavedSettings(UnsafeCell::new(MaybeUninit::uninit()));
static SAVED_FD: AtomicI32 = AtomicI32::new(-1);
static SAVED_VISIBLE: AtomicBool = AtomicBool::new(false);
static ARMED: AtomicBool = AtomicBool::new(false);

/// A prompt is open on `fd`: from now on the handler puts its settings back.
pub(super) fn arm(fd: libc::c_int, visible: bool) {
    ARMED.store(false, Ordering::SeqCst);
    // SAFETY: disarmed, so the handler does not read the settings now;
    // tcgetattr fills them completely on success.
    if unsafe { libc::tcgetattr(fd, (*SAVED_SETTINGS.0.get()).as_mut_ptr()) } == 0 {
        SAVED_FD.store(fd, Ordering::SeqCst);
        SAVED_VISIBLE.store(visible, Ordering::SeqCst);
        ARMED.store(true, Ordering::SeqCst);
    }
}

/// The prompt ended (before its fd is closed).
pub(super) fn disarm() {
    ARMED.store(false, Ordering::SeqCst);
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

/// The file at `path` is removed if a signal ends the process.
pub(super) fn register(path: std::ffi::CString) {
    let previous = REMOVE_ON_SIGNAL.swap(path.into_raw(), Ordering::SeqCst);
    free_registered(previous);
}

/// No file is removed on a signal any more.
pub(super) fn unregister() {
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
