//! What the mock remembers, shared by every connection thread.

use serde_json::json;
use std::io::Read;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::faults::{Faults, Switches};
use crate::latency::Latency;
use crate::optouts::Optouts;
use crate::store::Store;
use crate::webhooks::Webhooks;
use crate::{FIRST_KEY, Options, time};

pub struct State {
    /// The demo account's current key; `/auth/createkey` replaces it.
    pub key: Mutex<String>,
    pub store: Mutex<Store>,
    pub optouts: Mutex<Optouts>,
    pub webhooks: Webhooks,
    pub faults: Faults,
    pub stats: Stats,
    pub latency: Latency,
    /// `--keep-batches`: every accepted `/send/batch` body, in order, for
    /// `GET /_mock/batches`.
    pub batches: Option<Mutex<Vec<serde_json::Value>>>,
    /// `--delivery-mix`: final statuses by the recipient's digits (see main.rs).
    pub delivery_mix: bool,
    pub quiet: bool,
}

impl State {
    /// The state for these options, with the receipt sender running.
    pub fn start(options: &Options) -> Arc<State> {
        let seed = options.seed.unwrap_or_else(|| random_u64() | 1);
        let (webhooks, receipts) = Webhooks::new();
        let state = Arc::new(State {
            key: Mutex::new(FIRST_KEY.to_string()),
            store: Mutex::new(Store::new((random_u64(), random_u64()))),
            optouts: Mutex::new(Optouts::seeded(time::now_ms())),
            webhooks,
            faults: Faults::new(
                Switches {
                    status: options.status,
                    rate_limit: options.rate_limit,
                    fail_rate: options.fail_rate,
                    drop_after_read: options.drop_after_read,
                    reject_recipient: options.reject_recipient.clone(),
                    latency_ms: None,
                },
                seed,
            ),
            stats: Stats::default(),
            latency: Latency::new(options.latency.unwrap_or_default(), seed),
            batches: options.keep_batches.then(Mutex::default),
            delivery_mix: options.delivery_mix,
            quiet: options.quiet,
        });
        if options.seed_log > 0 {
            lock(&state.store).seed(options.seed_log, time::now_ms(), options.delivery_mix);
        }
        receipts.spawn(state.clone());
        state
    }

    /// Whether `authorization` carries the current key as a Bearer token.
    pub fn authorized(&self, authorization: Option<&str>) -> bool {
        let key = lock(&self.key);
        authorization
            .and_then(|value| value.strip_prefix("Bearer "))
            .is_some_and(|token| token == *key)
    }
}

/// A mutex's value, even if a thread panicked while holding it: the mock
/// keeps serving.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Counters for `GET /_mock/stats`, so tests and benchmarks can check what
/// the server received.
#[derive(Default)]
pub struct Stats {
    pub requests: AtomicU64,
    pub connections: AtomicU64,
    pub send_requests: AtomicU64,
    pub singles: AtomicU64,
    pub batches: AtomicU64,
    pub accepted: AtomicU64,
    pub rejected: AtomicU64,
    pub rate_limited: AtomicU64,
    pub failed: AtomicU64,
    pub dropped: AtomicU64,
    pub opted_out_skipped: AtomicU64,
    pub duplicates_skipped: AtomicU64,
    pub receipts_queued: AtomicU64,
    pub receipts_sent: AtomicU64,
    pub receipts_failed: AtomicU64,
    pub receipts_dropped: AtomicU64,
    /// Epoch ms of the first send request's arrival; 0 before one.
    pub first_send_at: AtomicI64,
    /// Epoch ms of the last answer to a send request (written, or withheld
    /// by `--drop-after-read`); 0 before one.
    pub last_answer_at: AtomicI64,
}

impl Stats {
    pub fn bump(&self, counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    /// A send request arrived at `now_ms`.
    pub fn send_arrived(&self, now_ms: i64) {
        let _ = self
            .first_send_at
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |first| {
                (first == 0 || now_ms < first).then_some(now_ms)
            });
    }

    /// A send request's answer went out (or was withheld) at `now_ms`.
    pub fn answered_send(&self, now_ms: i64) {
        self.last_answer_at.fetch_max(now_ms, Ordering::Relaxed);
    }

    pub fn to_json(&self, stored: usize, optouts: usize) -> serde_json::Value {
        let get = |counter: &AtomicU64| counter.load(Ordering::Relaxed);
        let time_of = |at: &AtomicI64| Some(at.load(Ordering::Relaxed)).filter(|&ms| ms != 0);
        json!({
            "requests": get(&self.requests),
            "connections": get(&self.connections),
            "sendRequests": get(&self.send_requests),
            "singles": get(&self.singles),
            "batches": get(&self.batches),
            "accepted": get(&self.accepted),
            "rejected": get(&self.rejected),
            "rateLimited": get(&self.rate_limited),
            "failed": get(&self.failed),
            "dropped": get(&self.dropped),
            "optedOutSkipped": get(&self.opted_out_skipped),
            "duplicatesSkipped": get(&self.duplicates_skipped),
            "stored": stored,
            "optouts": optouts,
            "receiptsQueued": get(&self.receipts_queued),
            "receiptsSent": get(&self.receipts_sent),
            "receiptsFailed": get(&self.receipts_failed),
            "receiptsDropped": get(&self.receipts_dropped),
            "firstSendAt": time_of(&self.first_send_at),
            "lastAnswerAt": time_of(&self.last_answer_at),
        })
    }
}

/// 64 bits from the OS, or from the clock when /dev/urandom is missing.
pub fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    match std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes)) {
        Ok(()) => u64::from_le_bytes(bytes),
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
    }
}
