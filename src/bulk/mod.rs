//! `mobivate bulk`'s machinery: one `Run` (run.rs) over the file reader,
//! row shaping and duplicate fingerprints, the survey of pass one, the
//! journal, the sender (parallelism, back-off), reconciliation with the
//! message log, progress, and the counts with the row report.

pub mod batcher;
pub mod clock;
pub mod columns;
pub mod counts;
pub mod ending;
pub mod hash;
pub mod journal;
pub mod progress;
#[cfg(test)]
mod proptests;
pub mod reader;
pub mod reconcile;
pub mod run;
pub mod sender;
pub mod shaper;
pub mod sort;
pub mod status;
pub mod survey;
