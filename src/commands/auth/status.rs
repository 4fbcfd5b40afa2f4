//! `mobivate auth status`: the profile, where its key is, and whether the
//! server accepts it. Checks the stored key only, never `MOBIVATE_API_KEY`,
//! and never prints the key.

use crate::api;
use crate::cli::{StatusArgs, StatusFormat};
use crate::config::profile::KeyPlace;
use crate::context::Context;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::output;
use crate::report::say;

pub fn run(ctx: &Context, args: &StatusArgs) -> Result<(), Failure> {
    let transport = ctx.transport()?;
    let profiles = ctx.profiles();
    let name = profiles.active_name()?;
    let username = profiles.active_profile()?.and_then(|p| p.username);
    let stored = profiles.stored_key()?;
    let checked = stored
        .as_ref()
        .map(|(key, _)| api::auth::test_key(transport, key));
    let place = stored.map(|(_, place)| place);

    let valid = match &checked {
        Some(Ok(())) => Some(true),
        Some(Err(failure)) if failure.code == ExitCode::NoPerm => Some(false),
        _ => None,
    };
    match args.format {
        StatusFormat::Json => {
            let (storage, file) = match &place {
                Some(KeyPlace::Keyring) => (Some("keyring"), None),
                Some(KeyPlace::File(path)) => (Some("file"), Some(path.display().to_string())),
                None => (None, None),
            };
            let json = serde_json::json!({
                "profile": name,
                "username": username,
                "baseUrl": transport.endpoint().base(),
                "keyStorage": storage,
                "keyFile": file,
                "plainText": file.is_some(),
                "valid": valid,
            });
            output::write_stdout(format!("{json}\n").as_bytes())?;
        }
        StatusFormat::Text => {
            let key_line = match &place {
                Some(KeyPlace::Keyring) => "stored in the system keyring".to_string(),
                Some(KeyPlace::File(path)) => format!(
                    "stored in PLAIN TEXT in {} (not in a keyring)",
                    path.display()
                ),
                None => "none stored".to_string(),
            };
            let check_line = match valid {
                Some(true) => "valid: GET /auth/test accepted it",
                Some(false) => "REJECTED by GET /auth/test",
                None if place.is_none() => "not checked: no key",
                None => "not checked: the server could not be reached",
            };
            // One line each, so that no value can end one and start another.
            say(&format!("Profile:  {name}"));
            say(&format!(
                "Username: {}",
                username.as_deref().unwrap_or("(none)")
            ));
            say(&format!("Base URL: {}", transport.endpoint().base()));
            say(&format!("Key:      {key_line}"));
            say(&format!("Check:    {check_line}"));
        }
    }
    match checked {
        None => Err(super::nothing_stored(&name)),
        Some(Ok(())) => Ok(()),
        Some(Err(failure)) if failure.code == ExitCode::NoPerm => Err(Failure::new(
            ExitCode::NoPerm,
            format!("the stored key of profile {name} was rejected"),
        )
        .with_hint(super::login_hint(&name))),
        Some(Err(failure)) => Err(failure),
    }
}
