//! `mobivate segments`: a text's encoding and parts, before anything is sent.

use crate::cli::{ResultFormat, SegmentsArgs};
use crate::error::Failure;
use crate::input::text::{TextSource, read_text};
use crate::output;
use crate::sms::segments;

pub fn run(args: &SegmentsArgs) -> Result<(), Failure> {
    let source = TextSource::from_args(args.text.as_deref(), args.text_file.as_ref())
        .unwrap_or(TextSource::Stdin);
    let text = read_text(&source)?;
    let text = if args.fold_to_gsm {
        super::send::fold_reporting(&text)
    } else {
        text
    };
    let segments = segments::count(&text);
    let out = match args.format {
        ResultFormat::Text => output::segments::text(&segments),
        ResultFormat::Json => output::segments::json(&segments),
    };
    output::write_stdout(out.as_bytes())
}
