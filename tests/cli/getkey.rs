//! `mobivate getkey` end to end, against mockito.

use crate::common::*;
use mockito::{Matcher, Server};
use serde_json::json;

fn ok_body(key: &str) -> String {
    json!({ "apiKey": key }).to_string()
}

#[test]
fn prints_the_key_and_nothing_else() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/auth/getkey")
        .match_header("content-type", "application/json")
        .match_header("accept", "application/json")
        .match_header(
            "user-agent",
            concat!("mobivate/", env!("CARGO_PKG_VERSION")),
        )
        .match_body(Matcher::Json(
            json!({"username": USER, "password": PASSWORD}),
        ))
        .with_status(200)
        .with_body(ok_body(KEY))
        .expect(1)
        .create();
    getkey(&server.url())
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"))
        .stderr("");
    mock.assert();
}

#[test]
fn awkward_characters_arrive_intact() {
    let user = "o'brien \"the\" \\admin\\ ünïcødé 用户";
    let password = "  p\"a\\s's\tw\u{e9}rd {}[]<>&%$ ";
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/auth/getkey")
        .match_body(Matcher::Json(
            json!({"username": user, "password": password}),
        ))
        .with_body(ok_body(KEY))
        .create();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pw");
    std::fs::write(&file, format!("{password}\n")).unwrap();
    make_private(&file);
    mobivate()
        .args([
            "getkey",
            "--base-url",
            &server.url(),
            "-u",
            user,
            "--password-file",
        ])
        .arg(&file)
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"))
        .stderr("");
    mock.assert();
}

#[test]
fn base_url_path_is_kept_with_or_without_slash() {
    for suffix in ["/v2", "/v2/"] {
        let mut server = Server::new();
        let mock = server
            .mock("POST", "/v2/auth/getkey")
            .with_body(ok_body(KEY))
            .create();
        getkey(&format!("{}{suffix}", server.url()))
            .assert()
            .code(0)
            .stdout(format!("{KEY}\n"));
        mock.assert();
    }
}

#[test]
fn base_url_from_env_and_flag_wins() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/auth/getkey")
        .with_body(ok_body(KEY))
        .expect(2)
        .create();
    mobivate()
        .args(["getkey", "-u", USER])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .env("MOBIVATE_BASE_URL", server.url())
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"));
    // The env points nowhere usable; the flag must win.
    mobivate()
        .args(["getkey", "-u", USER, "--base-url", &server.url()])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .env("MOBIVATE_BASE_URL", "http://example.com")
        .assert()
        .code(0);
    mock.assert();
}

#[test]
fn connection_options_are_accepted_before_the_subcommand() {
    let server = key_server(KEY);
    mobivate()
        .args([
            "--base-url",
            &server.url(),
            "--timeout",
            "5",
            "--retries",
            "0",
            "getkey",
            "-u",
            USER,
        ])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"));
}

#[test]
fn every_format() {
    let key = "ab'c$d`e\"f\\g";
    let server = key_server(key);
    let cases = [
        ("raw", format!("{key}\n")),
        ("json", format!("{}\n", json!({"apiKey": key}))),
        ("env", format!("MOBIVATE_API_KEY={key}\n")),
        (
            "shell",
            "export MOBIVATE_API_KEY='ab'\\''c$d`e\"f\\g'\n".to_string(),
        ),
    ];
    for (format, expected) in cases {
        getkey(&server.url())
            .args(["--format", format])
            .assert()
            .code(0)
            .stdout(expected)
            .stderr("");
    }
}

#[cfg(unix)] // spawns sh
#[test]
fn shell_format_is_safe_to_eval() {
    let key = "k'$(touch${IFS}pwned)`id`\"\\;x";
    let server = key_server(key);
    let out = getkey(&server.url())
        .args(["--format", "shell"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let dir = tempfile::tempdir().unwrap();
    let evaluated = std::process::Command::new("sh")
        .current_dir(dir.path())
        .args(["-c", "eval \"$1\"; printf %s \"$MOBIVATE_API_KEY\"", "sh"])
        .arg(String::from_utf8(out.stdout).unwrap())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(evaluated.stdout).unwrap(), key);
    assert!(!dir.path().join("pwned").exists());
}

#[cfg(unix)] // a umask (through sh) and Unix file modes
#[test]
fn output_file_is_0600_and_stdout_stays_empty() {
    let server = key_server(KEY);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("key.env");
    // A permissive umask must not widen the mode.
    std::process::Command::new("sh")
        .args(["-c", "umask 000; exec \"$@\"", "sh"])
        .arg(assert_cmd::cargo::cargo_bin("mobivate"))
        .args([
            "getkey",
            "--base-url",
            &server.url(),
            "-u",
            USER,
            "--format",
            "env",
            "-o",
        ])
        .arg(&target)
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .env("CI", "true")
        .output()
        .map(|out| {
            assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
            assert_eq!(stdout_of(&out), "");
            assert_eq!(stderr_of(&out), "");
        })
        .unwrap();
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        format!("MOBIVATE_API_KEY={KEY}\n")
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file may be left behind");
}

/// Windows too: no modes there, but the same atomic replacement.
#[test]
fn output_file_replaces_what_was_there_and_stdout_stays_empty() {
    let server = key_server(KEY);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("key.env");
    std::fs::write(&target, "an old key that is much longer than the new one\n").unwrap();
    getkey(&server.url())
        .args(["--format", "env", "-o"])
        .arg(&target)
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        format!("MOBIVATE_API_KEY={KEY}\n")
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file may be left behind");
}

#[test]
fn output_dash_means_stdout() {
    let server = key_server(KEY);
    let dir = tempfile::tempdir().unwrap();
    getkey(&server.url())
        .current_dir(dir.path())
        .args(["-o", "-"])
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"));
    assert!(!dir.path().join("-").exists());
}

// Unix file modes; and wine cannot open a symbolic link it made
// (.ci/wine/NOTES.md).
#[cfg(unix)]
#[test]
fn output_file_replaces_a_symlink_instead_of_writing_through_it() {
    let server = key_server(KEY);
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    std::fs::write(&victim, "untouched").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    let link = dir.path().join("key");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    getkey(&server.url())
        .arg("-o")
        .arg(&link)
        .assert()
        .code(0)
        .stdout("");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(
        meta.file_type().is_file(),
        "the symlink must be replaced by a file"
    );
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::read_to_string(&link).unwrap(), format!("{KEY}\n"));
}

#[test]
fn output_file_that_cannot_be_created_is_73() {
    let server = key_server(KEY);
    let dir = tempfile::tempdir().unwrap();
    let out = getkey(&server.url())
        .arg("-o")
        .arg(dir.path().join("missing-dir/key"))
        .output()
        .unwrap();
    assert_clean_failure(&out, 73);
    let out = getkey(&server.url())
        .arg("-o")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_clean_failure(&out, 73);
}

#[test]
fn github_actions_mask_comes_first_and_can_be_turned_off() {
    let server = key_server(KEY);
    getkey(&server.url())
        .env("GITHUB_ACTIONS", "true")
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"))
        .stderr(format!("::add-mask::{KEY}\n"));
    getkey(&server.url())
        .env("GITHUB_ACTIONS", "true")
        .arg("--no-mask")
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"))
        .stderr("");
}

#[test]
fn the_mask_is_not_printed_when_the_key_goes_nowhere() {
    let server = key_server(KEY);
    let dir = tempfile::tempdir().unwrap();
    let out = getkey(&server.url())
        .env("GITHUB_ACTIONS", "true")
        .arg("-o")
        .arg(dir.path().join("missing-dir/key"))
        .output()
        .unwrap();
    assert_clean_failure(&out, 73);
}

#[test]
fn unusable_keys_exit_76_with_nothing_on_stdout() {
    let bodies = [
        "{}".to_string(),
        "<html><body>Welcome to nginx</body></html>".to_string(),
        ok_body(""),
        ok_body("abc\ndef"),
        ok_body("abc\u{1b}[2Jdef"),
        ok_body("has space"),
        ok_body(&"k".repeat(1025)),
        r#"{"apiKey": 12345}"#.to_string(),
    ];
    for body in bodies {
        let mut server = Server::new();
        server
            .mock("POST", "/auth/getkey")
            .with_body(&body)
            .create();
        let out = getkey(&server.url())
            .args(["--format", "shell"])
            .output()
            .unwrap();
        let stderr = assert_clean_failure(&out, 76);
        assert!(!stderr.contains('\u{1b}'), "{stderr}");
    }
}

#[test]
fn longest_key_is_accepted() {
    let key = "k".repeat(1024);
    let server = key_server(&key);
    getkey(&server.url())
        .assert()
        .code(0)
        .stdout(format!("{key}\n"));
}

#[test]
fn status_codes_map_to_exit_codes() {
    let cases: &[(usize, &str, i32)] = &[
        (401, r#"{"code":401,"message":"Invalid Credentials"}"#, 77),
        (403, r#"{"code":403,"message":"Forbidden"}"#, 77),
        (400, r#"{"code":400,"message":"Bad parameters"}"#, 76),
        (402, r#"{"code":402,"message":"Out of credit"}"#, 76),
        (404, "<html>not found</html>", 76),
        (429, r#"{"code":429,"message":"Slow down"}"#, 75),
        (500, r#"{"code":500,"message":"Oops"}"#, 69),
        (503, "<html>503 Service Unavailable</html>", 69),
    ];
    for (status, body, code) in cases {
        let mut server = Server::new();
        server
            .mock("POST", "/auth/getkey")
            .with_status(*status)
            .with_body(body)
            .create();
        let out = getkey(&server.url())
            .args(["--retries", "0"])
            .output()
            .unwrap();
        let stderr = assert_clean_failure(&out, *code);
        assert!(stderr.contains(&status.to_string()), "{stderr}");
    }
}

#[test]
fn invalid_credentials_quote_the_server_message() {
    let mut server = Server::new();
    server
        .mock("POST", "/auth/getkey")
        .with_status(401)
        .with_body(r#"{"code":401,"message":"Invalid Credentials"}"#)
        .expect(1)
        .create();
    let out = getkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 77);
    assert!(stderr.contains("\"Invalid Credentials\""), "{stderr}");
    assert!(stderr.contains("\nhint: "), "{stderr}");
}

#[test]
fn server_errors_are_retried_then_exit_69() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/auth/getkey")
        .with_status(500)
        .with_body(r#"{"code":500,"message":"Oops"}"#)
        .expect(2)
        .create();
    let out = getkey(&server.url())
        .args(["--retries", "1"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 69);
    assert!(stderr.contains("\"Oops\""), "{stderr}");
    mock.assert();
}

#[test]
fn client_errors_are_never_retried() {
    for status in [400, 401, 402, 403, 404] {
        let mut server = Server::new();
        let mock = server
            .mock("POST", "/auth/getkey")
            .with_status(status)
            .expect(1)
            .create();
        getkey(&server.url()).assert().failure();
        mock.assert();
    }
}

#[test]
fn redirects_are_not_followed() {
    let mut server = Server::new();
    let mut elsewhere = Server::new();
    let stolen = elsewhere.mock("POST", Matcher::Any).expect(0).create();
    let target = format!("{}/auth/getkey", elsewhere.url());
    server
        .mock("POST", "/auth/getkey")
        .with_status(307)
        .with_header("location", &target)
        .create();
    let out = getkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert!(
        stderr.contains(&target),
        "the message must name the Location: {stderr}"
    );
    stolen.assert();
}

#[test]
fn connection_refused_is_69() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let out = getkey(&format!("http://127.0.0.1:{port}"))
        .args(["--retries", "0"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 69);
    assert!(stderr.contains("refused"), "{stderr}");
}

#[test]
fn unresolvable_host_is_68() {
    let out = getkey("https://no-such-host.invalid")
        .args(["--retries", "0"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 68);
}

#[test]
fn bad_base_urls_are_78() {
    for base in [
        "http://example.com",
        "ftp://127.0.0.1",
        "not a url",
        "https://user:pw@host",
    ] {
        let out = getkey(base).output().unwrap();
        assert_clean_failure(&out, 78);
    }
}

#[test]
fn closed_stdout_is_74_without_a_panic() {
    let server = key_server(KEY);
    // The read end of stdout is closed before the key is written.
    let mut child = raw_mobivate()
        .args(["getkey", "--base-url", &server.url(), "-u", USER])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .env("CI", "true")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(74), "{stderr}");
    assert!(stderr.starts_with("mobivate: error: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains(KEY), "{stderr}");
}

#[test]
fn clap_errors_are_64_in_our_format() {
    for args in [
        vec!["getkey", "--format", "xml"],
        vec!["getkey", "--password-stdin", "--password-file", "x"],
        vec!["getkey", "--password", "hunter2"],
        vec!["getkey", "--password=hunter2"],
        vec!["getkey", "-u", "alice", "hunter2"],
        vec!["getkey", "--timeout", "2.5"],
        vec!["nonsense"],
        vec![],
    ] {
        let out = mobivate().args(&args).output().unwrap();
        let stderr = assert_clean_failure(&out, 64);
        assert!(!stderr.contains("hunter2"), "{stderr}");
    }
    // A timeout that parses but cannot be used is 65, as every such value.
    let out = mobivate()
        .args(["getkey", "--timeout", "0"])
        .output()
        .unwrap();
    assert!(assert_clean_failure(&out, 65).contains("--timeout"));
}

#[test]
fn help_lists_exit_status_and_environment() {
    // The tables are the root's; a command's help points to them (issue 18).
    let out = mobivate().args(["getkey", "--help"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = stdout_of(&out);
    assert!(!help.contains("EXIT STATUS"), "{help}");
    assert!(
        help.contains("Exit status and environment: `mobivate --help` and `man mobivate`."),
        "{help}"
    );
    for args in [vec!["--help"], vec!["-h"]] {
        let out = mobivate().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let help = stdout_of(&out);
        assert!(help.contains("EXIT STATUS"), "{help}");
        for code in [
            "64", "65", "66", "68", "69", "73", "74", "75", "76", "77", "78", "130",
        ] {
            assert!(
                help.contains(&format!("  {code}  ")),
                "{code} missing from {help}"
            );
        }
        assert!(help.contains("MOBIVATE_PASSWORD"));
    }
}

#[test]
fn verbose_shows_the_exchange_but_no_secret() {
    let server = key_server(KEY);
    let out = getkey(&server.url()).arg("-v").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_of(&out), format!("{KEY}\n"));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains(&format!("{{\"username\":\"{USER}\",\"password\":\"***\"}}")),
        "{stderr}"
    );
    assert!(stderr.contains("attempt 1/3"), "{stderr}");
    assert!(stderr.contains("proxy: none"), "{stderr}");
    assert!(!stderr.contains(PASSWORD), "{stderr}");
    assert!(!stderr.contains(KEY), "{stderr}");
}
