#!/usr/bin/env bash
# Benchmark `mobivate logs list --format jsonl` (issue 21, "Lists"): the
# mock API started with RECORDS messages in its log (`--seed-log`, default
# 1,000,000), listed whole (the default --since 24h holds them all, 1000 a
# page) into a pipe to `wc -l`, under /usr/bin/time -v. For each run: the
# records printed (checked against RECORDS), the pages asked for (the mock's
# request counter), the wall time, the client's own CPU (user + sys), the
# records per second of that CPU, and the peak RSS. The targets: at most
# 16 MiB, at least 300,000 records/s of client CPU. Prints a markdown table
# on stdout, for BENCHMARKS.md; progress goes to stderr. Not a test:
# nothing here asserts, but a wrong line count is marked in the table.
#
#   bash bench/lists.sh
#   RECORDS=100000 BIN=target/debug/mobivate MOCK=target/debug/examples/mock_api bash bench/lists.sh
#   BEFORE=/tmp/lists-before/mobivate ROUNDS=3 nice -n 10 bash bench/lists.sh
#
# BIN= and MOCK= use those binaries instead of building the release ones;
# BEFORE= a second client, run in turn with BIN in each of ROUNDS (1)
# rounds, so that both see the same machine and the same mock.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RECORDS=${RECORDS:-1000000}
ROUNDS=${ROUNDS:-1}
KEY=abcd1234-9922-abcd-1234-abcd1234abcd
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
[ -x /usr/bin/time ] || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq time >/dev/null
}
command -v curl >/dev/null || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq curl >/dev/null
}
. bench/lib.sh
release_binaries

echo "seeding the mock with $RECORDS messages" >&2
start_mock --seed-log "$RECORDS"
requests() { curl -s "$URL/_mock/stats" | sed 's/.*"requests":\([0-9]*\).*/\1/'; }

clients=("after:$BIN")
[ -n "${BEFORE:-}" ] && clients=("before:$BEFORE" "${clients[@]}")
rows=()
for round in $(seq "$ROUNDS"); do
  for client in "${clients[@]}"; do
    name=${client%%:*}
    bin=${client#*:}
    echo "round $round: $name ($bin)" >&2
    asked=$(requests)
    started=$(date +%s.%N)
    set +e
    env -i PATH="$PATH" HOME="$WORK" MOBIVATE_API_KEY=$KEY \
      /usr/bin/time -v -o "$WORK/time" "$bin" --base-url "$URL" logs list --format jsonl \
      2>"$WORK/stderr" | wc -l >"$WORK/lines"
    status=${PIPESTATUS[0]}
    set -e
    ended=$(date +%s.%N)
    [ "$status" = 0 ] || echo "exit $status: $(cat "$WORK/stderr")" >&2
    pages=$(($(requests) - asked - 1)) # the stats request itself counts once
    lines=$(cat "$WORK/lines")
    wall=$(echo "$ended - $started" | bc -l)
    cpu=$(awk -F': ' '/User time|System time/ { t += $2 } END { print t }' "$WORK/time")
    rss_kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time")
    check=$([ "$lines" = "$RECORDS" ] && [ "$status" = 0 ] && echo yes || echo "NO: $lines lines, exit $status")
    rows+=("$(printf '| %s | %d | %d | %d | %.2f s | %.2f s | %.0f | %.1f MiB | %s |' \
      "$name" "$round" "$RECORDS" "$pages" "$wall" "$cpu" "$(echo "$RECORDS / $cpu" | bc -l)" \
      "$(echo "$rss_kib / 1024" | bc -l)" "$check")")
  done
done
printf 'Machine: %s cores (%s), shared; load average %s at the start, %s at the end.\n\n' \
  "$(nproc)" "$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)" "$LOADAVG_START" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '`%s --base-url URL logs list --format jsonl | wc -l`, the mock started with `--seed-log %d`.\n\n' \
  mobivate "$RECORDS"
printf '| client | round | records | pages | wall | client CPU | records/s of CPU | peak RSS | all records |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---|\n'
printf '%s\n' "${rows[@]}"
