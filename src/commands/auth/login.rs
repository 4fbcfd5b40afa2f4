//! `mobivate auth login`: a key (from getkey, or given with `--with-key` and
//! checked), stored in the keyring, and a profile in config.toml. With no
//! keyring it fails closed: plain text only with `--insecure-storage` or a
//! yes at the terminal.

use crate::api;
use crate::cli::LoginArgs;
use crate::config::config::{self, ConfigDir, Profile, Storage};
use crate::config::keyring::Unavailable;
use crate::config::profile::{self, StoreError};
use crate::context::Context;
use crate::env::Snapshot;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::confirm;
use crate::input::credentials::CredentialSources;
use crate::input::prompt::Interactivity;
use crate::input::secret_text::{NonInteractiveSources, read_stdin_secret};
use crate::input::{credentials, defaults, key};
use crate::platform;
use crate::report::say;
use crate::secret::Secret;

pub fn run(ctx: &Context, args: &LoginArgs) -> Result<(), Failure> {
    let transport = ctx.transport()?;
    let interactivity = ctx.interactivity();
    let name = ctx.profiles().active_name()?;
    let dir = super::config_dir(ctx)?;
    let mut config = ctx.profiles().loaded()?.config.clone().unwrap_or_default();
    let previous = config.profiles.get(&name).cloned().unwrap_or_default();
    let from = checked_from(args.from.as_deref())?;
    let route = checked_route(args.route.as_deref())?;

    // Decided before any secret is asked for or sent: without a keyring and
    // without consent, nothing happens at all.
    let mut storage = Storage::File;
    if !args.insecure_storage {
        storage = match profile::keyring_entry(&dir, &name).read() {
            Ok(_) => Storage::Keyring,
            Err(why) => plain_text_consent(&dir, &why, interactivity)?,
        };
    }

    let (key, username) = if args.with_key {
        given_key(transport, args, interactivity)?
    } else {
        fetched_key(transport, args, &previous, interactivity, ctx.env())?
    };

    match profile::store_key(&dir, &name, storage, &key) {
        Ok(()) => {}
        Err(StoreError::Failure(failure)) => return Err(failure),
        Err(StoreError::Keyring(why)) => {
            storage = plain_text_consent(&dir, &why, interactivity)?;
            if let Err(StoreError::Failure(failure)) =
                profile::store_key(&dir, &name, storage, &key)
            {
                return Err(failure);
            }
        }
    }
    drop(key);
    forget_other_copy(&dir, &name, storage, &previous)?;

    let base_url = transport.endpoint().base().to_string();
    let points_elsewhere = base_url != crate::net::endpoint::DEFAULT_BASE_URL
        || previous
            .base_url
            .as_ref()
            .is_some_and(|old| *old != base_url);
    let entry = Profile {
        username: username.clone(),
        base_url: Some(base_url.clone()),
        from: from.or(previous.from),
        route: route.or(previous.route),
        key_storage: Some(storage),
    };
    config.profiles.insert(name.clone(), entry);
    if config.default_profile.is_none() && name != profile::DEFAULT_PROFILE {
        config.default_profile = Some(name.clone());
    }
    config::write_config(&dir, &config)?;

    let who = username.map(|u| format!(" as {u}")).unwrap_or_default();
    let place = match storage {
        Storage::Keyring => "in the system keyring".to_string(),
        Storage::File => format!(
            "in PLAIN TEXT in {} ({})",
            dir.credentials_path().display(),
            platform::fs::WHO_CAN_READ
        ),
    };
    say(&format!(
        "Logged in{who} (profile {name}); the key is stored {place}."
    ));
    if points_elsewhere {
        say(&format!(
            "The base URL is saved: profile {name} now points at {base_url} (in {}); --base-url or MOBIVATE_BASE_URL overrides it.",
            dir.config_path().display()
        ));
    }
    Ok(())
}

/// No keyring: on a terminal the user may choose plain text; otherwise exit
/// 78, before anything is written, naming `--insecure-storage`.
fn plain_text_consent(
    dir: &ConfigDir,
    why: &Unavailable,
    interactivity: &Interactivity,
) -> Result<Storage, Failure> {
    let file = dir.credentials_path();
    let refused = |detail: String| {
        Failure::new(
            ExitCode::Config,
            format!("no keyring is available ({why}); {detail}; nothing was stored"),
        )
        .with_hint(format!(
            "pass --insecure-storage to store the key in plain text in {} ({}), or use MOBIVATE_API_KEY instead of logging in",
            file.display(),
            platform::fs::WHO_CAN_READ
        ))
    };
    if !interactivity.is_interactive() {
        return Err(refused(interactivity.reason().to_string()));
    }
    confirm::ask(
        &format!(
            "No keyring is available. Store the key in plain text in {} ({})? [y/N] ",
            file.display(),
            platform::fs::WHO_CAN_READ
        ),
        || refused("plain text was declined".to_string()),
    )?;
    Ok(Storage::File)
}

/// `--with-key`: a key from stdin or the hidden prompt, accepted by
/// `/auth/test` before anything is stored. The username is kept only when
/// given (`-u` or `MOBIVATE_USERNAME`).
fn given_key(
    transport: &crate::net::transport::Transport,
    args: &LoginArgs,
    interactivity: &Interactivity,
) -> Result<(Secret, Option<String>), Failure> {
    // Checked as `-u` is, before the key is read or sent.
    let username = credentials::given_username(&args.credentials.sources())?;
    let sources = NonInteractiveSources {
        flag: "--with-key",
        others: "a password source (--password-stdin, --password-file, MOBIVATE_PASSWORD) without --with-key",
    };
    let (raw, source) = read_stdin_secret("API key: ", "key", interactivity, &sources)?;
    let key = key::parse_key(&raw, source)?;
    drop(raw);
    api::auth::test_key(transport, &key).map_err(|failure| {
        if failure.code == ExitCode::NoPerm {
            Failure::new(
                ExitCode::NoPerm,
                "the key was rejected by GET /auth/test; nothing was stored",
            )
            .with_hint("check the key, or log in with the username and password instead")
        } else {
            failure
        }
    })?;
    Ok((key, username))
}

/// As `getkey`: the same sources and rules; the profile's username is used
/// when neither `-u` nor `MOBIVATE_USERNAME` gives one.
fn fetched_key(
    transport: &crate::net::transport::Transport,
    args: &LoginArgs,
    previous: &Profile,
    interactivity: &Interactivity,
    env: &Snapshot,
) -> Result<(Secret, Option<String>), Failure> {
    let env_username = env
        .var_os("MOBIVATE_USERNAME")
        .is_some_and(|u| !u.is_empty());
    let username = match &args.credentials.username {
        Some(username) => Some(username.clone()),
        None if env_username => None,
        None => previous.username.clone(),
    };
    let sources = CredentialSources {
        username,
        ..args.credentials.sources()
    };
    let credentials = credentials::resolve(&sources, interactivity)?;
    let key = api::auth::get_key(transport, &credentials)?;
    let username = credentials.username.clone();
    drop(credentials);
    crate::output::key::check_key(&key)?;
    Ok((key, Some(username)))
}

/// Only one copy of a key: logging in to the keyring removes a plain-text
/// copy; logging in to the file removes the keyring entry (a warning if the
/// keyring cannot be reached).
fn forget_other_copy(
    dir: &ConfigDir,
    name: &str,
    storage: Storage,
    previous: &Profile,
) -> Result<(), Failure> {
    match storage {
        Storage::Keyring => {
            config::write_file_key(dir, name, None)?;
        }
        Storage::File => {
            if previous.key_storage == Some(Storage::Keyring)
                && let Err(why) = profile::keyring_entry(dir, name).delete()
            {
                crate::report::warn(&format!(
                    "cannot delete the old key of profile {name} from the keyring: {why}"
                ));
            }
        }
    }
    Ok(())
}

/// `--from`, checked by the one sender rule (`defaults::check_sender`).
fn checked_from(from: Option<&str>) -> Result<Option<String>, Failure> {
    let Some(from) = from else { return Ok(None) };
    defaults::check_sender(from, "--from")?;
    Ok(Some(from.to_string()))
}

/// `--route`, checked by the one route rule (`defaults::check_route`).
fn checked_route(route: Option<&str>) -> Result<Option<String>, Failure> {
    let Some(route) = route else { return Ok(None) };
    defaults::check_route(route, "--route")?;
    Ok(Some(route.to_string()))
}
