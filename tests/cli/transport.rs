//! Transport and safety: TLS trust, proxies, timeouts, retries, hostile servers.

use crate::common::server::*;
use crate::common::*;
use std::time::{Duration, Instant};

const OK: &str = r#"{"apiKey":"abcd1234-9922-abcd-1234-abcd1234abcd"}"#;

fn ok() -> Reply {
    json_reply(200, "OK", OK)
}

fn write_ca(dir: &tempfile::TempDir, pem: &str) -> std::path::PathBuf {
    let path = dir.path().join("ca.pem");
    std::fs::write(&path, pem).unwrap();
    path
}

// ---------- TLS ----------

#[test]
fn cacert_trusts_a_private_ca() {
    let pki = pki(&["localhost"]);
    let server = scripted(vec![ok()], Some(pki.server_config.clone()));
    let dir = tempfile::tempdir().unwrap();
    let ca = write_ca(&dir, &pki.ca_pem);
    getkey(&format!("https://localhost:{}", server.port))
        .arg("--cacert")
        .arg(&ca)
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"))
        .stderr("");
    let requests = server.requests.lock().unwrap();
    assert_eq!(requests.len(), 1);
    assert!(
        requests[0].starts_with("POST /auth/getkey HTTP/1.1\r\n"),
        "{}",
        requests[0]
    );
}

#[test]
fn cacert_may_hold_several_certificates() {
    let pki = pki(&["localhost"]);
    let other = crate::common::server::pki(&["elsewhere"]);
    let server = scripted(vec![ok()], Some(pki.server_config.clone()));
    let dir = tempfile::tempdir().unwrap();
    let ca = write_ca(&dir, &format!("{}{}", other.ca_pem, pki.ca_pem));
    getkey(&format!("https://localhost:{}", server.port))
        .arg("--cacert")
        .arg(&ca)
        .assert()
        .code(0);
}

#[test]
fn ssl_cert_file_is_honoured() {
    let pki = pki(&["localhost"]);
    let server = scripted(vec![ok()], Some(pki.server_config.clone()));
    let dir = tempfile::tempdir().unwrap();
    let ca = write_ca(&dir, &pki.ca_pem);
    getkey(&format!("https://localhost:{}", server.port))
        .env("SSL_CERT_FILE", &ca)
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"));
}

#[test]
fn unknown_issuer_is_76_with_a_hint() {
    let pki = pki(&["localhost"]);
    let server = scripted(vec![ok()], Some(pki.server_config.clone()));
    let dir = tempfile::tempdir().unwrap();
    let unrelated = crate::common::server::pki(&["localhost"]);
    let ca = write_ca(&dir, &unrelated.ca_pem);
    let out = getkey(&format!("https://localhost:{}", server.port))
        .arg("--cacert")
        .arg(&ca)
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert!(stderr.contains("unknown issuer"), "{stderr}");
    assert!(
        stderr.contains("--cacert") && stderr.contains("SSL_CERT_FILE"),
        "{stderr}"
    );
    assert_eq!(
        server.request_count(),
        0,
        "nothing may be sent over an untrusted connection"
    );
}

#[test]
fn name_mismatch_is_76() {
    let pki = pki(&["api.example.test"]);
    let server = scripted(vec![ok()], Some(pki.server_config.clone()));
    let dir = tempfile::tempdir().unwrap();
    let ca = write_ca(&dir, &pki.ca_pem);
    let out = getkey(&format!("https://localhost:{}", server.port))
        .arg("--cacert")
        .arg(&ca)
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert!(stderr.contains("name mismatch"), "{stderr}");
    assert_eq!(server.request_count(), 0);
}

#[test]
fn expired_certificate_is_76() {
    let pki = pki_with(&["localhost"], |leaf| {
        leaf.not_before = rcgen::date_time_ymd(2000, 1, 1);
        leaf.not_after = rcgen::date_time_ymd(2001, 1, 1);
    });
    let server = scripted(vec![ok()], Some(pki.server_config.clone()));
    let dir = tempfile::tempdir().unwrap();
    let ca = write_ca(&dir, &pki.ca_pem);
    let out = getkey(&format!("https://localhost:{}", server.port))
        .arg("--cacert")
        .arg(&ca)
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert!(stderr.contains("expired"), "{stderr}");
}

#[test]
fn the_system_store_does_not_trust_a_private_ca() {
    let pki = pki(&["localhost"]);
    let server = scripted(vec![ok()], Some(pki.server_config.clone()));
    let out = getkey(&format!("https://localhost:{}", server.port))
        .output()
        .unwrap();
    assert_clean_failure(&out, 76);
}

#[test]
fn no_ca_store_at_all_is_a_clear_76() {
    let dir = tempfile::tempdir().unwrap();
    let out = getkey("https://localhost:9")
        .env("SSL_CERT_FILE", dir.path().join("none.pem"))
        .env("SSL_CERT_DIR", dir.path().join("none"))
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert!(stderr.contains("no trusted CA certificates"), "{stderr}");
    assert!(stderr.contains("--cacert"), "{stderr}");
}

#[test]
fn missing_ca_file_is_66_and_non_pem_is_78() {
    let dir = tempfile::tempdir().unwrap();
    let out = getkey("https://localhost:9")
        .arg("--cacert")
        .arg(dir.path().join("missing.pem"))
        .output()
        .unwrap();
    assert_clean_failure(&out, 66);
    let junk = dir.path().join("junk.pem");
    std::fs::write(&junk, "this is not a certificate\n").unwrap();
    let out = getkey("https://localhost:9")
        .arg("--cacert")
        .arg(&junk)
        .output()
        .unwrap();
    assert_clean_failure(&out, 78);
}

#[test]
fn plain_http_to_a_remote_host_is_78_before_any_connection() {
    // If the tool tried to connect, it would go through this proxy.
    let proxy = connect_proxy(None);
    let out = getkey("http://api.mobivatebulksms.com")
        .env("HTTP_PROXY", format!("http://127.0.0.1:{}", proxy.port))
        .env("ALL_PROXY", format!("http://127.0.0.1:{}", proxy.port))
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 78);
    assert!(stderr.contains("http"), "{stderr}");
    assert!(proxy.tunnels.lock().unwrap().is_empty());
}

#[test]
fn dns_failure_is_68() {
    let out = getkey("https://mobivate-test.invalid").output().unwrap();
    assert_clean_failure(&out, 68);
}

// ---------- proxies ----------

#[test]
fn https_proxy_tunnels_with_connect() {
    let pki = pki(&["localhost"]);
    let server = scripted(vec![ok()], Some(pki.server_config.clone()));
    let proxy = connect_proxy(None);
    let dir = tempfile::tempdir().unwrap();
    let ca = write_ca(&dir, &pki.ca_pem);
    let out = getkey(&format!("https://localhost:{}", server.port))
        .arg("--cacert")
        .arg(&ca)
        .arg("-v")
        .env("HTTPS_PROXY", format!("http://127.0.0.1:{}", proxy.port))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), format!("{KEY}\n"));
    assert!(names_variable(
        &stderr_of(&out),
        &format!("proxy: http://127.0.0.1:{} (from HTTPS_PROXY)", proxy.port)
    ));
    assert_eq!(
        *proxy.tunnels.lock().unwrap(),
        vec![format!("CONNECT localhost:{}", server.port)]
    );
    assert_eq!(server.request_count(), 1);
}

#[test]
fn lower_case_https_proxy_works_too() {
    let pki = pki(&["localhost"]);
    let server = scripted(vec![ok()], Some(pki.server_config.clone()));
    let proxy = connect_proxy(None);
    let dir = tempfile::tempdir().unwrap();
    let ca = write_ca(&dir, &pki.ca_pem);
    getkey(&format!("https://localhost:{}", server.port))
        .arg("--cacert")
        .arg(&ca)
        .env("https_proxy", format!("127.0.0.1:{}", proxy.port))
        .assert()
        .code(0);
    assert_eq!(proxy.tunnels.lock().unwrap().len(), 1);
}

#[test]
fn no_proxy_goes_direct() {
    let pki = pki(&["localhost"]);
    let server = scripted(vec![ok()], Some(pki.server_config.clone()));
    let proxy = connect_proxy(None);
    let dir = tempfile::tempdir().unwrap();
    let ca = write_ca(&dir, &pki.ca_pem);
    for no_proxy in ["localhost", "NO_PROXY=*"] {
        let value = no_proxy.trim_start_matches("NO_PROXY=");
        getkey(&format!("https://localhost:{}", server.port))
            .arg("--cacert")
            .arg(&ca)
            .env("HTTPS_PROXY", format!("http://127.0.0.1:{}", proxy.port))
            .env("NO_PROXY", value)
            .assert()
            .code(0)
            .stdout(format!("{KEY}\n"));
    }
    assert!(proxy.tunnels.lock().unwrap().is_empty());
    assert_eq!(server.request_count(), 2);
}

#[test]
fn a_proxy_that_refuses_is_named() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let out = getkey("https://localhost:9")
        .args(["--retries", "0"])
        .env(
            "HTTPS_PROXY",
            format!("http://user:hunter2@127.0.0.1:{port}"),
        )
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 69);
    assert!(
        stderr.contains(&format!("proxy http://***@127.0.0.1:{port}")),
        "{stderr}"
    );
    assert!(
        !stderr.contains("hunter2"),
        "proxy credentials leaked: {stderr}"
    );
}

#[test]
fn a_proxy_asking_for_authentication_is_named() {
    let proxy = connect_proxy(Some("407 Proxy Authentication Required"));
    let out = getkey("https://localhost:9")
        .env("HTTPS_PROXY", format!("http://127.0.0.1:{}", proxy.port))
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert!(stderr.contains("407"), "{stderr}");
    assert!(
        stderr.contains(&format!("127.0.0.1:{}", proxy.port)),
        "{stderr}"
    );
    assert_eq!(
        proxy.tunnels.lock().unwrap().len(),
        1,
        "a 407 is not retried"
    );
}

// ---------- timeouts and retries ----------

#[test]
fn a_server_that_never_answers_is_75() {
    let server = scripted(vec![Reply::Hang], None);
    let started = Instant::now();
    let out = getkey(&server.url())
        .args(["--timeout", "1", "--retries", "0"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 75);
    assert!(stderr.contains("timed out"), "{stderr}");
    // Behaviour, not speed: one attempt bounded by a 1 s timeout cannot take 20 s.
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(server.request_count(), 1);
}

#[test]
fn timeouts_are_retried() {
    let server = scripted(vec![Reply::Hang, ok()], None);
    getkey(&server.url())
        .args(["--timeout", "1"])
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"));
    assert_eq!(server.request_count(), 2);
}

#[test]
fn a_dropped_connection_is_retried() {
    let server = scripted(vec![Reply::Drop, ok()], None);
    getkey(&server.url())
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"))
        .stderr("");
    assert_eq!(server.request_count(), 2);
}

#[test]
fn a_truncated_body_is_retried_then_69() {
    let truncated = Reply::Raw(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"apiKey\":\"abc".to_string(),
    );
    let server = scripted(vec![truncated], None);
    let out = getkey(&server.url())
        .args(["--retries", "2"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 69);
    assert_eq!(server.request_count(), 3);
}

#[test]
fn an_endless_body_is_76_with_bounded_memory() {
    let head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"apiKey\":\"".to_string();
    let server = scripted(vec![Reply::Endless(head)], None);
    let child = raw_mobivate()
        .args(["getkey", "--base-url", &server.url(), "-u", USER])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .env("CI", "true")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (code, max_rss_kib) = wait_with_rusage(child);
    assert_eq!(code, Some(76));
    if let Some(max_rss_kib) = max_rss_kib {
        assert!(
            max_rss_kib < 32 * 1024,
            "peak RSS {max_rss_kib} KiB: the body was not capped"
        );
    }
    assert_eq!(
        server.request_count(),
        1,
        "an oversized body is not retried"
    );
}

#[test]
fn service_unavailable_then_success() {
    let server = scripted(
        vec![json_reply(503, "Service Unavailable", "{}"), ok()],
        None,
    );
    getkey(&server.url())
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"))
        .stderr("");
    assert_eq!(server.request_count(), 2);
}

#[test]
fn verbose_shows_attempts_and_waits() {
    let server = scripted(
        vec![json_reply(503, "Service Unavailable", "{}"), ok()],
        None,
    );
    let out = getkey(&server.url()).arg("-v").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = stderr_of(&out);
    assert!(stderr.contains("attempt 1/3: HTTP 503"), "{stderr}");
    assert!(stderr.contains("waiting "), "{stderr}");
    assert!(stderr.contains("attempt 2/3: HTTP 200"), "{stderr}");
    assert!(
        !stderr.contains(KEY) && !stderr.contains(PASSWORD),
        "{stderr}"
    );
}

#[test]
fn retry_after_is_honoured() {
    let limited = json_reply_with(
        429,
        "Too Many Requests",
        "Retry-After: 2\r\n",
        r#"{"code":429,"message":"slow"}"#,
    );
    let server = scripted(vec![limited, ok()], None);
    let started = Instant::now();
    getkey(&server.url())
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"));
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "Retry-After: 2 was not waited for"
    );
    assert_eq!(server.request_count(), 2);
}

#[test]
fn a_huge_retry_after_gives_up_at_once() {
    let limited = json_reply_with(429, "Too Many Requests", "Retry-After: 3600\r\n", "{}");
    let server = scripted(vec![limited], None);
    let out = getkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 75);
    assert!(stderr.contains("3600"), "{stderr}");
    assert_eq!(server.request_count(), 1);
}

#[test]
fn rate_limited_after_retries_is_75() {
    let limited = json_reply_with(429, "Too Many Requests", "Retry-After: 0\r\n", "{}");
    let server = scripted(vec![limited], None);
    let out = getkey(&server.url())
        .args(["--retries", "1"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 75);
    assert_eq!(server.request_count(), 2);
}

#[test]
fn a_hostile_401_message_is_sanitized() {
    let body = r#"{"code":401,"message":"\u001b]0;owned\u0007\u001b[2J\u001b[31mInvalid\r\nCredentials\u009b"}"#;
    let server = scripted(vec![json_reply(401, "Unauthorized", body)], None);
    let out = getkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 77);
    assert!(stderr.contains("Invalid Credentials"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}') && !stderr.contains('\u{9b}'),
        "{stderr:?}"
    );
    assert!(!stderr.contains("owned"), "{stderr:?}");
    assert_eq!(
        stderr.lines().count(),
        2,
        "one error line and one hint: {stderr:?}"
    );
}

#[test]
fn a_huge_error_message_is_capped() {
    let body = format!(r#"{{"code":401,"message":"{}"}}"#, "x".repeat(10_000));
    let server = scripted(vec![json_reply(401, "Unauthorized", &body)], None);
    let out = getkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 77);
    assert!(stderr.len() < 600, "{} bytes", stderr.len());
}

#[test]
fn redirect_to_a_second_server_sends_it_nothing() {
    let second = scripted(vec![ok()], None);
    let location = format!("{}/auth/getkey", second.url());
    let first = scripted(
        vec![Reply::Raw(format!(
            "HTTP/1.1 308 Permanent Redirect\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n"
        ))],
        None,
    );
    let out = getkey(&first.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert!(stderr.contains(&location), "{stderr}");
    assert_eq!(second.request_count(), 0);
    assert_eq!(first.request_count(), 1);
}

#[test]
fn a_remote_proxy_is_not_used_for_a_loopback_url() {
    let server = scripted(vec![ok()], None);
    getkey(&server.url())
        .env("HTTP_PROXY", "http://proxy.mobivate-test.invalid:3128")
        .env("ALL_PROXY", "http://proxy.mobivate-test.invalid:3128")
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"));
    assert_eq!(server.request_count(), 1);
}

#[test]
fn a_local_http_proxy_is_used_for_plain_http() {
    let server = scripted(vec![ok()], None);
    let proxy = connect_proxy(None);
    getkey(&server.url())
        .env("http_proxy", format!("http://127.0.0.1:{}", proxy.port))
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"));
    assert_eq!(proxy.tunnels.lock().unwrap().len(), 1);
}

#[test]
fn a_server_echoing_the_secret_does_not_leak_it() {
    let body = format!(r#"{{"code":401,"message":"wrong password {PASSWORD} for {USER}"}}"#);
    let server = scripted(vec![json_reply(401, "Unauthorized", &body)], None);
    let out = getkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 77);
    assert!(stderr.contains("wrong password *** for"), "{stderr}");

    let body = format!(r#"{{"code":401,"message":"key {KEY} is unknown"}}"#);
    let server = scripted(vec![json_reply(401, "Unauthorized", &body)], None);
    let out = mobivate()
        .args(["testkey", "--base-url", &server.url()])
        .env("MOBIVATE_API_KEY", KEY)
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 77);
    assert!(stderr.contains("key *** is unknown"), "{stderr}");
}
