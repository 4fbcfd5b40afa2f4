//! `mobivate`: command-line client for the Mobivate Bulk SMS API.

mod api;
mod app;
mod cli;
mod credentials;
mod endpoint;
mod error;
mod exit;
mod generate;
mod output;
mod proxy;
mod report;
mod secret;
mod sms;
mod terminal;
mod tls;
mod transport;
mod usage;

fn main() -> std::process::ExitCode {
    let cli = match usage::parse_args() {
        Ok(cli) => cli,
        Err(code) => return code.into(),
    };
    match app::run(cli) {
        Ok(()) => exit::ExitCode::Success.into(),
        Err(failure) => {
            failure.report();
            failure.code.into()
        }
    }
}
