//! The 1 MiB cap on a row: CSV records cut on their way to the parser
//! (their fields still followed to find the real end), and JSON lines read
//! no further than the cap.

use std::io::{BufRead, Read};

/// The longest row read, in bytes: a longer one is an invalid row, and
/// costs no more memory than this.
pub const MAX_ROW_BYTES: usize = 1024 * 1024;

pub(super) fn unclosed(line: u64) -> String {
    format!(
        "a quote opened in this row (line {line}) is never closed, so the row runs to the end of the file"
    )
}

pub(super) fn too_long() -> String {
    format!("the row is longer than 1 MiB ({MAX_ROW_BYTES} bytes)")
}

/// Between the file and the CSV parser: cuts every record (a line, or
/// several inside quotes) at `MAX_ROW_BYTES`, so that the parser never holds
/// more. The bytes of a record past the cap are dropped, but its fields are
/// still followed as the parser would, so that its real end is found; a
/// quoted field left open by the cut is closed in place of the first
/// dropped byte. Where each cut was, and
/// how many bytes were dropped before each point, are kept (a few bytes per
/// cut) to tell the cut rows and find any row's bytes in the file.
pub(super) struct RowCap<R> {
    pub(super) inner: R,
    quote: u8,
    delimiter: u8,
    field: Field,
    /// Bytes of the current record so far, dropped ones included.
    record: usize,
    dropped_now: bool,
    /// Bytes handed to the parser so far.
    out: u64,
    /// Bytes dropped so far.
    dropped: u64,
    /// Where in the parser's input each cut record has its cut.
    cuts: std::collections::VecDeque<u64>,
    /// (parser offset, bytes dropped before it), at the end of each cut.
    shifts: Vec<(u64, u64)>,
}

impl<R> RowCap<R> {
    pub(super) fn new(inner: R, quote: u8, delimiter: u8) -> RowCap<R> {
        RowCap {
            inner,
            quote,
            delimiter,
            field: Field::Start,
            record: 0,
            dropped_now: false,
            out: 0,
            dropped: 0,
            cuts: std::collections::VecDeque::new(),
            shifts: Vec::new(),
        }
    }

    /// Whether the record the parser read from `start` to `end` (its own
    /// offsets) was cut; forgets the cuts before `end`.
    pub(super) fn was_cut(&mut self, start: u64, end: u64) -> bool {
        let mut cut = false;
        while let Some(&at) = self.cuts.front() {
            if at >= end {
                break;
            }
            cut |= at >= start;
            self.cuts.pop_front();
        }
        cut
    }

    /// Whether the file ended, at the parser's offset `end`, inside a quoted
    /// field: a quote that is never closed.
    pub(super) fn open_at_end(&self, end: u64) -> bool {
        end == self.out && self.field == Field::Quoted
    }

    /// The file offset of the parser's offset `at`.
    pub(super) fn file_offset(&self, at: u64) -> u64 {
        let index = self.shifts.partition_point(|(out, _)| *out <= at);
        let dropped = index
            .checked_sub(1)
            .and_then(|i| self.shifts.get(i))
            .map_or(0, |(_, dropped)| *dropped);
        at.saturating_add(dropped)
    }
}

/// Where the CSV parser is, as far as the end of a record is concerned:
/// a quote opens a quoted field only at a field's start (elsewhere, as in
/// `5" screen`, it is a character like any other), and inside one, `""` is
/// a quote.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Start,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: its end, or the first of `""`.
    QuoteInQuoted,
}

impl Field {
    fn next(self, b: u8, quote: u8, delimiter: u8) -> Field {
        let ends = b == b'\n' || b == b'\r' || b == delimiter;
        match self {
            Field::Start if b == quote => Field::Quoted,
            Field::Start | Field::Unquoted | Field::QuoteInQuoted if ends => Field::Start,
            Field::Start | Field::Unquoted => Field::Unquoted,
            Field::Quoted if b == quote => Field::QuoteInQuoted,
            Field::Quoted => Field::Quoted,
            Field::QuoteInQuoted if b == quote => Field::Quoted,
            Field::QuoteInQuoted => Field::Unquoted,
        }
    }
}

impl<R: Read> Read for RowCap<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 {
                return Ok(0);
            }
            let mut kept = 0;
            for i in 0..n {
                let b = buf[i];
                let before = self.field;
                self.field = before.next(b, self.quote, self.delimiter);
                let ends = before != Field::Quoted && (b == b'\n' || b == b'\r');
                if self.dropped_now && !ends {
                    self.dropped += 1;
                    continue;
                }
                if self.dropped_now {
                    // The record's end: kept, so the parser sees it.
                    self.dropped_now = false;
                    self.shifts.push((self.out + kept as u64, self.dropped));
                } else if self.record >= MAX_ROW_BYTES && !ends {
                    self.dropped_now = true;
                    self.cuts.push_back(self.out + kept as u64);
                    if before == Field::Quoted {
                        // What was kept leaves a quoted field open: close
                        // it, in this byte's place.
                        buf[kept] = self.quote;
                        kept += 1;
                    } else {
                        self.dropped += 1;
                    }
                    continue;
                }
                self.record = if ends { 0 } else { self.record + 1 };
                buf[kept] = b;
                kept += 1;
            }
            self.out += kept as u64;
            if kept > 0 {
                return Ok(kept);
            }
        }
    }
}

/// Reads one line, its `\n` included, into `line`, but never more than
/// `MAX_ROW_BYTES` of it (and a `\r\n`): the rest of a longer line is read
/// and dropped. Returns the bytes read, and whether the line was too long.
pub(super) fn read_line_capped(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
) -> std::io::Result<(usize, bool)> {
    let room = MAX_ROW_BYTES + "\r\n".len();
    let mut read = 0usize;
    let mut long = false;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if buf.is_empty() {
            return Ok((read, long || content_len(line) > MAX_ROW_BYTES));
        }
        let (chunk, done) = match buf.iter().position(|b| *b == b'\n') {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let n = chunk.len();
        if !long {
            if line.len().saturating_add(n) > room {
                long = true;
                line.clear();
                line.shrink_to(room);
            } else {
                line.extend_from_slice(chunk);
            }
        }
        reader.consume(n);
        read = read.saturating_add(n);
        if done {
            return Ok((read, long || content_len(line) > MAX_ROW_BYTES));
        }
    }
}

/// A line's length without its `\n` or `\r\n`.
fn content_len(line: &[u8]) -> usize {
    line.strip_suffix(b"\n")
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .map_or(line.len(), <[u8]>::len)
}
