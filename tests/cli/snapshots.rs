//! Snapshots (insta) of what users read: the help of every command and
//! subcommand, the man page, the bulk summary, and tables at 80 and 120
//! columns. A change to any of them shows up as a reviewed diff of a file in
//! `tests/cli/snapshots/`. Under CI (`CI=true`) a mismatch fails; to accept
//! changed output, run
//! `INSTA_UPDATE=always INSTA_FORCE_PASS=1 cargo test --locked --test cli snapshots::`
//! and review `git diff tests/cli/snapshots/`.
//!
//! Every run is pinned: `COLUMNS` set, `TZ=UTC`, fixed records, a relative
//! input path in a temporary working directory; nothing varies by machine.

use crate::common::*;
use mockito::Matcher;

/// The width help is wrapped at: not a terminal, so `COLUMNS` decides.
const HELP_COLUMNS: &str = "100";

fn help_of(path: &[String]) -> String {
    let out = mobivate()
        .args(path)
        .arg("--help")
        .env("COLUMNS", HELP_COLUMNS)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{path:?}: {}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "", "{path:?}");
    // clap names the program after argv[0]: `mobivate.exe` on Windows.
    stdout_of(&out).replace("mobivate.exe", "mobivate")
}

/// The subcommands a help lists under `Commands:`, but `help`.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| *line != "Commands:")
        .skip(1)
        .take_while(|line| !line.is_empty())
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn help_of_every_command_and_subcommand() {
    let mut pending = vec![Vec::<String>::new()];
    let mut seen = 0;
    while let Some(path) = pending.pop() {
        let help = help_of(&path);
        for name in subcommands(&help) {
            let mut sub = path.clone();
            sub.push(name);
            pending.push(sub);
        }
        let name = match path.is_empty() {
            true => "help".to_string(),
            false => format!("help_{}", path.join("_")),
        };
        insta::assert_snapshot!(name, help);
        seen += 1;
    }
    // The tree walk itself must not have come up short.
    assert!(seen >= 20, "only {seen} helps found");
}

#[test]
fn man_page() {
    let out = mobivate().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    insta::assert_snapshot!("man", stdout_of(&out));
}

/// Two good rows, a duplicate, a bad number, and a UCS-2 text.
const LIST: &str = "recipient,name\n\
                    447930000001,Ann\n\
                    447930000002,Bob\n\
                    447930000002,Bob\n\
                    not-a-number,Cy\n\
                    447930000003,Zoë ☺\n";

fn bulk_in_temp_dir(extra: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "list.csv", LIST);
    let out = mobivate()
        .current_dir(dir.path())
        .env("MOBIVATE_API_KEY", KEY)
        .args([
            "bulk",
            "list.csv",
            "--text",
            "Hello {name}, your code is ready",
        ])
        .args(["--from", "Shop"])
        .args(extra)
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert!(
        !stderr.contains(&dir.path().display().to_string()),
        "{stderr}"
    );
    out
}

#[test]
fn bulk_check_summary() {
    let out = bulk_in_temp_dir(&["--check"]);
    assert_eq!(out.status.code(), Some(65), "{}", stderr_of(&out));
    insta::assert_snapshot!(
        "bulk_check",
        format!("stdout:\n{}\nstderr:\n{}", stdout_of(&out), stderr_of(&out))
    );
}

#[test]
fn bulk_check_summary_skipping_invalid() {
    let out = bulk_in_temp_dir(&["--check", "--skip-invalid"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    insta::assert_snapshot!(
        "bulk_check_skip_invalid",
        format!("stdout:\n{}\nstderr:\n{}", stdout_of(&out), stderr_of(&out))
    );
}

/// Fixed records: short and long texts, a final and a pending status.
fn records() -> String {
    let record = |n: usize, status: &str, body: &str| {
        let mut record = message_record(n, status);
        record["body"] = body.into();
        record
    };
    serde_json::json!([
        record(1, "DELIVERED", "Hello"),
        record(
            2,
            "ACCEPTED",
            "Your code is 123456. It expires in ten minutes; do not share it with anyone."
        ),
        record(3, "UNDELIVERABLE", "Zoë ☺ — see you at 10:00"),
    ])
    .to_string()
}

fn logs_table(columns: &str) -> String {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/message")
        .match_query(Matcher::UrlEncoded("page".into(), "1".into()))
        .with_body(records())
        .create();
    server
        .mock("GET", "/message")
        .match_query(Matcher::UrlEncoded("page".into(), "2".into()))
        .with_body("[]")
        .create();
    let out = mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .env("COLUMNS", columns)
        .env("TZ", "UTC")
        .args(["--base-url", &server.url(), "--retries", "0"])
        .args(["logs", "list", "--format", "table"])
        .args(["--since", "2026-11-26", "--until", "2026-11-27"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn logs_table_at_80_columns() {
    let table = logs_table("80");
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    insta::assert_snapshot!("logs_table_80", table);
}

#[test]
fn logs_table_at_120_columns() {
    let table = logs_table("120");
    assert!(table.lines().all(|l| l.chars().count() <= 120), "{table}");
    insta::assert_snapshot!("logs_table_120", table);
}
