//! What every command is handed, built once in `run` from the global flags:
//! the environment, the profile (read on first use), whether we may prompt,
//! the streams, and the transport and the key, each made on first use.
//! Compare gh's `Factory` and cargo's `GlobalContext`.

use crate::config::profile::Profiles;
use crate::env::{self, Snapshot};
use crate::error::Failure;
use crate::input::key::resolve_key;
use crate::input::prompt::Interactivity;
use crate::net::endpoint::Endpoint;
use crate::net::transport::{Settings, Transport};
use crate::secret::Secret;
use std::cell::OnceCell;
use std::sync::Arc;

/// The global flags, as plain values: nothing below `commands/` sees argv.
pub struct Options {
    pub base_url: Option<String>,
    pub profile: Option<String>,
    pub no_input: bool,
    /// How to talk over the network: for the API and for
    /// `webhooks listen --forward` alike.
    pub settings: Settings,
}

pub struct Context {
    env: &'static Snapshot,
    base_url: Option<String>,
    settings: Settings,
    profiles: Profiles,
    interactivity: Interactivity,
    streams: Streams,
    transport: OnceCell<Arc<Transport>>,
}

impl Context {
    pub fn new(options: Options) -> Context {
        Context {
            env: env::snapshot(),
            profiles: Profiles::new(options.profile.as_deref()),
            interactivity: Interactivity::new(options.no_input),
            base_url: options.base_url,
            settings: options.settings,
            streams: Streams,
            transport: OnceCell::new(),
        }
    }

    pub fn env(&self) -> &Snapshot {
        self.env
    }

    /// `--profile` and the config, read on first use.
    pub fn profiles(&self) -> &Profiles {
        &self.profiles
    }

    pub fn interactivity(&self) -> &Interactivity {
        &self.interactivity
    }

    pub fn streams(&self) -> &Streams {
        &self.streams
    }

    /// The transport to the API, made on first use. The base URL is checked
    /// before anything is read or sent, so a typo fails before the user
    /// types a password.
    pub fn transport(&self) -> Result<&Arc<Transport>, Failure> {
        if let Some(transport) = self.transport.get() {
            return Ok(transport);
        }
        env::check_decodable()?;
        // A config file that cannot be parsed is an error (78) for every
        // command that talks to the API, even when flags and variables
        // override it all.
        self.profiles.loaded()?;
        let endpoint = Endpoint::resolve(self.base_url.as_deref(), || self.profiles.base_url())?;
        let transport = Arc::new(Transport::new(&self.settings, endpoint)?);
        Ok(self.transport.get_or_init(|| transport))
    }

    /// A transport to another endpoint, with the same settings (trust,
    /// proxy, timeout, `-v`) as the API's.
    pub fn transport_to(&self, endpoint: Endpoint) -> Result<Transport, Failure> {
        Transport::new(&self.settings, endpoint)
    }

    /// The API key: `--key-stdin` (when `from_stdin`), `MOBIVATE_API_KEY`,
    /// the profile's stored key, then a hidden prompt when interactive.
    pub fn key(&self, from_stdin: bool) -> Result<Secret, Failure> {
        resolve_key(from_stdin, &self.interactivity, &self.profiles)
    }
}

/// The streams: results on stdout; every line for humans on stderr goes
/// through the one printer, `crate::report`.
pub struct Streams;

impl Streams {
    pub fn stdout(&self) -> std::io::Stdout {
        std::io::stdout()
    }
}
