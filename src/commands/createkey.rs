//! `mobivate createkey`: a new key, revoking the current one.

use crate::api;
use crate::cli::CreatekeyArgs;
use crate::context::Context;
use crate::error::Failure;
use crate::input::confirm;
use crate::input::credentials;
use crate::output;
use crate::output::key::Destination;

pub fn run(ctx: &Context, args: &CreatekeyArgs) -> Result<(), Failure> {
    output::key::refuse_collision(
        args.output.key_output(),
        args.credentials.password_file.as_deref(),
    )?;
    let transport = ctx.transport()?;
    let interactivity = ctx.interactivity();
    if !args.yes {
        confirm::need_yes_or_terminal(
            interactivity,
            "createkey revokes the current API key; confirm with --yes ({reason})",
            "nothing was sent; add --yes to create a new key without a prompt",
        )?;
    }
    let credentials = if args.yes {
        credentials::resolve(&args.credentials.sources(), interactivity)?
    } else {
        credentials::resolve_confirmed(&args.credentials.sources(), interactivity, confirm_revoke)?
    };
    // Checked before anything is sent: once the server answers, the old key
    // is gone, and a new key that cannot be written would be lost.
    let destination = Destination::open(args.output.key_output())?;
    let key = api::auth::create_key(transport, &credentials)?;
    let username = credentials.username.clone();
    drop(credentials);
    // The server answered 2xx: whatever it sent, the old key is gone.
    output::key::check_key(&key)
        .map_err(|failure| failure.with_hint(api::auth::KEY_MAY_HAVE_BEEN_REPLACED))?;
    // Before delivery: should writing the key fail, the stored copy is the
    // only one left of a key that replaced the revoked one.
    ctx.profiles()
        .update_after_createkey(&username, &key, transport.verbose());
    destination.write(&key, args.output.key_output()).map_err(|failure| {
        Failure::new(
            failure.code,
            format!(
                "{failure}; the key has already been replaced on the server, and `mobivate getkey` fetches the current one"
            ),
        )
        .with_hint(FETCH_CURRENT_KEY)
    })
}

/// After the server may have made a new key, trying again would revoke it.
pub const FETCH_CURRENT_KEY: &str = "`mobivate getkey` fetches the current key; do not run createkey again, which would replace it once more";

fn confirm_revoke(username: &str) -> Result<(), Failure> {
    confirm::ask(
        &format!("This revokes the current API key of {username}. Continue? [y/N] "),
        || confirm::cancelled("the API key was not changed"),
    )
}
