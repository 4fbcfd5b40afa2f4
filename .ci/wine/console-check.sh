#!/usr/bin/env bash
# The Windows console prompts, end to end: mobivate.exe under wine on a Unix
# pseudo-terminal (`script`), which wine turns into a console. The Rust tests
# cannot do this: a Windows test has no console to type into (see NOTES.md).
# Called by .ci/windows-tests.sh with wine's environment set; $1 = wine,
# $2 = mobivate.exe, $3 = a scratch file.
#
#   1. Ctrl-C at the hidden password prompt exits 130.
#   2. A typed password is not echoed, and the prompt reads it: the run
#      goes on to the (refused) connection and exits 69.
set -euo pipefail
WINE=$1 EXE=$2 OUT=$3

# Types each of $@ once the screen shows "Password for" (at most 60 s).
type_at_prompt() {
  for _ in $(seq 600); do
    grep -q "Password for" "$OUT" 2>/dev/null && break
    sleep 0.1
  done
  printf "$@"
}

run() { # $1 = what to type; prints the exit status
  local status=0
  rm -f "$OUT"
  type_at_prompt "$1" | env -u CI -u MOBIVATE_PASSWORD -u MOBIVATE_API_KEY \
    script -qec "$WINE $EXE getkey -u alice --base-url http://127.0.0.1:9" /dev/null >"$OUT" || status=$?
  echo "$status"
}

status=$(run '\003')
if [ "$status" != 130 ]; then
  echo "console check: Ctrl-C at the password prompt exited $status, not 130:" >&2
  cat -v "$OUT" >&2
  exit 1
fi

status=$(run 'typed-secret\r')
if [ "$status" != 69 ] || grep -q "typed-secret" "$OUT"; then
  echo "console check: the hidden prompt exited $status (not 69) or echoed the password:" >&2
  cat -v "$OUT" >&2
  exit 1
fi
echo "console check: Ctrl-C at the hidden prompt exits 130; the password is read without echo" >&2
