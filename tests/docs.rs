//! What `--help` and the man page promise: where the password comes from and
//! in what order, value names in the SYNOPSIS, the values of `--format`, and
//! no Markdown left in the page.

mod common;

use common::*;

#[test]
fn getkey_help_states_the_password_sources_in_order() {
    let out = mobivate().args(["getkey", "--help"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = stdout_of(&out);
    let positions: Vec<usize> = [
        "1. --password-file PATH",
        "2. --password-stdin",
        "3. MOBIVATE_PASSWORD",
        "4. a hidden prompt",
    ]
    .iter()
    .map(|needle| {
        help.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing: {help}"))
    })
    .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{help}");
    assert!(help.contains("-u/--username, MOBIVATE_USERNAME"), "{help}");
}

fn man_page() -> String {
    let out = mobivate().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    stdout_of(&out)
}

#[test]
fn man_synopsis_shows_value_names() {
    let page = man_page();
    let start = page.find(".SH SYNOPSIS").unwrap();
    let end = start + page[start..].find("\n.SH DESCRIPTION").unwrap();
    let synopsis = &page[start..end];
    for needle in [
        r"\fB\-\-base\-url\fR \fIURL\fR",
        r"\fB\-\-timeout\fR \fISECS\fR",
        r"\fB\-\-retries\fR \fIN\fR",
        r"\fB\-\-cacert\fR \fIFILE\fR",
        r"\fBmobivate getkey\fR",
        r"\fB\-\-password\-file\fR \fIPATH\fR",
        r"\fB\-\-format\fR \fIFORMAT\fR",
        r"\fB\-\-output\fR \fIFILE\fR",
        r"\fBmobivate completions\fR \fISHELL\fR",
    ] {
        assert!(synopsis.contains(needle), "{needle} missing:\n{synopsis}");
    }
}

#[test]
fn man_page_lists_the_format_values_and_default() {
    let page = man_page().replace('\n', " ");
    let start = page.find(r"\fB\-\-format FORMAT\fR").unwrap();
    let entry = &page[start..start + 400];
    for value in ["raw (KEY)", "json (", "env (", "shell (", "default: raw"] {
        assert!(entry.contains(value), "{value} missing: {entry}");
    }
}

#[test]
fn man_page_has_no_markdown_backticks() {
    let page = man_page();
    assert!(!page.contains('`'), "a literal backtick in the man page");
    assert!(
        page.contains(r"\fBmobivate getkey\fR turns"),
        "code spans are bold"
    );
}

/// The "Try it without an account" block must run under a POSIX `sh` on a
/// fresh clone: no bash-only syntax, no hard-coded target directory, build
/// before use, and wait for the mock to listen. (It was run verbatim under
/// dash; this keeps the known traps out.)
#[test]
fn readme_try_it_block_is_posix_and_waits_for_the_mock() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme.find("## Try it without an account").unwrap()..];
    let start = section.find("```sh\n").unwrap() + "```sh\n".len();
    let block = &section[start..start + section[start..].find("```").unwrap()];
    for forbidden in [
        "<<<",
        "kill %",
        "target/debug",
        "[[",
        "function ",
        "$'",
        "sleep 0.",
    ] {
        assert!(
            !block.contains(forbidden),
            "{forbidden:?} in the sh block:\n{block}"
        );
    }
    let build = block
        .find("cargo build --locked --example mock_api")
        .unwrap();
    let start_mock = block.find("--port 0").unwrap();
    let wait = block.find("until grep -qs '^listening on '").unwrap();
    let first_use = block.find("mobivate getkey").unwrap();
    assert!(
        build < start_mock && start_mock < wait && wait < first_use,
        "{block}"
    );
    // sh cannot be spawned from a Windows test (under wine or not).
    #[cfg(unix)]
    {
        let syntax = std::process::Command::new("sh")
            .arg("-n")
            .arg("-c")
            .arg(block)
            .output()
            .unwrap();
        assert!(syntax.status.success(), "{}", stderr_of(&syntax));
    }
}
