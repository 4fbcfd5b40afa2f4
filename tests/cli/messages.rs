//! Secrets stay out of every message, every message is printed clean of
//! control characters and escape sequences, and an error status is judged by
//! its status even when its body is too large to read.

use crate::common::server::{Reply, json_reply, scripted};
use crate::common::*;

#[test]
fn a_value_attached_to_a_flag_that_takes_none_is_never_echoed() {
    let cases: [&[&str]; 7] = [
        &["getkey", "-u", USER, "--password-stdin=Hunter2-SECRET"],
        &["--no-input=Hunter2-SECRET", "getkey", "-u", USER],
        &["getkey", "--no-input=Hunter2-SECRET", "-u", USER],
        &["createkey", "-u", USER, "--yes=Hunter2-SECRET"],
        &["getkey", "-u", USER, "--verify=Hunter2-SECRET"],
        &["testkey", "--key-stdin=Hunter2-SECRET"],
        &["getkey", "-u", USER, "--no-mask=Hunter2-SECRET"],
    ];
    for args in cases {
        let out = mobivate().args(args).output().unwrap();
        let stderr = assert_clean_failure(&out, 64);
        assert!(!stderr.contains("Hunter2"), "{args:?}: {stderr}");
        assert!(stderr.contains("takes no value"), "{args:?}: {stderr}");
    }
}

/// `s3cr<ESC>[0m3t-P@ss` prints as the password once the escape sequence is
/// removed: it must be redacted after sanitising, not before.
#[test]
fn redaction_survives_escape_sequences() {
    let (head, tail) = PASSWORD.split_at(4);
    let message = format!("wrong password {head}\u{1b}[0m{tail} for you");
    let body = serde_json::json!({ "code": 401, "message": message }).to_string();
    let server = scripted(vec![json_reply(401, "Unauthorized", &body)], None);
    let out = getkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 77);
    assert!(stderr.contains("wrong password *** for you"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}

#[test]
fn a_redirect_target_is_cleaned_then_redacted_and_loses_its_query() {
    let (head, tail) = PASSWORD.split_at(4);
    // Header values cannot hold ESC; a bidi override is removed the same way.
    let location = format!(
        "https://u:{head}\u{202e}{tail}@evil.example/{head}\u{202e}{tail}/x?token=Q-SECRET"
    );
    let reply = Reply::Raw(format!(
        "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    ));
    let server = scripted(vec![reply], None);
    let out = getkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert!(
        !stderr.contains("Q-SECRET") && !stderr.contains('\u{202e}'),
        "{stderr:?}"
    );
    assert!(
        stderr.contains("https://***@evil.example/***/x"),
        "{stderr}"
    );
}

#[test]
fn messages_never_carry_escape_sequences_whatever_their_origin() {
    // A file name.
    let out = getkey("http://127.0.0.1:9")
        .env_remove("MOBIVATE_PASSWORD")
        .args([
            "--password-file",
            "/nonexistent/\u{1b}]0;pwned\u{7}\u{1b}[31mred",
        ])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 66);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(stderr.contains("/nonexistent/red"), "{stderr}");
    // An environment value: a proxy variable holding an escape sequence.
    let out = getkey("https://api.example.com")
        .env("HTTPS_PROXY", "ftp://\u{1b}[2J\u{1b}[31mproxy:3128")
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 78);
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(names_variable(&stderr, "HTTPS_PROXY"), "{stderr}");
}

#[cfg(unix)] // the warning about a readable password file is Unix-only
#[test]
fn warnings_never_carry_escape_sequences() {
    // A password file readable by others, with an escape in its name.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pw\u{1b}[31m");
    std::fs::write(&path, format!("{PASSWORD}\n")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let server = key_server(KEY);
    let out = getkey(&server.url())
        .env_remove("MOBIVATE_PASSWORD")
        .arg("--password-file")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(stderr.contains("mobivate: warning: "), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
}

fn html_reply(status: u16, reason: &str, size: usize) -> Reply {
    let body = format!("<html>{}</html>", "x".repeat(size));
    Reply::Raw(format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    ))
}

#[test]
fn a_401_with_a_70_kb_body_is_77() {
    let server = scripted(vec![html_reply(401, "Unauthorized", 70_000)], None);
    let out = getkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 77);
    assert!(stderr.contains("401"), "{stderr}");
}

#[test]
fn a_503_with_a_70_kb_body_is_retried_then_69() {
    let server = scripted(vec![html_reply(503, "Service Unavailable", 70_000)], None);
    let out = getkey(&server.url())
        .args(["--retries", "1"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 69);
    assert!(stderr.contains("503"), "{stderr}");
    assert_eq!(server.request_count(), 2, "it must be retried");
}

#[test]
fn a_success_with_an_oversized_body_is_still_76() {
    let body = format!(
        "{{\"apiKey\":\"{KEY}\",\"pad\":\"{}\"}}",
        "x".repeat(70_000)
    );
    let server = scripted(vec![json_reply(200, "OK", &body)], None);
    let out = getkey(&server.url()).output().unwrap();
    assert_clean_failure(&out, 76);
}
