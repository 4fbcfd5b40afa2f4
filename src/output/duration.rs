//! Durations as the program prints them, in one place: as the flags take
//! them (`90s`, `2m`, so a message can be pasted back into `--wait`) and as
//! people say them (`45 s`, `3 min`).

use std::time::Duration;

/// A duration as the flags take it (STYLE's grammar): `90s`, `2m`.
pub fn flag(duration: Duration) -> String {
    let seconds = duration.as_secs();
    if seconds.is_multiple_of(60) && seconds > 0 {
        format!("{}m", seconds / 60)
    } else {
        format!("{seconds}s")
    }
}

/// A duration as people say it: `45 s`, `3 min`.
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
    fn durations_read_back_as_flags() {
        assert_eq!(flag(Duration::from_secs(2)), "2s");
        assert_eq!(flag(Duration::from_secs(0)), "0s");
        assert_eq!(flag(Duration::from_secs(120)), "2m");
        assert_eq!(flag(Duration::from_secs(90)), "90s");
    }

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(human(Duration::from_secs(45)), "45 s");
        assert_eq!(human(Duration::from_secs(150)), "3 min");
    }
}
