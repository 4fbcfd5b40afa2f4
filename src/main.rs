//! `mobivate`: command-line client for the Mobivate Bulk SMS API.

fn main() -> std::process::ExitCode {
    mobivate::run()
}
