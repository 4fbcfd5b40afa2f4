//! The static musl builds (the release archives) allocate with mimalloc:
//! with musl's own allocator `bulk` ran 16-20 % slower than the glibc build
//! (BENCHMARKS.md, "Static binaries"). Out of the box mimalloc keeps freed
//! memory for a second and commits its arenas eagerly, which tripled the
//! peak RSS of a 1,000,000-row bulk (81 MiB, over the 64 MiB target); so the
//! first allocation sets both options off, before mimalloc initialises.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, Ordering};

// Indices in `mi_option_e` of the mimalloc v3 that libmimalloc-sys 0.1.49
// builds (Cargo.toml pins mimalloc =0.1.52, which pins it).
const ARENA_EAGER_COMMIT: libc::c_int = 4;
const PURGE_DELAY: libc::c_int = 15;

unsafe extern "C" {
    fn mi_option_set(option: libc::c_int, value: libc::c_long);
}

struct Allocator {
    tuned: AtomicBool,
}

impl Allocator {
    #[inline]
    fn tune(&self) {
        if !self.tuned.load(Ordering::Relaxed) && !self.tuned.swap(true, Ordering::Relaxed) {
            // SAFETY: mi_option_set only stores a value in mimalloc's table
            // of options; it allocates nothing.
            unsafe {
                mi_option_set(ARENA_EAGER_COMMIT, 0);
                mi_option_set(PURGE_DELAY, 0);
            }
        }
    }
}

// SAFETY: every call goes to mimalloc's own GlobalAlloc, unchanged.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.tune();
        // SAFETY: the caller's contract, passed on.
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }
    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        self.tune();
        // SAFETY: the caller's contract, passed on.
        unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }
    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract, passed on.
        unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Allocator = Allocator {
    tuned: AtomicBool::new(false),
};
