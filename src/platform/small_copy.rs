//! A copy of at most 64 bytes in a few overlapping loads and stores, with
//! no branch a byte and no call: what the static x86_64 build's `memcpy`
//! does for small sizes (`musl_memcpy.rs`). Kept apart so that every build
//! tests it.

/// The most bytes `copy` takes.
pub const MAX: usize = 64;

/// Copies `n` bytes from `src` to `dest`, `n` at most `MAX`.
///
/// # Safety
/// As `memcpy`: `src` readable and `dest` writable for `n` bytes. Every
/// byte is loaded before any is stored, so even overlapping ranges come out
/// right.
#[inline(always)]
pub unsafe fn copy(dest: *mut u8, src: *const u8, n: usize) {
    use std::ptr::{read_unaligned as load, write_unaligned as store};
    // SAFETY: each load and store lies within the first `n` bytes of its
    // range: the two halves overlap when `n` is not a power of two.
    unsafe {
        if n >= 32 {
            let (a, b) = (load(src.cast::<u128>()), load(src.add(16).cast::<u128>()));
            let (c, d) = (
                load(src.add(n - 32).cast::<u128>()),
                load(src.add(n - 16).cast::<u128>()),
            );
            store(dest.cast::<u128>(), a);
            store(dest.add(16).cast::<u128>(), b);
            store(dest.add(n - 32).cast::<u128>(), c);
            store(dest.add(n - 16).cast::<u128>(), d);
        } else if n >= 16 {
            let (a, b) = (
                load(src.cast::<u128>()),
                load(src.add(n - 16).cast::<u128>()),
            );
            store(dest.cast::<u128>(), a);
            store(dest.add(n - 16).cast::<u128>(), b);
        } else if n >= 8 {
            let (a, b) = (load(src.cast::<u64>()), load(src.add(n - 8).cast::<u64>()));
            store(dest.cast::<u64>(), a);
            store(dest.add(n - 8).cast::<u64>(), b);
        } else if n >= 4 {
            let (a, b) = (load(src.cast::<u32>()), load(src.add(n - 4).cast::<u32>()));
            store(dest.cast::<u32>(), a);
            store(dest.add(n - 4).cast::<u32>(), b);
        } else if n >= 2 {
            let (a, b) = (load(src.cast::<u16>()), load(src.add(n - 2).cast::<u16>()));
            store(dest.cast::<u16>(), a);
            store(dest.add(n - 2).cast::<u16>(), b);
        } else if n == 1 {
            *dest = *src;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn copies_every_size_at_every_offset_and_nothing_else() {
        let source: Vec<u8> = (1..=80).collect();
        assert!(super::MAX + 8 <= source.len());
        for n in 0..=super::MAX {
            for from in 0..8 {
                for to in 0..8 {
                    let mut dest = vec![0u8; 80];
                    // SAFETY: both ranges lie inside their 80-byte buffers.
                    unsafe { super::copy(dest.as_mut_ptr().add(to), source.as_ptr().add(from), n) };
                    let mut expected = vec![0u8; 80];
                    expected[to..to + n].copy_from_slice(&source[from..from + n]);
                    assert_eq!(dest, expected, "n {n} from {from} to {to}");
                }
            }
        }
    }

    #[test]
    fn overlapping_ranges_come_out_right() {
        for n in 0..=super::MAX {
            for shift in 0..8usize {
                let mut buffer: Vec<u8> = (1..=80).collect();
                let original = buffer.clone();
                // SAFETY: both ranges lie inside the buffer.
                unsafe {
                    let base = buffer.as_mut_ptr();
                    super::copy(base.add(shift), base, n);
                }
                let mut expected = original.clone();
                expected.copy_within(0..n, shift);
                assert_eq!(buffer, expected, "n {n} shift {shift}");
            }
        }
    }
}
