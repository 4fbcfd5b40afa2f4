//! Watching a child process: its output line by line, and what it cost.

use std::io::{BufRead, BufReader, Read};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// The lines of `reader`, read on a thread of their own.
pub fn lines_of(reader: impl Read + Send + 'static) -> Receiver<String> {
    let (send, receive) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(reader).lines() {
            let Ok(line) = line else { break };
            if send.send(line).is_err() {
                break;
            }
        }
    });
    receive
}

/// The next line, within 20 s.
pub fn next_line(receiver: &Receiver<String>) -> String {
    receiver.recv_timeout(Duration::from_secs(20)).unwrap()
}

/// The port in `webhooks listen`'s first stderr line,
/// `mobivate: listening on http://127.0.0.1:PORT/`.
pub fn listening_port(first_line: &str) -> u16 {
    first_line
        .strip_prefix("mobivate: listening on http://127.0.0.1:")
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line: {first_line}"))
}

/// The exit code, and the peak memory in KiB where the system tells it
/// (Linux: the child's `VmHWM`, polled every 2 ms until it exits).
///
/// Not `wait4`'s `ru_maxrss`: Linux carries the parent's high-water mark
/// into a child at `exec`, and this test binary, running every CLI test at
/// once, is far bigger than any bound a test sets. A spike in the last 2 ms
/// of a child's life is missed; an uncapped read grows until it is seen.
#[cfg(unix)]
pub fn wait_with_rusage(child: std::process::Child) -> (Option<i32>, Option<i64>) {
    let pid = child.id() as libc::pid_t;
    let status_file = format!("/proc/{pid}/status");
    let mut peak = None;
    let mut status = 0;
    loop {
        if let Some(kib) = std::fs::read_to_string(&status_file)
            .ok()
            .as_deref()
            .and_then(high_water_kib)
        {
            peak = Some(peak.map_or(kib, |p: i64| p.max(kib)));
        }
        // SAFETY: waitpid with a pid we own and a plain status word.
        let rc = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
        if rc == pid {
            break;
        }
        assert_eq!(rc, 0, "waitpid failed");
        std::thread::sleep(Duration::from_millis(2));
    }
    std::mem::forget(child);
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    (code, peak)
}

/// `VmHWM:  1234 kB` in a `/proc/PID/status`.
#[cfg(unix)]
fn high_water_kib(status: &str) -> Option<i64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(not(unix))]
pub fn wait_with_rusage(mut child: std::process::Child) -> (Option<i32>, Option<i64>) {
    (child.wait().unwrap().code(), None)
}
