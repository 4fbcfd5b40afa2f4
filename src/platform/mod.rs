//! The only place with `cfg(unix)` / `cfg(windows)`: terminals and signals,
//! and file modes. Each concern has the same small interface on every
//! platform, so the logic above it has no `cfg`.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub use unix::{fs, signals, terminal, width};

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
