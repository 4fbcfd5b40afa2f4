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

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::platform::{self, trust};
use crate::report::Verbose;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, TrustAnchor, UnixTime};
use rustls::{
    CertificateError, ClientConfig, ClientConnection, DigitallySignedStruct, OtherError,
    RootCertStore, SignatureScheme, StreamOwned,
};
use std::collections::HashSet;
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use ureq::unversioned::resolver::DefaultResolver;
use ureq::unversioned::transport::time::{Duration as UreqDuration, Instant as UreqInstant};
use ureq::unversioned::transport::{
    Buffers, ConnectProxyConnector, ConnectionDetails, Connector, Either, LazyBuffers, NextTimeout,
    TcpConnector, Transport, TransportAdapter,
};

pub const TRUST_HINT: &str =
    "if a proxy or your company inspects TLS, pass its CA with --cacert FILE or set SSL_CERT_FILE";

/// CA files are read whole, so a larger one is refused rather than read. The
/// biggest system bundles are well under 1 MiB.
pub const MAX_CA_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Reads and checks the `--cacert` file: missing or unreadable is 66; too
/// large, or without any usable PEM certificate, is 78.
pub fn load_ca_file(path: &Path) -> Result<RootCertStore, Failure> {
    let shown = path.display();
    let mut roots = RootCertStore::empty();
    add_ca_file(&mut roots, path).map_err(|error| match error {
        ReadError::TooBig => too_big(path),
        ReadError::Io(error) => Failure::new(
            ExitCode::NoInput,
            format!("cannot read CA file {shown}: {error}"),
        ),
    })?;
    if roots.is_empty() {
        return Err(Failure::new(
            ExitCode::Config,
            format!("CA file {shown} holds no PEM certificate"),
        )
        .with_hint(
            "--cacert takes a PEM file with one or more -----BEGIN CERTIFICATE----- blocks",
        ));
    }
    Ok(roots)
}

/// What a TLS connection trusts, ready to hand to [`agent`].
pub struct Trust {
    verifier: Arc<dyn ServerCertVerifier>,
    provider: Arc<CryptoProvider>,
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

// ---------- reading CA files ----------

pub enum ReadError {
    TooBig,
    Io(std::io::Error),
}

/// Adds the certificates of a PEM file, refusing one larger than
/// [`MAX_CA_FILE_BYTES`]. Works on pipes (`--cacert <(…)`), and a FIFO nobody
/// writes to reads as empty instead of hanging.
fn add_ca_file(roots: &mut RootCertStore, path: &Path) -> Result<(), ReadError> {
    let file = platform::fs::open_without_waiting(path).map_err(ReadError::Io)?;
    // Devices and pipes report no size; the count in read_pem stops them.
    if file.metadata().map_or(0, |m| m.len()) > MAX_CA_FILE_BYTES {
        return Err(ReadError::TooBig);
    }
    read_pem(file, READ_CHUNK, |der| {
        roots.add_parsable_certificates([CertificateDer::from(der)]);
    })
}

/// Read in pieces this big: a whole system bundle would be 1/4 MiB of fresh
/// memory, and touching that costs more than decoding it.
const READ_CHUNK: usize = 32 * 1024;

/// Calls `each` with every certificate of a PEM stream, reading `chunk` bytes
/// at a time and keeping only the unfinished end of the last piece.
pub fn read_pem(
    mut reader: impl Read,
    chunk: usize,
    mut each: impl FnMut(&[u8]),
) -> Result<(), ReadError> {
    let mut text = Vec::with_capacity(2 * chunk);
    let mut der = Vec::with_capacity(4096);
    let mut total = 0;
    loop {
        let read = (&mut reader)
            .take(chunk as u64)
            .read_to_end(&mut text)
            .map_err(ReadError::Io)?;
        total += read as u64;
        if total > MAX_CA_FILE_BYTES {
            return Err(ReadError::TooBig);
        }
        let done = for_each_pem_certificate(&text, &mut der, &mut each);
        if read == 0 {
            return Ok(());
        }
        text.drain(..done);
        if text.len() > MAX_PEM_BLOCK {
            // No certificate is this long: drop it rather than decode its
            // start again with every piece.
            text.clear();
        }
    }
}

/// Far more than any certificate (the largest seen are tens of KiB).
const MAX_PEM_BLOCK: usize = 256 * 1024;

fn too_big(path: &Path) -> Failure {
    Failure::new(
        ExitCode::Config,
        format!(
            "CA file {} is larger than {} MiB",
            path.display(),
            MAX_CA_FILE_BYTES / (1024 * 1024)
        ),
    )
    .with_hint("a CA file holds PEM certificates; check that it names the right file")
}

/// Adds the certificates of every file in the directories. Each file is read
/// once (the hashed names are links to the readable ones, and the bundle file
/// often sits in the directory) and each certificate is added once: those
/// already in `roots` are dropped. Returns how many were added.
fn add_from_dirs(
    roots: &mut RootCertStore,
    dirs: &[PathBuf],
    bundle_file: Option<&Path>,
) -> Result<usize, TrustStoreError> {
    let mut seen: HashSet<platform::fs::FileId> = bundle_file
        .and_then(|file| std::fs::metadata(file).ok())
        .and_then(|metadata| platform::fs::file_id(&metadata))
        .into_iter()
        .collect();
    let mut found = RootCertStore::empty();
    for dir in dirs {
        // A missing directory trusts nothing, as with OpenSSL.
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            // Following links; dangling ones, FIFOs and subdirectories are skipped.
            let Ok(metadata) = std::fs::metadata(&path) else {
                continue;
            };
            if !metadata.is_file()
                || platform::fs::file_id(&metadata).is_some_and(|id| !seen.insert(id))
            {
                continue;
            }
            match add_ca_file(&mut found, &path) {
                Ok(()) => {}
                Err(ReadError::TooBig) => return Err(TrustStoreError::TooBig(path)),
                Err(ReadError::Io(_)) => continue,
            }
        }
    }
    let known: HashSet<&TrustAnchor> = roots.roots.iter().collect();
    let new: Vec<TrustAnchor<'static>> = found
        .roots
        .into_iter()
        .filter(|anchor| !known.contains(anchor))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let added = new.len();
    roots.roots.extend(new);
    Ok(added)
}

/// A local trust-store problem found in the middle of a handshake.
#[derive(Debug, Clone)]
enum TrustStoreError {
    TooBig(PathBuf),
    Rustls(String),
}

impl TrustStoreError {
    fn failure(self) -> Failure {
        match self {
            TrustStoreError::TooBig(path) => too_big(&path),
            TrustStoreError::Rustls(message) => Failure::new(ExitCode::Config, message),
        }
    }
}

impl fmt::Display for TrustStoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrustStoreError::TooBig(path) => write!(
                f,
                "CA file {} is larger than {} MiB",
                path.display(),
                MAX_CA_FILE_BYTES / (1024 * 1024)
            ),
            TrustStoreError::Rustls(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for TrustStoreError {}

/// `SSL_CERT_FILE` and `SSL_CERT_DIR`, or where the system keeps its store.
struct CaPaths {
    file: Option<PathBuf>,
    dirs: Vec<PathBuf>,
}

impl CaPaths {
    fn from_env() -> CaPaths {
        CaPaths {
            file: std::env::var_os("SSL_CERT_FILE").map(PathBuf::from),
            // `:` separated on Unix, `;` on Windows, as OpenSSL reads it.
            dirs: std::env::var_os("SSL_CERT_DIR")
                .map(|dirs| {
                    std::env::split_paths(&dirs)
                        .filter(|dir| !dir.as_os_str().is_empty())
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

fn shown(dirs: &[PathBuf]) -> String {
    let shown: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    shown.join(", ")
}

// ---------- PEM ----------

const PEM_BEGIN: &[u8] = b"-----BEGIN CERTIFICATE-----";
const PEM_END: &[u8] = b"-----END CERTIFICATE-----";

/// Calls `each` with the DER bytes of every certificate block in a PEM text,
/// decoded into `der`; anything else in the text is ignored. Returns where
/// the complete blocks end: the rest may be the start of one that continues.
///
/// Written here because the general-purpose decoder (constant time, as
/// private keys need) takes about a millisecond over a system bundle, a third
/// of a whole exchange with the API.
fn for_each_pem_certificate(text: &[u8], der: &mut Vec<u8>, mut each: impl FnMut(&[u8])) -> usize {
    let mut done = 0;
    loop {
        let rest = &text[done..];
        let Some(start) = find(rest, PEM_BEGIN) else {
            // Keep what could be the start of a marker.
            return text.len() - rest.len().min(PEM_BEGIN.len() - 1);
        };
        let body = &rest[start + PEM_BEGIN.len()..];
        let (valid, end) = decode_base64(body, der);
        let tail = &body[end..];
        if tail.len() < PEM_END.len() && PEM_END.starts_with(tail) {
            // The block goes on past this text.
            return done + start;
        }
        if tail.starts_with(PEM_END) {
            if valid {
                each(der);
            }
            done = text.len() - tail.len() + PEM_END.len();
        } else {
            done = text.len() - tail.len();
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = haystack[from..].iter().position(|&b| b == needle[0]) {
        let at = from + at;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

const INVALID: u8 = 0xff;
const SKIP: u8 = 0xfe;
const STOP: u8 = 0xfd;
const PAD: u8 = 0xfc;
const BASE64: [u8; 256] = {
    let mut table = [INVALID; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut i = 0;
    while i < 64 {
        table[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    table[b' ' as usize] = SKIP;
    table[b'\t' as usize] = SKIP;
    table[b'\r' as usize] = SKIP;
    table[b'\n' as usize] = SKIP;
    table[b'-' as usize] = STOP;
    table[b'=' as usize] = PAD;
    table
};

/// Standard base64 with line breaks, up to the first `-` (the end marker),
/// into `out`: whether the text was valid, and where it stopped.
fn decode_base64(text: &[u8], out: &mut Vec<u8>) -> (bool, usize) {
    out.clear();
    let mut quad = [0u8; 4];
    let mut filled = 0;
    let mut padding = 0;
    let mut valid = true;
    let mut i = 0;
    while i < text.len() {
        if filled == 0 && padding == 0 {
            // Whole groups of four between line breaks, the common case,
            // taken four characters at a time. (A line at a time measured
            // slower.)
            while let Some(group) = text.get(i..i + 4) {
                let [a, b, c, d] = [0, 1, 2, 3].map(|k| BASE64[usize::from(group[k])]);
                if a | b | c | d >= 64 {
                    break;
                }
                let n = u32::from(a) << 18 | u32::from(b) << 12 | u32::from(c) << 6 | u32::from(d);
                out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
                i += 4;
            }
            if i == text.len() {
                break;
            }
        }
        let value = BASE64[usize::from(text[i])];
        match value {
            STOP => break,
            SKIP => {}
            PAD => {
                padding += 1;
                quad[filled] = 0;
                filled += 1;
            }
            INVALID => valid = false,
            _ if padding > 0 => valid = false,
            _ => {
                quad[filled] = value;
                filled += 1;
            }
        }
        i += 1;
        if filled == 4 {
            let n = quad.iter().fold(0u32, |n, &v| n << 6 | u32::from(v));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            out.extend_from_slice(&bytes[..3usize.saturating_sub(padding)]);
            filled = 0;
        }
    }
    (valid && filled == 0 && padding <= 2 && !out.is_empty(), i)
}

// ---------- verifying ----------

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

// ---------- the TLS layer under ureq ----------

/// An agent whose https connections trust `trust`. ureq's own connector
/// chain, with this module's TLS layer in place of ureq's.
pub fn agent(config: ureq::config::Config, trust: Option<Trust>) -> ureq::Agent {
    let tls = TlsConnector {
        config: trust.map(|trust| {
            let mut config = ClientConfig::builder_with_provider(trust.provider)
                .with_protocol_versions(rustls::ALL_VERSIONS)
                .expect("the ring provider supports every TLS version rustls has")
                .dangerous()
                .with_custom_certificate_verifier(trust.verifier)
                .with_no_client_auth();
            config.enable_sni = true;
            Arc::new(config)
        }),
    };
    let connector =
        ().chain(ConnectProxyConnector::default())
            .chain(TcpConnector::default())
            .chain(tls);
    ureq::Agent::with_parts(config, connector, DefaultResolver::default())
}

#[derive(Debug)]
struct TlsConnector {
    /// None for plain-http endpoints, which never need TLS.
    config: Option<Arc<ClientConfig>>,
}

impl<In: Transport> Connector<In> for TlsConnector {
    type Out = Either<In, TlsTransport>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        let Some(transport) = chained else {
            return Ok(None);
        };
        // Unlike ureq's, this wraps a tunnel through an https proxy too: TLS
        // to the proxy is no TLS to the server.
        if !details.needs_tls() {
            return Ok(Some(Either::A(transport)));
        }
        let Some(config) = &self.config else {
            return Err(ureq::Error::Tls("no trusted certificates were loaded"));
        };
        let host = details
            .uri
            .host()
            .ok_or(ureq::Error::Tls("the URL has no host"))?;
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let name = ServerName::try_from(bare)
            .map_err(|_| ureq::Error::Tls("the host is not a valid TLS server name"))?
            .to_owned();
        let mut connection = ClientConnection::new(config.clone(), name)?;
        let mut socket = TransportAdapter::new(transport.boxed(), details.current_time.clone());
        socket.set_timeout(remaining(details));
        // A TLS error of the handshake comes out as `Error::Rustls`: nothing
        // of the request has been written yet (see `transport::classify`).
        connection
            .complete_io(&mut socket)
            .map_err(handshake_failure)?;
        Ok(Some(Either::B(TlsTransport {
            buffers: LazyBuffers::new(
                details.config.input_buffer_size(),
                details.config.output_buffer_size(),
            ),
            stream: StreamOwned::new(connection, socket),
        })))
    }
}

fn handshake_failure(error: std::io::Error) -> ureq::Error {
    match error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
    {
        Some(tls) => ureq::Error::Rustls(tls.clone()),
        None => ureq::Error::Io(error),
    }
}

/// What is left of the connect timeout, which started before the TCP connect.
fn remaining(details: &ConnectionDetails) -> NextTimeout {
    let mut timeout = details.timeout;
    if let (UreqDuration::Exact(limit), UreqInstant::Exact(started), UreqInstant::Exact(now)) =
        (timeout.after, details.now, (details.current_time)())
    {
        timeout.after =
            UreqDuration::Exact(limit.saturating_sub(now.saturating_duration_since(started)));
    }
    timeout
}

struct TlsTransport {
    buffers: LazyBuffers,
    stream: StreamOwned<ClientConnection, TransportAdapter>,
}

impl fmt::Debug for TlsTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TlsTransport")
            .field("chained", &self.stream.sock.inner())
            .finish()
    }
}

impl Transport for TlsTransport {
    fn buffers(&mut self) -> &mut dyn Buffers {
        &mut self.buffers
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        self.stream.get_mut().set_timeout(timeout);
        let output = &self.buffers.output()[..amount];
        self.stream.write_all(output)?;
        Ok(())
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.stream.get_mut().set_timeout(timeout);
        let input = self.buffers.input_append_buf();
        let amount = self.stream.read(input)?;
        self.buffers.input_appended(amount);
        Ok(amount > 0)
    }

    fn is_open(&mut self) -> bool {
        self.stream.get_mut().get_mut().is_open()
    }

    fn is_tls(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(text: &[u8]) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let (valid, end) = decode_base64(text, &mut out);
        assert_eq!(end, text.len(), "stopped early in {text:?}");
        valid.then_some(out)
    }

    #[test]
    fn base64_decodes_with_line_breaks_and_padding() {
        assert_eq!(decoded(b"aGVs\r\nbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(decoded(b"aGVsbG8h").as_deref(), Some(&b"hello!"[..]));
        assert_eq!(decoded(b"aG\nVsbG8h\n").as_deref(), Some(&b"hello!"[..]));
        assert_eq!(decoded(b"aGk=").as_deref(), Some(&b"hi"[..]));
        assert_eq!(decoded(b"aA==").as_deref(), Some(&b"h"[..]));
        assert_eq!(decoded(b" aA = = \n").as_deref(), Some(&b"h"[..]));
    }

    #[test]
    fn base64_refuses_what_is_not_base64() {
        assert_eq!(decoded(b"aGVs*G8="), None);
        assert_eq!(decoded(b"aG=Vs"), None);
        assert_eq!(decoded(b"aGVsbG8"), None, "an incomplete group");
        assert_eq!(decoded(b"a==="), None);
        assert_eq!(decoded(b""), None);
    }

    #[test]
    fn base64_stops_at_a_dash() {
        let mut out = Vec::new();
        assert_eq!(decode_base64(b"aGk=\n-----END", &mut out), (true, 5));
        assert_eq!(out, b"hi");
        assert_eq!(decode_base64(b"aGVsbG8h-", &mut out), (true, 8));
        assert_eq!(out, b"hello!");
    }

    fn pem_certificates(text: &[u8]) -> Vec<Vec<u8>> {
        let mut certs = Vec::new();
        read_pem(text, READ_CHUNK, |der| certs.push(der.to_vec())).unwrap_or_else(|_| panic!());
        certs
    }

    #[test]
    fn pem_certificates_finds_each_block_and_skips_the_rest() {
        let text =
            b"# comment\n-----BEGIN CERTIFICATE-----\naGVs\nbG8=\n-----END CERTIFICATE-----\n\
            -----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n\
            -----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n\
            -----BEGIN CERTIFICATE-----\naGk=\n-----END CERTIFICATE-----";
        assert_eq!(
            pem_certificates(text),
            vec![b"hello".to_vec(), b"hi".to_vec()]
        );
    }

    #[test]
    fn pem_certificates_stops_at_a_truncated_block() {
        assert!(pem_certificates(b"-----BEGIN CERTIFICATE-----\naGVsbG8=").is_empty());
        assert!(
            pem_certificates(b"-----BEGIN CERTIFICATE-----\naGVsbG8=\n-----END CERT").is_empty()
        );
    }

    #[test]
    fn pem_certificates_split_anywhere_come_out_the_same() {
        let text = b"junk -----BEGIN CERTIFICATE-----\r\naGVs\r\nbG8=\r\n-----END CERTIFICATE-----\r\n\
            -----BEGIN CERTIFICATE-----\nunfinished\n\
            -----BEGIN CERTIFICATE-----\nYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXphYmNkZWZnaGlqa2xtbm9wcXJzdHV2\n\
            d3h5eg==\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\naGk=\n-----END CERTIFICATE-----";
        let expected = vec![
            b"hello".to_vec(),
            b"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz".to_vec(),
            b"hi".to_vec(),
        ];
        for chunk in 1..=text.len() + 1 {
            let mut certs = Vec::new();
            read_pem(&text[..], chunk, |der| certs.push(der.to_vec())).unwrap_or_else(|_| panic!());
            assert_eq!(certs, expected, "read {chunk} bytes at a time");
        }
    }

    #[test]
    fn pem_streams_stop_at_the_size_cap() {
        let endless = std::io::repeat(b'A');
        assert!(matches!(
            read_pem(endless, READ_CHUNK, |_| {}),
            Err(ReadError::TooBig)
        ));
    }

    #[test]
    fn a_system_bundle_parses_like_rustls_parses_it() {
        // Any PEM bundle on the machine will do; Debian's is the usual one.
        let Ok(pem) = std::fs::read("/etc/ssl/certs/ca-certificates.crt") else {
            return;
        };
        use rustls::pki_types::pem::PemObject;
        let theirs: Vec<Vec<u8>> = CertificateDer::pem_slice_iter(&pem)
            .map(|cert| cert.expect("the system bundle is valid PEM").to_vec())
            .collect();
        assert!(theirs.len() > 10);
        for chunk in [1000, 4096, 4097, READ_CHUNK, pem.len() + 1] {
            let mut ours = Vec::new();
            read_pem(&pem[..], chunk, |der| ours.push(der.to_vec())).unwrap_or_else(|_| panic!());
            assert!(ours == theirs, "read {chunk} bytes at a time");
        }
    }
}
