#!/usr/bin/env bash
# Checks the release files that `bash dist/build.sh` left in target/dist/, on
# this machine, as a user would meet them:
#   - SHA256SUMS covers every file and verifies;
#   - each archive holds exactly one folder with the binary, README.md, both
#     licenses, the man pages and every completion file;
#   - the static x86_64 binary has no NEEDED entry and runs `getkey` against
#     the mock under `env -i` in an empty root (chroot); the aarch64 one the
#     same under qemu-aarch64-static; the Windows one under wine;
#   - the glibc build from source (target/debug) needs only libc, libm,
#     libgcc_s and the loader;
#   - the .deb, unpacked with dpkg-deb -x, has its paths and runs;
#   - install.sh, served from a local HTTP server, under env -i with a fresh
#     HOME: installs with curl or wget, sha256sum or shasum; refuses a
#     tampered archive, a failed download and an unknown platform, leaving
#     no file behind; hints at PATH; composes the release URLs;
#   - the action's scripts (action.yml) with a runner's variables;
#   - the static binary stores a key in gnome-keyring and reads it back.
# Needs what .ci/run installs (wine from .ci/windows-tests.sh, qemu-user-static,
# gnome-keyring, dbus, secret-tool). Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
DIST=$TARGET_DIR/dist
VERSION=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
KEY=abcd1234-9922-abcd-1234-abcd1234abcd
USER_NAME=demo@example.com
PASSWORD=demo-password
WINE=/usr/lib/wine/wine64
X86=x86_64-unknown-linux-musl
ARM=aarch64-unknown-linux-musl
WIN=x86_64-pc-windows-gnu
CHROOT=$(command -v chroot)

passed=0
failed=0
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

ok() { passed=$((passed + 1)); printf 'ok   %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf 'FAIL %s\n' "$1"; [ -z "${2:-}" ] || sed 's/^/     | /' "$2"; }
# check NAME COMMAND...: passes when the command exits 0. It runs in a
# background subshell so that `set -e` holds inside it (bash ignores it in a
# function called from an `if`): the first failing line fails the check.
check() {
  local name=$1
  shift
  ("$@") > "$WORK/check.out" 2>&1 &
  if wait $!; then ok "$name"; else bad "$name" "$WORK/check.out"; fi
}
fails() { ! "$@"; } # a failing command, for use mid-function under set -e

# Waits for "$2" to appear in file $1 and prints what follows it on that line.
wait_line() {
  local i
  for i in $(seq 200); do
    if grep -q "$2" "$1" 2>/dev/null; then sed -n "s/.*$2//p" "$1" | head -n 1; return; fi
    sleep 0.05
  done
  echo "timed out waiting for '$2' in $1" >&2
  cat "$1" >&2
  return 1
}

# --- the mock API and a file server ---------------------------------------------
MOCK=$TARGET_DIR/debug/examples/mock_api
[ -x "$MOCK" ] || cargo build --quiet --locked --example mock_api
"$MOCK" --port 0 --quiet > "$WORK/mock.out" 2>&1 &
PIDS+=($!)
API=http$(wait_line "$WORK/mock.out" "listening on http")

# serve DIR: a static file server on 127.0.0.1; prints its base URL.
serve() {
  local log=$WORK/serve.$RANDOM
  python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$1" > "$log" 2>&1 &
  PIDS+=($!)
  local port
  port=$(wait_line "$log" "Serving HTTP on 127.0.0.1 port ") || return 1
  echo "http://127.0.0.1:${port%% *}"
}

# --- SHA256SUMS and the archives' contents ----------------------------------------
tarball() { echo "$DIST/mobivate-$VERSION-$1.tar.gz"; }
ZIP=$DIST/mobivate-$VERSION-$WIN.zip
DEB=$DIST/mobivate_$VERSION-1_amd64.deb
check "SHA256SUMS verifies with sha256sum -c" bash -c "cd '$DIST' && sha256sum -c --strict SHA256SUMS"
sums_cover_all() {
  diff <(cd "$DIST" && ls -1 | grep -vx SHA256SUMS | LC_ALL=C sort) \
    <(sed 's/^[0-9a-f]\{64\}  //' "$DIST/SHA256SUMS" | LC_ALL=C sort)
}
check "SHA256SUMS names every file in target/dist" sums_cover_all
for f in "$(tarball $X86)" "$(tarball $ARM)" "$ZIP" "$DEB"; do
  check "built: ${f#"$DIST"/}" test -s "$f"
done

man_pages() { if [ -d doc/man ]; then (cd doc/man && ls -1); else echo mobivate.1; fi; }
# The sorted list of files an archive for $1 must hold.
expected_files() {
  local top="mobivate-$VERSION-$1" exe=mobivate
  case $1 in *windows*) exe=mobivate.exe ;; esac
  {
    printf '%s\n' "$top/$exe" "$top/README.md" "$top/LICENSE-MIT" "$top/LICENSE-APACHE"
    man_pages | sed "s|^|$top/|"
    (cd completions && ls -1) | sed "s|^|$top/completions/|"
  } | LC_ALL=C sort
}
unpack() { # $1 = target; unpacks its archive into $WORK/$1 and lists its files
  mkdir -p "$WORK/$1"
  case $1 in
    *windows*) unzip -q "$ZIP" -d "$WORK/$1" ;;
    *) tar -xzf "$(tarball "$1")" -C "$WORK/$1" ;;
  esac
  (cd "$WORK/$1" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
}
same_files() { diff <(expected_files "$1") <(unpack "$1"); }
same_bytes() { # $1 = target: the README, licenses, man page and completions are the committed ones
  local top="$WORK/$1/mobivate-$VERSION-$1" f
  for f in README.md LICENSE-MIT LICENSE-APACHE; do cmp "$f" "$top/$f"; done
  for f in completions/*; do cmp "$f" "$top/$f"; done
  if [ -d doc/man ]; then
    for f in doc/man/*; do cmp "$f" "$top/${f##*/}"; done
  else
    "$WORK/$X86/mobivate-$VERSION-$X86/mobivate" man | cmp - "$top/mobivate.1"
  fi
}
for t in $X86 $ARM $WIN; do
  check "$t archive: one folder mobivate-$VERSION-$t/ with the binary, README.md, licenses, every man page, completions/" same_files "$t"
done
for t in $X86 $ARM $WIN; do
  check "$t archive: its files are the committed ones, byte for byte" same_bytes "$t"
done

# --- the binaries run where nothing is installed -----------------------------------
X86_BIN=$WORK/$X86/mobivate-$VERSION-$X86/mobivate
ARM_BIN=$WORK/$ARM/mobivate-$VERSION-$ARM/mobivate
WIN_BIN=$WORK/$WIN/mobivate-$VERSION-$WIN/mobivate.exe
no_needed() { ! readelf -d "$1" | grep -q NEEDED && readelf -lW "$1" | grep -q LOAD && ! readelf -lW "$1" | grep -q INTERP; }
check "$X86 binary: no NEEDED entry, no program interpreter (static)" no_needed "$X86_BIN"
check "$ARM binary: no NEEDED entry, no program interpreter (static)" no_needed "$ARM_BIN"
check "$ARM binary: is for AArch64" bash -c "readelf -h '$ARM_BIN' | grep -q 'Machine:.*AArch64'"

# getkey_in_root BINARY [RUNNER]: runs `getkey` under env -i, chrooted into a
# folder that holds only the binary (and the emulator): no libc, no loader,
# no /etc. It must print the mock's key.
getkey_in_root() {
  local root=$WORK/root.$RANDOM
  mkdir -p "$root"
  cp "$1" "$root/mobivate"
  local cmd=(/mobivate)
  if [ -n "${2:-}" ]; then cp "$2" "$root/emu"; cmd=(/emu /mobivate); fi
  local out
  out=$(env -i MOBIVATE_PASSWORD=$PASSWORD "$CHROOT" "$root" "${cmd[@]}" getkey \
    --base-url "$API" -u "$USER_NAME" --retries 0)
  [ "$out" = "$KEY" ] || { echo "got: $out" >&2; return 1; }
  ls -A "$root" | grep -vx -e mobivate -e emu && { echo "files appeared in the root" >&2; return 1; }
  return 0
}
check "$X86 binary: getkey against the mock under env -i in an empty root" getkey_in_root "$X86_BIN"
check "$X86 binary: --version says $VERSION" bash -c "[ \"\$(env -i '$X86_BIN' --version)\" = 'mobivate $VERSION' ]"
QEMU=$(command -v qemu-aarch64-static || true)
check "$ARM binary: getkey against the mock under qemu-aarch64-static, env -i, empty root" getkey_in_root "$ARM_BIN" "$QEMU"

win_getkey() {
  cp "$TARGET_DIR/wine/bcryptprimitives.dll" "${WIN_BIN%/*}/" # see .ci/wine/NOTES.md
  local out
  out=$(MOBIVATE_PASSWORD=$PASSWORD "$WINE" "$WIN_BIN" getkey --base-url "$API" -u "$USER_NAME" --retries 0 | tr -d '\r')
  [ "$out" = "$KEY" ] || { echo "got: $out" >&2; return 1; }
  [ "$("$WINE" "$WIN_BIN" --version | tr -d '\r')" = "mobivate $VERSION" ]
}
export WINEPREFIX=${WINEPREFIX:-$TARGET_DIR/wine/prefix} WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
check "$WIN binary: --version and getkey against the mock under wine" win_getkey

glibc_needed() { # the source build: at most libc, libm, libgcc_s and the loader
  local bin=$TARGET_DIR/debug/mobivate extra
  [ -x "$bin" ] || { echo "no $bin (cargo test builds it)" >&2; return 1; }
  readelf -d "$bin" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' > "$WORK/needed"
  cat "$WORK/needed"
  extra=$(grep -vE '^(libc\.so\.6|libm\.so\.6|libgcc_s\.so\.1|ld-linux-x86-64\.so\.2)$' "$WORK/needed" || true)
  [ -z "$extra" ]
}
check "glibc build from source: NEEDED only libc, libm, libgcc_s (no libdbus)" glibc_needed

# --- the .deb -------------------------------------------------------------------------
deb_paths() {
  local d=$WORK/deb f
  dpkg-deb -x "$DEB" "$d"
  for f in usr/bin/mobivate \
    usr/share/bash-completion/completions/mobivate \
    usr/share/zsh/vendor-completions/_mobivate \
    usr/share/fish/vendor_completions.d/mobivate.fish; do
    [ -f "$d/$f" ] || { echo "missing /$f" >&2; return 1; }
  done
  cmp completions/mobivate.bash "$d/usr/share/bash-completion/completions/mobivate"
  cmp completions/_mobivate "$d/usr/share/zsh/vendor-completions/_mobivate"
  cmp completions/mobivate.fish "$d/usr/share/fish/vendor_completions.d/mobivate.fish"
  local page
  for page in $(man_pages); do
    [ -f "$d/usr/share/man/man1/$page" ] || [ -f "$d/usr/share/man/man1/$page.gz" ] ||
      { echo "missing /usr/share/man/man1/$page" >&2; return 1; }
  done
  [ -x "$d/usr/bin/mobivate" ]
  [ "$(env -i "$d/usr/bin/mobivate" --version)" = "mobivate $VERSION" ]
  if readelf -d "$d/usr/bin/mobivate" | grep -q NEEDED; then return 1; fi
  [ "$(dpkg-deb -f "$DEB" Package)" = mobivate ]
  [ "$(dpkg-deb -f "$DEB" Version)" = "$VERSION-1" ]
  [ "$(dpkg-deb -f "$DEB" Architecture)" = amd64 ]
  [ -z "$(dpkg-deb -f "$DEB" Depends)" ]
}
check ".deb: dpkg-deb -x gives /usr/bin/mobivate (static, runs), every man page in doc/man/ and the three completions" deb_paths

# --- install.sh from a local server --------------------------------------------------
SERVED=$(serve "$DIST")
# A tools folder for env -i: the commands install.sh may use, without
# curl/wget/sha256sum/shasum unless asked for ($@).
toolbox() {
  local dir=$WORK/tools.$RANDOM t
  mkdir -p "$dir"
  for t in sh uname mktemp grep head cut tr sed gzip tar mkdir cp chmod mv rm cat perl "$@"; do
    ln -s "$(command -v "$t")" "$dir/$t"
  done
  echo "$dir"
}
# run_install TOOLS HOME [args]: install.sh under env -i; stdout and stderr kept.
run_install() {
  local tools=$1 home=$2
  shift 2
  env -i HOME="$home" PATH="$tools" ${URL:+MOBIVATE_INSTALL_URL=$URL} \
    sh "$ROOT/install.sh" "$@" > "$WORK/inst.out" 2> "$WORK/inst.err"
}

install_with() { # $1 $2 = the download and checksum tools
  local home=$WORK/home.$RANDOM
  mkdir -p "$home"
  URL=$SERVED run_install "$(toolbox "$1" "$2")" "$home" || { cat "$WORK/inst.err" >&2; return 1; }
  [ "$(cat "$WORK/inst.out")" = "mobivate $VERSION" ] || { cat "$WORK/inst.out" >&2; return 1; }
  cmp "$home/.local/bin/mobivate" "$X86_BIN"
  [ "$(env -i "$home/.local/bin/mobivate" --version)" = "mobivate $VERSION" ]
  [ "$(ls -A "$home/.local/bin")" = mobivate ] # nothing else left there
  grep -qF "is not on your PATH" "$WORK/inst.err"
  grep -qF "export PATH=\"$home/.local/bin:\$PATH\"" "$WORK/inst.err"
}
check "install.sh: curl + sha256sum, env -i, fresh HOME: installs ~/.local/bin/mobivate, prints its --version, PATH hint" install_with curl sha256sum
check "install.sh: wget + shasum -a 256 (macOS's tool) installs the same" install_with wget shasum

install_to_on_path() {
  local home=$WORK/home.$RANDOM dir=$WORK/to.$RANDOM tools
  mkdir -p "$home"
  tools=$(toolbox curl sha256sum)
  ln -s "$tools" "$dir"
  URL=$SERVED$'/' env -i HOME="$home" PATH="$dir" MOBIVATE_INSTALL_URL="$SERVED/" \
    sh "$ROOT/install.sh" --to "$dir" > "$WORK/inst.out" 2> "$WORK/inst.err" || { cat "$WORK/inst.err" >&2; return 1; }
  cmp "$dir/mobivate" "$X86_BIN"
  [ ! -e "$home/.local" ]
  ! grep -q "PATH" "$WORK/inst.err"
}
check "install.sh --to DIR (on PATH): installs there, no PATH hint" install_to_on_path

# refused NAME MESSAGE [install.sh args]: with $URL served, install.sh must
# fail, say MESSAGE, and leave DIR as it was (an old mobivate stays as it was).
refused() {
  local message=$1 home=$WORK/home.$RANDOM dir
  shift
  dir=$home/bin
  mkdir -p "$dir"
  printf 'old binary\n' > "$dir/mobivate"
  if run_install "${TOOLS:-$(toolbox curl sha256sum)}" "$home" --to "$dir" "$@"; then
    echo "install.sh succeeded" >&2; return 1
  fi
  grep -qF "$message" "$WORK/inst.err" || { cat "$WORK/inst.err" >&2; return 1; }
  [ "$(ls -A "$dir")" = mobivate ] || { ls -A "$dir" >&2; return 1; }
  [ "$(cat "$dir/mobivate")" = "old binary" ]
  [ ! -s "$WORK/inst.out" ]
}
TAMPERED=$WORK/tampered
cp -r "$DIST" "$TAMPERED"
printf 'x' >> "$TAMPERED/mobivate-$VERSION-$X86.tar.gz"
URL=$(serve "$TAMPERED") check "install.sh: a tampered archive is refused (checksum mismatch), DIR untouched" \
  refused "checksum mismatch for mobivate-$VERSION-$X86.tar.gz"
MISSING=$WORK/missing
mkdir -p "$MISSING"
cp "$DIST/SHA256SUMS" "$MISSING/"
URL=$(serve "$MISSING") check "install.sh: a failed download is refused, DIR untouched" \
  refused "download failed: " 
URL=http://127.0.0.1:9/nothing check "install.sh: no server: download failed for SHA256SUMS" \
  refused "download failed: http://127.0.0.1:9/nothing/SHA256SUMS"
unknown_platform() {
  local tools
  tools=$(toolbox curl sha256sum)
  rm "$tools/uname"
  printf '#!/bin/sh\ncase $1 in -s) echo SunOS ;; -m) echo sparc64 ;; esac\n' > "$tools/uname"
  chmod +x "$tools/uname"
  URL=$SERVED TOOLS=$tools refused "unknown platform: no release archive for the OS SunOS"
}
check "install.sh: an unknown platform is refused, DIR untouched" unknown_platform
no_downloader() {
  URL=$SERVED TOOLS=$(toolbox sha256sum) refused "neither curl nor wget is installed"
}
check "install.sh: without curl and wget it says so" no_downloader
# Where it downloads from: a curl that records its URL and fails.
release_url() { # $1 = expected URL of SHA256SUMS, then install.sh's args
  local want=$1 tools
  shift
  tools=$(toolbox sha256sum)
  printf '#!/bin/sh\nwhile [ $# -gt 1 ]; do shift; done\necho "$1" >> "%s"\nexit 22\n' "$WORK/urls" > "$tools/curl"
  chmod +x "$tools/curl"
  : > "$WORK/urls"
  URL= TOOLS=$tools refused "download failed: $want" "$@"
  [ "$(cat "$WORK/urls")" = "$want" ]
}
check "install.sh: by default it downloads from releases/latest/download" \
  release_url https://github.com/mobivate-cli/mobivate/releases/latest/download/SHA256SUMS
check "install.sh --version 1.2.3: from releases/download/v1.2.3" \
  release_url https://github.com/mobivate-cli/mobivate/releases/download/v1.2.3/SHA256SUMS --version 1.2.3
check "install.sh --version v1.2.3: the same" \
  release_url https://github.com/mobivate-cli/mobivate/releases/download/v1.2.3/SHA256SUMS --version v1.2.3
check "install.sh: POSIX sh (dash -n parses it)" dash -n install.sh

# --- the action's scripts, as a runner runs them ------------------------------------------
action_steps() {
  local runner=$WORK/runner.$RANDOM
  mkdir -p "$runner/temp"
  : > "$runner/path"; : > "$runner/env"; : > "$runner/output"
  local vars=(RUNNER_OS=Linux RUNNER_ARCH=X64 RUNNER_TEMP="$runner/temp" GITHUB_PATH="$runner/path"
    GITHUB_ENV="$runner/env" GITHUB_OUTPUT="$runner/output" GITHUB_ACTIONS=true CI=true
    HOME="$runner" PATH=/usr/bin:/bin MOBIVATE_INSTALL_URL="$SERVED")
  env -i "${vars[@]}" bash dist/action/install.sh latest > "$WORK/action.out" 2>&1 || { cat "$WORK/action.out" >&2; return 1; }
  local dir=$runner/temp/mobivate/bin
  [ "$(cat "$runner/path")" = "$dir" ] || { cat "$runner/path" >&2; return 1; }
  [ "$(cat "$runner/output")" = "bin-dir=$dir" ]
  cmp "$dir/mobivate" "$X86_BIN"
  env -i "${vars[@]}" MOBIVATE_USERNAME=$USER_NAME MOBIVATE_PASSWORD=$PASSWORD MOBIVATE_BASE_URL="$API" \
    bash dist/action/getkey.sh "$dir" > "$WORK/action.out" 2> "$WORK/action.err" || { cat "$WORK/action.err" >&2; return 1; }
  [ "$(cat "$runner/env")" = "MOBIVATE_API_KEY=$KEY" ] || { cat "$runner/env" >&2; return 1; }
  grep -qxF "::add-mask::$KEY" "$WORK/action.err" # masked before it is used
  [ ! -s "$WORK/action.out" ]                     # the key is not in the log
  if grep -v "::add-mask::" "$WORK/action.err" | grep -qF "$KEY"; then return 1; fi
  [ -z "$(ls -A "$runner/temp" | grep -vx mobivate)" ] # no temporary file left
}
check "action: install.sh step (RUNNER_OS/ARCH, GITHUB_PATH, GITHUB_OUTPUT) and getkey step (GITHUB_ENV, ::add-mask::)" action_steps
action_bad_password() {
  local runner=$WORK/runner.$RANDOM
  mkdir -p "$runner"
  printf 'OTHER=1\n' > "$runner/env"
  fails env -i GITHUB_ENV="$runner/env" RUNNER_TEMP="$runner" MOBIVATE_USERNAME=$USER_NAME MOBIVATE_PASSWORD=wrong \
    MOBIVATE_BASE_URL="$API" CI=true PATH=/usr/bin:/bin bash dist/action/getkey.sh "${X86_BIN%/*}" 2> "$WORK/action.err"
  [ "$(cat "$runner/env")" = "OTHER=1" ] # nothing appended
  [ "$(ls -A "$runner")" = env ]
}
check "action: a rejected password appends nothing to GITHUB_ENV" action_bad_password
action_unknown_runner() {
  fails env -i RUNNER_OS=Plan9 RUNNER_ARCH=X64 RUNNER_TEMP="$WORK" GITHUB_PATH="$WORK/p" PATH=/usr/bin:/bin \
    bash dist/action/install.sh latest 2> "$WORK/action.err"
  grep -qF "unknown platform: no release archive for Plan9 on X64" "$WORK/action.err"
}
check "action: an unknown runner OS is refused" action_unknown_runner
action_yml_calls_scripts() {
  grep -qF 'bash "$GITHUB_ACTION_PATH/dist/action/install.sh"' action.yml
  grep -qF 'bash "$GITHUB_ACTION_PATH/dist/action/getkey.sh"' action.yml
}
check "action.yml: its steps are the scripts checked above" action_yml_calls_scripts

# --- the static binary and the real keyring --------------------------------------------------
static_keyring() {
  local home runtime
  home=$(mktemp -d "$WORK/khome.XXXX")
  runtime=$(mktemp -d "$WORK/krun.XXXX")
  chmod 700 "$runtime"
  env -i PATH=/usr/bin:/bin HOME="$home" XDG_RUNTIME_DIR="$runtime" BIN="$X86_BIN" API="$API" KEY="$KEY" \
    dbus-run-session -- bash -c '
      set -euo pipefail
      eval "$(printf "pw\n" | gnome-keyring-daemon --daemonize --unlock --components=secrets)"
      export MOBIVATE_CONFIG_DIR=$HOME/config
      printf "%s\n" "$KEY" | "$BIN" auth login --with-key --base-url "$API" --retries 0
      got=$("$BIN" auth token)
      [ "$got" = "$KEY" ] || { echo "auth token printed: $got" >&2; exit 1; }
      seen=$(secret-tool lookup service "mobivate:$MOBIVATE_CONFIG_DIR" username default)
      [ "$seen" = "$KEY" ] || { echo "secret-tool sees: $seen" >&2; exit 1; }
      ! grep -rqF "$KEY" "$MOBIVATE_CONFIG_DIR" # the key is in the keyring, not in a file
    '
}
check "static $X86 binary + gnome-keyring: auth login --with-key stores, a new process's auth token reads it, secret-tool sees it" static_keyring

printf '\nrelease checks: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
