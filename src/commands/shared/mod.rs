//! Helpers more than one command uses: the listing loop. The y/N
//! confirmation (`input::confirm`), the dry-run rendering (`output::dry_run`),
//! made-up ids (`ids`) and durations (`output::duration`) live below
//! `commands/`, so that `bulk/` uses the same ones.

pub mod listing;
