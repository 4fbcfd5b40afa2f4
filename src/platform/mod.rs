//! The only place with `cfg(unix)` / `cfg(windows)`: terminals and signals,
//! and file modes. Each concern has the same small interface on every
//! platform, so the logic above it has no `cfg`.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub use unix::{fs, signals, terminal, width};
