#!/usr/bin/env bash
# Benchmark `mobivate bulk`: a 1,000,000-row CSV with a template, sent to the
# mock API on 127.0.0.1 (read, validate, count parts, serialise, send,
# journal), beside two Python baselines: the documented `requests` call one
# message at a time through /send/single (timed on 10,000 rows and
# extrapolated), and a script posting the same batches sequentially.
# Replaces the "Bulk sending" section of BENCHMARKS.md. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ROWS=${ROWS:-1000000}
SINGLE_ROWS=${SINGLE_ROWS:-10000}
KEY=abcd1234-9922-abcd-1234-abcd1234abcd
TEMPLATE='Hi {{first_name}}, your code is {{code}}. Reply STOP to opt out'

need() { command -v "$1" >/dev/null 2>&1; }
install_debian() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
}
[ -x /usr/bin/time ] || install_debian time
need curl || install_debian curl
python3 -c 'import requests' 2>/dev/null || python3 -m pip install --quiet requests

cargo build --release --locked --bin mobivate --example mock_api
BIN=$ROOT/target/release/mobivate
MOCK=$ROOT/target/release/examples/mock_api
TICK=$(getconf CLK_TCK)

WORK=$(mktemp -d)
MOCK_PID=
cleanup() { [ -n "$MOCK_PID" ] && kill "$MOCK_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

python3 - "$WORK/rows.csv" "$ROWS" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("recipient,first_name,code\n")
    for i in range(int(sys.argv[2])):
        f.write(f"4479{i:08d},Name{i % 997},C{i}\n")
PY

start_mock() { # a fresh mock for each client, so its memory starts empty
  [ -n "$MOCK_PID" ] && kill "$MOCK_PID" 2>/dev/null && wait "$MOCK_PID" 2>/dev/null || true
  "$MOCK" --port 0 --quiet > "$WORK/mock.out" 2>&1 &
  MOCK_PID=$!
  for _ in $(seq 100); do
    URL=$(sed -n 's/^listening on //p' "$WORK/mock.out")
    [ -n "$URL" ] && return
    sleep 0.05
  done
  echo "the mock API did not start" >&2; exit 1
}
mock_cpu() { awk -v t="$TICK" '{printf "%.2f", ($14 + $15) / t}' "/proc/$MOCK_PID/stat"; }
accepted() { curl -s "$URL/_mock/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accepted"])'; }
field() { sed -n "s/.*$1: //p" "$2"; }
wall_seconds() { # "m:ss.ss" or "h:mm:ss" from GNU time
  field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$1" | awk -F: '{s=0; for(i=1;i<=NF;i++) s=s*60+$i; print s}'
}

# measure NAME ROWS FUNCTION: runs FUNCTION (which uses $URL) under GNU time
# against a fresh mock; one line of results in $WORK/results.
measure() {
  local name=$1 rows=$2 run=$3
  start_mock
  local before; before=$(mock_cpu)
  /usr/bin/time -v -o "$WORK/time" bash -c "$(declare -f "$run"); URL=$URL WORK=$WORK BIN=$BIN ROOT=$ROOT $run" \
    > "$WORK/out" 2> "$WORK/err" || { cat "$WORK/err" "$WORK/time" >&2; exit 1; }
  local wall cpu rss got
  wall=$(wall_seconds "$WORK/time")
  cpu=$(awk '/User time|System time/ {s += $NF} END {printf "%.2f", s}' "$WORK/time")
  rss=$(field 'Maximum resident set size (kbytes)' "$WORK/time")
  got=$(accepted)
  [ "$got" = "$rows" ] || { echo "$name: the mock accepted $got of $rows" >&2; cat "$WORK/err" >&2; exit 1; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rows" "$wall" "$cpu" "$rss" \
    "$(awk -v a="$(mock_cpu)" -v b="$before" 'BEGIN {printf "%.2f", a - b}')" >> "$WORK/results"
}

run_mobivate() {
  rm -f "$WORK/rows.csv.mobivate-journal"
  exec "$BIN" --base-url "$URL" bulk "$WORK/rows.csv" --yes --from Shop \
    --text 'Hi {{first_name}}, your code is {{code}}. Reply STOP to opt out'
}
run_single() { exec python3 "$ROOT/bench/bulk_single.py" "$URL" "$MOBIVATE_API_KEY" "$WORK/rows.csv" "$SINGLE_ROWS"; }
run_batches() { exec python3 "$ROOT/bench/bulk_batches.py" "$URL" "$MOBIVATE_API_KEY" "$WORK/rows.csv"; }

: > "$WORK/results"
export MOBIVATE_API_KEY=$KEY SINGLE_ROWS
measure "mobivate bulk" "$ROWS" run_mobivate
cp "$WORK/err" "$WORK/mobivate.err"
measure "python3 requests, /send/single one at a time" "$SINGLE_ROWS" run_single
measure "python3 requests, the same batches sequentially" "$ROWS" run_batches

export WORK ROWS SINGLE_ROWS
python3 - "$ROOT/BENCHMARKS.md" <<'PY'
import os
import sys

path, work = sys.argv[1], os.environ["WORK"]
rows_total = int(os.environ["ROWS"])
results = [line.rstrip("\n").split("\t") for line in open(f"{work}/results")]
mobivate_rate = None
lines = [
    "## Bulk sending: `mobivate bulk`",
    "",
    f"A {rows_total:,}-row CSV (`recipient,first_name,code`) sent with the template "
    "`Hi {{first_name}}, your code is {{code}}. Reply STOP to opt out` and `--from Shop`, "
    "to the mock API (`examples/mock_api/`, `--quiet`) on 127.0.0.1, a fresh mock for each client. "
    "Wall time is end to end: read, validate, count parts, find duplicates, serialise, send, "
    "journal (fsynced before and after each request), and count the outcome. "
    "The mock's own CPU time is shown separately: on this 2-core machine it competes with the client. "
    "Regenerate with `bash bench/bulk.sh` (`ROWS=N`, `SINGLE_ROWS=N`); `bench/run.sh` runs it too. "
    "Same machine as above (2 cores, shared with other work while this ran: treat the walls as upper bounds).",
    "",
    "| client | rows | wall | rows/s | client CPU | peak RSS | mock CPU | 1,000,000 rows |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
]
for name, rows, wall, cpu, rss, mock in results:
    rows, wall = int(rows), float(wall)
    rate = rows / wall if wall else 0
    if mobivate_rate is None:
        mobivate_rate = rate
    million = 1_000_000 / rate if rate else 0
    note = "" if rows == rows_total else " (extrapolated)"
    lines.append(
        f"| {name} | {rows:,} | {wall:.2f} s | {rate:,.0f} | {float(cpu):.2f} s | "
        f"{int(rss) / 1024:.1f} MiB | {float(mock):.2f} s | {million:,.1f} s{note} |"
    )
m = results[0]
rate = int(m[1]) / float(m[2])
rss = int(m[4]) / 1024
lines += [
    "",
    "| target | measured | met |",
    "|---|---|---|",
    f"| ≥ 100,000 rows/s end to end | {rate:,.0f} rows/s | {'yes' if rate >= 100_000 else 'no'} |",
    f"| peak RSS ≤ 64 MiB at 1,000,000 rows | {rss:.1f} MiB | {'yes' if rss <= 64 else 'no'} |",
    "",
]
profile = os.path.join(os.path.dirname(path), "bench", "bulk-profile.md")
if os.path.exists(profile):
    lines += open(profile).read().rstrip("\n").split("\n") + [""]
text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
start = text.find("## Bulk sending")
if start >= 0:
    end = text.find("\n## ", start + 1)
    text = text[:start] + (text[end + 1:] if end >= 0 else "")
open(path, "w").write(text.rstrip("\n") + "\n\n" + "\n".join(lines))
PY
echo "wrote the Bulk sending section of BENCHMARKS.md" >&2
