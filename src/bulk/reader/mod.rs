//! Reading the rows of a bulk file, CSV or JSON Lines, one at a time, with
//! only the columns a run needs copied out of each row. Every byte read also
//! goes into a hash of the file, so a resumed run knows the file is the same.

use crate::bulk::hash::{StreamHash, mix64};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::platform;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

mod cap;

pub use cap::MAX_ROW_BYTES;
use cap::{RowCap, read_line_capped, too_long, unclosed};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv { delimiter: u8 },
    Jsonl,
}

/// The file the rows come from: FILE itself, or stdin copied to a private
/// temporary file so that it can be read twice.
pub struct Source {
    pub path: PathBuf,
    /// Keeps the copy of stdin alive (and deletes it at the end).
    _copy: Option<tempfile::NamedTempFile>,
}

impl Source {
    /// FILE, read in place when it is a regular file. A pipe, `<(cmd)` or a
    /// FIFO can be read only once, and a run reads its rows several times:
    /// it is copied first, as `-` is, when `may_copy` (the run names its
    /// journal, or sends nothing); else it is refused with 66. A device is
    /// always refused.
    pub fn open(file: &Path, may_copy: bool) -> Result<Source, Failure> {
        if file.as_os_str() == "-" {
            return Source::copied(std::io::stdin().lock(), "stdin");
        }
        let shown = file.display();
        let refused = |what: &str, hint: &str| {
            Failure::new(
                ExitCode::NoInput,
                format!("{shown} {what}, not a file of rows"),
            )
            .with_hint(hint.to_string())
        };
        use platform::fs::FileKind;
        match std::fs::metadata(file).map(|meta| platform::fs::file_kind(&meta)) {
            Ok(FileKind::Regular) => Ok(Source {
                path: file.to_path_buf(),
                _copy: None,
            }),
            Ok(kind @ (FileKind::Fifo | FileKind::Socket)) => {
                if !may_copy {
                    return Err(refused(
                        kind.describe(),
                        "nothing was sent; a pipe can be read only once, so sending from one needs --journal PATH (the rows are then copied first); or save the rows to a file",
                    ));
                }
                let pipe = File::open(file).map_err(|e| read_failure(&shown.to_string(), e))?;
                Source::copied(pipe, &shown.to_string())
            }
            Ok(kind) => Err(refused(kind.describe(), "name a CSV or JSON Lines file")),
            Err(error) => Err(Failure::new(
                ExitCode::NoInput,
                format!("cannot read {shown}: {error}"),
            )),
        }
    }

    /// Copies a stream that can be read only once to a private temporary
    /// file, so that it can be read as often as the run needs.
    fn copied(mut from: impl Read, shown: &str) -> Result<Source, Failure> {
        let failed = |error: std::io::Error| {
            Failure::new(
                ExitCode::IoErr,
                format!("cannot copy {shown} to a temporary file: {error}"),
            )
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix("mobivate-bulk-").suffix(".stdin");
        if let Some(permissions) = platform::fs::private_permissions() {
            builder.permissions(permissions);
        }
        let mut copy = builder.tempfile().map_err(failed)?;
        std::io::copy(&mut from, copy.as_file_mut()).map_err(failed)?;
        Ok(Source {
            path: copy.path().to_path_buf(),
            _copy: Some(copy),
        })
    }
}

/// A reader that hashes everything read through it, when asked to.
struct Hashing<R> {
    inner: R,
    hash: Option<StreamHash>,
    bytes: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(hash) = &mut self.hash {
            hash.write(&buf[..n]);
        }
        self.bytes += n as u64;
        Ok(n)
    }
}

enum Inner {
    Csv {
        reader: csv::Reader<RowCap<Hashing<File>>>,
        record: csv::ByteRecord,
        /// For each wanted column, its field index in the header.
        fields: Vec<Option<usize>>,
        headers: Vec<String>,
        /// To look again at the raw bytes of a row that spans lines.
        path: PathBuf,
    },
    Jsonl {
        reader: BufReader<Hashing<File>>,
        line: Vec<u8>,
        first: bool,
        names: Vec<String>,
        /// Which wanted columns some row has had.
        seen: Vec<bool>,
    },
}

/// One row: its 1-based number, and the wanted columns' values (empty when
/// the row lacks one). `problem` is set when the row cannot be read at all.
pub struct Row<'a> {
    pub number: u64,
    pub values: &'a [String],
    pub problem: Option<String>,
    /// A hash of the row as read: the CSV header, each of the row's fields
    /// (or the whole JSON line), and its problem. The same row reads the
    /// same in every pass of a run, and a changed one (or one under a
    /// changed header) almost surely not.
    pub hash: u64,
}

const ROW_SEED: u64 = 0x726f_772d_6861_7368;

pub struct Rows {
    inner: Inner,
    /// What every row's hash starts from: the CSV header's hash.
    seed: u64,
    values: Vec<String>,
    present: Vec<bool>,
    number: u64,
    shown: String,
}

fn read_failure(shown: &str, error: impl std::fmt::Display) -> Failure {
    Failure::new(ExitCode::NoInput, format!("cannot read {shown}: {error}"))
}

impl Rows {
    /// Opens `path` and reads the header (CSV). `wanted` are the column
    /// names the run needs; `shown` names the file in messages. With `hash`,
    /// the bytes read are hashed for `content`.
    pub fn open(
        path: &Path,
        shown: &str,
        format: Format,
        wanted: &[String],
        hash: bool,
    ) -> Result<Rows, Failure> {
        let file = open_rows(path).map_err(|e| read_failure(shown, e))?;
        if !file
            .metadata()
            .map_err(|e| read_failure(shown, e))?
            .is_file()
        {
            // `Source::open` saw a regular file (or made a copy): replaced since.
            return Err(Failure::new(
                ExitCode::DataErr,
                format!("{shown} changed during the run: it is no longer a regular file"),
            )
            .with_hint("leave the file alone during a run"));
        }
        let hashing = Hashing {
            inner: file,
            hash: hash.then(StreamHash::default),
            bytes: 0,
        };
        let mut seed = ROW_SEED;
        let inner = match format {
            Format::Csv { delimiter } => {
                let mut reader = csv::ReaderBuilder::new()
                    .delimiter(delimiter)
                    .flexible(true)
                    .has_headers(true)
                    .buffer_capacity(256 * 1024)
                    .from_reader(RowCap::new(hashing, b'"', delimiter));
                let header = reader
                    .byte_headers()
                    .map_err(|e| csv_failure(shown, e))?
                    .clone();
                let end = reader.position().byte();
                if reader.get_mut().was_cut(0, end) {
                    return Err(Failure::new(
                        ExitCode::DataErr,
                        format!(
                            "the header of {shown} is longer than 1 MiB ({MAX_ROW_BYTES} bytes)"
                        ),
                    ));
                }
                seed = header.iter().fold(seed ^ header.len() as u64, mix64);
                let headers: Vec<String> = header
                    .iter()
                    .map(|h| {
                        let h = String::from_utf8_lossy(h);
                        // A BOM the csv crate left (e.g. after quotes) is still a BOM.
                        h.trim_start_matches('\u{feff}').trim().to_string()
                    })
                    .collect();
                // A used column named twice would be read from one of them
                // by a rule of this reader's own: refused before sending.
                if let Some(name) = wanted
                    .iter()
                    .find(|name| headers.iter().filter(|h| h == name).count() > 1)
                {
                    return Err(Failure::new(
                        ExitCode::DataErr,
                        format!("the header of {shown} has the column {name:?} twice"),
                    )
                    .with_hint("name each column once"));
                }
                let fields = wanted
                    .iter()
                    .map(|name| headers.iter().position(|h| h == name))
                    .collect();
                Inner::Csv {
                    reader,
                    record: csv::ByteRecord::new(),
                    fields,
                    headers,
                    path: path.to_path_buf(),
                }
            }
            Format::Jsonl => Inner::Jsonl {
                reader: BufReader::with_capacity(256 * 1024, hashing),
                line: Vec::new(),
                first: true,
                names: wanted.to_vec(),
                seen: vec![false; wanted.len()],
            },
        };
        Ok(Rows {
            inner,
            seed,
            values: vec![String::new(); wanted.len()],
            present: vec![false; wanted.len()],
            number: 0,
            shown: shown.to_string(),
        })
    }

    /// The CSV header's column names; `None` for JSON Lines, whose columns
    /// are known only once every row has been read (`seen_columns`).
    pub fn header(&self) -> Option<&[String]> {
        match &self.inner {
            Inner::Csv { headers, .. } => Some(headers),
            Inner::Jsonl { .. } => None,
        }
    }

    /// For each wanted column: whether the header has it (CSV) or some row
    /// had it so far (JSON Lines).
    pub fn columns_found(&self) -> Vec<bool> {
        match &self.inner {
            Inner::Csv { fields, .. } => fields.iter().map(Option::is_some).collect(),
            Inner::Jsonl { seen, .. } => seen.clone(),
        }
    }

    /// The hash and size of every byte read so far.
    pub fn content(&self) -> (u64, u64) {
        let hashing = match &self.inner {
            Inner::Csv { reader, .. } => &reader.get_ref().inner,
            Inner::Jsonl { reader, .. } => reader.get_ref(),
        };
        (
            hashing.hash.as_ref().map_or(0, StreamHash::finish),
            hashing.bytes,
        )
    }

    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, Failure> {
        let mut hash = self.seed;
        let problem = match &mut self.inner {
            Inner::Csv {
                reader,
                record,
                fields,
                headers,
                path,
            } => {
                match reader.read_byte_record(record) {
                    Ok(true) => {}
                    Ok(false) => return Ok(None),
                    Err(error) => return Err(csv_failure(&self.shown, error)),
                }
                // Field by field: each field's length is mixed in with it.
                hash = record.iter().fold(hash ^ record.len() as u64, mix64);
                let start = record.position().map_or(0, csv::Position::byte);
                let end = reader.position().byte();
                let cut = reader.get_mut().was_cut(start, end);
                let mut problem = None;
                if cut {
                    // Reported below, over any other problem of the cut row.
                } else if record.len() != headers.len() {
                    problem = Some(format!(
                        "the row has {} fields where the header has {}",
                        record.len(),
                        headers.len()
                    ));
                } else if memchr::memchr2(b'\n', b'\r', record.as_slice()).is_some() {
                    // A row that spans lines: legitimate inside quotes, but
                    // an unterminated quote also reads to the end of the file.
                    let cap = reader.get_ref();
                    let (start, end) = (cap.file_offset(start), cap.file_offset(end));
                    if odd_quotes(path, start, end, b'"')
                        .map_err(|e| read_failure(&self.shown, e))?
                    {
                        problem = Some(unclosed(record.position().map_or(0, csv::Position::line)));
                    }
                }
                if !copy_fields(record, fields, &mut self.values, &mut self.present) {
                    problem = Some("the row is not valid UTF-8".to_string());
                }
                if cut {
                    problem = Some(if reader.get_ref().open_at_end(end) {
                        unclosed(record.position().map_or(0, csv::Position::line))
                    } else {
                        too_long()
                    });
                }
                problem
            }
            Inner::Jsonl {
                reader,
                line,
                first,
                names,
                seen,
            } => loop {
                line.clear();
                let (n, long) =
                    read_line_capped(reader, line).map_err(|e| read_failure(&self.shown, e))?;
                if n == 0 {
                    return Ok(None);
                }
                if long {
                    *first = false;
                    for value in self.values.iter_mut() {
                        value.clear();
                    }
                    self.present.fill(false);
                    break Some(too_long());
                }
                let mut text: &[u8] = line;
                if std::mem::take(first) {
                    text = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
                }
                if text.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                hash = mix64(hash, text);
                break json_row(text, names, seen, &mut self.values, &mut self.present);
            },
        };
        if let Some(problem) = &problem {
            hash = mix64(hash ^ 1, problem.as_bytes());
        }
        self.number += 1;
        Ok(Some(Row {
            number: self.number,
            values: &self.values,
            problem,
            hash,
        }))
    }
}

/// Copies the wanted fields of a CSV record into `values` (empty where the
/// row has none); false when one of them is not UTF-8.
fn copy_fields(
    record: &csv::ByteRecord,
    fields: &[Option<usize>],
    values: &mut [String],
    present: &mut [bool],
) -> bool {
    // One check of the whole row: when it is UTF-8, a field is exactly when
    // it starts and ends at character boundaries.
    let whole = std::str::from_utf8(record.as_slice()).ok();
    let mut utf8 = true;
    for ((field, value), present) in fields.iter().zip(values).zip(present) {
        value.clear();
        let range = field.and_then(|i| record.range(i));
        *present = range.is_some();
        if let Some(range) = range {
            let text = match whole {
                Some(whole) => whole.get(range),
                None => field
                    .and_then(|i| record.get(i))
                    .and_then(|raw| std::str::from_utf8(raw).ok()),
            };
            match text {
                Some(text) => value.push_str(text),
                None => utf8 = false,
            }
        }
    }
    utf8
}

/// Opens the file of rows without waiting, should a FIFO have taken its
/// place since it was checked.
fn open_rows(path: &Path) -> std::io::Result<File> {
    platform::fs::open_without_waiting(path)
}

/// Whether the raw bytes `start..end` of the file hold an odd number of
/// quote characters: a quote that is never closed (a closed quoted field,
/// escaped quotes included, always has an even number).
fn odd_quotes(path: &Path, start: u64, end: u64, quote: u8) -> std::io::Result<bool> {
    use std::io::{Seek, SeekFrom};
    let mut file = open_rows(path)?;
    file.seek(SeekFrom::Start(start))?;
    let mut left = end.saturating_sub(start);
    let mut odd = false;
    let mut buffer = vec![0u8; 64 * 1024];
    while left > 0 {
        let want = usize::try_from(left.min(buffer.len() as u64)).unwrap_or(buffer.len());
        let n = file.read(&mut buffer[..want])?;
        if n == 0 {
            break;
        }
        odd ^= buffer[..n].iter().filter(|b| **b == quote).count() % 2 == 1;
        left -= n as u64;
    }
    Ok(odd)
}

fn csv_failure(shown: &str, error: csv::Error) -> Failure {
    let line = error
        .position()
        .map(|p| format!(" at line {}", p.line()))
        .unwrap_or_default();
    match error.kind() {
        csv::ErrorKind::Io(_) => read_failure(shown, error),
        _ => Failure::new(
            ExitCode::DataErr,
            format!("{shown} is not valid CSV{line}: {error}"),
        ),
    }
}

/// Fills the wanted values from one JSON object; a problem when the line is
/// not one. Strings are taken as they are, numbers and booleans as written,
/// `null` as empty.
fn json_row(
    text: &[u8],
    names: &[String],
    seen: &mut [bool],
    values: &mut [String],
    present: &mut [bool],
) -> Option<String> {
    for value in values.iter_mut() {
        value.clear();
    }
    present.fill(false);
    // Raw values, so that a number is taken exactly as written: `447930000001`
    // is that number, and `447930000001.0` stays what it is rather than
    // becoming other digits. Pairs, so that a key given twice is told.
    let Pairs(pairs) = match serde_json::from_slice(text) {
        Ok(pairs) => pairs,
        Err(error) => return Some(format!("not a JSON object: {error}")),
    };
    let mut object: HashMap<&str, &serde_json::value::RawValue> = HashMap::new();
    for (key, raw) in &pairs {
        if object.insert(key.as_str(), raw).is_some() {
            return Some(format!("the key {key:?} is given twice in the row"));
        }
    }
    for (slot, name) in names.iter().enumerate() {
        let Some(raw) = object.get(name.as_str()) else {
            continue;
        };
        seen[slot] = true;
        present[slot] = true;
        let raw = raw.get();
        match raw.as_bytes().first() {
            Some(b'"') => match serde_json::from_str::<std::borrow::Cow<str>>(raw) {
                Ok(text) => values[slot].push_str(&text),
                Err(error) => return Some(format!("not a JSON object: {error}")),
            },
            Some(b'n') => {}
            Some(b't' | b'f') => values[slot].push_str(raw),
            // Slot 0 is the recipient (`Shaper::new` asks for it first): a
            // JSON number with a sign, a fraction or an exponent is not the
            // digits of a phone number, and is never read as other digits.
            Some(b'-' | b'0'..=b'9')
                if slot == RECIPIENT_SLOT && raw.contains(['-', '.', 'e', 'E']) =>
            {
                return Some(format!(
                    "the value of \"{name}\" is the JSON number {raw}, with a sign, a fraction \
                     or an exponent, not the digits of a phone number; write it as digits, or as text"
                ));
            }
            Some(b'-' | b'0'..=b'9') => values[slot].push_str(raw),
            _ => {
                return Some(format!(
                    "the value of \"{name}\" is not text, a number or a boolean"
                ));
            }
        }
    }
    None
}

/// The wanted column that holds the recipient (`Shaper::new` names it first).
const RECIPIENT_SLOT: usize = 0;

/// A JSON object's members in order, duplicates kept, values raw.
struct Pairs<'a>(Vec<(String, &'a serde_json::value::RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for Pairs<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
            type Value = Pairs<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Pairs<'a>, M::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) =
                    map.next_entry::<String, &'de serde_json::value::RawValue>()?
                {
                    pairs.push(pair);
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(Visit(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn rows_of(content: &[u8], format: Format, wanted: &[&str]) -> Vec<Vec<String>> {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(content).unwrap();
        let wanted: Vec<String> = wanted.iter().map(|s| s.to_string()).collect();
        let mut rows = Rows::open(file.path(), "test", format, &wanted, false).unwrap();
        let mut out = Vec::new();
        while let Some(row) = rows.next_row().unwrap() {
            out.push(row.values.to_vec());
        }
        out
    }

    #[test]
    fn csv_with_bom_and_semicolons() {
        let got = rows_of(
            "\u{feff}name;recipient\nAnn;4479\nBob;4478\n".as_bytes(),
            Format::Csv { delimiter: b';' },
            &["recipient", "name", "missing"],
        );
        assert_eq!(got, [["4479", "Ann", ""], ["4478", "Bob", ""]]);
    }

    fn problems_of(content: &[u8], format: Format) -> Vec<(Vec<String>, Option<String>)> {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(content).unwrap();
        let wanted = vec!["recipient".to_string(), "text".to_string()];
        let mut rows = Rows::open(file.path(), "test", format, &wanted, true).unwrap();
        let mut out = Vec::new();
        while let Some(row) = rows.next_row().unwrap() {
            out.push((row.values.to_vec(), row.problem.clone()));
        }
        // Every byte is still hashed and counted.
        assert_eq!(rows.content().1, content.len() as u64);
        out
    }

    #[test]
    fn a_character_split_across_two_fields_is_not_utf8() {
        // "\xc3" and "\xa9" are each invalid, though the row's fields
        // together spell "é"; a row with one bad field but valid others is
        // told too, and a valid one is not.
        let got = problems_of(
            b"recipient,text\n4471\xc3,\xa9\n4472,caf\xc3\xa9\n4473,\xff\n",
            Format::Csv { delimiter: b',' },
        );
        let bad = Some("the row is not valid UTF-8".to_string());
        assert_eq!(got[0].1, bad);
        assert_eq!(got[1], (vec!["4472".to_string(), "café".to_string()], None));
        assert_eq!(got[2].1, bad);
    }

    #[test]
    fn csv_rows_over_the_cap_are_cut_and_told() {
        let long = "a".repeat(MAX_ROW_BYTES + 10);
        let quoted = format!("\"{}\n{}\"", "b".repeat(MAX_ROW_BYTES), "c".repeat(50));
        let exact = "d".repeat(MAX_ROW_BYTES - "4479,".len());
        let content = format!(
            "recipient,text\n4471,{long}\n4472,{quoted}\n4473,\"x\ny\"\n4479,{exact}\n4474,ok\n"
        );
        let got = problems_of(content.as_bytes(), Format::Csv { delimiter: b',' });
        assert_eq!(
            got.len(),
            5,
            "{:?}",
            got.iter().map(|r| &r.1).collect::<Vec<_>>()
        );
        assert_eq!(got[0].1, Some(too_long()));
        assert_eq!(got[1].1, Some(too_long()));
        // A quoted row over lines after the cut ones: found in the file.
        assert_eq!(got[2].0, ["4473", "x\ny"]);
        assert_eq!(got[2].1, None);
        assert_eq!(got[3].0[0], "4479");
        assert_eq!(got[3].1, None);
        assert_eq!(got[4].0, ["4474", "ok"]);
        assert_eq!(got[4].1, None);
    }

    #[test]
    fn a_quote_never_closed_past_the_cap_is_told_as_such() {
        let content = format!(
            "recipient,text\n4471,ok\n4472,\"never closed\n{}\n4473,x\n",
            "f".repeat(MAX_ROW_BYTES)
        );
        let got = problems_of(content.as_bytes(), Format::Csv { delimiter: b',' });
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, None);
        assert_eq!(got[1].1, Some(unclosed(3)));
    }

    #[test]
    fn a_quote_inside_an_unquoted_field_opens_nothing() {
        let mut content = String::from("recipient,text\n4471,your 5\" screen\n");
        let row = format!("4472,{}\n", "e".repeat(1000));
        for _ in 0..1200 {
            content.push_str(&row);
        }
        let got = problems_of(content.as_bytes(), Format::Csv { delimiter: b',' });
        assert_eq!(got.len(), 1201);
        assert_eq!(got[0].0, ["4471", "your 5\" screen"]);
        assert!(got.iter().all(|(_, problem)| problem.is_none()));
    }

    #[test]
    fn jsonl_rows_over_the_cap_are_told() {
        let long = "a".repeat(MAX_ROW_BYTES);
        let content = format!(
            "{{\"recipient\":\"4471\",\"text\":\"{long}\"}}\n{{\"recipient\":\"4472\",\"text\":\"ok\"}}\n{{\"text\":\"{long}\"}}"
        );
        let got = problems_of(content.as_bytes(), Format::Jsonl);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].1, Some(too_long()));
        assert_eq!(got[0].0, ["", ""]);
        assert_eq!(got[1].0, ["4472", "ok"]);
        assert_eq!(got[1].1, None);
        assert_eq!(got[2].1, Some(too_long()));
    }

    #[test]
    fn jsonl_numbers_nulls_and_blank_lines() {
        let got = rows_of(
            b"{\"recipient\":447930000000,\"name\":null}\n\n{\"recipient\":\"4478\",\"name\":\"Bo\"}\n",
            Format::Jsonl,
            &["recipient", "name"],
        );
        assert_eq!(got, [["447930000000", ""], ["4478", "Bo"]]);
    }
}
