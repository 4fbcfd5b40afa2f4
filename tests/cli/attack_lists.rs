//! Hostile servers and environments against the listings (issue 16):
//! a server that ignores `page`, a poll that never answers, `TZ` naming a
//! device, records with lone surrogates, and text from config files and the
//! environment on the terminal. Every test is bounded in time.

use crate::common::*;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the router answers one request with.
enum Answer {
    Json(String),
    /// Read the request, then close without a word.
    Drop,
    /// Read the request, then never answer (for 60 s).
    Hang,
}

/// A server that answers by request line (`GET /message?…`), one
/// connection per request, and keeps every request line and body.
struct Router {
    port: u16,
    requests: Arc<Mutex<Vec<(String, String)>>>,
}

impl Router {
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn count(&self, prefix: &str) -> usize {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|(line, _)| line.starts_with(prefix))
            .count()
    }

    fn bodies(&self, prefix: &str) -> Vec<String> {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|(line, _)| line.starts_with(prefix))
            .map(|(_, body)| body.clone())
            .collect()
    }
}

fn router(answer: impl Fn(&str) -> Answer + Send + Sync + 'static) -> Router {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let requests = Arc::new(Mutex::new(Vec::new()));
    let seen = requests.clone();
    let answer = Arc::new(answer);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let seen = seen.clone();
            let answer = answer.clone();
            std::thread::spawn(move || {
                let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let mut length = 0;
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                        break;
                    }
                    if let Some(value) = header.to_ascii_lowercase().strip_prefix("content-length:")
                    {
                        length = value.trim().parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; length];
                let _ = reader.read_exact(&mut body);
                let line = line.trim_end().to_string();
                let reply = answer(&line);
                seen.lock()
                    .unwrap()
                    .push((line, String::from_utf8_lossy(&body).into_owned()));
                match reply {
                    Answer::Json(body) => {
                        let _ = write!(
                            stream,
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                            body.len()
                        );
                    }
                    Answer::Drop => {}
                    Answer::Hang => std::thread::sleep(Duration::from_secs(60)),
                }
            });
        }
    });
    Router { port, requests }
}

/// A log record without dates.
fn message(n: usize) -> Value {
    let mut record = message_record(n, "DELIVERED");
    record["created"] = Value::Null;
    record["modified"] = Value::Null;
    record
}

fn optout(n: usize) -> Value {
    json!({"id": n, "mobile": format!("4479300{n:05}"), "note": null, "created": null})
}

fn array(records: impl Iterator<Item = Value>) -> String {
    Value::Array(records.collect()).to_string()
}

fn jsonl(records: impl Iterator<Item = Value>) -> String {
    records.map(|r| format!("{r}\n")).collect()
}

fn api(base: &str) -> assert_cmd::Command {
    let mut cmd = mobivate();
    cmd.args(["--base-url", base, "--retries", "0"])
        .env("MOBIVATE_API_KEY", KEY)
        .timeout(Duration::from_secs(30));
    cmd
}

// ---------- Listings end ----------

#[test]
fn logs_list_stops_when_the_server_ignores_page() {
    let server = router(|line| {
        assert!(line.starts_with("GET /message?"), "{line}");
        Answer::Json(array((0..1000).map(message)))
    });
    let out = api(&server.url())
        .args(["logs", "list", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(76), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), jsonl((0..1000).map(message)));
    assert_eq!(
        stderr_of(&out),
        "mobivate: warning: the server answered page 2 with the records of page 1: it ignores paging, so the listing stops here\n\
         mobivate: error: the list is incomplete: the server did not page through it\n"
    );
    assert_eq!(server.count("GET /message"), 2);

    // json: the array that was read is whole.
    let out = api(&server.url())
        .args(["logs", "list", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(76));
    let listed: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed, (0..1000).map(message).collect::<Vec<_>>());
}

#[test]
fn a_page_with_new_records_goes_on() {
    // Pages overlap by one record but each brings new ones: all are read,
    // and the short third page ends the listing.
    let server = router(|line| {
        let from = if line.contains("&page=1&") {
            0
        } else if line.contains("&page=2&") {
            999
        } else {
            return Answer::Json(array((1998..2000).map(message)));
        };
        Answer::Json(array((from..from + 1000).map(message)))
    });
    let out = api(&server.url())
        .args(["logs", "list", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let expected: Vec<Value> = (0..1000)
        .chain(999..1999)
        .chain(1998..2000)
        .map(message)
        .collect();
    assert_eq!(stdout_of(&out), jsonl(expected.into_iter()));
    assert_eq!(server.count("GET /message"), 3);
}

#[test]
fn optouts_list_stops_when_the_server_ignores_page() {
    let server = router(|_| Answer::Json(array((0..1000).map(optout))));
    let out = api(&server.url())
        .args(["optouts", "list", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(76), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), jsonl((0..1000).map(optout)));
    assert!(stderr_of(&out).contains("it ignores paging"));
    assert_eq!(server.count("GET /addressbook/optout"), 2);
}

fn csv(dir: &Path, rows: usize) -> std::path::PathBuf {
    let mut text = String::from("recipient,text\n");
    for n in 0..rows {
        text.push_str(&format!("4479310{n:05},Hi\n"));
    }
    let path = dir.join("rows.csv");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn bulk_exclude_optouts_stops_on_a_repeating_list_and_sends_nothing() {
    let server = router(|line| {
        if line.starts_with("GET /addressbook/optout") {
            Answer::Json(array((0..1000).map(optout)))
        } else {
            Answer::Json(r#"{"id":"x"}"#.to_string())
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let file = csv(dir.path(), 2);
    let out = api(&server.url())
        .args(["bulk", "--yes", "--from", "Shop", "--exclude-optouts"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(76), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("it ignores paging"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(server.count("GET /addressbook/optout"), 2);
    assert_eq!(server.count("POST"), 0, "nothing is sent");
}

/// The references of the rows the first run sent.
fn references(server: &Router) -> Vec<String> {
    server
        .bodies("POST /send/batch")
        .iter()
        .flat_map(|body| {
            let batch: Value = serde_json::from_str(body).unwrap();
            batch["recipients"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["reference"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A first run whose only request is dropped after it was read: its row's
/// outcome is unknown, and the journal says so.
fn unknown_run(server: &Router, file: &Path) {
    let out = api(&server.url())
        .args(["bulk", "--yes", "--settle", "0", "--from", "Shop"])
        .arg(file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(75), "{}", stderr_of(&out));
    assert_eq!(server.count("POST /send/batch"), 1);
}

#[test]
fn bulk_reconciliation_stops_on_a_repeating_log() {
    let log = Arc::new(Mutex::new(false));
    let hostile = log.clone();
    let server = router(move |line| {
        if line.starts_with("POST /send/batch") {
            Answer::Drop
        } else if *hostile.lock().unwrap() {
            Answer::Json(array((0..1000).map(message)))
        } else {
            Answer::Json("[]".to_string())
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let file = csv(dir.path(), 1);
    unknown_run(&server, &file);
    *log.lock().unwrap() = true;
    let before = server.count("GET /message");
    let out = api(&server.url())
        .args(["bulk", "--yes", "--settle", "0", "--from", "Shop"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(76), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("it ignores paging"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(server.count("GET /message") - before, 2);
    assert_eq!(server.count("POST /send/batch"), 1, "never resent");
}

// ---------- One bad record costs only itself ----------

#[test]
fn a_lone_surrogate_costs_only_its_value() {
    let page = format!(
        "[{},{},{}]",
        message(0),
        message(1)
            .to_string()
            .replace("\"Hello\"", r#""He\ud83dllo""#),
        message(2)
    );
    assert!(page.contains(r"\ud83d"));
    let server = router(move |_| Answer::Json(page.clone()));
    let out = api(&server.url())
        .args(["logs", "list", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let mut damaged = message(1);
    damaged["body"] = json!("He\u{fffd}llo");
    assert_eq!(
        stdout_of(&out),
        jsonl([message(0), damaged, message(2)].into_iter())
    );
}

#[test]
fn an_entry_that_is_not_a_record_costs_only_itself() {
    let page = format!("[{},42,{}]", message(0), message(1));
    let server = router(move |_| Answer::Json(page.clone()));
    let out = api(&server.url())
        .args(["logs", "list", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(76), "{}", stderr_of(&out));
    assert_eq!(stdout_of(&out), jsonl((0..2).map(message)));
    assert_eq!(
        stderr_of(&out),
        "mobivate: warning: page 1: left out 1 entry that is not a JSON object\n\
         mobivate: error: the list is incomplete: 1 of its entries were not records\n"
    );
}

#[test]
fn logs_get_reads_a_lone_surrogate_and_strips_bidi_controls() {
    let record = message(7)
        .to_string()
        .replace("\"Hello\"", r#""a\u202eb\ud83dc\u2066d\nx""#);
    let server = router(move |_| Answer::Json(record.clone()));
    let out = api(&server.url())
        .args(["logs", "get", "abc"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stdout = stdout_of(&out);
    assert!(
        stdout.contains("\nbody             ab\u{fffd}cd\\nx\n"),
        "{stdout}"
    );
    assert!(!stdout.contains('\u{202e}') && !stdout.contains('\u{2066}'));
}

#[test]
fn bulk_reconciliation_reads_a_log_with_a_lone_surrogate() {
    let log: Arc<Mutex<Option<String>>> = Arc::new(Mutex::new(None));
    let served = log.clone();
    let server = router(move |line| {
        if line.starts_with("POST /send/batch") {
            return Answer::Drop;
        }
        Answer::Json(served.lock().unwrap().clone().unwrap_or("[]".into()))
    });
    let dir = tempfile::tempdir().unwrap();
    let file = csv(dir.path(), 1);
    unknown_run(&server, &file);
    let reference = references(&server).remove(0);
    let mut ours = message(0);
    ours["recipient"] = json!("447931000000");
    ours["senderReference"] = json!(reference);
    let page = format!(
        "[{},{}]",
        message(1).to_string().replace("\"Hello\"", r#""\ud83d""#),
        ours
    );
    *log.lock().unwrap() = Some(page);
    let out = api(&server.url())
        .args(["bulk", "--yes", "--settle", "0", "--from", "Shop"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        stdout_of(&out),
        "accepted 1, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    assert_eq!(server.count("POST /send/batch"), 1, "never resent");
}

// ---------- logs watch keeps its bounds ----------

#[test]
fn watch_ends_at_its_deadline_during_a_poll_that_never_answers() {
    let server = router(|_| Answer::Hang);
    let started = Instant::now();
    let out = api(&server.url())
        .args(["--timeout", "30", "logs", "watch", "ref-1"])
        .args(["--wait", "2", "--interval", "1", "--format", "jsonl"])
        .output()
        .unwrap();
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(75), "{}", stderr_of(&out));
    assert!(took < Duration::from_millis(3500), "took {took:?}");
    assert!(took >= Duration::from_secs(2), "took {took:?}");
    assert_eq!(stdout_of(&out), "");
    assert_eq!(
        stderr_of(&out),
        "mobivate: error: no message with reference ref-1 found after 2s\nhint: check the reference, or widen the search with --since\n"
    );
}

#[cfg(unix)]
#[test]
fn watch_ends_on_ctrl_c_during_a_poll_that_never_answers() {
    let server = router(|_| Answer::Hang);
    let mut child = raw_mobivate()
        .env("MOBIVATE_API_KEY", KEY)
        .env("CI", "true")
        .args([
            "--base-url",
            &server.url(),
            "--retries",
            "0",
            "--timeout",
            "30",
        ])
        .args([
            "logs", "watch", "ref-1", "--wait", "60", "--format", "jsonl",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let asked = Instant::now() + Duration::from_secs(20);
    while server.count("GET /message") == 0 {
        assert!(Instant::now() < asked, "the poll never came");
        std::thread::sleep(Duration::from_millis(20));
    }
    // The poll is in flight, and will not be answered.
    std::thread::sleep(Duration::from_millis(200));
    let pid = i32::try_from(child.id()).unwrap();
    // SAFETY: a signal to the child this test started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let sent = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if sent.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            panic!("still running 5 s after Ctrl-C");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let took = sent.elapsed();
    assert_eq!(status.code(), Some(130));
    assert!(took < Duration::from_secs(1), "took {took:?}");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(stderr, "");
}

// ---------- TZ is bounded ----------

fn dated(n: usize) -> Value {
    let mut record = message(n);
    record["created"] = json!("2026-11-26T13:00:00+0000");
    record
}

fn table_with_tz(tz: &str) -> std::process::Output {
    let server = router(|_| Answer::Json(array([dated(0)].into_iter())));
    api(&server.url())
        .args(["logs", "list", "--format", "table"])
        .env("TZ", tz)
        .timeout(Duration::from_secs(10))
        .output()
        .unwrap()
}

#[cfg(unix)] // Windows has no /dev/zero
#[test]
fn tz_naming_a_device_is_never_read() {
    let out = table_with_tz("/dev/zero");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(
        stdout_of(&out).contains("  2026-11-26 13:00:00  MT"),
        "{}",
        stdout_of(&out)
    );
    assert_eq!(
        stderr_of(&out),
        "mobivate: warning: TZ=/dev/zero is not usable (it is a character device); dates are shown in UTC\n"
    );
    let out = table_with_tz(":/dev/zero");
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr_of(&out).contains("dates are shown in UTC"));
}

#[cfg(unix)]
#[test]
fn tz_naming_a_fifo_or_a_huge_file_is_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("zone");
    let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a NUL-terminated path in a directory this test owns.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let out = table_with_tz(fifo.to_str().unwrap());
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("(it is a FIFO); dates are shown in UTC"));

    let huge = dir.path().join("huge");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(4 * 1024 * 1024 * 1024)
        .unwrap();
    let out = table_with_tz(huge.to_str().unwrap());
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("(it is larger than 1048576 bytes); dates are shown in UTC"),
        "{}",
        stderr_of(&out)
    );
    assert!(stdout_of(&out).contains("  2026-11-26 13:00:00  MT"));
}

#[test]
fn a_usable_tz_still_applies() {
    let out = table_with_tz("XYZ-2");
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(stderr_of(&out), "");
    assert!(
        stdout_of(&out).contains("  2026-11-26 15:00:00  MT"),
        "{}",
        stdout_of(&out)
    );
}

// ---------- auth output is sanitised ----------

fn config_dir_with(config: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in [
        ("config.toml", config.to_string()),
        (
            "credentials.toml",
            format!("[profiles.default]\napi_key = \"{KEY}\"\n"),
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
    }
    home
}

fn in_home(home: &tempfile::TempDir) -> assert_cmd::Command {
    let mut cmd = mobivate();
    cmd.env("MOBIVATE_CONFIG_DIR", home.path().join("config"))
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("xdg"))
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", home.path().join("no-bus").display()),
        )
        .env_remove("DISPLAY")
        .timeout(Duration::from_secs(30));
    cmd
}

#[test]
fn auth_status_sanitises_the_username_from_config() {
    let server = router(|_| Answer::Json("{}".to_string()));
    let home = config_dir_with(&format!(
        "[profiles.default]\nusername = \"eve\\u001b]0;pwned\\u0007\\nCheck:    forged\\u202e\"\nkey_storage = \"file\"\nbase_url = \"{}\"\n",
        server.url()
    ));
    let out = in_home(&home).args(["auth", "status"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("\nUsername: eve Check:    forged\n"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}') && !stderr.contains('\u{202e}')
    );
    assert_eq!(stderr.matches("Check:").count(), 2, "{stderr}");
}

#[test]
fn auth_login_with_key_checks_the_username_as_u_does() {
    let server = router(|_| Answer::Json("{}".to_string()));
    let home = config_dir_with("");
    for (username, expected) in [
        (
            "eve\u{1b}[2J",
            "mobivate: error: the username contains control characters\n",
        ),
        (
            "eve\nx",
            "mobivate: error: the username contains control characters\n",
        ),
    ] {
        let out = in_home(&home)
            .args(["auth", "login", "--with-key", "--insecure-storage"])
            .args(["--base-url", &server.url()])
            .env("MOBIVATE_USERNAME", username)
            .write_stdin(format!("{KEY}\n"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(64), "{}", stderr_of(&out));
        assert_eq!(stderr_of(&out), expected);
        let out = in_home(&home)
            .args(["auth", "login", "--with-key", "--insecure-storage"])
            .args(["--base-url", &server.url(), "-u", username])
            .write_stdin(format!("{KEY}\n"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(64), "{}", stderr_of(&out));
    }
    assert_eq!(server.count("GET"), 0, "the key was never sent");
}

#[test]
fn auth_login_sanitises_what_it_prints() {
    let server = router(|_| Answer::Json("{}".to_string()));
    let home = config_dir_with("");
    let out = in_home(&home)
        .args(["auth", "login", "--with-key", "--insecure-storage"])
        .args(["--base-url", &server.url(), "-u", "eve\u{202e}moc.evil"])
        .write_stdin(format!("{KEY}\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(
        stderr.starts_with("Logged in as evemoc.evil (profile default)"),
        "{stderr}"
    );
}
