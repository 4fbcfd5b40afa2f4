//! `mobivate bulk FILE --status` through the real binary: a run sent to the
//! mock (`--delivery-mix`), then its delivery report, checked against what
//! the mock holds (`GET /message`).

use crate::common::mock_api::{MockApi, bulk, message_page, start_mock_api};
#[cfg(unix)]
use crate::common::server::Reply;
use crate::common::server::{json_reply, scripted};
use crate::common::{KEY, mobivate, stderr_of, stdout_of, write};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

/// Recipients whose status is final 1 s after acceptance under
/// `--delivery-mix` (4477009041 mod 51 = 0), the last two digits chosen so
/// that some fail: 90 UNDELIVERABLE, 93 EXPIRED, 95 REJECTED, 96 FAILED_NACK.
fn list(dir: &Path) -> std::path::PathBuf {
    let mut csv = String::from("recipient,name\n");
    for last in [1, 2, 3, 4, 5, 6, 7, 8, 90, 93, 95, 96] {
        csv.push_str(&format!("4477009041{last:02},N{last}\n"));
    }
    csv.push_str("not-a-number,Bad\n");
    write(dir, "list.csv", &csv)
}

fn send(api: &MockApi, file: &Path) {
    let output = bulk(api, file)
        .args(["--text", "Hi {{name}}", "--from", "Shop", "--skip-invalid"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
}

/// `bulk FILE --status` with the run's options.
fn status(url: &str, file: &Path) -> assert_cmd::Command {
    let mut cmd = mobivate();
    cmd.env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", url, "bulk"])
        .arg(file)
        .args([
            "--text",
            "Hi {{name}}",
            "--from",
            "Shop",
            "--skip-invalid",
            "--status",
        ]);
    cmd
}

/// Every outgoing record the mock holds, by reference.
fn log(api: &MockApi) -> HashMap<String, Value> {
    let records = message_page(
        &api.url(),
        "startDate=2000-01-01T00:00:00%2B0000&endDate=2100-01-01T00:00:00%2B0000&page=1&pageSize=1000",
    );
    records
        .into_iter()
        .map(|r| (r["senderReference"].as_str().unwrap().to_string(), r))
        .collect()
}

fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn the_report_matches_the_log_row_by_row() {
    let api = start_mock_api(&["--delivery-mix"]);
    let dir = tempfile::tempdir().unwrap();
    let file = list(dir.path());
    send(&api, &file);
    // --watch until every row is final: the count line on stdout each time
    // it changes, exit 0.
    let output = status(&api.url(), &file)
        .args(["--watch", "--interval", "1s", "--wait", "30s", "--yes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    assert!(
        stdout.ends_with("delivered 8, failed 4, pending 0, missing 0 (of 12 accepted)\n"),
        "{stdout}"
    );
    for line in stdout.lines() {
        assert!(line.starts_with("delivered "), "{stdout}");
    }
    assert_eq!(stderr_of(&output), "", "quiet without a terminal or -v");
    let journal = dir.path().join("list.csv.mobivate-journal");
    let before = std::fs::read(&journal).unwrap();
    let report = dir.path().join("report.jsonl");
    let output = status(&api.url(), &file)
        .arg("--report")
        .arg(&report)
        .arg("-v")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "delivered 8, failed 4, pending 0, missing 0 (of 12 accepted)\n"
    );
    let stderr = stderr_of(&output);
    assert!(stderr.contains("parts: 12, cost: 0.12 GBP\n"), "{stderr}");
    assert!(
        stderr.contains("delivery time: median 1s, p90 1s, p99 1s, max 1s\n"),
        "{stderr}"
    );
    let failures = ["EXPIRED", "FAILED_NACK", "REJECTED", "UNDELIVERABLE"]
        .map(|name| format!("  failed 1: {name}\n"))
        .concat();
    assert!(stderr.contains(&failures), "{stderr}");
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        before,
        "the journal is only read"
    );
    let held = log(&api);
    let lines = lines(&report);
    assert_eq!(lines.len(), 13);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["row"], i as u64 + 1);
        if line["recipient"] == "not-a-number" {
            assert_eq!(line["state"], "invalid");
            assert_eq!(line["status"], Value::Null);
            continue;
        }
        let record = &held[line["reference"].as_str().unwrap()];
        assert_eq!(line["state"], "accepted");
        assert_eq!(line["status"], record["status"], "{line}");
        assert_eq!(line["messageId"], record["id"]);
        assert_eq!(line["campaignId"], record["campaignId"]);
        assert_eq!(line["recipient"], record["recipient"]);
        assert_eq!(line["parts"], 1);
        assert_eq!(line["cost"], json!(0.01));
        let modified = record["modified"].as_str().unwrap().replace("+0000", "Z");
        assert_eq!(line["final"], modified.as_str());
        assert!(line["sent"].as_str().unwrap().ends_with('Z'));
        let keys: Vec<&str> = line
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "row",
                "recipient",
                "reference",
                "campaignId",
                "state",
                "messageId",
                "status",
                "parts",
                "cost",
                "sent",
                "final"
            ]
        );
    }
    // --format json: one object; the time span is the requests'.
    let output = status(&api.url(), &file)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let sent = lines[0]["sent"].as_str().unwrap();
    let expected = json!({
        "delivered": 8, "failed": 4, "pending": 0, "missing": 0, "accepted": 12,
        "failures": {"EXPIRED": 1, "FAILED_NACK": 1, "REJECTED": 1, "UNDELIVERABLE": 1},
        "parts": 12, "cost": 0.12, "currency": "GBP",
        "deliverySeconds": {"p50": 1, "p90": 1, "p99": 1, "max": 1},
        "campaigns": 1, "firstSent": sent, "lastSent": sent,
    });
    assert_eq!(stdout_of(&output), format!("{expected}\n"));
    // --html: the page, written through the guarded writer.
    let page = dir.path().join("page.html");
    let output = status(&api.url(), &file)
        .arg("--html")
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains(r#"id="delivered" data-value="8""#), "{html}");
}

#[test]
fn rows_not_final_yet_exit_75_and_wait_expires() {
    let api = start_mock_api(&["--delivery-mix"]);
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "later.csv",
        "recipient\n447700904101\n447700904102\n",
    );
    let send = bulk(&api, &file)
        .args([
            "--text",
            "Hi",
            "--from",
            "Shop",
            "--skip-invalid",
            "--schedule",
            "+1h",
        ])
        .output()
        .unwrap();
    assert_eq!(send.status.code(), Some(0), "{}", stderr_of(&send));
    let line = "delivered 0, failed 0, pending 2, missing 0 (of 2 accepted)\n";
    let run = |extra: &[&str]| {
        let mut cmd = mobivate();
        cmd.env("MOBIVATE_API_KEY", KEY)
            .args(["--base-url", &api.url(), "bulk"])
            .arg(&file)
            .args(["--text", "Hi", "--from", "Shop", "--skip-invalid"])
            .args(["--schedule", "+1h", "--status"])
            .args(extra);
        cmd.output().unwrap()
    };
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(75), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), line);
    let started = Instant::now();
    let output = run(&["--watch", "--interval", "1s", "--wait", "2s"]);
    assert_eq!(output.status.code(), Some(75), "{}", stderr_of(&output));
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(stdout_of(&output), line, "printed once: it never changed");
    assert!(stderr_of(&output).contains("2 rows are still pending"));
}

#[test]
fn without_a_journal_it_exits_66_and_creates_none() {
    let dir = tempfile::tempdir().unwrap();
    let file = list(dir.path());
    let output = status("http://127.0.0.1:9", &file).output().unwrap();
    assert_eq!(output.status.code(), Some(66));
    assert_eq!(stdout_of(&output), "");
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains(&format!(
            "no journal for {}: nothing has been sent from it",
            file.display()
        )),
        "{stderr}"
    );
    assert!(!dir.path().join("list.csv.mobivate-journal").exists());
}

#[test]
fn other_options_or_a_changed_file_exit_65() {
    let api = start_mock_api(&["--delivery-mix"]);
    let dir = tempfile::tempdir().unwrap();
    let file = list(dir.path());
    send(&api, &file);
    let mut cmd = mobivate();
    let output = cmd
        .env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", &api.url(), "bulk"])
        .arg(&file)
        .args([
            "--text",
            "Hello {{name}}",
            "--from",
            "Shop",
            "--skip-invalid",
            "--status",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    assert_eq!(stdout_of(&output), "");
    assert!(stderr_of(&output).contains("the options that shape the messages have changed"));
    let mut csv = std::fs::read_to_string(&file).unwrap();
    csv.push_str("447700904199,New\n");
    std::fs::write(&file, csv).unwrap();
    let output = status(&api.url(), &file).output().unwrap();
    assert_eq!(output.status.code(), Some(65));
    assert!(stderr_of(&output).contains("has changed since the journal"));
}

#[test]
fn status_flags_need_status_and_modes_exclude_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = list(dir.path());
    let page = dir.path().join("p.html");
    let page = page.to_str().unwrap();
    for flags in [
        vec!["--watch"],
        vec!["--interval", "5s"],
        vec!["--wait", "1m"],
        vec!["--html", page],
    ] {
        let output = mobivate()
            .arg("bulk")
            .arg(&file)
            .args(&flags)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(64), "{flags:?}");
        assert!(stderr_of(&output).contains(&format!("{} needs --status", flags[0])));
    }
    for flag in ["--check", "--dry-run", "--restart", "--resend-unknown"] {
        let output = status("http://127.0.0.1:9", &file)
            .arg(flag)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(64), "{flag}");
        assert!(stderr_of(&output).contains(&format!("--status cannot be combined with {flag}")));
    }
    let output = status("http://127.0.0.1:9", &file)
        .args(["--watch", "--interval", "0s"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    assert!(!Path::new(page).exists());
}

/// The log's answer for two rows with their own references.
fn two_records(cost: [&str; 2]) -> String {
    format!(
        r#"[{{"id":"A1","senderReference":"ref-1","recipient":"447700904101","status":"DELIVERED","parts":1,"cost":{},"currency":"GBP","created":"2026-12-01T10:00:00+0000","modified":"2026-12-01T10:00:03+0000"}},{{"id":"A2","senderReference":"ref-2","recipient":"447700904102","status":"EXPIRED","parts":2,"cost":{},"currency":"GBP","created":"2026-12-01T10:00:00+0000","modified":"2026-12-01T10:00:09+0000"}}]"#,
        cost[0], cost[1]
    )
}

#[test]
fn cost_is_summed_exactly() {
    let api = start_mock_api(&[]);
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "own.csv",
        "recipient,reference\n447700904101,ref-1\n447700904102,ref-2\n",
    );
    let output = bulk(&api, &file)
        .args(["--text", "Hi", "--from", "Shop"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let server = scripted(
        vec![json_reply(200, "OK", &two_records(["0.1", "0.2"]))],
        None,
    );
    let report = dir.path().join("r.jsonl");
    let output = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", &server.url(), "bulk"])
        .arg(&file)
        .args([
            "--text", "Hi", "--from", "Shop", "--status", "--format", "json",
        ])
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    assert!(
        stdout.contains(r#""parts":3,"cost":0.3,"currency":"GBP","#),
        "{stdout}"
    );
    assert!(
        stdout.contains(r#""deliverySeconds":{"p50":3,"p90":3,"p99":3,"max":3}"#),
        "{stdout}"
    );
    assert!(stdout.contains(r#""failures":{"EXPIRED":1}"#), "{stdout}");
    let lines = lines(&report);
    assert_eq!(lines[1]["final"], "2026-12-01T10:00:09Z");
    assert_eq!(lines[1]["status"], "EXPIRED");
    assert_eq!(lines[1]["cost"], json!(0.2));
    // Several currencies: `cost` is an object, currency → sum.
    let body = two_records(["0.1", "0.2"]).replacen("GBP", "EUR", 1);
    let server = scripted(vec![json_reply(200, "OK", &body)], None);
    let output = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", &server.url(), "bulk"])
        .arg(&file)
        .args([
            "--text", "Hi", "--from", "Shop", "--status", "--format", "json",
        ])
        .output()
        .unwrap();
    let stdout = stdout_of(&output);
    assert!(
        stdout.contains(r#""cost":{"EUR":0.1,"GBP":0.2},"currency":null,"#),
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_a_read_of_the_log_exits_130_within_a_second() {
    let api = start_mock_api(&[]);
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "one.csv", "recipient\n447700904101\n");
    let output = bulk(&api, &file)
        .args(["--text", "Hi", "--from", "Shop"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let server = scripted(vec![Reply::Hang; 4], None);
    let mut child = crate::common::raw_mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", &server.url(), "--timeout", "30", "bulk"])
        .arg(&file)
        .args([
            "--text",
            "Hi",
            "--from",
            "Shop",
            "--status",
            "--watch",
            "--interval",
            "1s",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let asked = Instant::now() + Duration::from_secs(20);
    while server.request_count() == 0 {
        assert!(Instant::now() < asked, "the read never came");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: a signal to the child this test started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let sent = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if sent.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            panic!("still running 5 s after Ctrl-C");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(status.code(), Some(130));
    assert!(
        sent.elapsed() < Duration::from_secs(1),
        "took {:?}",
        sent.elapsed()
    );
}
