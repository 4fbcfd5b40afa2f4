//! Writing the key: checked first, formatted as asked, masked in GitHub
//! Actions, then written to stdout or atomically to a 0600 file.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::output::atomic::AtomicFile;
use crate::output::format::Format;
use crate::output::same_file;
use crate::output::write_stdout;
use crate::platform;
use crate::secret::Secret;
use std::path::Path;
use zeroize::Zeroizing;

pub const MAX_KEY_BYTES: usize = 1024;

/// Where and how the key is printed: `--format`, `-o` and `--no-mask` as
/// plain values.
#[derive(Clone, Copy, Debug)]
pub struct KeyOutput<'a> {
    pub format: Format,
    /// `-o FILE`; `None` or `-` is stdout.
    pub path: Option<&'a Path>,
    pub no_mask: bool,
}

/// A key must be non-empty, at most 1024 bytes, and printable ASCII without
/// whitespace: anything else (HTML, a newline, an escape sequence) could
/// corrupt a script, a dotenv file or a terminal.
pub fn check_key(key: &Secret) -> Result<(), Failure> {
    let bytes = key.expose().as_bytes();
    let why = if bytes.is_empty() {
        Some("the key is empty")
    } else if bytes.len() > MAX_KEY_BYTES {
        Some("the key is longer than 1024 bytes")
    } else if !bytes.iter().all(|b| b.is_ascii_graphic()) {
        Some("the key contains whitespace, control or non-ASCII characters")
    } else {
        None
    };
    match why {
        None => Ok(()),
        Some(why) => Err(Failure::new(
            ExitCode::Protocol,
            format!("the server sent an unusable API key: {why}"),
        )
        .with_hint("check --base-url: is it the Mobivate API?")),
    }
}

/// The bytes to write for a checked key.
fn render(format: Format, key: &Secret) -> Zeroizing<Vec<u8>> {
    let key = key.expose();
    let text = match format {
        Format::Raw => format!("{key}\n"),
        Format::Json => {
            let json = serde_json::json!({ "apiKey": key });
            format!("{json}\n")
        }
        Format::Env => format!("MOBIVATE_API_KEY={key}\n"),
        Format::Shell => format!("export MOBIVATE_API_KEY={}\n", shell_quote(key)),
    };
    Zeroizing::new(text.into_bytes())
}

/// Single quotes make every character literal to a POSIX shell, except a
/// single quote itself, which is closed, escaped and reopened.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// `-o FILE` is never the `--password-file` the same run reads: 64, before
/// anything is read or sent. `-` and the process's own descriptors are
/// written to, never replaced, so they cannot destroy the password file.
pub fn refuse_collision(args: KeyOutput, password_file: Option<&Path>) -> Result<(), Failure> {
    let Some(output) = args
        .path
        .filter(|p| p.as_os_str() != "-" && platform::fs::own_descriptor(p).is_none())
    else {
        return Ok(());
    };
    let reads: Vec<_> = password_file
        .filter(|p| p.as_os_str() != "-")
        .map(|p| ("--password-file", p))
        .into_iter()
        .collect();
    same_file::refuse_collisions(&[("-o", output)], &reads)
}

/// Where the key will go, opened (or checked) before anything is sent, so a
/// destination that cannot be written fails before a key is fetched or made.
pub enum Destination<'a> {
    Stdout,
    /// One of the process's own descriptors, named by `/dev/stderr`, `/dev/fd/N`
    /// or `/proc/self/fd/N`: written to, never replaced.
    Descriptor(i32),
    File(AtomicFile<'a>),
}

impl<'a> Destination<'a> {
    /// `-o FILE`, `-o -` or stdout. `/dev/stdout`, `/dev/fd/1` and
    /// `/proc/self/fd/1` are stdout, exactly as `-o -`.
    pub fn open(args: KeyOutput<'a>) -> Result<Self, Failure> {
        let Some(path) = args.path.filter(|p| p.as_os_str() != "-") else {
            return Destination::stdout();
        };
        match platform::fs::own_descriptor(path) {
            Some(1) => Destination::stdout(),
            Some(fd) if platform::fs::descriptor_is_writable(fd) => Ok(Destination::Descriptor(fd)),
            Some(fd) => Err(Failure::new(
                ExitCode::CantCreate,
                format!(
                    "cannot write the key to {}: descriptor {fd} is not open for writing",
                    path.display()
                ),
            )),
            None => AtomicFile::create(path).map(Destination::File),
        }
    }

    fn stdout() -> Result<Self, Failure> {
        if !platform::fs::descriptor_is_writable(1) {
            return Err(Failure::new(
                ExitCode::IoErr,
                "cannot write to stdout: it is closed or not open for writing",
            ));
        }
        Ok(Destination::Stdout)
    }

    /// Writes the checked key in the asked format. In GitHub Actions the runner
    /// is first asked to mask the key, at the last moment before the key goes
    /// anywhere, so an error before that leaves no trace of it.
    pub fn write(self, key: &Secret, args: KeyOutput) -> Result<(), Failure> {
        let bytes = render(args.format, key);
        mask_for_github(key, args);
        match self {
            Destination::Stdout => write_stdout(&bytes),
            Destination::Descriptor(fd) => {
                platform::fs::write_to_descriptor(fd, &bytes).map_err(|error| {
                    Failure::new(
                        ExitCode::IoErr,
                        format!("cannot write the key to descriptor {fd}: {error}"),
                    )
                })
            }
            Destination::File(file) => file.commit(&bytes),
        }
    }
}

fn mask_for_github(key: &Secret, args: KeyOutput) {
    if args.no_mask || crate::env::var_os("GITHUB_ACTIONS").is_none_or(|v| v != "true") {
        return;
    }
    crate::report::github_mask(key);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> Secret {
        Secret::new(text.to_string())
    }

    #[test]
    fn formats() {
        let k = key("abcd1234-9922-abcd-1234-abcd1234abcd");
        let text = |f| String::from_utf8(render(f, &k).to_vec()).unwrap();
        assert_eq!(text(Format::Raw), "abcd1234-9922-abcd-1234-abcd1234abcd\n");
        assert_eq!(
            text(Format::Json),
            "{\"apiKey\":\"abcd1234-9922-abcd-1234-abcd1234abcd\"}\n"
        );
        assert_eq!(
            text(Format::Env),
            "MOBIVATE_API_KEY=abcd1234-9922-abcd-1234-abcd1234abcd\n"
        );
        assert_eq!(
            text(Format::Shell),
            "export MOBIVATE_API_KEY='abcd1234-9922-abcd-1234-abcd1234abcd'\n"
        );
    }

    #[test]
    fn shell_quoting_survives_quotes() {
        assert_eq!(shell_quote("a'b"), r"'a'\''b'");
        assert_eq!(shell_quote("$(rm -rf /)`x`"), "'$(rm -rf /)`x`'");
    }

    #[test]
    fn key_rules() {
        assert!(check_key(&key("k")).is_ok());
        assert!(check_key(&key(&"k".repeat(MAX_KEY_BYTES))).is_ok());
        for bad in ["", "a b", "a\nb", "a\u{1b}[0m", "caf\u{e9}", "a\tb"] {
            assert_eq!(
                check_key(&key(bad)).unwrap_err().code,
                ExitCode::Protocol,
                "{bad:?}"
            );
        }
        assert!(check_key(&key(&"k".repeat(MAX_KEY_BYTES + 1))).is_err());
    }
}
