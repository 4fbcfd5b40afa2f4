//! Reading trusted roots: the `--cacert` file, and the PEM files and
//! directories of a trust store, capped and safe on pipes.

use super::pem::for_each_pem_certificate;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::platform;
use rustls::RootCertStore;
use rustls::pki_types::{CertificateDer, TrustAnchor};
use std::collections::HashSet;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

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

pub enum ReadError {
    TooBig,
    Io(std::io::Error),
}

/// Adds the certificates of a PEM file, refusing one larger than
/// [`MAX_CA_FILE_BYTES`]. Works on pipes (`--cacert <(…)`), and a FIFO nobody
/// writes to reads as empty instead of hanging.
pub(super) fn add_ca_file(roots: &mut RootCertStore, path: &Path) -> Result<(), ReadError> {
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

pub(super) fn too_big(path: &Path) -> Failure {
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
pub(super) fn add_from_dirs(
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
pub(super) enum TrustStoreError {
    TooBig(PathBuf),
    Rustls(String),
}

impl TrustStoreError {
    pub(super) fn failure(self) -> Failure {
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
pub(super) struct CaPaths {
    pub(super) file: Option<PathBuf>,
    pub(super) dirs: Vec<PathBuf>,
}

impl CaPaths {
    pub(super) fn from_env() -> CaPaths {
        CaPaths {
            file: crate::env::var_os("SSL_CERT_FILE").map(PathBuf::from),
            // `:` separated on Unix, `;` on Windows, as OpenSSL reads it.
            dirs: crate::env::var_os("SSL_CERT_DIR")
                .map(|dirs| {
                    std::env::split_paths(&dirs)
                        .filter(|dir| !dir.as_os_str().is_empty())
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

pub(super) fn shown(dirs: &[PathBuf]) -> String {
    let shown: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    shown.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustls::pki_types::CertificateDer;

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
