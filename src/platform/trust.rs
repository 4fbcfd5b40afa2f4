//! Where the operating system keeps its trusted CAs. This splits by operating
//! system rather than by family: macOS is Unix, but like Windows it hands over
//! its own store, while Linux and the BSDs keep files that OpenSSL would read.

use rustls::pki_types::CertificateDer;
use std::path::PathBuf;

/// The system's trusted CAs: certificates it hands over (Windows, macOS), or
/// the bundle file and hashed directories to read (Linux, the BSDs).
pub struct SystemStore {
    pub certs: Vec<CertificateDer<'static>>,
    /// The first error met while loading `certs`.
    pub first_error: Option<String>,
    pub file: Option<PathBuf>,
    pub dirs: Vec<PathBuf>,
}

/// Linux and the BSDs: the bundle and directories OpenSSL would use.
#[cfg(all(unix, not(target_os = "macos")))]
pub fn system_store() -> SystemStore {
    let probed = openssl_probe::probe();
    SystemStore {
        certs: Vec::new(),
        first_error: None,
        file: probed.cert_file,
        dirs: probed.cert_dir,
    }
}

/// Windows and macOS: the operating system's own store.
#[cfg(any(windows, target_os = "macos"))]
pub fn system_store() -> SystemStore {
    let found = rustls_native_certs::load_native_certs();
    SystemStore {
        certs: found.certs,
        first_error: found.errors.first().map(ToString::to_string),
        file: None,
        dirs: Vec::new(),
    }
}
