//! The files kept between runs: `config.toml` (profiles, never a secret
//! when the keyring is used) and, only when asked for, `credentials.toml`
//! beside it with keys in plain text. Where they live, reading them (capped,
//! with a warning when others can read them) and writing them atomically.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::output::atomic::AtomicFile;
use crate::platform;
use crate::sanitize::sanitize_server_text;
use crate::secret::Secret;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use zeroize::{Zeroize, Zeroizing};

pub const CONFIG_FILE: &str = "config.toml";
pub const CREDENTIALS_FILE: &str = "credentials.toml";

/// Larger files are refused: a config is a few hundred bytes.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// `config.toml`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub profiles: BTreeMap<String, Profile>,
}

/// `[profiles.NAME]`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route: Option<String>,
    /// Where the key is: not the key itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_storage: Option<Storage>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Storage {
    Keyring,
    File,
}

/// `credentials.toml`: only ever written with `--insecure-storage` or after
/// the user said yes at the prompt.
#[derive(Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CredentialsFile {
    #[serde(default)]
    profiles: BTreeMap<String, StoredKey>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredKey {
    api_key: String,
}

impl Drop for StoredKey {
    fn drop(&mut self) {
        self.api_key.zeroize();
    }
}

/// The config directory and whether the user chose it.
#[derive(Clone, Debug)]
pub struct ConfigDir {
    pub path: PathBuf,
    /// Set by `MOBIVATE_CONFIG_DIR`, so keyring entries are kept apart from
    /// those of the usual directory.
    pub overridden: bool,
}

impl ConfigDir {
    /// `MOBIVATE_CONFIG_DIR`, else the platform's: `$XDG_CONFIG_HOME/mobivate`
    /// (or `~/.config/mobivate`) on Linux, `~/Library/Application
    /// Support/mobivate` on macOS, `%APPDATA%\mobivate` on Windows. `None`
    /// when there is no home directory to find it from.
    pub fn locate() -> Option<ConfigDir> {
        if let Some(dir) = crate::env::var_os("MOBIVATE_CONFIG_DIR").filter(|d| !d.is_empty()) {
            let path = PathBuf::from(dir);
            let path = std::path::absolute(&path).unwrap_or(path);
            return Some(ConfigDir {
                path,
                overridden: true,
            });
        }
        let base = directories::BaseDirs::new()?;
        Some(ConfigDir {
            path: base.config_dir().join("mobivate"),
            overridden: false,
        })
    }

    pub fn config_path(&self) -> PathBuf {
        self.path.join(CONFIG_FILE)
    }

    pub fn credentials_path(&self) -> PathBuf {
        self.path.join(CREDENTIALS_FILE)
    }

    /// The keyring's service name for keys of this directory: `mobivate`,
    /// or `mobivate:DIR` when `MOBIVATE_CONFIG_DIR` chose another directory.
    pub fn keyring_service(&self) -> String {
        if self.overridden {
            format!("mobivate:{}", self.path.display())
        } else {
            "mobivate".to_string()
        }
    }
}

/// Reads `config.toml`; `None` when there is none.
pub fn read_config(dir: &ConfigDir) -> Result<Option<ConfigFile>, Failure> {
    let path = dir.config_path();
    let Some(text) = read_small_file(&path, "config file")? else {
        return Ok(None);
    };
    parse_toml::<ConfigFile>(&text, &path).map(Some)
}

pub fn write_config(dir: &ConfigDir, config: &ConfigFile) -> Result<(), Failure> {
    let text = toml::to_string(config).map_err(|error| {
        Failure::new(
            ExitCode::Config,
            format!("cannot write the config: {error}"),
        )
    })?;
    let text = format!("# mobivate profiles: see `mobivate auth --help`. No secrets here.\n{text}");
    write_private(dir, &dir.config_path(), "the config", text.as_bytes())
}

/// The profile's key from `credentials.toml`, if the file has one.
pub fn read_file_key(dir: &ConfigDir, profile: &str) -> Result<Option<Secret>, Failure> {
    let path = dir.credentials_path();
    let Some(text) = read_small_file(&path, "credentials file")? else {
        return Ok(None);
    };
    let mut file = parse_toml::<CredentialsFile>(&text, &path)?;
    Ok(file
        .profiles
        .get_mut(profile)
        .map(|stored| Secret::new(std::mem::take(&mut stored.api_key))))
}

/// Stores (`Some`) or removes (`None`) the profile's key in
/// `credentials.toml`; the file is removed once it holds no key. Returns
/// whether anything changed.
pub fn write_file_key(
    dir: &ConfigDir,
    profile: &str,
    key: Option<&Secret>,
) -> Result<bool, Failure> {
    let path = dir.credentials_path();
    let mut file = match read_small_file(&path, "credentials file")? {
        Some(text) => parse_toml::<CredentialsFile>(&text, &path)?,
        None if key.is_none() => return Ok(false),
        None => CredentialsFile::default(),
    };
    let changed = match key {
        Some(key) => {
            file.profiles.insert(
                profile.to_string(),
                StoredKey {
                    api_key: key.expose().to_string(),
                },
            );
            true
        }
        None => file.profiles.remove(profile).is_some(),
    };
    if file.profiles.is_empty() {
        return match std::fs::remove_file(&path) {
            Ok(()) => Ok(changed),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(changed),
            Err(error) => Err(Failure::new(
                ExitCode::CantCreate,
                format!("cannot remove {}: {error}", path.display()),
            )),
        };
    }
    let text = Zeroizing::new(toml::to_string(&file).map_err(|error| {
        Failure::new(
            ExitCode::Config,
            format!("cannot write the credentials: {error}"),
        )
    })?);
    let text = Zeroizing::new(format!(
        "# mobivate API keys in PLAIN TEXT (auth login --insecure-storage). Keep this file readable only by you.\n{}",
        text.as_str()
    ));
    write_private(dir, &path, "the credentials", text.as_bytes())?;
    Ok(changed)
}

fn write_private(
    dir: &ConfigDir,
    path: &Path,
    what: &'static str,
    bytes: &[u8],
) -> Result<(), Failure> {
    platform::fs::create_private_dir_all(&dir.path).map_err(|error| {
        Failure::new(
            ExitCode::CantCreate,
            format!(
                "cannot create the config directory {}: {error}",
                dir.path.display()
            ),
        )
    })?;
    AtomicFile::create_for(path, what)?.commit(bytes)
}

/// The whole file as text, or `None` when it does not exist. Warns when group
/// or others can read it.
fn read_small_file(path: &Path, what: &str) -> Result<Option<Zeroizing<String>>, Failure> {
    let shown = path.display();
    let unreadable = |why: String| {
        Failure::new(
            ExitCode::Config,
            format!("cannot read {what} {shown}: {why}"),
        )
    };
    // A FIFO or a device there is refused, never read: checked before the
    // open (which never waits), and again on the open file.
    let refuse = |metadata: &std::fs::Metadata| match platform::fs::file_kind(metadata) {
        platform::fs::FileKind::Regular => Ok(()),
        kind => Err(unreadable(format!(
            "it {}, not a regular file, and was not read",
            kind.describe()
        ))),
    };
    match std::fs::metadata(path) {
        Ok(metadata) => refuse(&metadata)?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(_) => {}
    }
    let file = match platform::fs::open_without_waiting(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(unreadable(error.to_string())),
    };
    let metadata = file
        .metadata()
        .map_err(|error| unreadable(error.to_string()))?;
    refuse(&metadata)?;
    if let Some(mode) = platform::fs::readable_by_others(&metadata) {
        crate::report::warn(&format!(
            "{what} {shown} can be read by group or others (mode {mode:04o}); run: chmod 600 {shown}"
        ));
    }
    let bytes = match crate::input::capped::read_capped(file, MAX_CONFIG_BYTES) {
        Err(error) if error.kind() == std::io::ErrorKind::FileTooLarge => {
            return Err(unreadable("it is larger than 1 MiB".to_string()));
        }
        read => read.map_err(|error| unreadable(error.to_string()))?,
    };
    let text =
        std::str::from_utf8(&bytes).map_err(|_| unreadable("it is not valid UTF-8".to_string()))?;
    Ok(Some(Zeroizing::new(text.to_string())))
}

/// Parses TOML, failing with exit 78 that names the file and the line.
pub fn parse_toml<T: serde::de::DeserializeOwned>(text: &str, path: &Path) -> Result<T, Failure> {
    toml::from_str(text).map_err(|error| {
        let line = error
            .span()
            .map(|span| {
                // Bytes, not a str slice: an offset inside a character
                // must not panic.
                let before = text.as_bytes().get(..span.start).unwrap_or(text.as_bytes());
                let line = before.iter().filter(|b| **b == b'\n').count() + 1;
                format!(", line {line}")
            })
            .unwrap_or_default();
        let message = sanitize_server_text(error.message());
        Failure::new(
            ExitCode::Config,
            format!("cannot parse {}{line}: {message}", path.display()),
        )
        .with_hint("fix the file, or move it away and run `mobivate auth login` again")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_errors_name_the_line() {
        let text = "default_profile = \"a\"\n\n[profiles.a]\nusername = \n";
        let failure = parse_toml::<ConfigFile>(text, Path::new("/x/config.toml")).unwrap_err();
        assert_eq!(failure.code, ExitCode::Config);
        assert!(
            failure
                .message()
                .starts_with("cannot parse /x/config.toml, line 4: "),
            "{}",
            failure.message()
        );
    }

    #[test]
    fn unknown_keys_are_errors() {
        let text = "[profiles.a]\nusernme = \"x\"\n";
        let failure = parse_toml::<ConfigFile>(text, Path::new("c")).unwrap_err();
        assert!(
            failure.message().contains("line 2"),
            "{}",
            failure.message()
        );
    }

    #[test]
    fn round_trips() {
        let mut config = ConfigFile {
            default_profile: Some("work".into()),
            ..ConfigFile::default()
        };
        config.profiles.insert(
            "work".into(),
            Profile {
                username: Some("a@b".into()),
                key_storage: Some(Storage::Keyring),
                ..Profile::default()
            },
        );
        let text = toml::to_string(&config).unwrap();
        let back: ConfigFile = toml::from_str(&text).unwrap();
        assert_eq!(back.default_profile.as_deref(), Some("work"));
        assert_eq!(back.profiles["work"].key_storage, Some(Storage::Keyring));
        assert!(text.contains("key_storage = \"keyring\""), "{text}");
    }
}
