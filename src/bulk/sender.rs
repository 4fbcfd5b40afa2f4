//! Sending the batches: up to `--parallel` requests in flight on kept-alive
//! connections, fewer after a 429 (recovering slowly), `--rate` messages per
//! second at most, and every request journaled before it goes out and after
//! it ends.
//!
//! A worker writes a request's `end` without waiting for the disk, then the
//! next request's `begin`, and syncs once for both before that request goes
//! out: a `begin` is still durable before its request is sent, and an
//! outcome durable before it is counted. With no next request ready, or
//! before any wait (a slot, the pace, `--rate`), the `end` is synced alone
//! at once.

use crate::api::send::{self, SendFailure};
use crate::bulk::clock::now_ms as now_unix_ms;
use crate::bulk::journal::{End, Journal, Ledger, Ranges, Record, Written};
use crate::bulk::progress::Progress;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::net::retry::{Next, Retry};
use crate::net::transport::{Reply, Transport};
use crate::platform::{signals, wait};
use crate::secret::Secret;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Condvar, Mutex, TryLockError};
use std::time::{Duration, Instant};

/// A request refused by 429s this long in a row stops the run.
const RATE_LIMIT_GIVE_UP: Duration = Duration::from_secs(600);
/// After a 429, the pace is cut to this share of the requests accepted in
/// the second before it: just under the server's limit.
const CUT_TO: f64 = 0.95;
/// The pace after a 429 grows by this many requests a second, every second
/// of successes: a slow probe back up, so that the limit is crossed rarely.
const PROBE_PER_SECOND: f64 = 1.0;
/// The slowest pace: one request a second.
const SLOWEST: f64 = 1.0;

/// Unknown outcomes in a row that stop the run: the server is in trouble.
const UNKNOWN_STREAK: u32 = 3;

/// One `/send/batch` request, ready to go.
pub struct Job {
    pub id: u64,
    pub rows: Ranges,
    pub messages: u64,
    pub body: Vec<u8>,
}

/// How many requests may be in flight (`--parallel`), and, once the server
/// has answered 429, how many may start a second: a 429 is a rate limit, so
/// the pace is cut to just under the rate the server accepted in the second
/// before it (at most once a second), and grows back slowly with successes.
/// Cutting the requests in flight instead overshoots and undershoots in
/// turn when the server counts requests a second.
pub struct Limiter {
    state: Mutex<LimiterState>,
    wake: Condvar,
    max: u32,
}

struct LimiterState {
    in_flight: u32,
    last_cut: Option<Instant>,
    /// Requests a second, after the first 429.
    pace: Option<f64>,
    /// When the next request may start, at that pace.
    next_start: Option<Instant>,
    /// When the requests of the last second were accepted.
    accepted: VecDeque<Instant>,
    slowest: Option<f64>,
}

impl LimiterState {
    /// Forgets acceptances older than a second before `now`.
    fn accepted_since(&mut self, now: Instant) -> usize {
        while let Some(&at) = self.accepted.front() {
            if now.saturating_duration_since(at) < Duration::from_secs(1) {
                break;
            }
            self.accepted.pop_front();
        }
        self.accepted.len()
    }
}

impl Limiter {
    pub fn new(max: u32) -> Limiter {
        Limiter {
            state: Mutex::new(LimiterState {
                in_flight: 0,
                last_cut: None,
                pace: None,
                next_start: None,
                accepted: VecDeque::new(),
                slowest: None,
            }),
            wake: Condvar::new(),
            max: max.max(1),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LimiterState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits for a free slot, then for the request's turn at the pace;
    /// false when the run stops first. `before_waiting` runs before it
    /// waits for either.
    fn acquire(&self, stop: &dyn Fn() -> bool, before_waiting: &mut dyn FnMut()) -> bool {
        let mut state = self.lock();
        let mut ready_to_wait = false;
        loop {
            if stop() {
                return false;
            }
            if state.in_flight < self.max {
                state.in_flight += 1;
                break;
            }
            if !ready_to_wait {
                drop(state);
                before_waiting();
                ready_to_wait = true;
                state = self.lock();
                continue;
            }
            state = self
                .wake
                .wait_timeout(state, Duration::from_millis(100))
                .map(|(guard, _)| guard)
                .unwrap_or_else(|p| p.into_inner().0);
        }
        let Some(turn) = Self::turn(&mut state, Instant::now()) else {
            return true;
        };
        drop(state);
        if turn > Instant::now() {
            before_waiting();
        }
        if sleep_until(turn, stop) {
            return true;
        }
        self.release();
        false
    }

    /// When a request may start, at the pace, if there is one; books it.
    fn turn(state: &mut LimiterState, now: Instant) -> Option<Instant> {
        let pace = state.pace?;
        let turn = state.next_start.map_or(now, |at| at.max(now));
        state.next_start = Some(turn + Duration::from_secs_f64(1.0 / pace));
        Some(turn)
    }

    fn release(&self) {
        self.lock().in_flight -= 1;
        self.wake.notify_one();
    }

    fn rate_limited(&self) {
        self.cut(Instant::now());
    }

    fn cut(&self, now: Instant) {
        let mut state = self.lock();
        if state
            .last_cut
            .is_some_and(|at| now.saturating_duration_since(at) < Duration::from_secs(1))
        {
            return;
        }
        let accepted = state.accepted_since(now) as f64;
        let pace = state.pace.map_or(accepted, |pace| pace.min(accepted));
        let pace = (pace * CUT_TO).max(SLOWEST);
        state.pace = Some(pace);
        state.slowest = Some(state.slowest.map_or(pace, |slowest| slowest.min(pace)));
        state.last_cut = Some(now);
    }

    fn succeeded(&self) {
        self.accepted_at(Instant::now());
    }

    fn accepted_at(&self, now: Instant) {
        let mut state = self.lock();
        state.accepted.push_back(now);
        let accepted = state.accepted_since(now);
        if let Some(pace) = state.pace {
            // PROBE_PER_SECOND more each second at this pace.
            state.pace = Some(pace + PROBE_PER_SECOND / pace.max(accepted as f64).max(SLOWEST));
        }
    }

    /// The slowest pace the run was held to, in requests a second.
    pub fn slowest(&self) -> Option<f64> {
        self.lock().slowest
    }
}

/// `--rate`: messages are spread so that no second has more than N.
pub struct Pacer {
    per_message: Duration,
    next: Mutex<Option<Instant>>,
}

impl Pacer {
    pub fn new(rate: u32) -> Pacer {
        Pacer {
            per_message: Duration::from_secs(1) / rate.max(1),
            next: Mutex::new(None),
        }
    }

    /// Waits for the turn of `messages` messages; false when the run stops.
    /// `before_waiting` runs first if it is not their turn yet.
    fn wait(
        &self,
        messages: u64,
        stop: &dyn Fn() -> bool,
        before_waiting: &mut dyn FnMut(),
    ) -> bool {
        let start = {
            let mut next = self.next.lock().unwrap_or_else(|p| p.into_inner());
            let now = Instant::now();
            let start = next.map_or(now, |at| at.max(now));
            *next = Some(start + self.per_message * messages.min(u64::from(u32::MAX)) as u32);
            start
        };
        if start > Instant::now() {
            before_waiting();
        }
        sleep_until(start, stop)
    }
}

/// Sleeps until `when` (the one interruptible sleep), waking early to stop;
/// false when it stopped.
fn sleep_until(when: Instant, stop: &dyn Fn() -> bool) -> bool {
    wait::sleep_unless(when, stop).is_ok()
}

fn rate_limited_too_long() -> Failure {
    Failure::new(
        ExitCode::TempFail,
        format!(
            "rate limited (HTTP 429): a request was refused for {} minutes in a row",
            RATE_LIMIT_GIVE_UP.as_secs() / 60
        ),
    )
    .with_hint("nothing of it was sent; run the same command again later to resume")
}

/// An outcome written to the journal, not yet known durable, so not yet
/// counted or shown.
struct Unsettled {
    end: Written,
    state: End,
    messages: u64,
}

/// Counts of what the run did, for the summary and the exit code.
#[derive(Default)]
pub struct Tally {
    pub requests: AtomicU64,
    pub rate_limited: AtomicU64,
    unknown_streak: AtomicU32,
}

/// Everything the workers share.
pub struct Sender<'a> {
    pub transport: &'a Transport,
    pub key: &'a Secret,
    pub journal: &'a Journal,
    pub ledger: &'a Mutex<Ledger>,
    pub limiter: Limiter,
    pub pacer: Option<Pacer>,
    pub progress: &'a Progress,
    pub tally: Tally,
    stop: AtomicBool,
    fatal: Mutex<Option<Failure>>,
}

impl<'a> Sender<'a> {
    pub fn new(
        transport: &'a Transport,
        key: &'a Secret,
        journal: &'a Journal,
        ledger: &'a Mutex<Ledger>,
        parallel: u32,
        rate: Option<u32>,
        progress: &'a Progress,
    ) -> Sender<'a> {
        Sender {
            transport,
            key,
            journal,
            ledger,
            limiter: Limiter::new(parallel),
            pacer: rate.map(Pacer::new),
            progress,
            tally: Tally::default(),
            stop: AtomicBool::new(false),
            fatal: Mutex::new(None),
        }
    }

    /// True once the run should start no more requests: a failure that
    /// every later request would share, or a signal.
    pub fn stopping(&self) -> bool {
        self.stop.load(Ordering::SeqCst) || signals::interrupt_received().is_some()
    }

    /// The failure that stopped the run, if one did.
    pub fn take_fatal(&self) -> Option<Failure> {
        self.fatal.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    fn stop_with(&self, failure: Failure) {
        let mut fatal = self.fatal.lock().unwrap_or_else(|p| p.into_inner());
        if fatal.is_none() {
            *fatal = Some(failure);
        }
        self.stop.store(true, Ordering::SeqCst);
    }

    /// A worker: takes jobs until the channel closes. Jobs taken after the
    /// run stopped are dropped unsent: their rows stay pending. Its last
    /// outcome is settled before it returns, whatever ended the run.
    pub fn work(&self, jobs: &Mutex<Receiver<Job>>) {
        let mut unsettled = None;
        while let Some(job) = self.next_job(jobs, &mut unsettled) {
            if self.stopping() {
                self.settle(&mut unsettled);
                continue;
            }
            self.run(job, &mut unsettled);
        }
        self.settle(&mut unsettled);
    }

    /// The next job, `None` once the channel closes. When none is ready
    /// (or another worker is already waiting for one), the unsettled
    /// outcome is settled first: it never waits on the input.
    fn next_job(
        &self,
        jobs: &Mutex<Receiver<Job>>,
        unsettled: &mut Option<Unsettled>,
    ) -> Option<Job> {
        let receiver = match jobs.try_lock() {
            Ok(receiver) => Some(receiver),
            Err(TryLockError::Poisoned(p)) => Some(p.into_inner()),
            Err(TryLockError::WouldBlock) => None,
        };
        if let Some(receiver) = receiver {
            match receiver.try_recv() {
                Ok(job) => return Some(job),
                Err(TryRecvError::Disconnected) => return None,
                Err(TryRecvError::Empty) => {}
            }
        }
        self.settle(unsettled);
        let receiver = jobs.lock().unwrap_or_else(|p| p.into_inner());
        receiver.recv().ok()
    }

    fn journal_failed(&self, error: std::io::Error) {
        self.stop_with(
            Failure::new(
                ExitCode::CantCreate,
                format!(
                    "cannot write the journal {}: {error}",
                    self.journal.path().display()
                ),
            )
            .with_hint("the outcome of the last requests is unknown; rerun once the disk is fixed"),
        );
    }

    /// Writes a request's outcome, not yet durable: it is settled when the
    /// next `begin` is synced, or sooner.
    fn end(
        &self,
        job: &Job,
        state: End,
        campaign: Option<String>,
        reason: Option<String>,
        unsettled: &mut Option<Unsettled>,
    ) {
        self.settle(unsettled);
        let record = Record::End {
            id: job.id,
            state,
            campaign,
            reason,
        };
        match self.journal.write(record) {
            Ok(end) => {
                *unsettled = Some(Unsettled {
                    end,
                    state,
                    messages: job.messages,
                });
            }
            Err(error) => {
                self.journal_failed(error);
                self.show(state, job.messages);
            }
        }
    }

    /// Makes an outcome durable (at once, when a later sync covered it
    /// already), then applies it to the ledger and shows it.
    fn settle(&self, unsettled: &mut Option<Unsettled>) {
        let Some(outcome) = unsettled.take() else {
            return;
        };
        if let Err(error) = self.journal.commit(self.ledger, &outcome.end) {
            self.journal_failed(error);
        }
        self.show(outcome.state, outcome.messages);
    }

    fn show(&self, state: End, messages: u64) {
        match state {
            End::Accepted => self.progress.sent(messages, 0),
            End::Rejected | End::Unknown => self.progress.sent(0, messages),
            End::Unsent => {}
        }
    }

    fn run(&self, job: Job, unsettled: &mut Option<Unsettled>) {
        let stop = || self.stopping();
        let mut settle_first = || self.settle(unsettled);
        if !self.limiter.acquire(&stop, &mut settle_first) {
            return settle_first();
        }
        if let Some(pacer) = &self.pacer
            && !pacer.wait(job.messages, &stop, &mut settle_first)
        {
            self.limiter.release();
            return settle_first();
        }
        let begin = Record::Begin {
            id: job.id,
            at: now_unix_ms(),
            rows: job.rows.clone(),
        };
        // One sync for this `begin` and the last outcome, then that
        // outcome is counted.
        let committed = self
            .journal
            .write(begin)
            .and_then(|begin| self.journal.commit(self.ledger, &begin));
        settle_first();
        if let Err(error) = committed {
            self.journal_failed(error);
            self.limiter.release();
            return;
        }
        let mut refused_since: Option<Instant> = None;
        let mut retry = Retry::window(RATE_LIMIT_GIVE_UP);
        loop {
            self.tally.requests.fetch_add(1, Ordering::Relaxed);
            let outcome = send::post_batch_once(self.transport, self.key, &job.body);
            self.limiter.release();
            let reply = match outcome {
                Ok(reply) => reply,
                Err(SendFailure::Unknown(failure)) => {
                    return self.unknown(&job, failure, unsettled);
                }
                // A 2xx whose body broke off: accepted all the same.
                Err(SendFailure::AcceptedUnreadable(_) | SendFailure::AcceptedIdUnreadable(_)) => {
                    self.limiter.succeeded();
                    return self.end(&job, End::Accepted, None, None, unsettled);
                }
                Err(SendFailure::NotSent(failure)) => {
                    return self.unsent_and_stop(&job, failure, unsettled);
                }
            };
            if reply.status == 429 {
                self.tally.rate_limited.fetch_add(1, Ordering::Relaxed);
                self.limiter.rate_limited();
                let since = *refused_since.get_or_insert_with(Instant::now);
                let Next::Wait(wait) = retry.next(reply.retry_after(), since.elapsed()) else {
                    return self.unsent_and_stop(&job, rate_limited_too_long(), unsettled);
                };
                // Nothing is unsettled here: the `begin` sync settled it.
                if !sleep_until(Instant::now() + wait, &stop)
                    || !self.limiter.acquire(&stop, &mut || {})
                {
                    return self.end(&job, End::Unsent, None, None, unsettled);
                }
                continue;
            }
            if reply.status < 500 {
                self.tally.unknown_streak.store(0, Ordering::Relaxed);
            }
            return self.judged(&job, &reply, unsettled);
        }
    }

    /// The outcome of a request the server answered (not with a 429).
    fn judged(&self, job: &Job, reply: &Reply, unsettled: &mut Option<Unsettled>) {
        match send::judge_batch(reply, self.key) {
            Ok(accepted) => {
                self.limiter.succeeded();
                self.end(job, End::Accepted, Some(accepted.id), None, unsettled);
            }
            // Accepted; an id unfit to show is not kept for the report.
            Err(SendFailure::AcceptedUnreadable(_) | SendFailure::AcceptedIdUnreadable(_)) => {
                self.limiter.succeeded();
                self.end(job, End::Accepted, None, None, unsettled);
            }
            Err(SendFailure::Unknown(failure)) => self.unknown(job, failure, unsettled),
            Err(SendFailure::NotSent(_)) if reply.status == 400 => {
                let reason = crate::api::server_message(&reply.body, self.key)
                    .unwrap_or_else(|| crate::api::http_label(400));
                self.end(job, End::Rejected, None, Some(reason), unsettled);
            }
            Err(SendFailure::NotSent(failure)) => self.unsent_and_stop(job, failure, unsettled),
        }
    }

    /// Nothing of the request went out, and the run stops: its `end` is
    /// synced first, so that a journal error is the failure told.
    fn unsent_and_stop(&self, job: &Job, failure: Failure, unsettled: &mut Option<Unsettled>) {
        self.end(job, End::Unsent, None, None, unsettled);
        self.settle(unsettled);
        self.stop_with(failure);
    }

    fn unknown(&self, job: &Job, failure: Failure, unsettled: &mut Option<Unsettled>) {
        self.end(
            job,
            End::Unknown,
            None,
            Some(failure.to_string()),
            unsettled,
        );
        let streak = self.tally.unknown_streak.fetch_add(1, Ordering::Relaxed) + 1;
        if streak >= UNKNOWN_STREAK {
            self.settle(unsettled);
            self.stop_with(failure.with_hint(
                "some messages may have gone out; run the same command again to check the message log and resume",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_429_cuts_the_pace_to_just_under_what_was_accepted() {
        let limiter = Limiter::new(8);
        let start = Instant::now();
        for i in 0..20 {
            limiter.accepted_at(start + Duration::from_millis(50 * i));
        }
        assert_eq!(limiter.lock().pace, None, "no pace before a 429");
        let first = start + Duration::from_millis(990);
        limiter.cut(first);
        assert_eq!(limiter.lock().pace, Some(20.0 * CUT_TO));
        // Another 429 within the second does not cut again.
        limiter.cut(first + Duration::from_millis(500));
        assert_eq!(limiter.lock().pace, Some(20.0 * CUT_TO));
        // Requests start one pace apart.
        let mut state = limiter.lock();
        let a = Limiter::turn(&mut state, first).unwrap();
        let b = Limiter::turn(&mut state, first).unwrap();
        assert_eq!(b - a, Duration::from_secs_f64(1.0 / (20.0 * CUT_TO)));
        drop(state);
        assert_eq!(limiter.slowest(), Some(20.0 * CUT_TO));
    }

    #[test]
    fn the_pace_grows_back_by_about_one_request_a_second_each_second() {
        let limiter = Limiter::new(16);
        let start = Instant::now();
        for i in 0..10 {
            limiter.accepted_at(start + Duration::from_millis(100 * i));
        }
        limiter.cut(start + Duration::from_millis(999));
        let cut = limiter.lock().pace.unwrap();
        // One second of successes at that pace.
        let later = start + Duration::from_secs(2);
        for i in 0..10 {
            limiter.accepted_at(later + Duration::from_millis(100 * i));
        }
        let grown = limiter.lock().pace.unwrap();
        assert!(grown > cut + 0.9 && grown < cut + 1.2, "{cut} -> {grown}");
        // Nothing accepted in the second before a 429: the slowest pace.
        limiter.cut(later + Duration::from_secs(5));
        assert_eq!(limiter.slowest(), Some(SLOWEST));
    }
}
