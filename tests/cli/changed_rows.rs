//! A file changed between pass one (which counts and checks every row) and
//! the sending pass, here while the run waits at its `[y/N]` prompt: the
//! sending pass stops at the first row that is not what was counted, and
//! sends nothing it did not check. Each change below keeps every byte of
//! the rows' fields, or the rows themselves, and changes only what they
//! mean: the header, where one field ends, or whether a row was readable.

use crate::common::mock_api::{self, Faults};
use crate::common::pty::Pty;
use crate::common::{KEY, raw_mobivate, write};

/// Runs `bulk` on `before` in a pty, rewrites the file to `after` at the
/// prompt, answers y: the exit code, and the recipients the server got.
fn change_at_the_prompt(
    before: &str,
    after: &str,
    flags: &[&str],
) -> (Option<i32>, String, Vec<String>) {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "l.csv", before);
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
        .args(flags)
        .arg(&file);
    let mut pty = Pty::spawn(cmd, true);
    pty.expect("? [y/N] ");
    std::fs::write(&file, after).unwrap();
    pty.send(b"y\r");
    let (code, _stdout, seen, _) = pty.finish();
    let sent = api.messages().into_iter().map(|m| m.recipient).collect();
    (code, seen, sent)
}

#[test]
fn a_header_whose_columns_were_swapped_is_a_changed_file() {
    let rows = "447930000001,447940000009\n447930000002,447940000008\n";
    let (code, seen, sent) = change_at_the_prompt(
        &format!("recipient,alt\n{rows}"),
        &format!("alt,recipient\n{rows}"),
        &[],
    );
    assert_eq!(code, Some(65), "{seen}");
    assert!(
        seen.contains("changed while it was being sent: row 1 is not what was counted"),
        "{seen}"
    );
    assert_eq!(sent, Vec::<String>::new());
}

#[test]
fn a_field_boundary_moved_is_a_changed_row() {
    // The same bytes in the same order, split at another place: row 1
    // would go to another number with another name.
    let pad = "x".repeat(2048);
    let (code, seen, sent) = change_at_the_prompt(
        &format!("recipient,a,b\n447930000001,2,{pad}\n"),
        &format!("recipient,a,b\n4479300000012,{pad},\n"),
        &[],
    );
    assert_eq!(code, Some(65), "{seen}");
    assert!(seen.contains("row 1 is not what was counted"), "{seen}");
    assert_eq!(sent, Vec::<String>::new());
}

#[test]
fn a_row_over_the_cap_cut_down_to_it_is_a_changed_row() {
    // Row 2 is invalid when counted (over 1 MiB, so cut); truncated to its
    // first 1 MiB at the prompt, it would read as a valid row with the
    // same bytes. It is not sent, and row 1 is.
    let head = "447930000002,";
    let cut = "y".repeat(1024 * 1024 - head.len());
    let (code, seen, sent) = change_at_the_prompt(
        &format!("recipient,name\n447930000001,a\n{head}{cut}zzzzzzzzzz\n"),
        &format!("recipient,name\n447930000001,a\n{head}{cut}\n"),
        &["--skip-invalid", "--batch-size", "1", "--parallel", "1"],
    );
    assert_eq!(code, Some(65), "{seen}");
    assert!(seen.contains("row 2 is not what was counted"), "{seen}");
    assert_eq!(sent, vec!["447930000001".to_string()]);
}
