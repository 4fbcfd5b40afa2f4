//! Property tests of the journal: the ledger against a model that keeps one
//! state per row, and a journal torn at every byte offset.

use super::journal::{End, Header, Journal, Ledger, Record, State, VERSION};
use proptest::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// Rows 1 to `ROWS`; the model also looks at row 0 and `ROWS + 1`.
const ROWS: u64 = 24;

/// The ledger's meaning, one row at a time: no intervals to split or join.
#[derive(Default)]
struct Model {
    rows: HashMap<u64, State>,
    carried: HashMap<u64, Vec<[u64; 2]>>,
    next_id: u64,
}

impl Model {
    fn held_by(&self, row: u64, id: u64) -> bool {
        self.rows.get(&row) == Some(&State::Unknown(id))
    }

    /// Sets each row of `ranges` still unknown under `id`.
    fn settle(&mut self, ranges: &[[u64; 2]], id: u64, state: Option<State>) {
        for &[first, last] in ranges {
            for row in first..=last {
                if self.held_by(row, id) {
                    match &state {
                        Some(state) => self.rows.insert(row, state.clone()),
                        None => self.rows.remove(&row),
                    };
                }
            }
        }
    }

    fn apply(&mut self, record: &Record) {
        match record {
            Record::Header(_) => {}
            Record::Begin { id, rows, .. } => {
                self.next_id = self.next_id.max(id + 1);
                for &[first, last] in rows {
                    for row in first..=last {
                        self.rows.insert(row, State::Unknown(*id));
                    }
                }
                self.carried.insert(*id, rows.clone());
            }
            Record::End {
                state: End::Unknown,
                ..
            } => {}
            Record::End { id, state, .. } => {
                let new = match (state, record) {
                    (End::Accepted, Record::End { campaign, .. }) => Some(State::Accepted(
                        Arc::from(campaign.as_deref().unwrap_or("")),
                    )),
                    (End::Rejected, Record::End { reason, .. }) => {
                        Some(State::Rejected(Arc::from(reason.as_deref().unwrap_or(""))))
                    }
                    _ => None,
                };
                let rows = self.carried.remove(id).unwrap_or_default();
                self.settle(&rows, *id, new);
            }
            Record::Found { id, rows, complete } => {
                self.settle(rows, *id, Some(State::Accepted(Arc::from(""))));
                let carried = self.carried.remove(id).unwrap_or_default();
                if !complete {
                    self.settle(&carried, *id, Some(State::Missing));
                }
            }
        }
    }

    fn agrees_with(&self, ledger: &Ledger) -> Result<(), TestCaseError> {
        for row in 0..=ROWS + 1 {
            prop_assert_eq!(ledger.state(row), self.rows.get(&row), "row {}", row);
        }
        prop_assert_eq!(ledger.next_id, self.next_id);
        Ok(())
    }
}

fn ranges() -> impl Strategy<Value = Vec<[u64; 2]>> {
    prop::collection::vec((1..=ROWS, 0..6u64), 0..4).prop_map(|spans| {
        spans
            .into_iter()
            .map(|(first, length)| [first, (first + length).min(ROWS)])
            .collect()
    })
}

fn record() -> impl Strategy<Value = Record> {
    let id = 1..6u64;
    let text = prop::sample::select(vec!["", "c1", "c2", "no credit", "ünï"]);
    let end = prop::sample::select(vec![
        End::Accepted,
        End::Rejected,
        End::Unknown,
        End::Unsent,
    ]);
    prop_oneof![
        3 => (id.clone(), ranges()).prop_map(|(id, rows)| Record::Begin { id, at: 1_000, rows }),
        3 => (id.clone(), end, prop::option::of(text.clone()), prop::option::of(text)).prop_map(
            |(id, state, campaign, reason)| Record::End {
                id,
                state,
                campaign: campaign.map(str::to_string),
                reason: reason.map(str::to_string),
            }
        ),
        1 => (id, ranges(), any::<bool>()).prop_map(|(id, rows, complete)| Record::Found {
            id,
            rows,
            complete
        }),
    ]
}

fn header() -> Header {
    Header {
        v: VERSION,
        file: "0123456789abcdef".to_string(),
        size: 10,
        options: "fedcba9876543210".to_string(),
        run: "run1".to_string(),
        created: 1_000,
    }
}

fn model_of(records: &[Record]) -> Model {
    let mut model = Model::default();
    for record in records {
        model.apply(record);
    }
    model
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_ledger_agrees_with_the_row_model(records in prop::collection::vec(record(), 0..24)) {
        let mut ledger = Ledger::default();
        for record in &records {
            ledger.apply(record);
        }
        model_of(&records).agrees_with(&ledger)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// A journal written by the real writer, then cut at every byte offset:
    /// reading it gives exactly the records whose lines are whole, and
    /// opening it truncates the torn line away.
    #[test]
    fn a_journal_torn_at_any_offset_keeps_its_whole_records(
        records in prop::collection::vec(record(), 0..6),
    ) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().join("journal");
        {
            let (mut journal, _) = Journal::open(&path, false)
                .map_err(|e| TestCaseError::fail(e.message().to_string()))?;
            journal.start(header()).map_err(|e| TestCaseError::fail(e.message().to_string()))?;
            for record in &records {
                journal.append(record).map_err(|e| TestCaseError::fail(e.to_string()))?;
            }
        }
        let bytes = std::fs::read(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Where each line ends, its newline included.
        let ends: Vec<usize> = bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .map(|(i, _)| i + 1)
            .collect();
        prop_assert_eq!(ends.len(), records.len() + 1);
        let torn = dir.path().join("torn");
        for cut in 0..=bytes.len() {
            std::fs::write(&torn, &bytes[..cut]).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let whole_lines = ends.iter().filter(|end| **end <= cut).count();
            let peeked = Journal::peek(&torn, false)
                .map_err(|e| TestCaseError::fail(format!("cut at {cut}: {}", e.message())))?;
            let Some((read_header, ledger)) = peeked else {
                return Err(TestCaseError::fail("the journal is there"));
            };
            if whole_lines == 0 {
                prop_assert_eq!(read_header, None, "cut at {}", cut);
            } else {
                prop_assert_eq!(read_header, Some(header()), "cut at {}", cut);
            }
            let kept = whole_lines.saturating_sub(1);
            model_of(&records[..kept]).agrees_with(&ledger)?;

            let (_, opened) = Journal::open(&torn, false)
                .map_err(|e| TestCaseError::fail(format!("cut at {cut}: {}", e.message())))?;
            model_of(&records[..kept]).agrees_with(&opened)?;
            let length = std::fs::metadata(&torn).map_err(|e| TestCaseError::fail(e.to_string()))?.len();
            let whole = if whole_lines == 0 { 0 } else { ends[whole_lines - 1] };
            prop_assert_eq!(length, whole as u64, "cut at {} is repaired", cut);
        }
    }
}
