//! Where trusted CAs come from: the system bundle, `SSL_CERT_FILE`,
//! `SSL_CERT_DIR` (read only when the bundle does not verify the server), and
//! the size cap on every CA file.

use crate::common::server::*;
use crate::common::*;
use std::path::{Path, PathBuf};
#[cfg(unix)]
use std::time::{Duration, Instant};

const OK: &str = r#"{"apiKey":"abcd1234-9922-abcd-1234-abcd1234abcd"}"#;
const TOO_BIG: u64 = 10 * 1024 * 1024 + 1;

/// A server on localhost with a certificate from its own CA.
fn private_server() -> (ScriptedServer, Pki) {
    let pki = pki(&["localhost"]);
    let server = scripted(
        vec![json_reply(200, "OK", OK)],
        Some(pki.server_config.clone()),
    );
    (server, pki)
}

fn url(server: &ScriptedServer) -> String {
    format!("https://localhost:{}", server.port)
}

/// A bundle the size of a real one: the machine's own where there is one,
/// plus `extra`. Without one, a handful of unrelated CAs stand in.
fn bundle_with(dir: &Path, extra: &str) -> PathBuf {
    let mut text = std::fs::read_to_string("/etc/ssl/certs/ca-certificates.crt")
        .unwrap_or_else(|_| (0..5).map(|_| pki(&["elsewhere"]).ca_pem).collect());
    text.push_str(extra);
    let path = dir.join("bundle.pem");
    std::fs::write(&path, text).unwrap();
    path
}

/// A hashed certificate directory as `openssl rehash` leaves it: the CA under
/// a readable name, and its subject hash name linking to it (a copy where
/// links are not available).
fn hashed_dir(parent: &Path, name: &str, ca_pem: &str) -> PathBuf {
    let dir = parent.join(name);
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("private-ca.pem"), ca_pem).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("private-ca.pem", dir.join("1a2b3c4d.0")).unwrap();
    #[cfg(not(unix))]
    std::fs::write(dir.join("1a2b3c4d.0"), ca_pem).unwrap();
    dir
}

/// A file one byte over the cap, without writing 10 MiB (sparse where the
/// filesystem allows).
fn too_big_file(path: &Path) -> PathBuf {
    let file = std::fs::File::create(path).unwrap();
    file.set_len(TOO_BIG).unwrap();
    path.to_path_buf()
}

/// `assert_clean_failure` for a run with `-v`, whose stderr starts with the
/// verbose lines.
fn assert_verbose_failure(out: &std::process::Output, code: i32) -> String {
    let stderr = stderr_of(out);
    assert_eq!(out.status.code(), Some(code), "stderr: {stderr}");
    assert_eq!(stdout_of(out), "", "stdout must be empty on failure");
    assert!(stderr.contains("\nmobivate: error: "), "stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    stderr
}

fn dirs(list: &[&Path]) -> std::ffi::OsString {
    std::env::join_paths(list).unwrap()
}

// ---------- what is trusted ----------

#[test]
fn ssl_cert_file_is_trusted_without_reading_the_directory() {
    let (server, pki) = private_server();
    let tmp = tempfile::tempdir().unwrap();
    let bundle = bundle_with(tmp.path(), &pki.ca_pem);
    // Reading this directory would fail the run: its only file is too big.
    let dir = tmp.path().join("certs");
    std::fs::create_dir(&dir).unwrap();
    too_big_file(&dir.join("huge.pem"));
    let out = getkey(&url(&server))
        .arg("-v")
        .env("SSL_CERT_FILE", &bundle)
        .env("SSL_CERT_DIR", &dir)
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stdout_of(&out), format!("{KEY}\n"));
    assert!(
        stderr.contains(&format!("from {}", bundle.display())),
        "{stderr}"
    );
    assert!(!stderr.contains("did not verify"), "{stderr}");
}

#[test]
fn a_ca_only_in_the_hashed_directory_is_trusted() {
    let (server, pki) = private_server();
    let tmp = tempfile::tempdir().unwrap();
    let bundle = bundle_with(tmp.path(), "");
    let dir = hashed_dir(tmp.path(), "certs", &pki.ca_pem);
    let out = getkey(&url(&server))
        .arg("-v")
        .env("SSL_CERT_FILE", &bundle)
        .env("SSL_CERT_DIR", &dir)
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stdout_of(&out), format!("{KEY}\n"));
    // Two names, one file: read once.
    assert!(
        stderr.contains("did not verify the server; trusting 1 more certificate(s)"),
        "{stderr}"
    );
    assert_eq!(server.request_count(), 1);
}

#[test]
fn ssl_cert_dir_alone_is_trusted() {
    let (server, pki) = private_server();
    let tmp = tempfile::tempdir().unwrap();
    let dir = hashed_dir(tmp.path(), "certs", &pki.ca_pem);
    getkey(&url(&server))
        .env("SSL_CERT_DIR", &dir)
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"));
}

#[test]
fn every_directory_in_ssl_cert_dir_is_searched() {
    let (server, pki) = private_server();
    let other = pki_with(&["elsewhere"], |_| {});
    let tmp = tempfile::tempdir().unwrap();
    let bundle = bundle_with(tmp.path(), "");
    let first = hashed_dir(tmp.path(), "first", &other.ca_pem);
    let missing = tmp.path().join("missing");
    let second = hashed_dir(tmp.path(), "second", &pki.ca_pem);
    getkey(&url(&server))
        .env("SSL_CERT_FILE", &bundle)
        .env("SSL_CERT_DIR", dirs(&[&first, &missing, &second]))
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"));
}

#[test]
fn a_server_neither_trusts_is_refused_after_both_were_read() {
    let (server, _) = private_server();
    let unrelated = pki(&["localhost"]);
    let tmp = tempfile::tempdir().unwrap();
    let bundle = bundle_with(tmp.path(), "");
    let dir = hashed_dir(tmp.path(), "certs", &unrelated.ca_pem);
    let out = getkey(&url(&server))
        .arg("-v")
        .env("SSL_CERT_FILE", &bundle)
        .env("SSL_CERT_DIR", &dir)
        .output()
        .unwrap();
    let stderr = assert_verbose_failure(&out, 76);
    assert!(stderr.contains("did not verify"), "{stderr}");
    assert!(stderr.contains("unknown issuer"), "{stderr}");
    assert_eq!(server.request_count(), 0);
}

#[test]
fn a_directory_does_not_mask_a_name_mismatch() {
    let pki = pki(&["api.example.test"]);
    let server = scripted(
        vec![json_reply(200, "OK", OK)],
        Some(pki.server_config.clone()),
    );
    let tmp = tempfile::tempdir().unwrap();
    let bundle = bundle_with(tmp.path(), &pki.ca_pem);
    let dir = hashed_dir(tmp.path(), "certs", &pki.ca_pem);
    let out = getkey(&url(&server))
        .env("SSL_CERT_FILE", &bundle)
        .env("SSL_CERT_DIR", &dir)
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert!(stderr.contains("name mismatch"), "{stderr}");
}

/// With nothing set, the bundle OpenSSL would use is read, every certificate
/// in it is trusted, and the hashed directory is read only when needed.
#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn the_system_bundle_comes_first_when_nothing_is_set() {
    let bundle = "/etc/ssl/certs/ca-certificates.crt";
    let pem = std::fs::read_to_string(bundle)
        .unwrap_or_else(|e| panic!("this test needs the ca-certificates package ({bundle}: {e})"));
    let count = pem.matches("-----BEGIN CERTIFICATE-----").count();
    let (server, _) = private_server();
    let out = getkey(&url(&server)).arg("-v").output().unwrap();
    let stderr = assert_verbose_failure(&out, 76);
    assert!(
        stderr.contains(&format!("trusting {count} certificate(s) from {bundle}")),
        "{stderr}"
    );
    assert!(
        stderr.contains("the bundle's roots did not verify the server")
            && stderr.contains("from /etc/ssl/certs"),
        "{stderr}"
    );
    assert!(stderr.contains("unknown issuer"), "{stderr}");
}

// ---------- size caps ----------

fn assert_78_naming(out: &std::process::Output, path: &Path) {
    let stderr = assert_clean_failure(out, 78);
    assert!(
        stderr.contains(&format!("{} is larger than 10 MiB", path.display())),
        "{stderr}"
    );
}

#[test]
fn a_cacert_over_10_mib_is_78() {
    let tmp = tempfile::tempdir().unwrap();
    let big = too_big_file(&tmp.path().join("big.pem"));
    let out = getkey("https://localhost:9")
        .arg("--cacert")
        .arg(&big)
        .output()
        .unwrap();
    assert_78_naming(&out, &big);
}

#[test]
fn an_ssl_cert_file_over_10_mib_is_78() {
    let tmp = tempfile::tempdir().unwrap();
    let big = too_big_file(&tmp.path().join("big.pem"));
    let out = getkey("https://localhost:9")
        .env("SSL_CERT_FILE", &big)
        .output()
        .unwrap();
    assert_78_naming(&out, &big);
}

#[test]
fn a_file_over_10_mib_in_ssl_cert_dir_is_78_when_the_directory_is_read() {
    let (server, pki) = private_server();
    let tmp = tempfile::tempdir().unwrap();
    let bundle = bundle_with(tmp.path(), "");
    let dir = hashed_dir(tmp.path(), "certs", &pki.ca_pem);
    let big = too_big_file(&dir.join("big.pem"));
    let out = getkey(&url(&server))
        .env("SSL_CERT_FILE", &bundle)
        .env("SSL_CERT_DIR", &dir)
        .output()
        .unwrap();
    assert_78_naming(&out, &big);
    assert_eq!(server.request_count(), 0);
    // Without a bundle, the directory is read up front: the same answer.
    let out = getkey(&url(&server))
        .env("SSL_CERT_DIR", &dir)
        .output()
        .unwrap();
    assert_78_naming(&out, &big);
}

#[cfg(unix)]
#[test]
fn a_cacert_of_dev_zero_is_78_at_once_with_bounded_memory() {
    let started = Instant::now();
    let child = raw_mobivate()
        .args(["getkey", "--base-url", "https://localhost:9", "-u", USER])
        .args(["--cacert", "/dev/zero"])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .env("CI", "true")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (code, max_rss_kib) = wait_with_rusage(child);
    assert_eq!(code, Some(78));
    assert!(started.elapsed() < Duration::from_secs(10));
    if let Some(max_rss_kib) = max_rss_kib {
        assert!(
            max_rss_kib < 48 * 1024,
            "peak RSS {max_rss_kib} KiB: the read was not capped"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_cacert_fifo_without_a_writer_is_78_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = mkfifo(&tmp.path().join("ca.fifo"));
    let started = Instant::now();
    let out = getkey("https://localhost:9")
        .arg("--cacert")
        .arg(&fifo)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 78);
    assert!(stderr.contains(&fifo.display().to_string()), "{stderr}");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[cfg(unix)]
#[test]
fn a_cacert_pipe_is_read_like_a_file() {
    // As `--cacert <(vault read …)` would pass it.
    let (server, pki) = private_server();
    let mut child = raw_mobivate()
        .args(["getkey", "--base-url", &url(&server), "-u", USER])
        .args(["--cacert", "/dev/stdin"])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .env("CI", "true")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    std::io::Write::write_all(&mut stdin, pki.ca_pem.as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), format!("{KEY}\n"));
}

#[cfg(unix)]
#[test]
fn fifos_and_dangling_links_in_ssl_cert_dir_are_skipped() {
    let (server, pki) = private_server();
    let tmp = tempfile::tempdir().unwrap();
    let dir = hashed_dir(tmp.path(), "certs", &pki.ca_pem);
    mkfifo(&dir.join("0000000a.0"));
    std::os::unix::fs::symlink("gone.pem", dir.join("0000000b.0")).unwrap();
    getkey(&url(&server))
        .env("SSL_CERT_DIR", &dir)
        .timeout(Duration::from_secs(20))
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"));
}
