//! The `--format` values, one enum for each kind of output (STYLE's
//! `--format`): a key, one result, a record, the auth status. The list
//! formats are `list::ListFormat`. clap reads them (`ValueEnum`); the doc
//! comments are the help of each value.

use clap::ValueEnum;

/// How a key is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// KEY
    Raw,
    /// {"apiKey":"KEY"}
    Json,
    /// MOBIVATE_API_KEY=KEY
    Env,
    /// export MOBIVATE_API_KEY='KEY'
    Shell,
}

/// The format of a command that prints one result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ResultFormat {
    /// Lines for people and `read`
    Text,
    /// One JSON document
    Json,
}

/// The format of one record (`logs get`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RecordFormat {
    /// One `field: value` line per field
    Text,
    /// The record as one JSON object
    Json,
}

/// The format of `auth status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// Lines on stderr
    Text,
    /// One JSON object on stdout
    Json,
}
