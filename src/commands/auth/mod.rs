//! `mobivate auth login|status|token|logout`: the stored key of a profile.

mod login;
mod logout;
mod status;
mod token;

use crate::cli::{AuthArgs, AuthCommand};
use crate::config::config::ConfigDir;
use crate::config::profile;
use crate::context::Context;
use crate::error::Failure;
use crate::exit::ExitCode;

pub fn run(ctx: &Context, args: &AuthArgs) -> Result<(), Failure> {
    match &args.command {
        AuthCommand::Login(login) => login::run(ctx, login),
        AuthCommand::Status(status) => status::run(ctx, status),
        AuthCommand::Token(token) => token::run(ctx, token),
        AuthCommand::Logout => logout::run(ctx),
    }
}

/// The config directory, for commands that write to it.
fn config_dir(ctx: &Context) -> Result<ConfigDir, Failure> {
    ctx.profiles().loaded()?.dir.clone().ok_or_else(|| {
        Failure::new(
            ExitCode::Config,
            "cannot find a config directory: there is no home directory",
        )
        .with_hint("set MOBIVATE_CONFIG_DIR to a directory for mobivate's config")
    })
}

/// The failure when a profile has no stored key.
fn nothing_stored(name: &str) -> Failure {
    Failure::new(
        ExitCode::Usage,
        format!("no key is stored for profile {name}"),
    )
    .with_hint(login_hint(name))
}

fn login_hint(name: &str) -> String {
    if name == profile::DEFAULT_PROFILE {
        "log in with `mobivate auth login`".to_string()
    } else {
        format!("log in with `mobivate auth login --profile {name}`")
    }
}
