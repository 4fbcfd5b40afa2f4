//! One file per command: gather input, call the API, write output, in that
//! order. Each is handed the `Context` (`crate::context`) that `run` built;
//! every failure is a `Failure` that `run` reports.

mod auth;
mod bulk;
mod createkey;
mod getkey;
mod logs;
mod man;
mod optouts;
mod segments;
mod send;
mod shared;
mod testkey;
mod watch;
mod webhooks;

use crate::cli::generate;
use crate::cli::{Command, LogsCommand, OptoutsCommand, WebhooksCommand};
use crate::context::Context;
use crate::error::Failure;
use crate::output;

pub fn run(ctx: &Context, command: Command) -> Result<(), Failure> {
    match command {
        Command::Getkey(args) => getkey::run(ctx, &args),
        Command::Createkey(args) => createkey::run(ctx, &args),
        Command::Testkey(args) => testkey::run(ctx, &args),
        Command::Bulk(args) => bulk::run(ctx, &args),
        Command::Logs(LogsCommand::List(args)) => logs::list(ctx, &args),
        Command::Logs(LogsCommand::Get(args)) => logs::get(ctx, &args),
        Command::Logs(LogsCommand::Watch(args)) => watch::run(ctx, &args),
        Command::Optouts(OptoutsCommand::List(args)) => optouts::list(ctx, &args),
        Command::Optouts(OptoutsCommand::Add(args)) => {
            optouts::change(ctx, &args, optouts::Change::Add)
        }
        Command::Optouts(OptoutsCommand::Remove(args)) => {
            optouts::change(ctx, &args, optouts::Change::Remove)
        }
        Command::Webhooks(WebhooksCommand::Set(args)) => webhooks::set(ctx, &args),
        Command::Webhooks(WebhooksCommand::Listen(args)) => webhooks::listen(ctx, &args),
        Command::Auth(args) => auth::run(ctx, &args),
        Command::Send(args) => send::run(ctx, &args),
        Command::Segments(args) => segments::run(&args),
        Command::Completions(args) => output::write_stdout(&generate::completions(args.shell)),
        Command::Man(args) => match &args.dir {
            None => output::write_stdout(&generate::man_page()),
            Some(dir) => man::write_pages(dir),
        },
    }
}
