// `mobivate webhooks listen` under hostile clients, a closed stdout and a
// forward target that hangs: nobody holds up anybody, shutdown is prompt,
// only what is kept is acknowledged, the queue is bounded, https forwarding
// uses the one transport, and malformed chunks are a 400.

use crate::common::server::{Reply, json_reply, pki, scripted};
use crate::common::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const RECEIPT: &str = r#"{"deliveryMessageId":"d1","status":"DELIVERED","statusCode":1}"#;
const RECEIPT_LINE: &str =
    r#"{"kind":"receipt","deliveryMessageId":"d1","status":"DELIVERED","statusCode":1}"#;

struct Listener {
    child: Child,
    port: u16,
    stdout: Option<Receiver<String>>,
    stderr: Receiver<String>,
    /// What stderr said before the listening line (-v).
    preface: Vec<String>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the listener on a free port. `read_stdout: false` leaves stdout a
/// pipe that nobody reads (the caller takes `child.stdout`).
fn start(extra: &[&str], env: &[(&str, &str)], read_stdout: bool) -> Listener {
    let mut command = raw_mobivate();
    command
        .args(["webhooks", "listen", "--port", "0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn().unwrap();
    let stdout = read_stdout.then(|| lines_of(child.stdout.take().unwrap()));
    let stderr = lines_of(child.stderr.take().unwrap());
    let mut preface = Vec::new();
    let mut first = stderr.recv_timeout(Duration::from_secs(20)).unwrap();
    while !first.starts_with("mobivate: listening on") {
        preface.push(first);
        first = stderr.recv_timeout(Duration::from_secs(20)).unwrap();
    }
    let port = listening_port(&first);
    Listener {
        child,
        port,
        stdout,
        stderr,
        preface,
    }
}

fn connect(port: u16) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream
}

/// Sends `raw` and returns the status line of the answer ("" when none).
fn exchange(port: u16, raw: &[u8]) -> String {
    let mut stream = connect(port);
    let _ = stream.write_all(raw);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

fn post(port: u16, path: &str, body: &str) -> String {
    exchange(
        port,
        format!(
            "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    )
}

/// Every line that comes within `wait`.
fn lines_within(receiver: &Receiver<String>, wait: Duration) -> Vec<String> {
    let until = Instant::now() + wait;
    let mut lines = Vec::new();
    while let Ok(line) = receiver.recv_timeout(until.saturating_duration_since(Instant::now())) {
        lines.push(line);
    }
    lines
}

/// A client that sent part of a request head and then one byte every 100 ms,
/// for at most `for_how_long`.
fn dripping_client(port: u16, for_how_long: Duration) -> std::thread::JoinHandle<()> {
    let mut stream = connect(port);
    stream
        .write_all(b"POST /receipt HTTP/1.1\r\nContent-Length: 100000\r\n\r\n{")
        .unwrap();
    std::thread::spawn(move || {
        let started = Instant::now();
        while started.elapsed() < for_how_long {
            if stream.write_all(b" ").is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    })
}

/// Waits for the child to end, at most `limit`; its exit code and how long.
fn ends_within(child: &mut Child, limit: Duration) -> (Option<i32>, Duration) {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (status.code(), started.elapsed());
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running {limit:?} after the signal");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[cfg(unix)]
fn signal(child: &Child, signal: libc::c_int) {
    // SAFETY: kill with a pid we own.
    unsafe { libc::kill(child.id() as libc::pid_t, signal) };
}

fn wait_until(what: &str, condition: impl Fn() -> bool) {
    let started = Instant::now();
    while !condition() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_dripping_client_does_not_delay_another_sender() {
    let listener = start(&[], &[], true);
    let _drip = dripping_client(listener.port, Duration::from_secs(5));
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    assert_eq!(post(listener.port, "/", RECEIPT), "HTTP/1.1 200 OK");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(next_line(listener.stdout.as_ref().unwrap()), RECEIPT_LINE);
}

#[test]
fn a_request_not_complete_after_10_s_is_cut_off_with_408() {
    let listener = start(&[], &[], true);
    let mut stream = connect(listener.port);
    stream
        .write_all(b"POST /receipt HTTP/1.1\r\nContent-Length: 100000\r\n\r\n{")
        .unwrap();
    let started = Instant::now();
    let mut writer = stream.try_clone().unwrap();
    let drip = std::thread::spawn(move || {
        for _ in 0..150 {
            if writer.write_all(b" ").is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    });
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    let took = started.elapsed();
    assert!(
        answer.starts_with("HTTP/1.1 408 Request Timeout\r\n"),
        "{answer}"
    );
    assert!(
        took >= Duration::from_secs(9) && took < Duration::from_secs(12),
        "{took:?}"
    );
    let warning = next_line(&listener.stderr);
    assert!(
        warning.starts_with("mobivate: warning: gave up on a request from 127.0.0.1:")
            && warning.ends_with(": not complete after 10 s"),
        "{warning}"
    );
    drop(stream);
    let _ = drip.join();
    // Nothing of it was printed, and the listener still serves.
    assert_eq!(post(listener.port, "/", RECEIPT), "HTTP/1.1 200 OK");
    assert_eq!(next_line(listener.stdout.as_ref().unwrap()), RECEIPT_LINE);
}

#[test]
fn the_65th_connection_gets_503_and_a_freed_place_is_reused() {
    let listener = start(&[], &[], true);
    let idle: Vec<TcpStream> = (0..64).map(|_| connect(listener.port)).collect();
    // Let the listener take all 64 before the 65th comes.
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(
        post(listener.port, "/", RECEIPT),
        "HTTP/1.1 503 Service Unavailable"
    );
    assert_eq!(
        post(listener.port, "/", RECEIPT),
        "HTTP/1.1 503 Service Unavailable"
    );
    // Nothing refused was printed.
    let stdout = listener.stdout.as_ref().unwrap();
    assert_eq!(
        lines_within(stdout, Duration::from_millis(200)),
        Vec::<String>::new()
    );
    drop(idle);
    // Each idle connection that closes frees its place.
    let started = Instant::now();
    let status = loop {
        let status = post(listener.port, "/", RECEIPT);
        if status != "HTTP/1.1 503 Service Unavailable"
            || started.elapsed() > Duration::from_secs(5)
        {
            break status;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(next_line(stdout), RECEIPT_LINE);
}

#[cfg(unix)]
#[test]
fn sigint_and_sigterm_end_it_within_1_s_while_a_client_drips() {
    for sig in [libc::SIGINT, libc::SIGTERM] {
        let mut listener = start(&[], &[], true);
        let _drip = dripping_client(listener.port, Duration::from_secs(5));
        std::thread::sleep(Duration::from_millis(300));
        signal(&listener.child, sig);
        let (code, took) = ends_within(&mut listener.child, Duration::from_secs(5));
        assert_eq!(code, Some(0), "signal {sig}");
        assert!(took < Duration::from_secs(1), "signal {sig}: {took:?}");
        let stderr = lines_within(&listener.stderr, Duration::from_millis(200));
        assert!(!stderr.iter().any(|l| l.contains("panicked")), "{stderr:?}");
    }
}

#[cfg(unix)]
#[test]
fn sigterm_ends_it_within_1_s_while_the_forward_target_hangs() {
    for sig in [libc::SIGTERM, libc::SIGINT] {
        let target = scripted(vec![Reply::Hang], None);
        let url = format!("{}/hook", target.url());
        let mut listener = start(&["--forward", &url], &[], true);
        for _ in 0..3 {
            assert_eq!(post(listener.port, "/", RECEIPT), "HTTP/1.1 200 OK");
        }
        // The first is in flight, hanging; the other two wait.
        wait_until("the first forward", || target.request_count() == 1);
        let stdout = listener.stdout.take().unwrap();
        assert_eq!(
            lines_within(&stdout, Duration::from_millis(200)),
            vec![RECEIPT_LINE; 3]
        );
        signal(&listener.child, sig);
        let (code, took) = ends_within(&mut listener.child, Duration::from_secs(5));
        assert_eq!(code, Some(0), "signal {sig}");
        assert!(took < Duration::from_secs(1), "signal {sig}: {took:?}");
        let stderr = lines_within(&listener.stderr, Duration::from_millis(500));
        assert_eq!(
            stderr,
            vec![
                "mobivate: warning: 2 payloads were not forwarded, and 1 more was being forwarded and may not have arrived"
            ]
        );
        assert_eq!(target.request_count(), 1);
    }
}

#[test]
fn with_stdout_closed_a_payload_gets_503_and_is_not_forwarded() {
    let target = scripted(vec![json_reply(200, "OK", "{}")], None);
    let url = format!("{}/hook", target.url());
    let mut listener = start(&["--forward", &url], &[], false);
    drop(listener.child.stdout.take());
    assert_eq!(
        post(listener.port, "/receipt", RECEIPT),
        "HTTP/1.1 503 Service Unavailable"
    );
    let (code, _) = ends_within(&mut listener.child, Duration::from_secs(5));
    assert_eq!(code, Some(0));
    let stderr = lines_within(&listener.stderr, Duration::from_millis(300));
    assert_eq!(stderr, Vec::<String>::new());
    assert_eq!(target.request_count(), 0);
}

/// A receipt of about 16 KiB, told apart by `n`.
fn big_receipt(n: usize) -> String {
    format!(
        r#"{{"deliveryMessageId":"big-{n}","status":"DELIVERED","pad":"{}"}}"#,
        "x".repeat(16 * 1024)
    )
}

#[test]
fn when_stdout_closes_the_payload_being_written_and_those_read_get_503() {
    let target = scripted(vec![json_reply(200, "OK", "{}")], None);
    let url = format!("{}/hook", target.url());
    let mut listener = start(&["--forward", &url], &[], false);
    let stdout = listener.child.stdout.take().unwrap();
    let port = listener.port;
    let (answers, answered) = channel::<(usize, String)>();
    let send = |n: usize| {
        let answers = answers.clone();
        std::thread::spawn(move || {
            let _ = answers.send((n, post(port, "/", &big_receipt(n))));
        });
    };
    // Fill the pipe nobody reads, until the listener blocks writing a line.
    let mut acknowledged = Vec::new();
    let mut blocked = None;
    for n in 0..64 {
        send(n);
        match answered.recv_timeout(Duration::from_millis(1000)) {
            Ok((n, status)) => {
                assert_eq!(status, "HTTP/1.1 200 OK");
                acknowledged.push(n);
            }
            Err(_) => {
                blocked = Some(n);
                break;
            }
        }
    }
    let blocked = blocked.expect("the pipe never filled");
    // Three more are read while the listener is stuck on the pipe.
    for n in 100..103 {
        send(n);
    }
    std::thread::sleep(Duration::from_millis(500));
    drop(stdout);
    let mut refused: Vec<usize> = (0..4)
        .map(|_| {
            let (n, status) = answered.recv_timeout(Duration::from_secs(10)).unwrap();
            assert_eq!(status, "HTTP/1.1 503 Service Unavailable", "payload {n}");
            n
        })
        .collect();
    refused.sort();
    assert_eq!(refused, vec![blocked, 100, 101, 102]);
    let (code, _) = ends_within(&mut listener.child, Duration::from_secs(5));
    assert_eq!(code, Some(0));
    // Only acknowledged payloads ever reach the target.
    std::thread::sleep(Duration::from_millis(200));
    for request in target.requests.lock().unwrap().iter() {
        let forwarded = acknowledged
            .iter()
            .any(|n| request.contains(&format!("\"big-{n}\"")));
        assert!(forwarded, "{}", &request[..200.min(request.len())]);
    }
}

#[test]
fn beyond_1000_waiting_payloads_the_answer_is_503_and_nothing_is_printed() {
    let target = scripted(vec![Reply::Hang], None);
    let url = format!("{}/hook", target.url());
    let listener = start(&["--forward", &url], &[], true);
    assert_eq!(post(listener.port, "/", RECEIPT), "HTTP/1.1 200 OK");
    wait_until("the first forward", || target.request_count() == 1);
    for n in 0..1000 {
        assert_eq!(
            post(listener.port, "/", RECEIPT),
            "HTTP/1.1 200 OK",
            "payload {n}"
        );
    }
    assert_eq!(
        post(listener.port, "/", RECEIPT),
        "HTTP/1.1 503 Service Unavailable"
    );
    let stdout = listener.stdout.as_ref().unwrap();
    let printed = lines_within(stdout, Duration::from_millis(500));
    assert_eq!(printed.len(), 1001);
    let warning = next_line(&listener.stderr);
    assert!(
        warning.starts_with("mobivate: warning: refused a receipt from 127.0.0.1:")
            && warning.ends_with(
                " with 503: the forward queue is full (1000 payloads or 64 MiB wait to be forwarded)"
            ),
        "{warning}"
    );
}

#[test]
fn forwarding_over_https_trusts_cacert_and_skips_a_remote_proxy() {
    let pki = pki(&["localhost"]);
    let target = scripted(
        vec![json_reply(202, "Accepted", "{}")],
        Some(pki.server_config.clone()),
    );
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, &pki.ca_pem).unwrap();
    let url = format!("https://localhost:{}/hook?token=t0p-secret", target.port);
    let shown = format!("https://localhost:{}/hook", target.port);
    let listener = start(
        &["-v", "--cacert", ca.to_str().unwrap(), "--forward", &url],
        // A remote proxy is never used for a loopback target.
        &[("HTTPS_PROXY", "http://192.0.2.1:3128")],
        true,
    );
    assert_eq!(post(listener.port, "/", RECEIPT), "HTTP/1.1 200 OK");
    assert_eq!(next_line(listener.stdout.as_ref().unwrap()), RECEIPT_LINE);
    let mut stderr = Vec::new();
    while !stderr
        .iter()
        .any(|l: &String| l.starts_with("mobivate: forwarded"))
    {
        stderr.push(next_line(&listener.stderr));
    }
    assert_eq!(
        stderr.last().unwrap(),
        &format!("mobivate: forwarded receipt to {shown}: HTTP 202")
    );
    assert_eq!(
        listener.preface,
        vec!["* trusting 1 certificate(s) from --cacert"]
    );
    let all = stderr.join("\n");
    assert!(all.contains(&format!("POST {shown}")), "{all}");
    assert!(all.contains("proxy: none"), "{all}");
    assert!(!all.contains("t0p-secret"), "{all}");
    let requests = target.requests.lock().unwrap().clone();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].starts_with("POST /hook?token=t0p-secret HTTP/1.1\r\n"));
    assert!(requests[0].ends_with(RECEIPT), "{}", requests[0]);
}

#[test]
fn forwarding_over_https_to_an_untrusted_server_warns_and_goes_on() {
    let pki = pki(&["localhost"]);
    let target = scripted(
        vec![json_reply(200, "OK", "{}")],
        Some(pki.server_config.clone()),
    );
    // Trusting another CA only.
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.pem");
    std::fs::write(&other, crate::common::server::pki(&["localhost"]).ca_pem).unwrap();
    let url = format!("https://localhost:{}/hook", target.port);
    let listener = start(
        &["--cacert", other.to_str().unwrap(), "--forward", &url],
        &[],
        true,
    );
    assert_eq!(post(listener.port, "/", RECEIPT), "HTTP/1.1 200 OK");
    let warning = next_line(&listener.stderr);
    assert!(
        warning.starts_with(&format!(
            "mobivate: warning: forwarding receipt to {url} failed: "
        )),
        "{warning}"
    );
    // Still serving.
    assert_eq!(post(listener.port, "/", RECEIPT), "HTTP/1.1 200 OK");
    let stdout = listener.stdout.as_ref().unwrap();
    assert_eq!(next_line(stdout), RECEIPT_LINE);
    assert_eq!(next_line(stdout), RECEIPT_LINE);
}

#[test]
fn forwarding_to_its_own_address_is_65() {
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = free.local_addr().unwrap().port().to_string();
    drop(free);
    for url in [
        format!("http://127.0.0.1:{port}/hook"),
        format!("http://localhost:{port}"),
        format!("https://127.0.0.1:{port}/"),
        format!("http://0.0.0.0:{port}/x?y=1"),
    ] {
        let out = mobivate()
            .args(["webhooks", "listen", "--port", &port, "--forward", &url])
            .output()
            .unwrap();
        let stderr = assert_clean_failure(&out, 65);
        assert!(
            stderr.contains("is this listener's own address"),
            "{url}: {stderr}"
        );
        assert!(!stderr.contains("listening on"), "{stderr}");
    }
}

#[test]
fn an_overflowing_chunk_size_is_400_and_it_goes_on_serving() {
    let listener = start(&[], &[], true);
    for size in [
        "ffffffffffffffff",
        "10000000000000001",
        "1ffffffffffffffffffff",
    ] {
        let request = format!(
            "POST /receipt HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{{\r\n{size}\r\nabc\r\n0\r\n\r\n"
        );
        assert_eq!(
            exchange(listener.port, request.as_bytes()),
            "HTTP/1.1 400 Bad Request",
            "{size}"
        );
        let warning = next_line(&listener.stderr);
        assert!(
            warning.starts_with("mobivate: warning: rejected a malformed request from 127.0.0.1:")
                && warning.ends_with(": the payload is larger than 1024 KiB"),
            "{warning}"
        );
    }
    // A chunked payload that is right is still read.
    let body = RECEIPT.as_bytes();
    let (head, tail) = body.split_at(10);
    let mut request = b"POST /receipt HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for part in [head, tail] {
        request.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        request.extend_from_slice(part);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    assert_eq!(exchange(listener.port, &request), "HTTP/1.1 200 OK");
    assert_eq!(next_line(listener.stdout.as_ref().unwrap()), RECEIPT_LINE);
}
