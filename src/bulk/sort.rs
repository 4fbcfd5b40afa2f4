//! Sorting the 8-byte keys pass one keeps per row (a million rows, a million
//! keys): a least-significant-digit radix sort, 8 bits a pass, which costs
//! a few instructions a key a pass where a comparison sort costs about
//! log2(n) comparisons a key. Written here because no radix sort is among
//! the dependencies, and the sort needs nothing beyond the standard library.

/// Below this many keys the standard library's sort is as fast.
const RADIX_FROM: usize = 4096;

/// Sorts `keys` ascending. With many keys it takes 8 more bytes a key for
/// a while (the scratch copy).
pub fn sort_keys(keys: &mut Vec<u64>) {
    let n = keys.len();
    if n < RADIX_FROM {
        keys.sort_unstable();
        return;
    }
    let mut counts = [[0usize; 256]; 8];
    for &key in keys.iter() {
        for (digit, count) in counts.iter_mut().enumerate() {
            count[usize::from(byte(key, digit))] += 1;
        }
    }
    let mut from = std::mem::take(keys);
    let mut to = vec![0u64; n];
    for (digit, count) in counts.iter().enumerate() {
        // Every key has the same byte here: this pass would move nothing.
        if count.contains(&n) {
            continue;
        }
        let mut offsets = [0usize; 256];
        let mut sum = 0;
        for (offset, c) in offsets.iter_mut().zip(count) {
            *offset = sum;
            sum += c;
        }
        for &key in &from {
            let slot = &mut offsets[usize::from(byte(key, digit))];
            to[*slot] = key;
            *slot += 1;
        }
        // The keys sorted so far are now in `to`.
        std::mem::swap(&mut from, &mut to);
    }
    *keys = from;
}

fn byte(key: u64, digit: usize) -> u8 {
    (key >> (8 * digit)) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn sorts_as_the_standard_library_does(
            keys in proptest::collection::vec(
                prop_oneof![any::<u64>(), 0u64..4, Just(u64::MAX), (0u64..256).prop_map(|k| k << 40)],
                0..12_000,
            ),
        ) {
            let mut expected = keys.clone();
            expected.sort_unstable();
            let mut sorted = keys;
            sort_keys(&mut sorted);
            prop_assert_eq!(sorted, expected);
        }
    }
}
