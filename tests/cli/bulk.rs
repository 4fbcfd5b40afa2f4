//! `mobivate bulk` through the real binary, against the mock API
//! (examples/mock_api, through tests/cli/common/mock_api.rs).

use crate::common::mock_api::{self, Faults, MockApi, bulk, mock_stats, start_mock_api};
use crate::common::{KEY, mobivate, raw_mobivate, stderr_of, stdout_of, write};
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

fn numbers_csv(rows: usize) -> String {
    let mut csv = String::from("recipient,name\n");
    for i in 0..rows {
        csv.push_str(&format!("4479300{i:05},Name{i}\n"));
    }
    csv
}

fn report_lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn assert_each_sent_once(api: &MockApi, expected: usize) {
    let counts = api.reference_counts();
    assert_eq!(counts.len(), expected, "distinct references accepted");
    let twice: Vec<_> = counts.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "sent more than once: {twice:?}");
}

#[test]
fn sends_a_templated_csv_in_batches() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "list.csv",
        "\u{feff}recipient;name;reference\n+44 7930 000001;Ann;\n447930000002;Bob;own-2\n447930000003;Cy;\n",
    );
    let report = dir.path().join("report.jsonl");
    let output = bulk(&api, &file)
        .args([
            "--delimiter",
            ";",
            "--text",
            "Hi {{name}}",
            "--from",
            "Shop",
        ])
        .args(["--batch-size", "2", "--name", "Spring", "--schedule", "+1h"])
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stdout_of(&output),
        "accepted 3, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    assert!(
        stderr.contains("rows: 3 read, 3 valid, 0 invalid, 0 duplicate"),
        "{stderr}"
    );
    assert!(
        stderr.contains("to send: 3 messages, 3 parts (3 GSM-7, 0 UCS-2"),
        "{stderr}"
    );
    assert!(stderr.contains("requests: 2"), "{stderr}");
    assert!(!stderr.contains(KEY));

    let batches = api.batches();
    assert_eq!(batches.len(), 2);
    for batch in &batches {
        assert_eq!(batch["excludeDuplicates"], false);
        assert_eq!(batch["excludeOptouts"], true);
        assert_eq!(batch["name"], "Spring");
        assert!(
            batch["scheduleDateTime"]
                .as_str()
                .unwrap()
                .ends_with("+0000")
        );
        assert_eq!(batch["routeId"], "mglobal");
    }
    let mut messages = api.messages();
    // Requests go out in parallel: their order at the server is not the file's.
    messages.sort_by(|a, b| a.recipient.cmp(&b.recipient));
    let texts: Vec<&str> = messages.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["Hi Ann", "Hi Bob", "Hi Cy"]);
    assert_eq!(messages[0].recipient, "447930000001");
    assert_eq!(messages[0].originator, "Shop");
    assert_eq!(messages[1].reference, "own-2");
    assert!(messages[0].reference.ends_with("-1"));
    assert!(messages[2].reference.ends_with("-3"));
    assert_ne!(messages[0].reference, messages[2].reference);

    let lines = report_lines(&report);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["row"], 2);
    assert_eq!(lines[1]["recipient"], "447930000002");
    assert_eq!(lines[1]["reference"], "own-2");
    assert_eq!(lines[1]["state"], "accepted");
    assert_eq!(lines[1]["campaignId"].as_str().unwrap().len(), 32);
    assert_eq!(lines[1]["reason"], Value::Null);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for path in [report.clone(), dir.path().join("list.csv.mobivate-journal")] {
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{}", path.display());
        }
    }

    // Rerunning resumes: nothing is left to send.
    let again = bulk(&api, &file)
        .args([
            "--delimiter",
            ";",
            "--text",
            "Hi {{name}}",
            "--from",
            "Shop",
        ])
        .args(["--batch-size", "2", "--name", "Spring", "--schedule", "+1h"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "{}", stderr_of(&again));
    assert_eq!(
        stdout_of(&again),
        "accepted 3, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    assert!(stderr_of(&again).contains("to send: 0 messages"));
    assert_eq!(api.batches().len(), 2);
}

#[test]
fn check_validates_without_key_or_network() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "list.csv",
        "recipient,text,originator\n447930000001,Hello,Shop\n07930 000002,Hi,Shop\n447930000003,,Shop\n447930000004,Yo,Shop!\n447930000001,Hello,Shop\n447930000005,Ça va ’,Shop\n",
    );
    let output = mobivate()
        .args(["--base-url", "http://127.0.0.1:9", "bulk", "--check"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(65), "{stderr}");
    assert_eq!(
        stdout_of(&output),
        "accepted 0, invalid 3, duplicate 1, unknown 0, rejected 0\n"
    );
    assert!(
        stderr.contains("rows: 6 read, 3 valid, 3 invalid, 1 duplicate"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 2: not a phone number: '07930 000002' is not in international form"),
        "{stderr}"
    );
    assert!(stderr.contains("row 3: the text is empty"), "{stderr}");
    assert!(
        stderr.contains("row 4: not an originator: 'Shop!'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("to send: 2 messages, 2 parts (1 GSM-7, 1 UCS-2"),
        "{stderr}"
    );
    assert!(!dir.path().join("list.csv.mobivate-journal").exists());

    let skip = mobivate()
        .args(["bulk", "--check", "--skip-invalid"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(skip.status.code(), Some(0), "{}", stderr_of(&skip));
}

#[test]
fn ucs2_that_makes_a_message_longer_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("{}’", "a".repeat(80));
    let file = write(
        dir.path(),
        "l.csv",
        &format!("recipient,text\n447930000001,{long}\n"),
    );
    let output = mobivate()
        .args(["bulk", "--check", "--from", "Shop", "--max-parts", "2"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("2 parts (0 GSM-7, 2 UCS-2; UCS-2 made 1 messages longer)")
    );
    let too_long = mobivate()
        .args(["bulk", "--check", "--from", "Shop", "--max-parts", "1"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(too_long.status.code(), Some(65));
    assert!(
        stderr_of(&too_long)
            .contains("row 1: the text takes 2 parts (UCS-2), more than --max-parts 1")
    );
}

#[test]
fn unknown_placeholder_and_missing_columns_fail_before_sending() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(3));
    let output = bulk(&api, &file)
        .args(["--text", "Hi {{first_name}}", "--from", "Shop"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    assert!(
        stderr_of(&output).contains("{{first_name}}"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(stdout_of(&output), "");

    let no_text = bulk(&api, &file).args(["--from", "Shop"]).output().unwrap();
    assert_eq!(no_text.status.code(), Some(65));
    assert!(stderr_of(&no_text).contains("has no `text` column"));

    let other = bulk(&api, &file)
        .args(["--text", "Hi", "--from", "Shop", "--to-column", "mobile"])
        .output()
        .unwrap();
    assert_eq!(other.status.code(), Some(65));
    assert!(stderr_of(&other).contains("has no `mobile` column"));
    assert!(api.batches().is_empty());
}

#[test]
fn empty_template_values_are_warned_once_with_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "l.csv",
        "recipient,name\n447930000001,\n447930000002,\n447930000003,Al\n",
    );
    let output = mobivate()
        .args([
            "bulk",
            "--check",
            "--from",
            "Shop",
            "--text",
            "Hi {{name}}!",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = stderr_of(&output);
    assert_eq!(stderr.matches("empty value").count(), 1, "{stderr}");
    assert!(stderr.contains("2 rows have an empty value for a template placeholder"));
}

#[test]
fn duplicates_are_sent_once_unless_allowed() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let csv = "recipient,name\n447930000001,A\n+447930000001,A\n447930000001,B\n";
    let file = write(dir.path(), "d.csv", csv);
    let output = bulk(&api, &file)
        .args(["--text", "Hi {{name}}", "--from", "Shop"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "accepted 2, invalid 0, duplicate 1, unknown 0, rejected 0\n"
    );
    assert_eq!(api.messages().len(), 2);

    let api = mock_api::start(Faults::default());
    let file = write(dir.path(), "d2.csv", csv);
    let output = bulk(&api, &file)
        .args([
            "--text",
            "Hi {{name}}",
            "--from",
            "Shop",
            "--allow-duplicates",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(api.messages().len(), 3);
}

#[test]
fn invalid_rows_are_reported_and_exit_65_after_the_valid_ones_are_sent() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "i.csv",
        "recipient\n447930000001\nnope\n447930000002\n",
    );
    let report = dir.path().join("r.jsonl");
    let output = bulk(&api, &file)
        .args(["--text", "Hi", "--from", "Shop", "--report"])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "accepted 2, invalid 1, duplicate 0, unknown 0, rejected 0\n"
    );
    assert_eq!(api.messages().len(), 2);
    let lines = report_lines(&report);
    assert_eq!(lines[1]["state"], "invalid");
    assert_eq!(lines[1]["recipient"], "nope");
    assert!(lines[1]["reason"].as_str().unwrap().contains("has letters"));

    let api = mock_api::start(Faults::default());
    let file = write(dir.path(), "i2.csv", "recipient\n447930000001\nnope\n");
    let output = bulk(&api, &file)
        .args([
            "--text",
            "Hi",
            "--from",
            "Shop",
            "--skip-invalid",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "{\"accepted\":1,\"invalid\":1,\"duplicate\":0,\"unknown\":0,\"rejected\":0,\"pending\":0,\"parts\":1}\n"
    );
}

/// CSV is strict: a row with the wrong number of fields, or an unterminated
/// quote that swallows the rest of the file, is an invalid row with a
/// reason, never a merged message; the rows around it are still read.
#[test]
fn malformed_csv_rows_are_invalid_never_merged() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "m.csv",
        "recipient,text\n447930000001,Hi\n447930000002,Hi,extra\n447930000003\n\
         447930000006,\"Line one\nline two\"\n447930000004,\"Hello\n447930000005,Hi\n",
    );
    let report = dir.path().join("r.jsonl");
    let output = bulk(&api, &file)
        .args(["--from", "Shop", "--report"])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "accepted 2, invalid 3, duplicate 0, unknown 0, rejected 0\n"
    );
    let mut sent: Vec<(String, String)> = api
        .messages()
        .into_iter()
        .map(|m| (m.recipient, m.text))
        .collect();
    sent.sort();
    assert_eq!(
        sent,
        [
            ("447930000001".to_string(), "Hi".to_string()),
            ("447930000006".to_string(), "Line one\nline two".to_string())
        ]
    );
    let lines = report_lines(&report);
    assert_eq!(lines.len(), 5);
    let reason = |i: usize| lines[i]["reason"].as_str().unwrap_or("").to_string();
    assert_eq!(lines[1]["state"], "invalid");
    assert!(
        reason(1).contains("3 fields where the header has 2"),
        "{}",
        reason(1)
    );
    assert_eq!(lines[2]["state"], "invalid");
    assert!(
        reason(2).contains("1 fields where the header has 2"),
        "{}",
        reason(2)
    );
    assert_eq!(lines[3]["state"], "accepted");
    assert_eq!(lines[4]["state"], "invalid");
    assert!(reason(4).contains("never closed"), "{}", reason(4));
}

#[test]
fn repeated_references_in_the_file_exit_65_before_sending() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "r.csv",
        "recipient,reference\n447930000001,a\n447930000002,b\n447930000003,a\n",
    );
    let output = bulk(&api, &file)
        .args(["--text", "Hi", "--from", "S"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65));
    assert!(
        stderr_of(&output).contains("the reference \"a\" is in more than one row (row 1, row 3)"),
        "{}",
        stderr_of(&output)
    );
    assert!(api.batches().is_empty());
}

#[test]
fn jsonl_from_stdin_needs_a_journal() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let rows = "{\"recipient\":447930000001,\"text\":\"Hi\"}\n{\"recipient\":\"447930000002\",\"text\":\"Yo\",\"originator\":\"Other\"}\n";
    let without = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args([
            "--base-url",
            &api.url(),
            "bulk",
            "-",
            "--yes",
            "--input-format",
            "jsonl",
            "--from",
            "S",
        ])
        .write_stdin(rows)
        .output()
        .unwrap();
    assert_eq!(without.status.code(), Some(64));
    assert!(stderr_of(&without).contains("--journal"));

    let journal = dir.path().join("j");
    let output = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args([
            "--base-url",
            &api.url(),
            "bulk",
            "-",
            "--yes",
            "--input-format",
            "jsonl",
            "--from",
            "S",
        ])
        .arg("--journal")
        .arg(&journal)
        .write_stdin(rows)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let messages = api.messages();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0].recipient, "447930000001");
    assert_eq!(messages[0].originator, "S");
    assert_eq!(messages[1].originator, "Other");
    assert!(journal.exists());
}

#[test]
fn dry_run_prints_the_first_request_and_sends_nothing() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(3));
    let output = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args([
            "--base-url",
            &api.url(),
            "bulk",
            "--dry-run",
            "--text",
            "Hi {{name}}",
            "--from",
            "S",
            "--batch-size",
            "2",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    let (head, body) = stdout.split_once("\n\n").unwrap();
    assert_eq!(
        head,
        format!(
            "POST {}/send/batch\nAuthorization: Bearer ***\nContent-Type: application/json",
            api.url()
        )
    );
    let body: Value = serde_json::from_str(body.trim_end()).unwrap();
    assert_eq!(body["recipients"].as_array().unwrap().len(), 2);
    assert_eq!(body["recipients"][1]["text"], "Hi Name1");
    assert!(!stdout.contains(KEY));
    assert!(stderr_of(&output).contains("requests: 2"));
    assert!(api.batches().is_empty());
    assert!(!dir.path().join("l.csv.mobivate-journal").exists());
}

#[test]
fn without_a_terminal_yes_is_required() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(2));
    let output = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args([
            "--base-url",
            &api.url(),
            "bulk",
            "--text",
            "Hi",
            "--from",
            "S",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(64));
    assert!(stderr_of(&output).contains("--yes"));
    assert!(api.batches().is_empty());
    // Nothing was confirmed, so nothing ties the journal to those options:
    // the corrected command runs.
    let fixed = bulk(&api, &file)
        .args(["--text", "Hello", "--from", "S"])
        .output()
        .unwrap();
    assert_eq!(fixed.status.code(), Some(0), "{}", stderr_of(&fixed));
    assert_each_sent_once(&api, 2);
}

#[test]
fn a_changed_file_or_options_exit_65_unless_restart() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(3));
    let run = |extra: &[&str]| {
        bulk(&api, &file)
            .args(["--text", "Hi {{name}}", "--from", "S"])
            .args(extra)
            .output()
            .unwrap()
    };
    assert_eq!(run(&[]).status.code(), Some(0));
    std::fs::write(&file, numbers_csv(4)).unwrap();
    let changed = run(&[]);
    assert_eq!(changed.status.code(), Some(65));
    assert!(
        stderr_of(&changed).contains("has changed since the journal"),
        "{}",
        stderr_of(&changed)
    );
    assert_eq!(api.messages().len(), 3);

    std::fs::write(&file, numbers_csv(3)).unwrap();
    let options = bulk(&api, &file)
        .args(["--text", "Hello {{name}}", "--from", "S"])
        .output()
        .unwrap();
    assert_eq!(options.status.code(), Some(65));
    assert!(stderr_of(&options).contains("options that shape the messages have changed"));

    let restarted = bulk(&api, &file)
        .args(["--text", "Hello {{name}}", "--from", "S", "--restart"])
        .output()
        .unwrap();
    assert_eq!(
        restarted.status.code(),
        Some(0),
        "{}",
        stderr_of(&restarted)
    );
    assert_eq!(api.messages().len(), 6);
}

#[test]
fn a_journal_in_use_exits_75_at_once() {
    let api = mock_api::start(Faults {
        delay: Duration::from_millis(1500),
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(2));
    let mut first = raw_mobivate();
    first
        .env("MOBIVATE_API_KEY", KEY)
        .args([
            "--base-url",
            &api.url(),
            "bulk",
            "--yes",
            "--text",
            "Hi",
            "--from",
            "S",
        ])
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut child = first.spawn().unwrap();
    // Wait until the first run has its request in flight.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while api.batches().is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "the first run never sent"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let second = bulk(&api, &file)
        .args(["--text", "Hi", "--from", "S"])
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(75), "{}", stderr_of(&second));
    assert!(stderr_of(&second).contains("in use by another run"));
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert_each_sent_once(&api, 2);
}

#[test]
fn a_400_rejects_that_request_and_the_run_goes_on() {
    let api = mock_api::start(Faults {
        reject_recipient: Some("447930000001".into()),
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(4));
    let report = dir.path().join("r.jsonl");
    let output = bulk(&api, &file)
        .args([
            "--text",
            "Hi",
            "--from",
            "S",
            "--batch-size",
            "2",
            "--parallel",
            "1",
            "--report",
        ])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(65), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "accepted 2, invalid 0, duplicate 0, unknown 0, rejected 2\n"
    );
    let lines = report_lines(&report);
    assert_eq!(lines[0]["state"], "rejected");
    assert_eq!(lines[0]["reason"], "Invalid recipient: 447930000001");
    assert_eq!(lines[2]["state"], "accepted");
}

#[test]
fn a_402_stops_the_run_with_77() {
    let api = mock_api::start(Faults {
        status: Some(402),
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(6));
    let output = bulk(&api, &file)
        .args([
            "--text",
            "Hi",
            "--from",
            "S",
            "--batch-size",
            "1",
            "--parallel",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(77), "{}", stderr_of(&output));
    assert!(stderr_of(&output).contains("out of credit"));
    assert_eq!(
        stdout_of(&output),
        "accepted 0, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    // Stopped at the first refusal: the journal holds one request only.
    let journal = std::fs::read_to_string(dir.path().join("l.csv.mobivate-journal")).unwrap();
    assert_eq!(journal.matches("\"t\":\"begin\"").count(), 1, "{journal}");
}

#[test]
fn a_429_lowers_concurrency_and_every_row_still_goes_once() {
    let api = mock_api::start(Faults {
        rate_limit: Some(4),
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(60));
    let output = bulk(&api, &file)
        .args([
            "--text",
            "Hi",
            "--from",
            "S",
            "--batch-size",
            "5",
            "--parallel",
            "8",
        ])
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(api.stats()["rateLimited"].as_u64().unwrap() > 0);
    assert!(stderr.contains("rate limited"), "{stderr}");
    assert!(stderr.contains("requests were slowed to"), "{stderr}");
    assert_each_sent_once(&api, 60);
}

#[test]
fn unknown_outcomes_are_found_in_the_message_log_not_resent() {
    let api = mock_api::start(Faults {
        drop_after_read: 1.0,
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(4));
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
    let report = dir.path().join("r.jsonl");
    let output = bulk(&api, &file)
        .args(args)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(75), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "accepted 0, invalid 0, duplicate 0, unknown 4, rejected 0\n"
    );
    assert_eq!(report_lines(&report)[0]["state"], "unknown");
    api.set_faults(Faults::default());
    let again = bulk(&api, &file).args(args).output().unwrap();
    assert_eq!(again.status.code(), Some(0), "{}", stderr_of(&again));
    assert_eq!(
        stdout_of(&again),
        "accepted 4, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    assert!(stderr_of(&again).contains("in the message log"));
    assert_each_sent_once(&api, 4);
}

#[test]
fn unknown_outcomes_not_in_the_log_are_resent_only_when_asked() {
    let api = mock_api::start(Faults {
        fail_rate: 1.0,
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(2));
    let args = ["--text", "Hi", "--from", "S"];
    let output = bulk(&api, &file).args(args).output().unwrap();
    assert_eq!(output.status.code(), Some(75), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("mobivate logs list --reference"),
        "the hint says how to look: {}",
        stderr_of(&output)
    );
    api.set_faults(Faults::default());

    let kept = bulk(&api, &file).args(args).output().unwrap();
    assert_eq!(kept.status.code(), Some(75), "{}", stderr_of(&kept));
    assert!(stderr_of(&kept).contains("--resend-unknown"));
    assert!(api.messages().is_empty());

    let resent = bulk(&api, &file)
        .args(args)
        .arg("--resend-unknown")
        .output()
        .unwrap();
    assert_eq!(resent.status.code(), Some(0), "{}", stderr_of(&resent));
    assert_each_sent_once(&api, 2);
}

/// A log record with one of our references but another recipient is not
/// ours: the row stays unknown.
#[test]
fn a_log_record_with_our_reference_but_another_recipient_is_not_ours() {
    let api = mock_api::start(Faults {
        fail_rate: 1.0,
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(2));
    let report = dir.path().join("r.jsonl");
    let args = ["--text", "Hi", "--from", "S"];
    let output = bulk(&api, &file)
        .args(args)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(75), "{}", stderr_of(&output));
    api.set_faults(Faults::default());
    for line in report_lines(&report) {
        api.send_batch(&serde_json::json!({
            "routeId": "mglobal",
            "recipients": [{
                "originator": "S",
                "recipient": "61400000000",
                "text": "Hi",
                "reference": line["reference"],
            }],
        }));
    }
    let again = bulk(&api, &file).args(args).output().unwrap();
    assert_eq!(again.status.code(), Some(75), "{}", stderr_of(&again));
    assert!(
        !stderr_of(&again).contains("counted as accepted"),
        "{}",
        stderr_of(&again)
    );
    assert!(
        stdout_of(&again).starts_with("accepted 0, "),
        "{}",
        stdout_of(&again)
    );
}

/// Three unknown outcomes in a row stop the run; unknown outcomes are left,
/// so it exits 75 (not the 69 of the 5xx that stopped it).
#[test]
fn three_unknowns_in_a_row_stop_the_run_with_75() {
    let api = mock_api::start(Faults {
        fail_rate: 1.0,
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(10));
    let output = bulk(&api, &file)
        .args(["--text", "Hi", "--from", "S"])
        .args(["--batch-size", "1", "--parallel", "1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(75), "{}", stderr_of(&output));
    assert!(
        stdout_of(&output).contains("unknown 3,"),
        "{}",
        stdout_of(&output)
    );
    assert!(stderr_of(&output).contains("rows have an unknown outcome"));
}

#[test]
fn settle_waits_for_the_log_before_deciding() {
    let api = mock_api::start(Faults {
        fail_rate: 1.0,
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(1));
    let args = ["--text", "Hi", "--from", "S"];
    assert_eq!(
        bulk(&api, &file).args(args).output().unwrap().status.code(),
        Some(75)
    );
    api.set_faults(Faults::default());
    let output = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", &api.url(), "bulk", "--yes"])
        .arg(&file)
        .args(args)
        .args(["--settle", "2s", "--resend-unknown"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("waiting"),
        "{}",
        stderr_of(&output)
    );
    assert_each_sent_once(&api, 1);
}

/// The file is rewritten while the first request is in flight: the sending
/// pass stops at the first row that is not what pass one counted.
#[test]
fn a_file_changed_during_the_run_is_never_sent_unchecked() {
    let api = mock_api::start(Faults {
        delay: Duration::from_millis(1500),
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    // Long rows, so the reader (256 KiB buffer) cannot have read the whole file.
    let csv = |prefix: &str| {
        let mut csv = String::from("recipient,padding\n");
        for i in 0..120 {
            csv.push_str(&format!("{prefix}{i:05},{}\n", "x".repeat(4000)));
        }
        csv
    };
    let file = write(dir.path(), "l.csv", &csv("4479300"));
    let child = raw_mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", &api.url(), "bulk", "--yes", "--settle", "0"])
        .args(["--text", "Hi", "--from", "S"])
        .args(["--batch-size", "10", "--parallel", "1"])
        .arg(&file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    while api.batches().is_empty() {
        std::thread::sleep(Duration::from_millis(10));
    }
    std::fs::write(&file, csv("4479400")).unwrap();
    api.set_faults(Faults::default());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert_eq!(output.status.code(), Some(65), "{stderr}");
    assert!(
        stderr.contains("changed while it was being sent"),
        "{stderr}"
    );
    let sent = api.messages();
    assert!(!sent.is_empty());
    for message in &sent {
        assert!(message.recipient.starts_with("4479300"), "{message:?}");
    }
}

#[cfg(unix)]
#[test]
fn sigterm_and_ctrl_c_record_what_is_in_flight() {
    // SIGTERM exits 143 (an exit status, not death by the signal).
    for (signal, code) in [(libc::SIGTERM, 143), (libc::SIGINT, 130)] {
        let api = mock_api::start(Faults {
            delay: Duration::from_millis(700),
            ..Faults::default()
        });
        let dir = tempfile::tempdir().unwrap();
        let file = write(dir.path(), "l.csv", &numbers_csv(20));
        let child = raw_mobivate()
            .env("MOBIVATE_API_KEY", KEY)
            .args([
                "--base-url",
                &api.url(),
                "bulk",
                "--yes",
                "--text",
                "Hi",
                "--from",
                "S",
            ])
            .args(["--batch-size", "2", "--parallel", "2"])
            .arg(&file)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        while api.batches().is_empty() {
            std::thread::sleep(Duration::from_millis(10));
        }
        unsafe { libc::kill(child.id() as i32, signal) };
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(code), "{:?}", output.status);
        // The requests in flight were answered and recorded as accepted.
        let stdout = String::from_utf8_lossy(&output.stdout).to_string();
        let accepted = api.messages().len();
        assert!((2..20).contains(&accepted), "{accepted}");
        assert!(
            stdout.starts_with(&format!("accepted {accepted}, ")),
            "{stdout}"
        );
        let rest = bulk(&api, &file)
            .args(["--text", "Hi", "--from", "S", "--batch-size", "2"])
            .output()
            .unwrap();
        assert_eq!(rest.status.code(), Some(0), "{}", stderr_of(&rest));
        assert!(!stderr_of(&rest).contains("unknown outcome"));
        assert_each_sent_once(&api, 20);
    }
}

/// kill -9 at random moments, rerun, repeat; then a last run with
/// --resend-unknown: every row is accepted exactly once.
#[cfg(unix)]
#[test]
fn kill_9_at_random_points_never_sends_twice_or_loses_a_row() {
    let api = mock_api::start(Faults {
        delay: Duration::from_millis(15),
        drop_after_read: 0.05,
        fail_rate: 0.05,
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let rows = 1500;
    let file = write(dir.path(), "l.csv", &numbers_csv(rows));
    let args = [
        "--text",
        "Hi {{name}}",
        "--from",
        "S",
        "--batch-size",
        "25",
        "--parallel",
        "4",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..8 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = raw_mobivate()
            .env("MOBIVATE_API_KEY", KEY)
            .args(["--base-url", &api.url(), "bulk", "--yes", "--settle", "0"])
            .args(args)
            .arg(&file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(30 + seed % 400));
        let _ = child.kill();
        let _ = child.wait();
    }
    api.set_faults(Faults::default());
    let last = bulk(&api, &file)
        .args(args)
        .arg("--resend-unknown")
        .output()
        .unwrap();
    let stderr = stderr_of(&last);
    // Rows of a request only partly found would be reported, never resent;
    // the API here accepts a batch whole, so none are.
    assert_eq!(last.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stdout_of(&last),
        format!("accepted {rows}, invalid 0, duplicate 0, unknown 0, rejected 0\n")
    );
    assert_each_sent_once(&api, rows);
}

/// At a terminal: the confirmation prompt, on the terminal;
/// stdout keeps only the counts.
#[cfg(unix)]
#[test]
fn at_a_terminal_it_asks_before_sending() {
    use crate::common::pty::Pty;
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(3));
    let mut cmd = raw_mobivate();
    cmd.env("MOBIVATE_API_KEY", KEY)
        .args([
            "--base-url",
            &api.url(),
            "bulk",
            "--text",
            "Hi",
            "--from",
            "S",
        ])
        .arg(&file);
    let mut pty = Pty::spawn(cmd, true);
    pty.expect("Send 3 messages (3 parts)? [y/N] ");
    pty.send(b"y\r");
    let (code, stdout, seen, _) = pty.finish();
    assert_eq!(code, Some(0), "{seen}");
    assert_eq!(
        stdout,
        "accepted 3, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    assert_each_sent_once(&api, 3);

    let api = mock_api::start(Faults::default());
    let file = write(dir.path(), "n.csv", &numbers_csv(3));
    let mut cmd = raw_mobivate();
    cmd.env("MOBIVATE_API_KEY", KEY)
        .args([
            "--base-url",
            &api.url(),
            "bulk",
            "--text",
            "Hi",
            "--from",
            "S",
        ])
        .arg(&file);
    let mut pty = Pty::spawn(cmd, true);
    pty.expect("? [y/N] ");
    pty.send(b"n\r");
    let (code, stdout, seen, _) = pty.finish();
    assert_eq!(code, Some(64), "{seen}");
    assert_eq!(stdout, "");
    assert!(seen.contains("cancelled: nothing was sent"), "{seen}");
    assert!(api.batches().is_empty());
}

// ---------- against the mock API example (examples/mock_api/) ----------

/// The kill -9 loop against the real mock, its faults switched on (5xx,
/// accepted then dropped): the mock's own count of accepted messages ends
/// equal to the rows, so none was sent twice and none lost.
#[cfg(unix)]
#[test]
fn kill_9_loop_against_the_mock_api() {
    const MOCK_KEY: &str = "abcd1234-9922-abcd-1234-abcd1234abcd";
    let mock = start_mock_api(&[
        "--fail-rate",
        "0.05",
        "--drop-after-read",
        "0.05",
        "--seed",
        "7",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let rows = 1200;
    let file = write(dir.path(), "l.csv", &numbers_csv(rows));
    let args = ["--text", "Hi {{name}}", "--from", "S", "--batch-size", "20"];
    for pause in [60, 250, 20, 400, 120, 300] {
        let mut child = raw_mobivate()
            .env("MOBIVATE_API_KEY", MOCK_KEY)
            .args(["--base-url", &mock.1, "bulk", "--yes", "--settle", "0"])
            .args(args)
            .arg(&file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(pause));
        let _ = child.kill();
        let _ = child.wait();
    }
    // Faults stay on: the last runs resume until nothing is left to send.
    let mut last = None;
    for _ in 0..20 {
        let output = mobivate()
            .env("MOBIVATE_API_KEY", MOCK_KEY)
            .args([
                "--base-url",
                &mock.1,
                "bulk",
                "--yes",
                "--settle",
                "0",
                "--resend-unknown",
            ])
            .args(args)
            .arg(&file)
            .output()
            .unwrap();
        let done = output.status.code() == Some(0);
        last = Some(output);
        if done {
            break;
        }
    }
    let last = last.unwrap();
    assert_eq!(last.status.code(), Some(0), "{}", stderr_of(&last));
    assert_eq!(
        stdout_of(&last),
        format!("accepted {rows}, invalid 0, duplicate 0, unknown 0, rejected 0\n")
    );
    let stats = mock_stats(&mock.1);
    assert_eq!(stats["accepted"], rows, "{stats}");
}

#[test]
fn the_sender_and_route_come_from_the_environment_when_no_flag_gives_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", &numbers_csv(1));
    let output = mobivate()
        .env("MOBIVATE_FROM", "EnvShop")
        .env("MOBIVATE_ROUTE", "premium")
        .args(["bulk", "--dry-run", "--text", "Hi"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    let body: Value = serde_json::from_str(stdout.split_once("\n\n").unwrap().1.trim()).unwrap();
    assert_eq!(body["routeId"], "premium");
    assert_eq!(body["recipients"][0]["originator"], "EnvShop");

    let bad = mobivate()
        .env("MOBIVATE_FROM", "Not valid!")
        .args(["bulk", "--check", "--text", "Hi"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(65));
    assert!(
        stderr_of(&bad).contains("MOBIVATE_FROM"),
        "{}",
        stderr_of(&bad)
    );
}

/// `--exclude-optouts`: the mock's opted-out number is never sent, is counted
/// as `opted-out O` on stdout, and is reported with the state `opted-out`.
#[test]
fn exclude_optouts_skips_and_reports_opted_out_recipients() {
    const MOCK_KEY: &str = "abcd1234-9922-abcd-1234-abcd1234abcd";
    let mock = start_mock_api(&[]);
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "o.csv",
        "recipient,text\n447930000001,Hi\n447700900999,Hi\n447930000002,Hi\n",
    );
    let report = dir.path().join("report.jsonl");
    let output = mobivate()
        .env("MOBIVATE_API_KEY", MOCK_KEY)
        .args(["--base-url", &mock.1, "bulk", "--yes", "--settle", "0"])
        .args(["--from", "Shop", "--exclude-optouts", "--report"])
        .arg(&report)
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "accepted 2, invalid 0, duplicate 0, unknown 0, rejected 0, opted-out 1\n"
    );
    let lines = report_lines(&report);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["recipient"], "447700900999");
    assert_eq!(lines[1]["state"], "opted-out");
    assert_eq!(lines[0]["state"], "accepted");
    let stats = mock_stats(&mock.1);
    assert_eq!(stats["accepted"], 2, "{stats}");
    assert_eq!(stats["optedOutSkipped"], 0, "the API never saw it: {stats}");

    // --exclude-optouts shapes the run: a rerun without it is refused.
    let without = mobivate()
        .env("MOBIVATE_API_KEY", MOCK_KEY)
        .args(["--base-url", &mock.1, "bulk", "--yes", "--settle", "0"])
        .args(["--from", "Shop"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(without.status.code(), Some(65), "{}", stderr_of(&without));
    assert!(stderr_of(&without).contains("options"));
    assert_eq!(mock_stats(&mock.1)["accepted"], 2);

    // The number opts in again: the rerun sends its row, which no request
    // of the first run carried.
    let removed = mobivate()
        .env("MOBIVATE_API_KEY", MOCK_KEY)
        .args(["--base-url", &mock.1, "optouts", "remove", "+447700900999"])
        .output()
        .unwrap();
    assert_eq!(removed.status.code(), Some(0), "{}", stderr_of(&removed));
    let rerun = mobivate()
        .env("MOBIVATE_API_KEY", MOCK_KEY)
        .args(["--base-url", &mock.1, "bulk", "--yes", "--settle", "0"])
        .args(["--from", "Shop", "--exclude-optouts"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(rerun.status.code(), Some(0), "{}", stderr_of(&rerun));
    assert_eq!(
        stdout_of(&rerun),
        "accepted 3, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    let stats = mock_stats(&mock.1);
    assert_eq!(stats["accepted"], 3, "the row was really sent: {stats}");
}
