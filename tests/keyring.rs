//! The real OS keyring: a key stored by one process is read by another, and
//! is really in the keyring (not in the `keyring` crate's in-memory mock).
//!
//! These need a Secret Service (or the platform's keyring), so they are
//! `#[ignore]`d in a plain `cargo test`; `.ci/run` starts gnome-keyring under
//! `dbus-run-session` and runs them with `--ignored`. Without a keyring they
//! FAIL: they never pass by skipping. See README, "Run the tests".

#[path = "cli/common/mod.rs"]
#[allow(dead_code, unused_imports)] // Shared with tests/cli, which uses all of it.
mod common;

use common::*;
use mockito::{Matcher, Server};
use serde_json::json;
use std::path::PathBuf;

struct Setup {
    home: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        Setup {
            home: tempfile::tempdir().unwrap(),
        }
    }

    fn dir(&self) -> PathBuf {
        self.home.path().join("config")
    }

    /// Keeps the session's keyring (DBUS_SESSION_BUS_ADDRESS is inherited).
    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = mobivate();
        cmd.env("MOBIVATE_CONFIG_DIR", self.dir());
        cmd
    }

    fn service(&self) -> String {
        format!("mobivate:{}", self.dir().display())
    }
}

fn api() -> mockito::ServerGuard {
    let mut server = Server::new();
    server
        .mock("POST", "/auth/getkey")
        .match_body(Matcher::Json(
            json!({"username": USER, "password": PASSWORD}),
        ))
        .with_body(json!({ "apiKey": KEY }).to_string())
        .create();
    server
        .mock("GET", "/auth/test")
        .match_header("authorization", format!("Bearer {KEY}").as_str())
        .with_body("{}")
        .create();
    server
}

/// What `secret-tool` sees for the profile, when secret-tool is installed
/// (Linux); `None` where it is not.
fn secret_tool_lookup(setup: &Setup, profile: &str) -> Option<Option<String>> {
    let out = std::process::Command::new("secret-tool")
        .args(["lookup", "service", &setup.service(), "username", profile])
        .output()
        .ok()?;
    Some(
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim_end().to_string()),
    )
}

fn require_secret_tool_on_linux() -> bool {
    let found = std::process::Command::new("secret-tool")
        .arg("--version")
        .output()
        .is_ok();
    if cfg!(target_os = "linux") && std::env::var_os("MOBIVATE_TEST_KEYRING").is_some() {
        assert!(
            found,
            "MOBIVATE_TEST_KEYRING is set but secret-tool is missing (apt-get install libsecret-tools)"
        );
    }
    found
}

#[test]
#[ignore = "needs a running keyring: see README, Run the tests"]
fn a_stored_key_survives_the_process_and_is_in_the_keyring() {
    let setup = Setup::new();
    let server = api();
    let out = setup
        .cmd()
        .args(["auth", "login", "--base-url", &server.url(), "-u", USER])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "no usable keyring (this test must not pass without one): {}",
        stderr_of(&out)
    );
    let config = setup.dir().join("config.toml");
    assert_eq!(
        stderr_of(&out),
        format!(
            "Logged in as {USER} (profile default); the key is stored in the system keyring.\n\
             The base URL is saved: profile default now points at {} (in {}); \
             --base-url or MOBIVATE_BASE_URL overrides it.\n",
            server.url(),
            config.display()
        )
    );
    let config = std::fs::read_to_string(setup.dir().join("config.toml")).unwrap();
    assert!(config.contains("key_storage = \"keyring\""), "{config}");
    assert!(!config.contains(KEY), "no secret in config.toml");
    assert!(!setup.dir().join("credentials.toml").exists());

    // Another process reads it back.
    setup
        .cmd()
        .args(["auth", "token"])
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"))
        .stderr("");
    setup
        .cmd()
        .args(["testkey", "--retries", "0"])
        .assert()
        .code(0)
        .stderr("API key is valid\n");
    let out = setup
        .cmd()
        .args(["auth", "status", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["keyStorage"], json!("keyring"));
    assert_eq!(status["plainText"], json!(false));
    assert_eq!(status["valid"], json!(true));

    // And it is really in the Secret Service, not in a mock.
    if require_secret_tool_on_linux() {
        assert_eq!(
            secret_tool_lookup(&setup, "default"),
            Some(Some(KEY.to_string()))
        );
    }

    // createkey replaces it there.
    let new_key = "9999aaaa-1111-2222-3333-444455556666";
    let mut create = Server::new();
    create
        .mock("POST", "/auth/createkey")
        .with_body(json!({ "apiKey": new_key }).to_string())
        .create();
    setup
        .cmd()
        .args([
            "createkey",
            "--yes",
            "-v",
            "--base-url",
            &create.url(),
            "-u",
            USER,
        ])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "* updated the stored key of profile default in the keyring",
        ));
    setup
        .cmd()
        .args(["auth", "token"])
        .assert()
        .stdout(format!("{new_key}\n"));

    // logout deletes it from the keyring.
    setup
        .cmd()
        .args(["auth", "logout"])
        .assert()
        .code(0)
        .stderr("Logged out of profile default: the key was deleted from the keyring.\n");
    if require_secret_tool_on_linux() {
        assert_eq!(secret_tool_lookup(&setup, "default"), Some(None));
    }
    setup.cmd().args(["auth", "token"]).assert().code(64);
}

#[test]
#[ignore = "needs a running keyring: see README, Run the tests"]
fn a_key_put_in_the_keyring_by_another_tool_is_read() {
    // Proves reads go to the real store: secret-tool writes, mobivate reads.
    if !require_secret_tool_on_linux() {
        return;
    }
    let setup = Setup::new();
    std::fs::create_dir_all(setup.dir()).unwrap();
    std::fs::write(
        setup.dir().join("config.toml"),
        "[profiles.work]\nkey_storage = \"keyring\"\n",
    )
    .unwrap();
    make_private(&setup.dir().join("config.toml"));
    let mut store = std::process::Command::new("secret-tool")
        .args([
            "store",
            "--label",
            "mobivate test",
            "service",
            &setup.service(),
            "username",
            "work",
        ])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    store
        .stdin
        .take()
        .unwrap()
        .write_all(KEY.as_bytes())
        .unwrap();
    assert!(store.wait().unwrap().success(), "secret-tool store failed");
    setup
        .cmd()
        .args(["auth", "token", "--profile", "work"])
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"))
        .stderr("");
    setup
        .cmd()
        .args(["auth", "logout", "--profile", "work"])
        .assert()
        .code(0);
    assert_eq!(secret_tool_lookup(&setup, "work"), Some(None));
}
