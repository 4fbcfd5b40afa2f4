//! Files the tool writes and reads, attacked: devices, FIFOs, sockets and
//! directories where a file should be; one path given for two roles; files
//! that are not journals, and journals that were tampered with. Every run is
//! bounded in time, so a blocking open fails the test instead of stalling it.
#![cfg(unix)]

use crate::common::mock_api::{self, Faults, MockApi};
use crate::common::{
    KEY, PASSWORD, USER, assert_clean_failure, mkfifo, mobivate, stderr_of, write,
};
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Long enough for a loaded machine, far shorter than a hang.
const BOUND: Duration = Duration::from_secs(20);

const ROWS: &str = "recipient,text\n447930000001,Hello one\n447930000002,Hello two\n";

fn is_fifo(path: &Path) -> bool {
    std::fs::symlink_metadata(path)
        .unwrap()
        .file_type()
        .is_fifo()
}

/// `mobivate bulk FILE --yes --from Shop` against `api`, bounded in time.
fn bulk(api: &MockApi, file: &Path) -> assert_cmd::Command {
    let mut cmd = mock_api::bulk_from_shop(api, file);
    cmd.timeout(BOUND);
    cmd
}

fn run(cmd: &mut assert_cmd::Command) -> std::process::Output {
    // `assert` panics when the timeout killed the process.
    cmd.assert().get_output().clone()
}

/// Nothing at all reached the API.
fn assert_nothing_sent(api: &MockApi) {
    assert!(api.batches().is_empty(), "sent: {:?}", api.batches());
}

// ---------- devices, FIFOs, sockets and directories ----------

#[test]
fn a_report_on_a_fifo_device_socket_or_directory_is_refused_before_sending() {
    let dir = tempfile::tempdir().unwrap();
    let rows = write(dir.path(), "rows.csv", ROWS);
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let socket = dir.path().join("sock");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let directory = dir.path().join("dir");
    std::fs::create_dir(&directory).unwrap();
    let cases: [(&Path, &str); 4] = [
        (&fifo, "is a FIFO"),
        (Path::new("/dev/null"), "is a character device"),
        (&socket, "is a socket"),
        (&directory, "is a directory"),
    ];
    for (target, what) in cases {
        let api = mock_api::start(Faults::default());
        let output = run(bulk(&api, &rows).arg("--report").arg(target));
        let stderr = assert_clean_failure(&output, 73);
        assert!(
            stderr.contains(&format!("the report to {}: it {what}", target.display())),
            "{stderr}"
        );
        assert_nothing_sent(&api);
        // And --check, which also writes the report.
        let output = run(mobivate()
            .args(["bulk", "--check"])
            .arg(&rows)
            .arg("--report")
            .arg(target)
            .timeout(BOUND));
        let stderr = assert_clean_failure(&output, 73);
        assert!(stderr.contains(what), "{stderr}");
    }
    assert!(is_fifo(&fifo), "the FIFO is still a FIFO");
    let null = std::fs::metadata("/dev/null").unwrap();
    assert!(null.file_type().is_char_device(), "/dev/null was replaced");
    assert!(
        std::fs::symlink_metadata(&socket)
            .unwrap()
            .file_type()
            .is_socket()
    );
    assert!(directory.is_dir());
}

#[test]
fn a_journal_on_a_fifo_or_dev_zero_is_refused_at_once_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let rows = write(dir.path(), "rows.csv", ROWS);
    let fifo = dir.path().join("journal.fifo");
    mkfifo(&fifo);
    let cases: [(&Path, &str); 2] = [
        (&fifo, "is a FIFO"),
        (Path::new("/dev/zero"), "is a character device"),
    ];
    for (target, what) in cases {
        let api = mock_api::start(Faults::default());
        let output = run(bulk(&api, &rows).arg("--journal").arg(target));
        let stderr = assert_clean_failure(&output, 73);
        assert!(
            stderr.contains(&format!("the journal to {}: it {what}", target.display())),
            "{stderr}"
        );
        assert_nothing_sent(&api);
        for mode in ["--check", "--dry-run"] {
            let output = run(bulk(&api, &rows).arg(mode).arg("--journal").arg(target));
            let stderr = assert_clean_failure(&output, 73);
            assert!(stderr.contains(what), "{mode}: {stderr}");
        }
        assert_nothing_sent(&api);
    }
    assert!(is_fifo(&fifo));
}

#[test]
fn a_journal_on_a_directory_is_refused() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let rows = write(dir.path(), "rows.csv", ROWS);
    let output = run(bulk(&api, &rows).arg("--journal").arg(dir.path()));
    let stderr = assert_clean_failure(&output, 73);
    assert!(stderr.contains("it is a directory"), "{stderr}");
    assert_nothing_sent(&api);
}

/// A config directory holding `config.toml` (and perhaps `credentials.toml`).
fn config_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn a_fifo_or_dev_zero_as_config_toml_is_refused_at_once_even_with_a_key_set() {
    for special in ["fifo", "/dev/zero"] {
        let config = config_dir();
        let path = config.path().join("config.toml");
        if special == "fifo" {
            mkfifo(&path);
        } else {
            std::os::unix::fs::symlink(special, &path).unwrap();
        }
        let mut server = mockito::Server::new();
        let test = server.mock("GET", "/auth/test").expect(0).create();
        let output = run(mobivate()
            .env("MOBIVATE_CONFIG_DIR", config.path())
            .env("MOBIVATE_API_KEY", KEY)
            .args(["testkey", "--base-url", &server.url()])
            .timeout(BOUND));
        let stderr = assert_clean_failure(&output, 78);
        let what = if special == "fifo" {
            "is a FIFO"
        } else {
            "is a character device"
        };
        assert!(
            stderr.contains(&format!(
                "cannot read config file {}: it {what}",
                path.display()
            )),
            "{stderr}"
        );
        test.assert();
    }
}

#[test]
fn a_fifo_as_credentials_toml_is_refused_at_once() {
    let config = config_dir();
    std::fs::write(
        config.path().join("config.toml"),
        format!("[profiles.default]\nusername = \"{USER}\"\nkey_storage = \"file\"\n"),
    )
    .unwrap();
    crate::common::make_private(&config.path().join("config.toml"));
    let credentials = config.path().join("credentials.toml");
    mkfifo(&credentials);
    let mut server = mockito::Server::new();
    let test = server.mock("GET", "/auth/test").expect(0).create();
    let output = run(mobivate()
        .env("MOBIVATE_CONFIG_DIR", config.path())
        .args(["testkey", "--base-url", &server.url()])
        .timeout(BOUND));
    let stderr = assert_clean_failure(&output, 78);
    assert!(
        stderr.contains(&format!(
            "cannot read credentials file {}: it is a FIFO",
            credentials.display()
        )),
        "{stderr}"
    );
    assert!(is_fifo(&credentials));
    test.assert();
}

// ---------- one path, two roles ----------

#[test]
fn journal_and_report_on_one_path_exit_64_before_anything() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let rows = write(dir.path(), "rows.csv", ROWS);
    let both = dir.path().join("state");
    // Nothing there yet: the same directory and name, spelled two ways.
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let other_spelling = dir.path().join("sub").join("..").join("state");
    let output = run(bulk(&api, &rows)
        .arg("--journal")
        .arg(&both)
        .arg("--report")
        .arg(&other_spelling));
    let stderr = assert_clean_failure(&output, 64);
    assert!(stderr.contains("are the same file"), "{stderr}");
    assert!(stderr.contains("--journal") && stderr.contains("--report"));
    assert!(!both.exists(), "nothing is created");
    assert_nothing_sent(&api);
}

#[test]
fn a_report_or_journal_on_the_input_or_text_file_exits_64_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let rows = write(dir.path(), "rows.csv", ROWS);
    let template = write(dir.path(), "text.txt", "Hello {recipient}\n");
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&rows, &link).unwrap();
    let hard = dir.path().join("hard.csv");
    std::fs::hard_link(&rows, &hard).unwrap();
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["--report".into(), rows.clone().into()],
        vec!["--report".into(), link.clone().into()],
        vec!["--report".into(), hard.clone().into()],
        vec!["--journal".into(), rows.clone().into()],
        vec![
            "--text-file".into(),
            template.clone().into(),
            "--report".into(),
            template.clone().into(),
        ],
        vec![
            "--text-file".into(),
            template.clone().into(),
            "--journal".into(),
            template.clone().into(),
        ],
    ];
    for args in cases {
        let api = mock_api::start(Faults::default());
        let output = run(bulk(&api, &rows).args(&args));
        let stderr = assert_clean_failure(&output, 64);
        assert!(stderr.contains("are the same file"), "{args:?}: {stderr}");
        assert_nothing_sent(&api);
        // --check writes the report too.
        let output = run(mobivate()
            .args(["bulk", "--check"])
            .arg(&rows)
            .args(&args)
            .timeout(BOUND));
        assert_clean_failure(&output, 64);
        assert_eq!(std::fs::read_to_string(&rows).unwrap(), ROWS);
        assert_eq!(
            std::fs::read_to_string(&template).unwrap(),
            "Hello {recipient}\n"
        );
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    assert!(!dir.path().join("rows.csv.mobivate-journal").exists());
}

#[test]
fn getkey_and_createkey_refuse_o_on_the_password_file() {
    let dir = tempfile::tempdir().unwrap();
    let password_file = write(dir.path(), "pw", &format!("{PASSWORD}\n"));
    crate::common::make_private(&password_file);
    let hard = dir.path().join("pw-link");
    std::fs::hard_link(&password_file, &hard).unwrap();
    for (command, out) in [
        ("getkey", &password_file),
        ("getkey", &hard),
        ("createkey", &password_file),
    ] {
        let mut server = mockito::Server::new();
        let any = server
            .mock("POST", mockito::Matcher::Any)
            .expect(0)
            .create();
        let mut cmd = mobivate();
        cmd.args([command, "--base-url", &server.url(), "-u", USER])
            .arg("--password-file")
            .arg(&password_file)
            .arg("-o")
            .arg(out)
            .timeout(BOUND);
        if command == "createkey" {
            cmd.arg("--yes");
        }
        let output = run(&mut cmd);
        let stderr = assert_clean_failure(&output, 64);
        assert!(
            stderr.contains(&format!(
                "-o {} and --password-file {} are the same file",
                out.display(),
                password_file.display()
            )),
            "{stderr}"
        );
        any.assert();
        assert_eq!(
            std::fs::read_to_string(&password_file).unwrap(),
            format!("{PASSWORD}\n")
        );
    }
}

// ---------- files that are not journals ----------

#[test]
fn a_notes_file_as_journal_is_refused_with_65_even_with_restart() {
    let dir = tempfile::tempdir().unwrap();
    let rows = write(dir.path(), "rows.csv", ROWS);
    for notes in [
        "my notes\nline two\n",
        "no newline at all",
        "{\"t\":\"begin\"}\n",
    ] {
        let journal = write(dir.path(), "notes.txt", notes);
        for restart in [false, true] {
            let api = mock_api::start(Faults::default());
            let mut cmd = bulk(&api, &rows);
            cmd.arg("--journal").arg(&journal);
            if restart {
                cmd.arg("--restart");
            }
            let output = run(&mut cmd);
            let stderr = assert_clean_failure(&output, 65);
            let expected = if notes.starts_with('{') {
                format!("damaged journal {}", journal.display())
            } else {
                format!("{} is not a mobivate journal", journal.display())
            };
            assert!(stderr.contains(&expected), "{notes:?} {restart}: {stderr}");
            assert_nothing_sent(&api);
            assert_eq!(std::fs::read_to_string(&journal).unwrap(), notes);
        }
    }
}

#[test]
fn an_empty_journal_or_one_torn_in_its_header_is_new() {
    for content in ["", "{\"t\":\"hea", "{\"t\":\"header\",\"v\":1,\"fi"] {
        let api = mock_api::start(Faults::default());
        let dir = tempfile::tempdir().unwrap();
        let rows = write(dir.path(), "rows.csv", ROWS);
        let journal = write(dir.path(), "journal", content);
        let output = run(bulk(&api, &rows).arg("--journal").arg(&journal));
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            "accepted 2, invalid 0, duplicate 0, unknown 0, rejected 0\n"
        );
        assert_eq!(api.messages().len(), 2);
        let text = std::fs::read_to_string(&journal).unwrap();
        assert!(text.starts_with("{\"t\":\"header\""), "{text}");
    }
}

// ---------- found before sending ----------

#[test]
fn an_uncreatable_report_or_journal_exits_73_with_nothing_sent() {
    let dir = tempfile::tempdir().unwrap();
    let rows = write(dir.path(), "rows.csv", ROWS);
    let missing = dir.path().join("no-such-dir").join("out");
    for flag in ["--report", "--journal"] {
        let api = mock_api::start(Faults::default());
        let output = run(bulk(&api, &rows).arg(flag).arg(&missing));
        let stderr = assert_clean_failure(&output, 73);
        assert!(stderr.contains(&missing.display().to_string()), "{stderr}");
        assert_nothing_sent(&api);
        assert!(api.messages().is_empty());
    }
}

// ---------- tampered journals ----------

/// A journal of one finished run of `ROWS`, for records to be added to.
fn finished_run(api: &MockApi, dir: &Path) -> (PathBuf, PathBuf) {
    let rows = write(dir, "rows.csv", ROWS);
    let journal = dir.join("journal");
    let output = run(bulk(api, &rows).arg("--journal").arg(&journal));
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    (rows, journal)
}

#[test]
fn tampered_journal_records_are_refused_as_damaged_never_a_crash() {
    let max = u64::MAX;
    let records = [
        r#"{"t":"begin","id":7,"at":0,"rows":[[9,3]]}"#.to_string(),
        format!(r#"{{"t":"begin","id":{max},"at":0,"rows":[[1,1]]}}"#),
        format!(r#"{{"t":"begin","id":7,"at":0,"rows":[[1,{max}]]}}"#),
        format!(r#"{{"t":"begin","id":7,"at":0,"rows":[[{max},{max}]]}}"#),
        r#"{"t":"begin","id":7,"at":-9223372036854775808,"rows":[[1,1]]}"#.to_string(),
        r#"{"t":"found","id":1,"rows":[[5,2]],"complete":false}"#.to_string(),
        format!(r#"{{"t":"end","id":{max},"state":"unsent"}}"#),
        r#"{"t":"begin","id":0,"at":0,"rows":[[0,1]]}"#.to_string(),
        "not json at all".to_string(),
        r#"{"t":"header","v":1,"file":"0","size":0,"options":"0","run":"r","created":0}"#
            .to_string(),
    ];
    for record in records {
        let api = mock_api::start(Faults::default());
        let dir = tempfile::tempdir().unwrap();
        let (rows, journal) = finished_run(&api, dir.path());
        let mut text = std::fs::read_to_string(&journal).unwrap();
        text.push_str(&record);
        text.push('\n');
        std::fs::write(&journal, &text).unwrap();
        let sent = api.batches().len();
        for mode in [None, Some("--check"), Some("--dry-run")] {
            let mut cmd = bulk(&api, &rows);
            cmd.arg("--journal").arg(&journal).args(mode);
            let output = run(&mut cmd);
            let stderr = assert_clean_failure(&output, 65);
            assert!(
                stderr.contains(&format!("damaged journal {}: line ", journal.display())),
                "{record} {mode:?}: {stderr}"
            );
        }
        assert_eq!(api.batches().len(), sent, "nothing more was sent");
        assert_eq!(std::fs::read_to_string(&journal).unwrap(), text);
    }
}

#[test]
fn a_torn_last_record_is_still_dropped() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let (rows, journal) = finished_run(&api, dir.path());
    let whole = std::fs::read_to_string(&journal).unwrap();
    std::fs::write(&journal, format!("{whole}{{\"t\":\"begin\",\"id\":9,\"at")).unwrap();
    let output = run(bulk(&api, &rows).arg("--journal").arg(&journal));
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "accepted 2, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    assert_eq!(api.messages().len(), 2, "nothing sent twice");
    assert_eq!(std::fs::read_to_string(&journal).unwrap(), whole);
}

#[test]
fn restart_replaces_a_damaged_journal() {
    let api = mock_api::start(Faults::default());
    let dir = tempfile::tempdir().unwrap();
    let (rows, journal) = finished_run(&api, dir.path());
    let mut text = std::fs::read_to_string(&journal).unwrap();
    text.push_str("{\"t\":\"begin\",\"id\":7,\"at\":0,\"rows\":[[9,3]]}\n");
    std::fs::write(&journal, &text).unwrap();
    let output = run(bulk(&api, &rows)
        .arg("--journal")
        .arg(&journal)
        .arg("--restart"));
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "accepted 2, invalid 0, duplicate 0, unknown 0, rejected 0\n"
    );
    // --restart sends every row again, by design.
    assert_eq!(api.messages().len(), 4);
    let after = std::fs::read_to_string(&journal).unwrap();
    assert!(!after.contains("[[9,3]]"), "{after}");
    assert!(after.starts_with("{\"t\":\"header\""), "{after}");
}
