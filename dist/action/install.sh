#!/usr/bin/env bash
# The install step of action.yml: installs the release binary for the
# runner's OS and architecture into $RUNNER_TEMP/mobivate/bin with the
# repository's install.sh (same checksum check), and adds that folder to
# $GITHUB_PATH for the later steps. Its own step adds it to PATH too.
#   $1: the version input ("latest" or a version such as 0.1.0)
# Reads RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_PATH, GITHUB_OUTPUT
# (optional) and MOBIVATE_INSTALL_URL (optional, a mirror).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=${1:-latest}
die() { printf 'mobivate action: error: %s\n' "$*" >&2; exit 1; }
: "${RUNNER_OS:?not set: this runs as a step of a GitHub Actions job}"
: "${RUNNER_ARCH:?not set}"
: "${RUNNER_TEMP:?not set}"
: "${GITHUB_PATH:?not set}"

case "$RUNNER_OS/$RUNNER_ARCH" in
  Linux/X64) target=x86_64-unknown-linux-musl ;;
  Linux/ARM64) target=aarch64-unknown-linux-musl ;;
  macOS/X64) target=x86_64-apple-darwin ;;
  macOS/ARM64) target=aarch64-apple-darwin ;;
  # Windows on ARM runs the x86_64 build under its emulation.
  Windows/X64 | Windows/ARM64) target=x86_64-pc-windows-msvc ;;
  *) die "unknown platform: no release archive for $RUNNER_OS on $RUNNER_ARCH" ;;
esac

dir=$RUNNER_TEMP/mobivate/bin
args=(--to "$dir" --target "$target")
[ "$version" = latest ] || args+=(--version "$version")
sh "$here/../../install.sh" "${args[@]}"
printf '%s\n' "$dir" >> "$GITHUB_PATH"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  printf 'bin-dir=%s\n' "$dir" >> "$GITHUB_OUTPUT"
fi
