//! The profile in use and what it holds: its name (`--profile` >
//! `MOBIVATE_PROFILE` > `default_profile` > `default`), its base URL and
//! defaults, and its stored key (keyring or plain-text file).
//!
//! The `Context` holds one `Profiles`, made from `--profile`; everything
//! else asks it. The config is read at most once per run, and only when
//! something needs it, so `completions`, or a key from `MOBIVATE_API_KEY`,
//! never touch the config or the keyring.

use crate::config::config::{self, ConfigDir, ConfigFile, Profile, Storage};
use crate::config::keyring::{self, Unavailable};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::report::{Verbose, warn};
use crate::secret::Secret;
use std::cell::OnceCell;

pub const DEFAULT_PROFILE: &str = "default";

/// The config directory (if one can be found) and its `config.toml` (if any).
#[derive(Clone, Debug)]
pub struct Loaded {
    pub dir: Option<ConfigDir>,
    pub config: Option<ConfigFile>,
}

/// The defaults a profile gives `send` and `bulk`. Precedence, applied by
/// the caller: flag > environment variable > profile > built-in default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileDefaults {
    pub from: Option<String>,
    pub route: Option<String>,
}

/// Where a stored key was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyPlace {
    Keyring,
    /// Plain text, in this file.
    File(std::path::PathBuf),
}

/// `--profile`, and the config directory and file, read on first use.
pub struct Profiles {
    /// `--profile`, as given on the command line.
    flag: Option<String>,
    loaded: OnceCell<Result<Loaded, Failure>>,
}

impl Profiles {
    pub fn new(flag: Option<&str>) -> Self {
        Profiles {
            flag: flag.map(str::to_string),
            loaded: OnceCell::new(),
        }
    }

    /// The config directory and file, read on first use.
    pub fn loaded(&self) -> Result<&Loaded, Failure> {
        self.loaded
            .get_or_init(|| {
                let dir = ConfigDir::locate();
                let config = match &dir {
                    Some(dir) => config::read_config(dir)?,
                    None => None,
                };
                Ok(Loaded { dir, config })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The name of the profile in use: `--profile` > `MOBIVATE_PROFILE` >
    /// `default_profile` > `default`.
    pub fn active_name(&self) -> Result<String, Failure> {
        if let Some(name) = self.flag.clone() {
            return checked_name(name, "--profile");
        }
        match crate::env::var_os("MOBIVATE_PROFILE").map(std::ffi::OsString::into_string) {
            Some(Ok(name)) if !name.is_empty() => return checked_name(name, "MOBIVATE_PROFILE"),
            Some(Ok(_)) | None => {}
            Some(Err(_)) => {
                return Err(Failure::new(
                    ExitCode::Config,
                    "the environment variable MOBIVATE_PROFILE is not valid UTF-8",
                ));
            }
        }
        let configured = self
            .loaded()?
            .config
            .as_ref()
            .and_then(|config| config.default_profile.clone());
        match configured {
            Some(name) => checked_name(name, "default_profile in the config"),
            None => Ok(DEFAULT_PROFILE.to_string()),
        }
    }
}

/// A profile name: 1 to 64 letters, digits, `-`, `_` or `.`; it becomes a
/// TOML key and a keyring account.
fn checked_name(name: String, source: &str) -> Result<String, Failure> {
    let usable = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if usable {
        return Ok(name);
    }
    Err(Failure::new(
        ExitCode::DataErr,
        format!(
            "the profile name from {source} is not usable: {:?}",
            crate::sanitize::sanitize_server_text(&name)
        ),
    )
    .with_hint("a profile name is 1 to 64 letters, digits, `-`, `_` or `.`"))
}

impl Profiles {
    /// The profile in use, when the config has it.
    pub fn active_profile(&self) -> Result<Option<Profile>, Failure> {
        let name = self.active_name()?;
        Ok(self
            .loaded()?
            .config
            .as_ref()
            .and_then(|config| config.profiles.get(&name).cloned()))
    }

    /// The base URL the profile in use names, if any (`--base-url` and
    /// `MOBIVATE_BASE_URL` win over it; the caller applies that).
    /// With it, where it came from: `from profile 'default' in …/config.toml`.
    pub fn base_url(&self) -> Result<Option<(String, String)>, Failure> {
        let Some(url) = self.active_profile()?.and_then(|profile| profile.base_url) else {
            return Ok(None);
        };
        let name = self.active_name()?;
        let origin = match &self.loaded()?.dir {
            Some(dir) => format!("from profile '{name}' in {}", dir.config_path().display()),
            None => format!("from profile '{name}'"),
        };
        Ok(Some((url, origin)))
    }

    /// The profile's defaults for `send` and `bulk`.
    pub fn defaults(&self) -> Result<ProfileDefaults, Failure> {
        Ok(self
            .active_profile()?
            .map(|profile| ProfileDefaults {
                from: profile.from,
                route: profile.route,
            })
            .unwrap_or_default())
    }

    /// The stored key of the profile in use, for `resolve_key`. With no config
    /// file nothing is touched. A keyring that fails or does not answer counts as
    /// nothing stored, with a warning.
    pub fn stored_key(&self) -> Result<Option<(Secret, KeyPlace)>, Failure> {
        let Some((name, dir, profile)) = self.stored_profile()? else {
            return Ok(None);
        };
        read_stored_key(dir, &name, profile)
    }

    /// The profile in use as the config file has it, with its name and the
    /// config folder; `None` without a config file or without that profile.
    fn stored_profile(&self) -> Result<Option<(String, &ConfigDir, &Profile)>, Failure> {
        let name = self.active_name()?;
        let loaded = self.loaded()?;
        let (Some(dir), Some(config)) = (&loaded.dir, &loaded.config) else {
            return Ok(None);
        };
        Ok(config
            .profiles
            .get(&name)
            .map(|profile| (name, dir, profile)))
    }
}

/// The key a profile's `key_storage` points to.
pub fn read_stored_key(
    dir: &ConfigDir,
    name: &str,
    profile: &Profile,
) -> Result<Option<(Secret, KeyPlace)>, Failure> {
    match profile.key_storage {
        None => Ok(None),
        Some(Storage::File) => Ok(config::read_file_key(dir, name)?
            .map(|key| (key, KeyPlace::File(dir.credentials_path())))),
        Some(Storage::Keyring) => match keyring_entry(dir, name).read() {
            Ok(found) => Ok(found.map(|key| (key, KeyPlace::Keyring))),
            Err(why) => {
                warn(&format!(
                    "cannot read the key of profile {name} from the keyring: {why}; going on as if none were stored"
                ));
                Ok(None)
            }
        },
    }
}

pub fn keyring_entry(dir: &ConfigDir, profile: &str) -> keyring::Entry {
    keyring::Entry::new(&dir.keyring_service(), profile)
}

/// Stores a key where the profile keeps it. Used after `createkey` and by
/// `auth login`.
pub fn store_key(
    dir: &ConfigDir,
    name: &str,
    storage: Storage,
    key: &Secret,
) -> Result<(), StoreError> {
    match storage {
        Storage::Keyring => keyring_entry(dir, name)
            .write(key)
            .map_err(StoreError::Keyring),
        Storage::File => config::write_file_key(dir, name, Some(key))
            .map(|_| ())
            .map_err(StoreError::Failure),
    }
}

pub enum StoreError {
    Keyring(Unavailable),
    Failure(Failure),
}

/// After a successful `createkey` by `username`: the profile in use gets the
/// new key, since its old one was just revoked, but only when it belongs to
/// that username. A failure here is a warning: the new key is still printed.
impl Profiles {
    pub fn update_after_createkey(&self, username: &str, key: &Secret, verbose: Verbose) {
        let outcome = (|| -> Result<Option<String>, Failure> {
            let Some((name, dir, profile)) = self.stored_profile()? else {
                return Ok(None);
            };
            let Some(storage) = profile.key_storage else {
                return Ok(None);
            };
            if profile.username.as_deref() != Some(username) {
                verbose.say(|| {
                format!(
                    "not updating the stored key of profile {name}: it belongs to another username"
                )
            });
                return Ok(None);
            }
            match store_key(dir, &name, storage, key) {
                Ok(()) => {
                    let place = match storage {
                        Storage::Keyring => "the keyring".to_string(),
                        Storage::File => dir.credentials_path().display().to_string(),
                    };
                    verbose.say(|| format!("updated the stored key of profile {name} in {place}"));
                    Ok(Some(name))
                }
                Err(StoreError::Keyring(why)) => Err(Failure::new(
                    ExitCode::Config,
                    format!("cannot update the stored key of profile {name} in the keyring: {why}"),
                )),
                Err(StoreError::Failure(failure)) => Err(failure),
            }
        })();
        if let Err(failure) = outcome {
            warn(&format!(
                "{failure}; the stored key is now revoked: run `mobivate auth login`"
            ));
        }
    }
}
