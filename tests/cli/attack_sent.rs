//! What is sent, under attack: `send` and `bulk` go through one message
//! validation (text cap, exact parts, recipients, routes, labels), every
//! text source and row is bounded, and every row is accounted for.

use crate::common::mock_api::{self, Faults, MockApi};
use crate::common::{KEY, mobivate, stderr_of, stdout_of, write};
use std::path::Path;

use crate::common::mock_api::bulk_from_shop as bulk;

fn recipients(api: &MockApi) -> Vec<String> {
    api.recipients()
}

#[test]
fn a_text_over_64_kib_is_an_invalid_row_never_sent() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let long = "a".repeat(100 * 1024);
    let file = write(
        dir.path(),
        "l.csv",
        format!("recipient,text\n447930000001,{long}\n447930000002,hi\n").as_bytes(),
    );
    let out = bulk(&api, &file).output().unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(
        stderr.contains("row 1: the text is longer than 64 KiB (65536 bytes)\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("to send: 1 messages, 1 parts (1 GSM-7, 0 UCS-2"),
        "{stderr}"
    );
    assert_eq!(
        stdout_of(&out),
        "accepted 1, invalid 1, duplicate 0, unknown 0, rejected 0\n"
    );
    assert_eq!(recipients(&api), ["447930000002"]);
    // A template that renders past the cap is caught the same way.
    let api = mock_api::start(Faults::default());
    let file = write(
        dir.path(),
        "t.csv",
        format!("recipient,name\n447930000001,{long}\n").as_bytes(),
    );
    let out = bulk(&api, &file)
        .args(["--text", "Hi {{name}}"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    assert!(stderr_of(&out).contains("row 1: the text is longer than 64 KiB"));
    assert!(api.batches().is_empty());
}

#[test]
fn send_refuses_the_same_text_with_the_same_words() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "t.txt", "a".repeat(100 * 1024).as_bytes());
    let out = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", "http://127.0.0.1:9", "send", "--to"])
        .args(["447930000001", "--from", "Shop", "--text-file"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    assert!(
        stderr_of(&out).contains("is longer than 64 KiB (65536 bytes)"),
        "{}",
        stderr_of(&out)
    );
}

/// 262 parts of GSM-7: 153 septets each.
fn text_of_parts(parts: usize) -> String {
    "a".repeat(153 * parts)
}

#[test]
fn parts_are_counted_exactly_with_no_ceiling() {
    let dir = tempfile::tempdir().unwrap();
    let long = text_of_parts(262);
    // The long row twice (a duplicate, taken out of what is sent) and one
    // short row.
    let file = write(
        dir.path(),
        "l.csv",
        format!("recipient,text\n447930000001,{long}\n447930000001,{long}\n447930000002,hi\n")
            .as_bytes(),
    );
    let out = mobivate()
        .args(["bulk", "--check", "--from", "Shop"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("to send: 2 messages, 263 parts (263 GSM-7, 0 UCS-2"),
        "{stderr}"
    );

    let api = mock_api::start(Faults::default());
    let report = dir.path().join("report.jsonl");
    let out = bulk(&api, &file)
        .args(["--format", "json", "--report"])
        .arg(&report)
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("to send: 2 messages, 263 parts"),
        "{stderr}"
    );
    assert_eq!(
        stdout_of(&out),
        "{\"accepted\":2,\"invalid\":0,\"duplicate\":1,\"unknown\":0,\"rejected\":0,\"pending\":0,\"parts\":263}\n"
    );
    assert_eq!(recipients(&api), ["447930000001", "447930000002"]);
    let parts: Vec<(String, serde_json::Value)> = std::fs::read_to_string(&report)
        .unwrap()
        .lines()
        .map(|line| {
            let line: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                line["state"].as_str().unwrap().to_string(),
                line["parts"].clone(),
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            ("accepted".to_string(), 262.into()),
            ("duplicate".to_string(), 262.into()),
            ("accepted".to_string(), 1.into()),
        ]
    );
}

#[cfg(unix)]
#[test]
fn the_prompt_shows_the_exact_parts() {
    use crate::common::pty::Pty;
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "l.csv",
        format!("recipient,text\n447930000001,{}\n", text_of_parts(262)).as_bytes(),
    );
    let mut cmd = crate::common::raw_mobivate();
    cmd.env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", &api.url(), "bulk", "--from", "Shop"])
        .arg(&file);
    let mut pty = Pty::spawn(cmd, true);
    pty.expect("Send 1 messages (262 parts)? [y/N] ");
    pty.send(b"n\r");
    let (code, stdout, seen, _) = pty.finish();
    assert_eq!(code, Some(64), "{seen}");
    assert_eq!(stdout, "");
    assert!(api.batches().is_empty());
}

#[test]
fn json_numbers_are_taken_as_written() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "l.jsonl",
        b"{\"recipient\":447930000001,\"text\":\"a\"}\n\
          {\"recipient\":447930000002.0,\"text\":\"b\"}\n\
          {\"recipient\":4.4793e11,\"text\":\"c\"}\n\
          {\"recipient\":\"447930000004\",\"text\":\"d\"}\n",
    );
    let out = bulk(&api, &file).output().unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(
        stderr.contains("row 2: the value of \"recipient\" is the JSON number 447930000002.0,"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 3: the value of \"recipient\" is the JSON number 4.4793e11,"),
        "{stderr}"
    );
    assert_eq!(recipients(&api), ["447930000001", "447930000004"]);
}

#[test]
fn a_csv_cell_ending_in_point_zero_is_invalid() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "l.csv",
        b"recipient,text\n447930000001.0,a\n447930000002,b\n",
    );
    let out = bulk(&api, &file).output().unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(
        stderr.contains("row 1: not a phone number: '447930000001.0' is a decimal number"),
        "{stderr}"
    );
    assert_eq!(recipients(&api), ["447930000002"]);
}

#[test]
fn routes_are_checked_wherever_they_come_from() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", b"recipient,text\n447930000001,a\n");
    for (flag, variable, shown) in [
        (Some(""), None, "--route is empty"),
        (Some("  "), None, "--route is empty"),
        (Some("r\u{1b}[31m"), None, "--route has control characters"),
        (None, Some("  "), "MOBIVATE_ROUTE is empty"),
        (None, Some("r\nx"), "MOBIVATE_ROUTE has control characters"),
    ] {
        let api = mock_api::start(Faults::default());
        let mut cmd = bulk(&api, &file);
        if let Some(route) = flag {
            cmd.args(["--route", route]);
        }
        if let Some(route) = variable {
            cmd.env("MOBIVATE_ROUTE", route);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(65), "{shown}");
        assert!(stderr_of(&out).contains(shown), "{}", stderr_of(&out));
        assert_eq!(stdout_of(&out), "");
        assert!(api.batches().is_empty(), "{shown}");
    }
    // A row's own route and reference too: that row is invalid.
    let api = mock_api::start(Faults::default());
    let file = write(
        dir.path(),
        "r.csv",
        b"recipient,text,route,reference\n447930000001,a,\"r\x07\",\n447930000002,b,,\"ref\x1bx\"\n447930000003,c,,\n",
    );
    let out = bulk(&api, &file).output().unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(
        stderr.contains("row 1: the route has control characters"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 2: the reference has control characters"),
        "{stderr}"
    );
    assert_eq!(recipients(&api), ["447930000003"]);
}

#[test]
fn send_checks_the_route_from_the_environment() {
    let out = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .env("MOBIVATE_ROUTE", "r\u{7f}")
        .args(["--base-url", "http://127.0.0.1:9", "send", "--to"])
        .args(["447930000001", "--from", "Shop", "hi"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    assert!(stderr_of(&out).contains("MOBIVATE_ROUTE has control characters"));
}

#[test]
fn the_name_is_checked_for_control_characters() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", b"recipient,text\n447930000001,a\n");
    let out = bulk(&api, &file)
        .args(["--name", "spring\nsale"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    assert!(stderr_of(&out).contains("--name has control characters"));
    assert_eq!(stdout_of(&out), "");
    assert!(api.batches().is_empty());
}

#[cfg(unix)]
#[test]
fn text_file_dev_zero_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", b"recipient\n447930000001\n");
    let out = mobivate()
        .timeout(std::time::Duration::from_secs(10))
        .args([
            "bulk",
            "--check",
            "--from",
            "Shop",
            "--text-file",
            "/dev/zero",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("the text from /dev/zero is longer than 64 KiB"),
        "{}",
        stderr_of(&out)
    );
    // The same reader for send's --text-file and stdin.
    let out = mobivate()
        .timeout(std::time::Duration::from_secs(10))
        .args([
            "send",
            "--dry-run",
            "--from",
            "Shop",
            "--to",
            "447930000001",
        ])
        .args(["--text-file", "/dev/zero"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("the text from /dev/zero is longer than 64 KiB (65536 bytes)")
    );
    let mut cmd = crate::common::raw_mobivate();
    cmd.args([
        "send",
        "--dry-run",
        "--from",
        "Shop",
        "--to",
        "447930000001",
        "-",
    ])
    .stdin(std::fs::File::open("/dev/zero").unwrap())
    .stdout(std::process::Stdio::piped())
    .stderr(std::process::Stdio::piped());
    let out = wait_bounded(cmd.spawn().unwrap());
    assert_eq!(out.status.code(), Some(65), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("the text from stdin is longer than 64 KiB (65536 bytes)"));
}

#[test]
fn only_one_trunk_zero_is_dropped() {
    for (to, code) in [
        ("0(0)0447930000000", 65),
        ("000447930000000", 65),
        ("+44 (0)7930 000000", 0),
    ] {
        let out = mobivate()
            .args(["send", "--dry-run", "--from", "Shop", "--to", to, "hi"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{to}: {}", stderr_of(&out));
        if code == 65 {
            assert!(
                stderr_of(&out).contains("is not in international form"),
                "{}",
                stderr_of(&out)
            );
            assert_eq!(stdout_of(&out), "");
        } else {
            assert!(stdout_of(&out).contains("\"recipient\": \"447930000000\""));
        }
    }
}

/// `bash -c SCRIPT` with `$BIN` the binary, the environment bare but for
/// the key and a config dir that does not exist.
#[cfg(unix)]
fn bash(script: &str, dir: &Path) -> std::process::Output {
    let mut cmd = std::process::Command::new("bash");
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("BIN", assert_cmd::cargo::cargo_bin("mobivate"))
        .env("MOBIVATE_CONFIG_DIR", crate::common::NO_CONFIG_DIR)
        .env("MOBIVATE_API_KEY", KEY)
        .env("CI", "true")
        .current_dir(dir)
        .args(["-c", script]);
    wait_bounded(
        cmd.stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap(),
    )
}

/// Waits at most 60 s for `child`, killing it past that.
fn wait_bounded(mut child: std::process::Child) -> std::process::Output {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("timed out");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn process_substitution_is_copied_and_sent() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rows.csv",
        b"recipient,text\n447930000001,a\n447930000002,b\n",
    );
    let url = api.url();
    let out = bash(
        &format!(
            "\"$BIN\" --base-url {url} bulk <(cat rows.csv) --journal j --yes --settle 0 --from Shop"
        ),
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        "accepted 2, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    assert_eq!(recipients(&api), ["447930000001", "447930000002"]);
    // --check counts from a pipe too.
    let out = bash(
        "\"$BIN\" bulk <(cat rows.csv) --check --from Shop",
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("to send: 2 messages"));
}

#[cfg(unix)]
#[test]
fn a_pipe_without_a_journal_is_refused_with_66() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rows.csv",
        b"recipient,text\n447930000001,a\n447930000002,b\n",
    );
    let url = api.url();
    let out = bash(
        &format!("\"$BIN\" --base-url {url} bulk <(cat rows.csv) --yes --settle 0 --from Shop"),
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(66), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("is a FIFO, not a file of rows"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(stdout_of(&out), "");
    assert!(api.batches().is_empty());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_copied_and_sent() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("rows.csv");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            std::fs::write(&fifo, b"recipient,text\n447930000001,a\n447930000002,b\n").unwrap()
        })
    };
    let out = bulk(&api, &fifo)
        .timeout(std::time::Duration::from_secs(30))
        .arg("--journal")
        .arg(dir.path().join("j"))
        .output()
        .unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(recipients(&api), ["447930000001", "447930000002"]);
}

/// A file of `rows` rows of about 500 bytes, so that the sending pass reads
/// it in many pieces.
fn padded_rows(range: std::ops::Range<usize>) -> String {
    let pad = "p".repeat(480);
    range
        .map(|i| format!("44793{i:07},{pad}\n"))
        .collect::<String>()
}

/// Runs bulk on 4000 rows, slow at first; once the first request arrived,
/// `change` alters the file and the server speeds up.
fn changed_mid_run(change: impl FnOnce(&Path)) -> (MockApi, std::process::Output) {
    let api = mock_api::start(Faults {
        delay: std::time::Duration::from_millis(300),
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "l.csv",
        format!("recipient,text\n{}", padded_rows(0..4000)).as_bytes(),
    );
    let mut cmd = crate::common::raw_mobivate();
    cmd.env("MOBIVATE_API_KEY", KEY)
        .env("CI", "true")
        .args(["--base-url", &api.url(), "bulk"])
        .arg(&file)
        .args([
            "--yes", "--settle", "0", "--from", "Shop", "--format", "json",
        ])
        .args(["--batch-size", "100", "--parallel", "1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let child = cmd.spawn().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while api.batches().is_empty() {
        assert!(std::time::Instant::now() < deadline, "no request");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    change(&file);
    api.set_faults(Faults::default());
    let out = wait_bounded(child);
    (api, out)
}

#[test]
fn a_file_that_shrank_during_the_run_stops_it_with_65() {
    let (api, out) = changed_mid_run(|file| {
        let keep = format!("recipient,text\n{}", padded_rows(0..2000));
        let f = std::fs::OpenOptions::new().write(true).open(file).unwrap();
        f.set_len(keep.len() as u64).unwrap();
    });
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(
        stderr
            .contains("changed while it was being sent: it has 2000 rows where 4000 were counted"),
        "{stderr}"
    );
    assert_eq!(
        stdout_of(&out),
        "{\"accepted\":2000,\"invalid\":0,\"duplicate\":0,\"unknown\":0,\"rejected\":0,\"pending\":2000,\"parts\":8000}\n"
    );
    assert_eq!(api.messages().len(), 2000);
    assert_eq!(api.reference_counts().len(), 2000);
}

#[test]
fn a_file_that_grew_during_the_run_stops_it_with_65() {
    let (api, out) = changed_mid_run(|file| {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().append(true).open(file).unwrap();
        f.write_all(padded_rows(4000..4010).as_bytes()).unwrap();
    });
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(
        stderr.contains("changed while it was being sent: row 4001 is not what was counted"),
        "{stderr}"
    );
    assert_eq!(
        stdout_of(&out),
        "{\"accepted\":4000,\"invalid\":0,\"duplicate\":0,\"unknown\":0,\"rejected\":0,\"pending\":0,\"parts\":16000}\n"
    );
    assert_eq!(api.messages().len(), 4000);
}

/// Runs `cmd` to its end; its exit code and peak memory in KiB.
#[cfg(unix)]
fn run_measured(mut cmd: std::process::Command) -> (Option<i32>, String, String, Option<i64>) {
    use std::io::Read;
    let mut child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut text = String::new();
        stdout.read_to_string(&mut text).unwrap();
        text
    });
    let err = std::thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).unwrap();
        text
    });
    let pid = child.id() as libc::pid_t;
    let killer = std::thread::spawn(move || {
        for _ in 0..600 {
            std::thread::sleep(std::time::Duration::from_millis(100));
            // SAFETY: signal 0 only probes whether the process exists.
            if unsafe { libc::kill(pid, 0) } != 0 {
                return;
            }
        }
        // SAFETY: our own child, past its deadline.
        unsafe { libc::kill(pid, libc::SIGKILL) };
    });
    let (code, peak_kib) = crate::common::wait_with_rusage(child);
    let _ = killer.join();
    (code, out.join().unwrap(), err.join().unwrap(), peak_kib)
}

#[cfg(unix)]
#[test]
fn a_row_over_1_mib_is_invalid_and_memory_stays_bounded() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    // Written in pieces: the test holds no 40 MB string while the child
    // runs (a forked child's peak memory counts its parent's pages).
    let huge = |out: &mut dyn Write| {
        let chunk = vec![b'a'; 1024 * 1024];
        for _ in 0..40 {
            out.write_all(&chunk).unwrap();
        }
    };
    for (name, head, tail) in [
        (
            "l.csv",
            "recipient,text\n447930000001,",
            "\n447930000002,\"x\ny\"\n447930000003,ok\n",
        ),
        (
            "l.jsonl",
            "{\"recipient\":\"447930000001\",\"text\":\"",
            "\"}\n{\"recipient\":\"447930000002\",\"text\":\"x\"}\n{\"recipient\":447930000003,\"text\":\"ok\"}\n",
        ),
    ] {
        let file = dir.path().join(name);
        {
            let mut out = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
            out.write_all(head.as_bytes()).unwrap();
            huge(&mut out);
            out.write_all(tail.as_bytes()).unwrap();
        }
        let api = mock_api::start(Faults::default());
        let mut cmd = crate::common::raw_mobivate();
        cmd.env("MOBIVATE_API_KEY", KEY)
            .env("CI", "true")
            .args(["--base-url", &api.url(), "bulk"])
            .arg(&file)
            .args(["--yes", "--settle", "0", "--from", "Shop"]);
        let (code, stdout, stderr, max_rss_kib) = run_measured(cmd);
        assert_eq!(code, Some(65), "{name}: {stderr}");
        assert!(
            stderr.contains("row 1: the row is longer than 1 MiB (1048576 bytes)\n"),
            "{name}: {stderr}"
        );
        assert_eq!(
            stdout, "accepted 2, invalid 1, duplicate 0, unknown 0, rejected 0\n",
            "{name}"
        );
        assert_eq!(recipients(&api), ["447930000002", "447930000003"], "{name}");
        if let Some(max_rss_kib) = max_rss_kib {
            assert!(
                max_rss_kib < 64 * 1024,
                "{name}: peak memory {max_rss_kib} KiB"
            );
        }
    }
}

#[test]
fn text_file_from_stdin_shares_it_with_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", b"recipient\n447930000001\n");
    let out = mobivate()
        .args(["bulk", "-", "--check", "--from", "Shop", "--text-file", "-"])
        .write_stdin("recipient\n447930000001\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("--text-file - and the rows cannot both read stdin"));
    let out = mobivate()
        .args([
            "bulk",
            "--check",
            "--from",
            "Shop",
            "--key-stdin",
            "--text-file",
            "-",
        ])
        .arg(&file)
        .write_stdin("hi\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("--text-file - and --key-stdin cannot both read stdin"));
    // Alone, it is the template.
    let out = mobivate()
        .args(["bulk", "--check", "--from", "Shop", "--text-file", "-"])
        .arg(&file)
        .write_stdin("hi\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("to send: 1 messages, 1 parts"));
}
