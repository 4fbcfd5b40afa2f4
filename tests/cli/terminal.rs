//! Prompts and Ctrl-C under a real pseudo-terminal.
#![cfg(unix)] // A pseudo-terminal, termios flags and Unix signals throughout.

use crate::common::pty::Pty;
use crate::common::*;
use mockito::{Matcher, Server};

use std::process::Command;

fn command(args: &[&str]) -> Command {
    let mut cmd = raw_mobivate();
    cmd.args(args);
    cmd
}

const ECHO_AND_LINES: libc::tcflag_t = libc::ECHO | libc::ICANON | libc::ISIG;

#[test]
fn prompts_for_the_password_without_echo() {
    let (server, mock) = key_server_expecting("typed secret");
    let mut pty = Pty::spawn(
        command(&["getkey", "--base-url", &server.url(), "-u", USER]),
        true,
    );
    let before = pty.initial_flags;
    pty.expect(&format!("Password for {USER}: "));
    pty.send(b"typed secret\r");
    let (code, stdout, seen, pty) = pty.finish();
    assert_eq!(code, Some(0), "{seen}");
    assert_eq!(stdout, format!("{KEY}\n"));
    assert!(
        !seen.contains("typed secret"),
        "the password was echoed: {seen:?}"
    );
    assert_eq!(pty.local_flags() & ECHO_AND_LINES, before & ECHO_AND_LINES);
    mock.assert();
}

#[test]
fn prompts_for_the_username_visibly_then_the_password() {
    let (server, mock) = key_server_expecting("pw");
    let mut pty = Pty::spawn(command(&["getkey", "--base-url", &server.url()]), true);
    pty.expect("Username: ");
    pty.send(format!("{USER}\r").as_bytes());
    pty.expect(USER); // echoed: the username prompt is visible
    pty.expect(&format!("Password for {USER}: "));
    pty.send(b"pw\r");
    let (code, stdout, seen, _) = pty.finish();
    assert_eq!(code, Some(0), "{seen}");
    assert_eq!(stdout, format!("{KEY}\n"));
    mock.assert();
}

#[test]
fn ctrl_c_at_the_password_prompt_exits_130_with_echo_on() {
    let mut server = Server::new();
    let never = server.mock("POST", Matcher::Any).expect(0).create();
    let mut pty = Pty::spawn(
        command(&["getkey", "--base-url", &server.url(), "-u", USER]),
        true,
    );
    let before = pty.initial_flags;
    assert_ne!(before & libc::ECHO, 0);
    pty.expect("Password for");
    pty.send(b"half");
    pty.send(b"\x03");
    let (code, stdout, seen, pty) = pty.finish();
    assert_eq!(code, Some(130), "{seen}");
    assert_eq!(stdout, "");
    assert_eq!(
        pty.local_flags() & ECHO_AND_LINES,
        before & ECHO_AND_LINES,
        "terminal not restored"
    );
    never.assert();
}

#[test]
fn ctrl_c_at_the_username_prompt_exits_130() {
    let mut pty = Pty::spawn(
        command(&["getkey", "--base-url", "http://127.0.0.1:9"]),
        true,
    );
    let before = pty.initial_flags;
    pty.expect("Username: ");
    pty.send(b"\x03");
    let (code, stdout, seen, pty) = pty.finish();
    assert_eq!(code, Some(130), "{seen}");
    assert_eq!(stdout, "");
    assert_eq!(pty.local_flags() & ECHO_AND_LINES, before & ECHO_AND_LINES);
}

#[test]
fn ctrl_c_under_a_non_interactive_script_restores_echo() {
    // sh -c is a non-interactive parent: no job control, same process group.
    let mut cmd = Command::new("sh");
    cmd.args([
        "-c",
        "\"$1\" getkey --base-url http://127.0.0.1:9 -u someone; echo \"status=$?\" >&2",
        "sh",
    ]);
    cmd.arg(assert_cmd::cargo::cargo_bin("mobivate"));
    for name in ["CI", "MOBIVATE_PASSWORD"] {
        cmd.env_remove(name);
    }
    let mut pty = Pty::spawn(cmd, true);
    let before = pty.initial_flags;
    pty.expect("Password for someone: ");
    pty.send(b"\x03");
    pty.expect("status=130");
    let (_, _, seen, pty) = pty.finish();
    assert!(seen.contains("status=130"), "{seen}");
    assert_eq!(pty.local_flags() & ECHO_AND_LINES, before & ECHO_AND_LINES);
}

#[test]
fn password_stdin_on_a_terminal_reads_one_hidden_line() {
    let (server, mock) = key_server_expecting("hidden line");
    let cmd = command(&[
        "getkey",
        "--base-url",
        &server.url(),
        "-u",
        USER,
        "--password-stdin",
    ]);
    let mut pty = Pty::spawn(cmd, true);
    pty.expect("Password for");
    pty.send(b"hidden line\r");
    let (code, stdout, seen, _) = pty.finish();
    assert_eq!(code, Some(0), "{seen}");
    assert_eq!(stdout, format!("{KEY}\n"));
    assert!(!seen.contains("hidden line"), "{seen:?}");
    mock.assert();
}

#[test]
fn ci_or_no_input_never_prompts_even_with_a_terminal() {
    for (ci, flag) in [("true", None), ("", Some("--no-input"))] {
        let mut cmd = command(&["getkey", "--base-url", "http://127.0.0.1:9", "-u", USER]);
        cmd.env("CI", ci);
        if let Some(flag) = flag {
            cmd.arg(flag);
        }
        let pty = Pty::spawn(cmd, true);
        let (code, stdout, seen, _) = pty.finish();
        assert_eq!(code, Some(64), "{seen}");
        assert_eq!(stdout, "");
        assert!(!seen.contains("Password for"), "{seen}");
        assert!(seen.contains("MOBIVATE_PASSWORD"), "{seen}");
    }
}

#[test]
fn ci_false_still_prompts() {
    for value in ["false", "0", ""] {
        let mut cmd = command(&["getkey", "--base-url", "http://127.0.0.1:9", "-u", USER]);
        cmd.env("CI", value);
        let mut pty = Pty::spawn(cmd, true);
        pty.expect("Password for");
        pty.send(b"\x03");
        let (code, ..) = pty.finish();
        assert_eq!(code, Some(130));
    }
}

#[test]
fn sigterm_or_sighup_at_the_password_prompt_restores_the_terminal() {
    use std::os::unix::process::ExitStatusExt;
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        let mut pty = Pty::spawn(
            command(&["getkey", "--base-url", "http://127.0.0.1:9", "-u", USER]),
            true,
        );
        let before = pty.initial_flags;
        pty.expect("Password for");
        pty.signal(signal);
        let (code, stdout, seen, pty) = pty.finish();
        assert_eq!(code, None, "{seen}");
        assert_eq!(
            pty.status.unwrap().signal(),
            Some(signal),
            "it must end by the signal itself"
        );
        assert_eq!(stdout, "");
        assert_eq!(
            pty.local_flags() & ECHO_AND_LINES,
            before & ECHO_AND_LINES,
            "terminal not restored"
        );
    }
}

/// `--password-stdin`, `--password-file -` or `testkey --key-stdin` with a
/// terminal on stdin, when prompting is forbidden: nobody will type, so exit
/// 64 at once naming the sources that work without a terminal.
#[test]
fn stdin_sources_on_a_terminal_fail_at_once_when_prompting_is_forbidden() {
    let server = crate::common::server::scripted(vec![crate::common::server::Reply::Hang], None);
    let cases: [(&[&str], &str, &str); 3] = [
        (
            &["getkey", "-u", USER, "--password-stdin"],
            "--password-stdin",
            "MOBIVATE_PASSWORD",
        ),
        (
            &["getkey", "-u", USER, "--password-file", "-"],
            "--password-file -",
            "MOBIVATE_PASSWORD",
        ),
        (
            &["testkey", "--key-stdin"],
            "--key-stdin",
            "MOBIVATE_API_KEY",
        ),
    ];
    for (args, flag, env_source) in cases {
        for (ci, no_input) in [("true", false), ("", true)] {
            let mut cmd = command(args);
            cmd.args(["--base-url", &server.url()]);
            cmd.env("CI", ci);
            if no_input {
                cmd.arg("--no-input");
            }
            let pty = Pty::spawn(cmd, true);
            let (code, stdout, seen, _) = pty.finish();
            assert_eq!(code, Some(64), "{args:?} {seen}");
            assert_eq!(stdout, "");
            assert!(
                !seen.contains(": \u{1b}") && !seen.contains("Password for"),
                "{seen}"
            );
            assert!(!seen.contains("API key: "), "{seen}");
            assert!(seen.contains(flag), "{seen}");
            assert!(seen.contains(env_source), "{seen}");
            let reason = if no_input { "--no-input" } else { "CI is set" };
            assert!(seen.contains(reason), "{seen}");
        }
    }
    assert_eq!(server.request_count(), 0);
}
