//! The static x86_64 build's `memcpy` for small copies. musl's own (an
//! assembly `rep movsq` with a byte loop either side) costs tens of cycles
//! however few bytes it copies, and a bulk run makes tens of millions of
//! small copies (each field, each template piece, each JSON string): it was
//! 40 % of `bulk --check`'s time in the static build, against a few percent
//! with glibc's (BENCHMARKS.md, issue 21). The link wraps `memcpy`
//! (`-Wl,--wrap=memcpy`, set by build.rs for this target only): copies of up
//! to 32 bytes are done here in a few instructions, longer ones still go to
//! musl's, where `rep movsq` pays off.

unsafe extern "C" {
    fn __real_memcpy(dest: *mut u8, src: *const u8, n: usize) -> *mut u8;
}

/// Every call to `memcpy` in the binary (Rust's, musl's, the C libraries')
/// comes here.
///
/// # Safety
/// `memcpy`'s contract: `src` readable and `dest` writable for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn __wrap_memcpy(dest: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    if n <= super::small_copy::MAX {
        // SAFETY: the caller's contract, passed on.
        unsafe { super::small_copy::copy(dest, src, n) };
        dest
    } else {
        // SAFETY: the caller's contract, passed on.
        unsafe { __real_memcpy(dest, src, n) }
    }
}
