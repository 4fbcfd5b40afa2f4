//! `mobivate getkey`: the account's current key, from a username and password.

use crate::api;
use crate::cli::GetkeyArgs;
use crate::context::Context;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::credentials;
use crate::output;
use crate::output::key::Destination;

pub fn run(ctx: &Context, args: &GetkeyArgs) -> Result<(), Failure> {
    output::key::refuse_collision(
        args.output.key_output(),
        args.credentials.password_file.as_deref(),
    )?;
    let transport = ctx.transport()?;
    let credentials = credentials::resolve(&args.credentials.sources(), ctx.interactivity())?;
    let destination = Destination::open(args.output.key_output())?;
    let key = api::auth::get_key(transport, &credentials)?;
    drop(credentials);
    output::key::check_key(&key)?;
    if args.verify {
        api::auth::test_key(transport, &key).map_err(|failure| {
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
    destination.write(&key, args.output.key_output())
}
