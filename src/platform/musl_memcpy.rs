//! The static x86_64 build's `memcpy`. musl's own (an assembly `rep movsq`
//! with a byte loop either side) costs tens of cycles however few bytes it
//! copies, and a bulk run makes tens of millions of small copies (each
//! field, each template piece, each JSON string): it was 40 % of
//! `bulk --check`'s time in the static build, against a few percent with
//! glibc's (BENCHMARKS.md, issue 21). The binary's link wraps `memcpy`
//! (`-Wl,--wrap=memcpy`, set by build.rs for this target's binary only):
//! every call comes here. Copies of up to 64 bytes take a few overlapping
//! loads and stores; longer ones a `rep movsq` of whole words and one
//! overlapping word for the rest, as musl's own does in the middle.

/// # Safety
/// `memcpy`'s contract: `src` readable and `dest` writable for `n` bytes,
/// the two not overlapping.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wrap_memcpy(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    if n <= super::small_copy::MAX {
        // SAFETY: the caller's contract, passed on.
        unsafe { super::small_copy::copy(dest, src, n) };
    } else {
        // SAFETY: the caller's contract. `rep movsq` copies `rcx` words from
        // `rsi` to `rdi`, forwards (the ABI keeps the direction flag clear
        // at every call), and touches nothing else; the last word, copied
        // after, lies inside both ranges since `n` > 8.
        unsafe {
            std::arch::asm!(
                "rep movsq",
                inout("rcx") n / 8 => _,
                inout("rdi") dest => _,
                inout("rsi") src => _,
                options(nostack, preserves_flags),
            );
            let last = std::ptr::read_unaligned(src.add(n - 8).cast::<u64>());
            std::ptr::write_unaligned(dest.add(n - 8).cast::<u64>(), last);
        }
    }
    dest
}

#[cfg(test)]
mod tests {
    #[test]
    fn copies_every_size_at_every_offset_and_nothing_else() {
        let source: Vec<u8> = (0..400u32).map(|i| (i % 251) as u8 + 1).collect();
        for n in 0..=300 {
            for from in 0..8 {
                for to in 0..8 {
                    let mut dest = vec![0u8; 400];
                    // SAFETY: both ranges lie inside their 400-byte buffers,
                    // in two different buffers.
                    let back = unsafe {
                        super::__wrap_memcpy(
                            dest.as_mut_ptr().add(to),
                            source.as_ptr().add(from),
                            n,
                        )
                    };
                    assert_eq!(back, dest.as_mut_ptr().wrapping_add(to));
                    let mut expected = vec![0u8; 400];
                    expected[to..to + n].copy_from_slice(&source[from..from + n]);
                    assert_eq!(dest, expected, "n {n} from {from} to {to}");
                }
            }
        }
    }
}
