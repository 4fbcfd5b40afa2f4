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
    /// The cap: `MAX_ROW_BYTES`, smaller only in tests.
    max: usize,
    /// Where in the parser's input each cut record has its cut.
    cuts: std::collections::VecDeque<u64>,
    /// (parser offset, bytes dropped before it), at the end of each cut.
    shifts: Vec<(u64, u64)>,
}

impl<R> RowCap<R> {
    pub(super) fn new(inner: R, quote: u8, delimiter: u8) -> RowCap<R> {
        RowCap::with_cap(inner, quote, delimiter, MAX_ROW_BYTES)
    }

    fn with_cap(inner: R, quote: u8, delimiter: u8, max: usize) -> RowCap<R> {
        RowCap {
            max,
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

impl<R> RowCap<R> {
    /// One byte of the parser's input, through the cap: whether it is kept.
    /// `at` is where it goes in the parser's input, if kept. Returns the
    /// byte to keep (a dropped byte that leaves a quoted field open is
    /// replaced by the quote that closes it).
    fn step(&mut self, b: u8, at: u64) -> Option<u8> {
        let before = self.field;
        self.field = before.next(b, self.quote, self.delimiter);
        let ends = before != Field::Quoted && (b == b'\n' || b == b'\r');
        if self.dropped_now && !ends {
            self.dropped += 1;
            return None;
        }
        if self.dropped_now {
            // The record's end: kept, so the parser sees it.
            self.dropped_now = false;
            self.shifts.push((at, self.dropped));
        } else if self.record >= self.max && !ends {
            self.dropped_now = true;
            self.cuts.push_back(at);
            if before == Field::Quoted {
                // What was kept leaves a quoted field open: close it, in
                // this byte's place.
                return Some(self.quote);
            }
            self.dropped += 1;
            return None;
        }
        self.record = if ends { 0 } else { self.record + 1 };
        Some(b)
    }

    /// A run of bytes with no quote in it, outside quotes, taken whole when
    /// no record in it reaches the cap: what `step` would do to each byte,
    /// decided from where its line ends are. `None` when some byte needs
    /// `step`; then `step` takes the bytes up to the first line end.
    fn plain_run(&mut self, run: &[u8]) -> Option<()> {
        if self.dropped_now || !matches!(self.field, Field::Start | Field::Unquoted) {
            return None;
        }
        let first_end = memchr::memchr2(b'\n', b'\r', run);
        let before_end = first_end.unwrap_or(run.len());
        let after_end = run.len() - before_end;
        if self.record.saturating_add(before_end) > self.max || after_end > self.max {
            return None;
        }
        self.record = match memchr::memrchr2(b'\n', b'\r', run) {
            Some(last) => run.len() - last - 1,
            None => self.record + run.len(),
        };
        if let Some(&last) = run.last() {
            let ends = last == b'\n' || last == b'\r' || last == self.delimiter;
            self.field = if ends { Field::Start } else { Field::Unquoted };
        }
        Some(())
    }
}

impl<R: Read> Read for RowCap<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 {
                return Ok(0);
            }
            let n = n.min(buf.len());
            let mut kept = 0;
            let mut i = 0;
            while i < n {
                // Most bytes are outside quotes: taken a run at a time, up
                // to the next quote.
                let run_end = memchr::memchr(self.quote, &buf[i..n]).map_or(n, |q| i + q);
                if run_end > i && self.plain_run(&buf[i..run_end]).is_some() {
                    if kept != i {
                        buf.copy_within(i..run_end, kept);
                    }
                    kept += run_end - i;
                    i = run_end;
                    continue;
                }
                // Byte by byte up to the end of this line, or the quote.
                let slow_end = match memchr::memchr2(b'\n', b'\r', &buf[i..run_end]) {
                    Some(end) => i + end + 1,
                    None => run_end.max(i + 1),
                };
                while i < slow_end {
                    if let Some(b) = self.step(buf[i], self.out + kept as u64) {
                        buf[kept] = b;
                        kept += 1;
                    }
                    i += 1;
                }
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the cap hands the parser, and its bookkeeping, read `chunk`
    /// bytes at a time.
    fn through_cap(input: &[u8], max: usize, chunk: usize) -> (Vec<u8>, Vec<u64>, Vec<(u64, u64)>) {
        struct Chunks<'a>(&'a [u8], usize);
        impl Read for Chunks<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = self.0.len().min(self.1).min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut cap = RowCap::with_cap(Chunks(input, chunk), b'"', b',', max);
        let mut out = Vec::new();
        cap.read_to_end(&mut out).expect("reading from memory");
        (out, cap.cuts.iter().copied().collect(), cap.shifts.clone())
    }

    /// The same, one `step` per byte: the rule the runs must match.
    fn byte_by_byte(input: &[u8], max: usize) -> (Vec<u8>, Vec<u64>, Vec<(u64, u64)>) {
        let mut cap = RowCap::with_cap((), b'"', b',', max);
        let mut out = Vec::new();
        for &b in input {
            if let Some(kept) = cap.step(b, out.len() as u64) {
                out.push(kept);
            }
        }
        (out, cap.cuts.iter().copied().collect(), cap.shifts.clone())
    }

    proptest! {
        #[test]
        fn runs_cut_exactly_as_bytes_do(
            input in proptest::collection::vec(
                prop_oneof![Just(b'a'), Just(b','), Just(b'"'), Just(b'\n'), Just(b'\r')],
                0..300,
            ),
            max in 1usize..12,
            chunk in 1usize..64,
        ) {
            prop_assert_eq!(through_cap(&input, max, chunk), byte_by_byte(&input, max));
        }
    }

    #[test]
    fn a_long_unquoted_record_is_cut_at_the_cap() {
        let (out, cuts, shifts) = through_cap(b"abcdefgh\nxy\n", 4, 5);
        assert_eq!(out, b"abcd\nxy\n");
        assert_eq!(cuts, vec![4]);
        assert_eq!(shifts, vec![(4, 4)]);
    }
}
