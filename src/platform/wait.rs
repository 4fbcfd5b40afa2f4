//! Waiting that Ctrl-C, SIGTERM and a deadline cut short, within `TICK`:
//! a sleep, and work in flight (a poll of the API) run on a thread of its
//! own, so that a request that does not answer never holds the command.
//! Same on every platform: it reads only `signals`.

use super::signals::{self, Interrupt};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// How often a wait looks at the Ctrl-C flag.
pub const TICK: Duration = Duration::from_millis(100);

/// Why a wait ended early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// Ctrl-C or SIGTERM (after `signals::catch_interrupts`).
    Signal(Interrupt),
    /// The deadline passed.
    Deadline,
}

fn check(deadline: Option<Instant>) -> Result<(), Cut> {
    if let Some(signal) = signals::interrupt_received() {
        return Err(Cut::Signal(signal));
    }
    if signals::interrupted() {
        return Err(Cut::Signal(Interrupt::Int));
    }
    match deadline {
        Some(deadline) if Instant::now() >= deadline => Err(Cut::Deadline),
        _ => Ok(()),
    }
}

/// Sleeps until `wake`, unless a signal comes first.
pub fn sleep_until(wake: Instant) -> Result<(), Cut> {
    sleep_unless(wake, &|| false).map_err(|cut| cut.unwrap_or(Cut::Signal(Interrupt::Int)))
}

/// The one interruptible sleep: until `wake`, unless a signal comes first
/// (`Err(Some(cut))`) or `stop` says so (`Err(None)`), within a `TICK`.
pub fn sleep_unless(wake: Instant, stop: &dyn Fn() -> bool) -> Result<(), Option<Cut>> {
    loop {
        check(None).map_err(Some)?;
        if stop() {
            return Err(None);
        }
        let left = wake.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(());
        }
        std::thread::sleep(TICK.min(left));
    }
}

/// Runs `work` on a thread of its own that signals never interrupt; what it
/// sends comes out of the receiver. A worker still busy when its receiver is
/// dropped is abandoned (its sends fail; the process may end under it), so
/// give it only work that is safe to abandon, such as a read.
pub fn in_background<T: Send + 'static>(
    work: impl FnOnce(&Sender<T>) + Send + 'static,
) -> Receiver<T> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        signals::block_interrupts_in_this_thread();
        work(&sender);
    });
    receiver
}

/// The next thing the worker sends, or `None` once it has ended; cut short
/// by a signal or the deadline.
pub fn receive<T>(receiver: &Receiver<T>, deadline: Instant) -> Result<Option<T>, Cut> {
    loop {
        check(Some(deadline))?;
        let left = deadline.saturating_duration_since(Instant::now());
        match receiver.recv_timeout(TICK.min(left)) {
            Ok(item) => return Ok(Some(item)),
            Err(RecvTimeoutError::Disconnected) => return Ok(None),
            Err(RecvTimeoutError::Timeout) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_that_hangs_is_left_at_the_deadline() {
        let receiver = in_background(|sender: &Sender<u8>| {
            let _ = sender.send(1);
            std::thread::sleep(Duration::from_secs(30));
        });
        let deadline = Instant::now() + Duration::from_millis(300);
        assert_eq!(receive(&receiver, deadline), Ok(Some(1)));
        let started = Instant::now();
        assert_eq!(receive(&receiver, deadline), Err(Cut::Deadline));
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn a_sleep_wakes_on_time_or_when_told_to_stop() {
        let started = Instant::now();
        assert_eq!(sleep_until(started + Duration::from_millis(50)), Ok(()));
        assert!(started.elapsed() >= Duration::from_millis(50));
        let started = Instant::now();
        let far = started + Duration::from_secs(30);
        assert_eq!(sleep_unless(far, &|| true), Err(None));
        let later = started + Duration::from_millis(150);
        assert_eq!(sleep_unless(far, &|| Instant::now() >= later), Err(None));
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn a_finished_worker_ends_the_stream() {
        let receiver = in_background(|sender: &Sender<u8>| {
            let _ = sender.send(7);
        });
        let deadline = Instant::now() + Duration::from_secs(5);
        assert_eq!(receive(&receiver, deadline), Ok(Some(7)));
        assert_eq!(receive(&receiver, deadline), Ok(None));
    }
}
