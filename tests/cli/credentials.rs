//! Where the username and password come from, and what happens without them.

use crate::common::*;
use mockito::{Matcher, Server, ServerGuard};
use serde_json::json;
use std::path::PathBuf;

/// A password file with `mode` on Unix; Windows has no modes.
fn password_file(dir: &tempfile::TempDir, contents: &[u8], mode: u32) -> PathBuf {
    let path = dir.path().join("password");
    std::fs::write(&path, contents).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    #[cfg(not(unix))]
    let _ = mode;
    path
}

fn base_cmd(server: &ServerGuard) -> assert_cmd::Command {
    let mut cmd = mobivate();
    cmd.args(["getkey", "--base-url", &server.url(), "-u", USER]);
    cmd
}

#[test]
fn password_stdin_keeps_spaces_and_strips_one_newline() {
    for (input, expected) in [
        ("  spaced pw  \n", "  spaced pw  "),
        ("crlf\r\n", "crlf"),
        ("no-newline", "no-newline"),
        ("trailing-cr\r", "trailing-cr\r"),
    ] {
        let (server, mock) = key_server_expecting(expected);
        base_cmd(&server)
            .arg("--password-stdin")
            .write_stdin(input)
            .assert()
            .code(0)
            .stdout(format!("{KEY}\n"))
            .stderr("");
        mock.assert();
    }
}

#[test]
fn password_file_and_dash_for_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let (server, mock) = key_server_expecting(" from file ");
    let path = password_file(&dir, b" from file \n", 0o600);
    base_cmd(&server)
        .arg("--password-file")
        .arg(&path)
        .assert()
        .code(0)
        .stderr("");
    mock.assert();

    let (server, mock) = key_server_expecting("from dash");
    base_cmd(&server)
        .args(["--password-file", "-"])
        .write_stdin("from dash\n")
        .assert()
        .code(0);
    mock.assert();
}

#[cfg(unix)] // the warning about a readable password file is Unix-only
#[test]
fn readable_password_file_warns_but_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let (server, mock) = key_server_expecting(PASSWORD);
    let path = password_file(&dir, format!("{PASSWORD}\n").as_bytes(), 0o640);
    let out = base_cmd(&server)
        .arg("--password-file")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_of(&out), format!("{KEY}\n"));
    let stderr = stderr_of(&out);
    assert!(stderr.starts_with("mobivate: warning: "), "{stderr}");
    assert!(stderr.contains("0640"), "{stderr}");
    assert!(!stderr.contains(PASSWORD));
    mock.assert();
}

/// Windows has no group and other bits: the file gets its directory's ACL,
/// and no warning is printed.
#[cfg(windows)]
#[test]
fn a_password_file_on_windows_is_used_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let (server, mock) = key_server_expecting(PASSWORD);
    let path = password_file(&dir, format!("{PASSWORD}\n").as_bytes(), 0o644);
    base_cmd(&server)
        .arg("--password-file")
        .arg(&path)
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"))
        .stderr("");
    mock.assert();
}

#[test]
fn precedence_file_then_stdin_then_env() {
    let dir = tempfile::tempdir().unwrap();
    let path = password_file(&dir, b"from-file\n", 0o600);

    let (server, mock) = key_server_expecting("from-file");
    base_cmd(&server)
        .arg("--password-file")
        .arg(&path)
        .env("MOBIVATE_PASSWORD", "from-env")
        .write_stdin("from-stdin\n")
        .assert()
        .code(0);
    mock.assert();

    let (server, mock) = key_server_expecting("from-stdin");
    base_cmd(&server)
        .arg("--password-stdin")
        .env("MOBIVATE_PASSWORD", "from-env")
        .write_stdin("from-stdin\n")
        .assert()
        .code(0);
    mock.assert();

    let (server, mock) = key_server_expecting("from-env");
    base_cmd(&server)
        .env("MOBIVATE_PASSWORD", "from-env")
        .write_stdin("ignored\n")
        .assert()
        .code(0);
    mock.assert();
}

#[test]
fn two_explicit_sources_are_a_usage_error() {
    let out = mobivate()
        .args([
            "getkey",
            "-u",
            USER,
            "--password-stdin",
            "--password-file",
            "/dev/null",
        ])
        .write_stdin("pw\n")
        .output()
        .unwrap();
    assert_clean_failure(&out, 64);
}

#[test]
fn username_flag_beats_env() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/auth/getkey")
        .match_body(Matcher::PartialJson(json!({"username": "flag-user"})))
        .with_body(json!({"apiKey": KEY}).to_string())
        .create();
    mobivate()
        .args(["getkey", "--base-url", &server.url(), "-u", "flag-user"])
        .env("MOBIVATE_USERNAME", "env-user")
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .assert()
        .code(0);
    mock.assert();

    let mock = server
        .mock("POST", "/auth/getkey")
        .match_body(Matcher::PartialJson(json!({"username": "env-user"})))
        .with_body(json!({"apiKey": KEY}).to_string())
        .create();
    mobivate()
        .args(["getkey", "--base-url", &server.url()])
        .env("MOBIVATE_USERNAME", "env-user")
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .assert()
        .code(0);
    mock.assert();
}

#[test]
fn unusable_password_input_is_65_and_says_why() {
    let cases: &[(&[u8], &str)] = &[
        (b"", "empty"),
        (b"\n", "empty"),
        (b"line one\nline two\n", "more than one line"),
        (b"a\n\n", "more than one line"),
    ];
    for (input, why) in cases {
        let mut server = Server::new();
        let never = server.mock("POST", Matcher::Any).expect(0).create();
        let out = base_cmd(&server)
            .arg("--password-stdin")
            .write_stdin(*input)
            .output()
            .unwrap();
        let stderr = assert_clean_failure(&out, 65);
        assert!(stderr.contains(why), "{why}: {stderr}");
        never.assert();
    }
}

#[test]
fn oversized_password_is_65() {
    let mut server = Server::new();
    let never = server.mock("POST", Matcher::Any).expect(0).create();
    let out = base_cmd(&server)
        .arg("--password-stdin")
        .write_stdin(vec![b'x'; 5000])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 65);
    assert!(stderr.contains("4 KiB"), "{stderr}");
    never.assert();
}

#[test]
fn a_4096_byte_password_is_accepted() {
    let password = "p".repeat(4096);
    let (server, mock) = key_server_expecting(&password);
    base_cmd(&server)
        .arg("--password-stdin")
        .write_stdin(format!("{password}\n"))
        .assert()
        .code(0);
    mock.assert();
}

#[test]
fn empty_password_env_is_65() {
    let out = mobivate()
        .args(["getkey", "--base-url", "http://127.0.0.1:9", "-u", USER])
        .env("MOBIVATE_PASSWORD", "")
        .output()
        .unwrap();
    assert_clean_failure(&out, 65);
}

#[test]
fn missing_password_file_is_66() {
    let dir = tempfile::tempdir().unwrap();
    let out = mobivate()
        .args([
            "getkey",
            "--base-url",
            "http://127.0.0.1:9",
            "-u",
            USER,
            "--password-file",
        ])
        .arg(dir.path().join("nope"))
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 66);
    assert!(stderr.contains("nope"), "{stderr}");
    let out = mobivate()
        .args([
            "getkey",
            "--base-url",
            "http://127.0.0.1:9",
            "-u",
            USER,
            "--password-file",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_clean_failure(&out, 66);
}

#[test]
fn without_a_terminal_nothing_is_waited_for() {
    // No password source: 64 at once, naming every way to give one. The
    // open stdin would hang a tool that reads it without being asked.
    for (env_ci, flag) in [
        (Some("true"), None),
        (Some("1"), None),
        (None, Some("--no-input")),
    ] {
        let mut cmd = raw_mobivate();
        if let Some(value) = env_ci {
            cmd.env("CI", value);
        }
        cmd.args(["getkey", "--base-url", "http://127.0.0.1:9", "-u", USER]);
        if let Some(flag) = flag {
            cmd.arg(flag);
        }
        let mut child = cmd
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let _open_stdin = child.stdin.take();
        let out = child.wait_with_output().unwrap();
        let stderr = assert_clean_failure(&out, 64);
        for name in ["--password-stdin", "--password-file", "MOBIVATE_PASSWORD"] {
            assert!(stderr.contains(name), "{name} missing: {stderr}");
        }
    }
}

#[test]
fn without_a_username_it_is_64() {
    let out = mobivate()
        .args(["getkey", "--base-url", "http://127.0.0.1:9", "--no-input"])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 64);
    assert!(stderr.contains("MOBIVATE_USERNAME"), "{stderr}");
}
