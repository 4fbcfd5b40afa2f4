//! The mock API example (`examples/mock_api/`), started on a free port for
//! end-to-end tests. `cargo test` builds examples next to the test binaries.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

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
    let exe = std::env::current_exe().unwrap();
    let example = exe
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("examples")
        .join(format!("mock_api{}", std::env::consts::EXE_SUFFIX));
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

/// The mock's own counters (`GET /_mock/stats`).
pub fn mock_stats(url: &str) -> serde_json::Value {
    let body = ureq::get(&format!("{url}/_mock/stats"))
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    serde_json::from_str(&body).unwrap()
}
