//! The auth commands: `getkey`, `createkey`, `testkey`, `auth
//! login|status|token|logout`, and the credential and key-output options
//! they share.

use crate::input::credentials::CredentialSources;
use crate::output::format::{Format, StatusFormat};
use crate::output::key::KeyOutput;
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct GetkeyArgs {
    #[command(flatten)]
    pub credentials: CredentialArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Check the key with GET /auth/test before writing it anywhere
    #[arg(long)]
    pub verify: bool,
}

#[derive(Debug, Args)]
pub struct CreatekeyArgs {
    #[command(flatten)]
    pub credentials: CredentialArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Do not ask for confirmation; required without a terminal
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct TestkeyArgs {
    /// Read the key from stdin (else MOBIVATE_API_KEY, else the profile's stored key, else a prompt)
    #[arg(long)]
    pub key_stdin: bool,

    /// Print nothing on success
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Credentials")]
pub struct CredentialArgs {
    /// Account username [env: MOBIVATE_USERNAME]
    #[arg(short, long, value_name = "USER")]
    pub username: Option<String>,

    /// Read the password from the file at PATH (`-` means stdin)
    #[arg(long, value_name = "PATH", conflicts_with = "password_stdin")]
    pub password_file: Option<PathBuf>,

    /// Read the password from stdin
    #[arg(long)]
    pub password_stdin: bool,
}

impl CredentialArgs {
    /// The sources as plain values, for `input::credentials`.
    pub fn sources(&self) -> CredentialSources {
        CredentialSources {
            username: self.username.clone(),
            password_file: self.password_file.clone(),
            password_stdin: self.password_stdin,
        }
    }
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// How to print the key
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Raw)]
    pub format: Format,

    /// Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Do not print `::add-mask::` for GitHub Actions
    #[arg(long)]
    pub no_mask: bool,
}

impl OutputArgs {
    /// The options as plain values, for `output::key`.
    pub fn key_output(&self) -> KeyOutput<'_> {
        KeyOutput {
            format: self.format,
            path: self.output.as_deref(),
            no_mask: self.no_mask,
        }
    }
}

/// The long help of `mobivate auth`: what is stored where, and precedence.
pub const AUTH_LONG_ABOUT: &str =
    "Log in once: the API key in the OS keyring, the rest in a profile.

`auth login` stores the key of a profile; later commands (`testkey`,
`send`, `bulk`, `logs`, `optouts`, `webhooks`) read it when no other key
is given. The profile (`[profiles.NAME]` in config.toml) keeps the
username, base URL and the `--from` and `--route` defaults, never the key.

Precedence, first found wins:
  key:      --key-stdin > MOBIVATE_API_KEY > the profile's stored key > hidden prompt > exit 64
  profile:  --profile > MOBIVATE_PROFILE > default_profile in the config > `default`
  base URL: --base-url > MOBIVATE_BASE_URL > the profile > https://api.mobivatebulksms.com

`getkey` and `createkey` never read a stored key. After `createkey`, the
stored key of the profile in use is replaced by the new one when that
profile's username is the one createkey used (`-v` says so).

Files: config.toml in MOBIVATE_CONFIG_DIR, else $XDG_CONFIG_HOME/mobivate
(~/.config/mobivate) on Linux, ~/Library/Application Support/mobivate on
macOS, %APPDATA%\\mobivate on Windows. A plain-text key, only ever written
on purpose, goes to credentials.toml beside it (mode 0600).";

#[derive(Debug, Args)]
pub struct AuthArgs {
    #[command(subcommand)]
    pub command: AuthCommand,
}

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Get the key (as getkey does) and store it in the keyring, with a profile
    #[command(after_help = examples!("mobivate-auth-login"; "mobivate auth login -u alice@example.com", "mobivate auth login -u alice@example.com --from Shop --route mglobal", "mobivate auth login --with-key --profile ci"))]
    Login(LoginArgs),

    /// Show the profile and check its stored key (GET /auth/test); never prints the key
    #[command(after_help = examples!("mobivate-auth-status"; "mobivate auth status", "mobivate auth status --format json --profile ci"))]
    Status(StatusArgs),

    /// Print the profile's stored key, as getkey prints a key
    #[command(after_help = examples!("mobivate-auth-token"; "mobivate auth token", "mobivate auth token --format env"))]
    Token(TokenArgs),

    /// Delete the profile's stored key and its entry in the config
    #[command(after_help = examples!("mobivate-auth-logout"; "mobivate auth logout", "mobivate auth logout --profile ci"))]
    Logout,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    #[command(flatten)]
    pub credentials: CredentialArgs,

    /// Store a key read from stdin (or a hidden prompt) instead of getting one with the password; it is checked with GET /auth/test first
    #[arg(long, conflicts_with_all = ["password_file", "password_stdin"], help_heading = "Login")]
    pub with_key: bool,

    /// Default sender (originator) for send and bulk, kept in the profile
    #[arg(long, value_name = "SENDER", help_heading = "Login")]
    pub from: Option<String>,

    /// Default route for send and bulk, kept in the profile (e.g. mglobal)
    #[arg(long, value_name = "ROUTE", help_heading = "Login")]
    pub route: Option<String>,

    /// Store the key in plain text in credentials.toml (mode 0600) instead of the keyring
    #[arg(long, help_heading = "Login")]
    pub insecure_storage: bool,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// How to print the status: text on stderr, or one JSON object on stdout
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = StatusFormat::Text)]
    pub format: StatusFormat,
}

#[derive(Debug, Args)]
pub struct TokenArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}
