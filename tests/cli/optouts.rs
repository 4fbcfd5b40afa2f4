//! `mobivate optouts list|add|remove` through the real binary.

use crate::common::*;
use mockito::Matcher;
use std::io::Write;
use std::process::Stdio;

fn optouts(base: &str) -> assert_cmd::Command {
    let mut cmd = mobivate();
    cmd.args(["--base-url", base, "--retries", "0", "optouts"])
        .env("MOBIVATE_API_KEY", KEY);
    cmd
}

const LIST: &str = r#"[{"id":1354505990,"mobile":"4400111222","note":"MO","created":1672704203000},
{"id":1354505991,"mobile":"61400111222","note":"API","created":1764162000000}]"#;

#[test]
fn list_prints_epoch_milliseconds_as_rfc_3339() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("GET", "/addressbook/optout")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("startDate".into(), "2000-01-01T00:00:00+0000".into()),
            Matcher::UrlEncoded("page".into(), "1".into()),
            Matcher::UrlEncoded("pageSize".into(), "1000".into()),
        ]))
        .match_header("authorization", format!("Bearer {KEY}").as_str())
        .with_body(LIST)
        .expect(1)
        .create();
    let out = optouts(&server.url()).args(["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        "{\"id\":1354505990,\"mobile\":\"4400111222\",\"note\":\"MO\",\"created\":\"2023-01-03T00:03:23Z\"}\n\
         {\"id\":1354505991,\"mobile\":\"61400111222\",\"note\":\"API\",\"created\":\"2025-11-26T13:00:00Z\"}\n"
    );
    mock.assert();
}

#[test]
fn list_formats_csv_and_table() {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/addressbook/optout")
        .match_query(Matcher::Any)
        .with_body(LIST)
        .create();
    let out = optouts(&server.url())
        .args(["list", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&out),
        "id,mobile,note,created\r\n1354505990,4400111222,MO,2023-01-03T00:03:23Z\r\n1354505991,61400111222,API,2025-11-26T13:00:00Z\r\n"
    );
    let out = optouts(&server.url())
        .args(["list", "--format", "table"])
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&out),
        "TIME                 MOBILE       NOTE  ID\n\
         2023-01-03 00:03:23  4400111222   MO    1354505990\n\
         2025-11-26 13:00:00  61400111222  API   1354505991\n"
    );
}

#[test]
fn list_limit_and_dates() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("GET", "/addressbook/optout")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("startDate".into(), "2026-11-01T00:00:00+0000".into()),
            Matcher::UrlEncoded("endDate".into(), "2026-11-02T00:00:00+0000".into()),
            Matcher::UrlEncoded("pageSize".into(), "1".into()),
        ]))
        .with_body(LIST)
        .expect(1)
        .create();
    let out = optouts(&server.url())
        .args([
            "list",
            "--since",
            "2026-11-01",
            "--until",
            "2026-11-02",
            "--limit",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out).lines().count(), 1);
    mock.assert();
}

#[test]
fn add_prints_one_line_per_normalised_number() {
    let mut server = mockito::Server::new();
    let first = server
        .mock("POST", "/addressbook/optout")
        .match_body(Matcher::Json(serde_json::json!({"mobile": "447930000001"})))
        .match_header("authorization", format!("Bearer {KEY}").as_str())
        .with_body(r#"{"mobile":"447930000001","note":"API","created":1764162000000}"#)
        .expect(1)
        .create();
    let second = server
        .mock("POST", "/addressbook/optout")
        .match_body(Matcher::Json(serde_json::json!({"mobile": "61400111222"})))
        .with_body("{}")
        .expect(1)
        .create();
    let out = optouts(&server.url())
        .args(["add", "+44 (0)7930 000001", "61-400-111-222"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "447930000001 added\n61400111222 added\n");
    assert_eq!(stderr_of(&out), "");
    first.assert();
    second.assert();
}

#[test]
fn dash_reads_numbers_from_stdin() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", "/addressbook/optout")
        .with_body("{}")
        .expect(3)
        .create();
    let out = optouts(&server.url())
        .args(["add", "447930000009", "-"])
        .write_stdin("447930000001\n\n  +61 400 111 222 \n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        "447930000009 added\n447930000001 added\n61400111222 added\n"
    );
    mock.assert();
}

#[test]
fn dash_and_key_stdin_conflict() {
    let out = optouts("http://127.0.0.1:9")
        .args(["add", "-", "--key-stdin"])
        .write_stdin("447930000001\n")
        .output()
        .unwrap();
    assert_clean_failure(&out, 64);
}

#[test]
fn an_invalid_number_is_65_and_the_others_still_apply() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("POST", "/addressbook/optout")
        .with_body("{}")
        .expect(1)
        .create();
    let out = optouts(&server.url())
        .args(["add", "07930 000001", "447930000001"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    assert_eq!(stdout_of(&out), "447930000001 added\n");
    let stderr = stderr_of(&out);
    assert!(
        stderr.starts_with(
            "mobivate: error: not a phone number: '07930 000001' is not in international form"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("1 of 2 number(s) not added"), "{stderr}");
    mock.assert();
}

#[test]
fn a_server_400_for_one_number_is_65() {
    let mut server = mockito::Server::new();
    server
        .mock("POST", "/addressbook/optout")
        .with_status(400)
        .with_body(r#"{"code":400,"message":"Invalid mobile number"}"#)
        .create();
    let out = optouts(&server.url())
        .args(["add", "447930000001"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    assert!(stderr_of(&out).contains("447930000001: the server rejected the request (HTTP 400 Bad Request): \"Invalid mobile number\""));
}

#[test]
fn exit_code_order_rejected_key_beats_network_beats_invalid() {
    // 5xx for everything: network code 69 beats 65.
    let mut server = mockito::Server::new();
    server
        .mock("POST", "/addressbook/optout")
        .with_status(503)
        .create();
    let out = optouts(&server.url())
        .args(["add", "bad", "447930000001"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(69), "{}", stderr_of(&out));

    // A 503, then a 401: 77 beats 69; after the 401 nothing more is sent.
    let mut server = mockito::Server::new();
    server
        .mock("POST", "/addressbook/optout")
        .match_body(Matcher::Json(serde_json::json!({"mobile": "447930000001"})))
        .with_status(503)
        .expect(1)
        .create();
    let rejected = server
        .mock("POST", "/addressbook/optout")
        .match_body(Matcher::Json(serde_json::json!({"mobile": "447930000002"})))
        .with_status(401)
        .expect(1)
        .create();
    let never = server
        .mock("POST", "/addressbook/optout")
        .match_body(Matcher::Json(serde_json::json!({"mobile": "447930000003"})))
        .expect(0)
        .create();
    let out = optouts(&server.url())
        .args(["add", "bad", "447930000001", "447930000002", "447930000003"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(77));
    let stderr = stderr_of(&out);
    assert_eq!(stdout_of(&out), "");
    assert!(
        stderr.contains("447930000002: API key rejected (HTTP 401 Unauthorized)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("447930000003: not tried: the API key was rejected"),
        "{stderr}"
    );
    assert!(stderr.contains("4 of 4 number(s) not added"), "{stderr}");
    assert!(!stderr.contains(KEY));
    rejected.assert();
    never.assert();
}

#[test]
fn out_of_credit_is_77() {
    let mut server = mockito::Server::new();
    server
        .mock("POST", "/addressbook/optout")
        .with_status(402)
        .create();
    let out = optouts(&server.url())
        .args(["add", "447930000001"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(77));
}

#[test]
fn remove_uses_the_addressbook_endpoint() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("DELETE", "/addressbook/optout")
        .match_body(Matcher::Json(serde_json::json!({"mobile": "447930000001"})))
        .with_body("{}")
        .expect(1)
        .create();
    let fallback = server.mock("DELETE", "/optout").expect(0).create();
    let out = optouts(&server.url())
        .args(["-v", "remove", "447930000001"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "447930000001 removed\n");
    assert!(stderr_of(&out).contains("* 447930000001: removed by DELETE /addressbook/optout"));
    mock.assert();
    fallback.assert();
}

#[test]
fn remove_falls_back_to_optout_on_404_and_405() {
    for status in [404, 405] {
        let mut server = mockito::Server::new();
        let first = server
            .mock("DELETE", "/addressbook/optout")
            .with_status(status)
            .expect(1)
            .create();
        let fallback = server
            .mock("DELETE", "/optout")
            .match_body(Matcher::Json(serde_json::json!({"mobile": "447930000001"})))
            .with_body("{}")
            .expect(1)
            .create();
        let out = optouts(&server.url())
            .args(["-v", "remove", "447930000001"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert_eq!(stdout_of(&out), "447930000001 removed\n");
        let stderr = stderr_of(&out);
        assert!(
            stderr.contains(&format!(
                "* DELETE /addressbook/optout answered HTTP {status}; trying DELETE /optout"
            )),
            "{stderr}"
        );
        assert!(
            stderr.contains("* 447930000001: removed by DELETE /optout"),
            "{stderr}"
        );
        first.assert();
        fallback.assert();
    }
}

#[test]
fn remove_when_both_endpoints_say_404_is_65() {
    let mut server = mockito::Server::new();
    server
        .mock("DELETE", "/addressbook/optout")
        .with_status(404)
        .create();
    let fallback = server
        .mock("DELETE", "/optout")
        .with_status(404)
        .expect(1)
        .create();
    let out = optouts(&server.url())
        .args(["remove", "447930000001"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    assert!(stderr_of(&out).contains("not removed"));
    fallback.assert();
}

#[test]
fn a_closed_stdout_still_applies_every_number_then_exits_74() {
    let mut server = mockito::Server::new();
    let count = 3000;
    let mock = server
        .mock("POST", "/addressbook/optout")
        .with_body("{}")
        .expect(count)
        .create();
    let mut child = raw_mobivate()
        .args(["--base-url", &server.url(), "optouts", "add", "-"])
        .env("MOBIVATE_API_KEY", KEY)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before anything is written.
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().unwrap();
    let numbers: String = (0..count).map(|n| format!("4479300{n:05}\n")).collect();
    stdin.write_all(numbers.as_bytes()).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(74), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("every number was still applied"));
    mock.assert();
}

/// `-` reads stdin line by line, each line capped: an endless line ends at
/// once with 65, nothing sent, and memory stays small.
#[test]
fn an_endless_stdin_line_is_65_with_nothing_sent() {
    let mut server = mockito::Server::new();
    let never = server.mock("POST", Matcher::Any).expect(0).create();
    let out = optouts(&server.url())
        .args(["add", "-"])
        .write_stdin(vec![b'4'; 1 << 20])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 65);
    assert!(
        stderr.contains("line 1 of stdin is longer than"),
        "{stderr}"
    );
    never.assert();
}

/// A missing argument is named on the error line, the usage in the hint.
#[test]
fn a_missing_number_is_named() {
    let out = mobivate().args(["optouts", "add"]).output().unwrap();
    let stderr = assert_clean_failure(&out, 64);
    assert!(
        stderr.starts_with("mobivate: error: missing required argument: <NUMBER>"),
        "{stderr}"
    );
}
