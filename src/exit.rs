//! The exit-status contract. These numbers follow sysexits.h and are stable:
//! scripts branch on them, so a number is never reused for another meaning.

/// Every way `mobivate` can end, with its documented exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    /// 0: the command did what was asked.
    Success,
    /// 64: bad or conflicting flags; no username or password without a terminal;
    /// two of a command's files (input, `--text-file`, `--journal`, `--report`,
    /// `-o`, `--password-file`) are the same file.
    Usage,
    /// 65: unusable input: an empty or multi-line password, more than 4 KiB;
    /// an invalid phone number, sender, text or schedule; a `--journal` that is
    /// not a mobivate journal, or a damaged one; a file of rows that changed,
    /// shrank or grew during the run; a `--forward` URL that is the listener's
    /// own address.
    DataErr,
    /// 66: a named input file is missing or unreadable; bulk input that is a
    /// device, or a pipe without `--journal`.
    NoInput,
    /// 68: the host name could not be resolved.
    NoHost,
    /// 69: a 5xx after retries, a refused or reset connection.
    Unavailable,
    /// 73: a file to write (`-o`, `--report`, `--journal`, the config) could not
    /// be created, or is a device, FIFO, socket or directory.
    CantCreate,
    /// 74: writing stdout failed, including a closed pipe.
    IoErr,
    /// 75: a timeout, or a 429 after retries.
    TempFail,
    /// 76: an unexpected response, a redirect, or a TLS failure; a proxy asking
    /// for credentials (407); a listing cut short by a server that repeats
    /// itself; for `send`, a 2xx whose body or id cannot be read (accepted: do
    /// not send again).
    Protocol,
    /// 77: the credentials or the key were rejected (401 or 403), or a send
    /// was refused (401, 402 out of credit, 403).
    NoPerm,
    /// 78: an invalid base URL, plain http to a remote host, an unusable CA file;
    /// a `config.toml` or `credentials.toml` that is not a regular file.
    Config,
    /// 130: interrupted by Ctrl-C.
    Interrupted,
    /// 143: `bulk` stopped by SIGTERM, after recording the requests in flight.
    Terminated,
}

impl ExitCode {
    /// Every code, in the order the EXIT STATUS tables list them.
    pub const ALL: [ExitCode; 14] = [
        ExitCode::Success,
        ExitCode::Usage,
        ExitCode::DataErr,
        ExitCode::NoInput,
        ExitCode::NoHost,
        ExitCode::Unavailable,
        ExitCode::CantCreate,
        ExitCode::IoErr,
        ExitCode::TempFail,
        ExitCode::Protocol,
        ExitCode::NoPerm,
        ExitCode::Config,
        ExitCode::Interrupted,
        ExitCode::Terminated,
    ];

    /// One line for the EXIT STATUS section of `--help`, the man page and the README.
    pub fn meaning(self) -> &'static str {
        match self {
            ExitCode::Success => {
                "success: the key was obtained (or the command did what was asked)"
            }
            ExitCode::Usage => {
                "usage: bad or conflicting flags; no username or password without a terminal; two of a command's files are the same file"
            }
            ExitCode::DataErr => {
                "unusable input: a password, key, number, sender, text or date; not a journal or a damaged one; rows changed during the run; --forward to the listener itself"
            }
            ExitCode::NoInput => {
                "a named input file (password file, CA file) is missing or unreadable; bulk input that is a device, or a pipe without --journal; bulk --status without a journal; no such message (logs get)"
            }
            ExitCode::NoHost => "the host name could not be resolved",
            ExitCode::Unavailable => {
                "service unavailable: a 5xx after retries, connection refused or reset"
            }
            ExitCode::CantCreate => {
                "a file to write (-o, --report, --journal, the config) could not be created, or is a device, FIFO, socket or directory"
            }
            ExitCode::IoErr => {
                "writing stdout failed, including a closed pipe (lists, logs watch and webhooks listen end with 0)"
            }
            ExitCode::TempFail => {
                "temporary failure: a timeout, or a 429 after retries; logs watch ran out of --wait; bulk --status: rows still pending or missing"
            }
            ExitCode::Protocol => {
                "protocol: an unexpected response, a redirect, a TLS failure, a proxy's 407, a listing the server repeats; send: an unreadable 2xx body or id (accepted)"
            }
            ExitCode::NoPerm => "credentials or key rejected, or a send refused: 401, 402, 403",
            ExitCode::Config => {
                "configuration: invalid base URL, plain http to a non-loopback host, unusable CA file, a config file that is unparsable or not a regular file, no keyring to store a key in"
            }
            ExitCode::Interrupted => "interrupted (Ctrl-C)",
            ExitCode::Terminated => "terminated (SIGTERM) after a graceful stop (bulk)",
        }
    }
}

impl From<ExitCode> for i32 {
    fn from(code: ExitCode) -> i32 {
        match code {
            ExitCode::Success => 0,
            ExitCode::Usage => 64,
            ExitCode::DataErr => 65,
            ExitCode::NoInput => 66,
            ExitCode::NoHost => 68,
            ExitCode::Unavailable => 69,
            ExitCode::CantCreate => 73,
            ExitCode::IoErr => 74,
            ExitCode::TempFail => 75,
            ExitCode::Protocol => 76,
            ExitCode::NoPerm => 77,
            ExitCode::Config => 78,
            ExitCode::Interrupted => 130,
            ExitCode::Terminated => 143,
        }
    }
}

impl From<ExitCode> for std::process::ExitCode {
    fn from(code: ExitCode) -> Self {
        let number = u8::try_from(i32::from(code)).expect("every exit status is below 256");
        std::process::ExitCode::from(number)
    }
}

/// The EXIT STATUS table as plain text; `cli::AFTER_LONG_HELP` must match it.
#[cfg(test)]
pub fn exit_status_table() -> String {
    ExitCode::ALL
        .iter()
        .map(|code| format!("  {:>3}  {}", i32::from(*code), code.meaning()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_match_the_documented_contract() {
        let numbers: Vec<i32> = ExitCode::ALL.iter().map(|c| i32::from(*c)).collect();
        assert_eq!(
            numbers,
            [0, 64, 65, 66, 68, 69, 73, 74, 75, 76, 77, 78, 130, 143]
        );
    }

    #[test]
    fn table_lists_every_code_once() {
        let table = exit_status_table();
        assert_eq!(table.lines().count(), ExitCode::ALL.len());
        assert!(table.contains(" 77  credentials"));
        assert!(table.contains("130  interrupted"));
    }
}
