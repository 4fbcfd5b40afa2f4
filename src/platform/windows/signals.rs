//! The one console control handler of the process (`SetConsoleCtrlHandler`),
//! for Ctrl-C, Ctrl-Break and the console closing. It runs on a thread of its
//! own, so unlike a Unix signal handler it may take locks.
//!
//! - At a prompt, the console's mode is put back first (`at_signal`); a
//!   temporary file being written is removed before the process ends.
//! - A command that ends gracefully (`webhooks listen`, `logs watch`) asks
//!   with `catch_interrupts`: then Ctrl-C and Ctrl-Break only set a flag that
//!   it polls, unless a prompt is open.
//! - Otherwise Ctrl-C exits 130, as on Unix; Ctrl-Break and the console
//!   closing go on to Windows' own handler, which ends the process.

use crate::exit::ExitCode;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use windows_sys::Win32::System::Console::{CTRL_BREAK_EVENT, CTRL_C_EVENT, SetConsoleCtrlHandler};
use windows_sys::Win32::System::Threading::ExitProcess;
use windows_sys::core::BOOL;

static INSTALL: Once = Once::new();
static CATCHING: AtomicBool = AtomicBool::new(false);
static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// The first event caught, `NONE` before one: Ctrl-C and Ctrl-Break end differently.
static CAUGHT: AtomicU32 = AtomicU32::new(NONE);
const NONE: u32 = u32::MAX;

pub use crate::platform::interrupt::Interrupt;

/// The first event caught since `catch_interrupts`, if any.
pub fn interrupt_received() -> Option<Interrupt> {
    match CAUGHT.load(Ordering::SeqCst) {
        NONE => None,
        CTRL_C_EVENT => Some(Interrupt::Int),
        _ => Some(Interrupt::Term),
    }
}

/// Nothing to do on Windows: the handler runs on a thread of its own, and no
/// read fails with EINTR because of it.
pub fn block_interrupts_in_this_thread() {}

/// Installs the handler, once. A process started with Ctrl-C ignored (a
/// new process group) keeps ignoring it: Windows then calls no handler.
pub(super) fn install() {
    INSTALL.call_once(|| {
        // SAFETY: registers a function that lives as long as the process.
        unsafe { SetConsoleCtrlHandler(Some(on_event), 1) };
    });
}

/// From now on Ctrl-C and Ctrl-Break set the flag `interrupted` reads
/// instead of ending the process.
pub fn catch_interrupts() {
    install();
    CATCHING.store(true, Ordering::SeqCst);
}

/// Whether Ctrl-C or Ctrl-Break arrived since `catch_interrupts`.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

unsafe extern "system" fn on_event(kind: u32) -> BOOL {
    let at_prompt = super::at_signal::restore_after_event(kind);
    let interrupt = kind == CTRL_C_EVENT || kind == CTRL_BREAK_EVENT;
    if !at_prompt && interrupt && CATCHING.load(Ordering::SeqCst) {
        let _ = CAUGHT.compare_exchange(NONE, kind, Ordering::SeqCst, Ordering::SeqCst);
        INTERRUPTED.store(true, Ordering::SeqCst);
        return 1;
    }
    // The process ends: a temporary file being written goes first.
    super::at_signal::remove_registered_file();
    if kind == CTRL_C_EVENT {
        // SAFETY: ends the process at once, as `_exit` does on Unix.
        unsafe { ExitProcess(i32::from(ExitCode::Interrupted) as u32) };
    }
    // Not handled: Windows' default handler ends the process.
    0
}
