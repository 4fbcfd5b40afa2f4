//! The journal's group commits (src/bulk/journal/commit.rs, and the worker
//! loop of src/bulk/sender.rs that writes a request's `end` and the next
//! `begin` before one sync) keep both crash rules, through the real binary:
//! a `begin` is in the journal before its request goes out, and an outcome
//! before the next request does.

use crate::common::mock_api::{self, Faults, MockApi, bulk};
use crate::common::{KEY, raw_mobivate, stderr_of, stdout_of, write};
use serde_json::Value;
use std::path::Path;
use std::time::{Duration, Instant};

fn numbers_csv(rows: usize) -> String {
    let mut csv = String::from("recipient\n");
    for i in 0..rows {
        csv.push_str(&format!("4479300{i:05}\n"));
    }
    csv
}

/// Each journal record as (kind, request id, end state).
fn journal_records(path: &Path) -> Vec<(String, u64, String)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| {
            let record: Value = serde_json::from_str(line).unwrap();
            (
                record["t"].as_str().unwrap_or("").to_string(),
                record["id"].as_u64().unwrap_or(0),
                record["state"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn wait_for_batches(api: &MockApi, count: usize) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while api.batches().len() < count {
        assert!(
            Instant::now() < deadline,
            "the mock never saw {count} batches"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Killed (SIGKILL; TerminateProcess on Windows) while the server holds the
/// second request: the journal has the first request's outcome and the
/// second's `begin` (the one sync before the second request covered both),
/// and the rerun finds the second in the message log, sends the rest, and
/// sends nothing twice.
#[test]
fn killed_while_a_request_is_held_the_rerun_sends_nothing_twice_and_loses_nothing() {
    // Every answer leaves 2 s after its request arrives (and is stored).
    let api = mock_api::start(Faults {
        delay: Duration::from_secs(2),
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(6));
    let journal = dir.path().join("l.journal");
    let args = [
        "--text",
        "Hi",
        "--from",
        "S",
        "--batch-size",
        "2",
        "--parallel",
        "1",
    ];
    let mut child = raw_mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", &api.url(), "bulk", "--yes", "--settle", "0"])
        .args(args)
        .arg("--journal")
        .arg(&journal)
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_for_batches(&api, 2);
    child.kill().unwrap();
    child.wait().unwrap();
    let kinds: Vec<_> = journal_records(&journal)
        .into_iter()
        .map(|(t, id, state)| format!("{t} {id} {state}"))
        .collect();
    assert_eq!(
        kinds,
        ["header 0 ", "begin 1 ", "end 1 accepted", "begin 2 "],
        "the journal when the client was killed"
    );

    api.set_faults(Faults::default());
    let again = bulk(&api, &file)
        .args(args)
        .arg("--journal")
        .arg(&journal)
        .output()
        .unwrap();
    let stderr = stderr_of(&again);
    assert_eq!(again.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stdout_of(&again),
        "accepted 6, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    assert!(stderr.contains("in the message log"), "{stderr}");
    let counts = api.reference_counts();
    assert_eq!(counts.len(), 6, "distinct references accepted: {counts:?}");
    assert!(counts.values().all(|n| *n == 1), "sent twice: {counts:?}");
}

/// At `--parallel 1` the last outcome has no next `begin` to share a sync
/// with: it is synced alone and counted, and the journal ends with it.
#[test]
fn the_last_outcome_is_journaled_and_counted_without_a_next_request() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(5));
    let journal = dir.path().join("l.journal");
    let output = bulk(&api, &file)
        .args(["--text", "Hi", "--from", "S", "--batch-size", "2"])
        .args(["--parallel", "1", "--journal"])
        .arg(&journal)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "accepted 5, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    let kinds: Vec<_> = journal_records(&journal)
        .into_iter()
        .map(|(t, id, state)| format!("{t} {id} {state}"))
        .collect();
    assert_eq!(
        kinds,
        [
            "header 0 ",
            "begin 1 ",
            "end 1 accepted",
            "begin 2 ",
            "end 2 accepted",
            "begin 3 ",
            "end 3 accepted",
        ]
    );
}
