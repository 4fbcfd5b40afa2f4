#!/usr/bin/env bash
# Benchmark `mobivate bulk FILE --status` (issue 20): a ROWS-row run
# (default 1,000,000) sent to the mock API with --delivery-mix, then, once
# every message is final, one `--status --format json` read of the message
# log (ROWS / 1000 pages): its wall time, rows per second and peak RSS
# (/usr/bin/time -v). The claim to hold: one pass over the log, memory
# within 64 MiB for a million rows. Prints a markdown table on stdout, for
# BENCHMARKS.md; progress goes to stderr. Not a test: nothing here asserts.
#
#   bash bench/status.sh
#   ROWS=100000 BIN=target/debug/mobivate MOCK=target/debug/examples/mock_api bash bench/status.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ROWS=${ROWS:-1000000}
KEY=abcd1234-9922-abcd-1234-abcd1234abcd
[ -x /usr/bin/time ] || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq time >/dev/null
}
. bench/lib.sh
release_binaries
start_mock --delivery-mix
echo "writing $ROWS rows" >&2
awk -v n="$ROWS" 'BEGIN { print "recipient,name"; for (i = 0; i < n; i++) printf "4477%08d,N%d\n", i, i }' \
  >"$WORK/rows.csv"
run=(env MOBIVATE_API_KEY=$KEY "$BIN" --base-url "$URL" bulk "$WORK/rows.csv" --text 'Hi {{name}}' --from Shop)
echo "sending" >&2
"${run[@]}" --yes >/dev/null 2>&1
# Every status is final at most 6 s after acceptance (--delivery-mix).
sleep 7
echo "reading the status" >&2
started=$(date +%s.%N)
# 75 is expected: the mock's demo opt-out 447700900999 is among the rows,
# dropped silently by the API, so one row is missing from the log.
/usr/bin/time -v -o "$WORK/time" "${run[@]}" --status --format json >"$WORK/status.json" 2>"$WORK/stderr" ||
  echo "exit $?: $(cat "$WORK/stderr")" >&2
ended=$(date +%s.%N)
seconds=$(echo "$ended - $started" | bc -l)
rss_kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time")
rate=$(echo "$ROWS / $seconds" | bc -l)
cpu=$(awk -F': ' '/User time|System time/ { t += $2 } END { print t }' "$WORK/time")
echo "status: $(cat "$WORK/status.json")" >&2
printf '| rows | pages read | wall time | rows/s | mobivate CPU | peak RSS |\n|---:|---:|---:|---:|---:|---:|\n'
printf '| %d | %d | %.2f s | %.0f | %.2f s | %.1f MiB |\n' "$ROWS" $(((ROWS + 999) / 1000)) "$seconds" "$rate" "$cpu" \
  "$(echo "$rss_kib / 1024" | bc -l)"
