//! `mobivate bulk`'s machinery: file readers, row shaping and duplicate
//! fingerprints, the journal, the sender (parallelism, back-off),
//! reconciliation with the message log, progress and the report.

pub mod batcher;
pub mod clock;
pub mod hash;
pub mod input;
pub mod journal;
pub mod plan;
pub mod progress;
#[cfg(test)]
mod proptests;
pub mod reconcile;
pub mod report;
pub mod rows;
pub mod sender;
