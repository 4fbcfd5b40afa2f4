#!/usr/bin/env bash
# Start-up, counted in instructions by callgrind (repeatable on a shared
# machine), for the "Start-up" table of issue 21: `--version`, `--help`,
# `getkey` over plain http against the mock API, and `send --dry-run`.
# Not a test: nothing here asserts.
#   bash bench/startup.sh NAME=BINARY...    e.g.
#   bash bench/startup.sh before=/tmp/mobivate-before \
#        after=target/x86_64-unknown-linux-musl/release/mobivate
# ANNOTATE=DIR keeps each run's callgrind.out in DIR (for callgrind_annotate).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
. bench/lib.sh
any_mock
start_mock

instructions() { # NAME LABEL BINARY ARGS...: the process's instructions, loader included
  local name=$1 label=$2; shift 2
  local out=/dev/null
  [ -n "${ANNOTATE:-}" ] && mkdir -p "$ANNOTATE" && out=$ANNOTATE/callgrind.$name.$label
  valgrind --tool=callgrind --callgrind-out-file="$out" "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

export MOBIVATE_PASSWORD=demo-password MOBIVATE_API_KEY=abcd1234-9922-abcd-1234-abcd1234abcd
printf 'load average: %s\n\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| build | size | `--version` | `--help` | `getkey` (http) | `send --dry-run` |\n|---|---:|---:|---:|---:|---:|\n'
for arg in "$@"; do
  name=${arg%%=*} b=${arg#*=}
  v=$(instructions "$name" version "$b" --version)
  h=$(instructions "$name" help "$b" --help)
  g=$(instructions "$name" getkey "$b" getkey --base-url "$URL" -u demo@example.com --retries 0)
  s=$(instructions "$name" send "$b" --base-url "$URL" send --dry-run --to 447900000001 --from Shop 'Hello there')
  printf '| %s | %s bytes | %s | %s | %s | %s |\n' "$name" "$(stat -c %s "$b")" \
    "$(printf "%'d" "$v")" "$(printf "%'d" "$h")" "$(printf "%'d" "$g")" "$(printf "%'d" "$s")"
done
