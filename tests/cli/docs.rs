//! What `--help`, the man page and the documentation promise: where the
//! password comes from and in what order, value names in the SYNOPSIS, the
//! values of `--format`, no Markdown left in the page; and that README.md,
//! docs/*.md and examples/try.sh run as written, against the mock API.
// The shell-block runner and try.sh checks are Unix-only (they run `sh`).
#![cfg_attr(windows, allow(dead_code))]

#[cfg(unix)]
use crate::common::mock_api::start_mock_api;
use crate::common::*;

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
    // roff lines wrap anywhere: compare with line breaks as spaces.
    let synopsis = &page[start..end].replace('\n', " ");
    for needle in [
        r"\fB\-\-base\-url\fR \fIURL\fR",
        r"\fB\-\-timeout\fR \fIDURATION\fR",
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
        page.contains(r"\fBmobivate COMMAND \-\-help\fR shows"),
        "code spans are bold"
    );
}

// ---------- README.md, docs/ and examples/try.sh ----------

fn repo_file(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// README.md, then docs/*.md in name order: the pages whose shell blocks run.
fn pages() -> Vec<(String, String)> {
    let mut names: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/docs"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("docs/{name}"))
        .collect();
    names.sort();
    names.insert(0, "README.md".to_string());
    names
        .into_iter()
        .map(|name| {
            let text = repo_file(&name);
            (name, text)
        })
        .collect()
}

#[derive(Debug, PartialEq)]
enum Kind {
    /// Fenced `sh`, `shell` or `bash`: run verbatim by the test.
    Runnable,
    /// `sh illustration` (or `shell`/`bash`), `console` or `text`.
    Illustration,
    /// Not shell: yaml, toml, csv, nginx, powershell, …
    Other,
}

struct Block {
    info: String,
    body: String,
    /// 1-based line of the opening fence.
    line: usize,
}

impl Block {
    fn kind(&self) -> Kind {
        let mut words = self.info.split_whitespace();
        match words.next() {
            Some("sh" | "shell" | "bash") if words.any(|w| w == "illustration") => {
                Kind::Illustration
            }
            Some("sh" | "shell" | "bash") => Kind::Runnable,
            Some("console" | "text") => Kind::Illustration,
            _ => Kind::Other,
        }
    }

    /// The N of a `# exits N` comment: the status the block ends with.
    fn expected_exit(&self) -> i32 {
        self.body
            .split("# exits ")
            .nth(1)
            .map(|rest| {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                digits
                    .parse()
                    .unwrap_or_else(|_| panic!("line {}: `# exits` without a number", self.line))
            })
            .unwrap_or(0)
    }
}

/// The fenced blocks of a Markdown page, indented ones (in lists) included.
fn blocks(page: &str) -> Vec<Block> {
    let mut found = Vec::new();
    let mut lines = page.lines().enumerate();
    while let Some((n, line)) = lines.next() {
        let trimmed = line.trim_start();
        let Some(info) = trimmed.strip_prefix("```") else {
            continue;
        };
        let indent = line.len() - trimmed.len();
        let mut body = String::new();
        for (_, inner) in lines.by_ref() {
            if inner.trim() == "```" {
                break;
            }
            let cut = inner.len() - inner.trim_start().len();
            body.push_str(&inner[cut.min(indent)..]);
            body.push('\n');
        }
        found.push(Block {
            info: info.trim().to_string(),
            body,
            line: n + 1,
        });
    }
    found
}

#[test]
fn every_fenced_block_names_its_language() {
    for (name, text) in pages() {
        for block in blocks(&text) {
            assert!(
                !block.info.is_empty(),
                "{name}:{}: a fence without a language: runnable shell is `sh`, an illustration `sh illustration`, `console` or `text`",
                block.line
            );
        }
    }
}

#[test]
fn at_most_one_shell_block_in_five_is_an_illustration() {
    let (mut runnable, mut illustrations) = (0, 0);
    for (_, text) in pages() {
        for block in blocks(&text) {
            match block.kind() {
                Kind::Runnable => runnable += 1,
                Kind::Illustration => illustrations += 1,
                Kind::Other => {}
            }
        }
    }
    assert!(runnable > 0);
    assert!(
        illustrations * 5 <= runnable + illustrations,
        "{illustrations} illustrations and {runnable} runnable blocks: more than one in five is an illustration"
    );
}

#[test]
fn readme_is_short_and_starts_with_install_and_the_two_commands() {
    let readme = repo_file("README.md");
    let lines: Vec<&str> = readme.lines().collect();
    assert!(lines.len() <= 400, "README.md has {} lines", lines.len());
    let first_section = lines.iter().position(|l| l.starts_with("## ")).unwrap();
    assert_eq!(lines[first_section], "## Install");
    for command in ["sh examples/try.sh", "cargo test --locked"] {
        let at = lines
            .iter()
            .position(|l| l.trim() == command)
            .unwrap_or_else(|| panic!("{command} is not a line of README.md"));
        assert!(
            first_section < at && at < 60,
            "{command} at line {}",
            at + 1
        );
        assert!(
            !lines[first_section + 1..at]
                .iter()
                .any(|l| l.starts_with("## ")),
            "{command} is not under Install"
        );
    }
    for section in [
        "### At a terminal",
        "### In a script or CI",
        "### A campaign from a CSV",
        "## Exit status",
    ] {
        assert!(lines.contains(&section), "{section} missing");
    }
}

/// GitHub's anchors for the headings of a page (outside code blocks).
fn anchors(page: &str) -> Vec<String> {
    let mut in_code = false;
    let mut found = Vec::new();
    for line in page.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if !in_code && line.starts_with('#') {
            let text = line.trim_start_matches('#').trim();
            found.push(
                text.chars()
                    .filter_map(|c| match c {
                        ' ' => Some('-'),
                        c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                        _ => None,
                    })
                    .flat_map(char::to_lowercase)
                    .collect(),
            );
        }
    }
    found
}

#[test]
fn relative_links_in_readme_and_docs_point_to_files_and_headings() {
    let mut names: Vec<(String, String)> = pages();
    names.push(("CONTRIBUTING.md".to_string(), repo_file("CONTRIBUTING.md")));
    for (name, text) in names {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(&name)
            .parent()
            .unwrap()
            .to_path_buf();
        for piece in text.split("](").skip(1) {
            let target = &piece[..piece.find(')').unwrap()];
            if target.contains("://") {
                continue;
            }
            let (path, anchor) = target.split_once('#').unwrap_or((target, ""));
            let file = if path.is_empty() {
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&name)
            } else {
                dir.join(path)
            };
            assert!(file.exists(), "{name}: a link to {target}");
            if !anchor.is_empty() {
                let linked = std::fs::read_to_string(&file).unwrap();
                assert!(
                    anchors(&linked).iter().any(|a| a == anchor),
                    "{name}: no heading for the anchor of {target}"
                );
            }
        }
    }
}

/// Runs `page`'s runnable blocks in order in one `sh`, against a fresh mock
/// API, in a fresh HOME and config dir, with the demo account's credentials
/// in the environment, CI set (nothing prompts), the keyring out of reach (the
/// session bus pointed at nothing) and no proxy. A block without `# exits N`
/// runs under `set -e`, so a failing line anywhere in it fails the test; one
/// with it must end with status N.
#[cfg(unix)]
fn run_page(name: &str, text: &str) -> Result<(), String> {
    use std::fmt::Write as _;
    let runnable: Vec<Block> = blocks(text)
        .into_iter()
        .filter(|b| b.kind() == Kind::Runnable)
        .collect();
    if runnable.is_empty() {
        return Ok(());
    }
    let mock = start_mock_api(&[]);
    let root = tempfile::tempdir().unwrap();
    let (home, work, scripts) = (
        root.path().join("home"),
        root.path().join("work"),
        root.path().join("blocks"),
    );
    for dir in [&home, &work, &scripts] {
        std::fs::create_dir(dir).unwrap();
    }
    let mut harness = String::from("set +e\n");
    for (i, block) in runnable.iter().enumerate() {
        let file = scripts.join(format!("{i}.sh"));
        std::fs::write(&file, &block.body).unwrap();
        let want = block.expected_exit();
        writeln!(harness, "echo '=== {name}:{line}' >&2", line = block.line).unwrap();
        if want == 0 {
            writeln!(harness, "set -e\n. '{}'\nset +e", file.display()).unwrap();
        } else {
            writeln!(
                harness,
                ". '{}'\nstatus=$?\n[ \"$status\" -eq {want} ] || {{ echo \"=== exited $status, expected {want}\" >&2; exit 101; }}",
                file.display()
            )
            .unwrap();
        }
    }
    harness.push_str("echo '=== every block ran' >&2\n");
    let bin_dir = assert_cmd::cargo::cargo_bin("mobivate")
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_else(|_| "/usr/bin:/bin".into())
    );
    let out = assert_cmd::Command::new("sh")
        .arg("-c")
        .arg(&harness)
        .env_clear()
        .env("PATH", path)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("MOBIVATE_CONFIG_DIR", home.join("mobivate-config"))
        .env("MOBIVATE_BASE_URL", &mock.1)
        .env("MOBIVATE_USERNAME", "demo@example.com")
        .env("MOBIVATE_PASSWORD", "demo-password")
        .env("CI", "true")
        .env("TZ", "UTC")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", home.join("no-bus").display()),
        )
        .current_dir(&work)
        .write_stdin("")
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    if out.status.success() && stderr.ends_with("=== every block ran\n") {
        return Ok(());
    }
    let failed_at = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with(&format!("=== {name}:")))
        .unwrap_or("before the first block");
    Err(format!(
        "{failed_at}: exit {:?}\n--- stdout\n{}\n--- stderr\n{stderr}",
        out.status.code(),
        stdout_of(&out)
    ))
}

// sh cannot be spawned from a Windows test (under wine or not).
#[cfg(unix)]
#[test]
fn every_shell_block_in_readme_and_docs_runs_against_the_mock() {
    let failures: Vec<String> = pages()
        .iter()
        .filter_map(|(name, text)| run_page(name, text).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// examples/try.sh must run under a POSIX `sh` on a fresh clone: no
/// bash-only syntax, no hard-coded target directory, build before use, wait
/// for the mock to listen, and clean up on every way out. (It was run
/// verbatim under dash; this keeps the known traps out.)
#[test]
fn try_sh_is_posix_builds_first_and_waits_for_the_mock() {
    let script = repo_file("examples/try.sh");
    for forbidden in [
        "<<<",
        "kill %",
        "target/debug",
        "[[",
        "function ",
        "$'",
        "sleep 0.",
        "local ",
        "pipefail",
    ] {
        assert!(
            !script.contains(forbidden),
            "{forbidden:?} in examples/try.sh"
        );
    }
    let build = script
        .find("cargo build --locked --bin mobivate --example mock_api")
        .unwrap();
    let start_mock = script.find("--port 0").unwrap();
    let wait = script.find("until grep -qs '^listening on '").unwrap();
    let first_use = script.find("mobivate getkey").unwrap();
    assert!(
        build < start_mock && start_mock < wait && wait < first_use,
        "{script}"
    );
    for trap in [
        "trap cleanup EXIT",
        "trap 'exit 130' INT",
        "trap 'exit 143' TERM",
    ] {
        assert!(script.contains(trap), "{trap} missing");
    }
    #[cfg(unix)]
    {
        let syntax = std::process::Command::new("sh")
            .arg("-n")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/try.sh"))
            .output()
            .unwrap();
        assert!(syntax.status.success(), "{}", stderr_of(&syntax));
    }
}

/// examples/try.sh as a command, with a `cargo` on PATH that only answers
/// `cargo metadata`, pointing at a target directory whose `debug/` is
/// `debug_dir`, so that no second cargo contends for the build directory.
/// TMPDIR is the returned directory, which holds only `bin` and `target`.
#[cfg(unix)]
fn try_sh(debug_dir: &std::path::Path) -> (tempfile::TempDir, std::process::Command) {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    let target = root.path().join("target");
    std::fs::create_dir(&target).unwrap();
    std::os::unix::fs::symlink(debug_dir, target.join("debug")).unwrap();
    let bin = root.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let cargo = bin.join("cargo");
    std::fs::write(
        &cargo,
        format!(
            "#!/bin/sh\ncase $1 in\n  build) exit 0 ;;\n  metadata) printf '{{\"packages\":[],\"target_directory\":\"%s\",\"version\":1}}\\n' '{}' ;;\n  *) exit 1 ;;\nesac\n",
            target.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&cargo, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_else(|_| "/usr/bin:/bin".into())
    );
    let mut cmd = std::process::Command::new("sh");
    cmd.arg(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/try.sh"))
        .env_clear()
        .env("PATH", path)
        .env("HOME", root.path())
        .env("TMPDIR", root.path())
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", root.path().join("no-bus").display()),
        )
        .stdin(std::process::Stdio::null());
    (root, cmd)
}

/// The port of the mock, from try.sh's "# The mock API is at URL" line.
fn mock_port(stdout: &str) -> String {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("# The mock API is at http://"))
        .and_then(|rest| rest.split(':').nth(1))
        .map(|port| {
            port.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .filter(|port| !port.is_empty())
        .unwrap_or_else(|| panic!("no mock URL in:\n{stdout}"))
}

/// After try.sh: the mock no longer answers, and TMPDIR holds only what
/// `try_sh` made (the scratch directory is gone).
fn assert_cleaned_up(port: &str, tmpdir: &std::path::Path) {
    assert!(
        std::net::TcpStream::connect(format!("127.0.0.1:{port}")).is_err(),
        "the mock still listens on port {port}"
    );
    let mut left: Vec<String> = std::fs::read_dir(tmpdir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["bin", "target"], "left behind in TMPDIR");
}

/// Runs try.sh to its end (at most 120 s).
#[cfg(unix)]
fn run_try_sh(debug_dir: &std::path::Path) -> (std::process::Output, String) {
    let (root, cmd) = try_sh(debug_dir);
    let out = assert_cmd::Command::from_std(cmd)
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let port = mock_port(&stdout_of(&out));
    assert_cleaned_up(&port, root.path());
    (out, port)
}

/// Every step must give what it says; afterwards the mock is stopped and the
/// scratch directory is gone.
#[cfg(unix)]
#[test]
fn try_sh_walks_through_the_journeys_and_exits_0() {
    let profile_dir = assert_cmd::cargo::cargo_bin("mobivate");
    let (out, _) = run_try_sh(profile_dir.parent().unwrap());
    let stdout = stdout_of(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{}", stderr_of(&out));
    for command in [
        "\n$ printf 'demo-password\\n' | mobivate getkey -u demo@example.com --password-stdin\nabcd1234-9922-abcd-1234-abcd1234abcd\n",
        "\n$ mobivate testkey\nAPI key is valid\n",
        "\n$ mobivate segments 'Your order’s ready'\n",
        "--dry-run 'Your order is ready'\n",
        "\n$ mobivate send --to 447700900123,447700900124 --from Shop --yes 'Doors open at 9'\n447700900123 ",
        "\n$ mobivate bulk customers.csv --check ",
        "accepted 2, invalid 1, duplicate 0, unknown 0, rejected 0\n",
        "\n$ mobivate logs list --format csv\n",
        "# Done: every step gave what it said.",
    ] {
        assert!(stdout.contains(command), "{command:?} missing:\n{stdout}");
    }
}

/// A step that does not give what it says stops the script loudly, with a
/// non-zero exit, and it still stops the mock and removes its scratch
/// directory. Here `mobivate` is a stand-in that prints nothing.
#[cfg(unix)]
#[test]
fn try_sh_fails_loudly_when_a_step_does_not_give_what_it_says() {
    use std::os::unix::fs::PermissionsExt;
    let real = assert_cmd::cargo::cargo_bin("mobivate");
    let fake = tempfile::tempdir().unwrap();
    let mobivate = fake.path().join("mobivate");
    std::fs::write(&mobivate, "#!/bin/sh\nexit 0\n").unwrap();
    std::fs::set_permissions(&mobivate, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::os::unix::fs::symlink(
        real.parent().unwrap().join("examples"),
        fake.path().join("examples"),
    )
    .unwrap();
    let (out, _) = run_try_sh(fake.path());
    assert_eq!(out.status.code(), Some(1), "{}", stdout_of(&out));
    assert_eq!(
        stderr_of(&out),
        "\ntry.sh: FAILED: expected the output to contain: abcd1234-9922-abcd-1234-abcd1234abcd\n"
    );
}

/// Ctrl-C in the middle (SIGINT to the whole process group, as a terminal
/// sends it; the mock, started in the background, ignores it) exits 130, and
/// still stops the mock and removes the scratch directory. Here `mobivate` is
/// a stand-in that hangs, so the signal comes during the first step.
#[cfg(unix)]
#[test]
fn try_sh_cleans_up_on_ctrl_c() {
    use std::io::BufRead;
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let real = assert_cmd::cargo::cargo_bin("mobivate");
    let fake = tempfile::tempdir().unwrap();
    let mobivate = fake.path().join("mobivate");
    std::fs::write(&mobivate, "#!/bin/sh\nsleep 60\n").unwrap();
    std::fs::set_permissions(&mobivate, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::os::unix::fs::symlink(
        real.parent().unwrap().join("examples"),
        fake.path().join("examples"),
    )
    .unwrap();
    let (root, mut cmd) = try_sh(fake.path());
    let mut child = cmd
        .process_group(0)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut seen = String::new();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    for line in lines.by_ref() {
        let line = line.unwrap();
        seen.push_str(&line);
        seen.push('\n');
        if line.starts_with("$ printf 'demo-password") {
            break;
        }
    }
    let port = mock_port(&seen);
    // The step's command runs; give it a moment to start, then Ctrl-C.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let kill = std::process::Command::new("kill")
        .args(["-INT", "--", &format!("-{}", child.id())])
        .status()
        .unwrap();
    assert!(kill.success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "try.sh ignored Ctrl-C"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(130), "{seen}");
    assert_cleaned_up(&port, root.path());
}
