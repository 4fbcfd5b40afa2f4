//! `mobivate`: command-line client for the Mobivate Bulk SMS API.
//!
//! The binary is `src/main.rs`; this library exists so that the fuzz targets
//! in `fuzz/` can reach the parsers. Its public surface is [`run`] and the
//! [`fuzzing`] entry points; everything else stays private.

mod api;
mod bulk;
mod cli;
mod commands;
mod config;
mod env;
mod error;
mod exit;
pub mod fuzzing;
mod input;
mod net;
mod output;
mod platform;
mod report;
mod sanitize;
mod secret;
mod sms;

/// Parses argv, runs the command, and maps its one error type to an exit code.
pub fn run() -> std::process::ExitCode {
    let cli = match cli::usage::parse_args() {
        Ok(cli) => cli,
        Err(code) => return code.into(),
    };
    match commands::run(cli) {
        Ok(()) => exit::ExitCode::Success.into(),
        Err(failure) => {
            failure.report();
            failure.code.into()
        }
    }
}
