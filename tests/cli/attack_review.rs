//! The hostile review of issue 16's fixes: decimals never become other
//! numbers, an alternating server ends a listing, an empty route from
//! anywhere is refused, a request with two framings is a 400, and a column
//! or key given twice is told rather than resolved by a reader's own rule.

use crate::common::mock_api::{self, Faults, MockApi};
use crate::common::server::{json_reply, scripted};
use crate::common::*;

use crate::common::mock_api::bulk_from_shop as bulk;

fn recipients(api: &MockApi) -> Vec<String> {
    api.recipients()
}

#[test]
fn json_numbers_with_a_fraction_or_a_sign_are_invalid_rows() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "l.jsonl",
        b"{\"recipient\":447930000001.5,\"text\":\"a\"}\n\
          {\"recipient\":447930000001.00,\"text\":\"b\"}\n\
          {\"recipient\":44793000000.1,\"text\":\"c\"}\n\
          {\"recipient\":447.930000001,\"text\":\"d\"}\n\
          {\"recipient\":-447930000001,\"text\":\"e\"}\n\
          {\"recipient\":447930000006,\"text\":\"f\"}\n",
    );
    let out = bulk(&api, &file).output().unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    for (row, value) in [
        (1, "447930000001.5"),
        (2, "447930000001.00"),
        (3, "44793000000.1"),
        (4, "447.930000001"),
        (5, "-447930000001"),
    ] {
        assert!(
            stderr.contains(&format!(
                "row {row}: the value of \"recipient\" is the JSON number {value}, with a sign"
            )),
            "{row}: {stderr}"
        );
    }
    assert!(!stderr.contains("4479300000015"), "{stderr}");
    assert_eq!(recipients(&api), ["447930000006"]);
}

#[test]
fn csv_decimals_are_invalid_and_dotted_groups_are_not() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "l.csv",
        b"recipient,text\n447930000001.00,a\n447930000002.000,b\n+44.7930.000.003,c\n\"447930000004.5 \",d\n",
    );
    let out = bulk(&api, &file).output().unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    for (row, value) in [
        (1, "447930000001.00"),
        (2, "447930000002.000"),
        (4, "447930000004.5 "),
    ] {
        assert!(
            stderr.contains(&format!(
                "row {row}: not a phone number: '{value}' is a decimal number"
            )),
            "{row}: {stderr}"
        );
    }
    assert_eq!(recipients(&api), ["447930000003"]);
}

#[test]
fn send_refuses_a_decimal_recipient() {
    let api = mock_api::start(Faults::default());
    let out = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", &api.url(), "send", "--to"])
        .args(["447930000001.00", "--from", "Shop", "hi"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("not a phone number: '447930000001.00' is a decimal number"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(stdout_of(&out), "");
    assert!(api.messages().is_empty());
}

/// A page of 1000 log records from `from`.
fn page(from: usize) -> String {
    serde_json::Value::Array(
        (from..from + 1000)
            .map(|n| message_record(n, "DELIVERED"))
            .collect(),
    )
    .to_string()
}

#[test]
fn logs_list_stops_when_the_server_alternates_two_pages() {
    let (a, b) = (page(0), page(1000));
    let replies = (0..8)
        .map(|i| json_reply(200, "OK", if i % 2 == 0 { &a } else { &b }))
        .collect();
    let server = scripted(replies, None);
    let out = mobivate()
        .args(["--base-url", &server.url(), "--retries", "0"])
        .env("MOBIVATE_API_KEY", KEY)
        .args(["logs", "list", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(76), "{}", stderr_of(&out));
    assert_eq!(
        stderr_of(&out),
        "mobivate: warning: the server answered page 3 with the records of page 1: it ignores paging, so the listing stops here\n\
         mobivate: error: the list is incomplete: the server did not page through it\n"
    );
    let ids: Vec<String> = stdout_of(&out)
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            record["id"].as_str().unwrap().to_string()
        })
        .collect();
    let expected: Vec<String> = (0..2000).map(|n| format!("{n:032x}")).collect();
    assert_eq!(ids, expected);
    assert_eq!(server.request_count(), 3);
}

fn config_dir_with(config: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("config.toml"), config).unwrap();
    home
}

#[test]
fn an_empty_route_from_the_environment_or_the_profile_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", b"recipient,text\n447930000001,a\n");
    let api = mock_api::start(Faults::default());
    let out = bulk(&api, &file)
        .env("MOBIVATE_ROUTE", "")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("MOBIVATE_ROUTE is empty"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(stdout_of(&out), "");

    let config = config_dir_with("[profiles.default]\nroute = \"\"\n");
    let out = bulk(&api, &file)
        .env("MOBIVATE_CONFIG_DIR", config.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("the profile's route is empty"),
        "{}",
        stderr_of(&out)
    );
    let out = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .env("MOBIVATE_CONFIG_DIR", config.path())
        .args(["--base-url", &api.url(), "send", "--to"])
        .args(["447930000001", "--from", "Shop", "hi"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("the profile's route is empty"));
    assert!(api.messages().is_empty());
}

#[test]
fn a_duplicate_used_csv_column_is_refused_before_sending() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "l.csv",
        b"recipient,text,recipient\n447930000001,a,447930000002\n",
    );
    let out = bulk(&api, &file).output().unwrap();
    assert_eq!(out.status.code(), Some(65), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("has the column \"recipient\" twice"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(stdout_of(&out), "");
    assert!(api.batches().is_empty());
    // An unused column twice is no matter.
    let file = write(
        dir.path(),
        "m.csv",
        b"recipient,text,x,x\n447930000001,a,1,2\n",
    );
    let out = bulk(&api, &file).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(recipients(&api), ["447930000001"]);
}

#[test]
fn a_jsonl_row_with_a_duplicate_key_is_invalid() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "l.jsonl",
        b"{\"recipient\":\"447930000001\",\"text\":\"a\",\"recipient\":\"447930000002\"}\n\
          {\"recipient\":\"447930000003\",\"text\":\"b\"}\n",
    );
    let out = bulk(&api, &file).output().unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(
        stderr.contains("row 1: the key \"recipient\" is given twice in the row"),
        "{stderr}"
    );
    assert_eq!(recipients(&api), ["447930000003"]);
}

#[test]
fn content_length_beside_chunked_is_400() {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut child = raw_mobivate()
        .args(["webhooks", "listen", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    stderr.read_line(&mut first).unwrap();
    let port = listening_port(first.trim_end());
    let body = r#"{"deliveryMessageId":"d1","status":"DELIVERED","statusCode":1}"#;
    let request = format!(
        "POST /receipt HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{body}\r\n0\r\n\r\n",
        body.len(),
        body.len()
    );
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let mut warning = String::new();
    stderr.read_line(&mut warning).unwrap();
    let _ = child.kill();
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let _ = child.wait();
    let answer = String::from_utf8_lossy(&answer);
    assert_eq!(
        answer.lines().next(),
        Some("HTTP/1.1 400 Bad Request"),
        "{answer}"
    );
    assert!(
        warning.ends_with(": both Content-Length and Transfer-Encoding\n"),
        "{warning}"
    );
    assert_eq!(stdout, "");
}

// Unix: FIFOs and /dev/null.
#[cfg(unix)]
#[test]
fn a_symlink_to_a_fifo_or_a_device_is_refused_as_the_target_is() {
    let dir = tempfile::tempdir().unwrap();
    let rows = write(dir.path(), "l.csv", b"recipient,text\n447930000001,a\n");
    let fifo = mkfifo(&dir.path().join("fifo"));
    let link = dir.path().join("linkfifo");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let api = mock_api::start(Faults::default());
    let out = bulk(&api, &rows)
        .arg("--report")
        .arg(&link)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(73), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains(&format!(
            "{}: it is a symbolic link to a FIFO; only a regular file or a symlink to one is replaced",
            link.display()
        )),
        "{}",
        stderr_of(&out)
    );
    assert!(api.batches().is_empty());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    let null = dir.path().join("linknull");
    std::os::unix::fs::symlink("/dev/null", &null).unwrap();
    let password_file = write(dir.path(), "pw", &format!("{PASSWORD}\n"));
    make_private(&password_file);
    let server = key_server(KEY);
    let out = mobivate()
        .args(["getkey", "--base-url", &server.url(), "-u", USER])
        .arg("--password-file")
        .arg(&password_file)
        .arg("-o")
        .arg(&null)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(73), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("it is a symbolic link to a character device"),
        "{}",
        stderr_of(&out)
    );
    assert!(!stderr_of(&out).contains(KEY));
    assert_eq!(stdout_of(&out), "");
    assert!(
        std::fs::symlink_metadata(&null)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn an_uncreatable_report_names_the_users_path() {
    let dir = tempfile::tempdir().unwrap();
    let rows = write(dir.path(), "l.csv", b"recipient,text\n447930000001,a\n");
    let report = dir.path().join("nodir").join("r.jsonl");
    let api = mock_api::start(Faults::default());
    let out = bulk(&api, &rows)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(73), "{stderr}");
    assert!(stderr.contains(&report.display().to_string()), "{stderr}");
    assert!(!stderr.contains(".r.jsonl."), "{stderr}");
    assert!(!stderr.contains("at path"), "{stderr}");
    assert!(api.batches().is_empty());
}

#[test]
fn a_file_changed_after_sending_is_told_as_such_and_the_report_claims_no_number() {
    let api = mock_api::start(Faults {
        delay: std::time::Duration::from_millis(300),
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "l.csv",
        b"recipient,text\n447930000001,a\n447930000002,b\n447930000003,c\n",
    );
    let report = dir.path().join("r.jsonl");
    let mut cmd = raw_mobivate();
    cmd.env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", &api.url(), "bulk"])
        .arg(&file)
        .args([
            "--yes", "--settle", "0", "--from", "Shop", "--format", "json",
        ])
        .args(["--batch-size", "1", "--parallel", "1", "--report"])
        .arg(&report)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let child = cmd.spawn().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while api.batches().is_empty() {
        assert!(std::time::Instant::now() < deadline, "no request");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    // The sending pass holds the whole small file in its buffer already:
    // only the counting pass sees row 2 changed (same length).
    std::fs::write(
        &file,
        b"recipient,text\n447930000001,a\n447930000009,b\n447930000003,c\n",
    )
    .unwrap();
    api.set_faults(Faults::default());
    let out = child.wait_with_output().unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(
        stderr.contains(
            "changed after its rows were sent: row 2 is not what was counted; the counts of row 2 on come from the journal"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("were not sent"), "{stderr}");
    assert_eq!(
        stdout_of(&out),
        "{\"accepted\":3,\"invalid\":0,\"duplicate\":0,\"unknown\":0,\"rejected\":0,\"pending\":0,\"parts\":1}\n"
    );
    assert_eq!(
        recipients(&api),
        ["447930000001", "447930000002", "447930000003"]
    );
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&report)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["recipient"], "447930000001");
    for line in &lines[1..] {
        assert_eq!(line["recipient"], serde_json::Value::Null, "{line}");
        assert_eq!(line["state"], "accepted", "{line}");
        assert!(
            line["reason"]
                .as_str()
                .unwrap()
                .starts_with("the file changed after this row was sent"),
            "{line}"
        );
    }
}
