//! What each subcommand does, in order: gather input, talk to the API,
//! write the result. Every failure is a `Failure` that `main` reports.

use crate::api;
use crate::cli::{Cli, Command, ConnectionArgs, CreatekeyArgs, GetkeyArgs, TestkeyArgs};
use crate::credentials;
use crate::endpoint::Endpoint;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::generate;
use crate::output;
use crate::terminal::{self, Interactivity};
use crate::transport::Transport;
use std::io::Write;

pub fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Getkey(args) => getkey(&cli.connection, &args),
        Command::Createkey(args) => createkey(&cli.connection, &args),
        Command::Testkey(args) => testkey(&cli.connection, &args),
        Command::Completions(args) => output::write_stdout(&generate::completions(args.shell)),
        Command::Man => output::write_stdout(&generate::man_page()),
    }
}

/// Checks the base URL before anything is read or sent, so a typo fails
/// before the user types a password.
fn transport(connection: &ConnectionArgs) -> Result<Transport, Failure> {
    let endpoint = Endpoint::from_flag_or_env(connection.base_url.as_deref())?;
    Transport::new(connection, endpoint)
}

fn getkey(connection: &ConnectionArgs, args: &GetkeyArgs) -> Result<(), Failure> {
    let transport = transport(connection)?;
    let interactivity = Interactivity::new(connection.no_input);
    let credentials = credentials::resolve(&args.credentials, &interactivity)?;
    let key = api::get_key(&transport, &credentials)?;
    drop(credentials);
    output::check_key(&key)?;
    if args.verify {
        api::test_key(&transport, &key).map_err(|failure| {
            if failure.code == ExitCode::NoPerm {
                Failure::new(
                    ExitCode::NoPerm,
                    "the server's key failed verification: GET /auth/test rejected it",
                )
                .with_hint("nothing was written; try `mobivate createkey` if the key was revoked")
            } else {
                failure
            }
        })?;
    }
    output::deliver(&key, &args.output)
}

fn createkey(connection: &ConnectionArgs, args: &CreatekeyArgs) -> Result<(), Failure> {
    let transport = transport(connection)?;
    let interactivity = Interactivity::new(connection.no_input);
    if !args.yes && !interactivity.is_interactive() {
        return Err(Failure::new(
            ExitCode::Usage,
            format!(
                "createkey revokes the current API key; confirm with --yes ({})",
                interactivity.reason()
            ),
        )
        .with_hint("nothing was sent; add --yes to create a new key without a prompt"));
    }
    let credentials = if args.yes {
        credentials::resolve(&args.credentials, &interactivity)?
    } else {
        credentials::resolve_confirmed(&args.credentials, &interactivity, confirm_revoke)?
    };
    let key = api::create_key(&transport, &credentials)?;
    drop(credentials);
    output::check_key(&key)?;
    output::deliver(&key, &args.output)
}

fn confirm_revoke(username: &str) -> Result<(), Failure> {
    let answer = terminal::prompt_visible(&format!(
        "This revokes the current API key of {username}. Continue? [y/N] "
    ))?;
    match answer.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Ok(()),
        _ => Err(Failure::new(
            ExitCode::Usage,
            "cancelled: the API key was not changed",
        )),
    }
}

fn testkey(connection: &ConnectionArgs, args: &TestkeyArgs) -> Result<(), Failure> {
    let transport = transport(connection)?;
    let interactivity = Interactivity::new(connection.no_input);
    let key = credentials::resolve_key(args.key_stdin, &interactivity)?;
    api::test_key(&transport, &key)?;
    if !args.quiet {
        let _ = writeln!(std::io::stderr().lock(), "API key is valid");
    }
    Ok(())
}
