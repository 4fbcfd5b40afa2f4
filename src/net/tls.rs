//! Which certificate authorities to trust: `--cacert`, or the operating
//! system's store (which honours SSL_CERT_FILE and SSL_CERT_DIR). Loaded only
//! when a TLS connection will actually be made.

use crate::error::Failure;
use crate::exit::ExitCode;
use rustls::CertificateError;
use std::path::Path;
use std::sync::Arc;
use ureq::tls::{Certificate, PemItem, RootCerts};

pub const TRUST_HINT: &str =
    "if a proxy or your company inspects TLS, pass its CA with --cacert FILE or set SSL_CERT_FILE";

/// Reads and checks the `--cacert` file: missing or unreadable is 66, a file
/// without any PEM certificate is 78.
pub fn load_ca_file(path: &Path) -> Result<Vec<Certificate<'static>>, Failure> {
    let shown = path.display();
    let pem = std::fs::read(path).map_err(|error| {
        Failure::new(
            ExitCode::NoInput,
            format!("cannot read CA file {shown}: {error}"),
        )
    })?;
    let certs: Vec<Certificate<'static>> = ureq::tls::parse_pem(&pem)
        .filter_map(|item| match item {
            Ok(PemItem::Certificate(cert)) => Some(cert),
            _ => None,
        })
        .collect();
    if certs.is_empty() {
        return Err(Failure::new(
            ExitCode::Config,
            format!("CA file {shown} holds no PEM certificate"),
        )
        .with_hint(
            "--cacert takes a PEM file with one or more -----BEGIN CERTIFICATE----- blocks",
        ));
    }
    Ok(certs)
}

/// The operating system's trusted roots, or a clear error when there are none.
pub fn system_roots() -> Result<RootCerts, Failure> {
    let found = rustls_native_certs::load_native_certs();
    if found.certs.is_empty() {
        let detail = found
            .errors
            .first()
            .map(|e| format!(" ({e})"))
            .unwrap_or_default();
        return Err(Failure::new(
            ExitCode::Protocol,
            format!("TLS: no trusted CA certificates were found on this machine{detail}"),
        )
        .with_hint(
            "install the ca-certificates package, pass --cacert FILE, or set SSL_CERT_FILE",
        ));
    }
    let certs = found
        .certs
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()).to_owned());
    Ok(RootCerts::Specific(Arc::new(certs.collect())))
}

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
        other => format!("TLS handshake with {host} failed: {other}"),
    }
}
