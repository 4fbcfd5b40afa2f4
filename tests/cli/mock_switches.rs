// The mock API's `--latency` and `--delivery-mix` switches, and its
// `firstSendAt`/`lastAnswerAt` times, through the example's binary. These
// are functional checks with generous bounds, not timings: benchmarks live
// in bench/.

use crate::common::KEY;
use crate::common::mock_api::{message_page, mock_stats, start_mock_api};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const CREDENTIALS: &str = r#"{"username":"demo@example.com","password":"demo-password"}"#;

/// `POST url+path` with the demo key on a connection of its own; the status
/// and the body.
fn post(url: &str, path: &str, body: &str) -> (u16, String) {
    let agent = ureq::Agent::new_with_defaults();
    let mut response = agent
        .post(format!("{url}{path}"))
        .config()
        .http_status_as_error(false)
        .build()
        .header("Authorization", format!("Bearer {KEY}"))
        .header("Content-Type", "application/json")
        .send(body)
        .unwrap();
    let status = response.status().as_u16();
    (status, response.body_mut().read_to_string().unwrap())
}

fn batch_body(recipients: &[&str]) -> String {
    let entries: Vec<Value> = recipients
        .iter()
        .map(|r| serde_json::json!({"recipient": r, "text": "Hi", "originator": "Shop", "reference": format!("ref-{r}")}))
        .collect();
    serde_json::json!({"routeId": "mglobal", "excludeOptouts": false, "recipients": entries})
        .to_string()
}

/// Every message the mock holds, by recipient: (status, created, modified).
fn messages(url: &str) -> HashMap<String, (String, String, String)> {
    let records = message_page(url, "startDate=2000-01-01&endDate=2100-01-01&pageSize=1000");
    let text = |record: &Value, field: &str| record[field].as_str().unwrap().to_string();
    records
        .iter()
        .map(|r| {
            let fields = (text(r, "status"), text(r, "created"), text(r, "modified"));
            (text(r, "recipient"), fields)
        })
        .collect()
}

/// Seconds from `created` to `modified`, both `YYYY-MM-DDTHH:MM:SS+0000`
/// within a day of each other.
fn seconds_between(created: &str, modified: &str) -> i64 {
    let of_day = |time: &str| {
        let clock = &time[11..19];
        let part = |range: std::ops::Range<usize>| clock[range].parse::<i64>().unwrap();
        part(0..2) * 3600 + part(3..5) * 60 + part(6..8)
    };
    (of_day(modified) - of_day(created)).rem_euclid(86_400)
}

/// Waits until no message is `ACCEPTED` any more, at most `limit`.
fn until_final(url: &str, limit: Duration) -> HashMap<String, (String, String, String)> {
    let start = Instant::now();
    loop {
        let all = messages(url);
        if all.values().all(|(status, _, _)| status != "ACCEPTED") || start.elapsed() > limit {
            return all;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn latency_delays_every_answer_and_concurrent_requests_overlap() {
    let api = start_mock_api(&["--latency", "300"]);
    let start = Instant::now();
    let (status, body) = post(&api.1, "/auth/getkey", CREDENTIALS);
    assert_eq!(status, 200, "{body}");
    assert!(
        start.elapsed() >= Duration::from_millis(300),
        "{:?}",
        start.elapsed()
    );

    // 16 connections at once wait together: about one latency, not sixteen.
    let barrier = Arc::new(Barrier::new(16));
    let start = Instant::now();
    let threads: Vec<_> = (0..16)
        .map(|_| {
            let (url, barrier) = (api.1.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                let begun = Instant::now();
                let (status, _) = post(&url, "/auth/getkey", CREDENTIALS);
                (status, begun.elapsed())
            })
        })
        .collect();
    for thread in threads {
        let (status, elapsed) = thread.join().unwrap();
        assert_eq!(status, 200);
        assert!(elapsed >= Duration::from_millis(300), "{elapsed:?}");
    }
    let all = start.elapsed();
    assert!(all < Duration::from_millis(16 * 300 / 2), "{all:?}");
}

#[test]
fn latency_with_jitter_stays_within_its_bounds() {
    let api = start_mock_api(&["--latency", "200,100", "--seed", "7"]);
    for _ in 0..4 {
        let start = Instant::now();
        let (status, _) = post(&api.1, "/auth/getkey", CREDENTIALS);
        assert_eq!(status, 200);
        assert!(
            start.elapsed() >= Duration::from_millis(100),
            "{:?}",
            start.elapsed()
        );
    }
}

#[test]
fn a_delayed_request_is_counted_when_it_arrives_and_stats_time_the_run() {
    let api = start_mock_api(&["--latency", "1500"]);
    let stats = mock_stats(&api.1);
    assert_eq!(stats["firstSendAt"], Value::Null);
    assert_eq!(stats["lastAnswerAt"], Value::Null);

    let url = api.1.clone();
    let sender = std::thread::spawn(move || {
        let begun = Instant::now();
        let answer = post(
            &url,
            "/send/batch",
            &batch_body(&["447700900001", "447700900002"]),
        );
        (answer, begun.elapsed())
    });
    // `/_mock/stats` answers at once and already shows the request in flight.
    let deadline = Instant::now() + Duration::from_secs(1);
    let stats = loop {
        let stats = mock_stats(&api.1);
        if stats["sendRequests"] == 1 || Instant::now() > deadline {
            break stats;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(
        !sender.is_finished(),
        "the answer came before the delay ended"
    );
    assert_eq!(stats["sendRequests"], 1, "{stats}");
    assert_eq!(stats["accepted"], 2, "{stats}");
    assert_eq!(stats["stored"], 2, "{stats}");
    assert!(stats["firstSendAt"].is_u64(), "{stats}");
    assert_eq!(stats["lastAnswerAt"], Value::Null, "{stats}");

    let ((status, body), elapsed) = sender.join().unwrap();
    assert_eq!(status, 200, "{body}");
    assert!(elapsed >= Duration::from_millis(1500), "{elapsed:?}");
    let stats = mock_stats(&api.1);
    assert_eq!(stats["batches"], 1, "{stats}");
    let first = stats["firstSendAt"].as_u64().unwrap();
    let last = stats["lastAnswerAt"].as_u64().unwrap();
    assert!(last >= first + 1500, "{stats}");
}

/// Recipients covering every rule of the mix, and the ms to final:
/// 1000 + (R / 100 mod 51) × 100, where R / 100 mod 51 is 0 for 4477009041NN,
/// 30 for 4477009020NN and 19 for 4477009009NN.
const MIXED: &[(&str, &str, i64)] = &[
    ("447700904100", "DELIVERED", 1000),
    ("447700904142", "DELIVERED", 1000),
    ("447700904189", "DELIVERED", 1000),
    ("447700904190", "UNDELIVERABLE", 1000),
    ("447700904192", "UNDELIVERABLE", 1000),
    ("447700904193", "EXPIRED", 1000),
    ("447700904194", "EXPIRED", 1000),
    ("447700904195", "REJECTED", 1000),
    ("447700904196", "FAILED_NACK", 1000),
    ("447700904197", "FAILED_NOROUTE", 1000),
    ("447700904198", "FAILED_EXHAUSTED", 1000),
    ("447700904199", "FAILED_UNKNOWN", 1000),
    ("447700902089", "DELIVERED", 4000),
    ("447700902094", "EXPIRED", 4000),
    // The rules of today come first: ending in 000, and opted out.
    ("447700902000", "UNDELIVERABLE", 4000),
    ("447700900999", "FAILED_RECIPIENT_BLACKLISTED", 2900),
];

fn send_mixed(url: &str) {
    let recipients: Vec<&str> = MIXED.iter().map(|(r, _, _)| *r).collect();
    let (status, body) = post(url, "/send/batch", &batch_body(&recipients));
    assert_eq!(status, 200, "{body}");
    let now = messages(url);
    assert_eq!(now.len(), MIXED.len());
    for (recipient, (status, created, modified)) in &now {
        assert_eq!(status, "ACCEPTED", "{recipient}");
        assert_eq!(created, modified, "{recipient}");
    }
}

#[test]
fn delivery_mix_gives_the_documented_status_and_time_to_final() {
    let api = start_mock_api(&["--delivery-mix"]);
    send_mixed(&api.1);
    let all = until_final(&api.1, Duration::from_secs(10));
    for (recipient, expected, ms) in MIXED {
        let (status, created, modified) = &all[*recipient];
        assert_eq!(status, expected, "{recipient}");
        let took = seconds_between(created, modified);
        // Shown to the second: 4000 ms is exactly 4 s apart, 2900 ms 2 or 3.
        let (floor, ceil) = (ms / 1000, (ms + 999) / 1000);
        assert!(
            (floor..=ceil).contains(&took),
            "{recipient}: {created} -> {modified}"
        );
    }
}

#[test]
fn without_delivery_mix_statuses_are_as_before() {
    let api = start_mock_api(&[]);
    send_mixed(&api.1);
    let all = until_final(&api.1, Duration::from_secs(6));
    for (recipient, _, _) in MIXED {
        let (status, created, modified) = &all[*recipient];
        let expected = match *recipient {
            "447700902000" => "UNDELIVERABLE",
            "447700900999" => "FAILED_RECIPIENT_BLACKLISTED",
            _ => "DELIVERED",
        };
        assert_eq!(status, expected, "{recipient}");
        assert_eq!(seconds_between(created, modified), 2, "{recipient}");
    }
}

/// `GET url+path`: the status and the body.
fn get(url: &str, path: &str) -> (u16, String) {
    let agent = ureq::Agent::new_with_defaults();
    let mut response = agent
        .get(format!("{url}{path}"))
        .config()
        .http_status_as_error(false)
        .build()
        .call()
        .unwrap();
    let status = response.status().as_u16();
    (status, response.body_mut().read_to_string().unwrap())
}

#[test]
fn status_answers_every_send_request_and_stores_nothing() {
    let api = start_mock_api(&["--status", "402"]);
    let (status, body) = post(&api.1, "/send/batch", &batch_body(&["447930000001"]));
    assert_eq!(status, 402);
    assert_eq!(
        body,
        r#"{"code":402,"message":"Refused by the mock (--status)"}"#
    );
    let stats = mock_stats(&api.1);
    assert_eq!(
        (&stats["rejected"], &stats["stored"]),
        (&1.into(), &0.into())
    );
}

#[test]
fn reject_recipient_refuses_only_requests_naming_it() {
    let api = start_mock_api(&["--reject-recipient", "447930000001"]);
    let both = batch_body(&["447930000002", "447930000001"]);
    let (status, body) = post(&api.1, "/send/batch", &both);
    assert_eq!(status, 400);
    assert_eq!(
        body,
        r#"{"code":400,"message":"Invalid recipient: 447930000001"}"#
    );
    let (status, _) = post(&api.1, "/send/batch", &batch_body(&["447930000002"]));
    assert_eq!(status, 200);
    assert_eq!(mock_stats(&api.1)["stored"], 1);
}

#[test]
fn faults_are_replaced_at_run_time_and_accepted_batches_are_kept() {
    let api = start_mock_api(&["--keep-batches", "--fail-rate", "1"]);
    let first = batch_body(&["447930000001"]);
    assert_eq!(post(&api.1, "/send/batch", &first).0, 500);
    assert_eq!(post(&api.1, "/_mock/faults", "{}").0, 200);
    assert_eq!(post(&api.1, "/send/batch", &first).0, 200);
    // A value out of range is refused and changes nothing.
    let (status, body) = post(&api.1, "/_mock/faults", r#"{"failRate":2}"#);
    assert_eq!(status, 400, "{body}");
    let (status, body) = post(&api.1, "/_mock/faults", r#"{"failRat":1}"#);
    assert_eq!(status, 400, "{body}");
    let second = batch_body(&["447930000002"]);
    assert_eq!(post(&api.1, "/send/batch", &second).0, 200);
    let (status, kept) = get(&api.1, "/_mock/batches");
    assert_eq!(status, 200);
    let kept: Value = serde_json::from_str(&kept).unwrap();
    let sent: Vec<Value> = [first, second]
        .iter()
        .map(|b| serde_json::from_str(b).unwrap())
        .collect();
    assert_eq!(kept, Value::Array(sent));
    // The latency too, sparing the mock's own endpoints.
    assert_eq!(post(&api.1, "/_mock/faults", r#"{"latencyMs":600}"#).0, 200);
    let started = Instant::now();
    assert_eq!(
        post(&api.1, "/send/batch", &batch_body(&["447930000003"])).0,
        200
    );
    assert!(started.elapsed() >= Duration::from_millis(600));
    let started = Instant::now();
    assert_eq!(get(&api.1, "/_mock/batches").0, 200);
    assert!(started.elapsed() < Duration::from_millis(500));
}

#[test]
fn without_keep_batches_no_copies_are_kept() {
    let api = start_mock_api(&[]);
    assert_eq!(
        post(&api.1, "/send/batch", &batch_body(&["447930000001"])).0,
        200
    );
    let (status, body) = get(&api.1, "/_mock/batches");
    assert_eq!(status, 404, "{body}");
}
