//! `mobivate auth` and stored keys, through the real binary, with the config
//! dir in a temp directory and the keyring out of reach (the session bus
//! points at a socket that does not exist), so these tests run anywhere. The
//! real keyring is tested in tests/keyring.rs.

#[cfg(unix)]
use crate::common::pty::Pty;
use crate::common::*;
use mockito::{Matcher, Server, ServerGuard};
use serde_json::json;
use std::path::{Path, PathBuf};

/// No mode is set on Windows, so no "only you" is promised there.
const WHO_CAN_READ: &str = if cfg!(windows) {
    "with the permissions of its folder"
} else {
    "readable only by you"
};
const OTHER_KEY: &str = "ffff0000-1111-2222-3333-444455556666";
const ENV_KEY: &str = "eeee0000-1111-2222-3333-444455556666";
const STDIN_KEY: &str = "dddd0000-1111-2222-3333-444455556666";
const NEW_KEY: &str = "9999aaaa-1111-2222-3333-444455556666";

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

    fn config_path(&self) -> PathBuf {
        self.dir().join("config.toml")
    }

    fn credentials_path(&self) -> PathBuf {
        self.dir().join("credentials.toml")
    }

    fn write(&self, path: &Path, text: &str, mode: u32) {
        std::fs::create_dir_all(self.dir()).unwrap();
        std::fs::write(path, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        #[cfg(not(unix))]
        let _ = mode;
    }

    /// A profile per `(name, key, base_url)`, keys in plain text.
    fn profiles(&self, default_profile: Option<&str>, profiles: &[(&str, &str, Option<&str>)]) {
        let mut config = String::new();
        let mut credentials = String::new();
        if let Some(name) = default_profile {
            config.push_str(&format!("default_profile = \"{name}\"\n"));
        }
        for (name, key, base_url) in profiles {
            config.push_str(&format!(
                "[profiles.{name}]\nusername = \"{USER}\"\nkey_storage = \"file\"\n"
            ));
            if let Some(url) = base_url {
                config.push_str(&format!("base_url = \"{url}\"\n"));
            }
            credentials.push_str(&format!("[profiles.{name}]\napi_key = \"{key}\"\n"));
        }
        self.write(&self.config_path(), &config, 0o600);
        self.write(&self.credentials_path(), &credentials, 0o600);
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::from_std(self.raw());
        cmd.env("CI", "true")
            .timeout(std::time::Duration::from_secs(60));
        cmd
    }

    fn raw(&self) -> std::process::Command {
        let mut cmd = raw_mobivate();
        self.environment(&mut cmd);
        cmd
    }

    fn environment(&self, cmd: &mut std::process::Command) {
        let home = self.home.path();
        cmd.env("MOBIVATE_CONFIG_DIR", self.dir())
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join("xdg"))
            .env(
                "DBUS_SESSION_BUS_ADDRESS",
                format!("unix:path={}", home.join("no-bus").display()),
            )
            .env_remove("DISPLAY");
    }

    fn read(&self, path: &Path) -> String {
        std::fs::read_to_string(path).unwrap()
    }
}

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A server that hands `KEY` to `USER`/`PASSWORD` and accepts `valid` at
/// `/auth/test` (and nothing else).
fn api(valid: &str) -> (ServerGuard, mockito::Mock) {
    let mut server = Server::new();
    server
        .mock("POST", "/auth/getkey")
        .match_body(Matcher::Json(
            json!({"username": USER, "password": PASSWORD}),
        ))
        .with_body(json!({ "apiKey": KEY }).to_string())
        .create();
    let test = server
        .mock("GET", "/auth/test")
        .match_header("authorization", format!("Bearer {valid}").as_str())
        .with_body("{}")
        .create();
    let accepted = format!("Bearer {valid}");
    server
        .mock("GET", "/auth/test")
        .match_request(move |request| {
            request
                .header("authorization")
                .iter()
                .all(|value| value.as_bytes() != accepted.as_bytes())
        })
        .with_status(401)
        .with_body(r#"{"code":401,"message":"Unauthorized"}"#)
        .create();
    (server, test)
}

fn login(setup: &Setup, base: &str) -> assert_cmd::Command {
    let mut cmd = setup.cmd();
    cmd.args([
        "auth",
        "login",
        "--base-url",
        base,
        "-u",
        USER,
        "--insecure-storage",
    ])
    .env("MOBIVATE_PASSWORD", PASSWORD);
    cmd
}

// ---------- login, status, token, logout ----------

#[test]
fn login_status_token_logout_with_plain_text_storage() {
    let setup = Setup::new();
    let (server, test) = api(KEY);
    let file = setup.credentials_path();

    let out = login(&setup, &server.url())
        .args(["--from", "Acme", "--route", "mglobal"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
    assert_eq!(
        stderr_of(&out),
        format!(
            "Logged in as {USER} (profile default); the key is stored in PLAIN TEXT in {} ({WHO_CAN_READ}).\n\
             The base URL is saved: profile default now points at {} (in {}); --base-url or MOBIVATE_BASE_URL overrides it.\n",
            file.display(),
            server.url(),
            setup.config_path().display()
        )
    );
    let config = setup.read(&setup.config_path());
    assert!(!config.contains(KEY), "the key must not be in config.toml");
    assert_eq!(
        config,
        format!(
            "# mobivate profiles: see `mobivate auth --help`. No secrets here.\n\
             [profiles.default]\nusername = \"{USER}\"\nbase_url = \"{}\"\nfrom = \"Acme\"\nroute = \"mglobal\"\nkey_storage = \"file\"\n",
            server.url()
        )
    );
    assert!(setup.read(&file).contains(&format!("api_key = \"{KEY}\"")));
    #[cfg(unix)]
    {
        assert_eq!(mode_of(&file), 0o600);
        assert_eq!(mode_of(&setup.config_path()), 0o600);
        assert_eq!(mode_of(&setup.dir()), 0o700);
    }

    // status: text on stderr, nothing on stdout, never the key.
    let out = setup.cmd().args(["auth", "status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
    assert_eq!(
        stderr_of(&out),
        format!(
            "Profile:  default\nUsername: {USER}\nBase URL: {}\nKey:      stored in PLAIN TEXT in {} (not in a keyring)\nCheck:    valid: GET /auth/test accepted it\n",
            server.url(),
            file.display()
        )
    );
    let out = setup
        .cmd()
        .args(["auth", "status", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        status,
        json!({
            "profile": "default",
            "username": USER,
            "baseUrl": server.url(),
            "keyStorage": "file",
            "keyFile": file.display().to_string(),
            "plainText": true,
            "valid": true,
        })
    );
    assert!(!stdout_of(&out).contains(KEY));
    assert_eq!(stderr_of(&out), "");
    test.expect(2).assert();

    // token: getkey's formats.
    for (format, expected) in [
        ("raw", format!("{KEY}\n")),
        ("json", format!("{{\"apiKey\":\"{KEY}\"}}\n")),
        ("env", format!("MOBIVATE_API_KEY={KEY}\n")),
        ("shell", format!("export MOBIVATE_API_KEY='{KEY}'\n")),
    ] {
        setup
            .cmd()
            .args(["auth", "token", "--format", format])
            .assert()
            .code(0)
            .stdout(expected)
            .stderr("");
    }
    setup
        .cmd()
        .args(["auth", "token"])
        .env("GITHUB_ACTIONS", "true")
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"))
        .stderr(format!("::add-mask::{KEY}\n"));

    // logout: key and profile gone; again is a note and exit 0.
    setup
        .cmd()
        .args(["auth", "logout"])
        .assert()
        .code(0)
        .stdout("")
        .stderr(format!(
            "Logged out of profile default: the key was deleted from {}.\n",
            file.display()
        ));
    assert!(!file.exists(), "credentials.toml must be removed");
    assert!(
        !setup
            .read(&setup.config_path())
            .contains("[profiles.default]")
    );
    setup
        .cmd()
        .args(["auth", "logout"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("Nothing to do: profile default is not logged in.\n");

    let out = setup.cmd().args(["auth", "token"]).output().unwrap();
    assert!(assert_clean_failure(&out, 64).contains("no key is stored for profile default"));
    let out = setup.cmd().args(["auth", "status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(64));
    assert!(stderr_of(&out).contains("Key:      none stored\n"));
}

#[test]
fn logout_of_nothing_is_a_note() {
    let setup = Setup::new();
    setup
        .cmd()
        .args(["auth", "logout", "--profile", "work"])
        .assert()
        .code(0)
        .stdout("")
        .stderr("Nothing to do: profile work is not logged in.\n");
    assert!(!setup.dir().exists(), "logout of nothing writes nothing");
}

#[test]
fn status_exit_codes_and_json() {
    let setup = Setup::new();
    // Nothing stored: 64, and JSON still describes the profile.
    let (server, _) = api(KEY);
    let out = setup
        .cmd()
        .args([
            "auth",
            "status",
            "--format",
            "json",
            "--base-url",
            &server.url(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64));
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["keyStorage"], json!(null));
    assert_eq!(status["valid"], json!(null));
    assert!(
        stderr_of(&out).contains("mobivate: auth login")
            || stderr_of(&out).contains("`mobivate auth login`")
    );

    // A stored key the server rejects: 77.
    setup.profiles(None, &[("default", OTHER_KEY, Some(&server.url()))]);
    let out = setup
        .cmd()
        .args(["auth", "status", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(77), "{}", stderr_of(&out));
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["valid"], json!(false));
    assert!(!stderr_of(&out).contains(OTHER_KEY));
    let out = setup.cmd().args(["auth", "status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(77));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("Check:    REJECTED by GET /auth/test\n"),
        "{stderr}"
    );
    assert!(stderr.contains("mobivate: error: the stored key of profile default was rejected"));
    assert!(!stderr.contains(OTHER_KEY));
}

#[test]
fn status_never_reads_the_environment_key() {
    let setup = Setup::new();
    let (server, test) = api(ENV_KEY);
    let out = setup
        .cmd()
        .args(["auth", "status", "--base-url", &server.url()])
        .env("MOBIVATE_API_KEY", ENV_KEY)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64), "{}", stderr_of(&out));
    assert!(!stderr_of(&out).contains(ENV_KEY));
    test.expect(0).assert();
    let out = setup
        .cmd()
        .args(["auth", "token"])
        .env("MOBIVATE_API_KEY", ENV_KEY)
        .output()
        .unwrap();
    assert_clean_failure(&out, 64);
}

#[test]
fn login_with_key_checks_it_first() {
    let setup = Setup::new();
    let (server, test) = api(KEY);
    let out = setup
        .cmd()
        .args([
            "auth",
            "login",
            "--with-key",
            "--insecure-storage",
            "--base-url",
            &server.url(),
        ])
        .write_stdin(format!("{OTHER_KEY}\n"))
        .output()
        .unwrap();
    assert!(assert_clean_failure(&out, 77).contains("nothing was stored"));
    assert!(!stderr_of(&out).contains(OTHER_KEY));
    assert!(!setup.dir().exists(), "a rejected key writes nothing");

    setup
        .cmd()
        .args([
            "auth",
            "login",
            "--with-key",
            "--insecure-storage",
            "--base-url",
            &server.url(),
        ])
        .write_stdin(format!("{KEY}\n"))
        .assert()
        .code(0)
        .stdout("");
    test.expect(1).assert();
    assert!(!setup.read(&setup.config_path()).contains("username"));
    setup
        .cmd()
        .args(["auth", "token"])
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"));
}

#[test]
fn login_rejected_credentials_store_nothing() {
    let setup = Setup::new();
    let mut server = Server::new();
    server
        .mock("POST", "/auth/getkey")
        .with_status(401)
        .with_body(r#"{"code":401,"message":"Invalid Credentials"}"#)
        .create();
    let out = login(&setup, &server.url()).output().unwrap();
    assert_clean_failure(&out, 77);
    assert!(!setup.dir().exists());
}

#[test]
fn login_reuses_the_profile_username_and_keeps_defaults() {
    let setup = Setup::new();
    let (server, _) = api(KEY);
    login(&setup, &server.url())
        .args(["--from", "Acme"])
        .assert()
        .code(0);
    // No -u: the profile's username; no --from: the old one is kept.
    setup
        .cmd()
        .args(["auth", "login", "--insecure-storage"])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .assert()
        .code(0);
    let config = setup.read(&setup.config_path());
    assert!(
        config.contains(&format!("username = \"{USER}\"")),
        "{config}"
    );
    assert!(config.contains("from = \"Acme\""), "{config}");
}

#[test]
fn a_named_profile_becomes_the_default_on_first_login() {
    let setup = Setup::new();
    let (server, _) = api(KEY);
    login(&setup, &server.url())
        .args(["--profile", "work"])
        .assert()
        .code(0)
        .stderr(predicates::str::contains("(profile work)"));
    let config = setup.read(&setup.config_path());
    assert!(config.contains("default_profile = \"work\"\n"), "{config}");
    setup
        .cmd()
        .args(["auth", "token"])
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"));
    // Logging out of it clears default_profile.
    setup.cmd().args(["auth", "logout"]).assert().code(0);
    assert!(!setup.read(&setup.config_path()).contains("default_profile"));
}

#[test]
fn unusable_values_are_65() {
    let setup = Setup::new();
    let (server, _) = api(KEY);
    for args in [
        vec!["--from", "much-too-long-sender"],
        vec!["--route", "a b"],
        vec!["--profile", "../etc"],
    ] {
        let out = login(&setup, &server.url()).args(&args).output().unwrap();
        assert_clean_failure(&out, 65);
    }
    let out = setup
        .cmd()
        .args(["auth", "token"])
        .env("MOBIVATE_PROFILE", "a/b")
        .output()
        .unwrap();
    assert!(assert_clean_failure(&out, 65).contains("MOBIVATE_PROFILE"));
    assert!(!setup.dir().exists());
}

// ---------- no keyring: fail closed ----------

// The keyring is cut off by pointing D-Bus away; Windows' Credential Manager
// (which wine provides) and the macOS Keychain cannot be cut off from a test.
#[cfg(not(any(windows, target_os = "macos")))]
#[test]
fn without_a_keyring_login_fails_closed_before_sending_anything() {
    let setup = Setup::new();
    let mut server = Server::new();
    let never = server.mock("POST", Matcher::Any).expect(0).create();
    let out = setup
        .cmd()
        .args(["auth", "login", "--base-url", &server.url(), "-u", USER])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 78);
    assert!(stderr.contains("no keyring is available"), "{stderr}");
    assert!(stderr.contains("nothing was stored"), "{stderr}");
    assert!(stderr.contains("--insecure-storage"), "{stderr}");
    assert!(!setup.dir().exists(), "nothing may be written");
    never.assert();
}

#[cfg(unix)] // a pseudo-terminal
fn pty_login(setup: &Setup, base: &str) -> Pty {
    let mut cmd = setup.raw();
    cmd.args(["auth", "login", "--base-url", base, "-u", USER])
        .env("MOBIVATE_PASSWORD", PASSWORD);
    Pty::spawn(cmd, true)
}

#[cfg(unix)] // a pseudo-terminal
#[test]
fn without_a_keyring_a_terminal_user_may_choose_plain_text() {
    let setup = Setup::new();
    let (server, _) = api(KEY);
    let file = setup.credentials_path();
    let mut pty = pty_login(&setup, &server.url());
    pty.expect(&format!(
        "No keyring is available. Store the key in plain text in {} (readable only by you)? [y/N]",
        file.display()
    ));
    pty.send(b"y\r");
    let (code, stdout, seen, _) = pty.finish();
    assert_eq!(code, Some(0), "{seen}");
    assert_eq!(stdout, "");
    assert!(setup.read(&file).contains(KEY));
    assert_eq!(mode_of(&file), 0o600);
}

#[cfg(unix)] // a pseudo-terminal
#[test]
fn without_a_keyring_declining_writes_nothing() {
    let setup = Setup::new();
    let mut server = Server::new();
    let never = server.mock("POST", Matcher::Any).expect(0).create();
    for answer in ["n\r", "\r"] {
        let mut pty = pty_login(&setup, &server.url());
        pty.expect("No keyring is available.");
        pty.send(answer.as_bytes());
        let (code, stdout, seen, _) = pty.finish();
        assert_eq!(code, Some(78), "{seen}");
        assert_eq!(stdout, "");
        assert!(seen.contains("--insecure-storage"), "{seen}");
        assert!(!setup.dir().exists());
    }
    never.assert();
}

// ---------- which key, which profile, which base URL ----------

/// A server whose `/auth/test` accepts only `key`, expected once.
fn expecting_key(key: &str) -> (ServerGuard, mockito::Mock) {
    let mut server = Server::new();
    let mock = server
        .mock("GET", "/auth/test")
        .match_header("authorization", format!("Bearer {key}").as_str())
        .with_body("{}")
        .expect(1)
        .create();
    (server, mock)
}

fn testkey(setup: &Setup, base: &str) -> assert_cmd::Command {
    let mut cmd = setup.cmd();
    cmd.args(["testkey", "--retries", "0", "--base-url", base]);
    cmd
}

#[test]
fn key_precedence_stdin_then_env_then_stored() {
    let setup = Setup::new();
    setup.profiles(None, &[("default", KEY, None)]);

    let (server, stored) = expecting_key(KEY);
    testkey(&setup, &server.url())
        .assert()
        .code(0)
        .stderr("API key is valid\n");
    stored.assert();

    let (server, env) = expecting_key(ENV_KEY);
    testkey(&setup, &server.url())
        .env("MOBIVATE_API_KEY", ENV_KEY)
        .assert()
        .code(0);
    env.assert();

    let (server, stdin) = expecting_key(STDIN_KEY);
    testkey(&setup, &server.url())
        .arg("--key-stdin")
        .env("MOBIVATE_API_KEY", ENV_KEY)
        .write_stdin(format!("{STDIN_KEY}\n"))
        .assert()
        .code(0);
    stdin.assert();
}

#[test]
fn profile_precedence_flag_then_env_then_default_profile_then_default() {
    let setup = Setup::new();
    let profiles = [
        ("default", KEY, None),
        ("work", OTHER_KEY, None),
        ("home", ENV_KEY, None),
    ];

    // No default_profile: `default`.
    setup.profiles(None, &profiles);
    let (server, mock) = expecting_key(KEY);
    testkey(&setup, &server.url()).assert().code(0);
    mock.assert();

    // default_profile beats `default`.
    setup.profiles(Some("work"), &profiles);
    let (server, mock) = expecting_key(OTHER_KEY);
    testkey(&setup, &server.url()).assert().code(0);
    mock.assert();

    // MOBIVATE_PROFILE beats default_profile.
    let (server, mock) = expecting_key(ENV_KEY);
    testkey(&setup, &server.url())
        .env("MOBIVATE_PROFILE", "home")
        .assert()
        .code(0);
    mock.assert();

    // --profile beats MOBIVATE_PROFILE, before or after the command.
    for before in [true, false] {
        let (server, mock) = expecting_key(KEY);
        let mut cmd = setup.cmd();
        if before {
            cmd.args(["--profile", "default", "testkey"]);
        } else {
            cmd.args(["testkey", "--profile", "default"]);
        }
        cmd.args(["--retries", "0", "--base-url", &server.url()])
            .env("MOBIVATE_PROFILE", "home")
            .assert()
            .code(0);
        mock.assert();
    }

    // A profile with nothing stored: no key, as before.
    let out = setup
        .cmd()
        .args([
            "testkey",
            "--profile",
            "nosuch",
            "--base-url",
            "http://127.0.0.1:9",
        ])
        .output()
        .unwrap();
    assert_clean_failure(&out, 64);
}

#[test]
fn base_url_precedence_flag_then_env_then_profile_then_default() {
    let setup = Setup::new();
    let (from_profile, profile_mock) = expecting_key(KEY);
    setup.profiles(None, &[("default", KEY, Some(&from_profile.url()))]);

    setup
        .cmd()
        .args(["testkey", "--retries", "0"])
        .assert()
        .code(0);
    profile_mock.assert();

    let (from_env, env_mock) = expecting_key(KEY);
    setup
        .cmd()
        .args(["testkey", "--retries", "0"])
        .env("MOBIVATE_BASE_URL", from_env.url())
        .assert()
        .code(0);
    env_mock.assert();

    let (from_flag, flag_mock) = expecting_key(KEY);
    setup
        .cmd()
        .args(["testkey", "--retries", "0", "--base-url", &from_flag.url()])
        .env("MOBIVATE_BASE_URL", from_env.url())
        .assert()
        .code(0);
    flag_mock.assert();

    // A profile without a base URL: the built-in default (seen with -v,
    // through an unreachable proxy so nothing leaves the machine).
    setup.profiles(None, &[("default", KEY, None)]);
    let out = setup
        .cmd()
        .args(["testkey", "-v", "--retries", "0", "--timeout", "5"])
        .env("HTTPS_PROXY", "http://127.0.0.1:9")
        .output()
        .unwrap();
    assert!(
        stderr_of(&out).contains("https://api.mobivatebulksms.com/auth/test"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn an_unusable_profile_base_url_is_78_with_a_hint() {
    let setup = Setup::new();
    setup.profiles(None, &[("default", KEY, Some("ftp://example.com"))]);
    let out = setup.cmd().arg("testkey").output().unwrap();
    let stderr = assert_clean_failure(&out, 78);
    assert!(stderr.contains("profile"), "{stderr}");
}

// ---------- the files ----------

#[test]
fn a_broken_config_is_78_naming_file_and_line() {
    let setup = Setup::new();
    setup.write(
        &setup.config_path(),
        "default_profile = \"work\"\n\n[profiles.work\nusername = \"a\"\n",
        0o600,
    );
    for args in [
        vec!["testkey"],
        vec!["auth", "status"],
        vec!["auth", "login"],
    ] {
        let out = setup.cmd().args(&args).output().unwrap();
        let stderr = assert_clean_failure(&out, 78);
        assert!(
            stderr.contains(&format!("{}, line 3", setup.config_path().display())),
            "{args:?}: {stderr}"
        );
    }
    // Even when a flag and a variable override everything the file could give.
    for args in [
        vec!["testkey", "--base-url", "http://127.0.0.1:9"],
        vec![
            "send",
            "--base-url",
            "http://127.0.0.1:9",
            "--to",
            "447930000000",
            "--from",
            "S",
            "Hi",
        ],
        vec!["logs", "list", "--base-url", "http://127.0.0.1:9"],
    ] {
        let out = setup
            .cmd()
            .args(&args)
            .env("MOBIVATE_API_KEY", KEY)
            .output()
            .unwrap();
        let stderr = assert_clean_failure(&out, 78);
        assert!(stderr.contains("line 3"), "{args:?}: {stderr}");
    }
    // An unknown key is an error too, with its line.
    setup.write(
        &setup.config_path(),
        "[profiles.work]\nusernme = \"a\"\n",
        0o600,
    );
    let out = setup.cmd().arg("testkey").output().unwrap();
    assert!(assert_clean_failure(&out, 78).contains("line 2"));
    // Too large.
    setup.write(&setup.config_path(), &"#".repeat(1024 * 1024 + 1), 0o600);
    let out = setup.cmd().arg("testkey").output().unwrap();
    assert!(assert_clean_failure(&out, 78).contains("larger than 1 MiB"));
}

#[cfg(unix)] // Unix file modes; the warning is Unix-only
#[test]
fn files_others_can_read_get_a_warning() {
    let setup = Setup::new();
    setup.profiles(None, &[("default", KEY, None)]);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(setup.config_path(), std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(
        setup.credentials_path(),
        std::fs::Permissions::from_mode(0o640),
    )
    .unwrap();
    let out = setup.cmd().args(["auth", "token"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_of(&out), format!("{KEY}\n"));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains(&format!(
            "mobivate: warning: config file {} can be read by group or others (mode 0644); run: chmod 600",
            setup.config_path().display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "mobivate: warning: credentials file {} can be read by group or others (mode 0640)",
            setup.credentials_path().display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains(KEY));
}

// ---------- createkey ----------

fn createkey_server() -> ServerGuard {
    let mut server = Server::new();
    server
        .mock("POST", "/auth/createkey")
        .with_body(json!({ "apiKey": NEW_KEY }).to_string())
        .create();
    server
}

#[test]
fn createkey_updates_the_stored_key_of_the_same_username() {
    let setup = Setup::new();
    setup.profiles(None, &[("default", KEY, None)]);
    let server = createkey_server();
    let out = setup
        .cmd()
        .args([
            "createkey",
            "--yes",
            "-v",
            "--base-url",
            &server.url(),
            "-u",
            USER,
        ])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), format!("{NEW_KEY}\n"));
    assert!(stderr_of(&out).contains(&format!(
        "* updated the stored key of profile default in {}",
        setup.credentials_path().display()
    )));
    setup
        .cmd()
        .args(["auth", "token"])
        .assert()
        .stdout(format!("{NEW_KEY}\n"));
}

#[test]
fn createkey_leaves_another_usernames_key_alone() {
    let setup = Setup::new();
    setup.profiles(None, &[("default", KEY, None)]);
    let server = createkey_server();
    let out = setup
        .cmd()
        .args([
            "createkey",
            "--yes",
            "-v",
            "--base-url",
            &server.url(),
            "-u",
            "bob@example.com",
        ])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("* not updating the stored key of profile default"));
    setup
        .cmd()
        .args(["auth", "token"])
        .assert()
        .stdout(format!("{KEY}\n"));
}

// ---------- CI: nothing changes ----------

#[test]
fn with_empty_home_and_config_dir_every_command_behaves_as_before() {
    let setup = Setup::new();
    std::fs::create_dir_all(setup.dir()).unwrap();
    let out = setup.cmd().arg("testkey").output().unwrap();
    assert_eq!(out.status.code(), Some(64));
    assert_eq!(
        stderr_of(&out),
        "mobivate: error: no API key given, and CI is set\n\
         hint: use --key-stdin or MOBIVATE_API_KEY, or store one with `mobivate auth login`\n"
    );
    let (server, mock) = expecting_key(ENV_KEY);
    testkey(&setup, &server.url())
        .env("MOBIVATE_API_KEY", ENV_KEY)
        .assert()
        .code(0)
        .stdout("")
        .stderr("API key is valid\n");
    mock.assert();
    let server = key_server(KEY);
    setup
        .cmd()
        .args(["getkey", "--base-url", &server.url(), "-u", USER])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .assert()
        .code(0)
        .stdout(format!("{KEY}\n"))
        .stderr("");
    let server = createkey_server();
    setup
        .cmd()
        .args([
            "createkey",
            "--yes",
            "--base-url",
            &server.url(),
            "-u",
            USER,
        ])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .assert()
        .code(0)
        .stdout(format!("{NEW_KEY}\n"))
        .stderr("");
    // Nothing was written anywhere.
    let left: Vec<_> = walk(setup.home.path());
    assert_eq!(left, vec![setup.dir()], "files appeared: {left:?}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        found.push(path.clone());
        if path.is_dir() {
            found.extend(walk(&path));
        }
    }
    found
}

// ---------- a keyring that hangs ----------

/// A "session bus" that accepts connections and never answers.
#[cfg(target_os = "linux")] // a Unix socket as a D-Bus session bus
fn silent_bus(setup: &Setup) -> String {
    let path = setup.home.path().join("silent-bus");
    let listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
        }
    });
    format!("unix:path={}", path.display())
}

#[cfg(target_os = "linux")]
#[test]
fn a_keyring_that_does_not_answer_counts_as_nothing_stored() {
    let setup = Setup::new();
    setup.write(
        &setup.config_path(),
        "[profiles.default]\nkey_storage = \"keyring\"\n",
        0o600,
    );
    let bus = silent_bus(&setup);
    let out = setup
        .cmd()
        .arg("testkey")
        .env("DBUS_SESSION_BUS_ADDRESS", &bus)
        .output()
        .unwrap();
    let stderr = assert_clean_failure_after_warning(&out, 64);
    assert!(
        stderr.contains("mobivate: warning: cannot read the key of profile default from the keyring: it did not answer within 3 s"),
        "{stderr}"
    );

    // Login fails closed the same way, before sending the password.
    let mut server = Server::new();
    let never = server.mock("POST", Matcher::Any).expect(0).create();
    let out = setup
        .cmd()
        .args(["auth", "login", "--base-url", &server.url(), "-u", USER])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus)
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 78);
    assert!(stderr.contains("did not answer within 3 s"), "{stderr}");
    never.assert();

    // MOBIVATE_API_KEY wins without the keyring being asked at all.
    let (server, mock) = expecting_key(ENV_KEY);
    testkey(&setup, &server.url())
        .env("MOBIVATE_API_KEY", ENV_KEY)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus)
        .assert()
        .code(0)
        .stderr("API key is valid\n");
    mock.assert();
}

#[cfg(target_os = "linux")]
#[test]
fn without_a_config_file_the_keyring_is_never_asked() {
    let setup = Setup::new();
    let bus = silent_bus(&setup);
    for args in [vec!["testkey"], vec!["auth", "token"]] {
        let out = setup
            .cmd()
            .args(&args)
            .env("DBUS_SESSION_BUS_ADDRESS", &bus)
            .output()
            .unwrap();
        let stderr = assert_clean_failure(&out, 64);
        assert!(!stderr.contains("keyring"), "{args:?}: {stderr}");
    }
}

// The keyring is cut off by pointing D-Bus away; Windows' Credential Manager
// (which wine provides) and the macOS Keychain cannot be cut off from a test.
#[cfg(not(any(windows, target_os = "macos")))]
#[test]
fn a_keyring_that_fails_counts_as_nothing_stored() {
    let setup = Setup::new();
    setup.write(
        &setup.config_path(),
        "[profiles.default]\nkey_storage = \"keyring\"\n",
        0o600,
    );
    // The session bus of `Setup` does not exist.
    let out = setup.cmd().arg("testkey").output().unwrap();
    let stderr = assert_clean_failure_after_warning(&out, 64);
    assert!(
        stderr.starts_with(
            "mobivate: warning: cannot read the key of profile default from the keyring: "
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("going on as if none were stored"),
        "{stderr}"
    );
}

/// As `assert_clean_failure`, for a failure preceded by warning lines.
#[cfg(not(any(windows, target_os = "macos")))]
fn assert_clean_failure_after_warning(out: &std::process::Output, code: i32) -> String {
    let stderr = stderr_of(out);
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    assert_eq!(stdout_of(out), "");
    assert!(stderr.contains("\nmobivate: error: "), "{stderr}");
    assert!(!stderr.contains(KEY) && !stderr.contains(PASSWORD));
    stderr
}

// The keyring is cut off by pointing D-Bus away; Windows' Credential Manager
// (which wine provides) and the macOS Keychain cannot be cut off from a test.
#[cfg(not(any(windows, target_os = "macos")))]
#[test]
fn createkey_still_prints_the_key_when_the_keyring_cannot_be_updated() {
    let setup = Setup::new();
    setup.write(
        &setup.config_path(),
        &format!("[profiles.default]\nusername = \"{USER}\"\nkey_storage = \"keyring\"\n"),
        0o600,
    );
    let server = createkey_server();
    let out = setup
        .cmd()
        .args([
            "createkey",
            "--yes",
            "--base-url",
            &server.url(),
            "-u",
            USER,
        ])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), format!("{NEW_KEY}\n"));
    let stderr = stderr_of(&out);
    assert!(
        stderr.starts_with(
            "mobivate: warning: cannot update the stored key of profile default in the keyring: "
        ),
        "{stderr}"
    );
    assert!(stderr.contains("run `mobivate auth login`"), "{stderr}");
    assert!(!stderr.contains(NEW_KEY));
}

#[cfg(unix)] // a pseudo-terminal
#[test]
fn login_with_key_asks_for_it_hidden_on_a_terminal() {
    let setup = Setup::new();
    let (server, test) = api(KEY);
    let mut cmd = setup.raw();
    cmd.args([
        "auth",
        "login",
        "--with-key",
        "--insecure-storage",
        "--base-url",
        &server.url(),
    ]);
    let mut pty = Pty::spawn(cmd, true);
    pty.expect("API key: ");
    pty.send(format!("{KEY}\r").as_bytes());
    let (code, stdout, seen, _) = pty.finish();
    assert_eq!(code, Some(0), "{seen}");
    assert_eq!(stdout, "");
    assert!(!seen.contains(KEY), "the key must not be echoed: {seen}");
    test.assert();
    assert!(setup.read(&setup.credentials_path()).contains(KEY));
}

#[test]
fn send_takes_sender_and_route_from_the_profile_after_flag_and_env() {
    let setup = Setup::new();
    setup.write(
        &setup.config_path(),
        "[profiles.default]\nusername = \"u@example.com\"\nfrom = \"Acme\"\nroute = \"profroute\"\nkey_storage = \"file\"\n",
        0o600,
    );
    setup.write(
        &setup.credentials_path(),
        &format!("[profiles.default]\napi_key = \"{KEY}\"\n"),
        0o600,
    );
    let dry_run = |extra: &[&str], env: &[(&str, &str)]| -> serde_json::Value {
        let mut cmd = setup.cmd();
        cmd.args([
            "send",
            "--base-url",
            "http://127.0.0.1:9",
            "--to",
            "447930000000",
        ])
        .args(["--dry-run", "--format", "json"])
        .args(extra)
        .arg("Hi");
        for (name, value) in env {
            cmd.env(name, value);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let body = &dry_run(&[], &[])["body"];
    assert_eq!(body["originator"], "Acme");
    assert_eq!(body["routeId"], "profroute");
    let body = &dry_run(
        &[],
        &[("MOBIVATE_FROM", "EnvFrom"), ("MOBIVATE_ROUTE", "envroute")],
    )["body"];
    assert_eq!(body["originator"], "EnvFrom");
    assert_eq!(body["routeId"], "envroute");
    let body = &dry_run(
        &["--from", "Flag", "--route", "flagroute"],
        &[("MOBIVATE_FROM", "EnvFrom"), ("MOBIVATE_ROUTE", "envroute")],
    )["body"];
    assert_eq!(body["originator"], "Flag");
    assert_eq!(body["routeId"], "flagroute");
}
