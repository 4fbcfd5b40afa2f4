//! The CLI tests: one test binary (`cargo test --test cli`), one module per
//! command or concern, one set of helpers in `common/`. Run one module with
//! `cargo test --test cli getkey::` (a filter on the test path).
//!
//! `tests/keyring.rs` stays apart: it needs a real OS keyring and runs on its
//! own in `.ci/run` (`cargo test --test keyring -- --ignored`).

mod common;

mod attack_delivery;
mod attack_files;
mod attack_listener;
mod attack_lists;
mod attack_review;
mod attack_sent;
mod base_url;
mod bulk;
mod bulk_status;
#[cfg(unix)]
mod changed_rows;
mod commands;
mod createkey;
mod credentials;
mod docs;
mod first_contact;
mod getkey;
mod help_pages;
mod journal_commit;
mod lists_perf;
mod login;
mod logs;
mod messages;
mod mock_switches;
mod optouts;
mod output;
mod send;
mod snapshots;
mod startup;
mod terminal;
mod tls_roots;
mod transport;
mod webhooks;
