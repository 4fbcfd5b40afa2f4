//! Issue 16, "may have been sent" and text that reaches a terminal: one
//! `Delivery` rule for send and createkey, server ids checked before they are
//! printed, secrets redacted before the cap, a cap that holds, and no base
//! URL that loses its port. Through the real binary.

use crate::common::server::{connect_proxy, json_reply, scripted};
use crate::common::*;

const TO: &str = "447930000000";
const TO2: &str = "447930000001";

/// `mobivate send` of one text to `TO` with reference `r-1`.
fn send(base: &str) -> assert_cmd::Command {
    let mut cmd = mobivate();
    cmd.args([
        "send",
        "--base-url",
        base,
        "--to",
        TO,
        "--from",
        "Shop",
        "--reference",
        "r-1",
        "--retries",
        "0",
        "Hello",
    ])
    .env("MOBIVATE_API_KEY", KEY);
    cmd
}

fn createkey(base: &str) -> assert_cmd::Command {
    let mut cmd = mobivate();
    cmd.args(["createkey", "--yes", "--base-url", base, "-u", USER])
        .env("MOBIVATE_PASSWORD", PASSWORD);
    cmd
}

/// Every start of `secret` of at least three characters that `text` holds.
fn prefixes_in(text: &str, secret: &str) -> Vec<String> {
    (3..=secret.len())
        .map(|end| secret[..end].to_string())
        .filter(|prefix| text.contains(prefix.as_str()))
        .collect()
}

// ---------- a proxy that refuses the tunnel: nothing was sent ----------

#[test]
fn a_proxy_asking_for_credentials_means_nothing_was_sent() {
    let proxy = connect_proxy(Some("407 Proxy Authentication Required"));
    let out = send("https://localhost:9")
        .env("HTTPS_PROXY", format!("http://127.0.0.1:{}", proxy.port))
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert_eq!(
        stderr,
        format!(
            "mobivate: error: tunnel refused by the proxy http://127.0.0.1:{port} (from {var}): proxy server responded 407/407\n\
             hint: nothing was sent; the proxy wants credentials: put them in the proxy URL, http://user:pass@host:port\n",
            port = proxy.port,
            var = PROXY_VAR
        )
    );
    assert!(!stderr.contains("may have been sent"), "{stderr}");
    assert_eq!(proxy.tunnels.lock().unwrap().len(), 1, "never retried");
}

#[test]
fn a_proxy_refusing_the_tunnel_means_nothing_was_sent() {
    let proxy = connect_proxy(Some("403 Forbidden"));
    let out = send("https://localhost:9")
        .env("HTTPS_PROXY", format!("http://127.0.0.1:{}", proxy.port))
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 69);
    assert_eq!(
        stderr,
        format!(
            "mobivate: error: tunnel refused by the proxy http://127.0.0.1:{port} (from {var}): proxy server responded 403/403\n\
             hint: nothing was sent; the service or the network may be down; try again later\n",
            port = proxy.port,
            var = PROXY_VAR
        )
    );
    assert!(!stderr.contains("may have been sent"), "{stderr}");
}

// ---------- createkey: a 2xx is a replaced key, readable or not ----------

#[test]
fn createkey_with_an_oversize_2xx_body_warns_the_key_may_have_been_replaced() {
    let body = format!(r#"{{"apiKey":"{KEY}","pad":"{}"}}"#, "x".repeat(70 * 1024));
    let server = scripted(vec![json_reply(200, "OK", &body)], None);
    let out = createkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert_eq!(
        stderr,
        "mobivate: error: the response body is larger than 64 KiB\n\
         hint: the key may have been replaced on the server: `mobivate getkey` fetches the current one (running createkey again would replace it once more)\n"
    );
    assert_eq!(server.request_count(), 1, "createkey is never sent twice");
}

#[test]
fn createkey_with_an_unreadable_2xx_body_warns_the_key_may_have_been_replaced() {
    let server = scripted(vec![json_reply(200, "OK", "<html>ok</html>")], None);
    let out = createkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert!(
        stderr.contains("hint: the key may have been replaced on the server"),
        "{stderr}"
    );
}

// ---------- server ids are checked before they are printed ----------

fn send_answered_with_id(id: &str) -> std::process::Output {
    let body = serde_json::json!({ "id": id, "recipient": TO }).to_string();
    let server = scripted(vec![json_reply(200, "OK", &body)], None);
    let out = send(&server.url()).output().unwrap();
    assert_eq!(server.request_count(), 1);
    out
}

const UNREADABLE_ID: &str = "mobivate: error: the message was accepted but the id is unreadable (reference r-1)\n\
    hint: the message was sent: do not send it again; `mobivate logs list --reference r-1` shows it\n";

#[test]
fn an_id_with_a_newline_cannot_forge_a_line() {
    let out = send_answered_with_id(&format!("ef57\n{TO2} forged"));
    let stderr = assert_clean_failure(&out, 76);
    assert_eq!(stderr, UNREADABLE_ID);
}

#[test]
fn an_id_with_an_escape_never_reaches_the_terminal() {
    let out = send_answered_with_id("ef57\u{1b}[2J\u{1b}]0;pwned\u{7}");
    let stderr = assert_clean_failure(&out, 76);
    assert_eq!(stderr, UNREADABLE_ID);
    assert!(!out.stderr.contains(&0x1b), "{stderr}");
}

#[test]
fn an_id_with_a_space_or_a_bidi_control_is_unreadable_in_json_too() {
    for id in ["ef 57", "ef\u{202e}57"] {
        let body = serde_json::json!({ "id": id }).to_string();
        let server = scripted(vec![json_reply(200, "OK", &body)], None);
        let out = send(&server.url())
            .args(["--format", "json"])
            .output()
            .unwrap();
        let stderr = assert_clean_failure(&out, 76);
        assert_eq!(stderr, UNREADABLE_ID, "{id:?}");
    }
}

#[test]
fn a_campaign_id_is_checked_as_a_message_id_is() {
    let body = serde_json::json!({ "id": "fd91\nX", "recipients": [] }).to_string();
    let server = scripted(vec![json_reply(200, "OK", &body)], None);
    let out = mobivate()
        .args([
            "send",
            "--base-url",
            &server.url(),
            "--to",
            &format!("{TO},{TO2}"),
            "--from",
            "Shop",
            "--yes",
            "--retries",
            "0",
            "Hello",
        ])
        .env("MOBIVATE_API_KEY", KEY)
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert!(
        stderr.starts_with(
            "mobivate: error: the messages were accepted but the id is unreadable (references mob-"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: the messages were sent: do not send them again"),
        "{stderr}"
    );
    assert_eq!(server.request_count(), 1);
}

#[test]
fn a_readable_id_is_printed_as_before() {
    let out = send_answered_with_id("ef57-96ce");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), format!("{TO} ef57-96ce\n"));
}

// ---------- no part of a secret is printed ----------

#[test]
fn a_401_that_echoes_the_password_past_the_cap_prints_none_of_it() {
    let message = format!("{} {PASSWORD}", "x".repeat(190));
    let body = serde_json::json!({ "code": 401, "message": message }).to_string();
    let server = scripted(vec![json_reply(401, "Unauthorized", &body)], None);
    let out = getkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 77);
    assert_eq!(
        stderr,
        format!(
            "mobivate: error: credentials rejected (HTTP 401 Unauthorized): \"{} ***\"\n\
             hint: check the username and password\n",
            "x".repeat(190)
        )
    );
    assert_eq!(prefixes_in(&stderr, PASSWORD), Vec::<String>::new());
}

#[test]
fn a_401_that_echoes_the_key_past_the_cap_prints_none_of_it() {
    let message = format!("{} {KEY}", "x".repeat(190));
    let body = serde_json::json!({ "code": 401, "message": message }).to_string();
    let server = scripted(vec![json_reply(401, "Unauthorized", &body)], None);
    let out = send(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 77);
    assert!(
        stderr.starts_with(&format!(
            "mobivate: error: API key rejected (HTTP 401 Unauthorized): \"{} ***\"\n",
            "x".repeat(190)
        )),
        "{stderr}"
    );
    assert_eq!(prefixes_in(&stderr, KEY), Vec::<String>::new());
}

#[test]
fn a_changed_echo_of_the_password_cut_by_the_cap_prints_none_of_it() {
    // Not the password, so not replaced whole, but the cut leaves its start.
    let changed = format!("{}X and more words", &PASSWORD[..PASSWORD.len() - 1]);
    let message = format!("{} {changed}", "x".repeat(192));
    let body = serde_json::json!({ "code": 401, "message": message }).to_string();
    let server = scripted(vec![json_reply(401, "Unauthorized", &body)], None);
    let out = getkey(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 77);
    assert_eq!(prefixes_in(&stderr, PASSWORD), Vec::<String>::new());
    assert!(
        stderr.contains(&format!("\"{} ***…\"", "x".repeat(192))),
        "{stderr}"
    );
}

// ---------- a base URL never loses its port ----------

#[test]
fn text_between_an_ipv6_host_and_its_port_is_refused() {
    let out = getkey("http://[::1]x:99999").output().unwrap();
    let stderr = assert_clean_failure(&out, 78);
    assert_eq!(
        stderr,
        "mobivate: error: invalid base URL \"http://[::1]x:99999\": \"x:99999\" follows the IPv6 address\n\
         hint: use a URL like https://api.mobivatebulksms.com\n"
    );
}

#[test]
fn text_after_an_ipv6_host_is_refused_before_anything_is_sent() {
    // A proxy that would see the request, were one made.
    let proxy = connect_proxy(None);
    let out = getkey("https://[::1]x:8443")
        .env("HTTPS_PROXY", format!("http://127.0.0.1:{}", proxy.port))
        .output()
        .unwrap();
    assert_clean_failure(&out, 78);
    assert_eq!(proxy.tunnels.lock().unwrap().len(), 0, "nothing sent");
}

// ---------- the cap holds for the whole text ----------

#[test]
fn a_long_multi_line_message_is_capped_at_200_characters_in_all() {
    let message = "line\n".repeat(300);
    let body = serde_json::json!({ "code": 400, "message": message }).to_string();
    let server = scripted(vec![json_reply(400, "Bad Request", &body)], None);
    let out = send(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 65);
    let expected = format!("{}line…", "line ".repeat(39));
    assert_eq!(expected.chars().count(), 200);
    assert_eq!(
        stderr,
        format!(
            "mobivate: error: the API refused the message (HTTP 400 Bad Request): \"{expected}\"\n\
             hint: nothing was sent; fix the message and send it again\n"
        )
    );
}

#[test]
fn a_message_of_exactly_200_characters_is_not_cut() {
    let message = format!("ab{}", "\na".repeat(99));
    let body = serde_json::json!({ "code": 400, "message": message }).to_string();
    let server = scripted(vec![json_reply(400, "Bad Request", &body)], None);
    let out = send(&server.url()).output().unwrap();
    let stderr = assert_clean_failure(&out, 65);
    let whole = format!("ab{}", " a".repeat(99));
    assert_eq!(whole.chars().count(), 200);
    assert!(stderr.contains(&format!(": \"{whole}\"\n")), "{stderr}");
}

// ---------- bulk keeps no unreadable campaign id ----------

#[test]
fn bulk_accepts_a_batch_whose_campaign_id_is_unreadable_and_reports_no_id() {
    let body = serde_json::json!({ "id": "c1\u{1b}[31m\nforged", "recipients": [] }).to_string();
    let server = scripted(vec![json_reply(200, "OK", &body)], None);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("list.csv");
    std::fs::write(&file, format!("recipient\n{TO}\n")).unwrap();
    let report = dir.path().join("report.jsonl");
    let out = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", &server.url(), "bulk"])
        .arg(&file)
        .args(["--yes", "--settle", "0", "--text", "Hi", "--from", "Shop"])
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stdout_of(&out),
        "accepted 1, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    assert_eq!(server.request_count(), 1);
    let report = std::fs::read_to_string(&report).unwrap();
    let line: serde_json::Value = serde_json::from_str(report.trim_end()).unwrap();
    assert_eq!(line["state"], "accepted");
    assert_eq!(line["campaignId"], serde_json::Value::Null, "{report}");
    assert!(!report.contains("forged"), "{report}");
}

/// The variable the proxy is named by: Windows reads variables without
/// regard to case, so `https_proxy`, which is read first, finds it there.
const PROXY_VAR: &str = if cfg!(windows) {
    "https_proxy"
} else {
    "HTTPS_PROXY"
};
