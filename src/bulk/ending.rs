//! The end of a sending run at a terminal: after the counts, on stderr, how
//! long it took, rows per second, the parts sent, the campaigns, and the
//! command that shows delivery. Without a terminal nothing is added: stdout
//! keeps its one line.

use crate::bulk::progress::whole;
use std::path::Path;
use std::time::Duration;

pub struct Ending<'a> {
    pub elapsed: Duration,
    /// Rows whose request ended in this run, and of them the accepted.
    pub rows: u64,
    pub accepted: u64,
    /// What this run set out to send.
    pub planned_messages: u64,
    pub planned_parts: u64,
    /// Distinct campaigns the journal holds for the file.
    pub campaigns: usize,
    pub file: &'a Path,
    pub journal: Option<&'a Path>,
}

impl Ending<'_> {
    pub fn text(&self) -> String {
        let seconds = self.elapsed.as_secs_f64().max(0.001);
        let rate = whole(self.rows as f64 / seconds);
        // Exact when every planned row was accepted; else a bound.
        let parts = if self.accepted == self.planned_messages {
            format!("{} parts sent", grouped(self.planned_parts))
        } else {
            format!("at most {} parts sent", grouped(self.planned_parts))
        };
        let campaigns = match self.campaigns {
            1 => "1 campaign".to_string(),
            n => format!("{} campaigns", grouped(n as u64)),
        };
        let mut command = format!("mobivate bulk {}", shell_word(self.file));
        if let Some(journal) = self.journal {
            command.push_str(&format!(" --journal {}", shell_word(journal)));
        }
        command.push_str(" --status");
        format!(
            "took {}, {rate} rows/s; {parts}; {campaigns}\nsee delivery: {command}\n",
            elapsed_text(self.elapsed)
        )
    }
}

fn grouped(n: u64) -> String {
    whole(n as f64)
}

/// `0.8 s`, `42.1 s`, then `3 min`.
fn elapsed_text(elapsed: Duration) -> String {
    if elapsed.as_secs() < 60 {
        format!("{:.1} s", elapsed.as_secs_f64())
    } else {
        crate::output::duration::human(elapsed)
    }
}

/// A path as one shell word: as it is when it is plain, else in single
/// quotes (a quote inside written `'\''`).
fn shell_word(path: &Path) -> String {
    let text = crate::sanitize::sanitize_text(&path.to_string_lossy());
    let plain = !text.is_empty()
        && text.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, '/' | '.' | '_' | '-' | '+' | ',' | ':' | '@' | '%')
        });
    if plain {
        text
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ending(accepted: u64, journal: Option<&Path>) -> String {
        Ending {
            elapsed: Duration::from_millis(2500),
            rows: 10_000,
            accepted,
            planned_messages: 10_000,
            planned_parts: 12_000,
            campaigns: 10,
            file: Path::new("my list.csv"),
            journal,
        }
        .text()
    }

    #[test]
    fn the_ending_names_time_rate_parts_campaigns_and_the_status_command() {
        assert_eq!(
            ending(10_000, None),
            "took 2.5 s, 4,000 rows/s; 12,000 parts sent; 10 campaigns\n\
             see delivery: mobivate bulk 'my list.csv' --status\n"
        );
        assert_eq!(
            ending(9_000, Some(Path::new("j.journal"))),
            "took 2.5 s, 4,000 rows/s; at most 12,000 parts sent; 10 campaigns\n\
             see delivery: mobivate bulk 'my list.csv' --journal j.journal --status\n"
        );
    }
}
