//! Property tests of the page loop (`status::each_page`) against random
//! servers: pages that repeat, shrink, come back empty or never end. Every
//! listing must end, ask for pages in order, and say truly how it ended.
//! And the streamed `/send/batch` body (`send::BatchBody`) against serde's
//! serialization of the same `send::Batch`, byte for byte.

use super::status::{Listed, MAX_PAGES, Page, each_page};
use crate::error::Failure;
use crate::exit::ExitCode;
use proptest::prelude::*;

/// What the server answers once its scripted pages run out.
#[derive(Debug, Clone, Copy)]
enum Tail {
    /// The last page again, whatever `page` asks (a server that ignores it).
    Repeat,
    /// An empty page.
    Empty,
    /// Full pages of new records, for ever.
    Endless,
    /// A failure (a network error, a 5xx).
    Fail,
}

#[derive(Debug, Clone)]
struct Server {
    size: u64,
    /// The records of pages 1, 2, …: ids, which are also their fingerprints.
    pages: Vec<Vec<u64>>,
    tail: Tail,
    /// `take` answers false at this page (a limit reached, a closed pipe).
    stop_at: Option<u64>,
}

impl Server {
    fn page(&self, number: u64) -> Option<Vec<u64>> {
        let index = usize::try_from(number - 1).ok()?;
        if let Some(page) = self.pages.get(index) {
            return Some(page.clone());
        }
        match self.tail {
            Tail::Repeat => Some(self.pages.last().cloned().unwrap_or_default()),
            Tail::Empty => Some(Vec::new()),
            Tail::Endless => Some(
                (0..self.size)
                    .map(|i| 1_000_000 + number * self.size + i)
                    .collect(),
            ),
            Tail::Fail => None,
        }
    }
}

fn server() -> impl Strategy<Value = Server> {
    (1u64..5).prop_flat_map(|size| {
        // Ids from a small range, so that pages often overlap or repeat.
        let page = prop::collection::vec(0u64..12, 0..=(size as usize + 1));
        (
            prop::collection::vec(page, 0..6),
            prop::sample::select(vec![Tail::Repeat, Tail::Empty, Tail::Endless, Tail::Fail]),
            prop::option::weighted(0.3, 1u64..8),
        )
            .prop_map(move |(pages, tail, stop_at)| Server {
                size,
                pages,
                tail,
                stop_at,
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_listing_ends_and_says_how(server in server()) {
        let mut asked: Vec<u64> = Vec::new();
        let mut handed: Vec<Vec<u64>> = Vec::new();
        let mut last_full = false;
        let result = each_page(
            server.size,
            |page, size| {
                assert_eq!(size, server.size, "the page size never changes");
                asked.push(page);
                let records = server
                    .page(page)
                    .ok_or_else(|| Failure::new(ExitCode::Unavailable, "the server failed"))?;
                last_full = records.len() as u64 >= size;
                Ok(Page::of(records.clone(), records))
            },
            |records| {
                handed.push(records);
                Ok(server.stop_at != Some(handed.len() as u64))
            },
        );
        let pages = asked.len() as u64;
        prop_assert!((1..=MAX_PAGES).contains(&pages));
        prop_assert_eq!(&asked, &(1..=pages).collect::<Vec<_>>(), "pages in order");
        // A full page that holds nothing new is never handed on.
        for pair in handed.windows(2) {
            let full = pair[1].len() as u64 >= server.size;
            prop_assert!(!(full && pair[1].iter().all(|id| pair[0].contains(id))), "{:?}", pair);
        }
        let stopped = server.stop_at.is_some_and(|at| at == handed.len() as u64);
        match result {
            Err(_) => prop_assert!(server.page(pages).is_none(), "only a failing page fails"),
            Ok(Listed::Complete) => prop_assert!(stopped || !last_full),
            Ok(Listed::Cut(_)) => {
                // Cut: the server repeated a page (not handed on), or the cap.
                prop_assert!(!stopped && last_full);
                prop_assert!(handed.len() as u64 == pages - 1 || pages == MAX_PAGES);
            }
        }
    }
}

/// Strings that need every kind of JSON escape, or none.
fn json_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 +-]{0,12}",
        proptest::collection::vec(
            prop_oneof![
                Just('"'),
                Just('\\'),
                Just('\n'),
                Just('\u{1}'),
                Just('\u{7f}'),
                Just('é'),
                Just('€'),
                Just('😀'),
                Just('a'),
                Just('/'),
            ],
            0..10,
        )
        .prop_map(|chars| chars.into_iter().collect()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_streamed_batch_body_is_what_serde_writes(
        route in json_text(),
        name in proptest::option::of(json_text()),
        schedule in proptest::option::of(json_text()),
        recipients in proptest::collection::vec(
            (json_text(), json_text(), json_text(), json_text(), proptest::option::of(json_text())),
            0..6,
        ),
        rounds in 1usize..3,
    ) {
        use super::batch_body::BatchBody;
        use super::send::{Batch, BatchRecipient, to_json};
        let batch = Batch {
            route_id: &route,
            name: name.as_deref(),
            schedule_date_time: schedule.as_deref(),
            exclude_optouts: true,
            exclude_duplicates: false,
            shorten_urls: false,
            recipients: recipients
                .iter()
                .map(|(recipient, text, originator, reference, route_id)| BatchRecipient {
                    recipient,
                    text,
                    originator,
                    reference,
                    route_id: route_id.as_deref(),
                })
                .collect(),
        };
        let mut body = BatchBody::new(&batch);
        // The same body object, reused batch after batch.
        for _ in 0..rounds {
            for recipient in &batch.recipients {
                body.push(recipient);
            }
            prop_assert_eq!(body.len(), batch.recipients.len());
            prop_assert_eq!(String::from_utf8(body.take()).unwrap(), String::from_utf8(to_json(&batch)).unwrap());
            prop_assert!(body.is_empty());
        }
    }
}
