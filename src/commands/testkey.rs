//! `mobivate testkey`: whether the server accepts a key.

use crate::api;
use crate::cli::{ConnectionArgs, TestkeyArgs};
use crate::error::Failure;
use crate::input::key;
use crate::input::prompt::Interactivity;
use std::io::Write;

pub fn run(connection: &ConnectionArgs, args: &TestkeyArgs) -> Result<(), Failure> {
    let transport = super::transport(connection)?;
    let interactivity = Interactivity::new(connection.no_input);
    let key = key::resolve_key(args.key_stdin, &interactivity)?;
    api::auth::test_key(&transport, &key)?;
    if !args.quiet {
        let _ = writeln!(std::io::stderr().lock(), "API key is valid");
    }
    Ok(())
}
