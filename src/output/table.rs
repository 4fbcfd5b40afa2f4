//! The `table` format of lists: aligned columns that fit the terminal,
//! printed a chunk at a time. Column widths come from the first chunk (and
//! the terminal), then stay fixed, so later chunks line up under the header.

use comfy_table::{Cell, ColumnConstraint, Row, Table, Width};
use jiff::tz::TimeZone;

/// The most rows a table holds before it prints them.
pub const TABLE_CHUNK: usize = 1000;
/// Spaces between table columns.
const GAP: u16 = 2;
/// No column is squeezed below this, however narrow the terminal.
const MIN_COLUMN: u16 = 4;

/// What a record type's table is made of: its headings, and how it gives
/// way on a narrow terminal.
pub struct Columns<'a> {
    pub headings: &'a [&'a str],
    /// Each column's least width (0 where none is needed).
    pub least: &'a [u16],
    /// The columns dropped, in this order, when the table does not fit.
    pub dropped_first: &'a [usize],
    /// Columns of local dates, shortened to `12-01 20:02` when compact.
    pub dates: &'a [usize],
    /// Columns never shortened (an id that must be copied whole).
    pub whole: &'a [usize],
}

/// How the first chunk fixed the table: the columns kept, whether dates
/// are short, and the widths of the kept columns.
struct Layout {
    kept: Vec<usize>,
    compact: bool,
    widths: Vec<u16>,
}

/// The rows of a table not yet printed, and the layout once fixed.
pub struct TableSink {
    zone: TimeZone,
    terminal_width: Option<u16>,
    /// Fixed after the first chunk.
    layout: Option<Layout>,
    rows: Vec<Vec<String>>,
}

impl TableSink {
    pub fn new(zone: TimeZone, terminal_width: Option<u16>) -> Self {
        TableSink {
            zone,
            terminal_width,
            layout: None,
            rows: Vec::new(),
        }
    }

    /// The time zone the cells' dates are shown in.
    pub fn zone(&self) -> &TimeZone {
        &self.zone
    }

    /// Buffers one row of cells; a full chunk is rendered and returned.
    pub fn push(&mut self, cells: Vec<String>, columns: &Columns) -> String {
        self.rows.push(cells);
        if self.rows.len() >= TABLE_CHUNK {
            return self.render(columns);
        }
        String::new()
    }

    /// Prints the buffered rows; the first call fixes the layout and prints
    /// the header.
    pub fn render(&mut self, columns: &Columns) -> String {
        if self.rows.is_empty() {
            return String::new();
        }
        let rows = std::mem::take(&mut self.rows);
        let header = self.layout.is_none();
        if header {
            self.layout = Some(plan(&rows, columns, self.terminal_width));
        }
        let Some(layout) = &self.layout else {
            return String::new();
        };
        let mut table = plain_table();
        if header {
            table.set_header(header_row(&layout.pick(columns.headings)));
        }
        for cells in rows {
            let cells = layout.shape(cells, columns);
            let mut row = Row::from(cells.into_iter().map(Cell::new).collect::<Vec<_>>());
            row.max_height(1);
            table.add_row(row);
        }
        lines(&mut table, &layout.widths)
    }

    /// The header alone, for a table that got no rows; nothing otherwise.
    pub fn header_if_empty(&mut self, columns: &Columns) -> String {
        if self.layout.is_some() {
            return String::new();
        }
        let layout = plan(&[], columns, self.terminal_width);
        let mut table = plain_table();
        table.set_header(header_row(&layout.pick(columns.headings)));
        let text = lines(&mut table, &layout.widths);
        self.layout = Some(layout);
        text
    }
}

impl Layout {
    fn pick<T: Clone>(&self, all: &[T]) -> Vec<T> {
        self.kept
            .iter()
            .filter_map(|index| all.get(*index).cloned())
            .collect()
    }

    /// A row's cells as this layout prints them: kept columns only, dates
    /// short when compact.
    fn shape(&self, cells: Vec<String>, columns: &Columns) -> Vec<String> {
        self.kept
            .iter()
            .map(|index| {
                let cell = cells.get(*index).cloned().unwrap_or_default();
                if self.compact && columns.dates.contains(index) {
                    short_date(&cell)
                } else {
                    cell
                }
            })
            .collect()
    }
}

/// `2026-12-01 20:02:33` as `12-01 20:02`; anything else as it is.
fn short_date(cell: &str) -> String {
    jiff::civil::DateTime::strptime("%Y-%m-%d %H:%M:%S", cell)
        .map(|at| at.strftime("%m-%d %H:%M").to_string())
        .unwrap_or_else(|_| cell.to_string())
}

/// The layout for the first chunk: every column as it is when the table
/// fits; else compact (short dates), dropping columns in `dropped_first`
/// order until the rest fits, then narrowing what is left, never below a
/// column's heading and never a `whole` column.
fn plan(rows: &[Vec<String>], columns: &Columns, terminal_width: Option<u16>) -> Layout {
    let all: Vec<usize> = (0..columns.headings.len()).collect();
    let full = Layout {
        kept: all.clone(),
        compact: false,
        widths: Vec::new(),
    };
    let content = |layout: &Layout| -> Vec<u16> {
        let mut table = plain_table();
        table.set_header(header_row(&layout.pick(columns.headings)));
        for cells in rows {
            table.add_row(Row::from(layout.shape(cells.clone(), columns)));
        }
        table.column_max_content_widths()
    };
    let total = |widths: &[u16]| -> u32 {
        let gaps = u32::from(GAP).saturating_mul(widths.len().saturating_sub(1) as u32);
        widths.iter().map(|w| u32::from(*w)).sum::<u32>() + gaps
    };
    let fits = |widths: &[u16]| terminal_width.is_none_or(|w| total(widths) <= u32::from(w));
    let mut layout = full;
    let mut widths = content(&layout);
    if !fits(&widths) {
        layout.compact = true;
        widths = content(&layout);
        for drop in columns.dropped_first {
            if fits(&widths) {
                break;
            }
            layout.kept.retain(|index| index != drop);
            widths = content(&layout);
        }
    }
    let least = layout.pick(columns.least);
    let floors: Vec<u16> = layout
        .kept
        .iter()
        .zip(&widths)
        .map(|(index, content)| {
            let heading = columns
                .headings
                .get(*index)
                .map_or(0, |h| u16::try_from(h.chars().count()).unwrap_or(u16::MAX));
            if columns.whole.contains(index) {
                *content
            } else {
                heading.max(MIN_COLUMN).min(*content)
            }
        })
        .collect();
    layout.widths = fit_within(widths, &least, &floors, terminal_width);
    layout
}

fn header_row(headings: &[&str]) -> Row {
    let mut row = Row::from(headings.to_vec());
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
#[cfg(test)]
fn fit(content: Vec<u16>, least: &[u16], terminal_width: Option<u16>) -> Vec<u16> {
    let floors: Vec<u16> = content.iter().map(|c| MIN_COLUMN.min(*c)).collect();
    fit_within(content, least, &floors, terminal_width)
}

/// `fit`, with each column's floor given (`floors`): a column is never
/// narrowed below it.
fn fit_within(
    content: Vec<u16>,
    least: &[u16],
    floors: &[u16],
    terminal_width: Option<u16>,
) -> Vec<u16> {
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
    let floor = |index: usize| floors.get(index).copied().unwrap_or(MIN_COLUMN);
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
pub fn table_width() -> Option<u16> {
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
