//! The mock API example (`examples/mock_api/`), the one fake of the
//! Mobivate API, started on a free port for end-to-end tests: its fault
//! switches set through `POST /_mock/faults`, what it accepted read back
//! through `GET /_mock/batches`. `cargo test` builds examples next to the
//! test binaries.

use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The running mock and its URL; stopped when dropped.
pub struct MockApi(pub Child, pub String);

impl Drop for MockApi {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the mock with `flags` (`--fail-rate 0.1`, …) and waits for its
/// first line, `listening on URL`.
pub fn start_mock_api(flags: &[&str]) -> MockApi {
    let example = mock_api_binary();
    let mut child = Command::new(&example)
        .args(["--port", "0", "--quiet"])
        .args(flags)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", example.display()));
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .expect("the mock prints its URL first")
        .to_string();
    MockApi(child, url)
}

/// The mock API example's binary, built next to the test binaries.
pub fn mock_api_binary() -> std::path::PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("examples")
        .join(format!("mock_api{}", std::env::consts::EXE_SUFFIX))
}

/// `GET URL` as JSON, with the test key when `key` says so.
fn get_json<T: serde::de::DeserializeOwned>(url: &str, key: bool) -> T {
    let mut request = ureq::get(url);
    if key {
        request = request.header("Authorization", format!("Bearer {}", super::KEY));
    }
    let body = request.call().unwrap().body_mut().read_to_string().unwrap();
    serde_json::from_str(&body).unwrap()
}

/// One `GET /message?QUERY` straight from a server, with the test key: the
/// records of that page.
pub fn message_page(url: &str, query: &str) -> Vec<Value> {
    get_json(&format!("{url}/message?{query}"), true)
}

/// The mock's own counters (`GET /_mock/stats`).
pub fn mock_stats(url: &str) -> serde_json::Value {
    get_json(&format!("{url}/_mock/stats"), false)
}

/// The mock's fault switches (see examples/mock_api/main.rs), all off by
/// default. `fail_rate` answers 500; `delay` is the mock's `--latency`.
#[derive(Clone, Default)]
pub struct Faults {
    pub fail_rate: f64,
    pub drop_after_read: f64,
    pub rate_limit: Option<u32>,
    pub status: Option<u16>,
    pub reject_recipient: Option<String>,
    pub delay: Duration,
}

impl Faults {
    fn to_json(&self) -> Value {
        json!({
            "failRate": self.fail_rate,
            "dropAfterRead": self.drop_after_read,
            "rateLimit": self.rate_limit,
            "status": self.status,
            "rejectRecipient": self.reject_recipient,
            "latencyMs": self.delay.as_millis() as u64,
        })
    }
}

/// One recipient of an accepted batch, as it was sent.
#[derive(Clone, Debug)]
pub struct Stored {
    pub reference: String,
    pub recipient: String,
    pub text: String,
    pub originator: String,
}

/// `mobivate bulk FILE --yes --settle 0` against `api`, the key in the
/// environment.
pub fn bulk(api: &MockApi, file: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = crate::common::mobivate();
    cmd.env("MOBIVATE_API_KEY", crate::common::KEY)
        .args(["--base-url", &api.url(), "bulk"])
        .arg(file)
        .args(["--yes", "--settle", "0"]);
    cmd
}

/// `bulk(api, file)` with `--from Shop`: the sender most row tests use.
pub fn bulk_from_shop(api: &MockApi, file: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = bulk(api, file);
    cmd.args(["--from", "Shop"]);
    cmd
}

/// The mock with `--keep-batches`, a fixed seed, and `faults` switched on.
pub fn start(faults: Faults) -> MockApi {
    let mock = start_mock_api(&["--keep-batches", "--seed", "1"]);
    mock.set_faults(faults);
    mock
}

impl MockApi {
    pub fn url(&self) -> String {
        self.1.clone()
    }

    /// Replaces every fault switch at once.
    pub fn set_faults(&self, faults: Faults) {
        let status = ureq::post(&format!("{}/_mock/faults", self.1))
            .header("Content-Type", "application/json")
            .send(faults.to_json().to_string())
            .unwrap()
            .status();
        assert_eq!(status, 200, "the mock took the switches");
    }

    /// The bodies of the batches it accepted, in order.
    pub fn batches(&self) -> Vec<Value> {
        let body = ureq::get(&format!("{}/_mock/batches", self.1))
            .call()
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap();
        serde_json::from_str(&body).unwrap()
    }

    /// The recipients of every accepted message, sorted.
    pub fn recipients(&self) -> Vec<String> {
        let mut got: Vec<String> = self.messages().into_iter().map(|m| m.recipient).collect();
        got.sort();
        got
    }

    /// Every recipient of every accepted batch, in order.
    pub fn messages(&self) -> Vec<Stored> {
        let field = |value: &Value, name: &str| value[name].as_str().unwrap_or("").to_string();
        let mut stored = Vec::new();
        for batch in self.batches() {
            for r in batch["recipients"].as_array().into_iter().flatten() {
                stored.push(Stored {
                    reference: field(r, "reference"),
                    recipient: field(r, "recipient"),
                    text: field(r, "text"),
                    originator: field(r, "originator"),
                });
            }
        }
        stored
    }

    /// How many times each reference was accepted.
    pub fn reference_counts(&self) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for m in self.messages() {
            *counts.entry(m.reference).or_insert(0) += 1;
        }
        counts
    }

    /// `GET /_mock/stats`.
    pub fn stats(&self) -> Value {
        mock_stats(&self.1)
    }

    /// Sends one batch straight to the mock, as any client would: for a
    /// message in the log that `mobivate` did not send.
    pub fn send_batch(&self, batch: &Value) {
        let status = ureq::post(&format!("{}/send/batch", self.1))
            .header("Authorization", &format!("Bearer {}", crate::common::KEY))
            .header("Content-Type", "application/json")
            .send(batch.to_string())
            .unwrap()
            .status();
        assert_eq!(status, 200, "the mock accepted {batch}");
    }
}
