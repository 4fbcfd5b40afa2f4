#!/usr/bin/env bash
# Installs what `bash dist/build.sh` needs on a Debian machine that has only
# the Rust toolchain, skipping what is there: Debian's musl-tools (x86_64
# musl), mingw-w64 (Windows), zip; the rustup targets; ziglang from PyPI and
# cargo-zigbuild (aarch64 musl: zig is its C compiler and linker); cargo-deb.
# Used by .ci/run and .github/workflows/release.yml. Needs root for apt-get.
#   bash dist/tools.sh            # everything
#   bash dist/tools.sh --no-windows
set -euo pipefail
windows=1
[ "${1:-}" = --no-windows ] && windows=0
have() { command -v "$1" >/dev/null 2>&1; }

missing=()
have musl-gcc || missing+=(musl-tools)
have zip || missing+=(zip)
have unzip || missing+=(unzip)
have python3 || missing+=(python3 python3-pip)
if [ "$windows" = 1 ]; then
  have x86_64-w64-mingw32-gcc || missing+=(gcc-mingw-w64-x86-64)
fi
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

targets=(x86_64-unknown-linux-musl aarch64-unknown-linux-musl)
[ "$windows" = 1 ] && targets+=(x86_64-pc-windows-gnu)
installed=$(rustup target list --installed)
for t in "${targets[@]}"; do
  grep -qx "$t" <<<"$installed" || rustup -q target add "$t"
done

# zig, as a wheel: pip's own copy, no download from elsewhere. Debian's
# python3 refuses a system-wide pip install without --break-system-packages.
if ! python3 -c 'import ziglang' 2>/dev/null; then
  python3 -m pip install -q ziglang 2>/dev/null ||
    python3 -m pip install -q --break-system-packages ziglang
fi
# Small builds: cargo-deb without xz (its gzip is enough), cargo-zigbuild
# without the macOS universal2 support.
have cargo-zigbuild ||
  cargo install -q --locked --no-default-features cargo-zigbuild
have cargo-deb ||
  cargo install -q --locked --no-default-features --features gzip cargo-deb
