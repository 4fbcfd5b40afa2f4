//! The fault switches: a fixed status, a per-second rate limit, injected
//! 500s, accepted requests whose response is never sent, and a recipient
//! refused with a 400. Set by flags at start, replaced as a whole by
//! `POST /_mock/faults` (see main.rs).

use serde::Deserialize;
use std::sync::Mutex;

use crate::state::lock;

/// The switches, all off by default. The JSON of `POST /_mock/faults`.
#[derive(Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Switches {
    /// Every send request answers this status (an error body), storing nothing.
    pub status: Option<u16>,
    /// Send requests beyond this many in a clock second get 429.
    pub rate_limit: Option<u32>,
    /// The fraction of send requests answered 500, storing nothing.
    pub fail_rate: f64,
    /// The fraction of send requests stored, then left without an answer.
    pub drop_after_read: f64,
    /// A send request naming this recipient is refused with a 400.
    pub reject_recipient: Option<String>,
    /// `POST /_mock/faults` only: the new `--latency`, in ms (no jitter).
    pub latency_ms: Option<u64>,
}

impl Switches {
    /// Why these switches cannot be used, if they cannot.
    pub fn check(&self) -> Result<(), String> {
        let fraction = |p: f64| (0.0..=1.0).contains(&p);
        if !fraction(self.fail_rate) || !fraction(self.drop_after_read) {
            return Err("failRate and dropAfterRead are fractions from 0 to 1".to_string());
        }
        if self.rate_limit == Some(0) {
            return Err("rateLimit is at least 1".to_string());
        }
        if self
            .status
            .is_some_and(|status| !(100..=599).contains(&status))
        {
            return Err("status is an HTTP status, 100 to 599".to_string());
        }
        if self.latency_ms.is_some_and(|ms| ms > 600_000) {
            return Err("latencyMs is at most 600000".to_string());
        }
        Ok(())
    }
}

pub struct Faults {
    switches: Mutex<Switches>,
    rng: Mutex<XorShift>,
    /// The current clock second, and the send requests seen in it.
    window: Mutex<(i64, u32)>,
}

pub enum Verdict {
    /// `status`: answer this status.
    Status(u16),
    RateLimited,
    Fail,
    /// `reject_recipient`, named in the request: a 400 naming it.
    Reject(String),
    /// Go on; `withhold` asks to drop the connection after storing.
    Proceed {
        withhold: bool,
    },
}

impl Faults {
    pub fn new(switches: Switches, seed: u64) -> Faults {
        Faults {
            switches: Mutex::new(switches),
            rng: Mutex::new(XorShift::new(seed)),
            window: Mutex::new((0, 0)),
        }
    }

    /// Replaces every switch (the rate window and the rolls go on).
    pub fn set(&self, switches: Switches) {
        *lock(&self.switches) = switches;
    }

    /// Whether a recipient is to be refused (then `judge` needs them).
    pub fn rejects_a_recipient(&self) -> bool {
        lock(&self.switches).reject_recipient.is_some()
    }

    /// What happens to a send request arriving at `now_ms` for `recipients`.
    pub fn judge(&self, now_ms: i64, recipients: &[&str]) -> Verdict {
        let switches = lock(&self.switches).clone();
        if let Some(status) = switches.status {
            return Verdict::Status(status);
        }
        if let Some(limit) = switches.rate_limit {
            let mut window = lock(&self.window);
            let second = now_ms.div_euclid(1000);
            if window.0 != second {
                *window = (second, 0);
            }
            window.1 += 1;
            if window.1 > limit {
                return Verdict::RateLimited;
            }
        }
        // Two rolls per request whatever the rates, so a seed replays the same faults.
        let (fail, withhold) = {
            let mut rng = lock(&self.rng);
            (rng.next_fraction(), rng.next_fraction())
        };
        if fail < switches.fail_rate {
            return Verdict::Fail;
        }
        if let Some(bad) = switches.reject_recipient
            && recipients.contains(&bad.as_str())
        {
            return Verdict::Reject(bad);
        }
        Verdict::Proceed {
            withhold: withhold < switches.drop_after_read,
        }
    }
}

/// xorshift64*: small, fast, and enough for fault rolls.
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> XorShift {
        // Zero is xorshift's fixed point; scramble the seed so 0, 1, 2 differ well.
        let mut state = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        state = (state ^ (state >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        state = (state ^ (state >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        XorShift((state ^ (state >> 31)).max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in [0, 1).
    fn next_fraction(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcomes(faults: &Faults, n: usize) -> Vec<u8> {
        (0..n)
            .map(|_| match faults.judge(0, &["447930000001"]) {
                Verdict::RateLimited => 0,
                Verdict::Fail => 1,
                Verdict::Proceed { withhold: true } => 2,
                Verdict::Proceed { withhold: false } => 3,
                Verdict::Status(_) => 4,
                Verdict::Reject(_) => 5,
            })
            .collect()
    }

    impl Faults {
        fn new_for_test(fail: f64, drop: f64, limit: Option<u32>, seed: u64) -> Faults {
            let switches = Switches {
                fail_rate: fail,
                drop_after_read: drop,
                rate_limit: limit,
                ..Switches::default()
            };
            Faults::new(switches, seed)
        }
    }

    #[test]
    fn status_comes_first_and_a_rejected_recipient_is_named() {
        let status = Switches {
            status: Some(402),
            rate_limit: Some(1),
            ..Switches::default()
        };
        assert!(outcomes(&Faults::new(status, 1), 5).iter().all(|&o| o == 4));
        let reject = Switches {
            reject_recipient: Some("447930000001".into()),
            ..Switches::default()
        };
        let faults = Faults::new(reject, 1);
        assert!(
            matches!(faults.judge(0, &["447930000001"]), Verdict::Reject(r) if r == "447930000001")
        );
        assert!(matches!(
            faults.judge(0, &["447930000002"]),
            Verdict::Proceed { withhold: false }
        ));
        faults.set(Switches::default());
        assert!(matches!(
            faults.judge(0, &["447930000001"]),
            Verdict::Proceed { withhold: false }
        ));
    }

    #[test]
    fn rates_and_seeds() {
        let a = outcomes(&Faults::new_for_test(0.3, 0.2, None, 5), 10_000);
        assert_eq!(
            a,
            outcomes(&Faults::new_for_test(0.3, 0.2, None, 5), 10_000)
        );
        assert_ne!(
            a,
            outcomes(&Faults::new_for_test(0.3, 0.2, None, 6), 10_000)
        );
        let fails = a.iter().filter(|&&o| o == 1).count();
        assert!((2_700..3_300).contains(&fails), "{fails}");
        assert!(
            outcomes(&Faults::new_for_test(0.0, 0.0, None, 1), 1000)
                .iter()
                .all(|&o| o == 3)
        );
        assert!(
            outcomes(&Faults::new_for_test(1.0, 0.0, None, 1), 1000)
                .iter()
                .all(|&o| o == 1)
        );
        let limited = outcomes(&Faults::new_for_test(0.0, 0.0, Some(10), 1), 15);
        assert_eq!(limited.iter().filter(|&&o| o == 0).count(), 5);
    }
}
