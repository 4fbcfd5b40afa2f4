#!/usr/bin/env bash
# Installs what `bash dist/build.sh` needs on a Debian machine that has only
# the Rust toolchain, skipping what is there: Debian's musl-tools (x86_64
# musl), mingw-w64 (Windows), zip; the rustup targets; cargo-zigbuild and
# ziglang from PyPI (aarch64 musl: zig is its C compiler and linker);
# cargo-deb (cargo install).
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

# cargo-zigbuild and zig (a C compiler and linker for any target) as PyPI
# wheels: prebuilt, 20 s, where `cargo install cargo-zigbuild` compiles for
# over 6 minutes on 2 busy cores. Debian's python3 refuses a system-wide pip
# install without --break-system-packages.
pip_install() {
  python3 -m pip install -q "$@" 2>/dev/null ||
    python3 -m pip install -q --break-system-packages "$@"
}
have cargo-zigbuild || pip_install cargo-zigbuild==0.24.1
python3 -c 'import ziglang' 2>/dev/null || pip_install ziglang==0.17.1
# cargo-deb has no current wheel: built here, without xz (gzip is enough).
have cargo-deb ||
  cargo install -q --locked --no-default-features --features gzip cargo-deb
