//! createkey, testkey, getkey --verify, completions, the man page, and the
//! mock API example.

use crate::common::mock_api::start_mock_api;
#[cfg(unix)]
use crate::common::pty::Pty;
use crate::common::server::{Reply, json_reply, scripted};
use crate::common::*;
use mockito::{Matcher, Server};
use serde_json::json;

const NEW_KEY: &str = "ffff0000-1111-2222-3333-444455556666";

fn createkey(base: &str) -> assert_cmd::Command {
    let mut cmd = mobivate();
    cmd.args(["createkey", "--base-url", base, "-u", USER])
        .env("MOBIVATE_PASSWORD", PASSWORD);
    cmd
}

// ---------- createkey ----------

#[test]
fn createkey_with_yes_prints_the_new_key() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/auth/createkey")
        .match_header("content-type", "application/json")
        .match_body(Matcher::Json(
            json!({"username": USER, "password": PASSWORD}),
        ))
        .with_body(json!({"apiKey": NEW_KEY}).to_string())
        .expect(1)
        .create();
    createkey(&server.url())
        .arg("--yes")
        .assert()
        .code(0)
        .stdout(format!("{NEW_KEY}\n"))
        .stderr("");
    mock.assert();
}

#[test]
fn createkey_takes_the_output_options() {
    let mut server = Server::new();
    server
        .mock("POST", "/auth/createkey")
        .with_body(json!({"apiKey": NEW_KEY}).to_string())
        .create();
    createkey(&server.url())
        .args(["-y", "--format", "shell"])
        .env("GITHUB_ACTIONS", "true")
        .assert()
        .code(0)
        .stdout(format!("export MOBIVATE_API_KEY='{NEW_KEY}'\n"))
        .stderr(format!("::add-mask::{NEW_KEY}\n"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("key");
    createkey(&server.url())
        .arg("-y")
        .arg("-o")
        .arg(&file)
        .assert()
        .code(0)
        .stdout("");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        format!("{NEW_KEY}\n")
    );
}

#[test]
fn createkey_without_yes_and_without_a_terminal_sends_nothing() {
    let mut server = Server::new();
    let never = server.mock("POST", Matcher::Any).expect(0).create();
    let out = createkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 64);
    assert!(stderr.contains("--yes"), "{stderr}");
    // Even with no password at all, the missing --yes is what is reported.
    let out = mobivate()
        .args(["createkey", "--base-url", &server.url(), "--no-input"])
        .output()
        .unwrap();
    assert!(assert_clean_failure(&out, 64).contains("--yes"));
    never.assert();
}

#[test]
fn createkey_is_not_retried_once_sent() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/auth/createkey")
        .with_status(503)
        .expect(1)
        .create();
    let out = createkey(&server.url()).arg("--yes").output().unwrap();
    assert_clean_failure(&out, 69);
    mock.assert();

    let hanging = scripted(
        vec![
            Reply::Hang,
            json_reply(200, "OK", &json!({"apiKey": NEW_KEY}).to_string()),
        ],
        None,
    );
    let out = createkey(&hanging.url())
        .args(["--yes", "--timeout", "1"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 75);
    assert_eq!(
        hanging.request_count(),
        1,
        "a createkey that may have arrived must not be sent again"
    );

    let dropped = scripted(
        vec![
            Reply::Drop,
            json_reply(200, "OK", &json!({"apiKey": NEW_KEY}).to_string()),
        ],
        None,
    );
    let out = createkey(&dropped.url()).arg("--yes").output().unwrap();
    assert_clean_failure(&out, 69);
    assert_eq!(dropped.request_count(), 1);
}

#[test]
fn createkey_rejected_credentials_are_77() {
    let mut server = Server::new();
    server
        .mock("POST", "/auth/createkey")
        .with_status(401)
        .with_body(r#"{"code":401,"message":"Invalid Credentials"}"#)
        .create();
    let out = createkey(&server.url()).arg("--yes").output().unwrap();
    assert!(assert_clean_failure(&out, 77).contains("Invalid Credentials"));
}

#[cfg(unix)] // a pseudo-terminal
fn pty_command(args: &[&str]) -> std::process::Command {
    let mut cmd = raw_mobivate();
    cmd.args(args);
    cmd
}

#[cfg(unix)] // a pseudo-terminal
#[test]
fn createkey_asks_before_revoking_on_a_terminal() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/auth/createkey")
        .with_body(json!({"apiKey": NEW_KEY}).to_string())
        .expect(1)
        .create();
    let mut pty = Pty::spawn(
        pty_command(&["createkey", "--base-url", &server.url(), "-u", USER]),
        true,
    );
    pty.expect(&format!(
        "This revokes the current API key of {USER}. Continue? [y/N]"
    ));
    pty.send(b"y\r");
    pty.expect("Password for");
    pty.send(format!("{PASSWORD}\r").as_bytes());
    let (code, stdout, seen, _) = pty.finish();
    assert_eq!(code, Some(0), "{seen}");
    assert_eq!(stdout, format!("{NEW_KEY}\n"));
    mock.assert();
}

#[cfg(unix)] // a pseudo-terminal
#[test]
fn createkey_declined_sends_nothing() {
    let mut server = Server::new();
    let never = server.mock("POST", Matcher::Any).expect(0).create();
    for answer in ["n\r", "\r", "maybe\r"] {
        let mut pty = Pty::spawn(
            pty_command(&["createkey", "--base-url", &server.url(), "-u", USER]),
            true,
        );
        pty.expect("Continue? [y/N]");
        pty.send(answer.as_bytes());
        let (code, stdout, seen, _) = pty.finish();
        assert_ne!(code, Some(0), "{seen}");
        assert_eq!(stdout, "");
        assert!(
            !seen.contains("Password for"),
            "declining must not ask for the password: {seen}"
        );
    }
    never.assert();
}

// ---------- testkey ----------

fn test_server(valid: bool) -> (mockito::ServerGuard, mockito::Mock) {
    let mut server = Server::new();
    let mock = if valid {
        server
            .mock("GET", "/auth/test")
            .match_header("authorization", format!("Bearer {KEY}").as_str())
            .with_body(r#"{"message":"API Key is valid"}"#)
    } else {
        server
            .mock("GET", "/auth/test")
            .with_status(401)
            .with_body(r#"{"code":401,"message":"Unauthorized"}"#)
    }
    .expect(1)
    .create();
    (server, mock)
}

#[test]
fn testkey_valid_key_from_stdin() {
    let (server, mock) = test_server(true);
    mobivate()
        .args(["testkey", "--base-url", &server.url(), "--key-stdin"])
        .write_stdin(format!("{KEY}\n"))
        .assert()
        .code(0)
        .stdout("")
        .stderr("API key is valid\n");
    mock.assert();
}

#[test]
fn testkey_from_env_and_quiet() {
    let (server, mock) = test_server(true);
    mobivate()
        .args(["testkey", "--base-url", &server.url(), "-q"])
        .env("MOBIVATE_API_KEY", KEY)
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
    mock.assert();
}

#[test]
fn testkey_stdin_beats_env() {
    let (server, mock) = test_server(true);
    mobivate()
        .args(["testkey", "--base-url", &server.url(), "--key-stdin"])
        .env("MOBIVATE_API_KEY", "wrong-key")
        .write_stdin(KEY)
        .assert()
        .code(0);
    mock.assert();
}

#[test]
fn testkey_rejected_is_77_without_the_key() {
    let (server, mock) = test_server(false);
    let out = mobivate()
        .args(["testkey", "--base-url", &server.url(), "--key-stdin"])
        .write_stdin(KEY)
        .output()
        .unwrap();
    assert_clean_failure(&out, 77);
    mock.assert();
    let mut server = Server::new();
    server.mock("GET", "/auth/test").with_status(403).create();
    let out = mobivate()
        .args(["testkey", "--base-url", &server.url()])
        .env("MOBIVATE_API_KEY", KEY)
        .output()
        .unwrap();
    assert_clean_failure(&out, 77);
}

#[test]
fn testkey_without_a_key_is_64() {
    let out = mobivate()
        .args(["testkey", "--base-url", "http://127.0.0.1:9"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 64);
    assert!(
        stderr.contains("--key-stdin") && stderr.contains("MOBIVATE_API_KEY"),
        "{stderr}"
    );
}

#[test]
fn testkey_unusable_key_input_is_65() {
    for input in ["", "\n", "two\nlines\n", "has space\n"] {
        let out = mobivate()
            .args(["testkey", "--base-url", "http://127.0.0.1:9", "--key-stdin"])
            .write_stdin(input)
            .output()
            .unwrap();
        assert_clean_failure(&out, 65);
    }
}

#[cfg(unix)] // a pseudo-terminal
#[test]
fn testkey_prompts_hidden_on_a_terminal() {
    let (server, mock) = test_server(true);
    let mut pty = Pty::spawn(pty_command(&["testkey", "--base-url", &server.url()]), true);
    pty.expect("API key: ");
    pty.send(format!("{KEY}\r").as_bytes());
    let (code, stdout, seen, _) = pty.finish();
    assert_eq!(code, Some(0), "{seen}");
    assert_eq!(stdout, "");
    assert!(!seen.contains(KEY), "the key was echoed: {seen}");
    assert!(seen.contains("API key is valid"));
    mock.assert();
}

// ---------- getkey --verify ----------

#[test]
fn verify_checks_the_key_before_writing() {
    let mut server = Server::new();
    server
        .mock("POST", "/auth/getkey")
        .with_body(json!({"apiKey": KEY}).to_string())
        .create();
    let test = server
        .mock("GET", "/auth/test")
        .match_header("authorization", format!("Bearer {KEY}").as_str())
        .with_body(r#"{"message":"API Key is valid"}"#)
        .expect(1)
        .create();
    getkey(&server.url())
        .arg("--verify")
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"))
        .stderr("");
    test.assert();
}

#[test]
fn verify_rejected_writes_nothing() {
    let mut server = Server::new();
    server
        .mock("POST", "/auth/getkey")
        .with_body(json!({"apiKey": KEY}).to_string())
        .create();
    server
        .mock("GET", "/auth/test")
        .with_status(401)
        .with_body(r#"{"code":401,"message":"Unauthorized"}"#)
        .create();
    let out = getkey(&server.url())
        .arg("--verify")
        .env("GITHUB_ACTIONS", "true")
        .output()
        .unwrap();
    assert_clean_failure(&out, 77);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("key");
    let out = getkey(&server.url())
        .arg("--verify")
        .arg("-o")
        .arg(&file)
        .output()
        .unwrap();
    assert_clean_failure(&out, 77);
    assert!(
        !file.exists(),
        "nothing may be written when verification fails"
    );
}

// ---------- completions and man page ----------

#[test]
fn committed_completions_match_the_generator() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (shell, file) in [
        ("bash", "mobivate.bash"),
        ("zsh", "_mobivate"),
        ("fish", "mobivate.fish"),
        ("powershell", "_mobivate.ps1"),
        ("elvish", "mobivate.elv"),
    ] {
        let out = mobivate().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let committed = std::fs::read(root.join("completions").join(file)).unwrap();
        assert!(
            out.stdout == committed,
            "completions/{file} is stale: regenerate with `cargo run -- completions {shell} > completions/{file}`"
        );
    }
}

#[cfg(unix)] // spawns bash
#[test]
fn bash_completion_script_is_valid_bash() {
    let out = mobivate().args(["completions", "bash"]).output().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("c.bash");
    std::fs::write(&script, &out.stdout).unwrap();
    let check = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .status()
        .unwrap();
    assert!(check.success());
}

#[test]
fn unknown_shell_is_64() {
    let out = mobivate().args(["completions", "tcsh"]).output().unwrap();
    assert_clean_failure(&out, 64);
}

#[test]
fn man_page_has_the_sections_and_lints_clean() {
    let out = mobivate().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = stdout_of(&out);
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH EXAMPLES",
    ] {
        assert!(page.contains(section), "{section} missing");
    }
    assert!(page.contains("MOBIVATE_PASSWORD") && page.contains("130"));
    // mandoc is a Unix tool: the Linux run lints the page.
    #[cfg(unix)]
    {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mobivate.1");
        std::fs::write(&path, &out.stdout).unwrap();
        let lint = std::process::Command::new("mandoc")
            .args(["-Tlint", "-Wstyle"])
            .arg(&path)
            .output()
            .expect("mandoc is needed for this test: apt-get install mandoc (.ci/run installs it)");
        let report = format!("{}{}", stdout_of(&lint), stderr_of(&lint));
        assert!(
            lint.status.success() && report.is_empty(),
            "mandoc -Tlint: {report}"
        );
    }
}

// ---------- the mock API example ----------

#[test]
fn mock_api_serves_the_documented_endpoints() {
    let api = start_mock_api(&[]);
    let demo = |cmd: &mut assert_cmd::Command| {
        cmd.args(["--base-url", &api.1, "-u", "demo@example.com"])
            .env("MOBIVATE_PASSWORD", "demo-password");
    };
    let mut get = mobivate();
    get.arg("getkey");
    demo(&mut get);
    get.assert().code(0).stdout(format!("{KEY}\n"));

    mobivate()
        .args(["testkey", "--base-url", &api.1, "--key-stdin"])
        .write_stdin(KEY)
        .assert()
        .code(0)
        .stderr("API key is valid\n");

    let mut create = mobivate();
    create.args(["createkey", "--yes"]);
    demo(&mut create);
    let out = create.output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let new_key = stdout_of(&out).trim().to_string();
    assert_ne!(new_key, KEY);

    // The old key is revoked, the new one works.
    mobivate()
        .args(["testkey", "--base-url", &api.1, "--key-stdin"])
        .write_stdin(KEY)
        .assert()
        .code(77);
    mobivate()
        .args(["testkey", "--base-url", &api.1, "--key-stdin"])
        .write_stdin(new_key)
        .assert()
        .code(0);

    mobivate()
        .args(["getkey", "--base-url", &api.1, "-u", "demo@example.com"])
        .env("MOBIVATE_PASSWORD", "wrong")
        .assert()
        .code(77)
        .stderr(predicates::str::contains("Invalid Credentials"));
}

#[test]
fn mock_api_sends_and_refuses_an_opted_out_recipient() {
    let api = start_mock_api(&[]);
    let send = |args: &[&str]| {
        let mut cmd = mobivate();
        cmd.args(["send", "--base-url", &api.1, "--from", "Shop"])
            .args(args)
            .env("MOBIVATE_API_KEY", KEY);
        cmd.output().unwrap()
    };
    let out = send(&["--to", "+44 (0)7700 900123", "Your order is ready"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let line = stdout_of(&out);
    assert!(line.starts_with("447700900123 "), "{line}");
    assert_eq!(line.lines().count(), 1);

    let out = send(&[
        "--to",
        "447700900123,447700900124",
        "--yes",
        "Doors open at 9",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out).lines().count(), 2);

    let out = send(&["--to", "447700900999", "Hi"]);
    let stderr = assert_clean_failure(&out, 77);
    assert!(
        stderr.contains("Recipient is opted out: 447700900999"),
        "{stderr}"
    );
}
