//! Which certificate authorities to trust, and the TLS layer that checks
//! servers against them: `--cacert`, `SSL_CERT_FILE` and `SSL_CERT_DIR`, or
//! the operating system's store. Loaded only when a TLS connection will
//! actually be made.
//!
//! On Linux and the BSDs the system store is a bundle file plus a hashed
//! directory that mostly repeats it, file by file. Reading the directory costs
//! more than a whole exchange with the API, so the bundle alone is tried
//! first; the directory is read only when the bundle's roots do not verify the
//! server, which is what a CA dropped only into the directory needs. That is
//! also why ureq's own TLS layer is replaced here: it takes a fixed list of
//! roots, not a verifier.
//!
//! - `roots`: reading roots from PEM files and directories (`pem` decodes);
//! - `verifier`: what a connection trusts, and the bundle-first verifier;
//! - `connector`: the TLS layer under ureq.

mod connector;
mod pem;
mod roots;
mod verifier;

pub use connector::agent;
pub use roots::{load_ca_file, read_pem};
pub use verifier::{Trust, system_trust};

use roots::TrustStoreError;
use rustls::{CertificateError, OtherError};

pub const TRUST_HINT: &str =
    "if a proxy or your company inspects TLS, pass its CA with --cacert FILE or set SSL_CERT_FILE";

/// A readable cause for a TLS failure, naming the usual suspects.
pub fn describe(error: &rustls::Error, host: &str) -> String {
    match error {
        rustls::Error::InvalidCertificate(cert) => match cert {
            CertificateError::UnknownIssuer => {
                format!("TLS: the certificate of {host} is signed by an unknown issuer")
            }
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                format!("TLS: the certificate is not valid for the name {host} (name mismatch)")
            }
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                format!("TLS: the certificate of {host} has expired")
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                format!("TLS: the certificate of {host} is not valid yet")
            }
            CertificateError::BadSignature => {
                format!(
                    "TLS: the certificate of {host} has a bad signature (is it from the CA you trust?)"
                )
            }
            CertificateError::Revoked => format!("TLS: the certificate of {host} has been revoked"),
            other => format!("TLS: the certificate of {host} is invalid: {other:?}"),
        },
        rustls::Error::Other(OtherError(inner)) if inner.is::<TrustStoreError>() => {
            inner.to_string()
        }
        other => format!("TLS handshake with {host} failed: {other}"),
    }
}

/// Whether a TLS failure came from an unusable local trust store (exit 78)
/// rather than from the server.
pub fn is_trust_store_error(error: &rustls::Error) -> bool {
    matches!(error, rustls::Error::Other(OtherError(inner)) if inner.is::<TrustStoreError>())
}
