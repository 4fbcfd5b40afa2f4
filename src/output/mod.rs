//! Everything that leaves the process on stdout or in a file the user named.

pub mod atomic;
pub mod delivery_page;
pub mod dry_run;
pub mod duration;
pub mod footer;
pub mod format;
pub mod key;
pub mod list;
pub mod records;
pub mod same_file;
pub mod segments;
pub mod table;

use crate::error::Failure;
use crate::exit::ExitCode;
use std::io::Write;

/// Writes the result to stdout. A closed pipe or a full disk is exit 74.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(|error| Failure::new(ExitCode::IoErr, format!("cannot write to stdout: {error}")))
}
