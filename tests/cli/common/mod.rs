//! Shared helpers: a `mobivate` command with a clean environment, and the
//! canned values the tests use.

use assert_cmd::Command;

pub mod files;
pub mod mock_api;
pub mod process;
#[cfg(unix)]
pub mod pty;
pub mod records;
pub mod server;

pub use files::*;
pub use process::*;
pub use records::*;

pub const KEY: &str = "abcd1234-9922-abcd-1234-abcd1234abcd";
pub const USER: &str = "alice@example.com";
pub const PASSWORD: &str = "s3cr3t-P@ss";

/// Every variable the tool reads, so no test depends on the machine's.
const CLEARED: &[&str] = &[
    "MOBIVATE_USERNAME",
    "MOBIVATE_PASSWORD",
    "MOBIVATE_API_KEY",
    "MOBIVATE_BASE_URL",
    "MOBIVATE_PROFILE",
    "MOBIVATE_CONFIG_DIR",
    "MOBIVATE_FROM",
    "MOBIVATE_ROUTE",
    "CI",
    "GITHUB_ACTIONS",
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "COLUMNS",
    "TZ",
    "RUST_BACKTRACE",
    "RUST_LIB_BACKTRACE",
];

/// `mobivate` with the environment cleared of everything it reads, and
/// `--no-input` semantics via `CI=true` so no test can ever wait on a prompt.
pub fn mobivate() -> Command {
    let mut cmd = Command::from_std(raw_mobivate());
    cmd.env("CI", "true");
    cmd.timeout(std::time::Duration::from_secs(60));
    cmd
}

/// The binary as a plain `std::process::Command`, for tests that need their
/// own stdio (a pty, a closed pipe, rusage): environment cleared, `CI` unset,
/// and the config dir pointed at a directory that does not exist, so a
/// developer's own login never leaks into a test.
pub fn raw_mobivate() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("mobivate"));
    for name in CLEARED {
        cmd.env_remove(name);
    }
    cmd.env("MOBIVATE_CONFIG_DIR", NO_CONFIG_DIR);
    cmd
}

/// Never created: tests that need a config dir make their own.
pub const NO_CONFIG_DIR: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config-dir");

/// A mockito server whose `/auth/getkey` answers 200 with `key`.
pub fn key_server(key: &str) -> mockito::ServerGuard {
    let mut server = mockito::Server::new();
    server
        .mock("POST", "/auth/getkey")
        .with_body(serde_json::json!({ "apiKey": key }).to_string())
        .create();
    server
}

/// A mockito server that hands out `KEY` once, and only for exactly
/// `USER` and `password`.
pub fn key_server_expecting(password: &str) -> (mockito::ServerGuard, mockito::Mock) {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", "/auth/getkey")
        .match_body(mockito::Matcher::Json(
            serde_json::json!({"username": USER, "password": password}),
        ))
        .with_body(serde_json::json!({ "apiKey": KEY }).to_string())
        .expect(1)
        .create();
    (server, mock)
}

/// `mobivate getkey` against `base`, username given, password from env.
pub fn getkey(base: &str) -> Command {
    let mut cmd = mobivate();
    cmd.args(["getkey", "--base-url", base, "-u", USER])
        .env("MOBIVATE_PASSWORD", PASSWORD);
    cmd
}

/// Readable by the owner only, so no warning about a readable secret file
/// is printed; Windows has no such modes (and no such warning).
pub fn make_private(path: &std::path::Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// `text` followed by what no platform can decode as Unicode: the byte 0xFF
/// on Unix, a lone surrogate on Windows (whose strings are UTF-16).
pub fn not_unicode(text: &str) -> std::ffi::OsString {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        let mut bytes = text.as_bytes().to_vec();
        bytes.push(0xff);
        std::ffi::OsString::from_vec(bytes)
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStringExt;
        let mut wide: Vec<u16> = text.encode_utf16().collect();
        wide.push(0xD800);
        std::ffi::OsString::from_wide(&wide)
    }
}

/// Whether `text` contains `needle`, which names an environment variable.
/// Windows ignores the case of variable names (HTTPS_PROXY and https_proxy
/// are one variable), so there the tool may name it in the other spelling.
pub fn names_variable(text: &str, needle: &str) -> bool {
    if cfg!(windows) {
        text.to_ascii_lowercase()
            .contains(&needle.to_ascii_lowercase())
    } else {
        text.contains(needle)
    }
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The contract for every failure: nothing on stdout, the error on stderr in
/// our format, never the password, and never the key.
pub fn assert_clean_failure(output: &std::process::Output, code: i32) -> String {
    let stderr = stderr_of(output);
    assert_eq!(output.status.code(), Some(code), "stderr: {stderr}");
    assert_eq!(stdout_of(output), "", "stdout must be empty on failure");
    assert!(stderr.starts_with("mobivate: error: "), "stderr: {stderr}");
    assert!(!stderr.contains(PASSWORD), "password leaked: {stderr}");
    assert!(!stderr.contains(KEY), "key leaked: {stderr}");
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    stderr
}
