//! The page of `mobivate bulk FILE --status --html PATH` (issue 20): the
//! delivery report of a bulk run as one self-contained HTML document.
//!
//! The page loads nothing: its CSS is inline, its charts are inline SVG, and
//! a Content-Security-Policy meta tag forbids every load but inline styles.
//! Every string that came from the server or the file goes through maud's
//! `html!`, which escapes it. The key numbers carry stable `id`s and `data-`
//! attributes so that `.ci/html-check.sh` can compare them with
//! `--format json`:
//!
//! - `#accepted`, `#delivered`, `#failed`, `#pending`, `#missing`, `#parts`,
//!   `#campaigns`: `data-value` holds the count;
//! - `.cost` (one per currency): `data-currency` and `data-cost`, the exact
//!   decimal sum as given;
//! - `.failure` (one per status name): `data-status` and `data-count`;
//! - `#first-sent`, `#last-sent`: `datetime` in RFC 3339 UTC;
//! - `#delivery-seconds`: `data-p50`, `data-p90`, `data-p99`, `data-max`;
//! - `#timeline`: the chart's `svg`.
//!
//! This module does no I/O: the caller gathers the data and writes the page.

use jiff::Timestamp;
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// Everything the page shows. Plain data, gathered by `--status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryData {
    /// The run's input FILE, as the user named it (shown escaped).
    pub file: String,
    /// The start of the run's first request; `None` when nothing was sent.
    pub first_sent: Option<Timestamp>,
    /// The start of the run's last request; `None` when nothing was sent.
    pub last_sent: Option<Timestamp>,
    /// When the report was made (the page says "as of").
    pub generated: Timestamp,
    /// Rows counted: accepted by the journal, or unknown and found in the log.
    pub accepted: u64,
    /// Accepted rows whose record is DELIVERED.
    pub delivered: u64,
    /// Accepted rows whose record has another final status.
    pub failed: u64,
    /// Accepted rows whose record's status is not final yet.
    pub pending: u64,
    /// Accepted rows not in the log.
    pub missing: u64,
    /// Failed rows by the log's status name, most frequent first (the page
    /// keeps this order). The counts add up to `failed`.
    pub failures: Vec<(String, u64)>,
    /// Parts summed over every matched record.
    pub parts: u64,
    /// Cost summed over every matched record: (currency, exact decimal sum
    /// as text, e.g. `"12.34"`), one entry per currency; empty when no
    /// record was matched. Shown as given, never through a float.
    pub cost: Vec<(String, String)>,
    /// Delivery time (`modified` − `created`) of the delivered rows;
    /// `None` when none was delivered.
    pub delivery_seconds: Option<Percentiles>,
    /// The number of campaign ids of the run (one per request).
    pub campaigns: u64,
    /// The chart: cumulative delivered and failed over time since the
    /// first send, in ascending `seconds`. Any length: the page draws at
    /// most [`MAX_CHART_POINTS`] points per line.
    pub timeline: Vec<TimelinePoint>,
}

/// Nearest-rank percentiles and the maximum, in whole seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percentiles {
    pub p50: u64,
    pub p90: u64,
    pub p99: u64,
    pub max: u64,
}

/// One step of the chart: by `seconds` after the first send,
/// `delivered` rows had been delivered and `failed` rows had failed
/// (cumulative: the record's final `modified` time counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelinePoint {
    pub seconds: u64,
    pub delivered: u64,
    pub failed: u64,
}

/// The most points the chart draws per line, whatever the timeline's length.
pub const MAX_CHART_POINTS: usize = 400;

/// What the page's CSP allows: nothing but inline styles.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// The page, a complete HTML document.
pub fn render(data: &DeliveryData) -> String {
    let title = format!("Delivery report: {}", data.file);
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { "Delivery report" }
                    p.file { "File " code #file { (data.file) } }
                    (span_line(data))
                }
                (counts(data))
                (state_bar(data))
                section.card {
                    h2 { "Delivered and failed since the first send" }
                    (timeline_chart(data))
                }
                (failures(data))
                (parts_and_cost(data))
                (delivery_times(data))
            }
        }
    }
    .into_string()
}

const STYLE: &str = "\
:root{--ok:#1a7f37;--bad:#cf222e;--wait:#9a6700;--none:#6e7781;--ink:#1f2328;--line:#d0d7de}\
*{box-sizing:border-box}\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);background:#fff;max-width:60rem;margin:0 auto;padding:1.5rem;line-height:1.4}\
h1{margin:0 0 .25rem;font-size:1.6rem}h2{font-size:1.1rem;margin:0 0 .75rem}\
code{font-family:ui-monospace,monospace;overflow-wrap:anywhere}\
.muted{color:var(--none)}\
.card{border:1px solid var(--line);border-radius:6px;padding:1rem;margin:1rem 0;break-inside:avoid}\
.counts{display:grid;grid-template-columns:repeat(auto-fit,minmax(8rem,1fr));gap:.75rem;margin:1rem 0}\
.count{border:1px solid var(--line);border-radius:6px;padding:.75rem;break-inside:avoid}\
.count .n{display:block;font-size:1.6rem;font-weight:600;font-variant-numeric:tabular-nums}\
.delivered .n{color:var(--ok)}.failed .n{color:var(--bad)}.pending .n{color:var(--wait)}.missing .n{color:var(--none)}\
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line)}\
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\
.bar{background:var(--bad);height:.8rem;min-width:1px}\
svg{display:block;width:100%;height:auto;max-width:100%}\
svg text{font-size:12px;fill:var(--ink)}\
.legend span{margin-right:1rem}.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}\
@media print{body{max-width:none;padding:0;font-size:11pt}.card,.count{border-color:#999}\
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}@page{margin:1.5cm}}";

fn span_line(data: &DeliveryData) -> Markup {
    html! {
        p.span {
            @match (data.first_sent, data.last_sent) {
                (Some(first), Some(last)) => {
                    "Sent from " (time(first, "first-sent")) " to " (time(last, "last-sent"))
                    " (" (duration(first, last)) "). "
                }
                _ => { "Nothing was sent from this file. " }
            }
            span.muted { "As of " (time(data.generated, "generated")) "." }
        }
    }
}

/// Shown as `2026-12-01 09:00:00 UTC`; `datetime` holds RFC 3339.
fn time(at: Timestamp, id: &str) -> Markup {
    let shown = at.strftime("%Y-%m-%d %H:%M:%S UTC").to_string();
    html! { time id=(id) datetime=(rfc3339(at)) { (shown) } }
}

/// RFC 3339 in UTC with `Z`, to the second (STYLE.md, "Dates").
fn rfc3339(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn duration(first: Timestamp, last: Timestamp) -> String {
    let seconds = last.as_second().saturating_sub(first.as_second()).max(0);
    human_seconds(seconds.unsigned_abs())
}

/// `42 s`, `3 min 05 s`, `2 h 07 min`.
fn human_seconds(seconds: u64) -> String {
    match seconds {
        0..60 => format!("{seconds} s"),
        60..3600 => format!("{} min {:02} s", seconds / 60, seconds % 60),
        _ => format!("{} h {:02} min", seconds / 3600, seconds % 3600 / 60),
    }
}

/// `part` of `whole` in percent with one decimal, exactly rounded; `—` of 0.
fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "—".to_owned();
    }
    let tenths = (u128::from(part) * 1000 + u128::from(whole) / 2) / u128::from(whole);
    format!("{}.{} %", tenths / 10, tenths % 10)
}

fn counts(data: &DeliveryData) -> Markup {
    let cells = [
        ("accepted", "Accepted", data.accepted),
        ("delivered", "Delivered", data.delivered),
        ("failed", "Failed", data.failed),
        ("pending", "Pending", data.pending),
        ("missing", "Missing", data.missing),
    ];
    html! {
        section.counts {
            @for (id, label, value) in cells {
                div class={ "count " (id) } {
                    span.n id=(id) data-value=(value) { (value) }
                    (label)
                }
            }
            div.count.rate {
                span.n id="delivery-rate" { (percent(data.delivered, data.accepted)) }
                "Delivery rate"
            }
        }
    }
}

/// One horizontal bar of the four states, in proportion.
fn state_bar(data: &DeliveryData) -> Markup {
    let parts = [
        (data.delivered, "var(--ok)", "delivered"),
        (data.failed, "var(--bad)", "failed"),
        (data.pending, "var(--wait)", "pending"),
        (data.missing, "var(--none)", "missing"),
    ];
    let total: u128 = parts.iter().map(|(n, _, _)| u128::from(*n)).sum();
    let mut x = 0.0_f64;
    let mut rects = Vec::new();
    for (n, colour, name) in parts {
        if n > 0 {
            let width = ratio(u128::from(n), total) * 1000.0;
            rects.push((fmt1(x), fmt1(width), colour, name, n));
            x += width;
        }
    }
    html! {
        @if total > 0 {
            svg #states viewBox="0 0 1000 24" role="img" aria-label="Rows by state" {
                @for (x, width, colour, name, n) in rects {
                    rect x=(x) y="0" width=(width) height="24" style={ "fill:" (colour) } {
                        title { (name) ": " (n) }
                    }
                }
            }
        }
    }
}

#[allow(clippy::cast_precision_loss)] // drawing only: a pixel is coarser
fn ratio(part: u128, whole: u128) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn fmt1(value: f64) -> String {
    format!("{value:.1}")
}

// The chart's drawing area inside its viewBox.
const CHART_W: f64 = 1000.0;
const CHART_H: f64 = 320.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 40.0;

fn timeline_chart(data: &DeliveryData) -> Markup {
    let points = downsample(&data.timeline, MAX_CHART_POINTS);
    let last_second = points.last().map_or(0, |p| p.seconds).max(1);
    let top = points
        .iter()
        .map(|p| p.delivered.max(p.failed))
        .max()
        .unwrap_or(0)
        .max(data.accepted)
        .max(1);
    let plot_w = CHART_W - LEFT - RIGHT;
    let plot_h = CHART_H - TOP - BOTTOM;
    let x_of = |s: u64| LEFT + ratio(u128::from(s), u128::from(last_second)) * plot_w;
    let y_of = |n: u64| TOP + plot_h - ratio(u128::from(n), u128::from(top)) * plot_h;
    let line = |pick: fn(&TimelinePoint) -> u64| -> String {
        // A step line from (0, 0): each count holds until the next point.
        let mut out = format!("{},{}", fmt1(x_of(0)), fmt1(y_of(0)));
        let mut previous = 0;
        for point in &points {
            let (x, y) = (fmt1(x_of(point.seconds)), fmt1(y_of(pick(point))));
            out.push_str(&format!(" {x},{} {x},{y}", fmt1(y_of(previous))));
            previous = pick(point);
        }
        out
    };
    let ticks = [0, 1, 2, 3, 4];
    html! {
        svg #timeline viewBox={ "0 0 " (CHART_W) " " (CHART_H) } role="img"
            aria-label="Cumulative delivered and failed rows over time since the first send" {
            @for i in ticks {
                @let n = top.saturating_mul(i) / 4;
                @let y = fmt1(y_of(n));
                line x1=(LEFT) x2=(CHART_W - RIGHT) y1=(y) y2=(y) style="stroke:var(--line)" {}
                text x=(LEFT - 8.0) y=(y) text-anchor="end" dominant-baseline="middle" { (n) }
                @let s = last_second.saturating_mul(i) / 4;
                @let anchor = match i { 0 => "start", 4 => "end", _ => "middle" };
                text x=(fmt1(x_of(s))) y=(CHART_H - BOTTOM + 20.0) text-anchor=(anchor) {
                    (human_seconds(s))
                }
            }
            @if !points.is_empty() {
                polyline .delivered points=(line(|p| p.delivered))
                    style="fill:none;stroke:var(--ok);stroke-width:2.5" {}
                polyline .failed points=(line(|p| p.failed))
                    style="fill:none;stroke:var(--bad);stroke-width:2.5" {}
            }
        }
        p.legend {
            span { span.swatch style="background:var(--ok)" {} "Delivered" }
            span { span.swatch style="background:var(--bad)" {} "Failed" }
            @if points.is_empty() { span.muted { "No delivery or failure yet." } }
        }
    }
}

/// At most `max` points of a cumulative timeline: the time range is cut into
/// `max` equal buckets and each keeps its latest point (the highest counts,
/// so the line still ends at the totals).
fn downsample(timeline: &[TimelinePoint], max: usize) -> Vec<TimelinePoint> {
    if timeline.len() <= max {
        return timeline.to_vec();
    }
    let span = timeline.iter().map(|p| p.seconds).max().unwrap_or(0);
    let buckets = u128::try_from(max).unwrap_or(u128::MAX);
    let mut out: Vec<TimelinePoint> = Vec::with_capacity(max);
    let mut current: Option<(u128, TimelinePoint)> = None;
    for point in timeline {
        let bucket =
            (u128::from(point.seconds) * buckets / (u128::from(span) + 1)).min(buckets - 1);
        current = match current {
            Some((b, kept)) if b == bucket => Some((
                b,
                TimelinePoint {
                    seconds: kept.seconds.max(point.seconds),
                    delivered: kept.delivered.max(point.delivered),
                    failed: kept.failed.max(point.failed),
                },
            )),
            Some((_, kept)) => {
                out.push(kept);
                Some((bucket, *point))
            }
            None => Some((bucket, *point)),
        };
    }
    if let Some((_, kept)) = current {
        out.push(kept);
    }
    // Unsorted input could revisit a bucket; keep the bound regardless.
    out.truncate(max);
    out
}

fn failures(data: &DeliveryData) -> Markup {
    let most = data.failures.iter().map(|(_, n)| *n).max().unwrap_or(0);
    html! {
        section.card #failures {
            h2 { "Failures by reason" }
            @if data.failures.is_empty() {
                p.muted { "No failure." }
            } @else {
                table {
                    thead { tr { th { "Status" } th.num { "Rows" } th.num { "Share" } th { } } }
                    tbody {
                        @for (status, n) in &data.failures {
                            tr.failure data-status=(status) data-count=(n) {
                                td { code { (status) } }
                                td.num { (n) }
                                td.num { (percent(*n, data.failed)) }
                                td style="width:40%" {
                                    div.bar style={ "width:" (fmt1(ratio(u128::from(*n), u128::from(most)) * 100.0)) "%" } {}
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn parts_and_cost(data: &DeliveryData) -> Markup {
    html! {
        section.card {
            h2 { "Parts and cost" }
            table {
                tbody {
                    tr { th { "Parts" } td.num #parts data-value=(data.parts) { (data.parts) } }
                    @if data.cost.is_empty() {
                        tr { th { "Cost" } td.num.muted { "—" } }
                    }
                    @for (currency, sum) in &data.cost {
                        tr {
                            th { "Cost" }
                            td.num.cost data-currency=(currency) data-cost=(sum) { (sum) " " (currency) }
                        }
                    }
                    tr { th { "Campaigns" } td.num #campaigns data-value=(data.campaigns) { (data.campaigns) } }
                }
            }
        }
    }
}

fn delivery_times(data: &DeliveryData) -> Markup {
    html! {
        section.card {
            h2 { "Delivery time of the delivered" }
            @match data.delivery_seconds {
                Some(p) => {
                    table #delivery-seconds data-p50=(p.p50) data-p90=(p.p90) data-p99=(p.p99) data-max=(p.max) {
                        tbody {
                            tr { th { "Median" } td.num { (human_seconds(p.p50)) } }
                            tr { th { "90th percentile" } td.num { (human_seconds(p.p90)) } }
                            tr { th { "99th percentile" } td.num { (human_seconds(p.p99)) } }
                            tr { th { "Longest" } td.num { (human_seconds(p.max)) } }
                        }
                    }
                }
                None => { p.muted { "Nothing delivered yet." } }
            }
        }
    }
}

#[cfg(test)]
mod tests;
