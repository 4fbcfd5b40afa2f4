#!/usr/bin/env bash
# CPU per row (issue 21): the client's own CPU (user + system, GNU time) for
#
# - `bulk --check` of ROWS rows (default 1,000,000) of `recipient,name`
#   (`4479{i:08d},Name{i % 997}`) with the template
#   `Hi {{name}}, your code is 1234`: pass one and the counting pass;
# - the sending pass of SEND_ROWS rows (default 300,000) of the same file
#   against a fresh mock API on 127.0.0.1: `bulk --yes` minus `--check` of
#   the same file, so that what is left is the pass that batches, sends and
#   journals (the mock's CPU is its own process's, never counted).
#
# Each NAME=BINARY is measured ROUNDS times (default 3), the binaries
# alternating within a round so that a change in the machine's load falls
# on all of them alike. Prints markdown tables on stdout, progress on
# stderr. Not a test: nothing here asserts.
#
#   bash bench/cpu.sh before=/tmp/mobivate-d979a14 after=target/x86_64-unknown-linux-musl/release/mobivate
#
# MOCK= the mock binary (default target/release/examples/mock_api, else the
# debug one).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
SEND_ROWS=${SEND_ROWS:-300000}
ROUNDS=${ROUNDS:-3}
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
[ $# -gt 0 ] || { echo "usage: bench/cpu.sh NAME=BINARY..." >&2; exit 2; }
KEY=abcd1234-9922-abcd-1234-abcd1234abcd
TEMPLATE='Hi {{name}}, your code is 1234'
. bench/lib.sh
any_mock
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
awk -v n="$ROWS" 'BEGIN { print "recipient,name"; for (i = 0; i < n; i++) printf "4479%08d,Name%d\n", i, i % 997 }' >"$WORK/rows.csv"
head -n $((SEND_ROWS + 1)) "$WORK/rows.csv" >"$WORK/send.csv"

cpu_of() { awk '{ printf "%.2f", $1 + $2 }' "$1"; }
check_cpu() { # BINARY FILE: the CPU of one --check
  /usr/bin/time -f '%U %S %M' -o "$WORK/time" "$1" bulk "$2" --check --from Shop --text "$TEMPLATE" >/dev/null 2>&1
  cpu_of "$WORK/time"
}
send_cpu() { # BINARY: the CPU of one send of $WORK/send.csv to a fresh mock
  start_mock
  rm -f "$WORK/send.csv.mobivate-journal" "$WORK"/*.journal
  MOBIVATE_API_KEY=$KEY /usr/bin/time -f '%U %S %M' -o "$WORK/time" "$1" --base-url "$URL" \
    bulk "$WORK/send.csv" --yes --journal "$WORK/send.journal" --from Shop --text "$TEMPLATE" >"$WORK/out" 2>"$WORK/err" ||
    { echo "send failed: $(cat "$WORK/err")" >&2; exit 1; }
  stop_mock
  rm -f "$WORK/send.journal"
  cpu_of "$WORK/time"
}

declare -A check send send_check rss
names=()
for spec in "$@"; do names+=("${spec%%=*}"); done
for round in $(seq "$ROUNDS"); do
  for spec in "$@"; do
    name=${spec%%=*} bin=${spec#*=}
    echo "round $round: $name" >&2
    c=$(check_cpu "$bin" "$WORK/rows.csv"); r=$(awk '{ print $3 }' "$WORK/time")
    s=$(send_cpu "$bin")
    sc=$(check_cpu "$bin" "$WORK/send.csv")
    check[$name]="${check[$name]:-} $c" send[$name]="${send[$name]:-} $s" send_check[$name]="${send_check[$name]:-} $sc" rss[$name]=$r
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

best() { tr ' ' '\n' | grep . | sort -n | head -1; }
first=${names[0]}
base_check=$(echo "${check[$first]}" | best)
printf '| binary | `--check` of %s rows: CPU per round | best | ratio to %s | peak RSS |\n|---|---|---:|---:|---:|\n' "$ROWS" "$first"
for name in "${names[@]}"; do
  b=$(echo "${check[$name]}" | best)
  printf '| %s |%s s | %s s | %.2f× | %.1f MiB |\n' "$name" "${check[$name]}" "$b" "$(echo "$b / $base_check" | bc -l)" "$(echo "${rss[$name]} / 1024" | bc -l)"
done
echo
printf '| binary | `bulk --yes` of %s rows: CPU per round | `--check` of them | sending pass (best send − best check) | ratio to %s |\n|---|---|---|---:|---:|\n' "$SEND_ROWS" "$first"
pass() { echo "$(echo "${send[$1]}" | best) - $(echo "${send_check[$1]}" | best)" | bc -l; }
base_pass=$(pass "$first")
for name in "${names[@]}"; do
  p=$(pass "$name")
  printf '| %s |%s s |%s s | %.2f s | %.2f× |\n' "$name" "${send[$name]}" "${send_check[$name]}" "$p" "$(echo "$p / $base_pass" | bc -l)"
done
