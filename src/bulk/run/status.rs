//! `mobivate bulk FILE --status`: how the run's messages did. Only reads:
//! the journal (never locked or written), the file, and the message log.
//!
//! A pass over the file indexes the rows the journal holds as accepted or
//! unknown (`bulk::status::Rows`); each read of the log, for the run's
//! window (5 minutes before its first request to now), goes through the one
//! page loop on a worker (`wait::in_background`, as `logs watch` does) so
//! that Ctrl-C ends it within a tick. The outputs (the count line or the
//! JSON object, the details on stderr, `--report`, `--html`) are all made
//! from the same read.

use super::{Access, Run};
use crate::api::messages::{self, Direction, Message, Search};
use crate::api::status::{Listed, MAX_PAGE_SIZE, each_page};
use crate::bulk::counts::CountsFormat;
use crate::bulk::journal::State;
use crate::bulk::status::{Rows, Summary, Tally, key};
use crate::bulk::survey::{self, Final};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::when::rfc3339_utc;
use crate::net::transport::Transport;
use crate::output;
use crate::output::atomic::AtomicFile;
use crate::output::delivery_page::{self, DeliveryData};
use crate::platform::signals::{self, Interrupt};
use crate::platform::wait::{self, Cut};
use crate::secret::Secret;
use jiff::Timestamp;
use serde_json::value::RawValue;
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The log is read from this long before the run's first request.
const CLOCK_SKEW_MS: i64 = 5 * 60 * 1000;

/// `--status` and its flags, checked.
pub struct StatusOptions {
    pub watch: bool,
    pub interval: Duration,
    pub wait: Duration,
    pub html: Option<PathBuf>,
}

/// What the journal and the file say of the run.
struct Gathered {
    rows: Rows,
    campaigns: u64,
    /// The start of the first and the last request, Unix ms.
    span: Option<(i64, i64)>,
}

impl Run<'_> {
    pub fn status(mut self, status: &StatusOptions) -> Result<(), Failure> {
        let gathered = self.gather()?;
        let transport = match &self.access {
            Access::Preview(transport) | Access::Live { transport, .. } => transport.clone(),
            Access::Offline => {
                return Err(Failure::new(ExitCode::Usage, "--status needs the network"));
            }
        };
        let html = match &status.html {
            Some(path) => Some(AtomicFile::create_for(path, "the page")?),
            None => None,
        };
        let key = Arc::new(self.take_key()?);
        let verbose = transport.verbose().0;
        let live = std::io::stderr().is_terminal();
        let json = self.options.counts_format == CountsFormat::Json;
        signals::catch_interrupts();
        let first = gathered.span.map_or(0, |(first, _)| first);
        let deadline = Instant::now()
            + if status.watch {
                status.wait
            } else {
                Duration::from_secs(100 * 365 * 86_400)
            };
        let details = self.row_report.is_some();
        let mut printed: Option<String> = None;
        let (tally, summary, cut) = loop {
            let tally = match read_log(&transport, &key, &gathered, details, deadline) {
                Ok(tally) => tally,
                Err(Cut::Signal(signal)) => return Err(interrupted(signal)),
                Err(Cut::Deadline) => {
                    return Err(Failure::new(
                        ExitCode::TempFail,
                        "--wait passed before the message log could be read once",
                    ));
                }
            };
            let tally = tally?;
            let summary = tally.summary(first / 1000);
            let done = summary.complete();
            if status.watch && !done {
                let line = summary.line();
                if live {
                    crate::report::write_raw(format!("\r\x1b[2K{}", line.trim_end()).as_bytes());
                } else if !json && printed.as_deref() != Some(line.as_str()) {
                    output::write_stdout(line.as_bytes())?;
                    printed = Some(line);
                }
                let wake = (Instant::now() + status.interval).min(deadline);
                match wait::sleep_until(wake) {
                    Err(Cut::Signal(signal)) => return Err(interrupted(signal)),
                    _ if Instant::now() >= deadline => break (tally, summary, true),
                    _ => continue,
                }
            }
            break (tally, summary, false);
        };
        if status.watch && live {
            crate::report::write_raw(b"\r\x1b[2K");
        }
        let line = summary.line();
        if json {
            output::write_stdout(self.json(&summary, &gathered)?.as_bytes())?;
        } else if printed.as_deref() != Some(line.as_str()) {
            output::write_stdout(line.as_bytes())?;
        }
        if live || verbose {
            crate::report::write_raw(details_text(&summary, &gathered).as_bytes());
        }
        self.write_report(&tally, &gathered)?;
        if let Some(page) = html {
            page.commit(delivery_page::render(&self.page(&summary, &gathered)).as_bytes())?;
        }
        verdict(&summary, cut.then_some(status.wait))
    }

    /// A pass over the file: the rows the status counts, in input order.
    fn gather(&mut self) -> Result<Gathered, Failure> {
        let mut rows = Rows::default();
        let mut campaigns: HashSet<Arc<str>> = HashSet::new();
        let changed = survey::last_pass(
            &self.input(),
            &self.ledger(),
            &self.survey,
            |_, _, state| {
                if let Final::Message(message, Some(state)) = state {
                    let key = key(message.reference, message.recipient.as_str());
                    match state {
                        State::Accepted(campaign) => {
                            if !campaign.is_empty() {
                                campaigns.insert(campaign.clone());
                            }
                            rows.push(key, true);
                        }
                        State::Unknown(_) | State::Missing => rows.push(key, false),
                        State::Rejected(_) => {}
                    }
                }
                Ok(())
            },
        )?;
        if let Some(failure) = changed {
            return Err(failure);
        }
        rows.seal();
        Ok(Gathered {
            rows,
            campaigns: campaigns.len() as u64,
            span: self.ledger().sent_span(),
        })
    }

    /// `--report`: one line per input row, in input order, through the
    /// guarded writer opened before the log was read.
    fn write_report(&mut self, tally: &Tally, gathered: &Gathered) -> Result<(), Failure> {
        let Some(mut writer) = self.row_report.take() else {
            return Ok(());
        };
        let _ = gathered;
        let mut slot = 0usize;
        let ledger = self.ledger();
        let changed =
            survey::last_pass(&self.input(), &ledger, &self.survey, |row, given, state| {
                let mut line = ReportLine {
                    row,
                    recipient: given.to_string(),
                    reference: None,
                    campaign_id: None,
                    state: "",
                    message_id: None,
                    status: None,
                    parts: None,
                    cost: None,
                    sent: ledger.sent_at(row).map(ms_rfc3339),
                    r#final: None,
                };
                match &state {
                    Final::Invalid(_) => line.state = "invalid",
                    Final::Duplicate(m) | Final::OptedOut(m) => {
                        line.state = if matches!(state, Final::Duplicate(_)) {
                            "duplicate"
                        } else {
                            "opted-out"
                        };
                        line.recipient = m.recipient.as_str().to_string();
                        line.reference = Some(m.reference.to_string());
                        line.sent = None;
                    }
                    Final::Message(m, state) => {
                        line.recipient = m.recipient.as_str().to_string();
                        line.reference = Some(m.reference.to_string());
                        line.parts = Some(m.segments.parts as u64);
                        line.state = match state {
                            Some(State::Accepted(campaign)) => {
                                line.campaign_id =
                                    (!campaign.is_empty()).then(|| campaign.to_string());
                                "accepted"
                            }
                            Some(State::Rejected(_)) => "rejected",
                            Some(State::Unknown(_) | State::Missing) => "unknown",
                            None => "pending",
                        };
                        if matches!(
                            state,
                            Some(State::Accepted(_) | State::Unknown(_) | State::Missing)
                        ) {
                            let (status, final_at, detail) = tally.row(slot);
                            slot += 1;
                            line.status = status.map(str::to_string);
                            line.r#final = final_at
                                .and_then(|s| Timestamp::from_second(s).ok())
                                .map(rfc3339_utc);
                            if let Some(detail) = detail.filter(|_| status.is_some()) {
                                line.message_id = detail.id.as_deref().map(str::to_string);
                                line.parts = Some(detail.parts);
                                line.cost = detail
                                    .priced
                                    .then(|| raw(detail.cost.to_string()))
                                    .transpose()?;
                            }
                            if status.is_some() && line.state == "unknown" {
                                line.state = "accepted";
                            }
                        } else {
                            line.sent = line.sent.filter(|_| state.is_some());
                        }
                    }
                    Final::Changed(_) => line.state = "changed",
                }
                let mut bytes = serde_json::to_vec(&line).map_err(|e| {
                    Failure::new(
                        ExitCode::CantCreate,
                        format!("cannot write the report: {e}"),
                    )
                })?;
                bytes.push(b'\n');
                writer.write(&bytes)
            })?;
        drop(ledger);
        if let Some(failure) = changed {
            return Err(failure);
        }
        writer.finish()
    }

    /// `--format json`: one object; the cost as the exact decimal text.
    fn json(&self, summary: &Summary, gathered: &Gathered) -> Result<String, Failure> {
        let (cost, currency) = match summary.cost.as_slice() {
            [] => ("0".to_string(), None),
            [(currency, sum)] => (sum.clone(), Some(currency.clone())),
            several => {
                let pairs: Vec<String> = several
                    .iter()
                    .map(|(c, s)| format!("{}:{s}", serde_json::Value::from(c.as_str())))
                    .collect();
                (format!("{{{}}}", pairs.join(",")), None)
            }
        };
        let object = StatusJson {
            delivered: summary.delivered,
            failed: summary.failed,
            pending: summary.pending,
            missing: summary.missing,
            accepted: summary.accepted,
            failures: summary
                .failures
                .iter()
                .map(|(n, c)| (n.clone(), serde_json::Value::from(*c)))
                .collect(),
            parts: summary.parts,
            cost: raw(cost)?,
            currency,
            delivery_seconds: summary.delivery.map(|p| Seconds {
                p50: p.p50,
                p90: p.p90,
                p99: p.p99,
                max: p.max,
            }),
            campaigns: gathered.campaigns,
            first_sent: gathered.span.map(|(first, _)| ms_rfc3339(first)),
            last_sent: gathered.span.map(|(_, last)| ms_rfc3339(last)),
        };
        let mut text = serde_json::to_string(&object).map_err(|e| {
            Failure::new(ExitCode::Protocol, format!("cannot write the status: {e}"))
        })?;
        text.push('\n');
        Ok(text)
    }

    /// `--html`: the page's data, from the same read as the rest.
    fn page(&self, summary: &Summary, gathered: &Gathered) -> DeliveryData {
        let time = |ms: i64| Timestamp::from_millisecond(ms).ok();
        DeliveryData {
            file: self.shown.clone(),
            first_sent: gathered.span.and_then(|(first, _)| time(first)),
            last_sent: gathered.span.and_then(|(_, last)| time(last)),
            generated: Timestamp::now(),
            accepted: summary.accepted,
            delivered: summary.delivered,
            failed: summary.failed,
            pending: summary.pending,
            missing: summary.missing,
            failures: summary.failures.clone(),
            parts: summary.parts,
            cost: summary.cost.clone(),
            delivery_seconds: summary.delivery,
            campaigns: gathered.campaigns,
            timeline: summary.timeline.clone(),
        }
    }
}

/// One read of the log for the run's window, page by page on a worker;
/// `Err` when Ctrl-C or the deadline cut it short.
fn read_log<'a>(
    transport: &Arc<Transport>,
    key: &Arc<Secret>,
    gathered: &'a Gathered,
    details: bool,
    deadline: Instant,
) -> Result<Result<Tally<'a>, Failure>, Cut> {
    // Final times kept as u32 Unix seconds: good until 2106.
    let mut tally = Tally::new(&gathered.rows, details, 0);
    let Some((first, _)) = gathered.span else {
        return Ok(Ok(tally));
    };
    let search = Search {
        since: Timestamp::from_millisecond(first.saturating_sub(CLOCK_SKEW_MS))
            .unwrap_or(Timestamp::UNIX_EPOCH),
        until: Timestamp::now(),
        direction: Some(Direction::Mt),
    };
    let (transport, key) = (transport.clone(), key.clone());
    let polled = wait::in_background(move |sender| {
        let ended = each_page(
            MAX_PAGE_SIZE,
            |page, size| messages::search_page(&transport, &key, &search, page, size),
            |records| Ok(sender.send(Polled::Page(records)).is_ok()),
        );
        let _ = sender.send(Polled::End(ended));
    });
    loop {
        match wait::receive(&polled, deadline)? {
            Some(Polled::Page(records)) => records.iter().for_each(|r| tally.take(r)),
            Some(Polled::End(Ok(Listed::Complete))) | None => return Ok(Ok(tally)),
            Some(Polled::End(Ok(Listed::Cut(failure)) | Err(failure))) => return Ok(Err(failure)),
        }
    }
}

/// What a read's worker sends: each page as it comes, then how it ended.
enum Polled {
    Page(Vec<Message>),
    End(Result<Listed, Failure>),
}

fn interrupted(signal: Interrupt) -> Failure {
    match signal {
        Interrupt::Int => Failure::interrupted(),
        Interrupt::Term => Failure::terminated(),
    }
}

fn ms_rfc3339(ms: i64) -> String {
    rfc3339_utc(Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH))
}

/// 0 when every accepted row is final; 75 while some are pending or missing.
fn verdict(summary: &Summary, waited: Option<Duration>) -> Result<(), Failure> {
    if summary.complete() {
        return Ok(());
    }
    let after = waited.map_or(String::new(), |w| {
        format!(" after --wait {}", crate::output::duration::human(w))
    });
    Err(Failure::new(
        ExitCode::TempFail,
        format!(
            "{} rows are still pending and {} missing from the message log{after}",
            summary.pending, summary.missing
        ),
    )
    .with_hint("run the same command again later, or with --watch"))
}

/// stderr's details: failures, parts and cost, delivery times, the span.
fn details_text(summary: &Summary, gathered: &Gathered) -> String {
    let mut text = String::new();
    for (name, count) in &summary.failures {
        text.push_str(&format!("  failed {count}: {name}\n"));
    }
    let cost: Vec<String> = summary
        .cost
        .iter()
        .map(|(currency, sum)| {
            if currency.is_empty() {
                sum.clone()
            } else {
                format!("{sum} {currency}")
            }
        })
        .collect();
    let cost = if cost.is_empty() {
        "0".to_string()
    } else {
        cost.join(", ")
    };
    text.push_str(&format!("parts: {}, cost: {cost}\n", summary.parts));
    if let Some(p) = summary.delivery {
        text.push_str(&format!(
            "delivery time: median {}s, p90 {}s, p99 {}s, max {}s\n",
            p.p50, p.p90, p.p99, p.max
        ));
    }
    if let Some((first, last)) = gathered.span {
        text.push_str(&format!(
            "sent: {} to {}\n",
            ms_rfc3339(first),
            ms_rfc3339(last)
        ));
    }
    text
}

/// A decimal's text as a JSON number, written as it is.
fn raw(text: String) -> Result<Box<RawValue>, Failure> {
    RawValue::from_string(text)
        .map_err(|e| Failure::new(ExitCode::Protocol, format!("not a JSON number: {e}")))
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct StatusJson {
    delivered: u64,
    failed: u64,
    pending: u64,
    missing: u64,
    accepted: u64,
    failures: serde_json::Map<String, serde_json::Value>,
    parts: u64,
    cost: Box<RawValue>,
    currency: Option<String>,
    delivery_seconds: Option<Seconds>,
    campaigns: u64,
    first_sent: Option<String>,
    last_sent: Option<String>,
}

#[derive(serde::Serialize)]
struct Seconds {
    p50: u64,
    p90: u64,
    p99: u64,
    max: u64,
}

/// One line of `--status --report`.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportLine {
    row: u64,
    recipient: String,
    reference: Option<String>,
    campaign_id: Option<String>,
    state: &'static str,
    message_id: Option<String>,
    status: Option<String>,
    parts: Option<u64>,
    cost: Option<Box<RawValue>>,
    sent: Option<String>,
    r#final: Option<String>,
}
