//! `mobivate send` and `mobivate segments`, through the real binary.

#[cfg(unix)]
use crate::common::pty::Pty;
use crate::common::server::{Reply, json_reply, json_reply_with, scripted};
use crate::common::*;
use mockito::{Matcher, Server};
use serde_json::{Value, json};

const TO: &str = "447930000000";
const TO2: &str = "447930000001";
const MESSAGE_ID: &str = "ef5796ce-6a3c-4b3e-9c4b-3f1a2b3c4d5e";
const CAMPAIGN_ID: &str = "fd9157b74bd3475d8716a69683066f0f";

/// `mobivate send --base-url BASE` with the key in the environment.
fn send(base: &str) -> assert_cmd::Command {
    let mut cmd = mobivate();
    cmd.args(["send", "--base-url", base])
        .env("MOBIVATE_API_KEY", KEY);
    cmd
}

fn single_record(reference: &str) -> String {
    json!({
        "id": MESSAGE_ID,
        "originator": "Shop",
        "recipient": TO,
        "body": "Hello",
        "routeId": "mglobal",
        "reference": reference,
        "campaignId": null
    })
    .to_string()
}

fn campaign_record() -> String {
    json!({"id": CAMPAIGN_ID, "name": null, "routeId": "mglobal", "recipients": []}).to_string()
}

/// A server that fails the test if anything at all is sent to it.
fn nothing_expected() -> (mockito::ServerGuard, mockito::Mock) {
    let mut server = Server::new();
    let never = server.mock("POST", Matcher::Any).expect(0).create();
    (server, never)
}

/// The body of a request the scripted server recorded.
fn body_of(request: &str) -> Value {
    let (_, body) = request
        .split_once("\r\n\r\n")
        .expect("a request has a head");
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

fn head_of(request: &str) -> String {
    let (head, _) = request
        .split_once("\r\n\r\n")
        .expect("a request has a head");
    format!("{}\r\n", head.to_ascii_lowercase())
}

fn is_generated_reference(reference: &str, suffix: Option<usize>) -> bool {
    let parts: Vec<&str> = reference.split('-').collect();
    let shape = parts.len() == 3 + usize::from(suffix.is_some())
        && parts[0] == "mob"
        && parts[1].len() == 16
        && parts[1].as_bytes()[8] == b'T'
        && parts[1].ends_with('Z')
        && parts[2].len() == 8
        && parts[2].chars().all(|c| c.is_ascii_hexdigit());
    shape && suffix.is_none_or(|n| parts[3] == n.to_string())
}

// ---------- the request ----------

#[test]
fn one_recipient_uses_send_single_with_the_exact_body() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/send/single")
        .match_header("content-type", "application/json")
        .match_header("authorization", format!("Bearer {KEY}").as_str())
        .match_body(Matcher::Json(json!({
            "originator": "Shop",
            "recipient": TO,
            "body": "Hello",
            "routeId": "mglobal",
            "reference": "order-17",
            "shortenUrls": false
        })))
        .with_body(single_record("order-17"))
        .expect(1)
        .create();
    send(&server.url())
        .args(["--to", "+44 (0)7930 000000", "--from", "Shop"])
        .args(["--reference", "order-17", "Hello"])
        .assert()
        .code(0)
        .stdout(format!("{TO} {MESSAGE_ID}\n"))
        .stderr("");
    mock.assert();
}

#[test]
fn sender_and_route_from_the_environment_and_the_optional_fields() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/send/single")
        .match_body(Matcher::Json(json!({
            "originator": "447700900123",
            "recipient": TO,
            "body": "Hello",
            "routeId": "premium",
            "reference": "r-1",
            "campaignId": "spring",
            "shortenUrls": true
        })))
        .with_body(single_record("r-1"))
        .expect(1)
        .create();
    send(&server.url())
        .args(["--to", TO, "--reference", "r-1", "--campaign-id", "spring"])
        .args(["--shorten-urls", "Hello"])
        .env("MOBIVATE_FROM", "+447700900123")
        .env("MOBIVATE_ROUTE", "premium")
        .assert()
        .code(0)
        .stdout(format!("{TO} {MESSAGE_ID}\n"));
    mock.assert();
    // The flags win over the environment.
    let flagged = server
        .mock("POST", "/send/single")
        .match_body(Matcher::PartialJson(
            json!({"originator": "Shop", "routeId": "mglobal"}),
        ))
        .with_body(single_record("r-2"))
        .expect(1)
        .create();
    send(&server.url())
        .args(["--to", TO, "--from", "Shop", "--route", "mglobal", "Hello"])
        .env("MOBIVATE_FROM", "Other")
        .env("MOBIVATE_ROUTE", "premium")
        .assert()
        .code(0);
    flagged.assert();
}

#[test]
fn a_reference_is_made_up_when_none_is_given() {
    let server = scripted(vec![json_reply(200, "OK", &single_record("x"))], None);
    send(&server.url())
        .args(["--to", TO, "--from", "Shop", "Hello"])
        .assert()
        .code(0);
    let requests = server.requests.lock().unwrap();
    let body = body_of(&requests[0]);
    let reference = body["reference"].as_str().unwrap();
    assert!(is_generated_reference(reference, None), "{reference}");
}

#[test]
fn several_recipients_use_one_batch_with_the_exact_body() {
    let server = scripted(vec![json_reply(200, "OK", &campaign_record())], None);
    send(&server.url())
        .args(["--to", "+44 (0)7930 000000, 447930000001", "--to", TO])
        .args(["--from", "Shop", "--yes", "Hello"])
        .assert()
        .code(0)
        .stdout(format!("{TO} {CAMPAIGN_ID}\n{TO2} {CAMPAIGN_ID}\n"))
        .stderr("");
    let requests = server.requests.lock().unwrap();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].starts_with("POST /send/batch HTTP/1.1\r\n"));
    let head = head_of(&requests[0]);
    assert!(
        head.contains("\r\ncontent-type: application/json\r\n"),
        "{head}"
    );
    assert!(
        head.contains(&format!("\r\nauthorization: bearer {KEY}\r\n")),
        "{head}"
    );
    let mut body = body_of(&requests[0]);
    let mut references = Vec::new();
    for (index, recipient) in body["recipients"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        let reference = recipient["reference"].as_str().unwrap().to_string();
        assert!(
            is_generated_reference(&reference, Some(index + 1)),
            "{reference}"
        );
        references.push(reference);
        recipient["reference"] = json!("R");
    }
    assert_ne!(references[0], references[1]);
    assert_eq!(
        body,
        json!({
            "routeId": "mglobal",
            "excludeOptouts": true,
            "excludeDuplicates": true,
            "shortenUrls": false,
            "recipients": [
                {"recipient": TO, "text": "Hello", "originator": "Shop", "reference": "R"},
                {"recipient": TO2, "text": "Hello", "originator": "Shop", "reference": "R"}
            ]
        })
    );
}

#[test]
fn json_format_prints_the_api_record() {
    let record = single_record("r-1");
    let mut server = Server::new();
    server
        .mock("POST", "/send/single")
        .with_body(&record)
        .create();
    send(&server.url())
        .args(["--to", TO, "--from", "Shop", "--format", "json", "Hello"])
        .assert()
        .code(0)
        .stdout(format!("{record}\n"))
        .stderr("");
    // A batch prints the campaign record, in the API's field order.
    let record = r#"{"id":"fd91","name":"n","routeId":"mglobal","recipients":[{"recipient":"447930000000"}]}"#;
    server
        .mock("POST", "/send/batch")
        .with_body(record)
        .create();
    send(&server.url())
        .args(["--to", &format!("{TO},{TO2}"), "--from", "Shop", "-y"])
        .args(["--format", "json", "Hello"])
        .assert()
        .code(0)
        .stdout(format!("{record}\n"));
}

// ---------- schedule ----------

#[test]
fn a_schedule_always_uses_the_batch_endpoint() {
    let server = scripted(vec![json_reply(200, "OK", &campaign_record())], None);
    let before = jiff::Timestamp::now();
    send(&server.url())
        .args(["--to", TO, "--from", "Shop", "--schedule", "+2h"])
        .args(["--reference", "later-1", "Hello"])
        .assert()
        .code(0)
        .stdout(format!("{TO} {CAMPAIGN_ID}\n"));
    let requests = server.requests.lock().unwrap();
    assert!(
        requests[0].starts_with("POST /send/batch "),
        "{}",
        requests[0]
    );
    let body = body_of(&requests[0]);
    assert_eq!(body["recipients"][0]["reference"], "later-1");
    let when = body["scheduleDateTime"].as_str().unwrap();
    assert_eq!(when.len(), 24, "{when}");
    assert!(when.ends_with("+0000"), "{when}");
    let parsed: jiff::Timestamp = jiff::fmt::strtime::parse("%Y-%m-%dT%H:%M:%S%z", when)
        .unwrap()
        .to_timestamp()
        .unwrap();
    let ahead = parsed.duration_since(before).as_secs();
    assert!((7190..=7210).contains(&ahead), "{when} is {ahead} s ahead");
}

#[test]
fn an_rfc3339_schedule_is_sent_in_utc() {
    let server = scripted(vec![json_reply(200, "OK", &campaign_record())], None);
    send(&server.url())
        .args(["--to", TO, "--from", "Shop"])
        .args(["--schedule", "2099-12-01T10:00:00+02:00", "Hello"])
        .assert()
        .code(0);
    let body = body_of(&server.requests.lock().unwrap()[0]);
    assert_eq!(body["scheduleDateTime"], "2099-12-01T08:00:00+0000");
}

#[test]
fn unusable_schedules_are_65_and_send_nothing() {
    let (server, never) = nothing_expected();
    for when in [
        "2020-01-01T00:00:00Z",
        "+0s",
        "tomorrow",
        "2099-12-01T10:00:00",
        "+5x",
    ] {
        let out = send(&server.url())
            .args(["--to", TO, "--from", "Shop", "--schedule", when, "Hello"])
            .output()
            .unwrap();
        let stderr = assert_clean_failure(&out, 65);
        assert!(stderr.contains("--schedule"), "{stderr}");
    }
    never.assert();
}

// ---------- the text ----------

#[test]
fn text_from_stdin_keeps_inner_newlines_and_drops_one_trailing() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/send/single")
        .match_body(Matcher::PartialJson(json!({"body": "line 1\nline 2\n"})))
        .with_body(single_record("r"))
        .expect(1)
        .create();
    send(&server.url())
        .args(["--to", TO, "--from", "Shop", "-"])
        .write_stdin("line 1\nline 2\n\n")
        .assert()
        .code(0);
    mock.assert();
}

#[test]
fn text_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("text.txt");
    std::fs::write(&file, "From a file\r\n").unwrap();
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/send/single")
        .match_body(Matcher::PartialJson(json!({"body": "From a file"})))
        .with_body(single_record("r"))
        .expect(1)
        .create();
    send(&server.url())
        .args(["--to", TO, "--from", "Shop", "--text-file"])
        .arg(&file)
        .assert()
        .code(0);
    mock.assert();
    let out = send(&server.url())
        .args(["--to", TO, "--from", "Shop", "--text-file"])
        .arg(dir.path().join("missing.txt"))
        .output()
        .unwrap();
    assert_clean_failure(&out, 66);
}

#[test]
fn text_sources_are_exactly_one() {
    let (server, never) = nothing_expected();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t");
    std::fs::write(&file, "x").unwrap();
    // Two sources, and none.
    let out = send(&server.url())
        .args(["--to", TO, "--from", "Shop", "Hello", "--text-file"])
        .arg(&file)
        .output()
        .unwrap();
    assert_clean_failure(&out, 64);
    let out = send(&server.url())
        .args(["--to", TO, "--from", "Shop"])
        .output()
        .unwrap();
    assert!(assert_clean_failure(&out, 64).contains("no text"));
    // Both the key and the text on stdin.
    let out = send(&server.url())
        .args(["--to", TO, "--from", "Shop", "--key-stdin", "-"])
        .write_stdin(format!("{KEY}\n"))
        .output()
        .unwrap();
    assert!(assert_clean_failure(&out, 64).contains("stdin"));
    never.assert();
}

#[test]
fn unusable_text_is_65_and_sends_nothing() {
    let (server, never) = nothing_expected();
    for input in [
        Vec::new(),
        b"\n".to_vec(),
        vec![0xff, 0xfe],
        vec![b'a'; 64 * 1024 + 1],
    ] {
        let out = send(&server.url())
            .args(["--to", TO, "--from", "Shop", "-"])
            .write_stdin(input)
            .output()
            .unwrap();
        assert!(assert_clean_failure(&out, 65).contains("the text from stdin"));
    }
    let out = send(&server.url())
        .args(["--to", TO, "--from", "Shop", ""])
        .output()
        .unwrap();
    assert!(assert_clean_failure(&out, 65).contains("is empty"));
    never.assert();
}

#[test]
fn the_longest_text_is_accepted() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/send/single")
        .with_body(single_record("r"))
        .expect(1)
        .create();
    let mut text = vec![b'a'; 64 * 1024];
    text.push(b'\n');
    send(&server.url())
        .args(["--to", TO, "--from", "Shop", "-"])
        .write_stdin(text)
        .assert()
        .code(0);
    mock.assert();
}

// ---------- recipients, sender and usage ----------

#[test]
fn an_invalid_number_is_65_named_and_nothing_is_sent() {
    let (server, never) = nothing_expected();
    for (to, named) in [
        ("07930 000000", "'07930 000000'"),
        ("447930000000,44793x", "'44793x'"),
        ("447930000000,,447930000001", "item 2"),
        ("123", "'123'"),
    ] {
        let out = send(&server.url())
            .args(["--to", TO, "--to", to, "--from", "Shop", "-y", "Hello"])
            .output()
            .unwrap();
        let stderr = assert_clean_failure(&out, 65);
        assert!(stderr.contains(named), "{named}: {stderr}");
        assert!(stderr.contains("nothing was sent"), "{stderr}");
    }
    never.assert();
}

#[test]
fn duplicates_are_sent_once() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/send/single")
        .match_body(Matcher::PartialJson(json!({"recipient": TO})))
        .with_body(single_record("r"))
        .expect(1)
        .create();
    send(&server.url())
        .args(["--to", TO, "--to", "+44 7930 000000,0044 (0)7930-000000"])
        .args(["--from", "Shop", "Hello"])
        .assert()
        .code(0)
        .stdout(format!("{TO} {MESSAGE_ID}\n"));
    mock.assert();
}

#[test]
fn the_sender_is_checked() {
    let (server, never) = nothing_expected();
    for from in ["Too-Long-Sender", "Shop Name", "1234567890123456", ""] {
        let out = send(&server.url())
            .args(["--to", TO, "--from", from, "Hello"])
            .output()
            .unwrap();
        assert_clean_failure(&out, 65);
    }
    let out = send(&server.url())
        .args(["--to", TO, "Hello"])
        .env("MOBIVATE_FROM", "Bad Sender")
        .output()
        .unwrap();
    assert!(assert_clean_failure(&out, 65).contains("MOBIVATE_FROM"));
    let out = send(&server.url())
        .args(["--to", TO, "Hello"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 64);
    assert!(
        stderr.contains("--from") && stderr.contains("MOBIVATE_FROM"),
        "{stderr}"
    );
    never.assert();
}

#[test]
fn one_recipient_only_options_with_several_are_64() {
    let (server, never) = nothing_expected();
    for flag in ["--reference", "--campaign-id"] {
        let out = send(&server.url())
            .args(["--to", &format!("{TO},{TO2}"), "--from", "Shop", "-y"])
            .args([flag, "x", "Hello"])
            .output()
            .unwrap();
        assert!(assert_clean_failure(&out, 64).contains(flag));
    }
    let out = send(&server.url())
        .args(["--to", TO, "--from", "Shop", "--campaign-id", "c"])
        .args(["--schedule", "+1h", "Hello"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 64);
    let out = send(&server.url())
        .args(["--to", TO, "--from", "Shop", "--to"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 64);
    let out = send(&server.url())
        .args(["--from", "Shop", "Hello"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 64);
    never.assert();
}

#[test]
fn more_than_1000_recipients_points_to_bulk() {
    let (server, never) = nothing_expected();
    let list = (0..1001)
        .map(|n| format!("4479300{n:05}"))
        .collect::<Vec<_>>()
        .join(",");
    let out = send(&server.url())
        .args(["--to", &list, "--from", "Shop", "-y", "Hello"])
        .output()
        .unwrap();
    assert!(assert_clean_failure(&out, 64).contains("mobivate bulk"));
    never.assert();
    // 1,000 is one batch.
    let server = scripted(vec![json_reply(200, "OK", &campaign_record())], None);
    let list = (0..1000)
        .map(|n| format!("4479300{n:05}"))
        .collect::<Vec<_>>()
        .join(",");
    let out = send(&server.url())
        .args(["--to", &list, "--from", "Shop", "-y", "Hello"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out).lines().count(), 1000);
    assert_eq!(server.request_count(), 1);
    let body = body_of(&server.requests.lock().unwrap()[0]);
    assert_eq!(body["recipients"].as_array().unwrap().len(), 1000);
}

#[test]
fn unusable_values_from_flags_are_65() {
    let (server, never) = nothing_expected();
    for args in [
        ["--max-parts", "0"],
        ["--max-parts", "many"],
        ["--route", ""],
        ["--reference", " "],
        ["--campaign-id", ""],
    ] {
        let out = send(&server.url())
            .args(["--to", TO, "--from", "Shop", "Hello"])
            .args(args)
            .output()
            .unwrap();
        assert_clean_failure(&out, 65);
    }
    never.assert();
}

// ---------- parts ----------

#[test]
fn max_parts_refuses_a_longer_text() {
    let (server, never) = nothing_expected();
    let out = send(&server.url())
        .args(["--to", TO, "--from", "Shop", "--max-parts", "1"])
        .arg("a".repeat(161))
        .output()
        .unwrap();
    assert!(assert_clean_failure(&out, 65).contains("2 parts"));
    let out = send(&server.url())
        .args(["--to", TO, "--from", "Shop", "--max-parts", "1"])
        .arg(format!("It\u{2019}s {}", "a".repeat(70)))
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 65);
    assert!(
        stderr.contains("UCS-2 because of '\u{2019}' (U+2019) at 3"),
        "{stderr}"
    );
    never.assert();
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/send/single")
        .with_body(single_record("r"))
        .expect(1)
        .create();
    send(&server.url())
        .args(["--to", TO, "--from", "Shop", "--max-parts", "2"])
        .arg("a".repeat(161))
        .assert()
        .code(0);
    mock.assert();
}

#[test]
fn fold_to_gsm_sends_the_twins_and_says_how_many() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/send/single")
        .match_body(Matcher::PartialJson(
            json!({"body": "It's \"done\" - really..."}),
        ))
        .with_body(single_record("r"))
        .expect(1)
        .create();
    send(&server.url())
        .args(["--to", TO, "--from", "Shop", "--fold-to-gsm"])
        .arg("It\u{2019}s \u{201c}done\u{201d} \u{2013} really\u{2026}")
        .assert()
        .code(0)
        .stdout(format!("{TO} {MESSAGE_ID}\n"))
        .stderr("mobivate: --fold-to-gsm replaced 5 characters\n");
    mock.assert();
    // Off by default: the text is sent as written.
    let unfolded = server
        .mock("POST", "/send/single")
        .match_body(Matcher::PartialJson(json!({"body": "It\u{2019}s"})))
        .with_body(single_record("r"))
        .expect(1)
        .create();
    send(&server.url())
        .args(["--to", TO, "--from", "Shop", "It\u{2019}s"])
        .assert()
        .code(0)
        .stderr("");
    unfolded.assert();
}

#[test]
fn verbose_shows_the_parts_summary_and_never_the_key() {
    let mut server = Server::new();
    server
        .mock("POST", "/send/single")
        .with_body(single_record("r"))
        .create();
    let out = send(&server.url())
        .args(["--to", TO, "--from", "Shop", "-v", "Caf\u{e9} \u{2019}"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_of(&out), format!("{TO} {MESSAGE_ID}\n"));
    let stderr = stderr_of(&out);
    for line in [
        "* encoding: UCS-2\n",
        "* characters: 6\n",
        "* parts: 1\n",
        "* left in last part: 64\n",
        "* UCS-2 because of '\u{2019}' (U+2019) at 6\n",
        "* reference: mob-",
        "/send/single",
    ] {
        assert!(stderr.contains(line), "{line:?} missing from {stderr}");
    }
    assert!(!stderr.contains(KEY), "{stderr}");
}

// ---------- dry run ----------

#[test]
fn dry_run_prints_the_request_and_sends_nothing() {
    let (server, never) = nothing_expected();
    let out = send(&server.url())
        .args([
            "--to",
            TO,
            "--from",
            "Shop",
            "--reference",
            "r-1",
            "--dry-run",
        ])
        .arg("Hello")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        format!(
            "POST {}/send/single\nAuthorization: Bearer ***\nContent-Type: application/json\n\n{{\n  \"originator\": \"Shop\",\n  \"recipient\": \"{TO}\",\n  \"body\": \"Hello\",\n  \"routeId\": \"mglobal\",\n  \"reference\": \"r-1\",\n  \"shortenUrls\": false\n}}\n",
            server.url()
        )
    );
    assert_eq!(
        stderr_of(&out),
        "encoding: GSM-7\ncharacters: 5\nparts: 1\nleft in last part: 155\n"
    );
    never.assert();
}

#[test]
fn dry_run_json_is_one_document_and_needs_no_confirmation() {
    let (server, never) = nothing_expected();
    let out = send(&server.url())
        .args([
            "--to",
            &format!("{TO},{TO2}"),
            "--from",
            "Shop",
            "--dry-run",
        ])
        .args(["--format", "json", "Hello"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stdout = stdout_of(&out);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let document: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(document["method"], "POST");
    assert_eq!(document["url"], format!("{}/send/batch", server.url()));
    assert_eq!(document["headers"]["Authorization"], "Bearer ***");
    assert_eq!(document["body"]["recipients"][1]["recipient"], TO2);
    assert!(!stdout.contains(KEY) && !stderr_of(&out).contains(KEY));
    never.assert();
}

#[test]
fn dry_run_still_validates_everything() {
    let (server, never) = nothing_expected();
    let out = send(&server.url())
        .args(["--to", "0793", "--from", "Shop", "--dry-run", "Hello"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 65);
    never.assert();
}

// ---------- confirmation ----------

#[test]
fn several_recipients_without_a_terminal_need_yes() {
    let (server, never) = nothing_expected();
    let out = send(&server.url())
        .args(["--to", &format!("{TO},{TO2}"), "--from", "Shop", "Hello"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 64);
    assert!(
        stderr.contains("--yes") && stderr.contains("nothing was sent"),
        "{stderr}"
    );
    never.assert();
}

#[cfg(unix)] // a pseudo-terminal
fn pty_send(base: &str, to: &str) -> std::process::Command {
    let mut cmd = raw_mobivate();
    cmd.args(["send", "--base-url", base, "--to", to, "--from", "Shop"])
        .arg(format!("It\u{2019}s {}", "a".repeat(70)))
        .env("MOBIVATE_API_KEY", KEY);
    cmd
}

#[cfg(unix)] // a pseudo-terminal
#[test]
fn a_terminal_is_asked_before_a_batch_and_yes_sends() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/send/batch")
        .with_body(campaign_record())
        .expect(1)
        .create();
    let mut pty = Pty::spawn(pty_send(&server.url(), &format!("{TO},{TO2}")), true);
    pty.expect("Send 2 messages (4 parts) to 2 recipients? [y/N] ");
    pty.send(b"y\r");
    let (code, stdout, seen, _) = pty.finish();
    assert_eq!(code, Some(0), "{seen}");
    assert_eq!(stdout, format!("{TO} {CAMPAIGN_ID}\n{TO2} {CAMPAIGN_ID}\n"));
    mock.assert();
}

#[cfg(unix)] // a pseudo-terminal
#[test]
fn a_terminal_that_declines_sends_nothing() {
    let (server, never) = nothing_expected();
    for answer in ["n\r", "\r"] {
        let mut pty = Pty::spawn(pty_send(&server.url(), &format!("{TO},{TO2}")), true);
        pty.expect("to 2 recipients? [y/N] ");
        pty.send(answer.as_bytes());
        let (code, stdout, seen, _) = pty.finish();
        assert_eq!(code, Some(64), "{seen}");
        assert_eq!(stdout, "");
        assert!(seen.contains("nothing was sent"), "{seen}");
    }
    never.assert();
}

#[cfg(unix)] // a pseudo-terminal
#[test]
fn one_recipient_is_sent_without_asking() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/send/single")
        .with_body(single_record("r"))
        .expect(1)
        .create();
    let pty = Pty::spawn(pty_send(&server.url(), TO), true);
    let (code, stdout, seen, _) = pty.finish();
    assert_eq!(code, Some(0), "{seen}");
    assert!(!seen.contains("[y/N]"), "{seen}");
    assert_eq!(stdout, format!("{TO} {MESSAGE_ID}\n"));
    mock.assert();
}

// ---------- never twice ----------

fn assert_unknown_outcome(stderr: &str) {
    assert!(stderr.contains("may have been sent"), "{stderr}");
    assert!(stderr.contains("reference order-17"), "{stderr}");
    assert!(
        stderr.contains("mobivate logs list --reference order-17"),
        "{stderr}"
    );
}

fn send_order_17(base: &str) -> assert_cmd::Command {
    let mut cmd = send(base);
    cmd.args([
        "--to",
        TO,
        "--from",
        "Shop",
        "--reference",
        "order-17",
        "Hello",
    ]);
    cmd
}

#[test]
fn a_dropped_connection_after_the_request_is_not_retried() {
    let server = scripted(
        vec![
            Reply::Drop,
            json_reply(200, "OK", &single_record("order-17")),
        ],
        None,
    );
    let out = send_order_17(&server.url()).output().unwrap();
    assert_unknown_outcome(&assert_clean_failure(&out, 69));
    assert_eq!(server.request_count(), 1, "a send must never be repeated");
}

#[test]
fn a_timeout_after_the_request_is_not_retried() {
    let server = scripted(
        vec![
            Reply::Hang,
            json_reply(200, "OK", &single_record("order-17")),
        ],
        None,
    );
    let out = send_order_17(&server.url())
        .args(["--timeout", "1"])
        .output()
        .unwrap();
    assert_unknown_outcome(&assert_clean_failure(&out, 75));
    assert_eq!(server.request_count(), 1);
}

#[test]
fn a_5xx_is_not_retried_and_may_have_been_sent() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/send/single")
        .with_status(503)
        .with_body(r#"{"code":503,"message":"Service Unavailable"}"#)
        .expect(1)
        .create();
    let out = send_order_17(&server.url()).output().unwrap();
    assert_unknown_outcome(&assert_clean_failure(&out, 69));
    mock.assert();
}

#[test]
fn an_unknown_batch_outcome_names_its_references() {
    let server = scripted(vec![Reply::Drop], None);
    let out = send(&server.url())
        .args([
            "--to",
            &format!("{TO},{TO2}"),
            "--from",
            "Shop",
            "-y",
            "Hello",
        ])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 69);
    assert!(
        stderr.contains("the messages may have been sent"),
        "{stderr}"
    );
    assert!(stderr.contains("references mob-"), "{stderr}");
    assert!(
        stderr.contains("mobivate logs list --reference mob-"),
        "{stderr}"
    );
    assert_eq!(server.request_count(), 1);
}

#[test]
fn a_429_is_retried_honouring_retry_after() {
    let server = scripted(
        vec![
            json_reply_with(
                429,
                "Too Many Requests",
                "Retry-After: 1\r\n",
                r#"{"code":429,"message":"slow down"}"#,
            ),
            json_reply(200, "OK", &single_record("order-17")),
        ],
        None,
    );
    let out = send_order_17(&server.url()).arg("-v").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), format!("{TO} {MESSAGE_ID}\n"));
    assert!(stderr_of(&out).contains("waiting 1000 ms before attempt 2"));
    assert_eq!(server.request_count(), 2);
}

#[test]
fn a_429_after_the_retries_is_75_and_nothing_was_sent() {
    let server = scripted(
        vec![json_reply_with(
            429,
            "Too Many Requests",
            "Retry-After: 0\r\n",
            r#"{"code":429,"message":"slow down"}"#,
        )],
        None,
    );
    let out = send_order_17(&server.url())
        .args(["--retries", "1"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 75);
    assert!(stderr.contains("nothing was sent"), "{stderr}");
    assert!(!stderr.contains("may have been sent"), "{stderr}");
    assert_eq!(server.request_count(), 2);
}

#[test]
fn a_refused_connection_is_retried() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let out = send_order_17(&format!("http://127.0.0.1:{port}"))
        .args(["-v", "--retries", "2"])
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(69), "{stderr}");
    assert!(stderr.contains("attempt 3/3"), "{stderr}");
    assert!(!stderr.contains("may have been sent"), "{stderr}");
    assert!(!stderr.contains(KEY), "{stderr}");
}

// ---------- what each answer means ----------

fn answered(status: usize, body: &str) -> std::process::Output {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/send/single")
        .with_status(status)
        .with_body(body)
        .expect(1)
        .create();
    let out = send_order_17(&server.url()).output().unwrap();
    mock.assert();
    out
}

#[test]
fn a_400_is_65_with_the_server_message() {
    let out = answered(400, r#"{"code":400,"message":"Invalid originator"}"#);
    let stderr = assert_clean_failure(&out, 65);
    assert!(stderr.contains("\"Invalid originator\""), "{stderr}");
}

#[test]
fn a_401_is_77() {
    let out = answered(401, r#"{"code":401,"message":"Unauthorized"}"#);
    assert!(assert_clean_failure(&out, 77).contains("getkey"));
}

#[test]
fn a_402_is_77_out_of_credit() {
    let out = answered(402, r#"{"code":402,"message":"Payment Required"}"#);
    assert!(assert_clean_failure(&out, 77).contains("out of credit"));
}

#[test]
fn a_403_is_77_with_the_server_message() {
    let out = answered(
        403,
        r#"{"code":403,"message":"Recipient is opted out: 447930000000"}"#,
    );
    let stderr = assert_clean_failure(&out, 77);
    assert!(
        stderr.contains("\"Recipient is opted out: 447930000000\""),
        "{stderr}"
    );
}

#[test]
fn an_echoed_key_is_redacted() {
    let out = answered(400, &format!(r#"{{"code":400,"message":"bad key {KEY}"}}"#));
    let stderr = assert_clean_failure(&out, 65);
    assert!(stderr.contains("bad key ***"), "{stderr}");
}

#[test]
fn an_unreadable_2xx_is_76_and_must_not_be_sent_again() {
    for body in ["<html>ok</html>", "{}", ""] {
        let out = answered(200, body);
        let stderr = assert_clean_failure(&out, 76);
        assert!(stderr.contains("accepted"), "{stderr}");
        assert!(stderr.contains("must not be sent again"), "{stderr}");
        assert!(stderr.contains("order-17"), "{stderr}");
    }
}

#[test]
fn the_key_comes_from_stdin_first() {
    let mut server = Server::new();
    let mock = server
        .mock("POST", "/send/single")
        .match_header("authorization", format!("Bearer {KEY}").as_str())
        .with_body(single_record("r"))
        .expect(1)
        .create();
    send(&server.url())
        .args(["--to", TO, "--from", "Shop", "--key-stdin", "Hello"])
        .env("MOBIVATE_API_KEY", "wrong-key")
        .write_stdin(format!("{KEY}\n"))
        .assert()
        .code(0);
    mock.assert();
    let out = mobivate()
        .args([
            "send",
            "--base-url",
            &server.url(),
            "--to",
            TO,
            "--from",
            "Shop",
            "Hello",
        ])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 64);
    assert!(stderr.contains("--key-stdin") && stderr.contains("MOBIVATE_API_KEY"));
}

// ---------- segments ----------

#[test]
fn segments_of_a_gsm7_text() {
    mobivate()
        .args(["segments", &"a".repeat(161)])
        .assert()
        .code(0)
        .stdout("encoding: GSM-7\ncharacters: 161\nparts: 2\nleft in last part: 145\n")
        .stderr("");
}

#[test]
fn segments_names_what_forced_ucs2() {
    mobivate()
        .args(["segments", "Your order\u{2019}s ready"])
        .assert()
        .code(0)
        .stdout(
            "encoding: UCS-2\ncharacters: 18\nparts: 1\nleft in last part: 52\nUCS-2 because of '\u{2019}' (U+2019) at 11\n",
        );
    mobivate()
        .args(["segments", "--format", "json", "Caf\u{e9} ok \u{2019}"])
        .assert()
        .code(0)
        .stdout("{\"encoding\":\"UCS-2\",\"characters\":9,\"units\":9,\"parts\":1,\"left\":61,\"ucs2Trigger\":{\"character\":\"\u{2019}\",\"codePoint\":\"U+2019\",\"position\":9}}\n");
}

#[test]
fn segments_reads_stdin_and_folds_on_request() {
    mobivate()
        .arg("segments")
        .write_stdin("It\u{2019}s \u{2014} done\n")
        .assert()
        .code(0)
        .stdout(predicates::str::contains("encoding: UCS-2"));
    mobivate()
        .args(["segments", "--fold-to-gsm", "-"])
        .write_stdin("It\u{2019}s \u{2014} done\n")
        .assert()
        .code(0)
        .stdout("encoding: GSM-7\ncharacters: 11\nparts: 1\nleft in last part: 149\n")
        .stderr("mobivate: --fold-to-gsm replaced 2 characters\n");
    let out = mobivate().arg("segments").write_stdin("").output().unwrap();
    assert_clean_failure(&out, 65);
}

#[test]
fn help_names_the_new_environment() {
    let out = mobivate().args(["send", "--help"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = stdout_of(&out);
    for needle in [
        "MOBIVATE_FROM",
        "MOBIVATE_ROUTE",
        "--dry-run",
        "--schedule",
        "`mobivate --help` and `man mobivate`",
    ] {
        assert!(help.contains(needle), "{needle} missing from {help}");
    }
}

#[test]
fn an_unquoted_text_is_64_with_a_hint_and_never_echoed() {
    let (server, never) = nothing_expected();
    let out = send(&server.url())
        .args(["--to", TO, "--from", "Shop", "Hello", "zebra"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 64);
    assert!(stderr.contains("quote it"), "{stderr}");
    assert!(!stderr.contains("zebra"), "{stderr}");
    never.assert();
}

#[test]
fn a_2xx_whose_body_breaks_off_is_still_an_acceptance() {
    let truncated = Reply::Raw(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{\"id\":\"ef57"
            .to_string(),
    );
    let endless =
        Reply::Endless("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n".to_string());
    for reply in [truncated, endless] {
        let server = scripted(vec![reply], None);
        let out = send_order_17(&server.url()).output().unwrap();
        let stderr = assert_clean_failure(&out, 76);
        assert!(stderr.contains("accepted"), "{stderr}");
        assert!(stderr.contains("must not be sent again"), "{stderr}");
        assert!(!stderr.contains("may have been sent"), "{stderr}");
        assert_eq!(server.request_count(), 1);
    }
}

#[cfg(unix)] // a pseudo-terminal
#[test]
fn segments_at_a_terminal_says_how_to_end_the_text() {
    let mut cmd = raw_mobivate();
    cmd.arg("segments");
    let mut pty = Pty::spawn(cmd, true);
    pty.expect("end it with Ctrl-D");
    pty.send(b"Hello\n\x04");
    let (code, stdout, seen, _) = pty.finish();
    assert_eq!(code, Some(0), "{seen}");
    assert_eq!(
        stdout,
        "encoding: GSM-7\ncharacters: 5\nparts: 1\nleft in last part: 155\n"
    );
}

/// The message went out, but its id could not be written: the error says it
/// was sent, names the reference, and warns against sending it again.
#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_after_sending_says_the_message_was_sent() {
    let mut server = Server::new();
    let sent = server
        .mock("POST", "/send/single")
        .with_body(single_record("order-9"))
        .expect(1)
        .create();
    // A full disk: every write to stdout fails (ENOSPC).
    let stdout = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = raw_mobivate()
        .env("CI", "true")
        .env("MOBIVATE_API_KEY", KEY)
        .args([
            "send",
            "--base-url",
            &server.url(),
            "--to",
            TO,
            "--from",
            "Shop",
        ])
        .args(["--reference", "order-9", "Hello"])
        .stdout(stdout)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(74), "{stderr}");
    assert!(stderr.contains("the message was sent"), "{stderr}");
    assert!(stderr.contains("order-9"), "{stderr}");
    assert!(stderr.contains("do not send the message again"), "{stderr}");
    assert!(!stderr.contains(KEY));
    sent.assert();
}

/// A dry run shows the key as `***`, so it needs none: without one it still
/// prints the request, exits 0, and says that sending would need a key.
#[test]
fn dry_run_without_a_key_still_shows_the_request() {
    let (server, never) = nothing_expected();
    let out = mobivate()
        .args([
            "send",
            "--base-url",
            &server.url(),
            "--to",
            TO,
            "--from",
            "Shop",
        ])
        .args(["--dry-run", "Hello"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stdout_of(&out).starts_with(&format!("POST {}/send/single\n", server.url())));
    assert!(stderr_of(&out).contains("sending would need one"));
    never.assert();
}
