//! `mobivate webhooks set|listen` through the real binary.

use crate::common::mock_api::start_mock_api;
use crate::common::*;
use mockito::Matcher;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc::Receiver;
use std::time::Duration;

fn webhooks(base: &str) -> assert_cmd::Command {
    let mut cmd = mobivate();
    cmd.args(["--base-url", base, "--retries", "0", "webhooks"])
        .env("MOBIVATE_API_KEY", KEY);
    cmd
}

#[test]
fn set_registers_the_url_and_prints_the_server_message_on_stderr() {
    for kind in ["receipt", "incoming", "click"] {
        let mut server = mockito::Server::new();
        let mock = server
            .mock("POST", format!("/webhooks/{kind}").as_str())
            .match_body(Matcher::Json(
                serde_json::json!({"url": "https://hooks.example.com/sms"}),
            ))
            .match_header("authorization", format!("Bearer {KEY}").as_str())
            .with_body(r#"{"message":"Webhook updated successfully"}"#)
            .expect(1)
            .create();
        let out = webhooks(&server.url())
            .args(["set", kind, "https://hooks.example.com/sms"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
        assert_eq!(stdout_of(&out), "");
        assert_eq!(stderr_of(&out), "Webhook updated successfully\n");
        mock.assert();
    }
}

#[test]
fn set_refuses_plain_http_to_a_remote_host() {
    let mut server = mockito::Server::new();
    let mock = server.mock("POST", Matcher::Any).expect(0).create();
    for url in [
        "http://hooks.example.com/sms",
        "ftp://hooks.example.com",
        "hooks",
    ] {
        let out = webhooks(&server.url())
            .args(["set", "receipt", url])
            .output()
            .unwrap();
        assert_clean_failure(&out, 65);
    }
    mock.assert();
}

#[test]
fn a_refused_url_is_shown_without_its_query_or_user() {
    let out = webhooks("http://127.0.0.1:9")
        .args([
            "set",
            "receipt",
            "http://user:pw@hooks.example.com/sms?token=t0p-secret",
        ])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 65);
    assert!(
        stderr.contains("\"http://***@hooks.example.com/sms\" is plain http"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("t0p-secret") && !stderr.contains("pw@"),
        "{stderr}"
    );
}

#[test]
fn set_allows_loopback_http_with_a_warning() {
    let mut server = mockito::Server::new();
    server
        .mock("POST", "/webhooks/receipt")
        .with_body(r#"{"message":"Webhook updated successfully"}"#)
        .create();
    let out = webhooks(&server.url())
        .args(["set", "receipt", "http://127.0.0.1:8080/hook"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr_of(&out).starts_with("mobivate: warning: plain http to a loopback address"));
}

#[test]
fn set_with_a_rejected_key_is_77() {
    let mut server = mockito::Server::new();
    server
        .mock("POST", "/webhooks/click")
        .with_status(401)
        .create();
    let out = webhooks(&server.url())
        .args(["set", "click", "https://hooks.example.com"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 77);
}

#[test]
fn set_needs_a_known_kind() {
    let out = webhooks("http://127.0.0.1:9")
        .args(["set", "bounce", "https://hooks.example.com"])
        .output()
        .unwrap();
    assert_clean_failure(&out, 64);
}

struct Listener {
    child: Child,
    port: u16,
    stdout: Receiver<String>,
    stderr: Receiver<String>,
}

fn listen(extra: &[&str]) -> Listener {
    let mut child = raw_mobivate()
        .args(["webhooks", "listen", "--port", "0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = lines_of(child.stdout.take().unwrap());
    let stderr = lines_of(child.stderr.take().unwrap());
    let first = stderr.recv_timeout(Duration::from_secs(20)).unwrap();
    let port = listening_port(&first);
    Listener {
        child,
        port,
        stdout,
        stderr,
    }
}

/// Posts `body` and returns the status line of the answer.
fn post(port: u16, path: &str, body: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer.lines().next().unwrap_or("").to_string()
}

#[cfg(unix)]
fn interrupt(child: &Child) {
    // SAFETY: kill with a pid we own.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
}

/// Ends a command that runs until Ctrl-C, and checks it exits with `code`.
/// On Windows a test cannot send Ctrl-C to a child that has no console
/// (`GenerateConsoleCtrlEvent` fails under wine, see .ci/wine/NOTES.md), so
/// there the child is killed and only what it did before is checked.
fn interrupt_expecting(child: &mut Child, code: i32) {
    #[cfg(unix)]
    {
        interrupt(child);
        assert_eq!(child.wait().unwrap().code(), Some(code));
    }
    #[cfg(not(unix))]
    {
        let _ = code;
        child.kill().unwrap();
        child.wait().unwrap();
    }
}

#[test]
fn listen_prints_each_payload_kind_and_rejects_malformed_ones() {
    let mut listener = listen(&[]);
    let port = listener.port;

    let receipt = r#"{"deliveryMessageId":"d1","batchId":"b1","clientReference":"order-7","created":"2026-11-26T14:00:00+0100","status":"DELIVERED","statusCode":1,"parts":1,"hlr":null}"#;
    assert_eq!(post(port, "/", receipt), "HTTP/1.1 200 OK");
    assert_eq!(
        next_line(&listener.stdout),
        r#"{"kind":"receipt","deliveryMessageId":"d1","batchId":"b1","clientReference":"order-7","created":"2026-11-26T13:00:00Z","status":"DELIVERED","statusCode":1,"parts":1,"hlr":null}"#
    );

    let incoming = r#"{"id":"i1","originator":"447930000001","recipient":"61400111222","body":"STOP","created":"2026-11-26T13:00:00+0000","inReplyTo":"m1","logicalMessageId":"l1","ownerUserId":7}"#;
    assert_eq!(post(port, "/", incoming), "HTTP/1.1 200 OK");
    assert_eq!(
        next_line(&listener.stdout),
        r#"{"kind":"incoming","id":"i1","originator":"447930000001","recipient":"61400111222","body":"STOP","created":"2026-11-26T13:00:00Z","inReplyTo":"m1","logicalMessageId":"l1","ownerUserId":7}"#
    );

    let click = r#"{"messageId":"m1","mobile":"447930000001","batchId":"b1","clientRef":"order-7","browser":"Firefox","country":"GB","ipAddress":"192.0.2.1","iso2l":"gb","os":"Linux","url":"https://x.example"}"#;
    assert_eq!(post(port, "/hooks/click", click), "HTTP/1.1 200 OK");
    assert_eq!(
        next_line(&listener.stdout),
        r#"{"kind":"click","messageId":"m1","mobile":"447930000001","batchId":"b1","clientRef":"order-7","browser":"Firefox","country":"GB","ipAddress":"192.0.2.1","iso2l":"gb","os":"Linux","url":"https://x.example"}"#
    );

    assert_eq!(post(port, "/", "{not json"), "HTTP/1.1 400 Bad Request");
    let warning = next_line(&listener.stderr);
    assert!(
        warning.starts_with("mobivate: warning: rejected a malformed payload from 127.0.0.1:")
            && warning.ends_with(": the body is not JSON"),
        "{warning}"
    );
    assert_eq!(
        post(port, "/", r#"{"hello":"world"}"#),
        "HTTP/1.1 400 Bad Request"
    );
    assert!(next_line(&listener.stderr).ends_with("not a receipt, incoming or click payload"));

    // Still serving after the malformed ones.
    assert_eq!(
        post(port, "/receipt", r#"{"status":"EXPIRED"}"#),
        "HTTP/1.1 200 OK"
    );
    assert_eq!(
        next_line(&listener.stdout),
        r#"{"kind":"receipt","status":"EXPIRED"}"#
    );

    interrupt_expecting(&mut listener.child, 0);
}

#[test]
fn listen_forwards_each_payload_and_reports_the_status() {
    let mut target = mockito::Server::new();
    let receipt = r#"{"deliveryMessageId":"d1","status":"DELIVERED","statusCode":1}"#;
    let mock = target
        .mock("POST", "/local")
        .match_body(receipt)
        .match_header("content-type", "application/json")
        .with_status(202)
        .expect(1)
        .create();
    let url = format!("{}/local", target.url());
    let mut listener = listen(&["--forward", &url]);
    assert_eq!(post(listener.port, "/", receipt), "HTTP/1.1 200 OK");
    assert!(next_line(&listener.stdout).starts_with(r#"{"kind":"receipt","#));
    assert_eq!(
        next_line(&listener.stderr),
        format!("mobivate: forwarded receipt to {url}: HTTP 202")
    );
    mock.assert();
    interrupt_expecting(&mut listener.child, 0);
}

#[test]
fn listen_refuses_a_port_in_use() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = mobivate()
        .args(["webhooks", "listen", "--port", &port])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 69);
    assert!(
        stderr.contains(&format!("cannot listen on 127.0.0.1:{port}")),
        "{stderr}"
    );
}

#[test]
fn listen_ends_quietly_when_its_reader_goes_away() {
    let mut child = raw_mobivate()
        .args(["webhooks", "listen", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let stderr = lines_of(child.stderr.take().unwrap());
    let first = next_line(&stderr);
    let port: u16 = first
        .trim_start_matches("mobivate: listening on http://127.0.0.1:")
        .trim_end_matches("/ (Ctrl-C to stop)")
        .parse()
        .unwrap();
    // Not kept, so not acknowledged: 503, and Mobivate sends it again.
    assert_eq!(
        post(port, "/receipt", r#"{"status":"DELIVERED"}"#),
        "HTTP/1.1 503 Service Unavailable"
    );
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

// ---------- end to end, against the mock API example ----------

#[test]
fn end_to_end_receipt_watch_and_optouts_against_the_mock() {
    let api = start_mock_api(&[]);
    let mut listener = listen(&[]);
    let hook = format!("http://127.0.0.1:{}/receipt", listener.port);
    webhooks(&api.1)
        .args(["set", "receipt", &hook])
        .assert()
        .code(0);

    // `send` is not part of this branch: post the message directly.
    ureq::post(format!("{}/send/single", api.1))
        .header("Authorization", format!("Bearer {KEY}"))
        .header("Content-Type", "application/json")
        .send(r#"{"originator":"Shop","recipient":"447700900123","body":"Hi","routeId":"mglobal","reference":"e2e-1"}"#)
        .unwrap();

    let out = mobivate()
        .args([
            "--base-url",
            &api.1,
            "logs",
            "watch",
            "e2e-1",
            "--interval",
            "1",
            "--wait",
            "1m",
        ])
        .env("MOBIVATE_API_KEY", KEY)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(
        stdout_of(&out)
            .lines()
            .last()
            .unwrap()
            .contains(r#""status":"DELIVERED""#)
    );

    let receipt = next_line(&listener.stdout);
    assert!(receipt.starts_with(r#"{"kind":"receipt","#), "{receipt}");
    assert!(
        receipt.contains(r#""clientReference":"e2e-1""#),
        "{receipt}"
    );
    interrupt_expecting(&mut listener.child, 0);

    let optouts = |args: &[&str]| {
        mobivate()
            .args(["--base-url", &api.1, "optouts"])
            .args(args)
            .env("MOBIVATE_API_KEY", KEY)
            .output()
            .unwrap()
    };
    let out = optouts(&["add", "+44 7700 900555"]);
    assert_eq!(stdout_of(&out), "447700900555 added\n");
    let listed = stdout_of(&optouts(&["list"]));
    assert!(
        listed.contains(r#""mobile":"447700900555","note":"API""#),
        "{listed}"
    );
    // The mock answers 404 on /addressbook/optout, so the fallback answers.
    let out = optouts(&["-v", "remove", "447700900555"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "447700900555 removed\n");
    assert!(stderr_of(&out).contains("removed by DELETE /optout"));
}

// Ctrl-C as SIGINT. A Windows test cannot send Ctrl-C to a child without a
// console (GenerateConsoleCtrlEvent fails, under wine too); the console
// check of .ci/windows-tests.sh covers Ctrl-C at a prompt.
#[cfg(unix)]
#[test]
fn watch_ends_with_130_on_ctrl_c() {
    let server = crate::common::server::scripted(
        vec![crate::common::server::json_reply(200, "OK", "[]")],
        None,
    );
    let child = raw_mobivate()
        .args([
            "--base-url",
            &server.url(),
            "logs",
            "watch",
            "r",
            "--interval",
            "1m",
        ])
        .env("MOBIVATE_API_KEY", KEY)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the first read of the log, then interrupt the pause.
    while server.request_count() == 0 {
        std::thread::sleep(Duration::from_millis(20));
    }
    interrupt(&child);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(stderr_of(&out), "");
}
