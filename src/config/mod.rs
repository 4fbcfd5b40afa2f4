//! What is kept between runs: config.toml and its profiles, and the key in
//! the system keyring or credentials.toml.

// `config::config` is config.toml itself, beside the profile and the keyring.
#[allow(clippy::module_inception)]
pub mod config;
pub mod keyring;
pub mod profile;
