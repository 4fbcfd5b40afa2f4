//! The only place with `cfg(unix)` / `cfg(windows)`. Each concern has the same
//! small interface on every platform, so the logic above it has no `cfg`:
//!
//! - `terminal`: the terminal or console a prompt is shown on (`Terminal`,
//!   `open_controlling`, `open_stdin`, `read_visible`, `read_hidden`), and a
//!   temporary file removed if the process is interrupted (`remove_on_signal`,
//!   `keep_on_signal`);
//! - `signals`: Ctrl-C and termination (`catch_interrupts`, `interrupted`);
//! - `fs`: file modes and kinds, the process's own descriptors;
//! - `width`: the columns of the terminal on stdout;
//! - `net`: how the system reports a failed name lookup;
//! - `trust`: where the system keeps its trusted CAs;
//! - `wait`: sleeps and work in flight that Ctrl-C and a deadline cut short
//!   (the same on every platform, built on `signals`).

mod file_kind;
mod interrupt;
pub mod trust;
pub mod wait;

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub use unix::{fs, net, signals, terminal, width};

#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub use windows::{fs, net, signals, terminal, width};

#[cfg(target_env = "musl")]
mod musl_alloc;
// Linked in as `memcpy` by the static x86_64 build only (build.rs); built
// and tested on every x86_64 target.
#[cfg(target_arch = "x86_64")]
mod musl_memcpy;
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
mod small_copy;

/// Whether this build talks to a real OS keyring (Secret Service, Keychain,
/// Credential Manager). Elsewhere the `keyring` crate would fall back to an
/// in-memory mock, which must never be mistaken for storage.
pub const NATIVE_KEYRING: bool = cfg!(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "openbsd",
    target_os = "macos",
    windows
));
