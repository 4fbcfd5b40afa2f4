//! The sending pass: reads the file again, skips what is invalid, duplicate
//! or already accounted for by the journal, and cuts the rest into
//! `/send/batch` bodies of `--batch-size` recipients.

use crate::api::batch_body::BatchBody;
use crate::api::send::{Batch, BatchRecipient};
use crate::bulk::journal::{Ledger, RangeBuilder, State};
use crate::bulk::sender::Job;
use crate::bulk::shaper::{Buffers, Duplicates};
use crate::bulk::survey::{self, Input, Survey};
use crate::error::Failure;
use std::collections::HashSet;
use std::sync::Mutex;

/// What every request of the run carries besides its recipients.
pub struct BatchOptions {
    pub route: String,
    pub name: Option<String>,
    /// In the API's format.
    pub schedule: Option<String>,
    pub batch_size: usize,
    /// Unknown requests whose rows are sent again (--resend-unknown).
    pub resend: HashSet<u64>,
}

/// The batch being filled: its body so far, and the rows it carries.
struct Filling {
    body: BatchBody,
    rows: RangeBuilder,
}

impl Filling {
    fn new(options: &BatchOptions) -> Filling {
        Filling {
            body: BatchBody::new(&Batch {
                route_id: &options.route,
                name: options.name.as_deref(),
                schedule_date_time: options.schedule.as_deref(),
                exclude_optouts: true,
                exclude_duplicates: false,
                shorten_urls: false,
                recipients: Vec::new(),
            }),
            rows: RangeBuilder::default(),
        }
    }
}

/// Reads the file and hands each full batch to `emit` (which may block:
/// that is the back-pressure that keeps memory flat). Stops early when
/// `emit` returns false.
pub fn batches(
    input: &Input,
    ledger: &Mutex<Ledger>,
    survey: &Survey,
    options: &BatchOptions,
    mut next_id: impl FnMut() -> u64,
    mut emit: impl FnMut(Job) -> bool,
) -> Result<(), Failure> {
    let shaper = input.shaper;
    let mut rows = input.open()?;
    let mut buffers = Buffers::default();
    let mut duplicates = Duplicates::new(&survey.repeated);
    let mut filling = Filling::new(options);
    // Whether the rows since the last one batched can be bridged over:
    // true while they are only invalid rows.
    let mut bridge = true;
    let mut seen = 0;
    while let Some(row) = rows.next_row()? {
        survey::check_unchanged(survey, &row, input.shown, survey::Pass::Sending)?;
        let number = row.number;
        seen = number;
        let Ok(message) = shaper.shape_uncounted(&row, &mut buffers) else {
            continue;
        };
        if shaper.is_excluded(&message) {
            // Not bridged: a rerun whose opt-out list no longer has it must
            // find it pending, not carried by this request.
            bridge = false;
            continue;
        }
        if !input.allow_duplicates && duplicates.is_duplicate(&message) {
            // Not bridged: pass one counts a row inside a request's ranges
            // as carried by it, and a duplicate never is.
            bridge = false;
            continue;
        }
        let send = match ledger
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .state(number)
        {
            None => true,
            Some(State::Unknown(request)) => options.resend.contains(request),
            Some(_) => false,
        };
        if !send {
            bridge = false;
            continue;
        }
        filling.body.push(&BatchRecipient {
            recipient: message.recipient.as_str(),
            text: message.text,
            originator: message.originator.as_str(),
            reference: message.reference,
            route_id: (message.route != options.route).then_some(message.route),
        });
        filling.rows.push(number, bridge);
        bridge = true;
        if filling.body.len() == options.batch_size && !flush(&mut filling, &mut next_id, &mut emit)
        {
            return Ok(());
        }
    }
    // A file that shrank: what it still had is sent, and the run stops.
    if !filling.body.is_empty() && !flush(&mut filling, &mut next_id, &mut emit) {
        return Ok(());
    }
    survey::check_all_seen(survey, seen, input.shown, survey::Pass::Sending)
}

fn flush(
    filling: &mut Filling,
    next_id: &mut impl FnMut() -> u64,
    emit: &mut impl FnMut(Job) -> bool,
) -> bool {
    let job = Job {
        id: next_id(),
        rows: std::mem::take(&mut filling.rows).ranges,
        messages: filling.body.len() as u64,
        body: filling.body.take(),
    };
    emit(job)
}
