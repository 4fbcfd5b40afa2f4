#!/usr/bin/env bash
# Start-up instructions, sizes and bulk throughput of release binaries, for
# the "Static binaries" section of BENCHMARKS.md (issue 19). Not a test.
#   bash bench/static.sh NAME=BINARY...    e.g.
#   bash bench/static.sh before=target/before/mobivate glibc=target/release/mobivate \
#        musl=target/x86_64-unknown-linux-musl/release/mobivate
# Start-up is counted by callgrind (instructions: stable on a shared
# machine): `mobivate --version`, and `getkey` over plain http against the
# mock API. Bulk: ROWS rows (default 300,000) to the mock, ROUNDS rounds
# (default 3) alternating the binaries, best wall and mean CPU. Prints
# Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-300000}
ROUNDS=${ROUNDS:-3}
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }

. bench/lib.sh
any_mock
instructions() { # the binary's own instructions, loader and libraries included
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

names=() bins=()
for arg in "$@"; do names+=("${arg%%=*}"); bins+=("${arg#*=}"); done

start_mock
export MOBIVATE_PASSWORD=demo-password
printf '| build | size | NEEDED | `--version` instructions | `getkey` (http) instructions |\n|---|---:|---|---:|---:|\n'
for i in "${!bins[@]}"; do
  b=${bins[$i]}
  size=$(stat -c %s "$b")
  needed=$(readelf -d "$b" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | paste -sd ' ' -)
  v=$(instructions "$b" --version)
  g=$(instructions "$b" getkey --base-url "$URL" -u demo@example.com --retries 0)
  printf '| %s | %s bytes (%.2f MiB) | %s | %s | %s |\n' "${names[$i]}" "$size" \
    "$(awk -v s="$size" 'BEGIN {print s / 1048576}')" "${needed:-none}" \
    "$(printf "%'d" "$v")" "$(printf "%'d" "$g")"
done

python3 - "$WORK/rows.csv" "$ROWS" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("recipient,first_name,code\n")
    for i in range(int(sys.argv[2])):
        f.write(f"4479{i:08d},Name{i % 997},C{i}\n")
PY
export MOBIVATE_API_KEY=abcd1234-9922-abcd-1234-abcd1234abcd
for r in $(seq "$ROUNDS"); do
  for i in "${!bins[@]}"; do
    start_mock
    rm -f "$WORK/rows.csv.mobivate-journal"
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/t" "${bins[$i]}" --base-url "$URL" bulk "$WORK/rows.csv" \
      --yes --from Shop --text 'Hi {{first_name}}, your code is {{code}}. Reply STOP to opt out' \
      > /dev/null 2> "$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
    printf '%s %s\n' "$i" "$(cat "$WORK/t")" >> "$WORK/bulk"
  done
done
printf '\n| build | best wall, %s rows | rows/s (best) | mean client CPU | peak RSS |\n|---|---:|---:|---:|---:|\n' "$ROWS"
for i in "${!bins[@]}"; do
  awk -v i="$i" -v n="${names[$i]}" -v rows="$ROWS" '$1 == i {
      c++; cpu += $3 + $4; if (best == "" || $2 < best) best = $2; if ($5 > rss) rss = $5 }
    END { printf "| %s | %.2f s | %\047d | %.2f s | %.1f MiB |\n", n, best, rows / best, cpu / c, rss / 1024 }' "$WORK/bulk"
done
