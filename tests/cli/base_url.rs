//! The base URL is checked before any connection, and never leaks: ports,
//! user information, query strings, and environment values that cannot be
//! decoded.

use crate::common::server::{json_reply, scripted};
use crate::common::*;

#[test]
fn a_port_that_is_not_1_to_65535_is_78_before_any_connection() {
    let server = scripted(vec![json_reply(200, "OK", r#"{"apiKey":"k"}"#)], None);
    let port = server.port;
    for suffix in [":99999", ":65536", ":-1", &format!(":{port}x"), ":0"] {
        let base = format!("http://127.0.0.1{suffix}");
        let out = getkey(&base).output().unwrap();
        let stderr = assert_clean_failure(&out, 78);
        assert!(stderr.contains("base URL"), "{base}: {stderr}");
        // From the environment too.
        let out = mobivate()
            .args(["getkey", "-u", USER])
            .env("MOBIVATE_PASSWORD", PASSWORD)
            .env("MOBIVATE_BASE_URL", &base)
            .output()
            .unwrap();
        assert_clean_failure(&out, 78);
    }
    assert_eq!(server.request_count(), 0);
}

#[test]
fn a_port_in_range_is_used() {
    let server = key_server(KEY);
    let out = getkey(&server.url()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), format!("{KEY}\n"));
}

#[test]
fn a_base_url_that_is_not_utf8_is_78_naming_the_variable() {
    let server = scripted(vec![json_reply(200, "OK", r#"{"apiKey":"k"}"#)], None);
    let out = mobivate()
        .args(["getkey", "-u", USER])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .env("MOBIVATE_BASE_URL", not_unicode(&server.url()))
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 78);
    assert!(
        stderr.contains("MOBIVATE_BASE_URL") && stderr.contains("UTF-8"),
        "{stderr}"
    );
    assert_eq!(server.request_count(), 0);
}

#[test]
fn every_variable_that_cannot_be_decoded_is_an_error_naming_it() {
    let server = key_server(KEY);
    for (name, code) in [
        ("HTTPS_PROXY", 78),
        ("https_proxy", 78),
        ("HTTP_PROXY", 78),
        ("http_proxy", 78),
        ("ALL_PROXY", 78),
        ("all_proxy", 78),
        ("NO_PROXY", 78),
        ("no_proxy", 78),
        ("CI", 78),
        ("GITHUB_ACTIONS", 78),
        ("MOBIVATE_USERNAME", 64),
    ] {
        let out = mobivate()
            .args(["getkey", "--base-url", &server.url()])
            .env("MOBIVATE_PASSWORD", PASSWORD)
            .env("MOBIVATE_USERNAME", USER)
            .env(name, not_unicode(""))
            .output()
            .unwrap();
        let stderr = assert_clean_failure(&out, code);
        assert!(
            names_variable(&stderr, name) && stderr.contains("UTF-8"),
            "{name}: {stderr}"
        );
    }
    let out = mobivate()
        .args(["testkey", "--base-url", &server.url()])
        .env("MOBIVATE_API_KEY", KEY)
        .env("no_proxy", not_unicode(""))
        .output()
        .unwrap();
    assert_clean_failure(&out, 78);
}

#[test]
fn user_information_in_the_base_url_is_78_and_never_shown() {
    for base in [
        "https://alice:pa55w0rd@api.example.com",
        "http://alice:pa55w0rd@127.0.0.1:9/v2",
    ] {
        for from_env in [false, true] {
            let mut cmd = mobivate();
            cmd.args(["getkey", "-u", USER])
                .env("MOBIVATE_PASSWORD", PASSWORD);
            if from_env {
                cmd.env("MOBIVATE_BASE_URL", base);
            } else {
                cmd.args(["--base-url", base]);
            }
            let out = cmd.arg("-v").output().unwrap();
            let stderr = assert_clean_failure(&out, 78);
            assert!(
                !stderr.contains("pa55w0rd") && !stderr.contains("alice:"),
                "{stderr}"
            );
            assert!(stderr.contains("://***@"), "{stderr}");
        }
    }
}

#[test]
fn a_query_string_is_never_shown() {
    let out = getkey("https://api.example.com/v2?token=T0KEN-SECRET")
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 78);
    assert!(!stderr.contains("T0KEN-SECRET"), "{stderr}");
    assert!(stderr.contains("https://api.example.com/v2"), "{stderr}");
}

#[test]
fn proxy_credentials_are_shown_as_stars_in_verbose_lines() {
    let proxy = crate::common::server::connect_proxy(None);
    let out = mobivate()
        .args([
            "getkey",
            "-v",
            "--base-url",
            "https://api.invalid",
            "-u",
            USER,
            "--retries",
            "0",
            "--timeout",
            "2",
        ])
        .env("MOBIVATE_PASSWORD", PASSWORD)
        .env(
            "HTTPS_PROXY",
            format!("http://puser:pr0xy-pw@127.0.0.1:{}", proxy.port),
        )
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert!(
        !stderr.contains("pr0xy-pw") && !stderr.contains("puser"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("http://***@127.0.0.1:{}", proxy.port)),
        "{stderr}"
    );
}
