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
mod context;
mod env;
mod error;
mod exit;
pub mod fuzzing;
mod ids;
mod input;
mod json;
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
    let ctx = context::Context::new(options(&cli.connection));
    match commands::run(&ctx, cli.command) {
        Ok(()) => exit::ExitCode::Success.into(),
        Err(failure) => {
            failure.report();
            failure.code.into()
        }
    }
}

/// The global flags as plain values, for the `Context`.
fn options(connection: &cli::ConnectionArgs) -> context::Options {
    context::Options {
        base_url: connection.base_url.clone(),
        profile: connection.profile.clone(),
        no_input: connection.no_input,
        settings: net::transport::Settings {
            timeout: connection.timeout,
            retries: connection.retries,
            cacert: connection.cacert.clone(),
            verbose: connection.verbose > 0,
        },
    }
}
