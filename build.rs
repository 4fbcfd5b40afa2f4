//! Link settings of one target: the static x86_64 musl binary wraps
//! `memcpy` so that small copies skip musl's slow path
//! (src/platform/musl_memcpy.rs). Only the binary: the tests and the mock
//! API example do not link the library that defines the wrapper.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    if env == "musl" && arch == "x86_64" {
        println!("cargo::rustc-link-arg-bins=-Wl,--wrap=memcpy");
    }
}
