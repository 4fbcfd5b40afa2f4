//! `--latency MS[,JITTER]`: every answer leaves MS milliseconds (± up to
//! JITTER) after its request arrived in full, as from a distant server. The
//! connection's thread sleeps meanwhile: no CPU is spent, and since each
//! connection has its own thread, requests on different connections wait
//! at the same time.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::faults::XorShift;
use crate::state::lock;

pub struct Latency {
    /// Replaced by `POST /_mock/faults` (`latencyMs`).
    ms: AtomicU64,
    jitter: u64,
    /// Jitter rolls, from `--seed`, apart from the fault rolls so that a
    /// latency does not change which requests fail.
    rng: Mutex<XorShift>,
}

/// The parsed value of `--latency`: (MS, JITTER).
#[derive(Clone, Copy, Default)]
pub struct Spec(pub u64, pub u64);

pub fn parse(text: &str) -> Result<Spec, String> {
    let usage = || "milliseconds, with an optional jitter: 100 or 100,20".to_string();
    let (ms, jitter) = text.split_once(',').unwrap_or((text, "0"));
    let ms: u64 = ms.trim().parse().map_err(|_| usage())?;
    let jitter: u64 = jitter.trim().parse().map_err(|_| usage())?;
    if jitter > ms {
        return Err(format!(
            "the jitter ({jitter}) is larger than the latency ({ms})"
        ));
    }
    if ms > 600_000 {
        return Err("at most 600000 ms".to_string());
    }
    Ok(Spec(ms, jitter))
}

impl Latency {
    pub fn new(spec: Spec, seed: u64) -> Latency {
        Latency {
            ms: AtomicU64::new(spec.0),
            jitter: spec.1,
            rng: Mutex::new(XorShift::new(seed ^ 0x6c61_7465_6e63_7900)),
        }
    }

    /// The delay for the next answer: MS ± a uniform roll of up to JITTER.
    pub fn next(&self) -> Duration {
        let ms = self.ms.load(Ordering::Relaxed);
        // A latency set at run time below the jitter has none.
        if self.jitter == 0 || self.jitter > ms {
            return Duration::from_millis(ms);
        }
        let span = 2 * self.jitter + 1;
        let roll = lock(&self.rng).next() % span;
        Duration::from_millis(ms - self.jitter + roll)
    }

    /// The new latency, in ms, for the answers from now on.
    pub fn set_ms(&self, ms: u64) {
        self.ms.store(ms, Ordering::Relaxed);
    }

    /// Sleeps until `arrived` plus the next delay (at once when that has
    /// passed, or without `--latency`).
    pub fn hold(&self, arrived: Instant) {
        if self.ms.load(Ordering::Relaxed) == 0 {
            return;
        }
        let due = arrived + self.next();
        let now = Instant::now();
        if due > now {
            std::thread::sleep(due - now);
        }
    }
}
