//! Group commit: records are written at once, and made durable by as few
//! syncs as the threads waiting for them allow. A thread that needs its
//! record durable either finds it already synced, or waits for the sync in
//! progress (then looks again), or syncs itself, once, for everything
//! written so far, and wakes the others that this covered.
//!
//! A failed write or sync breaks the log for good: a write may have left a
//! torn line after which nothing may be appended, and after a failed sync
//! the system may have dropped the unwritten pages and report the next sync
//! as a success. Every later write and sync fails with the first error, so
//! each waiter whose record it covered, and every one after, hears of it.

use std::io;
use std::sync::{Condvar, Mutex, MutexGuard};

/// Where the records go: a file, or a fake in the tests.
pub trait Log {
    fn write_all(&self, bytes: &[u8]) -> io::Result<()>;
    fn sync(&self) -> io::Result<()>;
}

impl Log for std::fs::File {
    fn write_all(&self, bytes: &[u8]) -> io::Result<()> {
        io::Write::write_all(&mut &*self, bytes)
    }

    fn sync(&self) -> io::Result<()> {
        self.sync_data()
    }
}

/// The number of a written record: the records written before it and it.
pub type Seq = u64;

pub struct GroupCommit<L> {
    log: L,
    state: Mutex<State>,
    synced: Condvar,
}

#[derive(Default)]
struct State {
    written: Seq,
    durable: Seq,
    syncing: bool,
    /// The first failure, given again to every later caller.
    broken: Option<io::Error>,
}

impl State {
    fn check(&self) -> io::Result<()> {
        match &self.broken {
            Some(error) => Err(io::Error::new(error.kind(), error.to_string())),
            None => Ok(()),
        }
    }

    fn break_with(&mut self, error: &io::Error) {
        if self.broken.is_none() {
            self.broken = Some(io::Error::new(error.kind(), error.to_string()));
        }
    }
}

impl<L: Log> GroupCommit<L> {
    pub fn new(log: L) -> GroupCommit<L> {
        GroupCommit {
            log,
            state: Mutex::new(State::default()),
            synced: Condvar::new(),
        }
    }

    pub fn log(&self) -> &L {
        &self.log
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Writes `bytes` whole, not yet durable; its number for `sync_through`.
    pub fn write(&self, bytes: &[u8]) -> io::Result<Seq> {
        let mut state = self.lock();
        state.check()?;
        if let Err(error) = self.log.write_all(bytes) {
            state.break_with(&error);
            return Err(error);
        }
        state.written += 1;
        Ok(state.written)
    }

    /// Returns once every record up to `seq` is durable: at once when a
    /// sync already covered it, else after the sync in progress or one of
    /// its own.
    pub fn sync_through(&self, seq: Seq) -> io::Result<()> {
        let mut state = self.lock();
        loop {
            state.check()?;
            if state.durable >= seq {
                return Ok(());
            }
            if state.syncing {
                state = self.synced.wait(state).unwrap_or_else(|p| p.into_inner());
                continue;
            }
            // This thread syncs, for everything written so far; writers go
            // on meanwhile, and the next sync covers them.
            state.syncing = true;
            let through = state.written;
            drop(state);
            let result = self.log.sync();
            state = self.lock();
            state.syncing = false;
            match &result {
                Ok(()) => state.durable = state.durable.max(through),
                Err(error) => state.break_with(error),
            }
            self.synced.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    /// A log that counts its writes and syncs; each sync waits until
    /// `writers` records are written (or a while), so that concurrent
    /// appends pile up behind the first sync, and may fail.
    struct Fake {
        writers: u64,
        fail: bool,
        counts: Mutex<Counts>,
        written: Condvar,
    }

    #[derive(Default)]
    struct Counts {
        writes: u64,
        syncs: u64,
        /// The writes that a finished sync covered.
        durable: u64,
    }

    impl Log for Fake {
        fn write_all(&self, _bytes: &[u8]) -> io::Result<()> {
            self.counts.lock().unwrap().writes += 1;
            self.written.notify_all();
            Ok(())
        }

        fn sync(&self) -> io::Result<()> {
            let mut counts = self.counts.lock().unwrap();
            counts.syncs += 1;
            let covered = counts.writes;
            let deadline = Instant::now() + Duration::from_secs(5);
            while counts.writes < self.writers && Instant::now() < deadline {
                counts = self
                    .written
                    .wait_timeout(counts, Duration::from_millis(50))
                    .unwrap()
                    .0;
            }
            if self.fail {
                return Err(io::Error::other("disk on fire"));
            }
            counts.durable = covered;
            Ok(())
        }
    }

    fn fake(writers: u64, fail: bool) -> Arc<GroupCommit<Fake>> {
        Arc::new(GroupCommit::new(Fake {
            writers,
            fail,
            counts: Mutex::new(Counts::default()),
            written: Condvar::new(),
        }))
    }

    #[test]
    fn concurrent_appends_share_syncs_and_return_only_once_durable() {
        let writers = 8;
        let commit = fake(writers, false);
        let threads: Vec<_> = (0..writers)
            .map(|_| {
                let commit = commit.clone();
                std::thread::spawn(move || {
                    let seq = commit.write(b"record\n").unwrap();
                    commit.sync_through(seq).unwrap();
                    // The sync that released it covered its record.
                    let durable = commit.log().counts.lock().unwrap().durable;
                    assert!(durable >= seq, "record {seq} released at {durable}");
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        let counts = commit.log().counts.lock().unwrap();
        assert_eq!(counts.writes, writers);
        // The first sync covers what was written when it began; one more
        // covers the rest, which waited for it.
        assert!(
            (1..=2).contains(&counts.syncs),
            "{} syncs for {writers} appends",
            counts.syncs
        );
        assert_eq!(counts.durable, writers);
    }

    #[test]
    fn a_record_already_durable_costs_no_sync() {
        let commit = fake(0, false);
        let first = commit.write(b"a\n").unwrap();
        let second = commit.write(b"b\n").unwrap();
        commit.sync_through(second).unwrap();
        commit.sync_through(first).unwrap();
        commit.sync_through(second).unwrap();
        assert_eq!(commit.log().counts.lock().unwrap().syncs, 1);
    }

    #[test]
    fn a_failed_sync_reaches_every_waiter_and_breaks_the_log() {
        let writers = 4;
        let commit = fake(writers, true);
        let threads: Vec<_> = (0..writers)
            .map(|_| {
                let commit = commit.clone();
                std::thread::spawn(move || {
                    let seq = commit.write(b"record\n").unwrap();
                    commit.sync_through(seq).unwrap_err().to_string()
                })
            })
            .collect();
        for thread in threads {
            assert_eq!(thread.join().unwrap(), "disk on fire");
        }
        // Nothing written before is durable now, and nothing more is taken.
        assert_eq!(
            commit.sync_through(1).unwrap_err().to_string(),
            "disk on fire"
        );
        assert_eq!(
            commit.write(b"c\n").unwrap_err().to_string(),
            "disk on fire"
        );
        let counts = commit.log().counts.lock().unwrap();
        assert_eq!((counts.writes, counts.durable), (writers, 0));
        assert!(counts.syncs <= 2, "{} syncs", counts.syncs);
    }
}
