//! `mobivate testkey`: whether the server accepts a key.

use crate::api;
use crate::cli::TestkeyArgs;
use crate::context::Context;
use crate::error::Failure;

pub fn run(ctx: &Context, args: &TestkeyArgs) -> Result<(), Failure> {
    let transport = ctx.transport()?;
    let key = ctx.key(args.key_stdin)?;
    api::auth::test_key(transport, &key)?;
    if !args.quiet {
        crate::report::say("API key is valid");
    }
    Ok(())
}
