//! Helpers more than one command uses: the y/N confirmation, the dry-run
//! rendering of a request, the listing loop, made-up ids and durations as
//! flags take them.

pub mod confirm;
pub mod dry_run;
pub mod ids;
pub mod listing;

use std::time::Duration;

/// A duration as the flags take it (STYLE's grammar): `90s`, `2m`, so that
/// a message can be pasted back into `--wait`.
pub fn flag_duration(duration: Duration) -> String {
    let seconds = duration.as_secs();
    if seconds.is_multiple_of(60) && seconds > 0 {
        format!("{}m", seconds / 60)
    } else {
        format!("{seconds}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_back_as_flags() {
        assert_eq!(flag_duration(Duration::from_secs(2)), "2s");
        assert_eq!(flag_duration(Duration::from_secs(0)), "0s");
        assert_eq!(flag_duration(Duration::from_secs(120)), "2m");
        assert_eq!(flag_duration(Duration::from_secs(90)), "90s");
    }
}
