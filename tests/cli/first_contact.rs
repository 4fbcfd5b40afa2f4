//! Issue 18, first contact: the messages where newcomers stumbled (a
//! refused connection, a saved base URL, a CSV without its column, an empty
//! stdin or key) and the output for people (the 80-column `logs list`, the
//! footer at a terminal, bulk's rates and its closing lines).

use crate::common::mock_api::{self, Faults, MockApi};
#[cfg(unix)] // a pseudo-terminal
use crate::common::pty::Pty;
use crate::common::*;
use mockito::Matcher;
use std::path::Path;
#[cfg(unix)]
use std::time::Duration;

/// A port on this machine that nothing listens on.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

fn config_dir_with_base_url(url: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "config.toml",
        &format!("[profiles.default]\nbase_url = \"{url}\"\n"),
    );
    make_private(dir.path());
    make_private(&path);
    dir
}

fn logs_list() -> assert_cmd::Command {
    let mut cmd = mobivate();
    cmd.env("MOBIVATE_API_KEY", KEY)
        .args(["--retries", "0", "logs", "list"]);
    cmd
}

// ---------- a refused connection names the server ----------

#[test]
fn a_refused_connection_names_the_server_and_where_the_url_came_from() {
    let port = closed_port();
    let url = format!("http://127.0.0.1:{port}");
    let dir = config_dir_with_base_url(&url);
    let config = dir.path().join("config.toml");
    let hint = format!("hint: 127.0.0.1:{port} is this machine: is the server running?\n");

    let out = logs_list()
        .env("MOBIVATE_CONFIG_DIR", dir.path())
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 69);
    assert_eq!(
        stderr,
        format!(
            "mobivate: error: cannot connect to 127.0.0.1:{port}: connection refused \
             (base URL from profile 'default' in {})\n{hint}",
            config.display()
        )
    );

    let out = logs_list().env("MOBIVATE_BASE_URL", &url).output().unwrap();
    let stderr = assert_clean_failure(&out, 69);
    assert_eq!(
        stderr,
        format!(
            "mobivate: error: cannot connect to 127.0.0.1:{port}: connection refused \
             (base URL from MOBIVATE_BASE_URL)\n{hint}"
        )
    );

    // From the flag: the user just typed it, so no origin is named.
    let out = logs_list()
        .env("MOBIVATE_CONFIG_DIR", dir.path())
        .args(["--base-url", &format!("http://localhost:{port}")])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 69);
    assert!(
        stderr.starts_with(&format!(
            "mobivate: error: cannot connect to localhost:{port}"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("base URL from"), "{stderr}");
    assert!(
        stderr.ends_with(&format!(
            "hint: localhost:{port} is this machine: is the server running?\n"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("try again later"), "{stderr}");
}

#[test]
fn login_says_it_saves_the_url_and_a_later_failure_says_where_it_came_from() {
    let api = mock_api::start_mock_api(&[]);
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let out = mobivate()
        .env("MOBIVATE_CONFIG_DIR", dir.path())
        .env("MOBIVATE_PASSWORD", "demo-password")
        .args(["auth", "login", "--base-url", &api.url()])
        .args(["-u", "demo@example.com", "--insecure-storage"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(
        stderr.ends_with(&format!(
            "The base URL is saved: profile default now points at {} (in {}); \
             --base-url or MOBIVATE_BASE_URL overrides it.\n",
            api.url(),
            config.display()
        )),
        "{stderr}"
    );
    let host_port = api.url().trim_start_matches("http://").to_string();
    drop::<MockApi>(api);

    let out = mobivate()
        .env("MOBIVATE_CONFIG_DIR", dir.path())
        .args(["--retries", "0", "logs", "list"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 69);
    assert!(
        stderr.starts_with(&format!(
            "mobivate: error: cannot connect to {host_port}: connection refused \
             (base URL from profile 'default' in {})\n",
            config.display()
        )),
        "{stderr}"
    );
}

// ---------- a CSV without the recipient column ----------

fn check(file: &Path, extra: &[&str]) -> (String, String) {
    let out = mobivate()
        .arg("bulk")
        .arg(file)
        .args(["--check", "--text", "Hi", "--from", "Shop"])
        .args(extra)
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 65);
    let mut lines = stderr.lines();
    let error = lines.next().unwrap_or_default().to_string();
    let hint = lines.next().unwrap_or_default().to_string();
    (error, hint)
}

#[test]
fn a_csv_without_the_recipient_column_lists_its_columns_and_the_flag_that_fits() {
    let dir = tempfile::tempdir().unwrap();
    let semicolons = write(dir.path(), "semi.csv", "recipient;name\n447930000001;Ann\n");
    let (error, hint) = check(&semicolons, &[]);
    assert_eq!(
        error,
        format!(
            "mobivate: error: {} has no `recipient` column; its columns: `recipient;name`",
            semicolons.display()
        )
    );
    assert!(hint.ends_with("pass --delimiter ';'"), "{hint}");

    let tabs = write(
        dir.path(),
        "tabs.csv",
        "recipient\tname\n447930000001\tAnn\n",
    );
    let (_, hint) = check(&tabs, &[]);
    assert!(hint.ends_with("pass --delimiter tab"), "{hint}");

    let capital = write(dir.path(), "cap.csv", "Recipient,name\n447930000001,Ann\n");
    let (error, hint) = check(&capital, &[]);
    assert!(
        error.ends_with("has no `recipient` column; its columns: `Recipient`, `name`"),
        "{error}"
    );
    assert_eq!(
        hint,
        "hint: column names are matched exactly: pass --to-column Recipient"
    );
    // The suggestion works.
    let out = mobivate()
        .arg("bulk")
        .arg(&capital)
        .args(["--check", "--text", "Hi", "--from", "Shop"])
        .args(["--to-column", "Recipient"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));

    let other = write(dir.path(), "other.csv", "mobile,name\n447930000001,Ann\n");
    let (_, hint) = check(&other, &[]);
    assert_eq!(
        hint,
        "hint: name the recipient column with --to-column NAME"
    );
}

// ---------- empty stdin, empty key ----------

#[test]
fn optouts_add_dash_with_nothing_on_stdin_exits_65() {
    // Nothing listens there: had it tried to send, it would exit 69.
    let url = format!("http://127.0.0.1:{}", closed_port());
    for stdin in ["", "\n  \n"] {
        let out = mobivate()
            .env("MOBIVATE_API_KEY", KEY)
            .args(["--base-url", &url, "optouts", "add", "-"])
            .write_stdin(stdin)
            .output()
            .unwrap();
        let stderr = assert_clean_failure(&out, 65);
        assert!(
            stderr.starts_with("mobivate: error: no numbers on stdin\n"),
            "{stderr}"
        );
        assert_eq!(stdout_of(&out), "");
    }
}

#[test]
fn an_empty_api_key_variable_says_so_and_asks_about_an_earlier_command() {
    let url = format!("http://127.0.0.1:{}", closed_port());
    let out = mobivate()
        .env("MOBIVATE_API_KEY", "")
        .args(["--base-url", &url, "testkey"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 65);
    let mut lines = stderr.lines();
    assert_eq!(
        lines.next(),
        Some("mobivate: error: the environment variable MOBIVATE_API_KEY is empty")
    );
    let hint = lines.next().unwrap_or_default();
    assert!(
        hint.starts_with("hint: did an earlier command fail?"),
        "{stderr}"
    );
}

// ---------- logs list at 80 columns ----------

fn log_server(statuses: &[&str]) -> mockito::ServerGuard {
    let records: Vec<_> = statuses
        .iter()
        .enumerate()
        .map(|(n, status)| message_record(n + 1, status))
        .collect();
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/message")
        .match_query(Matcher::UrlEncoded("page".into(), "1".into()))
        .with_body(serde_json::Value::from(records).to_string())
        .create();
    server
        .mock("GET", "/message")
        .match_query(Matcher::UrlEncoded("page".into(), "2".into()))
        .with_body("[]")
        .create();
    server
}

const LONG_STATUS: &str = "FAILED_BY_THE_OPERATOR_FOR_A_REASON_NOBODY_EXPLAINED";

#[test]
fn logs_list_at_80_columns_drops_columns_never_cuts_a_header_and_keeps_the_id() {
    let server = log_server(&["DELIVERED", LONG_STATUS]);
    let out = logs_list()
        .env("COLUMNS", "80")
        .env("TZ", "UTC")
        .args(["--base-url", &server.url(), "--format", "table"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "", "no footer without a terminal");
    let stdout = stdout_of(&out);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{stdout}");
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(header, ["ID", "TIME", "RECIPIENT", "STATUS"], "{stdout}");
    assert!(!lines[0].contains('…'), "{stdout}");
    assert!(
        lines[1].starts_with(&format!("{:032x}  11-26 13:00  447930000001  DELIVERED", 1)),
        "{stdout}"
    );
    // The long status is shortened, not the id.
    assert!(
        lines[2].starts_with(&format!("{:032x}  11-26 13:00  447930000002  FAILED_", 2)),
        "{stdout}"
    );
    assert!(lines[2].ends_with('…'), "{stdout}");
    assert!(!stdout.contains(LONG_STATUS), "{stdout}");

    // Where there is room, every column, in full.
    let out = logs_list()
        .env("COLUMNS", "200")
        .env("TZ", "UTC")
        .args(["--base-url", &server.url(), "--format", "table"])
        .output()
        .unwrap();
    let stdout = stdout_of(&out);
    assert!(
        stdout.starts_with("ID   ")
            && stdout.contains("  DIRECTION  ")
            && stdout.contains("  REFERENCE\n"),
        "{stdout}"
    );
    assert!(stdout.contains("  2026-11-26 13:00:00  MT  "), "{stdout}");
    assert!(stdout.contains(LONG_STATUS), "{stdout}");
}

#[cfg(unix)] // a pseudo-terminal
#[test]
fn at_a_terminal_logs_list_ends_with_a_footer_of_records_parts_and_cost() {
    let server = log_server(&["DELIVERED", "ACCEPTED", "UNDELIVERABLE"]);
    let mut cmd = raw_mobivate();
    cmd.env("MOBIVATE_API_KEY", KEY)
        .env("COLUMNS", "80")
        .env("TZ", "UTC")
        .args(["--base-url", &server.url(), "--retries", "0"])
        .args(["logs", "list", "--format", "table"]);
    let (code, stdout, terminal, _pty) = Pty::spawn(cmd, false).finish();
    assert_eq!(code, Some(0), "{terminal}");
    assert_eq!(stdout.lines().count(), 4, "{stdout}");
    assert_eq!(
        terminal.replace("\r\n", "\n"),
        "3 records, 3 parts, 0.15 AUD\n"
    );
}

// ---------- bulk: whole rates, and the closing lines at a terminal ----------

fn bulk_file(dir: &Path, rows: usize) -> std::path::PathBuf {
    let mut csv = String::from("recipient,text\n");
    for n in 0..rows {
        csv.push_str(&format!("4479300{n:05},Hello number {n}\n"));
    }
    write(dir, "list.csv", &csv)
}

#[cfg(unix)] // a pseudo-terminal
fn bulk_on_a_pty(api: &MockApi, file: &Path, extra: &[&str]) -> (Option<i32>, String, String) {
    let mut cmd = raw_mobivate();
    cmd.env("MOBIVATE_API_KEY", KEY)
        .args(["--base-url", &api.url(), "bulk"])
        .arg(file)
        .args(["--yes", "--settle", "0", "--from", "Shop"])
        .args(extra);
    let (code, stdout, terminal, _pty) = Pty::spawn(cmd, false).finish();
    (code, stdout, terminal.replace("\r\n", "\n"))
}

#[cfg(unix)] // a pseudo-terminal
#[test]
fn at_a_terminal_bulk_shows_whole_rates_and_ends_with_time_rate_parts_campaigns_and_status() {
    let api = mock_api::start(Faults {
        delay: Duration::from_millis(150),
        ..Faults::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let file = bulk_file(dir.path(), 8);
    let journal = dir.path().join("run.journal");
    let (code, stdout, terminal) = bulk_on_a_pty(
        &api,
        &file,
        &[
            "--batch-size",
            "1",
            "--parallel",
            "1",
            "--journal",
            journal.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0), "{terminal}");
    assert_eq!(
        stdout,
        "accepted 8, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    // The bar drew at least once, its rate a whole number.
    let rates: Vec<&str> = terminal
        .split_whitespace()
        .filter(|word| word.ends_with("/s"))
        .collect();
    assert!(!rates.is_empty(), "{terminal}");
    for rate in &rates {
        let digits = rate.trim_end_matches("/s").replace(',', "");
        assert!(
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()),
            "{rate} in {terminal}"
        );
    }
    assert!(terminal.contains("ETA"), "{terminal}");
    let campaigns = api.batches().len();
    assert_eq!(campaigns, 8, "one campaign per request");
    let tail: Vec<&str> = terminal.lines().rev().take(2).collect();
    assert_eq!(
        tail[0],
        format!(
            "see delivery: mobivate bulk {} --journal {} --status",
            file.display(),
            journal.display()
        ),
        "{terminal}"
    );
    // After the bar, cleared on the same line: the closing summary.
    let took = tail[1].rfind("took ").expect("the elapsed time");
    let summary = &tail[1][took..];
    assert!(
        summary.ends_with(" rows/s; 8 parts sent; 8 campaigns"),
        "{terminal}"
    );
    let rate = summary
        .split(", ")
        .nth(1)
        .and_then(|s| s.strip_suffix(" rows/s; 8 parts sent; 8 campaigns"))
        .unwrap_or_default();
    assert!(
        !rate.is_empty() && rate.bytes().all(|b| b.is_ascii_digit() || b == b','),
        "{summary}"
    );
}

#[test]
fn without_a_terminal_bulk_keeps_its_one_line() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = bulk_file(dir.path(), 3);
    let out = mock_api::bulk(&api, &file)
        .args(["--from", "Shop"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        "accepted 3, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    let stderr = stderr_of(&out);
    assert!(!stderr.contains("see delivery"), "{stderr}");
    assert!(!stderr.contains("took "), "{stderr}");
}
