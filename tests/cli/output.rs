//! `-o FILE` never destroys what it does not own: devices, FIFOs, sockets and
//! directories are refused; the process's own descriptors are written to,
//! never replaced; a signal while writing leaves no temporary file behind.

use crate::common::server::{Reply, json_reply, scripted};
use crate::common::*;
#[cfg(unix)]
use std::ffi::CString;
#[cfg(unix)]
use std::os::unix::{ffi::OsStrExt, fs::FileTypeExt, process::ExitStatusExt};
use std::path::Path;
#[cfg(unix)]
use std::process::Stdio;
#[cfg(unix)]
use std::time::{Duration, Instant};

fn key_reply() -> Reply {
    json_reply(200, "OK", &serde_json::json!({ "apiKey": KEY }).to_string())
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Windows too.
#[test]
fn output_onto_a_directory_is_refused_and_nothing_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let subdir = dir.path().join("subdir");
    std::fs::create_dir(&subdir).unwrap();
    for command in ["getkey", "createkey"] {
        let server = scripted(vec![key_reply()], None);
        let mut cmd = mobivate();
        cmd.args([command, "--base-url", &server.url(), "-u", USER, "-o"])
            .arg(&subdir)
            .env("MOBIVATE_PASSWORD", PASSWORD);
        if command == "createkey" {
            cmd.arg("--yes");
        }
        let out = cmd.output().unwrap();
        let stderr = assert_clean_failure(&out, 73);
        assert!(stderr.contains("is a directory"), "{command}: {stderr}");
        assert_eq!(server.request_count(), 0, "{command}: nothing may be sent");
    }
    assert!(subdir.is_dir());
    assert_eq!(entries(dir.path()), ["subdir"]);
}

#[cfg(unix)] // FIFOs and Unix sockets
#[test]
fn output_onto_a_fifo_socket_or_directory_is_refused_and_nothing_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let socket = dir.path().join("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let subdir = dir.path().join("subdir");
    std::fs::create_dir(&subdir).unwrap();
    for (path, what) in [
        (&fifo, "is a FIFO"),
        (&socket, "is a socket"),
        (&subdir, "is a directory"),
    ] {
        for command in ["getkey", "createkey"] {
            let server = scripted(vec![key_reply()], None);
            let mut cmd = mobivate();
            cmd.args([command, "--base-url", &server.url(), "-u", USER, "-o"])
                .arg(path)
                .env("MOBIVATE_PASSWORD", PASSWORD);
            if command == "createkey" {
                cmd.arg("--yes");
            }
            let out = cmd.output().unwrap();
            let stderr = assert_clean_failure(&out, 73);
            assert!(stderr.contains(what), "{command} {what}: {stderr}");
            assert_eq!(server.request_count(), 0, "{command}: nothing may be sent");
        }
    }
    let kinds = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kinds.is_fifo(), "the FIFO was replaced");
    assert!(
        std::fs::symlink_metadata(&socket)
            .unwrap()
            .file_type()
            .is_socket()
    );
    assert!(subdir.is_dir());
    assert_eq!(entries(dir.path()), ["fifo", "socket", "subdir"]);
}

#[cfg(unix)] // character devices (mknod, /dev/null)
/// A character device of our own when running as root (so that an unfixed
/// binary under test cannot replace the machine's `/dev/null`), else `/dev/null`.
fn char_device(dir: &Path) -> std::path::PathBuf {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return "/dev/null".into();
    }
    let path = dir.join("null");
    let c_path = CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid path; the same device numbers as /dev/null (1, 3).
    let rc = unsafe { libc::mknod(c_path.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) };
    assert_eq!(rc, 0, "mknod: {}", std::io::Error::last_os_error());
    path
}

#[cfg(unix)] // character devices (mknod, /dev/null)
#[test]
fn output_onto_a_character_device_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let device = char_device(dir.path());
    let server = scripted(vec![key_reply()], None);
    let out = getkey(&server.url())
        .arg("-o")
        .arg(&device)
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 73);
    assert!(stderr.contains("is a character device"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(
        std::fs::symlink_metadata(&device)
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert_eq!(server.request_count(), 0);
}

// Careful: run against an unfixed binary as root, the tests below would
// replace the machine's /dev/stdout, /dev/stderr and /dev/stdin symlinks.
#[cfg(unix)] // /dev/stdout, /dev/fd/N and /proc/self/fd/N are Unix paths
#[test]
fn output_to_dev_stdout_is_exactly_dash() {
    let server = key_server(KEY);
    let reference = getkey(&server.url())
        .args(["-o", "-", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(reference.status.code(), Some(0));
    for path in ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"] {
        let out = getkey(&server.url())
            .args(["-o", path, "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{path}: {}", stderr_of(&out));
        assert_eq!(out.stdout, reference.stdout, "{path}");
        assert_eq!(stderr_of(&out), "", "{path}");
    }
}

#[cfg(unix)] // /dev/stdout, /dev/fd/N and /proc/self/fd/N are Unix paths
#[test]
fn output_to_dev_stderr_or_a_descriptor_writes_to_it() {
    let server = key_server(KEY);
    for path in ["/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"] {
        let out = getkey(&server.url()).args(["-o", path]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{path}: {}", stderr_of(&out));
        assert_eq!(stdout_of(&out), "");
        assert_eq!(stderr_of(&out), format!("{KEY}\n"), "{path}");
    }
}

#[cfg(unix)] // /dev/stdout, /dev/fd/N and /proc/self/fd/N are Unix paths
#[test]
fn output_to_a_closed_descriptor_is_73_and_nothing_is_sent() {
    let server = scripted(vec![key_reply()], None);
    let out = getkey(&server.url())
        .args(["-o", "/dev/fd/9"])
        .output()
        .unwrap();
    let stderr = assert_clean_failure(&out, 73);
    assert!(
        stderr.contains("descriptor 9 is not open for writing"),
        "{stderr}"
    );
    assert_eq!(server.request_count(), 0);
}

/// The temporary file exists while createkey waits on the server (it is
/// created before anything is sent); a signal then must remove it, and FILE
/// must keep its old content.
// Unix signals via libc::kill. A Windows test cannot send Ctrl-C to a child
// without a console (GenerateConsoleCtrlEvent fails, under wine too).
#[cfg(unix)]
#[test]
fn a_signal_while_writing_leaves_no_temporary_file_and_no_half_file() {
    for signal in [libc::SIGTERM, libc::SIGHUP, libc::SIGINT] {
        let server = scripted(vec![Reply::Hang], None);
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("key");
        std::fs::write(&target, "old key\n").unwrap();
        let child = raw_mobivate()
            .args([
                "createkey",
                "--yes",
                "--base-url",
                &server.url(),
                "-u",
                USER,
                "-o",
            ])
            .arg(&target)
            .env("MOBIVATE_PASSWORD", PASSWORD)
            .env("CI", "true")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        while server.request_count() == 0 {
            assert!(Instant::now() < deadline, "the request never arrived");
            std::thread::sleep(Duration::from_millis(20));
        }
        let listed = entries(dir.path());
        assert_eq!(
            listed.len(),
            2,
            "the temporary file should exist: {listed:?}"
        );
        // SAFETY: signalling our own child.
        unsafe { libc::kill(child.id() as i32, signal) };
        let out = child.wait_with_output().unwrap();
        if signal == libc::SIGINT {
            assert_eq!(out.status.code(), Some(130));
        } else {
            assert_eq!(out.status.signal(), Some(signal));
        }
        assert_eq!(entries(dir.path()), ["key"], "signal {signal}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old key\n");
        assert_eq!(stdout_of(&out), "");
    }
}
