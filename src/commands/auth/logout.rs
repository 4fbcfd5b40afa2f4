//! `mobivate auth logout`: the profile's key and its config entry, deleted.

use crate::config::config::{self, Storage};
use crate::config::profile;
use crate::context::Context;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::report::say;

pub fn run(ctx: &Context) -> Result<(), Failure> {
    let name = ctx.profiles().active_name()?;
    let loaded = ctx.profiles().loaded()?;
    let (Some(dir), Some(config)) = (&loaded.dir, &loaded.config) else {
        say(&format!("Nothing to do: profile {name} is not logged in."));
        return Ok(());
    };
    let Some(entry) = config.profiles.get(&name) else {
        say(&format!("Nothing to do: profile {name} is not logged in."));
        return Ok(());
    };
    let mut deleted_from = Vec::new();
    if entry.key_storage == Some(Storage::Keyring) {
        match profile::keyring_entry(dir, &name).delete() {
            Ok(true) => deleted_from.push("the keyring".to_string()),
            Ok(false) => {}
            Err(why) => {
                return Err(Failure::new(
                    ExitCode::Config,
                    format!("cannot delete the key of profile {name} from the keyring: {why}; nothing was changed"),
                )
                .with_hint("try again once the keyring is reachable"));
            }
        }
    }
    if config::write_file_key(dir, &name, None)? {
        deleted_from.push(dir.credentials_path().display().to_string());
    }
    let mut config = config.clone();
    config.profiles.remove(&name);
    if config.default_profile.as_deref() == Some(name.as_str()) {
        config.default_profile = None;
    }
    config::write_config(dir, &config)?;
    if deleted_from.is_empty() {
        say(&format!(
            "Logged out of profile {name}: it had no stored key; its entry was removed from {}.",
            dir.config_path().display()
        ));
    } else {
        say(&format!(
            "Logged out of profile {name}: the key was deleted from {}.",
            deleted_from.join(" and ")
        ));
    }
    Ok(())
}
