//! The journal: an append-only file of small JSON records that says, durably,
//! which rows each request carried and how it ended, so that a rerun sends
//! nothing twice and loses nothing.
//!
//! Records, one per line:
//! - `header`: the file's hash and size, the hash of the options that shape
//!   messages, and the run id that generated references start with;
//! - `begin`: a request is about to go out with these rows (synced before
//!   the request is sent, so a crash leaves it `unknown`, never forgotten);
//! - `end`: how it ended: `accepted` (with the campaign id), `rejected` (with
//!   the server's message), `unknown`, or `unsent` (nothing went out);
//! - `found`: what a later run found of an unknown request in the message log.
//!
//! A record is one line; a crash can only tear the last one, which is
//! dropped on the next open. Records are made durable by group commits
//! (commit.rs): one sync covers every record written before it, whichever
//! thread wrote them. Rows are given as ranges, so a request of 1,000
//! rows is one short record.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::output::atomic;
use crate::platform;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

mod commit;
mod ledger;
mod record;

use commit::{GroupCommit, Seq};

pub use ledger::{Ledger, State};
pub use record::{End, Header, RangeBuilder, Ranges, Record, VERSION};

pub struct Journal {
    commit: GroupCommit<File>,
    path: PathBuf,
    next_id: AtomicU64,
    pub header: Option<Header>,
}

fn journal_failure(path: &Path, what: &str, error: impl std::fmt::Display) -> Failure {
    Failure::new(
        ExitCode::CantCreate,
        format!("cannot {what} the journal {}: {error}", path.display()),
    )
}

/// The longest record read: a request's rows are at most a few thousand
/// ranges, and a server's reason is capped well below this.
const MAX_RECORD_BYTES: u64 = 1024 * 1024;

/// How every header line starts (`t` is serialized first): a file that ends
/// inside this, or inside a line that starts with it, is a journal torn
/// while its header was written, and counts as new.
const HEADER_START: &[u8] = br#"{"t":"header","#;

/// Row numbers and request ids read from a journal are at most this: far
/// beyond any real file, and far from overflowing when 1 is added.
const MAX_NUMBER: u64 = 1 << 53;

/// A request's start time may be at most this far ahead of the clock.
const MAX_FUTURE_MS: i64 = 24 * 3600 * 1000;

fn damaged(path: &Path, line: u64, why: &str) -> Failure {
    Failure::new(
        ExitCode::DataErr,
        format!("damaged journal {}: line {line} {why}", path.display()),
    )
    .with_hint("it was not written by mobivate bulk, or was changed since; nothing was sent; --restart discards it")
}

fn not_a_journal(path: &Path) -> Failure {
    Failure::new(
        ExitCode::DataErr,
        format!("{} is not a mobivate journal", path.display()),
    )
    .with_hint("nothing was sent; name another --journal (--restart replaces only a journal)")
}

/// Why a record read from a journal cannot be replayed, if it cannot:
/// numbers that would overflow, reversed ranges, impossible times.
fn unusable(record: &Record, now_ms: i64) -> Option<&'static str> {
    let id_ok = |id: u64| (1..=MAX_NUMBER).contains(&id);
    let rows_ok = |rows: &Ranges| {
        rows.iter()
            .all(|[first, last]| 1 <= *first && first <= last && *last <= MAX_NUMBER)
    };
    match record {
        Record::Header(header) => {
            let run = header.run.as_bytes();
            (run.is_empty() || run.len() > 16 || !run.iter().all(u8::is_ascii_alphanumeric))
                .then_some("has an unusable run id")
        }
        Record::Begin { id, at, rows } => {
            if !id_ok(*id) {
                Some("has a request id out of range")
            } else if !rows_ok(rows) {
                Some("has a row range that is reversed or out of range")
            } else if *at < 0 || *at > now_ms.saturating_add(MAX_FUTURE_MS) {
                Some("has a start time out of range")
            } else {
                None
            }
        }
        Record::End { id, .. } => (!id_ok(*id)).then_some("has a request id out of range"),
        Record::Found { id, rows, .. } => {
            if !id_ok(*id) {
                Some("has a request id out of range")
            } else if !rows_ok(rows) {
                Some("has a row range that is reversed or out of range")
            } else {
                None
            }
        }
    }
}

/// Reads one line of at most `MAX_RECORD_BYTES` (and its newline) into
/// `line`; the count of bytes read.
fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<usize> {
    line.clear();
    reader
        .by_ref()
        .take(MAX_RECORD_BYTES + 1)
        .read_until(b'\n', line)
}

/// Reads a journal: its header and the ledger, dropping a torn last record
/// (and truncating it away when `repair` holds the file open for writing).
/// Any other content is refused with 65: a file that is not a journal, or a
/// record that cannot be replayed. An empty file, or one torn inside its
/// header line, is a new journal. With `restart`, only the header line is
/// checked: --restart replaces a journal, never another file.
fn replay(
    file: &mut File,
    path: &Path,
    repair: bool,
    restart: bool,
) -> Result<(Option<Header>, Ledger), Failure> {
    let read_failed = |e| journal_failure(path, "read", e);
    let mut ledger = Ledger::default();
    let mut reader = BufReader::new(&mut *file);
    let mut line = Vec::new();
    let now_ms = crate::bulk::clock::now_ms();

    // The header line.
    let n = read_line(&mut reader, &mut line).map_err(read_failed)?;
    if n == 0 {
        return Ok((None, ledger));
    }
    if !line.ends_with(b"\n") {
        if line.len() as u64 > MAX_RECORD_BYTES {
            return Err(not_a_journal(path));
        }
        if !(HEADER_START.starts_with(&line) || line.starts_with(HEADER_START)) {
            return Err(not_a_journal(path));
        }
        // Torn while its header was written: nothing was sent with it.
        drop(reader);
        if repair {
            file.set_len(0)
                .map_err(|e| journal_failure(path, "repair", e))?;
        }
        return Ok((None, ledger));
    }
    if restart && line.starts_with(HEADER_START) {
        // A journal, however damaged: --restart replaces it.
        return Ok((None, ledger));
    }
    let header = match serde_json::from_slice::<Record>(&line) {
        Ok(Record::Header(header)) => header,
        _ if line.starts_with(br#"{"t":"#) => {
            return Err(damaged(path, 1, "is not a journal header"));
        }
        _ => return Err(not_a_journal(path)),
    };
    if header.v != VERSION {
        return Err(Failure::new(
            ExitCode::DataErr,
            format!(
                "the journal {} has version {}, not {VERSION}",
                path.display(),
                header.v
            ),
        ));
    }
    if let Some(why) = unusable(&Record::Header(header.clone()), now_ms) {
        return Err(damaged(path, 1, why));
    }

    // The records: every line whole and usable, but for a torn last one.
    let mut offset = n as u64;
    let mut number = 1u64;
    let mut torn: Option<u64> = None;
    loop {
        let n = read_line(&mut reader, &mut line).map_err(read_failed)?;
        if n == 0 {
            break;
        }
        number += 1;
        if torn.is_some() {
            return Err(damaged(path, number - 1, "is cut short"));
        }
        if !line.ends_with(b"\n") {
            if line.len() as u64 > MAX_RECORD_BYTES {
                return Err(damaged(path, number, "is longer than 1 MiB"));
            }
            torn = Some(offset);
            continue;
        }
        let record = serde_json::from_slice::<Record>(&line)
            .map_err(|_| damaged(path, number, "is not a journal record"))?;
        if matches!(record, Record::Header(_)) {
            return Err(damaged(path, number, "is a second header"));
        }
        if let Some(why) = unusable(&record, now_ms) {
            return Err(damaged(path, number, why));
        }
        ledger.apply(&record);
        offset += n as u64;
    }
    drop(reader);
    if let Some(at) = torn
        && repair
    {
        file.set_len(at)
            .map_err(|e| journal_failure(path, "repair", e))?;
    }
    Ok((Some(header), ledger))
}

impl Journal {
    /// Opens (creating, mode 0600) and locks the journal, and replays it.
    /// A journal another run holds is exit 75 at once.
    pub fn open(path: &Path, restart: bool) -> Result<(Journal, Ledger), Failure> {
        let mut file = atomic::open_in_place(path, "the journal")?;
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(fs4::TryLockError::WouldBlock) => {
                return Err(Failure::new(
                    ExitCode::TempFail,
                    format!("the journal {} is in use by another run", path.display()),
                )
                .with_hint("nothing was sent; wait for the other run to end"));
            }
            Err(fs4::TryLockError::Error(e)) => return Err(journal_failure(path, "lock", e)),
        }
        let (header, ledger) = replay(&mut file, path, true, restart)?;
        file.seek(SeekFrom::End(0))
            .map_err(|e| journal_failure(path, "open", e))?;
        let next_id = ledger.next_id.max(1);
        Ok((
            Journal {
                commit: GroupCommit::new(file),
                path: path.to_path_buf(),
                next_id: AtomicU64::new(next_id),
                header,
            },
            ledger,
        ))
    }

    /// Reads a journal without locking or changing it, for `--check` and
    /// `--dry-run`; `None` when there is none.
    /// A FIFO or a device there is refused, never read.
    pub fn peek(path: &Path, restart: bool) -> Result<Option<(Option<Header>, Ledger)>, Failure> {
        atomic::check_regular_or_missing(path, "the journal")?;
        let mut file = match platform::fs::open_without_waiting(path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(journal_failure(path, "read", e)),
        };
        atomic::check_opened(path, "the journal", &file)?;
        replay(&mut file, path, false, restart).map(Some)
    }

    /// Starts the journal over with `header` (a new journal, or --restart).
    pub fn start(&mut self, header: Header) -> Result<(), Failure> {
        let mut file = self.commit.log();
        file.set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)).map(drop))
            .map_err(|e| journal_failure(&self.path, "write", e))?;
        self.append(&Record::Header(header.clone()))
            .map_err(|e| journal_failure(&self.path, "write", e))?;
        // Make the new file's name durable too (a no-op where directories
        // cannot be opened).
        let dir = match self.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
        self.header = Some(header);
        Ok(())
    }

    pub fn new_request_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// Appends one record, durably, then applies it to `ledger`: what the
    /// journal says and what the run believes never drift apart.
    pub fn record(&self, ledger: &Mutex<Ledger>, record: &Record) -> std::io::Result<()> {
        self.append(record)?;
        apply(ledger, record);
        Ok(())
    }

    /// Appends one record, not yet durable: `commit` makes it so (with
    /// whatever else was written by then, in one sync) and only then
    /// applies it to the ledger.
    pub fn write(&self, record: Record) -> std::io::Result<Written> {
        let seq = self.write_line(&record)?;
        Ok(Written { seq, record })
    }

    /// Returns once `written`, and every record written before it, is
    /// durable, then applies it to `ledger`.
    pub fn commit(&self, ledger: &Mutex<Ledger>, written: &Written) -> std::io::Result<()> {
        self.commit.sync_through(written.seq)?;
        apply(ledger, &written.record);
        Ok(())
    }

    /// Appends one record and makes it durable before returning. Only
    /// `start` and `record` call it, and the property tests (to write a journal whose
    /// ledger they then check against a model).
    pub(crate) fn append(&self, record: &Record) -> std::io::Result<()> {
        let seq = self.write_line(record)?;
        self.commit.sync_through(seq)
    }

    fn write_line(&self, record: &Record) -> std::io::Result<Seq> {
        let mut line = serde_json::to_vec(record).map_err(std::io::Error::other)?;
        line.push(b'\n');
        self.commit.write(&line)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// A record in the journal that no sync has been seen to cover yet.
pub struct Written {
    seq: Seq,
    record: Record,
}

fn apply(ledger: &Mutex<Ledger>, record: &Record) {
    ledger
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .apply(record);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ledger_tracks_requests_and_resends() {
        let mut ledger = Ledger::default();
        ledger.apply(&Record::Begin {
            id: 1,
            at: 5,
            rows: vec![[1, 10]],
        });
        ledger.apply(&Record::Begin {
            id: 2,
            at: 6,
            rows: vec![[11, 20]],
        });
        ledger.apply(&Record::End {
            id: 1,
            state: End::Accepted,
            campaign: Some("c1".into()),
            reason: None,
        });
        assert_eq!(ledger.state(3), Some(&State::Accepted("c1".into())));
        assert_eq!(ledger.state(15), Some(&State::Unknown(2)));
        assert_eq!(ledger.state(21), None);
        assert_eq!(ledger.unknown_requests(), [(2, 6)]);
        // Rows 11-20 resent by request 3, which is rejected.
        ledger.apply(&Record::Begin {
            id: 3,
            at: 7,
            rows: vec![[11, 20]],
        });
        ledger.apply(&Record::End {
            id: 3,
            state: End::Rejected,
            campaign: None,
            reason: Some("bad".into()),
        });
        assert_eq!(ledger.state(11), Some(&State::Rejected("bad".into())));
        assert!(ledger.unknown_requests().is_empty());
        assert_eq!(ledger.next_id, 4);
    }

    #[test]
    fn found_records_accept_and_mark_the_rest_missing() {
        let mut ledger = Ledger::default();
        ledger.apply(&Record::Begin {
            id: 1,
            at: 5,
            rows: vec![[1, 4], [6, 9]],
        });
        ledger.apply(&Record::Found {
            id: 1,
            rows: vec![[1, 4]],
            complete: false,
        });
        assert_eq!(ledger.state(2), Some(&State::Accepted("".into())));
        assert_eq!(ledger.state(5), None);
        assert_eq!(ledger.state(7), Some(&State::Missing));
    }

    #[test]
    fn unsent_rows_are_pending_again() {
        let mut ledger = Ledger::default();
        ledger.apply(&Record::Begin {
            id: 1,
            at: 5,
            rows: vec![[1, 4]],
        });
        ledger.apply(&Record::End {
            id: 1,
            state: End::Unsent,
            campaign: None,
            reason: None,
        });
        assert_eq!(ledger.state(2), None);
    }

    #[test]
    fn a_torn_last_record_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j");
        let header = Header {
            v: VERSION,
            file: "0".into(),
            size: 0,
            options: "0".into(),
            run: "r".into(),
            created: 0,
        };
        {
            let (mut journal, _) = Journal::open(&path, false).unwrap();
            journal.start(header.clone()).unwrap();
            journal
                .append(&Record::Begin {
                    id: 1,
                    at: 1,
                    rows: vec![[1, 2]],
                })
                .unwrap();
        }
        let mut bytes = std::fs::read(&path).unwrap();
        let whole = bytes.len();
        bytes.extend_from_slice(b"{\"t\":\"end\",\"id\":1,\"sta");
        std::fs::write(&path, &bytes).unwrap();
        let (journal, ledger) = Journal::open(&path, false).unwrap();
        assert_eq!(journal.header, Some(header));
        assert_eq!(ledger.state(1), Some(&State::Unknown(1)));
        drop(journal);
        assert_eq!(std::fs::metadata(&path).unwrap().len() as usize, whole);
    }

    /// Every cut of a journal, and every record made hostile, is read or
    /// refused: never a panic (the release build aborts on one).
    #[test]
    fn any_content_is_read_or_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j");
        let max = u64::MAX;
        let whole = concat!(
            r#"{"t":"header","v":1,"file":"0","size":0,"options":"0","run":"ab12","created":0}"#,
            "\n",
            r#"{"t":"begin","id":1,"at":5,"rows":[[1,4],[6,9]]}"#,
            "\n",
            r#"{"t":"found","id":1,"rows":[[1,4]],"complete":false}"#,
            "\n",
            r#"{"t":"end","id":1,"state":"accepted","campaign":"c"}"#,
            "\n",
        );
        let hostile = [
            r#"{"t":"begin","id":2,"at":5,"rows":[[9,3]]}"#.to_string(),
            format!(r#"{{"t":"begin","id":{max},"at":5,"rows":[[1,1]]}}"#),
            format!(r#"{{"t":"begin","id":2,"at":5,"rows":[[{max},{max}]]}}"#),
            format!(r#"{{"t":"found","id":{max},"rows":[[1,{max}]],"complete":true}}"#),
            r#"{"t":"begin","id":2,"at":-1,"rows":[[1,1]]}"#.to_string(),
        ];
        let mut inputs: Vec<Vec<u8>> = (0..=whole.len())
            .map(|cut| whole.as_bytes()[..cut].to_vec())
            .collect();
        for record in &hostile {
            inputs.push(format!("{whole}{record}\n").into_bytes());
        }
        for bytes in inputs {
            std::fs::write(&path, &bytes).unwrap();
            for restart in [false, true] {
                let mut file = File::open(&path).unwrap();
                if let Err(failure) = replay(&mut file, &path, false, restart) {
                    assert_eq!(failure.code, ExitCode::DataErr, "{}", failure.message());
                }
            }
        }
        for record in &hostile {
            std::fs::write(&path, format!("{whole}{record}\n")).unwrap();
            let mut file = File::open(&path).unwrap();
            let failure = replay(&mut file, &path, false, false).unwrap_err();
            assert!(
                failure.message().starts_with("damaged journal "),
                "{}",
                failure.message()
            );
        }
    }

    #[test]
    fn ranges_bridge_rows_that_are_never_sent() {
        let mut ranges = RangeBuilder::default();
        ranges.push(1, false);
        ranges.push(2, false);
        ranges.push(5, true); // rows 3 and 4 were invalid
        ranges.push(9, false); // rows 6 to 8 were accepted before: not bridged
        assert_eq!(ranges.ranges, [[1, 5], [9, 9]]);
    }
}
