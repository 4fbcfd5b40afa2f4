//! The one retry state machine: after each attempt that could be retried,
//! it says "wait this long, then try again" or "give up", honouring the
//! server's `Retry-After` and spreading waits with jitter so that many
//! clients (or `bulk`'s workers) do not come back in step. It is pure: no
//! clock, no sleep, no I/O (the caller sleeps, with `platform::wait`).
//! Which failures may be retried at all is not decided here: `RetryPolicy`
//! and `net::error` decide that, and a request that may have reached the
//! server never gets here unless they say so.

use std::hash::{BuildHasher, RandomState};
use std::time::{Duration, SystemTime};

/// The longest `Retry-After` the transport waits for; anything longer gives up at once.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const MAX_BACKOFF: Duration = Duration::from_secs(8);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RetryPolicy {
    /// Retry network failures, timeouts, 429 and 5xx: safe for reads.
    Safe,
    /// Retry only when the request cannot have reached the server: for
    /// `createkey`, where a second request would revoke the first one's key.
    ConnectFailuresOnly,
    /// For sends, which are not idempotent: retry what cannot have sent
    /// anything (a failure to connect, and a 429, which is a refusal), and
    /// nothing else.
    NotAfterSending,
}

impl RetryPolicy {
    /// Whether an answer with this status is worth another attempt.
    pub fn retries_status(self, status: u16) -> bool {
        match self {
            RetryPolicy::Safe => status == 429 || (500..=599).contains(&status),
            RetryPolicy::ConnectFailuresOnly => false,
            RetryPolicy::NotAfterSending => status == 429,
        }
    }
}

/// What to do after an attempt that could be retried.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Next {
    /// Wait this long, then try again.
    Wait(Duration),
    /// Give up: keep the last attempt's outcome.
    GiveUp(GiveUp),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GiveUp {
    /// Every attempt allowed was made (or the window closed).
    Exhausted,
    /// The server asked for a wait longer than this retry waits.
    AskedTooLong(Duration),
}

/// How long a retry goes on.
#[derive(Clone, Copy, Debug)]
enum Budget {
    /// This many attempts in all; a `Retry-After` over `MAX_RETRY_AFTER`
    /// gives up at once.
    Attempts(u32),
    /// As long as this window lasts from the first refusal; every wait,
    /// `Retry-After` included, ends with it.
    Window(Duration),
}

/// One request's retries, attempt by attempt.
#[derive(Debug)]
pub struct Retry {
    budget: Budget,
    /// Attempts made so far.
    made: u32,
    /// The jitter's state (xorshift), seeded at random.
    seed: u64,
}

impl Retry {
    /// The transport's: `retries` attempts after the first.
    pub fn attempts(retries: u32) -> Retry {
        Retry::seeded(Budget::Attempts(retries.saturating_add(1)), random_seed())
    }

    /// `bulk`'s on 429: again and again, for as long as `window` lasts.
    pub fn window(window: Duration) -> Retry {
        Retry::seeded(Budget::Window(window), random_seed())
    }

    fn seeded(budget: Budget, seed: u64) -> Retry {
        Retry {
            budget,
            made: 1,
            seed: seed | 1,
        }
    }

    /// The number of the attempt being made (from 1).
    pub fn attempt(&self) -> u32 {
        self.made
    }

    /// The most attempts this retry makes, if it counts them.
    pub fn most(&self) -> Option<u32> {
        match self.budget {
            Budget::Attempts(most) => Some(most),
            Budget::Window(_) => None,
        }
    }

    /// The last attempt could be retried: the server asked for `asked` (its
    /// `Retry-After`, if any), and `elapsed` has passed since the first
    /// attempt (only a window reads it).
    pub fn next(&mut self, asked: Option<Duration>, elapsed: Duration) -> Next {
        let wait = match self.budget {
            Budget::Attempts(most) => {
                if let Some(asked) = asked.filter(|&asked| asked > MAX_RETRY_AFTER) {
                    return Next::GiveUp(GiveUp::AskedTooLong(asked));
                }
                if self.made >= most {
                    return Next::GiveUp(GiveUp::Exhausted);
                }
                asked.unwrap_or_else(|| self.backoff())
            }
            Budget::Window(window) => {
                let left = window.saturating_sub(elapsed);
                if left.is_zero() {
                    return Next::GiveUp(GiveUp::Exhausted);
                }
                asked.unwrap_or_else(|| self.backoff()).min(left)
            }
        };
        self.made = self.made.saturating_add(1);
        Next::Wait(wait)
    }

    /// From about half a second, doubling up to 8 s, each wait between 75%
    /// and 125% of that.
    fn backoff(&mut self) -> Duration {
        let base = FIRST_BACKOFF
            .saturating_mul(1 << self.made.saturating_sub(1).min(6))
            .min(MAX_BACKOFF);
        self.seed ^= self.seed << 13;
        self.seed ^= self.seed >> 7;
        self.seed ^= self.seed << 17;
        let per_mille = self.seed % 1001;
        base.mul_f64(0.75 + per_mille as f64 / 2000.0)
    }
}

fn random_seed() -> u64 {
    RandomState::new().hash_one(std::time::Instant::now())
}

/// `Retry-After` in seconds or as an HTTP date.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(attempt: u32) -> Duration {
        FIRST_BACKOFF
            .saturating_mul(1 << (attempt - 1).min(6))
            .min(MAX_BACKOFF)
    }

    fn waits(retry: &mut Retry, asked: Option<Duration>) -> Vec<Duration> {
        let mut waits = Vec::new();
        while let Next::Wait(wait) = retry.next(asked, Duration::ZERO) {
            waits.push(wait);
        }
        waits
    }

    #[test]
    fn backoff_grows_from_half_a_second_with_jitter() {
        for seed in [1, 2, 0xdead_beef, u64::MAX] {
            let mut retry = Retry::seeded(Budget::Attempts(9), seed);
            let waits = waits(&mut retry, None);
            assert_eq!(waits.len(), 8);
            for (i, wait) in waits.iter().enumerate() {
                let base = base(i as u32 + 1);
                assert!(
                    *wait >= base.mul_f64(0.75) && *wait <= base.mul_f64(1.25),
                    "{seed} {i}: {wait:?}"
                );
            }
            assert!(waits[0] <= Duration::from_millis(625));
            assert!(*waits.last().unwrap() <= Duration::from_secs(10));
        }
    }

    #[test]
    fn two_workers_do_not_back_off_in_step() {
        let mut one = Retry::seeded(Budget::Window(Duration::from_secs(600)), 1);
        let mut two = Retry::seeded(Budget::Window(Duration::from_secs(600)), 2);
        let a: Vec<_> = (0..5).map(|_| one.next(None, Duration::ZERO)).collect();
        let b: Vec<_> = (0..5).map(|_| two.next(None, Duration::ZERO)).collect();
        assert_ne!(a, b);
    }

    #[test]
    fn retries_count_the_attempts_after_the_first() {
        assert!(waits(&mut Retry::attempts(0), None).is_empty());
        let mut retry = Retry::attempts(2);
        assert_eq!(retry.most(), Some(3));
        assert_eq!(retry.attempt(), 1);
        assert_eq!(waits(&mut retry, None).len(), 2);
        assert_eq!(retry.attempt(), 3);
        assert_eq!(
            retry.next(None, Duration::ZERO),
            Next::GiveUp(GiveUp::Exhausted)
        );
    }

    #[test]
    fn retry_after_is_waited_for_up_to_the_longest() {
        let mut retry = Retry::attempts(3);
        assert_eq!(
            retry.next(Some(Duration::from_secs(7)), Duration::ZERO),
            Next::Wait(Duration::from_secs(7))
        );
        assert_eq!(
            retry.next(Some(MAX_RETRY_AFTER), Duration::ZERO),
            Next::Wait(MAX_RETRY_AFTER)
        );
        let longer = MAX_RETRY_AFTER + Duration::from_secs(1);
        assert_eq!(
            retry.next(Some(longer), Duration::ZERO),
            Next::GiveUp(GiveUp::AskedTooLong(longer))
        );
    }

    #[test]
    fn a_too_long_retry_after_is_told_even_on_the_last_attempt() {
        let mut retry = Retry::attempts(0);
        let longer = Duration::from_secs(60);
        assert_eq!(
            retry.next(Some(longer), Duration::ZERO),
            Next::GiveUp(GiveUp::AskedTooLong(longer))
        );
    }

    #[test]
    fn a_window_ends_every_wait_and_then_gives_up() {
        let window = Duration::from_secs(600);
        let mut retry = Retry::seeded(Budget::Window(window), 3);
        assert_eq!(retry.most(), None);
        assert_eq!(
            retry.next(Some(Duration::from_secs(3600)), Duration::from_secs(590)),
            Next::Wait(Duration::from_secs(10))
        );
        assert_eq!(
            retry.next(None, Duration::from_millis(599_900)),
            Next::Wait(Duration::from_millis(100))
        );
        assert_eq!(retry.next(None, window), Next::GiveUp(GiveUp::Exhausted));
        for _ in 0..100 {
            assert!(
                matches!(retry.next(None, Duration::ZERO), Next::Wait(w) if w <= Duration::from_secs(10))
            );
        }
    }

    #[test]
    fn which_statuses_each_policy_retries() {
        for (status, safe, sending) in [
            (429, true, true),
            (500, true, false),
            (503, true, false),
            (400, false, false),
            (200, false, false),
        ] {
            assert_eq!(RetryPolicy::Safe.retries_status(status), safe, "{status}");
            assert_eq!(
                RetryPolicy::NotAfterSending.retries_status(status),
                sending,
                "{status}"
            );
            assert!(!RetryPolicy::ConnectFailuresOnly.retries_status(status));
        }
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        assert_eq!(parse_retry_after("7"), Some(Duration::from_secs(7)));
        assert_eq!(parse_retry_after(" 0 "), Some(Duration::ZERO));
        let future = SystemTime::now() + Duration::from_secs(3600);
        let parsed = parse_retry_after(&httpdate::fmt_http_date(future)).unwrap();
        assert!(parsed > Duration::from_secs(3590) && parsed <= Duration::from_secs(3600));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }
}
