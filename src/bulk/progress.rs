//! Progress on stderr while a run sends: a bar on a terminal (rows sent,
//! rows per second, ETA, failures), else one plain line every 10 seconds.
//! Never anything on stdout.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How often the plain progress line is printed without a terminal.
const PLAIN_EVERY: Duration = Duration::from_secs(10);

pub struct Progress {
    total: u64,
    sent: AtomicU64,
    failed: AtomicU64,
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Progress {
    pub fn new(total: u64) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            let style =
                ProgressStyle::with_template("{bar:30} {pos}/{len} rows  {rate}  ETA {eta}  {msg}")
                    .map(|style| {
                        style.with_key(
                            "rate",
                            |state: &indicatif::ProgressState, out: &mut dyn std::fmt::Write| {
                                let _ = write!(out, "{}/s", whole(state.per_sec()));
                            },
                        )
                    })
                    .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_message("0 failed");
            bar.enable_steady_tick(Duration::from_millis(250));
            bar
        });
        Progress {
            total,
            sent: AtomicU64::new(0),
            failed: AtomicU64::new(0),
            bar,
            started: Instant::now(),
        }
    }

    /// Rows whose request ended: accepted, or failed (rejected, unknown).
    pub fn sent(&self, accepted: u64, failed: u64) {
        let sent = self.sent.fetch_add(accepted + failed, Ordering::Relaxed) + accepted + failed;
        let failed = self.failed.fetch_add(failed, Ordering::Relaxed) + failed;
        if let Some(bar) = &self.bar {
            bar.set_position(sent);
            bar.set_message(format!("{failed} failed"));
        }
    }

    /// Rows whose request ended, the accepted among them, and the time
    /// since sending started.
    pub fn ended(&self) -> (u64, u64, Duration) {
        let sent = self.sent.load(Ordering::Relaxed);
        let failed = self.failed.load(Ordering::Relaxed);
        (sent, sent.saturating_sub(failed), self.started.elapsed())
    }

    fn line(&self) -> String {
        let sent = self.sent.load(Ordering::Relaxed);
        let failed = self.failed.load(Ordering::Relaxed);
        let elapsed = self.started.elapsed().as_secs_f64().max(0.001);
        let rate = sent as f64 / elapsed;
        let eta = if rate > 0.0 && sent < self.total {
            format!(
                ", ETA {}",
                crate::output::duration::human(Duration::from_secs_f64(
                    (self.total - sent) as f64 / rate
                ))
            )
        } else {
            String::new()
        };
        format!(
            "mobivate: sent {sent}/{} rows ({} rows/s{eta}), {failed} failed\n",
            self.total,
            whole(rate)
        )
    }

    /// Prints the plain line every 10 s until `done` says the run ended
    /// (without a terminal; with one, the bar draws itself).
    pub fn print_until(&self, done: Receiver<()>) {
        if self.bar.is_some() {
            let _ = done.recv();
            return;
        }
        loop {
            match done.recv_timeout(PLAIN_EVERY) {
                Err(RecvTimeoutError::Timeout) => {
                    crate::report::write_raw(self.line().as_bytes());
                }
                _ => return,
            }
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A rate as a whole number with thousands separators: `3,735`.
pub fn whole(rate: f64) -> String {
    let digits = if rate.is_finite() && rate > 0.0 {
        format!("{:.0}", rate)
    } else {
        "0".to_string()
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn rates_are_whole_numbers_with_separators() {
        assert_eq!(super::whole(3735.1877), "3,735");
        assert_eq!(super::whole(999.6), "1,000");
        assert_eq!(super::whole(12.0), "12");
        assert_eq!(super::whole(1234567.0), "1,234,567");
        assert_eq!(super::whole(f64::NAN), "0");
    }
}
