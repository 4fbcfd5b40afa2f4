//! The one output layer of every command that prints records: `table`,
//! `json`, `jsonl` and `csv`, written as the records arrive so that memory
//! stays flat however long the listing is.
//!
//! - json and csv keep the API's field names; dates in them are RFC 3339 UTC.
//! - A table fits the terminal, shows dates in local time, and buffers at
//!   most `table::TABLE_CHUNK` rows: column widths come from the first chunk (and the
//!   terminal), then stay fixed, so later chunks line up under the header.
//! - A closed pipe (`| head`) is a normal ending: the writer goes quiet,
//!   `is_closed` turns true and the caller stops asking for records. Any
//!   other write failure is exit 74.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::output::footer::{Footer, Tally};
use crate::output::table::{Columns, TableSink, table_width};
use crate::sanitize::sanitize_server_text;
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{BufWriter, ErrorKind, IsTerminal, Write};
use std::marker::PhantomData;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// Aligned columns that fit the terminal, dates in local time
    Table,
    /// One JSON array
    Json,
    /// One JSON object per line
    Jsonl,
    /// RFC 4180, with a header row
    Csv,
}

impl ListFormat {
    /// `table` on a terminal, `jsonl` for pipes and files.
    pub fn or_default(chosen: Option<ListFormat>) -> ListFormat {
        chosen.unwrap_or_else(|| {
            if std::io::stdout().is_terminal() {
                ListFormat::Table
            } else {
                ListFormat::Jsonl
            }
        })
    }
}

/// One field of a record as json and csv print it, borrowed from the
/// record where it can be: a listing copies no field to print it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Text(Cow<'a, str>),
    /// Anything else, as the API sent it (numbers, booleans).
    Json(Cow<'a, serde_json::Value>),
    Date(Timestamp),
}

impl Value<'_> {
    pub fn json(value: &Option<serde_json::Value>) -> Value<'_> {
        match value {
            None | Some(serde_json::Value::Null) => Value::Null,
            Some(serde_json::Value::String(s)) => Value::Text(Cow::Borrowed(s)),
            Some(other) => Value::Json(Cow::Borrowed(other)),
        }
    }

    fn write_json(&self, out: &mut String) {
        // Writing into a String cannot fail.
        match self {
            Value::Null => out.push_str("null"),
            Value::Text(text) => crate::json::push_string(out, text),
            Value::Json(value) => {
                let _ = write!(out, "{value}");
            }
            // A date prints as digits, `-`, `:`, `.`, `T` and `Z`: nothing to escape.
            Value::Date(at) => {
                let _ = write!(out, "\"{at}\"");
            }
        }
    }

    fn csv_field(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Text(text) => text.to_string(),
            Value::Json(value) => value.to_string(),
            Value::Date(at) => at.to_string(),
        }
    }
}

/// A date as the API sends it: `2023-07-01T01:10:34+0000` (any RFC 3339-like
/// offset), or epoch milliseconds. Anything else is kept as sent.
pub fn api_date(value: &Option<serde_json::Value>) -> Value<'_> {
    match value {
        None | Some(serde_json::Value::Null) => Value::Null,
        Some(json @ serde_json::Value::Number(n)) => n
            .as_i64()
            .and_then(|ms| Timestamp::from_millisecond(ms).ok())
            .map_or(Value::Json(Cow::Borrowed(json)), Value::Date),
        Some(serde_json::Value::String(s)) => s
            .trim()
            .parse::<Timestamp>()
            .map_or(Value::Text(Cow::Borrowed(s)), Value::Date),
        Some(other) => Value::Json(Cow::Borrowed(other)),
    }
}

/// A date for a table: local time, to the second.
pub fn local_date(value: &Value, zone: &TimeZone) -> String {
    match value {
        Value::Date(at) => zone
            .to_datetime(*at)
            .strftime("%Y-%m-%d %H:%M:%S")
            .to_string(),
        other => other.csv_field(),
    }
}

/// A record type that can be listed.
pub trait ListRecord {
    /// The API's field names, in the order json and csv print them.
    const FIELDS: &'static [&'static str];
    /// The table's column headings.
    const HEADINGS: &'static [&'static str];
    /// The least width of each table column (0 where none is needed), so
    /// that a value that comes later (a status after `ACCEPTED`) still fits
    /// the widths the first rows fixed.
    const MIN_WIDTHS: &'static [u16] = &[];
    /// The table columns dropped first on a narrow terminal, in order.
    const DROPPED_FIRST: &'static [usize] = &[];
    /// The table columns that hold local dates (`local_date`).
    const DATES: &'static [usize] = &[];
    /// The table columns never shortened.
    const WHOLE: &'static [usize] = &[];
    /// One value per entry of `FIELDS`.
    fn values(&self) -> Vec<Value<'_>>;
    /// One cell per entry of `HEADINGS`.
    fn cells(&self, zone: &TimeZone) -> Vec<String>;
    /// Whether a table of these, at a terminal, ends with a footer.
    const FOOTER: bool = false;
    /// What the record adds to that footer.
    fn tally(&self) -> Tally {
        Tally::default()
    }
}

fn columns<R: ListRecord>() -> Columns<'static> {
    Columns {
        headings: R::HEADINGS,
        least: R::MIN_WIDTHS,
        dropped_first: R::DROPPED_FIRST,
        dates: R::DATES,
        whole: R::WHOLE,
    }
}

enum Sink {
    Table(TableSink),
    Json { started: bool, first: bool },
    Jsonl,
    Csv { header: bool },
}

/// Writes records in one list format to stdout (or any writer, for tests).
pub struct ListOutput<R: ListRecord> {
    out: Box<dyn Write>,
    sink: Sink,
    closed: bool,
    written: u64,
    /// The text of the record being pushed, its allocation kept for the next.
    line: String,
    /// Kept for a table at a terminal, printed on stderr at the end.
    footer: Option<Footer>,
    _record: PhantomData<R>,
}

impl<R: ListRecord> ListOutput<R> {
    pub fn stdout(format: ListFormat) -> Self {
        let out = Box::new(BufWriter::with_capacity(
            64 * 1024,
            std::io::stdout().lock(),
        ));
        let mut output = Self::new(format, out, table_width());
        if R::FOOTER && format == ListFormat::Table && std::io::stderr().is_terminal() {
            output.footer = Some(Footer::default());
        }
        output
    }

    pub fn new(format: ListFormat, out: Box<dyn Write>, terminal_width: Option<u16>) -> Self {
        let sink = match format {
            ListFormat::Table => Sink::Table(TableSink::new(
                crate::input::when::local_zone(),
                terminal_width,
            )),
            ListFormat::Json => Sink::Json {
                started: false,
                first: true,
            },
            ListFormat::Jsonl => Sink::Jsonl,
            ListFormat::Csv => Sink::Csv { header: false },
        };
        ListOutput {
            out,
            sink,
            closed: false,
            written: 0,
            line: String::new(),
            footer: None,
            _record: PhantomData,
        }
    }

    /// The reader went away (`| head`): stop producing records.
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    pub fn written(&self) -> u64 {
        self.written
    }

    pub fn push(&mut self, record: &R) -> Result<(), Failure> {
        if self.closed {
            return Ok(());
        }
        self.written += 1;
        if let Some(footer) = &mut self.footer {
            footer.add(record.tally());
        }
        let mut text = std::mem::take(&mut self.line);
        text.clear();
        match &mut self.sink {
            Sink::Table(table) => {
                let cells = record
                    .cells(table.zone())
                    .iter()
                    .map(|cell| sanitize_server_text(cell))
                    .collect();
                text = table.push(cells, &columns::<R>());
            }
            Sink::Json { started, first } => {
                if !*started {
                    text.push_str("[\n");
                    *started = true;
                }
                if !*first {
                    text.push_str(",\n");
                }
                *first = false;
                json_object(&mut text, R::FIELDS, &record.values());
            }
            Sink::Jsonl => {
                json_object(&mut text, R::FIELDS, &record.values());
                text.push('\n');
            }
            Sink::Csv { header } => {
                if !*header {
                    text.push_str(&csv_line(R::FIELDS.iter().copied()));
                    *header = true;
                }
                let fields: Vec<String> = record.values().iter().map(Value::csv_field).collect();
                text.push_str(&csv_line(fields.iter().map(String::as_str)));
            }
        }
        let written = self.write(text.as_bytes());
        self.line = text;
        written
    }

    /// Ends a page (or a poll): whatever is buffered is printed now.
    pub fn end_page(&mut self) -> Result<(), Failure> {
        if self.closed {
            return Ok(());
        }
        let text = match &mut self.sink {
            Sink::Table(table) => table.render(&columns::<R>()),
            _ => String::new(),
        };
        self.write(text.as_bytes())?;
        self.flush()
    }

    /// Ends the listing: the closing `]` of json, the header of an empty
    /// table or csv.
    pub fn finish(mut self) -> Result<(), Failure> {
        self.end_page()?;
        let text = match &mut self.sink {
            Sink::Json { started, .. } => {
                if *started {
                    "\n]\n".to_string()
                } else {
                    "[]\n".to_string()
                }
            }
            Sink::Csv { header: false } => csv_line(R::FIELDS.iter().copied()),
            Sink::Table(table) => table.header_if_empty(&columns::<R>()),
            _ => String::new(),
        };
        self.write(text.as_bytes())?;
        self.flush()?;
        if let Some(footer) = self.footer.take() {
            crate::report::block(&footer.line());
        }
        Ok(())
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        if bytes.is_empty() || self.closed {
            return Ok(());
        }
        let result = self.out.write_all(bytes);
        self.outcome(result)
    }

    fn flush(&mut self) -> Result<(), Failure> {
        if self.closed {
            return Ok(());
        }
        let result = self.out.flush();
        self.outcome(result)
    }

    fn outcome(&mut self, result: std::io::Result<()>) -> Result<(), Failure> {
        match result {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(error) => Err(Failure::new(
                ExitCode::IoErr,
                format!("cannot write to stdout: {error}"),
            )),
        }
    }
}

/// One RFC 4180 record, CRLF-terminated, quoted where needed.
fn csv_line<'a>(fields: impl Iterator<Item = &'a str>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Into a Vec: writing cannot fail, and the fields are UTF-8 already.
    let _ = writer.write_record(fields);
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// One record as a JSON object, with its fields in the API's order.
pub fn record_json<R: ListRecord>(record: &R) -> String {
    let mut out = String::new();
    json_object(&mut out, R::FIELDS, &record.values());
    out
}

/// One record as `field: value` lines, dates in RFC 3339 UTC.
pub fn record_text<R: ListRecord>(record: &R) -> String {
    let width = R::FIELDS.iter().map(|f| f.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (name, value) in R::FIELDS.iter().zip(record.values()) {
        let shown: String = value
            .csv_field()
            .chars()
            .flat_map(|c| {
                // Never let a record's text move the cursor or colour the terminal.
                if c.is_control() {
                    c.escape_default().collect::<Vec<_>>()
                } else {
                    vec![c]
                }
            })
            .collect();
        // Bidirectional controls go as in a table: through the sanitiser,
        // which has nothing else left to remove once controls are escaped.
        let shown = crate::sanitize::sanitize_text(&shown);
        let line = format!("{name:<width$}  {shown}");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn json_object(out: &mut String, fields: &[&str], values: &[Value<'_>]) {
    out.push('{');
    for (index, (name, value)) in fields.iter().zip(values).enumerate() {
        if index > 0 {
            out.push(',');
        }
        crate::json::push_string(out, name);
        out.push(':');
        value.write_json(out);
    }
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Thing(&'static str, Option<i64>, Option<serde_json::Value>);

    impl ListRecord for Thing {
        const FIELDS: &'static [&'static str] = &["name", "count", "created"];
        const HEADINGS: &'static [&'static str] = &["NAME", "COUNT", "TIME"];
        fn values(&self) -> Vec<Value<'_>> {
            vec![
                Value::Text(self.0.into()),
                self.1
                    .map_or(Value::Null, |n| Value::Json(Cow::Owned(n.into()))),
                api_date(&self.2),
            ]
        }
        fn cells(&self, zone: &TimeZone) -> Vec<String> {
            let values = self.values();
            vec![
                self.0.to_string(),
                values[1].csv_field(),
                local_date(&values[2], zone),
            ]
        }
    }

    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn render(format: ListFormat, things: &[Thing], width: Option<u16>) -> String {
        let shared = Shared::default();
        let mut out = ListOutput::<Thing>::new(format, Box::new(shared.clone()), width);
        for thing in things {
            out.push(thing).unwrap();
        }
        out.finish().unwrap();
        String::from_utf8(shared.0.borrow().clone()).unwrap()
    }

    fn things() -> Vec<Thing> {
        vec![
            Thing("a, \"b\"", Some(2), Some("2023-07-01T01:10:34+0000".into())),
            Thing("long name here", None, Some("not a date".into())),
        ]
    }

    #[test]
    fn json_and_jsonl() {
        assert_eq!(
            render(ListFormat::Jsonl, &things(), None),
            "{\"name\":\"a, \\\"b\\\"\",\"count\":2,\"created\":\"2023-07-01T01:10:34Z\"}\n\
             {\"name\":\"long name here\",\"count\":null,\"created\":\"not a date\"}\n"
        );
        assert_eq!(
            render(ListFormat::Json, &things()[..1], None),
            "[\n{\"name\":\"a, \\\"b\\\"\",\"count\":2,\"created\":\"2023-07-01T01:10:34Z\"}\n]\n"
        );
        assert_eq!(render(ListFormat::Json, &[], None), "[]\n");
    }

    #[test]
    fn csv_quotes_as_rfc_4180() {
        assert_eq!(
            render(ListFormat::Csv, &things(), None),
            "name,count,created\r\n\"a, \"\"b\"\"\",2,2023-07-01T01:10:34Z\r\nlong name here,,not a date\r\n"
        );
        assert_eq!(render(ListFormat::Csv, &[], None), "name,count,created\r\n");
    }

    #[test]
    fn epoch_milliseconds_become_rfc_3339() {
        assert_eq!(
            api_date(&Some(1_672_704_203_000i64.into())),
            Value::Date("2023-01-03T00:03:23Z".parse().unwrap())
        );
    }

    #[test]
    fn table_fits_the_width() {
        let wide = render(ListFormat::Table, &things(), None);
        let lines: Vec<&str> = wide.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("NAME"));
        let narrow = render(ListFormat::Table, &things(), Some(30));
        assert!(narrow.lines().all(|l| l.chars().count() <= 30), "{narrow}");
        assert!(narrow.contains('…'), "{narrow}");
    }
}
