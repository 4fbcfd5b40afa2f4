//! Issue 18, Help: every `--help` short (at most 90 lines at 100 columns),
//! with `Examples:` that parse; bulk's input columns; one man page per
//! command from `man --dir`, lint-clean, and the committed `doc/man/` copies
//! equal to what the binary writes.

use crate::common::*;
use std::collections::BTreeSet;
use std::path::Path;

const MAX_LINES: usize = 90;

fn help_of(path: &[String]) -> String {
    let out = mobivate()
        .args(path)
        .arg("--help")
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{path:?}: {}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "", "{path:?}");
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

/// Every command path (`[]`, `["send"]`, `["logs", "list"]`, …) with its help.
fn every_help() -> Vec<(Vec<String>, String)> {
    let mut pending = vec![Vec::<String>::new()];
    let mut all = Vec::new();
    while let Some(path) = pending.pop() {
        let help = help_of(&path);
        for name in subcommands(&help) {
            let mut sub = path.clone();
            sub.push(name);
            pending.push(sub);
        }
        all.push((path, help));
    }
    assert!(all.len() >= 25, "only {} helps found", all.len());
    all
}

/// The command lines under `Examples:`, without the `$ `.
fn examples(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| *line != "Examples:")
        .skip(1)
        .take_while(|line| !line.is_empty())
        .map(|line| {
            line.strip_prefix("  $ ")
                .unwrap_or_else(|| panic!("not an example line: {line:?}"))
                .to_string()
        })
        .collect()
}

/// Words of an example as `sh` would split them: spaces, and single quotes.
/// Anything else a shell would treat specially is refused, so the examples
/// stay plain command lines.
fn words(line: &str) -> Vec<String> {
    assert!(
        !line.contains(['|', '<', '>', '$', '"', '`', '\\', ';', '&']),
        "example uses shell syntax the test does not run: {line}"
    );
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                started = true;
            }
            ' ' if !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                }
                started = false;
            }
            c => {
                word.push(c);
                started = true;
            }
        }
    }
    assert!(!quoted, "unbalanced quote: {line}");
    if started {
        words.push(word);
    }
    words
}

#[test]
fn every_help_is_short_and_every_command_has_examples() {
    for (path, help) in every_help() {
        let lines = help.lines().count();
        assert!(lines <= MAX_LINES, "{path:?}: {lines} lines\n{help}");
        let group = !subcommands(&help).is_empty();
        let examples = examples(&help);
        if !group || path.is_empty() {
            assert!(
                (2..=6).contains(&examples.len()),
                "{path:?}: {} examples\n{help}",
                examples.len()
            );
        }
        if !path.is_empty() {
            assert!(
                (2..=4).contains(&examples.len()) || group && examples.is_empty(),
                "{path:?}: {} examples",
                examples.len()
            );
            assert!(
                help.ends_with(
                    "Exit status and environment: `mobivate --help` and `man mobivate`.\n"
                ),
                "{path:?}: no pointer to the root help\n{help}"
            );
            // Its own man page, by the name `man --dir` writes.
            let page = format!("mobivate-{}", path.join("-"));
            assert!(
                help.contains(&format!("\nMore: `man {page}`.\n")),
                "{path:?}: no pointer to {page}\n{help}"
            );
            // The tables are the root's alone.
            assert!(!help.contains("EXIT STATUS:"), "{path:?}");
            assert!(!help.contains("ENVIRONMENT:"), "{path:?}");
        }
        // The connection options, once.
        assert_eq!(help.matches("--base-url <URL>").count(), 1, "{path:?}");
    }
}

#[test]
fn every_example_parses() {
    let mut seen = 0;
    for (path, help) in every_help() {
        for line in examples(&help) {
            let words = words(&line);
            assert_eq!(
                words.first().map(String::as_str),
                Some("mobivate"),
                "{line}"
            );
            // The example names the command whose help shows it (or one in its group).
            assert!(
                words[1..].starts_with(&path),
                "{path:?}: example of another command: {line}"
            );
            let out = mobivate()
                .args(&words[1..])
                .arg("--help")
                .env("COLUMNS", "100")
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{line}: {}", stderr_of(&out));
            assert_eq!(stderr_of(&out), "", "{line}");
            assert!(stdout_of(&out).contains("Examples:"), "{line}");
            seen += 1;
        }
    }
    assert!(seen >= 50, "only {seen} examples");
}

#[test]
fn words_split_as_sh_does() {
    assert_eq!(
        words("mobivate send --to 1 'Hi {{name}}, there' x''y"),
        ["mobivate", "send", "--to", "1", "Hi {{name}}, there", "xy"]
    );
}

#[test]
fn root_help_names_every_group_with_examples_and_the_tables() {
    let help = help_of(&[]);
    for group in ["auth", "send", "bulk", "logs", "optouts", "webhooks"] {
        assert!(
            help.lines().any(|l| l.starts_with(&format!("  {group} "))),
            "{group} not listed"
        );
        assert!(
            examples(&help)
                .iter()
                .any(|e| e.starts_with(&format!("mobivate {group} "))),
            "no example of {group}"
        );
    }
    assert!(help.contains("\nEXIT STATUS:\n") && help.contains("\nENVIRONMENT:\n"));
    assert!(help.contains("\n   77  ") && help.contains("\n  MOBIVATE_API_KEY: "));
}

#[test]
fn bulk_help_lists_the_input_columns_and_the_template() {
    let help = help_of(&["bulk".to_string()]);
    for column in ["recipient", "text", "originator", "reference", "route"] {
        assert!(
            help.lines()
                .any(|l| l.starts_with(&format!("  {column}  "))),
            "column {column} not listed\n{help}"
        );
    }
    assert!(help.contains("{{column}}") && help.contains("{{name}}"));
}

/// The page names `man --dir` must write: one per command path.
fn expected_pages() -> BTreeSet<String> {
    every_help()
        .into_iter()
        .map(|(path, _)| {
            let mut name = vec!["mobivate".to_string()];
            name.extend(path);
            format!("{}.1", name.join("-"))
        })
        .collect()
}

fn written_pages(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn man_dir_writes_one_page_per_command_creating_the_directory() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("share").join("man").join("man1");
    let out = mobivate()
        .args(["man", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), "");
    assert_eq!(stderr_of(&out), "");
    let pages = written_pages(&dir);
    assert_eq!(pages, expected_pages());
    for page in [
        "mobivate-send.1",
        "mobivate-bulk.1",
        "mobivate-logs.1",
        "mobivate-logs-list.1",
    ] {
        assert!(pages.contains(page), "{page}");
    }
    // `mobivate man` alone still prints mobivate.1, byte for byte.
    let alone = mobivate().arg("man").output().unwrap();
    assert_eq!(alone.status.code(), Some(0));
    assert_eq!(std::fs::read(dir.join("mobivate.1")).unwrap(), alone.stdout);
    let send = std::fs::read_to_string(dir.join("mobivate-send.1")).unwrap();
    assert!(send.contains("\n.TH MOBIVATE-SEND 1 "), "{send}");
    assert!(send.contains(".SH EXAMPLES\n") && send.contains(".SH \"SEE ALSO\"\n"));
    #[cfg(unix)] // file modes
    {
        use std::os::unix::fs::PermissionsExt;
        for page in &pages {
            let mode = std::fs::metadata(dir.join(page))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o644, "{page}");
        }
    }
    // Written again over the same files: the same pages, no temporary left.
    let again = mobivate()
        .args(["man", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "{}", stderr_of(&again));
    assert_eq!(written_pages(&dir), expected_pages());
}

#[test]
fn man_dir_that_is_a_file_is_73() {
    let temp = tempfile::tempdir().unwrap();
    let file = temp.path().join("taken");
    std::fs::write(&file, "x").unwrap();
    let out = mobivate()
        .args(["man", "--dir"])
        .arg(&file)
        .output()
        .unwrap();
    assert_clean_failure(&out, 73);
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
}

#[test]
fn committed_man_pages_match_the_generator() {
    let temp = tempfile::tempdir().unwrap();
    let out = mobivate()
        .args(["man", "--dir"])
        .arg(temp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let committed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("doc")
        .join("man");
    let stale = "doc/man/ is stale: regenerate with `cargo run -- man --dir doc/man`";
    assert_eq!(
        written_pages(&committed),
        written_pages(temp.path()),
        "{stale}"
    );
    for page in written_pages(temp.path()) {
        let fresh = std::fs::read(temp.path().join(&page)).unwrap();
        let old = std::fs::read(committed.join(&page)).unwrap();
        assert!(fresh == old, "{page}: {stale}");
    }
}

#[cfg(unix)] // mandoc is a Unix tool
#[test]
fn every_man_page_lints_clean() {
    let temp = tempfile::tempdir().unwrap();
    let out = mobivate()
        .args(["man", "--dir"])
        .arg(temp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    for page in written_pages(temp.path()) {
        let lint = std::process::Command::new("mandoc")
            .args(["-Tlint", "-Wstyle"])
            .arg(temp.path().join(&page))
            .output()
            .expect("mandoc is needed for this test: apt-get install mandoc (.ci/run installs it)");
        let report = format!("{}{}", stdout_of(&lint), stderr_of(&lint));
        assert!(
            lint.status.success() && report.is_empty(),
            "{page}: mandoc -Tlint: {report}"
        );
    }
}
