//! The auth commands: `getkey`, `createkey`, `testkey`, and the credential
//! and key-output options they share.

use clap::{Args, ValueEnum};
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
    /// Read the key from stdin
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// KEY
    Raw,
    /// {"apiKey":"KEY"}
    Json,
    /// MOBIVATE_API_KEY=KEY
    Env,
    /// export MOBIVATE_API_KEY='KEY'
    Shell,
}
