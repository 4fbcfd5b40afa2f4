//! Bulk's copies of helpers that have twins elsewhere in the house: the
//! y/N confirmation, the dry-run rendering of a request, the run id
//! generator and the duration formatter. Kept here, one place each, so they
//! can be routed to the shared ones in one move.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::prompt::{self, Interactivity};
use std::hash::{BuildHasher, RandomState};
use std::time::Duration;

/// Asks `Send N messages (P parts)? [y/N]`; no terminal is exit 64.
pub fn confirm(interactivity: &Interactivity, messages: u64, parts: u64) -> Result<(), Failure> {
    if !interactivity.is_interactive() {
        return Err(Failure::new(
            ExitCode::Usage,
            format!("confirm sending with --yes ({})", interactivity.reason()),
        )
        .with_hint("nothing was sent; add --yes to send without a prompt"));
    }
    let answer =
        prompt::prompt_visible(&format!("Send {messages} messages ({parts} parts)? [y/N] "))?;
    match answer.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Ok(()),
        _ => Err(Failure::new(ExitCode::Usage, "cancelled: nothing was sent")),
    }
}

/// The request a dry run shows: the key as `***`.
pub fn render_request(url: &str, body: &[u8]) -> Vec<u8> {
    let mut out =
        format!("POST {url}\nAuthorization: Bearer ***\nContent-Type: application/json\n\n")
            .into_bytes();
    out.extend_from_slice(body);
    out.push(b'\n');
    out
}

/// Eight hex digits, different for every journal.
pub fn new_run_id() -> String {
    let seed = RandomState::new().hash_one((crate::bulk::clock::now_ms(), std::process::id()));
    format!("{:08x}", seed as u32)
}

/// `45 s`, `3 min`.
pub fn human(duration: Duration) -> String {
    let secs = duration.as_secs();
    if secs < 120 {
        format!("{secs} s")
    } else {
        format!("{} min", secs.div_ceil(60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(human(Duration::from_secs(45)), "45 s");
        assert_eq!(human(Duration::from_secs(150)), "3 min");
    }

    #[test]
    fn run_ids_are_eight_hex_digits() {
        let id = new_run_id();
        assert_eq!(id.len(), 8);
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    }
}
