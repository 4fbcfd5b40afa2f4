//! What a TLS connection trusts: exactly the `--cacert` roots, or the
//! system's, checked bundle first and the directories only when needed.

use super::roots::{
    CaPaths, ReadError, TrustStoreError, add_ca_file, add_from_dirs, shown, too_big,
};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::platform::trust;
use crate::report::Verbose;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, OtherError, RootCertStore, SignatureScheme};
use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// What a TLS connection trusts, ready to hand to [`agent`].
pub struct Trust {
    pub(super) verifier: Arc<dyn ServerCertVerifier>,
    pub(super) provider: Arc<CryptoProvider>,
}

impl Trust {
    /// Exactly these roots, as `--cacert` asks.
    pub fn only(roots: RootCertStore) -> Result<Trust, Failure> {
        let provider = provider();
        Ok(Trust {
            verifier: webpki_verifier(Arc::new(roots), &provider)?,
            provider,
        })
    }
}

/// The operating system's trusted roots, or a clear error when there are none.
/// `SSL_CERT_FILE` and `SSL_CERT_DIR` replace the system store on every
/// platform, as they do for rustls-native-certs.
pub fn system_trust(verbose: Verbose) -> Result<Trust, Failure> {
    let mut roots = RootCertStore::empty();
    let mut first_error = None;
    let mut paths = CaPaths::from_env();
    if paths.file.is_none() && paths.dirs.is_empty() {
        let store = trust::system_store();
        if !store.certs.is_empty() || store.first_error.is_some() {
            roots.add_parsable_certificates(store.certs);
            verbose.say(|| {
                format!(
                    "trusting {} certificate(s) from the system store",
                    roots.len()
                )
            });
        }
        first_error = store.first_error;
        paths = CaPaths {
            file: store.file,
            dirs: store.dirs,
        };
    }
    if let Some(file) = &paths.file {
        match add_ca_file(&mut roots, file) {
            Ok(()) => verbose.say(|| {
                format!(
                    "trusting {} certificate(s) from {}",
                    roots.len(),
                    file.display()
                )
            }),
            Err(ReadError::TooBig) => return Err(too_big(file)),
            Err(ReadError::Io(error)) => {
                verbose.say(|| format!("cannot read {}: {error}", file.display()));
                first_error = Some(format!("{}: {error}", file.display()));
            }
        }
    }
    if roots.is_empty() || paths.dirs.is_empty() {
        // Nothing to try first, or nothing to fall back on.
        if !paths.dirs.is_empty() {
            let added = add_from_dirs(&mut roots, &paths.dirs, paths.file.as_deref())
                .map_err(TrustStoreError::failure)?;
            verbose.say(|| {
                format!(
                    "trusting {added} certificate(s) from {}",
                    shown(&paths.dirs)
                )
            });
        }
        return trust_or_none_found(roots, first_error);
    }
    let provider = provider();
    let roots = Arc::new(roots);
    let verifier = BundleFirst {
        bundle: webpki_verifier(roots.clone(), &provider)?,
        roots,
        dirs: paths.dirs,
        file: paths.file,
        provider: provider.clone(),
        verbose,
        widened: OnceLock::new(),
    };
    Ok(Trust {
        verifier: Arc::new(verifier),
        provider,
    })
}

fn trust_or_none_found(
    roots: RootCertStore,
    first_error: Option<String>,
) -> Result<Trust, Failure> {
    if roots.is_empty() {
        let detail = first_error.map(|e| format!(" ({e})")).unwrap_or_default();
        return Err(Failure::new(
            ExitCode::Protocol,
            format!("TLS: no trusted CA certificates were found on this machine{detail}"),
        )
        .with_hint(
            "install the ca-certificates package, pass --cacert FILE, or set SSL_CERT_FILE",
        ));
    }
    Trust::only(roots)
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn webpki_verifier(
    roots: Arc<RootCertStore>,
    provider: &Arc<CryptoProvider>,
) -> Result<Arc<WebPkiServerVerifier>, Failure> {
    WebPkiServerVerifier::builder_with_provider(roots, provider.clone())
        .build()
        .map_err(|error| {
            Failure::new(
                ExitCode::Config,
                format!("TLS: unusable trust store: {error}"),
            )
        })
}

/// Verifies against the bundle's roots; only if that fails, reads the
/// directories and verifies against both. Adding roots can only turn a
/// failure into a success, so the answer is the same as loading everything
/// up front.
struct BundleFirst {
    bundle: Arc<WebPkiServerVerifier>,
    roots: Arc<RootCertStore>,
    dirs: Vec<PathBuf>,
    file: Option<PathBuf>,
    provider: Arc<CryptoProvider>,
    verbose: Verbose,
    widened: OnceLock<Result<Arc<WebPkiServerVerifier>, TrustStoreError>>,
}

impl BundleFirst {
    fn widened(&self) -> Result<&Arc<WebPkiServerVerifier>, TrustStoreError> {
        self.widened
            .get_or_init(|| {
                let mut roots = RootCertStore::clone(&self.roots);
                let added = add_from_dirs(&mut roots, &self.dirs, self.file.as_deref())?;
                self.verbose.say(|| {
                    format!(
                        "the bundle's roots did not verify the server; trusting {added} more certificate(s) from {}",
                        shown(&self.dirs)
                    )
                });
                WebPkiServerVerifier::builder_with_provider(Arc::new(roots), self.provider.clone())
                    .build()
                    .map_err(|error| TrustStoreError::Rustls(error.to_string()))
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl fmt::Debug for BundleFirst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BundleFirst")
            .field("roots", &self.roots.len())
            .field("dirs", &self.dirs)
            .finish_non_exhaustive()
    }
}

impl ServerCertVerifier for BundleFirst {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let verify = |verifier: &WebPkiServerVerifier| {
            verifier.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        };
        verify(self.bundle.as_ref()).or_else(|_| match self.widened() {
            Ok(widened) => verify(widened.as_ref()),
            Err(error) => Err(rustls::Error::Other(OtherError(Arc::new(error)))),
        })
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.bundle.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.bundle.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.bundle.supported_verify_schemes()
    }
}
