//! The OS keyring (Secret Service, Keychain, Credential Manager), with every
//! call bounded to 3 seconds: some keyrings wait forever for a desktop
//! session that will never come.

use crate::sanitize::sanitize_server_text;
use crate::secret::Secret;
use std::sync::mpsc;
use std::time::Duration;

pub const KEYRING_TIMEOUT: Duration = Duration::from_secs(3);

/// Why the keyring could not be used.
#[derive(Debug)]
pub enum Unavailable {
    /// The call failed: no service, no session bus, a locked store.
    Failed(String),
    /// No answer within `KEYRING_TIMEOUT`.
    TimedOut,
    /// This build has no real keyring for its platform.
    Unsupported,
}

impl std::fmt::Display for Unavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unavailable::Failed(why) => write!(f, "{why}"),
            Unavailable::TimedOut => write!(
                f,
                "it did not answer within {} s",
                KEYRING_TIMEOUT.as_secs()
            ),
            Unavailable::Unsupported => write!(f, "this platform has no supported keyring"),
        }
    }
}

/// One entry: a service name and an account (the profile).
pub struct Entry {
    service: String,
    account: String,
}

impl Entry {
    pub fn new(service: &str, account: &str) -> Entry {
        Entry {
            service: service.to_string(),
            account: account.to_string(),
        }
    }

    /// The stored key, or `None` when there is no entry.
    pub fn read(&self) -> Result<Option<Secret>, Unavailable> {
        self.bounded(|entry| match entry.get_password() {
            Ok(password) => Ok(Some(Secret::new(password))),
            Err(::keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(error),
        })
    }

    pub fn write(&self, key: &Secret) -> Result<(), Unavailable> {
        let key = Secret::new(key.expose().to_string());
        self.bounded(move |entry| entry.set_password(key.expose()))
    }

    /// Deletes the entry; `Ok(false)` when there was none.
    pub fn delete(&self) -> Result<bool, Unavailable> {
        self.bounded(|entry| match entry.delete_credential() {
            Ok(()) => Ok(true),
            Err(::keyring::Error::NoEntry) => Ok(false),
            Err(error) => Err(error),
        })
    }

    /// Runs one keyring call on its own thread and waits at most
    /// `KEYRING_TIMEOUT`. A call that does not answer is abandoned: its thread
    /// ends with the process.
    fn bounded<T: Send + 'static>(
        &self,
        call: impl FnOnce(&::keyring::Entry) -> Result<T, ::keyring::Error> + Send + 'static,
    ) -> Result<T, Unavailable> {
        if !crate::platform::NATIVE_KEYRING {
            return Err(Unavailable::Unsupported);
        }
        let (service, account) = (self.service.clone(), self.account.clone());
        let (sender, receiver) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("keyring".to_string())
            .spawn(move || {
                let result =
                    ::keyring::Entry::new(&service, &account).and_then(|entry| call(&entry));
                let _ = sender.send(result);
            });
        if let Err(error) = spawned {
            return Err(Unavailable::Failed(format!(
                "cannot start a thread: {error}"
            )));
        }
        match receiver.recv_timeout(KEYRING_TIMEOUT) {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => Err(Unavailable::Failed(describe(&error))),
            Err(mpsc::RecvTimeoutError::Timeout) => Err(Unavailable::TimedOut),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                Err(Unavailable::Failed("the keyring call failed".to_string()))
            }
        }
    }
}

/// One line about a keyring error, safe to print (the crate's messages
/// quote D-Bus and OS errors, never the secret).
fn describe(error: &::keyring::Error) -> String {
    let text = match error {
        ::keyring::Error::PlatformFailure(inner) | ::keyring::Error::NoStorageAccess(inner) => {
            inner.to_string()
        }
        other => other.to_string(),
    };
    sanitize_server_text(&text)
}
