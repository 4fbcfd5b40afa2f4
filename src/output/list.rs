//! The one output layer of every command that prints records: `table`,
//! `json`, `jsonl` and `csv`, written as the records arrive so that memory
//! stays flat however long the listing is.
//!
//! - json and csv keep the API's field names; dates in them are RFC 3339 UTC.
//! - A table fits the terminal, shows dates in local time, and buffers at
//!   most `TABLE_CHUNK` rows: column widths come from the first chunk (and the
//!   terminal), then stay fixed, so later chunks line up under the header.
//! - A closed pipe (`| head`) is a normal ending: the writer goes quiet,
//!   `is_closed` turns true and the caller stops asking for records. Any
//!   other write failure is exit 74.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::sanitize::sanitize_server_text;
use comfy_table::{Cell, ColumnConstraint, Row, Table, Width};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use std::io::{BufWriter, ErrorKind, IsTerminal, Write};
use std::marker::PhantomData;

/// The most rows a table holds before it prints them.
pub const TABLE_CHUNK: usize = 1000;
/// Spaces between table columns.
const GAP: u16 = 2;
/// No column is squeezed below this, however narrow the terminal.
const MIN_COLUMN: u16 = 4;

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

/// One field of a record as json and csv print it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Text(String),
    /// Anything else, as the API sent it (numbers, booleans).
    Json(serde_json::Value),
    Date(Timestamp),
}

impl Value {
    pub fn json(value: &Option<serde_json::Value>) -> Value {
        match value {
            None | Some(serde_json::Value::Null) => Value::Null,
            Some(serde_json::Value::String(s)) => Value::Text(s.clone()),
            Some(other) => Value::Json(other.clone()),
        }
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Text(text) => push_json_string(out, text),
            Value::Json(value) => out.push_str(&value.to_string()),
            Value::Date(at) => push_json_string(out, &at.to_string()),
        }
    }

    fn csv_field(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Text(text) => text.clone(),
            Value::Json(value) => value.to_string(),
            Value::Date(at) => at.to_string(),
        }
    }
}

fn push_json_string(out: &mut String, text: &str) {
    out.push_str(&serde_json::to_string(text).expect("a string always serializes"));
}

/// A date as the API sends it: `2023-07-01T01:10:34+0000` (any RFC 3339-like
/// offset), or epoch milliseconds. Anything else is kept as sent.
pub fn api_date(value: &Option<serde_json::Value>) -> Value {
    match value {
        None | Some(serde_json::Value::Null) => Value::Null,
        Some(serde_json::Value::Number(n)) => n
            .as_i64()
            .and_then(|ms| Timestamp::from_millisecond(ms).ok())
            .map_or_else(
                || Value::Json(serde_json::Value::Number(n.clone())),
                Value::Date,
            ),
        Some(serde_json::Value::String(s)) => s
            .trim()
            .parse::<Timestamp>()
            .map_or_else(|_| Value::Text(s.clone()), Value::Date),
        Some(other) => Value::Json(other.clone()),
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
    /// One value per entry of `FIELDS`.
    fn values(&self) -> Vec<Value>;
    /// One cell per entry of `HEADINGS`.
    fn cells(&self, zone: &TimeZone) -> Vec<String>;
}

enum Sink {
    Table(TableSink),
    Json { started: bool, first: bool },
    Jsonl,
    Csv { header: bool },
}

struct TableSink {
    zone: TimeZone,
    terminal_width: Option<u16>,
    /// Fixed after the first chunk.
    widths: Option<Vec<u16>>,
    rows: Vec<Vec<String>>,
}

/// Writes records in one list format to stdout (or any writer, for tests).
pub struct ListOutput<R: ListRecord> {
    out: Box<dyn Write>,
    sink: Sink,
    closed: bool,
    written: u64,
    _record: PhantomData<R>,
}

impl<R: ListRecord> ListOutput<R> {
    pub fn stdout(format: ListFormat) -> Self {
        let out = Box::new(BufWriter::with_capacity(
            64 * 1024,
            std::io::stdout().lock(),
        ));
        Self::new(format, out, table_width())
    }

    pub fn new(format: ListFormat, out: Box<dyn Write>, terminal_width: Option<u16>) -> Self {
        let sink = match format {
            ListFormat::Table => Sink::Table(TableSink {
                zone: crate::input::when::local_zone(),
                terminal_width,
                widths: None,
                rows: Vec::new(),
            }),
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
        let mut text = String::new();
        match &mut self.sink {
            Sink::Table(table) => {
                let cells = record
                    .cells(&table.zone)
                    .iter()
                    .map(|cell| sanitize_server_text(cell))
                    .collect();
                table.rows.push(cells);
                if table.rows.len() >= TABLE_CHUNK {
                    text = table.render::<R>();
                }
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
        self.write(text.as_bytes())
    }

    /// Ends a page (or a poll): whatever is buffered is printed now.
    pub fn end_page(&mut self) -> Result<(), Failure> {
        if self.closed {
            return Ok(());
        }
        let text = match &mut self.sink {
            Sink::Table(table) => table.render::<R>(),
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
            Sink::Table(table) if table.widths.is_none() => table.render_header::<R>(),
            _ => String::new(),
        };
        self.write(text.as_bytes())?;
        self.flush()
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

fn json_object(out: &mut String, fields: &[&str], values: &[Value]) {
    out.push('{');
    for (index, (name, value)) in fields.iter().zip(values).enumerate() {
        if index > 0 {
            out.push(',');
        }
        push_json_string(out, name);
        out.push(':');
        value.write_json(out);
    }
    out.push('}');
}

impl TableSink {
    /// Prints the buffered rows; the first call fixes the column widths and
    /// prints the header.
    fn render<R: ListRecord>(&mut self) -> String {
        if self.rows.is_empty() {
            return String::new();
        }
        let rows = std::mem::take(&mut self.rows);
        let mut table = plain_table();
        let header = self.widths.is_none();
        if header {
            table.set_header(header_row::<R>());
        }
        for cells in rows {
            let mut row = Row::from(cells.into_iter().map(Cell::new).collect::<Vec<_>>());
            row.max_height(1);
            table.add_row(row);
        }
        let widths = match &self.widths {
            Some(widths) => widths.clone(),
            None => {
                let widths = fit(
                    table.column_max_content_widths(),
                    R::MIN_WIDTHS,
                    self.terminal_width,
                );
                self.widths = Some(widths.clone());
                widths
            }
        };
        lines(&mut table, &widths)
    }

    fn render_header<R: ListRecord>(&mut self) -> String {
        let mut table = plain_table();
        table.set_header(header_row::<R>());
        let widths = fit(
            table.column_max_content_widths(),
            R::MIN_WIDTHS,
            self.terminal_width,
        );
        self.widths = Some(widths.clone());
        lines(&mut table, &widths)
    }
}

fn header_row<R: ListRecord>() -> Row {
    let mut row = Row::from(R::HEADINGS.to_vec());
    row.max_height(1);
    row
}

fn plain_table() -> Table {
    let mut table = Table::new();
    table
        .load_style(comfy_table::presets::NOTHING)
        .set_truncation_indicator("…");
    table
}

fn lines(table: &mut Table, widths: &[u16]) -> String {
    let last = widths.len().saturating_sub(1);
    for (index, column) in table.column_iter_mut().enumerate() {
        let width = widths.get(index).copied().unwrap_or(MIN_COLUMN);
        let gap = if index == last { 0 } else { GAP };
        // comfy-table counts the padding inside a fixed width.
        column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(
            width.saturating_add(gap),
        )));
        column.set_padding((0, gap));
    }
    let mut text = String::new();
    for line in table.lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// Column widths for `content` widths and each column's least width
/// (`MIN_WIDTHS`): the larger of the two where the terminal has room.
/// Otherwise narrowed, widest column first, in three steps until the table
/// fits: back to the content width; then the columns without a least width
/// (the ones with one keep it); then any column, down to `MIN_COLUMN`.
fn fit(content: Vec<u16>, least: &[u16], terminal_width: Option<u16>) -> Vec<u16> {
    let least_of = |index: usize| least.get(index).copied().unwrap_or(0);
    let mut widths: Vec<u16> = content
        .iter()
        .enumerate()
        .map(|(index, width)| (*width).max(least_of(index)))
        .collect();
    let Some(available) = terminal_width else {
        return widths;
    };
    let gaps =
        GAP.saturating_mul(u16::try_from(widths.len().saturating_sub(1)).unwrap_or(u16::MAX));
    let floor = |index: usize| MIN_COLUMN.min(content[index]);
    let steps: [&dyn Fn(usize) -> u16; 3] = [
        &|index| content[index],
        &|index| match least_of(index) {
            0 => floor(index),
            kept => kept.min(content[index]).max(floor(index)),
        },
        &floor,
    ];
    for step in steps {
        loop {
            // In u32: widths come from the server's text, and must not wrap.
            let total: u32 = widths.iter().map(|w| u32::from(*w)).sum::<u32>() + u32::from(gaps);
            if total <= u32::from(available) {
                return widths;
            }
            let widest = widths
                .iter()
                .enumerate()
                .filter(|(index, width)| **width > step(*index))
                .max_by_key(|(_, width)| **width)
                .map(|(index, _)| index);
            match widest {
                Some(index) => widths[index] -= 1,
                None => break,
            }
        }
    }
    widths
}

/// The width of the terminal on stdout, else `COLUMNS`, else unlimited.
fn table_width() -> Option<u16> {
    crate::platform::width::stdout_columns()
        .or_else(|| {
            crate::env::var_os("COLUMNS")?
                .into_string()
                .ok()?
                .trim()
                .parse()
                .ok()
        })
        .and_then(|w: usize| u16::try_from(w).ok())
        .filter(|w| *w > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Thing(&'static str, Option<i64>, &'static str);

    impl ListRecord for Thing {
        const FIELDS: &'static [&'static str] = &["name", "count", "created"];
        const HEADINGS: &'static [&'static str] = &["NAME", "COUNT", "TIME"];
        fn values(&self) -> Vec<Value> {
            vec![
                Value::Text(self.0.to_string()),
                self.1.map_or(Value::Null, |n| Value::Json(n.into())),
                api_date(&Some(self.2.into())),
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
            Thing("a, \"b\"", Some(2), "2023-07-01T01:10:34+0000"),
            Thing("long name here", None, "not a date"),
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

    #[test]
    fn fitting_narrows_the_widest_first() {
        assert_eq!(fit(vec![10, 30, 5], &[], Some(40)), vec![10, 21, 5]);
        assert_eq!(fit(vec![10, 30, 5], &[], None), vec![10, 30, 5]);
        assert_eq!(fit(vec![10, 10], &[], Some(3)), vec![4, 4]);
    }

    #[test]
    fn fitting_keeps_least_widths_longest() {
        // Room: the least width pads.
        assert_eq!(fit(vec![8, 5], &[12, 0], None), vec![12, 5]);
        // First the padding goes, then the other columns, then the kept one.
        assert_eq!(fit(vec![8, 20], &[12, 0], Some(30)), vec![8, 20]);
        assert_eq!(fit(vec![19, 20, 20], &[19, 0, 0], Some(35)), vec![19, 6, 6]);
        assert_eq!(fit(vec![19, 20], &[19, 0], Some(10)), vec![4, 4]);
    }
}
