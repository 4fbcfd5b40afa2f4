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

/// The rows of a table not yet printed, and the widths once fixed.
pub struct TableSink {
    zone: TimeZone,
    terminal_width: Option<u16>,
    /// Fixed after the first chunk.
    widths: Option<Vec<u16>>,
    rows: Vec<Vec<String>>,
}

impl TableSink {
    pub fn new(zone: TimeZone, terminal_width: Option<u16>) -> Self {
        TableSink {
            zone,
            terminal_width,
            widths: None,
            rows: Vec::new(),
        }
    }

    /// The time zone the cells' dates are shown in.
    pub fn zone(&self) -> &TimeZone {
        &self.zone
    }

    /// Buffers one row of cells; a full chunk is rendered and returned.
    pub fn push(&mut self, cells: Vec<String>, headings: &[&str], least: &[u16]) -> String {
        self.rows.push(cells);
        if self.rows.len() >= TABLE_CHUNK {
            return self.render(headings, least);
        }
        String::new()
    }

    /// Prints the buffered rows; the first call fixes the column widths and
    /// prints the header. `least` is each column's least width.
    pub fn render(&mut self, headings: &[&str], least: &[u16]) -> String {
        if self.rows.is_empty() {
            return String::new();
        }
        let rows = std::mem::take(&mut self.rows);
        let mut table = plain_table();
        let header = self.widths.is_none();
        if header {
            table.set_header(header_row(headings));
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
                    least,
                    self.terminal_width,
                );
                self.widths = Some(widths.clone());
                widths
            }
        };
        lines(&mut table, &widths)
    }

    /// The header alone, for a table that got no rows; nothing otherwise.
    pub fn header_if_empty(&mut self, headings: &[&str], least: &[u16]) -> String {
        if self.widths.is_some() {
            return String::new();
        }
        let mut table = plain_table();
        table.set_header(header_row(headings));
        let widths = fit(
            table.column_max_content_widths(),
            least,
            self.terminal_width,
        );
        self.widths = Some(widths.clone());
        lines(&mut table, &widths)
    }
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
