//! `mobivate auth token`: the profile's stored key on stdout, in getkey's
//! formats. Never `MOBIVATE_API_KEY`: this prints what is stored.

use crate::cli::TokenArgs;
use crate::context::Context;
use crate::error::Failure;
use crate::input::key;
use crate::output;

pub fn run(ctx: &Context, args: &TokenArgs) -> Result<(), Failure> {
    let name = ctx.profiles().active_name()?;
    let Some((stored, _)) = ctx.profiles().stored_key()? else {
        return Err(super::nothing_stored(&name));
    };
    let key = key::parse_key(stored.expose().as_bytes(), "the profile's stored key")?;
    output::key::Destination::open(args.output.key_output())?.write(&key, args.output.key_output())
}
