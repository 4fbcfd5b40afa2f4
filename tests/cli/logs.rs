//! `mobivate logs list|get|watch` through the real binary: paging, limits,
//! the four list formats, closed pipes, dates on the wire, and watching a
//! message to its final status.

use crate::common::server::{json_reply, scripted};
use crate::common::*;
use mockito::Matcher;
use std::io::{BufRead, BufReader};
use std::process::Stdio;

fn page(from: usize, count: usize) -> String {
    serde_json::Value::Array(
        (from..from + count)
            .map(|n| message_record(n, "DELIVERED"))
            .collect(),
    )
    .to_string()
}

fn page_matcher(page: u64, size: u64) -> Matcher {
    Matcher::AllOf(vec![
        Matcher::UrlEncoded("page".into(), page.to_string()),
        Matcher::UrlEncoded("pageSize".into(), size.to_string()),
    ])
}

fn logs(base: &str) -> assert_cmd::Command {
    let mut cmd = mobivate();
    cmd.args(["--base-url", base, "--retries", "0", "logs"])
        .env("MOBIVATE_API_KEY", KEY);
    cmd
}

fn paged_server(pages: &[usize]) -> (mockito::ServerGuard, Vec<mockito::Mock>) {
    let mut server = mockito::Server::new();
    let mut mocks = Vec::new();
    let mut from = 0;
    for (index, count) in pages.iter().enumerate() {
        mocks.push(
            server
                .mock("GET", "/message")
                .match_query(page_matcher(index as u64 + 1, 1000))
                .match_header("authorization", format!("Bearer {KEY}").as_str())
                .with_body(page(from, *count))
                .expect(1)
                .create(),
        );
        from += count;
    }
    // Any page past the script is a request too many.
    mocks.push(
        server
            .mock("GET", "/message")
            .match_query(Matcher::UrlEncoded(
                "page".into(),
                (pages.len() + 1).to_string(),
            ))
            .with_body("[]")
            .expect(0)
            .create(),
    );
    (server, mocks)
}

#[test]
fn pages_until_a_short_one_with_exactly_the_requests_needed() {
    let (server, mocks) = paged_server(&[1000, 1000, 500]);
    let out = logs(&server.url()).args(["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stdout = stdout_of(&out);
    assert_eq!(stdout.lines().count(), 2500);
    assert!(
        stdout
            .lines()
            .last()
            .unwrap()
            .contains(&format!("\"id\":\"{:032x}\"", 2499))
    );
    for mock in mocks {
        mock.assert();
    }
}

#[test]
fn a_full_last_page_costs_one_empty_request() {
    let (server, mocks) = paged_server(&[1000, 1000, 0]);
    let out = logs(&server.url()).args(["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out).lines().count(), 2000);
    for mock in mocks {
        mock.assert();
    }
}

#[test]
fn limit_smaller_than_a_page_is_the_page_size() {
    let mut server = mockito::Server::new();
    let first = server
        .mock("GET", "/message")
        .match_query(page_matcher(1, 5))
        .with_body(page(0, 5))
        .expect(1)
        .create();
    let more = server
        .mock("GET", "/message")
        .match_query(Matcher::UrlEncoded("page".into(), "2".into()))
        .expect(0)
        .create();
    let out = logs(&server.url())
        .args(["list", "--limit", "5"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out).lines().count(), 5);
    first.assert();
    more.assert();
}

#[test]
fn limit_stops_asking_for_pages() {
    // Pages 1 and 2 are full; page 3 must never be asked for.
    let (server, mocks) = paged_server(&[1000, 1000]);
    let out = logs(&server.url())
        .args(["list", "--limit", "1500"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out).lines().count(), 1500);
    for mock in mocks {
        mock.assert();
    }
}

#[test]
fn limit_zero_is_unusable() {
    let out = logs("http://127.0.0.1:9")
        .args(["list", "--limit", "0"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 65);
    assert!(stderr.contains("--limit 0"), "{stderr}");
}

const TWO: &str = r#"[
 {"id":"a1","created":"2026-11-26T13:00:00+0000","modified":"2026-11-26T13:05:00+0000","originator":"Shop","recipient":"447930000001","body":"Hi, \"you\"","status":"DELIVERED","direction":"MT","inReplyTo":null,"routeId":"mglobal","parts":1,"cost":0.05,"currency":"AUD","senderReference":"r1","campaignId":null},
 {"id":"b2","created":"2026-11-26T14:30:00+0000","modified":null,"originator":"Shop","recipient":"447930000002","body":"Line1\nLine2","status":"FAILED_NOROUTE","direction":"MT","inReplyTo":null,"routeId":"mglobal","parts":2,"cost":"0.10","currency":"AUD","senderReference":null,"campaignId":"c9"}
]"#;

fn formatted(format: &str) -> String {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/message")
        .match_query(Matcher::Any)
        .with_body(TWO)
        .create();
    let out = logs(&server.url())
        .args(["list", "--format", format])
        .env("TZ", "Asia/Kolkata")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn jsonl_keeps_the_api_names_with_utc_dates() {
    assert_eq!(
        formatted("jsonl"),
        concat!(
            r#"{"id":"a1","created":"2026-11-26T13:00:00Z","modified":"2026-11-26T13:05:00Z","originator":"Shop","recipient":"447930000001","body":"Hi, \"you\"","status":"DELIVERED","direction":"MT","inReplyTo":null,"routeId":"mglobal","parts":1,"cost":0.05,"currency":"AUD","senderReference":"r1","campaignId":null}"#,
            "\n",
            r#"{"id":"b2","created":"2026-11-26T14:30:00Z","modified":null,"originator":"Shop","recipient":"447930000002","body":"Line1\nLine2","status":"FAILED_NOROUTE","direction":"MT","inReplyTo":null,"routeId":"mglobal","parts":2,"cost":"0.10","currency":"AUD","senderReference":null,"campaignId":"c9"}"#,
            "\n"
        )
    );
}

#[test]
fn json_is_one_array() {
    assert_eq!(
        formatted("json"),
        concat!(
            "[\n",
            r#"{"id":"a1","created":"2026-11-26T13:00:00Z","modified":"2026-11-26T13:05:00Z","originator":"Shop","recipient":"447930000001","body":"Hi, \"you\"","status":"DELIVERED","direction":"MT","inReplyTo":null,"routeId":"mglobal","parts":1,"cost":0.05,"currency":"AUD","senderReference":"r1","campaignId":null}"#,
            ",\n",
            r#"{"id":"b2","created":"2026-11-26T14:30:00Z","modified":null,"originator":"Shop","recipient":"447930000002","body":"Line1\nLine2","status":"FAILED_NOROUTE","direction":"MT","inReplyTo":null,"routeId":"mglobal","parts":2,"cost":"0.10","currency":"AUD","senderReference":null,"campaignId":"c9"}"#,
            "\n]\n"
        )
    );
}

#[test]
fn csv_is_rfc_4180_with_a_header() {
    assert_eq!(
        formatted("csv"),
        "id,created,modified,originator,recipient,body,status,direction,inReplyTo,routeId,parts,cost,currency,senderReference,campaignId\r\n\
         a1,2026-11-26T13:00:00Z,2026-11-26T13:05:00Z,Shop,447930000001,\"Hi, \"\"you\"\"\",DELIVERED,MT,,mglobal,1,0.05,AUD,r1,\r\n\
         b2,2026-11-26T14:30:00Z,,Shop,447930000002,\"Line1\nLine2\",FAILED_NOROUTE,MT,,mglobal,2,0.10,AUD,,c9\r\n"
    );
}

#[test]
fn table_has_aligned_columns_in_local_time() {
    assert_eq!(
        formatted("table"),
        "ID  TIME                 DIRECTION  RECIPIENT     ORIGINATOR  STATUS                  PARTS  COST      REFERENCE\n\
         a1  2026-11-26 18:30:00  MT         447930000001  Shop        DELIVERED               1      0.05 AUD  r1\n\
         b2  2026-11-26 20:00:00  MT         447930000002  Shop        FAILED_NOROUTE          2      0.10 AUD\n"
    );
}

#[test]
fn table_fits_the_terminal_width() {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/message")
        .match_query(Matcher::Any)
        .with_body(TWO)
        .create();
    let out = logs(&server.url())
        .args(["list", "--format", "table"])
        .env("TZ", "UTC")
        .env("COLUMNS", "60")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stdout = stdout_of(&out);
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(stdout.lines().all(|l| l.chars().count() <= 60), "{stdout}");
}

#[test]
fn a_pipe_gets_jsonl_by_default() {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/message")
        .match_query(Matcher::Any)
        .with_body(TWO)
        .create();
    let out = logs(&server.url()).args(["list"]).output().unwrap();
    assert_eq!(stdout_of(&out), formatted("jsonl"));
}

#[test]
fn head_1_ends_quietly_with_0() {
    let (server, _mocks) = paged_server(&[1000, 1000, 1000, 1000, 10]);
    let mut child = raw_mobivate()
        .args([
            "--base-url",
            &server.url(),
            "logs",
            "list",
            "--format",
            "jsonl",
        ])
        .env("MOBIVATE_API_KEY", KEY)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"id\":"), "{first}");
    // The reader is gone: the rest of the listing hits a closed pipe.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
}

#[test]
fn dates_go_on_the_wire_in_utc_with_an_encoded_plus() {
    let server = scripted(vec![json_reply(200, "OK", "[]")], None);
    let out = logs(&server.url())
        .args([
            "list",
            "--since",
            "2026-11-01",
            "--until",
            "2026-11-02T10:00:00+02:00",
            "--direction",
            "mo",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let requests = server.requests.lock().unwrap();
    assert_eq!(requests.len(), 1);
    let request_line = requests[0].lines().next().unwrap();
    assert_eq!(
        request_line,
        "GET /message?startDate=2026-11-01T00:00:00%2B0000&endDate=2026-11-02T08:00:00%2B0000&direction=MO&page=1&pageSize=1000 HTTP/1.1"
    );
}

#[test]
fn relative_spans_mean_that_long_ago() {
    let server = scripted(vec![json_reply(200, "OK", "[]")], None);
    let out = logs(&server.url())
        .args(["list", "--since", "3h", "--until", "1h30m"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let requests = server.requests.lock().unwrap();
    let line = requests[0].lines().next().unwrap().to_string();
    let date = |name: &str| -> i64 {
        let start = line.find(&format!("{name}=")).unwrap() + name.len() + 1;
        let text = &line[start..start + 26];
        let text = text.replace("%2B0000", "Z");
        chrono_free_seconds(&text)
    };
    // Both resolved against one `now`: exactly 90 minutes apart.
    assert_eq!(date("endDate") - date("startDate"), 90 * 60);
}

/// Seconds of `YYYY-MM-DDTHH:MM:SSZ` since an arbitrary origin, enough for differences.
fn chrono_free_seconds(text: &str) -> i64 {
    let n = |range: std::ops::Range<usize>| text[range].parse::<i64>().unwrap();
    ((n(8..10) * 24 + n(11..13)) * 60 + n(14..16)) * 60 + n(17..19)
}

#[test]
fn the_default_is_the_last_24_hours() {
    let server = scripted(vec![json_reply(200, "OK", "[]")], None);
    let out = logs(&server.url()).args(["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let requests = server.requests.lock().unwrap();
    let line = requests[0].lines().next().unwrap();
    let start = line.find("startDate=").unwrap() + 10;
    let end = line.find("endDate=").unwrap() + 8;
    let (s, e) = (&line[start..start + 19], &line[end..end + 19]);
    // The same time of day, one day apart.
    assert_eq!(s[11..], e[11..], "{line}");
    assert_ne!(s[..10], e[..10], "{line}");
}

#[test]
fn until_before_since_is_a_usage_error() {
    let out = logs("http://127.0.0.1:9")
        .args(["list", "--since", "1h", "--until", "2h"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 64);
    assert!(stderr.contains("--until"), "{stderr}");
}

#[test]
fn a_malformed_when_is_a_usage_error() {
    let out = logs("http://127.0.0.1:9")
        .args(["list", "--since", "yesterday"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 64);
    assert!(stderr.contains("is not a time"), "{stderr}");
}

#[test]
fn a_start_in_the_future_is_unusable() {
    let out = logs("http://127.0.0.1:9")
        .args(["list", "--since", "2999-01-01", "--until", "2999-01-02"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 65);
    assert!(stderr.contains("in the future"), "{stderr}");
}

#[test]
fn the_tool_filters_status_recipient_reference_and_campaign() {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/message")
        .match_query(Matcher::Any)
        .with_body(TWO)
        .create();
    let ids = |args: &[&str]| -> Vec<String> {
        let out = logs(&server.url()).arg("list").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        stdout_of(&out)
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(ids(&["--status", "failed_noroute"]), ["b2"]);
    assert_eq!(
        ids(&["--status", "DELIVERED", "--status", "FAILED_NOROUTE"]),
        ["a1", "b2"]
    );
    assert_eq!(ids(&["--recipient", "+44 7930 000001"]), ["a1"]);
    assert_eq!(ids(&["--reference", "r1"]), ["a1"]);
    assert_eq!(ids(&["--campaign-id", "c9"]), ["b2"]);
    let out = logs(&server.url())
        .args(["list", "--recipient", "07930"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 65);
}

#[test]
fn list_statuses_map_to_exit_codes() {
    for (status, code) in [(401, 77), (403, 77), (402, 77), (500, 69), (503, 69)] {
        let mut server = mockito::Server::new();
        server
            .mock("GET", "/message")
            .match_query(Matcher::Any)
            .with_status(status)
            .with_body(r#"{"code":0,"message":"nope"}"#)
            .create();
        let out = logs(&server.url()).args(["list"]).output().unwrap();
        assert_clean_failure(&out, code);
    }
}

#[test]
fn server_errors_are_retried_because_lists_are_reads() {
    let server = scripted(
        vec![
            json_reply(503, "Service Unavailable", "{}"),
            json_reply(200, "OK", "[]"),
        ],
        None,
    );
    let out = mobivate()
        .args([
            "--base-url",
            &server.url(),
            "--retries",
            "1",
            "logs",
            "list",
        ])
        .env("MOBIVATE_API_KEY", KEY)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(server.request_count(), 2);
}

#[test]
fn no_key_without_a_terminal_is_64() {
    let out = mobivate()
        .args(["--base-url", "http://127.0.0.1:9", "logs", "list"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 64);
    assert!(stderr.contains("no API key"), "{stderr}");
}

#[test]
fn get_prints_one_record() {
    let mut server = mockito::Server::new();
    let record = serde_json::from_str::<serde_json::Value>(TWO).unwrap()[0].to_string();
    server
        .mock("GET", "/message/a1")
        .with_body(&record)
        .create();
    let out = logs(&server.url())
        .args(["get", "a1", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        format!("{}\n", formatted("jsonl").lines().next().unwrap())
    );
    let out = logs(&server.url()).args(["get", "a1"]).output().unwrap();
    let text = stdout_of(&out);
    assert!(
        text.starts_with("id               a1\ncreated          2026-11-26T13:00:00Z\n"),
        "{text}"
    );
    assert!(text.contains("\nbody             Hi, \"you\"\n"), "{text}");
}

#[test]
fn get_of_a_missing_record_is_66() {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/message/nope")
        .with_status(404)
        .with_body(r#"{"code":404,"message":"Not Found"}"#)
        .create();
    let out = logs(&server.url()).args(["get", "nope"]).output().unwrap();
    let stderr = assert_clean_failure(&out, 66);
    assert_eq!(stderr, "mobivate: error: no message with id nope\n");
}

#[test]
fn get_encodes_the_id_into_one_path_segment() {
    let mut server = mockito::Server::new();
    let mock = server
        .mock("GET", "/message/a%2F..%2Fb")
        .with_status(404)
        .create();
    let out = logs(&server.url())
        .args(["get", "a/../b"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 66);
    mock.assert();
}

fn watch_page(statuses: &[(&str, &str)]) -> String {
    let records: Vec<serde_json::Value> = statuses
        .iter()
        .map(|(id, status)| {
            let mut m = message_record(0, status);
            m["id"] = (*id).into();
            m["senderReference"] = "order-7".into();
            m
        })
        .collect();
    serde_json::Value::Array(records).to_string()
}

#[test]
fn watch_prints_each_change_and_ends_at_a_final_status() {
    let server = scripted(
        vec![
            json_reply(200, "OK", &watch_page(&[("m1", "ACCEPTED")])),
            json_reply(200, "OK", &watch_page(&[("m1", "ACCEPTED")])),
            json_reply(200, "OK", &watch_page(&[("m1", "DELIVERED")])),
        ],
        None,
    );
    let out = logs(&server.url())
        .args(["watch", "order-7", "--interval", "1", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let statuses: Vec<String> = stdout_of(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["status"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(statuses, ["ACCEPTED", "DELIVERED"]);
    assert_eq!(server.request_count(), 3);
    let first = server.requests.lock().unwrap()[0].clone();
    assert!(first.contains("direction=MT"), "{first}");
}

#[test]
fn watch_ignores_other_references_and_follows_a_campaign() {
    let mut other = message_record(1, "ACCEPTED");
    other["campaignId"] = "c-2".into();
    let mut mine = message_record(2, "FAILED_NOROUTE");
    mine["campaignId"] = "c-1".into();
    let server = scripted(
        vec![json_reply(
            200,
            "OK",
            &serde_json::json!([other, mine]).to_string(),
        )],
        None,
    );
    let out = logs(&server.url())
        .args(["watch", "--campaign-id", "c-1", "--interval", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out).lines().count(), 1);
    assert!(stdout_of(&out).contains("FAILED_NOROUTE"));
}

#[test]
fn watch_gives_up_with_75_when_nothing_is_found() {
    let server = scripted(vec![json_reply(200, "OK", "[]")], None);
    let out = logs(&server.url())
        .args(["watch", "order-7", "--interval", "1", "--wait", "1"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 75);
    assert!(
        stderr.contains("no message with reference order-7 found after 1s"),
        "{stderr}"
    );
}

#[test]
fn watch_needs_a_reference_or_a_campaign() {
    let out = logs("http://127.0.0.1:9").args(["watch"]).output().unwrap();
    assert_clean_failure(&out, 64);
    let out = logs("http://127.0.0.1:9")
        .args(["watch", "r", "--campaign-id", "c"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 64);
    let out = logs("http://127.0.0.1:9")
        .args(["watch", "r", "--interval", "0"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 65);
}

#[test]
fn a_page_is_read_up_to_16_mib() {
    let server = scripted(
        vec![crate::common::server::Reply::Endless(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                .to_string(),
        )],
        None,
    );
    let out = logs(&server.url()).args(["list"]).output().unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert!(
        stderr.contains("the response body is larger than 16 MiB"),
        "{stderr}"
    );
}

#[test]
fn watch_as_a_table_prints_later_statuses_in_full_under_one_header() {
    let server = scripted(
        vec![
            json_reply(200, "OK", &watch_page(&[("m1", "ACCEPTED")])),
            json_reply(200, "OK", &watch_page(&[("m1", "FAILED_LIMITS_EXCEEDED")])),
        ],
        None,
    );
    let out = logs(&server.url())
        .args(["watch", "order-7", "--interval", "1", "--format", "table"])
        .env("TZ", "UTC")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stdout = stdout_of(&out);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(lines[0].starts_with("ID  TIME "), "{stdout}");
    assert!(lines[2].contains(" FAILED_LIMITS_EXCEEDED "), "{stdout}");
    assert_eq!(
        lines[1].find("ACCEPTED"),
        lines[2].find("FAILED_"),
        "{stdout}"
    );
}

#[test]
fn a_failure_half_way_keeps_what_was_listed() {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/message")
        .match_query(page_matcher(1, 1000))
        .with_body(page(0, 1000))
        .create();
    server
        .mock("GET", "/message")
        .match_query(page_matcher(2, 1000))
        .with_status(500)
        .create();
    let out = logs(&server.url()).args(["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(69));
    assert_eq!(stdout_of(&out).lines().count(), 1000);
    assert!(stderr_of(&out).starts_with("mobivate: error: server error (HTTP 500"));
}

#[cfg(unix)] // a pseudo-terminal
/// Runs `logs list` with stdout on a pty `columns` wide; returns what the
/// terminal showed.
fn list_on_a_terminal(base: &str, columns: u16) -> (Option<i32>, String) {
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};
    let (mut master_fd, mut slave_fd) = (0, 0);
    let mut size = libc::winsize {
        ws_row: 24,
        ws_col: columns,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty fills both fds on success; the winsize is read only.
    let rc = unsafe {
        libc::openpty(
            &mut master_fd,
            &mut slave_fd,
            std::ptr::null_mut(),
            // null_mut: macOS declares the termios `*mut`, Linux `*const`.
            std::ptr::null_mut(),
            &raw mut size,
        )
    };
    assert_eq!(rc, 0, "openpty failed");
    // SAFETY: both fds were just returned by openpty and are owned here.
    let mut master = unsafe { std::fs::File::from_raw_fd(master_fd) };
    let slave = unsafe { OwnedFd::from_raw_fd(slave_fd) };
    let mut child = raw_mobivate()
        .args(["--base-url", base, "logs", "list"])
        .env("MOBIVATE_API_KEY", KEY)
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .stdout(Stdio::from(slave))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = child.wait().unwrap();
    // The child's end is closed: read what is left, until EIO.
    let mut shown = Vec::new();
    let _ = master.read_to_end(&mut shown);
    (
        status.code(),
        String::from_utf8_lossy(&shown).replace("\r\n", "\n"),
    )
}

#[cfg(unix)] // a pseudo-terminal
#[test]
fn a_terminal_gets_a_table_that_fits_its_width() {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/message")
        .match_query(Matcher::Any)
        .with_body(TWO)
        .create();
    let (code, shown) = list_on_a_terminal(&server.url(), 80);
    assert_eq!(code, Some(0), "{shown}");
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 3, "{shown}");
    assert!(lines[0].starts_with("ID  TIME "), "{shown}");
    assert!(lines[1].starts_with("a1  11-26 13:00 "), "{shown}");
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{shown}");
    // The id, the time (short, at this width), the recipient and the status
    // are kept whole.
    assert!(lines[2].starts_with("b2  11-26 14:30  "), "{shown}");
    assert!(lines[2].contains(" 447930000002 "), "{shown}");
    assert!(lines[2].contains(" FAILED_NOROUTE "), "{shown}");
}

/// A redirect is never followed, and its target is shown without user
/// information or query string.
#[test]
fn a_redirect_target_is_shown_without_userinfo_or_query() {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/message")
        .match_query(Matcher::Any)
        .with_status(302)
        .with_header("Location", "https://user:hunter2@evil.example/x?token=abc")
        .create();
    let out = logs(&server.url()).args(["list"]).output().unwrap();
    let stderr = assert_clean_failure(&out, 76);
    assert!(stderr.contains("***@evil.example"), "{stderr}");
    assert!(
        !stderr.contains("hunter2") && !stderr.contains("token=abc"),
        "{stderr}"
    );
}
