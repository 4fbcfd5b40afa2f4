#!/usr/bin/env bash
# Benchmark `mobivate bulk`. Three parts, chosen with PARTS (default all):
#
# - loopback: a 1,000,000-row CSV with a template, sent to the mock API on
#   127.0.0.1 (read, validate, count parts, serialise, send, journal), beside
#   two Python baselines: the documented `requests` call one message at a
#   time through /send/single (timed on 10,000 rows and extrapolated), and a
#   script posting the same batches sequentially. Replaces the "Bulk
#   sending" section of BENCHMARKS.md.
# - latency: the same rows against the mock at `--latency 100` (a
#   real-shaped network: every answer 100 ms after its request), with
#   `--parallel` 1, 4, 8 and 16, beside the Python sequential batch poster on
#   the same mock. Wall time runs from the first send request's arrival to
#   the last answer, from the mock's `GET /_mock/stats` (`firstSendAt`,
#   `lastAnswerAt`), so that the file passes before and after do not blur
#   it; the ideal is requests x latency / parallel.
# - ratelimit: the same rows with the mock's `--rate-limit 20/s` (and the
#   same latency) and `--parallel 16`: the accepted rate against the limit,
#   and the share of requests answered 429.
#
# The latency and ratelimit parts print markdown tables on stdout, for
# BENCHMARKS.md; progress goes to stderr. Not a test: nothing here asserts.
#
#   bash bench/bulk.sh
#   ROWS=100000 PARALLEL="1 16" PARTS="latency ratelimit" nice -n 10 bash bench/bulk.sh
#
# ROWS (1000000), SINGLE_ROWS (10000), LATENCY (100, or MS,JITTER),
# PARALLEL ("1 4 8 16"), RATE_LIMIT (20, send requests a second); BIN= and
# MOCK= use those binaries instead of building the release ones; BEFORE= a
# second mobivate, run beside BIN in the latency and ratelimit parts.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ROWS=${ROWS:-1000000}
SINGLE_ROWS=${SINGLE_ROWS:-10000}
PARTS=${PARTS:-loopback latency ratelimit}
LATENCY=${LATENCY:-100}
PARALLEL=${PARALLEL:-1 4 8 16}
RATE_LIMIT=${RATE_LIMIT:-20}
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
want() { case " $PARTS " in *" $1 "*) return 0 ;; esac; return 1; }
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

. bench/lib.sh
release_binaries
TICK=$(getconf CLK_TCK)

python3 - "$WORK/rows.csv" "$ROWS" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("recipient,first_name,code\n")
    for i in range(int(sys.argv[2])):
        f.write(f"4479{i:08d},Name{i % 997},C{i}\n")
PY

mock_cpu() { awk -v t="$TICK" '{printf "%.2f", ($14 + $15) / t}' "/proc/$MOCK_PID/stat"; }
accepted() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["accepted"])' "$WORK/stats.json"; }
field() { sed -n "s/.*$1: //p" "$2"; }
wall_seconds() { # "m:ss.ss" or "h:mm:ss" from GNU time
  field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$1" | awk -F: '{s=0; for(i=1;i<=NF;i++) s=s*60+$i; print s}'
}

# measure NAME ROWS FUNCTION [MOCK FLAGS...]: runs FUNCTION (which uses $URL,
# and $PAR for --parallel) under GNU time against a fresh mock started with
# the flags; one line of results in $RESULTS (default $WORK/results), and the
# mock's final counters in $WORK/stats.json.
measure() {
  local name=$1 rows=$2 run=$3
  shift 3
  start_mock "$@"
  local before; before=$(mock_cpu)
  /usr/bin/time -v -o "$WORK/time" bash -c "$(declare -f "$run"); URL=$URL WORK=$WORK BIN=$BIN BEFORE=${BEFORE:-} ROOT=$ROOT PAR=${PAR:-} $run" \
    > "$WORK/out" 2> "$WORK/err" || {
      cat "$WORK/err" "$WORK/time" >&2
      kill -0 "$MOCK_PID" 2>/dev/null || echo "the mock API exited: $(cat "$WORK/mock.out")" >&2
      exit 1
    }
  curl -s "$URL/_mock/stats" > "$WORK/stats.json"
  local wall cpu rss got
  wall=$(wall_seconds "$WORK/time")
  cpu=$(awk '/User time|System time/ {s += $NF} END {printf "%.2f", s}' "$WORK/time")
  rss=$(field 'Maximum resident set size (kbytes)' "$WORK/time")
  got=$(accepted)
  [ "$got" = "$rows" ] || { echo "$name: the mock accepted $got of $rows" >&2; cat "$WORK/err" >&2; exit 1; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rows" "$wall" "$cpu" "$rss" \
    "$(awk -v a="$(mock_cpu)" -v b="$before" 'BEGIN {printf "%.2f", a - b}')" \
    "$(tr -d '\n' < "$WORK/stats.json")" >> "${RESULTS:-$WORK/results}"
}

run_mobivate() {
  rm -f "$WORK/rows.csv.mobivate-journal"
  exec "$BIN" --base-url "$URL" bulk "$WORK/rows.csv" --yes --from Shop ${PAR:+--parallel "$PAR"} \
    --text 'Hi {{first_name}}, your code is {{code}}. Reply STOP to opt out'
}
run_before() { # the same run with $BEFORE, the binary compared against (BEFORE=)
  rm -f "$WORK/rows.csv.mobivate-journal"
  exec "$BEFORE" --base-url "$URL" bulk "$WORK/rows.csv" --yes --from Shop ${PAR:+--parallel "$PAR"} \
    --text 'Hi {{first_name}}, your code is {{code}}. Reply STOP to opt out'
}
run_single() { exec python3 "$ROOT/bench/bulk_single.py" "$URL" "$MOBIVATE_API_KEY" "$WORK/rows.csv" "$SINGLE_ROWS"; }
run_batches() { exec python3 "$ROOT/bench/bulk_batches.py" "$URL" "$MOBIVATE_API_KEY" "$WORK/rows.csv"; }

: > "$WORK/results"
export MOBIVATE_API_KEY=$KEY SINGLE_ROWS

# ---------- latency and rate limit: tables on stdout ----------
if want latency; then
  : > "$WORK/latency"
  for PAR in $PARALLEL; do
    echo "latency $LATENCY ms: mobivate bulk --parallel $PAR, $ROWS rows" >&2
    RESULTS=$WORK/latency measure "mobivate bulk --parallel $PAR" "$ROWS" run_mobivate --latency "$LATENCY"
    if [ -n "${BEFORE:-}" ]; then
      echo "latency $LATENCY ms: BEFORE bulk --parallel $PAR, $ROWS rows" >&2
      RESULTS=$WORK/latency measure "before: mobivate bulk --parallel $PAR" "$ROWS" run_before --latency "$LATENCY"
    fi
  done
  PAR=
  echo "latency $LATENCY ms: python3 sequential batches, $ROWS rows" >&2
  RESULTS=$WORK/latency measure "python3 requests, the same batches sequentially" "$ROWS" run_batches --latency "$LATENCY"
fi
if want ratelimit; then
  : > "$WORK/ratelimit"
  PAR=16
  echo "rate limit $RATE_LIMIT/s, latency $LATENCY ms: mobivate bulk --parallel 16, $ROWS rows" >&2
  RESULTS=$WORK/ratelimit measure "mobivate bulk --parallel 16" "$ROWS" run_mobivate \
    --latency "$LATENCY" --rate-limit "$RATE_LIMIT/s"
  if [ -n "${BEFORE:-}" ]; then
    echo "rate limit $RATE_LIMIT/s, latency $LATENCY ms: BEFORE bulk --parallel 16, $ROWS rows" >&2
    RESULTS=$WORK/ratelimit measure "before: mobivate bulk --parallel 16" "$ROWS" run_before \
      --latency "$LATENCY" --rate-limit "$RATE_LIMIT/s"
  fi
  PAR=
fi
if want latency || want ratelimit; then
  LOADAVG_END=$(cut -d' ' -f1-3 /proc/loadavg)
  BEFORE=${BEFORE:-}
  export WORK ROWS LATENCY RATE_LIMIT LOADAVG_START LOADAVG_END PARALLEL PARTS BIN MOCK ROOT BEFORE
  python3 - <<'PY'
import json
import os

work, rows_total = os.environ["WORK"], int(os.environ["ROWS"])
latency_ms = float(os.environ["LATENCY"].split(",")[0])
jitter = os.environ["LATENCY"].partition(",")[2]
limit = int(os.environ["RATE_LIMIT"])
cpu = os.popen("nproc").read().strip()
model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")


def read(name):
    path = f"{work}/{name}"
    if not os.path.exists(path):
        return []
    out = []
    for line in open(path):
        name, rows, wall, cpu_s, rss, mock_cpu, stats = line.rstrip("\n").split("\t")
        out.append((name, int(rows), float(wall), float(cpu_s), int(rss), float(mock_cpu), json.loads(stats)))
    return out


def span(stats):
    return (stats["lastAnswerAt"] - stats["firstSendAt"]) / 1000


lat = f"{latency_ms:g} ms" + (f" ± {jitter} ms" if jitter else "")
print(f"Machine: {cpu} cores ({model}), shared; load average {os.environ['LOADAVG_START']} at the start, "
      f"{os.environ['LOADAVG_END']} at the end. {rows_total:,} rows (`recipient,first_name,code`, "
      "the template `Hi {{first_name}}, your code is {{code}}. Reply STOP to opt out`), "
      "1,000 recipients a request, a fresh mock for each client. Binaries: "
      f"`{os.path.relpath(os.environ['BIN'], os.environ['ROOT'])}`, "
      f"`{os.path.relpath(os.environ['MOCK'], os.environ['ROOT'])}`"
      + (f"; the rows named \"before\" ran `{os.environ['BEFORE']}` in the same run." if os.environ['BEFORE'] else "."))
print()
defaults = {"ROWS": "1000000", "PARALLEL": "1 4 8 16", "PARTS": "loopback latency ratelimit",
            "LATENCY": "100", "RATE_LIMIT": "20"}
env = " ".join(f'{k}="{os.environ[k]}"' for k in defaults if os.environ.get(k, defaults[k]) != defaults[k])
print("Commands as run: `" + (env + " " if env else "") + "bash bench/bulk.sh`, which runs, for each client, "
      f"`mock_api --port 0 --quiet --latency {os.environ['LATENCY']}` (and `--rate-limit {limit}/s` for the "
      "rate-limited run), then "
      "`mobivate --base-url URL bulk rows.csv --yes --from Shop --parallel N --text 'Hi {{first_name}}, ...'` "
      "or `python3 bench/bulk_batches.py URL KEY rows.csv`, under `/usr/bin/time -v`.")
print()
results = read("latency")
if results:
    print(f"### Bulk sending over a real-shaped network: mock `--latency {os.environ['LATENCY']}`")
    print()
    print("Wall time is from the first send request's arrival to the last answer (the mock's "
          "`firstSendAt` and `lastAnswerAt`); end to end is the client's whole run (GNU time), "
          "file passes included. Ideal: requests × latency / parallel.")
    print()
    print("| client | parallel | requests | wall | ideal | wall / ideal | end to end | client CPU (user+sys) | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, rows, wall, cpu_s, rss, mock_cpu, stats in results:
        parallel = int(name.rsplit(" ", 1)[1]) if "--parallel" in name else 1
        requests = stats["sendRequests"]
        ideal = requests * latency_ms / 1000 / parallel
        w = span(stats)
        print(f"| {name} | {parallel} | {requests:,} | {w:.2f} s | {ideal:.2f} s | {w / ideal:.2f}× | "
              f"{wall:.2f} s | {cpu_s:.2f} s | {rss / 1024:.1f} MiB |")
    print()
results = read("ratelimit")
if results:
    print(f"### A rate-limited run: mock `--rate-limit {limit}/s --latency {os.environ['LATENCY']}`, `--parallel 16`")
    print()
    print("Accepted rate: send requests answered 200 per second of wall time (first request to last answer). "
          "429 share: requests answered 429 over all send requests. Targets: accepted rate ≥ 80% of the limit, "
          "429 share ≤ 10%.")
    print()
    print("| client | requests | accepted (200) | 429 | wall | accepted rate | of the limit | 429 share | end to end | client CPU | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, rows, wall, cpu_s, rss, mock_cpu, stats in results:
        requests, ok, limited = stats["sendRequests"], stats["batches"], stats["rateLimited"]
        w = span(stats)
        rate = ok / w if w else 0
        print(f"| {name} | {requests:,} | {ok:,} | {limited:,} | {w:.2f} s | {rate:.1f}/s | "
              f"{rate / limit:.0%} | {limited / requests:.1%} | {wall:.2f} s | {cpu_s:.2f} s | {rss / 1024:.1f} MiB |")
    print()
PY
fi

want loopback || exit 0
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
    "journal (its records synced before each request goes out and before its outcome is counted), and count the outcome. "
    "The mock's own CPU time is shown separately: on this 2-core machine it competes with the client. "
    "Regenerate with `bash bench/bulk.sh` (`ROWS=N`, `SINGLE_ROWS=N`); `bench/run.sh` runs it too. "
    "Same machine as above (2 cores, shared with other work while this ran: treat the walls as upper bounds).",
    "",
    "| client | rows | wall | rows/s | client CPU | peak RSS | mock CPU | 1,000,000 rows |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
]
for name, rows, wall, cpu, rss, mock, _stats in results:
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
