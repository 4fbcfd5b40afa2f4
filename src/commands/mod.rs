//! One file per command: gather input, call the API, write output, in that
//! order. Every failure is a `Failure` that `main` reports.

mod auth;
mod bulk;
mod createkey;
mod getkey;
mod logs;
mod optouts;
mod segments;
mod send;
mod testkey;
mod watch;
mod webhooks;

use crate::cli::generate;
use crate::cli::{Cli, Command, ConnectionArgs};
use crate::cli::{LogsCommand, OptoutsCommand, WebhooksCommand};
use crate::error::Failure;
use crate::net::endpoint::Endpoint;
use crate::net::transport::{Settings, Transport};
use crate::output;

pub fn run(cli: Cli) -> Result<(), Failure> {
    crate::config::profile::select(cli.connection.profile.as_deref());
    match cli.command {
        Command::Getkey(args) => getkey::run(&cli.connection, &args),
        Command::Createkey(args) => createkey::run(&cli.connection, &args),
        Command::Testkey(args) => testkey::run(&cli.connection, &args),
        Command::Bulk(args) => bulk::run(&cli.connection, &args),
        Command::Logs(LogsCommand::List(args)) => logs::list(&cli.connection, &args),
        Command::Logs(LogsCommand::Get(args)) => logs::get(&cli.connection, &args),
        Command::Logs(LogsCommand::Watch(args)) => watch::run(&cli.connection, &args),
        Command::Optouts(OptoutsCommand::List(args)) => optouts::list(&cli.connection, &args),
        Command::Optouts(OptoutsCommand::Add(args)) => {
            optouts::change(&cli.connection, &args, optouts::Change::Add)
        }
        Command::Optouts(OptoutsCommand::Remove(args)) => {
            optouts::change(&cli.connection, &args, optouts::Change::Remove)
        }
        Command::Webhooks(WebhooksCommand::Set(args)) => webhooks::set(&cli.connection, &args),
        Command::Webhooks(WebhooksCommand::Listen(args)) => {
            webhooks::listen(&cli.connection, &args)
        }
        Command::Auth(args) => auth::run(&cli.connection, &args),
        Command::Send(args) => send::run(&cli.connection, &args),
        Command::Segments(args) => segments::run(&args),
        Command::Completions(args) => output::write_stdout(&generate::completions(args.shell)),
        Command::Man => output::write_stdout(&generate::man_page()),
    }
}

/// Checks the base URL before anything is read or sent, so a typo fails
/// before the user types a password.
fn transport(connection: &ConnectionArgs) -> Result<Transport, Failure> {
    crate::env::check_decodable()?;
    // A config file that cannot be parsed is an error (78) for every command
    // that talks to the API, even when flags and variables override it all.
    crate::config::profile::loaded()?;
    let endpoint = Endpoint::resolve(
        connection.base_url.as_deref(),
        crate::config::profile::base_url,
    )?;
    Transport::new(&settings(connection), endpoint)
}

/// How to talk over the network, from the command line: for the API and
/// for `webhooks listen --forward` alike.
fn settings(connection: &ConnectionArgs) -> Settings {
    Settings {
        timeout: connection.timeout,
        retries: connection.retries,
        cacert: connection.cacert.clone(),
        verbose: connection.verbose > 0,
    }
}
