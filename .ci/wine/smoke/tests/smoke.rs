//! What the mobivate suite needs from wine: spawning an .exe and reading its
//! exit code, stdin and stdout pipes, environment variables, and a TCP
//! server on 127.0.0.1.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::{Command, Stdio};

fn child() -> Command {
    Command::new(env!("CARGO_BIN_EXE_smoke-child"))
}

#[test]
fn exit_codes_come_back_exactly() {
    for code in [0, 1, 64, 65, 66, 69, 75, 76, 77, 78, 130] {
        let status = child().args(["exit", &code.to_string()]).status().unwrap();
        assert_eq!(status.code(), Some(code));
    }
}

#[test]
fn stdin_and_stdout_are_pipes_that_keep_bytes() {
    let mut process = child()
        .arg("echo-stdin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = process.stdin.take().unwrap();
    stdin
        .write_all(b"line one\nline two\r\nno newline")
        .unwrap();
    drop(stdin);
    let out = process.wait_with_output().unwrap();
    assert_eq!(out.stdout, b"line one\nline two\r\nno newline");
}

#[test]
fn environment_variables_pass_and_can_be_removed() {
    let out = child()
        .args(["env", "SMOKE_VALUE"])
        .env("SMOKE_VALUE", "a b=c")
        .output()
        .unwrap();
    assert_eq!(out.stdout, b"a b=c\n");
    let status = child()
        .args(["env", "SMOKE_VALUE"])
        .env_remove("SMOKE_VALUE")
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(3));
}

#[test]
fn a_child_talks_to_a_server_on_loopback() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let server = std::thread::spawn(move || {
        let (mut socket, _) = listener.accept().unwrap();
        let mut request = [0; 4];
        socket.read_exact(&mut request).unwrap();
        assert_eq!(&request, b"ping");
        socket.write_all(b"pong").unwrap();
    });
    let status = child().args(["ping", &address]).status().unwrap();
    assert_eq!(status.code(), Some(0));
    server.join().unwrap();
}
