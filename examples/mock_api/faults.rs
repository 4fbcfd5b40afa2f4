//! The fault switches: a per-second rate limit, injected 500s, and accepted
//! requests whose response is never sent.

use std::sync::Mutex;

use crate::state::lock;

pub struct Faults {
    fail_rate: f64,
    drop_rate: f64,
    rate_limit: Option<u32>,
    rng: Mutex<XorShift>,
    /// The current clock second, and the send requests seen in it.
    window: Mutex<(i64, u32)>,
}

pub enum Verdict {
    RateLimited,
    Fail,
    /// Go on; `withhold` asks to drop the connection after storing.
    Proceed {
        withhold: bool,
    },
}

impl Faults {
    pub fn new(fail_rate: f64, drop_rate: f64, rate_limit: Option<u32>, seed: u64) -> Faults {
        Faults {
            fail_rate,
            drop_rate,
            rate_limit,
            rng: Mutex::new(XorShift::new(seed)),
            window: Mutex::new((0, 0)),
        }
    }

    /// What happens to a send request arriving at `now_ms`.
    pub fn judge(&self, now_ms: i64) -> Verdict {
        if let Some(limit) = self.rate_limit {
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
        if fail < self.fail_rate {
            Verdict::Fail
        } else {
            Verdict::Proceed {
                withhold: withhold < self.drop_rate,
            }
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
            .map(|_| match faults.judge(0) {
                Verdict::RateLimited => 0,
                Verdict::Fail => 1,
                Verdict::Proceed { withhold: true } => 2,
                Verdict::Proceed { withhold: false } => 3,
            })
            .collect()
    }

    #[test]
    fn rates_and_seeds() {
        let a = outcomes(&Faults::new(0.3, 0.2, None, 5), 10_000);
        assert_eq!(a, outcomes(&Faults::new(0.3, 0.2, None, 5), 10_000));
        assert_ne!(a, outcomes(&Faults::new(0.3, 0.2, None, 6), 10_000));
        let fails = a.iter().filter(|&&o| o == 1).count();
        assert!((2_700..3_300).contains(&fails), "{fails}");
        assert!(
            outcomes(&Faults::new(0.0, 0.0, None, 1), 1000)
                .iter()
                .all(|&o| o == 3)
        );
        assert!(
            outcomes(&Faults::new(1.0, 0.0, None, 1), 1000)
                .iter()
                .all(|&o| o == 1)
        );
        let limited = outcomes(&Faults::new(0.0, 0.0, Some(10), 1), 15);
        assert_eq!(limited.iter().filter(|&&o| o == 0).count(), 5);
    }
}
