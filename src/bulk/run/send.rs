//! Sending: confirm, start the journal, pass two with the workers, then the
//! counts and the exit the outcome earns.

use super::{Access, Run, verdict};
use crate::bulk::batcher;
use crate::bulk::ending::Ending;
use crate::bulk::progress::Progress;
use crate::bulk::sender::Sender;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::confirm;
use crate::platform::signals::{self, Interrupt};
use crate::report::warn;
use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::Ordering;
use std::sync::mpsc::sync_channel;

impl Run<'_> {
    /// Sends every pending row (after `reconcile`), journalled.
    pub fn send(mut self) -> Result<(), Failure> {
        let to_send = self.summarize();
        let Access::Live {
            transport,
            mut journal,
        } = std::mem::replace(&mut self.access, Access::Offline)
        else {
            return Err(Failure::new(
                ExitCode::Usage,
                "this run only reads the journal, so it sends nothing",
            ));
        };
        let key = self.take_key()?;
        if to_send.messages > 0 && !self.options.yes {
            self.confirm(to_send.messages, to_send.parts)?;
        }
        // Only now, once the user has confirmed: a declined run leaves no
        // header that would tie the next run to its file and options.
        if self.header.is_none() {
            journal.start(self.new_header())?;
        }
        signals::catch_interrupts();
        let parallel = self.options.parallel;
        let progress = Progress::new(to_send.messages);
        let sender = Sender::new(
            &transport,
            &key,
            &journal,
            &self.ledger,
            parallel,
            self.options.rate,
            &progress,
        );
        let (jobs_tx, jobs_rx) = sync_channel(parallel as usize);
        let jobs_rx = Mutex::new(jobs_rx);
        let (done_tx, done_rx) = sync_channel::<()>(1);
        let batch_options = self.batch_options();
        let produced = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..parallel)
                .map(|_| {
                    scope.spawn(|| {
                        // Signals go to this thread, which polls for them.
                        signals::block_interrupts_in_this_thread();
                        sender.work(&jobs_rx)
                    })
                })
                .collect();
            scope.spawn(|| {
                signals::block_interrupts_in_this_thread();
                progress.print_until(done_rx)
            });
            let produced = batcher::batches(
                &self.input(),
                &self.ledger,
                &self.survey,
                &batch_options,
                || journal.new_request_id(),
                |job| !sender.stopping() && jobs_tx.send(job).is_ok(),
            );
            drop(jobs_tx);
            for worker in workers {
                let _ = worker.join();
            }
            let _ = done_tx.send(());
            produced
        });
        progress.finish();
        // A pass that stopped (the file changed, or could not be read)
        // still ends with the counts of what was sent; its failure is the
        // exit.
        let stopped = produced.err();
        let rate_limited = sender.tally.rate_limited.load(Ordering::Relaxed);
        if rate_limited > 0 {
            let slowest = sender.limiter.slowest().unwrap_or(0.0);
            warn(&format!(
                "rate limited {rate_limited} times (HTTP 429); requests were slowed to as few as {slowest:.1} a second ({parallel} in flight)",
            ));
        }
        let fatal = sender.take_fatal();
        drop(sender);
        let ending = self.ending(&progress, to_send.messages, to_send.parts);
        self.finish(stopped, fatal, ending)
    }

    /// `Send N messages (P parts)? [y/N]`; without a terminal, exit 64.
    fn confirm(&self, messages: u64, parts: u64) -> Result<(), Failure> {
        confirm::need_yes_or_terminal(
            &self.interactivity,
            "confirm sending with --yes ({reason})",
            "nothing was sent; add --yes to send without a prompt",
        )?;
        confirm::ask(
            &format!("Send {messages} messages ({parts} parts)? [y/N] "),
            || confirm::cancelled("nothing was sent"),
        )
    }

    /// The closing lines for a person at a terminal; none without one.
    fn ending(&self, progress: &Progress, messages: u64, parts: u64) -> Option<String> {
        if !std::io::stderr().is_terminal() {
            return None;
        }
        let (rows, accepted, elapsed) = progress.ended();
        let ending = Ending {
            elapsed,
            rows,
            accepted,
            planned_messages: messages,
            planned_parts: parts,
            campaigns: self.ledger().campaigns(),
            file: &self.options.file,
            journal: self.options.journal.as_deref(),
        };
        Some(ending.text())
    }

    /// The counts, then the exit: how the file changed, what stopped the
    /// run, a signal, or the verdict on the counts.
    fn finish(
        &mut self,
        stopped: Option<Failure>,
        fatal: Option<Failure>,
        ending: Option<String>,
    ) -> Result<(), Failure> {
        let (counts, changed) = self.count()?;
        if let Some(ending) = ending {
            crate::report::write_raw(ending.as_bytes());
        }
        if let Some(failure) = stopped.or(changed) {
            return Err(failure);
        }
        if let Some(failure) = fatal {
            if counts.unknown == 0 {
                return Err(failure);
            }
            // Unknown outcomes left: 75 (verdict), whatever stopped the run.
            warn(&format!("the run stopped: {failure}"));
        }
        if let Some(interrupt) = signals::interrupt_received() {
            warn(&format!(
                "stopped: {} rows not sent yet; run the same command again to resume",
                counts.pending
            ));
            return Err(match interrupt {
                Interrupt::Int => Failure::interrupted(),
                Interrupt::Term => Failure::terminated(),
            });
        }
        verdict(&counts, self.options.skip_invalid, true)
    }
}
