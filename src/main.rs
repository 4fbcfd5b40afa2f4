//! `mobivate`: command-line client for the Mobivate Bulk SMS API.

mod api;
mod bulk;
mod cli;
mod commands;
mod env;
mod error;
mod exit;
mod input;
mod net;
mod output;
mod platform;
mod report;
mod sanitize;
mod secret;
mod sms;

fn main() -> std::process::ExitCode {
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
