#!/usr/bin/env bash
# Builds the release files into target/dist/:
#   mobivate-VERSION-TARGET.tar.gz (.zip for Windows), one per target
#   mobivate_VERSION-1_amd64.deb (cargo-deb), from the static x86_64 binary
#   install.sh and install.ps1
#   SHA256SUMS (sha256sum format) covering every other file there
#
#   bash dist/build.sh                        # all this machine can build
#   bash dist/build.sh x86_64-apple-darwin    # only these archives (release.yml)
#   bash dist/build.sh deb                    # only the .deb
#   bash dist/build.sh sums                   # only SHA256SUMS, over what is there
#
# With no argument it builds x86_64-unknown-linux-musl (cargo, Debian's
# musl-tools), aarch64-unknown-linux-musl (cargo-zigbuild and PyPI's ziglang)
# and x86_64-pc-windows-gnu (mingw-w64), each only when its tools are there
# (it says which it skips), then the .deb (cargo-deb) and SHA256SUMS.
# Each archive holds one folder, mobivate-VERSION-TARGET/: the binary,
# README.md, LICENSE-MIT, LICENSE-APACHE, the man pages and completions/.
# The man pages are every file in doc/man/ when that folder exists, else
# mobivate.1 from `mobivate man` of a binary built here.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
DIST=$TARGET_DIR/dist
WORK=$TARGET_DIR/dist-work
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[ -n "$VERSION" ] || { echo "dist/build.sh: no version in Cargo.toml" >&2; exit 1; }

say() { printf 'dist/build.sh: %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

exe_name() { case $1 in *windows*) echo mobivate.exe ;; *) echo mobivate ;; esac; }
binary_of() { echo "$TARGET_DIR/$1/release/$(exe_name "$1")"; }

# Builds the release binary for $1 with the tool that target needs.
build_binary() {
  local target=$1
  rustup target list --installed 2>/dev/null | grep -qx "$target" ||
    rustup target add "$target" >&2
  case $target in
    aarch64-unknown-linux-musl)
      # zig is the C compiler and linker (libdbus and ring have C).
      cargo zigbuild --release --locked --bin mobivate --target "$target" >&2 ;;
    *) cargo build --release --locked --bin mobivate --target "$target" >&2 ;;
  esac
}

# Can this machine build $1? Says why not when it cannot.
can_build() {
  case $1 in
    x86_64-unknown-linux-musl) have musl-gcc || { say "skipping $1: no musl-gcc (apt-get install musl-tools)"; return 1; } ;;
    aarch64-unknown-linux-musl)
      { have cargo-zigbuild && { have zig || python3 -c 'import ziglang' 2>/dev/null; }; } ||
        { say "skipping $1: needs cargo-zigbuild and zig (pip install ziglang)"; return 1; } ;;
    x86_64-pc-windows-gnu) have x86_64-w64-mingw32-gcc || { say "skipping $1: no mingw-w64 (apt-get install gcc-mingw-w64-x86-64)"; return 1; } ;;
  esac
}

# The man pages, once, in $WORK/man/.
man_pages() {
  [ -d "$WORK/man" ] && return
  mkdir -p "$WORK/man.tmp"
  if [ -d doc/man ]; then
    cp doc/man/* "$WORK/man.tmp/"
  else
    local bin
    bin=$(binary_of x86_64-unknown-linux-musl)
    if [ -x "$bin" ]; then
      "$bin" man > "$WORK/man.tmp/mobivate.1"
    else
      cargo run --quiet --locked --bin mobivate -- man > "$WORK/man.tmp/mobivate.1"
    fi
  fi
  mv "$WORK/man.tmp" "$WORK/man"
}

# Packs the built binary of $1 into $DIST.
archive() {
  local target=$1 top="mobivate-$VERSION-$1" exe stage
  exe=$(exe_name "$target")
  man_pages
  stage=$WORK/stage/$top
  rm -rf "$WORK/stage"
  mkdir -p "$stage/completions"
  cp "$(binary_of "$target")" "$stage/$exe"
  cp README.md LICENSE-MIT LICENSE-APACHE "$stage/"
  cp "$WORK/man/"* "$stage/"
  cp completions/* "$stage/completions/"
  mkdir -p "$DIST"
  case $target in
    *windows*)
      rm -f "$DIST/$top.zip"
      if have zip; then
        (cd "$WORK/stage" && zip -qr -X "$DIST/$top.zip" "$top")
      elif have 7z; then
        (cd "$WORK/stage" && 7z a -tzip -bso0 "$DIST/$top.zip" "$top")
      else
        powershell.exe -NoProfile -Command "Compress-Archive -Path '$WORK/stage/$top' -DestinationPath '$DIST/$top.zip'"
      fi
      say "wrote $DIST/$top.zip" ;;
    *)
      tar -C "$WORK/stage" -czf "$DIST/$top.tar.gz" "$top"
      say "wrote $DIST/$top.tar.gz" ;;
  esac
}

# The .deb from the static x86_64 binary: it depends on nothing.
deb() {
  local target=x86_64-unknown-linux-musl
  [ -x "$(binary_of $target)" ] || build_binary $target
  man_pages
  mkdir -p "$DIST"
  cargo deb --no-build --locked --target $target --output "$DIST" >&2
  say "wrote the .deb in $DIST"
}

sums() {
  mkdir -p "$DIST"
  cp install.sh install.ps1 "$DIST/"
  mkdir -p "$WORK"
  (cd "$DIST" && find . -maxdepth 1 -type f ! -name SHA256SUMS ! -name '.*' -printf '%f\n' |
    LC_ALL=C sort | xargs sha256sum > "$WORK/SHA256SUMS")
  mv "$WORK/SHA256SUMS" "$DIST/SHA256SUMS"
  say "wrote $DIST/SHA256SUMS"
}

rm -rf "$WORK"
if [ $# -eq 0 ]; then
  rm -rf "$DIST"
  built=0
  for target in x86_64-unknown-linux-musl aarch64-unknown-linux-musl x86_64-pc-windows-gnu; do
    if can_build "$target"; then
      build_binary "$target"
      archive "$target"
      built=$((built + 1))
    fi
  done
  [ "$built" -gt 0 ] || { say "no archive could be built here"; exit 1; }
  if have cargo-deb && [ -x "$(binary_of x86_64-unknown-linux-musl)" ]; then
    deb
  else
    say "skipping the .deb: needs cargo-deb (cargo install --locked cargo-deb) and the x86_64 musl build"
  fi
  sums
else
  for what in "$@"; do
    case $what in
      deb) deb ;;
      sums) sums ;;
      *-*-*) build_binary "$what"; archive "$what" ;;
      *) say "unknown argument: $what (a target triple, deb or sums)"; exit 64 ;;
    esac
  done
fi
rm -rf "$WORK"
