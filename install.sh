#!/bin/sh
# Installs mobivate from a release: picks the archive for this machine,
# downloads it and SHA256SUMS, checks the checksum, and puts the binary in
# $HOME/.local/bin (or --to DIR). No sudo.
#
#   curl -fsSL https://github.com/mobivate-cli/mobivate/releases/latest/download/install.sh | sh
#   sh install.sh --to /usr/local/bin --version 0.1.0
#
# Options:
#   --to DIR        where to put mobivate (default: $HOME/.local/bin)
#   --version V     a given release (V or vV) instead of the latest
#   --target TRIPLE an archive other than this machine's (used by action.yml)
# Environment:
#   MOBIVATE_INSTALL_URL  base URL of one release's files (a mirror, a test
#                         server); wins over --version
# Exits non-zero, saying why, on an unknown platform, a failed download or a
# checksum mismatch; then nothing is installed and DIR holds no partial file.
set -eu

REPO_URL=https://github.com/mobivate-cli/mobivate
NAME=mobivate

say() { printf 'install.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

usage() {
  cat <<'USAGE'
Usage: install.sh [--to DIR] [--version V] [--target TRIPLE]

Installs mobivate from a release archive, checked against SHA256SUMS.
  --to DIR        where to put mobivate (default: $HOME/.local/bin)
  --version V     a given release (V or vV) instead of the latest
  --target TRIPLE another archive than this machine's
MOBIVATE_INSTALL_URL, when set, is the base URL of one release's files.
USAGE
}

dir=
version=
target=
while [ $# -gt 0 ]; do
  case $1 in
    --to) [ $# -ge 2 ] || die "--to needs a directory"; dir=$2; shift 2 ;;
    --to=*) dir=${1#--to=}; shift ;;
    --version) [ $# -ge 2 ] || die "--version needs a version"; version=$2; shift 2 ;;
    --version=*) version=${1#--version=}; shift ;;
    --target) [ $# -ge 2 ] || die "--target needs a target triple"; target=$2; shift 2 ;;
    --target=*) target=${1#--target=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done

if [ -z "$dir" ]; then
  [ -n "${HOME:-}" ] || die "HOME is not set: give a directory with --to DIR"
  dir=$HOME/.local/bin
fi

# --- which archive ------------------------------------------------------------
if [ -z "$target" ]; then
  os=$(uname -s)
  arch=$(uname -m)
  case $os in
    Linux) os_part=unknown-linux-musl ;;
    Darwin) os_part=apple-darwin ;;
    *) die "unknown platform: no release archive for the OS $os (on Windows, use install.ps1)" ;;
  esac
  case $arch in
    x86_64 | amd64) arch_part=x86_64 ;;
    aarch64 | arm64) arch_part=aarch64 ;;
    *) die "unknown platform: no release archive for the architecture $arch on $os" ;;
  esac
  target=$arch_part-$os_part
fi
case $target in
  *windows*) archive_ext=zip exe=$NAME.exe ;;
  *) archive_ext=tar.gz exe=$NAME ;;
esac

# --- where from ---------------------------------------------------------------
if [ -n "${MOBIVATE_INSTALL_URL:-}" ]; then
  base=${MOBIVATE_INSTALL_URL%/}
elif [ -n "$version" ] && [ "$version" != latest ]; then
  base=$REPO_URL/releases/download/v${version#v}
else
  base=$REPO_URL/releases/latest/download
fi

# --- tools --------------------------------------------------------------------
if command -v curl >/dev/null 2>&1; then
  fetch() { curl -fsSL --retry 2 -o "$2" "$1"; }
elif command -v wget >/dev/null 2>&1; then
  fetch() { wget -q -O "$2" "$1"; }
else
  die "neither curl nor wget is installed: install one of them"
fi
if command -v sha256sum >/dev/null 2>&1; then
  sha256() { sha256sum "$1" | cut -d ' ' -f 1; }
elif command -v shasum >/dev/null 2>&1; then
  sha256() { shasum -a 256 "$1" | cut -d ' ' -f 1; }
else
  die "neither sha256sum nor shasum is installed: cannot check the download"
fi

tmp=$(mktemp -d 2>/dev/null || mktemp -d -t mobivate)
staged=
cleanup() {
  rm -rf "$tmp"
  [ -z "$staged" ] || rm -f "$staged"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- download and check -------------------------------------------------------
fetch "$base/SHA256SUMS" "$tmp/SHA256SUMS" ||
  die "download failed: $base/SHA256SUMS"
# A line is "HASH  NAME" (or "HASH *NAME"); the name carries the version.
line=$(grep -E "^[0-9a-fA-F]{64} [ *]$NAME-[^/ ]+-$target\\.$archive_ext\$" "$tmp/SHA256SUMS" | head -n 1 || true)
[ -n "$line" ] || die "unknown platform: no archive for $target in $base/SHA256SUMS"
want=$(printf '%s\n' "$line" | cut -d ' ' -f 1 | tr 'A-F' 'a-f')
archive=$(printf '%s\n' "$line" | cut -d ' ' -f 2- | sed 's/^[ *]//')
fetch "$base/$archive" "$tmp/$archive" || die "download failed: $base/$archive"
got=$(sha256 "$tmp/$archive")
[ "$got" = "$want" ] ||
  die "checksum mismatch for $archive: expected $want, got $got; nothing was installed"

# --- unpack -------------------------------------------------------------------
top=${archive%."$archive_ext"}
mkdir "$tmp/x"
case $archive_ext in
  tar.gz) (cd "$tmp/x" && gzip -dc "../$archive" | tar -xf -) || die "could not unpack $archive" ;;
  zip)
    if command -v unzip >/dev/null 2>&1; then
      unzip -q "$tmp/$archive" -d "$tmp/x" || die "could not unpack $archive"
    elif command -v powershell.exe >/dev/null 2>&1; then
      powershell.exe -NoProfile -Command "Expand-Archive -LiteralPath '$tmp/$archive' -DestinationPath '$tmp/x'" ||
        die "could not unpack $archive"
    else
      die "cannot unpack $archive: install unzip"
    fi
    ;;
esac
[ -f "$tmp/x/$top/$exe" ] || die "$archive holds no $top/$exe"

# --- install: a temporary name in DIR, then one rename ------------------------
mkdir -p "$dir" || die "cannot create $dir"
staged=$dir/.$exe.install.$$
cp "$tmp/x/$top/$exe" "$staged" || die "cannot write to $dir"
chmod 755 "$staged"
mv -f "$staged" "$dir/$exe" || die "cannot write $dir/$exe"
staged=

installed=$("$dir/$exe" --version) || die "$dir/$exe does not run on this machine"
say "installed $installed to $dir/$exe"
printf '%s\n' "$installed"

case ":${PATH:-}:" in
  *":$dir:"* | *":${dir%/}:"*) ;;
  *)
    say "$dir is not on your PATH. To add it, put this line in your shell's profile (~/.profile, ~/.bashrc or ~/.zshrc):"
    say "  export PATH=\"$dir:\$PATH\""
    ;;
esac
