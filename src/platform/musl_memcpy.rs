//! The static x86_64 build's `memcpy`. musl's own (an assembly `rep movsq`
//! with a byte loop either side) costs tens of cycles however few bytes it
//! copies, and a bulk run makes tens of millions of small copies (each
//! field, each template piece, each JSON string): it was 40 % of
//! `bulk --check`'s time in the static build, against a few percent with
//! glibc's (BENCHMARKS.md, issue 21). The binary's link wraps `memcpy`
//! (`-Wl,--wrap=memcpy`, set by build.rs for this target's binary only):
//! every call comes here. Copies of up to 32 bytes take two overlapping
//! loads and stores; longer ones one `rep movsb`, which CPUs with fast
//! strings (ERMS, every x86_64 CPU of the last decade) run at full speed.

/// # Safety
/// `memcpy`'s contract: `src` readable and `dest` writable for `n` bytes,
/// the two not overlapping.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wrap_memcpy(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    if n <= super::small_copy::MAX {
        // SAFETY: the caller's contract, passed on.
        unsafe { super::small_copy::copy(dest, src, n) };
    } else {
        // SAFETY: the caller's contract: `rep movsb` copies `rcx` bytes from
        // `rsi` to `rdi`, forwards (the ABI keeps the direction flag clear
        // at every call), and touches nothing else.
        unsafe {
            std::arch::asm!(
                "rep movsb",
                inout("rcx") n => _,
                inout("rdi") dest => _,
                inout("rsi") src => _,
                options(nostack, preserves_flags),
            );
        }
    }
    dest
}
