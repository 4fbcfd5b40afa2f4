//! Start-up short cuts (issue 21): `--version` alone is answered without
//! building the command tree, and says exactly what clap says.

use crate::common::*;

/// What clap prints for `--version` after a global flag (the parsed path).
fn clap_version() -> String {
    let output = mobivate()
        .args(["--no-input", "--version"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    stdout_of(&output)
}

#[test]
fn version_alone_prints_what_clap_prints() {
    let expected = clap_version();
    assert_eq!(
        expected,
        format!("mobivate {}\n", env!("CARGO_PKG_VERSION"))
    );
    for flag in ["--version", "-V"] {
        let output = mobivate().arg(flag).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{flag}");
        assert_eq!(stdout_of(&output), expected, "{flag}");
        assert_eq!(stderr_of(&output), "", "{flag}");
    }
}

#[test]
fn version_with_more_arguments_still_goes_through_clap() {
    let output = mobivate().args(["--bogus", "--version"]).output().unwrap();
    assert_eq!(output.status.code(), Some(64));
    assert_eq!(stdout_of(&output), "");
    assert!(
        stderr_of(&output).contains("--bogus"),
        "{}",
        stderr_of(&output)
    );
}
