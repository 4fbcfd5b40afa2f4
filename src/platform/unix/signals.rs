//! The one signal handler of the process, for SIGINT, SIGTERM and SIGHUP.
//!
//! - At a prompt, the terminal's settings are put back first (`at_signal`);
//!   a temporary file being written is removed before the process ends.
//! - A command that ends gracefully (`webhooks listen`, `logs watch`) asks
//!   with `catch_interrupts`: then SIGINT and SIGTERM only set a flag that it
//!   polls, unless a prompt is open.
//! - Otherwise Ctrl-C exits 130, and SIGTERM and SIGHUP end the process by the
//!   same signal, so the parent sees what happened.

use crate::exit::ExitCode;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

static INSTALL: Once = Once::new();
static CATCHING: AtomicBool = AtomicBool::new(false);
static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// The first signal caught, 0 before one: Ctrl-C and SIGTERM end differently.
static CAUGHT: AtomicI32 = AtomicI32::new(0);

pub use crate::platform::interrupt::Interrupt;

/// The first signal caught since `catch_interrupts`, if any.
pub fn interrupt_received() -> Option<Interrupt> {
    match CAUGHT.load(Ordering::SeqCst) {
        0 => None,
        libc::SIGINT => Some(Interrupt::Int),
        _ => Some(Interrupt::Term),
    }
}

/// Keeps SIGINT, SIGTERM and SIGHUP away from the calling thread, so that
/// they reach a thread that polls `interrupted`, never one blocked in a
/// network read that EINTR would fail (a request that may have been sent).
pub fn block_interrupts_in_this_thread() {
    // SAFETY: a zeroed set, filled with sigemptyset/sigaddset, applied to
    // this thread only.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            libc::sigaddset(&mut set, signal);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Installs the handler, once. A signal ignored by whoever started us (a
/// background job) stays ignored.
pub(super) fn install() {
    INSTALL.call_once(|| {
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            // SAFETY: sigaction with a zeroed, then filled, struct; the handler
            // only makes async-signal-safe calls.
            unsafe {
                let mut previous: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(signal, std::ptr::null(), &mut previous) != 0 {
                    continue;
                }
                if previous.sa_sigaction == libc::SIG_IGN {
                    continue;
                }
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as usize;
                libc::sigemptyset(&mut action.sa_mask);
                libc::sigaction(signal, &action, std::ptr::null_mut());
            }
        }
    });
}

/// From now on Ctrl-C (SIGINT) and SIGTERM set the flag `interrupted` reads
/// instead of ending the process.
pub fn catch_interrupts() {
    install();
    CATCHING.store(true, Ordering::SeqCst);
}

/// Whether Ctrl-C or SIGTERM arrived since `catch_interrupts`.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

extern "C" fn on_signal(signal: libc::c_int) {
    // Only async-signal-safe calls here: atomics, tcsetattr, write, unlink,
    // _exit, signal, raise.
    let at_prompt = super::at_signal::restore_after_signal(signal);
    if !at_prompt
        && CATCHING.load(Ordering::SeqCst)
        && (signal == libc::SIGINT || signal == libc::SIGTERM)
    {
        let _ = CAUGHT.compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst);
        INTERRUPTED.store(true, Ordering::SeqCst);
        return;
    }
    // The process ends: a temporary file being written goes first.
    super::at_signal::remove_registered_file();
    if signal == libc::SIGINT {
        // SAFETY: _exit is async-signal-safe; nothing is left to flush at a
        // prompt, and a file being written is unfinished anyway.
        unsafe { libc::_exit(i32::from(ExitCode::Interrupted)) };
    }
    // SAFETY: back to the default action, then the same signal ends the process.
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}
