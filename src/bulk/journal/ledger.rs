//! The ledger: every row's state as the journal tells it, replayed on
//! open and kept current by `Journal::record`.

use super::record::{End, Ranges, Record};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// What the journal says of a row. Rows it says nothing of are pending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    Accepted(Arc<str>),
    Rejected(Arc<str>),
    /// In flight or unknown: request `id` carried it.
    Unknown(u64),
    /// Its request was partly found in the message log, and it was not.
    Missing,
}

/// Row states as intervals, replayed from the journal and kept current by
/// the run: one entry per request, not per row.
#[derive(Default, Debug)]
pub struct Ledger {
    spans: BTreeMap<u64, (u64, State)>,
    /// Start times of requests whose rows are (or may be) unknown.
    started: HashMap<u64, i64>,
    /// Rows of each begun request, until it ends.
    carried: HashMap<u64, Ranges>,
    /// When each row's latest request started (`--status`): one entry per
    /// request, by its first row.
    sent: BTreeMap<u64, (u64, i64)>,
    pub next_id: u64,
}

impl Ledger {
    /// How many distinct campaigns accepted rows belong to.
    pub fn campaigns(&self) -> usize {
        let mut seen: Vec<&str> = self
            .spans
            .values()
            .filter_map(|(_, state)| match state {
                State::Accepted(campaign) if !campaign.is_empty() => Some(&**campaign),
                _ => None,
            })
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }

    pub fn state(&self, row: u64) -> Option<&State> {
        let (_, (end, state)) = self.spans.range(..=row).next_back()?;
        (row <= *end).then_some(state)
    }

    fn split(&mut self, at: u64) {
        let Some((&start, (end, state))) = self.spans.range(..at).next_back() else {
            return;
        };
        if *end >= at {
            let tail = (*end, state.clone());
            self.spans.insert(start, (at - 1, tail.1.clone()));
            self.spans.insert(at, tail);
        }
    }

    fn set(&mut self, [first, last]: [u64; 2], state: Option<State>) {
        // Replayed records are checked first; a reversed range is no rows.
        if first > last {
            return;
        }
        self.split(first);
        self.split(last.saturating_add(1));
        let inside: Vec<u64> = self.spans.range(first..=last).map(|(k, _)| *k).collect();
        for key in inside {
            self.spans.remove(&key);
        }
        if let Some(state) = state {
            // Join the span before when it says the same: accepted rows of
            // one campaign stay one entry.
            if let Some((&start, (end, before))) = self.spans.range(..first).next_back()
                && end.saturating_add(1) == first
                && *before == state
            {
                self.spans.insert(start, (last, state));
                return;
            }
            self.spans.insert(first, (last, state));
        }
    }

    /// Applies one record, as the journal was read or as it is written.
    pub fn apply(&mut self, record: &Record) {
        match record {
            Record::Header(_) => {}
            Record::Begin { id, at, rows } => {
                self.next_id = self.next_id.max(id.saturating_add(1));
                self.started.insert(*id, *at);
                for range in rows {
                    self.set(*range, Some(State::Unknown(*id)));
                    self.sent.insert(range[0], (range[1], *at));
                }
                self.carried.insert(*id, rows.clone());
            }
            Record::End {
                id,
                state,
                campaign,
                reason,
            } => {
                let rows = match state {
                    End::Unknown => return,
                    _ => self.carried.remove(id).unwrap_or_default(),
                };
                self.started.remove(id);
                let new = match state {
                    End::Accepted => {
                        Some(State::Accepted(campaign.as_deref().unwrap_or("").into()))
                    }
                    End::Rejected => Some(State::Rejected(reason.as_deref().unwrap_or("").into())),
                    End::Unsent | End::Unknown => None,
                };
                for range in rows {
                    self.set_where(range, *id, new.clone());
                }
            }
            Record::Found { id, rows, complete } => {
                let accepted = State::Accepted("".into());
                for range in rows {
                    self.set_where(*range, *id, Some(accepted.clone()));
                }
                let carried = self.carried.remove(id).unwrap_or_default();
                if !complete {
                    for range in carried {
                        self.set_where(range, *id, Some(State::Missing));
                    }
                }
                self.started.remove(id);
            }
        }
    }

    /// Sets the rows of `range` that request `id` still holds as unknown:
    /// a later request may have taken some of them over.
    fn set_where(&mut self, [first, last]: [u64; 2], id: u64, state: Option<State>) {
        let held: Vec<[u64; 2]> = self
            .spans
            .range(..=last)
            .rev()
            .take_while(|(_, (end, _))| *end >= first)
            .filter(|(_, (_, s))| *s == State::Unknown(id))
            .map(|(start, (end, _))| [(*start).max(first), (*end).min(last)])
            .collect();
        for range in held {
            self.set(range, state.clone());
        }
    }

    /// When the latest request that carried `row` started (Unix ms).
    pub fn sent_at(&self, row: u64) -> Option<i64> {
        let (_, (end, at)) = self.sent.range(..=row).next_back()?;
        (row <= *end).then_some(*at)
    }

    /// The start of the first and of the last request (Unix ms).
    pub fn sent_span(&self) -> Option<(i64, i64)> {
        let first = self.sent.values().map(|(_, at)| *at).min()?;
        let last = self.sent.values().map(|(_, at)| *at).max()?;
        Some((first, last))
    }

    /// Requests whose outcome is unknown, with their start times.
    pub fn unknown_requests(&self) -> Vec<(u64, i64)> {
        let mut ids: Vec<(u64, i64)> = self
            .spans
            .values()
            .filter_map(|(_, s)| match s {
                State::Unknown(id) => Some(*id),
                _ => None,
            })
            .map(|id| (id, self.started.get(&id).copied().unwrap_or(0)))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}
