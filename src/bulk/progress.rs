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
            let style = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} rows  {per_sec}  ETA {eta}  {msg}",
            )
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
            "mobivate: sent {sent}/{} rows ({rate:.0} rows/s{eta}), {failed} failed\n",
            self.total
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
