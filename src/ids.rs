//! Made-up ids: different for every run, never secret.

use std::hash::{BuildHasher, RandomState};

/// 32 bits that differ from run to run (the process's random hasher keys,
/// the time and the process id).
pub fn random_u32() -> u32 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    RandomState::new().hash_one((now, std::process::id())) as u32
}

/// Eight hex digits.
pub fn random_hex8() -> String {
    format!("{:08x}", random_u32())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_hex_digits_that_differ() {
        let one = random_hex8();
        assert_eq!(one.len(), 8);
        assert!(one.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(random_hex8(), random_hex8());
    }
}
