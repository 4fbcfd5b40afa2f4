//! `createkey` never loses the new key: the destination is checked before
//! anything is sent, a write failure after the answer says the key was
//! already replaced, and an unknown outcome never invites a retry.

use crate::common::server::{Reply, json_reply, scripted};
use crate::common::*;

fn createkey(base: &str) -> assert_cmd::Command {
    let mut cmd = mobivate();
    cmd.args(["createkey", "--yes", "--base-url", base, "-u", USER])
        .env("MOBIVATE_PASSWORD", PASSWORD);
    cmd
}

fn key_reply() -> Reply {
    json_reply(200, "OK", &serde_json::json!({ "apiKey": KEY }).to_string())
}

#[test]
fn an_unwritable_destination_is_73_with_nothing_sent() {
    let dir = tempfile::tempdir().unwrap();
    let missing_dir = dir.path().join("no-such-dir").join("key");
    let server = scripted(vec![key_reply()], None);
    let out = createkey(&server.url())
        .arg("-o")
        .arg(&missing_dir)
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 73);
    assert!(stderr.contains("no-such-dir"), "{stderr}");
    assert_eq!(server.request_count(), 0, "nothing may be sent");
}

#[cfg(unix)] // spawns sh to open stdout read-only
#[test]
fn a_read_only_stdout_fails_before_anything_is_sent() {
    // (A closed stdout cannot be tested: the Rust runtime reopens it on /dev/null.)
    let server = scripted(vec![key_reply()], None);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("read-only");
    std::fs::write(&file, "").unwrap();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("f=$1; shift; exec \"$@\" 1<\"$f\"")
        .arg("sh")
        .arg(&file)
        .arg(assert_cmd::cargo::cargo_bin("mobivate"))
        .args([
            "createkey",
            "--yes",
            "--base-url",
            &server.url(),
            "-u",
            USER,
        ])
        .env_clear()
        .env("CI", "true")
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(74), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("stdout"), "{}", stderr_of(&out));
    assert_eq!(server.request_count(), 0, "nothing may be sent");
}

#[cfg(unix)] // /dev/full is Linux's
#[test]
fn a_write_failure_after_the_answer_says_the_key_was_replaced() {
    let server = scripted(vec![key_reply()], None);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = raw_mobivate()
        .args([
            "createkey",
            "--yes",
            "--base-url",
            &server.url(),
            "-u",
            USER,
        ])
        .env("CI", "true")
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .stdout(full)
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(74), "{stderr}");
    assert!(
        stderr.contains("the key has already been replaced on the server"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`mobivate getkey` fetches the current one"),
        "{stderr}"
    );
    assert!(
        !stderr.contains(KEY) && !stderr.contains(PASSWORD),
        "{stderr}"
    );
    assert_eq!(server.request_count(), 1);
}

/// After a read timeout, a reset or a 5xx, the server may have made a new key:
/// the hint must not say to try again, and must point at getkey.
#[test]
fn an_unknown_outcome_never_invites_a_retry() {
    let cases = [
        (Reply::Hang, 75),
        (Reply::Drop, 69),
        (json_reply(503, "Service Unavailable", "{}"), 69),
        (
            json_reply(500, "Internal Server Error", r#"{"message":"boom"}"#),
            69,
        ),
    ];
    for (reply, code) in cases {
        let server = scripted(vec![reply], None);
        let out = createkey(&server.url())
            .args(["--timeout", "1"])
            .output()
            .unwrap();
        let stderr = assert_clean_failure(&out, code);
        let hint = stderr
            .lines()
            .find(|l| l.starts_with("hint: "))
            .unwrap_or_else(|| panic!("no hint: {stderr}"));
        assert!(hint.contains("may have been replaced"), "{stderr}");
        assert!(
            hint.contains("`mobivate getkey` fetches the current one"),
            "{stderr}"
        );
        assert!(!stderr.to_lowercase().contains("try again"), "{stderr}");
        assert_eq!(
            server.request_count(),
            1,
            "createkey is never retried: {stderr}"
        );
    }
}

#[test]
fn a_refused_connection_may_still_say_try_again() {
    // Nothing reached the server: trying again is safe.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let out = createkey(&format!("http://127.0.0.1:{port}"))
        .args(["--retries", "0"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 69);
    assert!(!stderr.contains("may have been replaced"), "{stderr}");
}
