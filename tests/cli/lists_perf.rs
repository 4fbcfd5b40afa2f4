// What the listing benchmark (bench/lists.sh) stands on, through the real
// binaries: the mock API's `--seed-log N`, and a listing of many pages that
// prints every record once, in order, as the server sent it. Functional
// checks only: timings live in bench/.

use crate::common::mock_api::{MockApi, message_page, mock_api_binary, start_mock_api};
use crate::common::*;
use serde_json::Value;

/// `GET /message` straight from the mock, every page of 1000.
fn raw_log(mock: &MockApi) -> Vec<Value> {
    let mut all = Vec::new();
    for page in 1.. {
        let records = message_page(
            &mock.url(),
            &format!("startDate=2000-01-01&endDate=2100-01-01&page={page}&pageSize=1000"),
        );
        let full = records.len() == 1000;
        all.extend(records);
        if !full {
            return all;
        }
    }
    unreachable!("pages are counted until a short one")
}

#[test]
fn seed_log_starts_the_mock_with_final_messages_of_one_bulk_run() {
    let mock = start_mock_api(&["--seed-log", "3"]);
    let log = raw_log(&mock);
    let field = |record: &Value, name: &str| record[name].as_str().unwrap().to_string();
    let shown: Vec<[String; 5]> = log
        .iter()
        .map(|r| {
            [
                "recipient",
                "body",
                "senderReference",
                "status",
                "originator",
            ]
            .map(|f| field(r, f))
        })
        .collect();
    assert_eq!(
        shown,
        [0, 1, 2].map(|i| [
            format!("4477{i:08}"),
            format!("Hi N{i}"),
            format!("seed-{i}"),
            // 447700000000 ends in 000: the failure path.
            if i == 0 { "UNDELIVERABLE" } else { "DELIVERED" }.to_string(),
            "Shop".to_string(),
        ])
    );
    // One campaign; no request made them.
    assert!(log.iter().all(|r| r["campaignId"] == log[0]["campaignId"]));
    assert_eq!(log[0]["campaignId"].as_str().unwrap().len(), 32);
    let stats = mock.stats();
    assert_eq!(
        (stats["stored"].as_u64(), stats["accepted"].as_u64()),
        (Some(3), Some(0))
    );
}

#[test]
fn seed_log_follows_the_delivery_mix() {
    let mock = start_mock_api(&["--seed-log", "100", "--delivery-mix"]);
    let log = raw_log(&mock);
    let status = |i: usize| log[i]["status"].as_str().unwrap().to_string();
    // 000 ends UNDELIVERABLE, then the last two digits decide.
    assert_eq!(
        [0, 1, 90, 93, 99].map(status),
        [
            "UNDELIVERABLE",
            "DELIVERED",
            "UNDELIVERABLE",
            "EXPIRED",
            "FAILED_UNKNOWN"
        ]
    );
}

#[test]
fn seed_log_beyond_ten_million_is_refused() {
    let out = std::process::Command::new(mock_api_binary())
        .args(["--port", "0", "--seed-log", "10000001"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("--seed-log"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn a_listing_of_many_pages_prints_every_record_once_in_order() {
    let mock = start_mock_api(&["--seed-log", "2500"]);
    let out = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args([
            "--base-url",
            &mock.url(),
            "logs",
            "list",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    let stdout = stdout_of(&out);
    assert!(stdout.ends_with("}\n"));
    let listed: Vec<Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    // The model: message i went to 4477 and i in 8 digits.
    let recipients: Vec<String> = listed
        .iter()
        .map(|r| r["recipient"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..2500).map(|i| format!("4477{i:08}")).collect();
    assert_eq!(recipients, expected);
    // And each line is the server's record, its dates in UTC with a Z.
    let mut log = raw_log(&mock);
    for record in &mut log {
        for date in ["created", "modified"] {
            let text = record[date].as_str().unwrap().replace("+0000", "Z");
            record[date] = Value::String(text);
        }
    }
    assert_eq!(listed.len(), log.len());
    for (i, (got, sent)) in listed.iter().zip(&log).enumerate() {
        assert_eq!(got, sent, "record {i}");
    }
    // Three pages of 1000, asked for once each.
    let searches = mock.stats()["requests"].as_u64().unwrap();
    assert_eq!(
        searches,
        3 + 3 + 1,
        "the listing's, raw_log's and this stats request"
    );
}
