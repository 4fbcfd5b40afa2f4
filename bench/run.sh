#!/usr/bin/env bash
# Benchmark `mobivate getkey` against the clients in Mobivate's documentation
# (curl, curl | jq, Python requests), side by side in one run, against the
# mock API from examples/ over plain http and over https with a generated CA;
# mobivate's default trust store against --cacert; the binary's size and what
# each crate adds to it (cargo bloat). Writes BENCHMARKS.md. Not a test:
# nothing here asserts a time.
#
#   bash bench/run.sh                          # RUNS=N, WARMUP=N, ROUNDS=N change the counts
#   BEFORE=path/to/old/mobivate BEFORE_NOTE="what it is" bash bench/run.sh
#                                              # also time an older binary's default path
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
BEFORE=${BEFORE:-} BEFORE_NOTE=${BEFORE_NOTE:-}
RUNS=${RUNS:-200}
WARMUP=${WARMUP:-20}

need() { command -v "$1" >/dev/null 2>&1; }
install_debian() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
}
need hyperfine || install_debian hyperfine
need jq || install_debian jq
need curl || install_debian curl
need openssl || install_debian openssl
[ -x /usr/bin/time ] || install_debian time
python3 -c 'import requests' 2>/dev/null || python3 -m pip install --quiet requests
need cargo-bloat || cargo install --locked --quiet cargo-bloat

cargo build --release --locked --bin mobivate --example mock_api
BIN=$ROOT/target/release/mobivate
MOCK=$ROOT/target/release/examples/mock_api

WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

# A CA and a server certificate for 127.0.0.1, made for this run only.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=mobivate bench CA" \
  -keyout "$WORK/ca.key" -out "$WORK/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
  -keyout "$WORK/server.key" -out "$WORK/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' > "$WORK/ext.cnf"
openssl x509 -req -in "$WORK/server.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" -CAcreateserial \
  -days 2 -extfile "$WORK/ext.cnf" -out "$WORK/server.pem" 2>/dev/null

start_mock() { # $1 = name of the variable to set to the URL; then the mock's flags
  local var=$1; shift
  "$MOCK" --port 0 "$@" > "$WORK/$var.out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do
    url=$(sed -n 's/^listening on //p' "$WORK/$var.out")
    if [ -n "$url" ]; then printf -v "$var" '%s' "$url"; return; fi
    sleep 0.05
  done
  echo "the mock API did not start: $(cat "$WORK/$var.out")" >&2; exit 1
}
start_mock HTTP_URL
start_mock HTTPS_URL --tls-cert "$WORK/server.pem" --tls-key "$WORK/server.key"

printf '%s' '{"username":"demo@example.com","password":"demo-password"}' > "$WORK/body.json"
BODY=@$WORK/body.json
export MOBIVATE_PASSWORD=demo-password
export BENCH_CA=$WORK/ca.pem

# "name<TAB>command" lines, per scheme. The same key must come out of each.
commands() { # $1 = base URL, $2 = extra TLS flag for mobivate, $3 = for curl
  local url=$1 mob_tls=$2 curl_tls=$3
  local t=$'\t'
  echo "mobivate getkey$t$BIN getkey --base-url $url -u demo@example.com $mob_tls"
  echo "curl$t""curl -s $curl_tls -X POST -H 'Content-Type: application/json' -d $BODY $url/auth/getkey"
  echo "curl | jq$t""sh -c \"curl -s $curl_tls -X POST -H 'Content-Type: application/json' -d $BODY $url/auth/getkey | jq -r .apiKey\""
  echo "python3 requests$t""python3 $ROOT/bench/getkey.py $url"
}

run_suite() { # $1 = label, then the command lines
  local label=$1; shift
  local args=() names=()
  while IFS=$'\t' read -r name cmd; do
    out=$(sh -c "$cmd")
    case "$out" in *abcd1234-9922-abcd-1234-abcd1234abcd*) ;; *) echo "$name did not print the key: $out" >&2; exit 1 ;; esac
    names+=("$name"); args+=(-n "$name" "$cmd")
  done
  # -N: no shell around each command, so sub-5 ms commands are timed precisely;
  # the pipeline brings its own `sh -c`, as it would need one anywhere.
  hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" --export-json "$WORK/$label.json" "${args[@]}" >&2
  for i in "${!names[@]}"; do
    cmd=$(sed -n "$((i + 1))p" "$WORK/$label.cmds" | cut -f2-)
    rss=$(eval "/usr/bin/time -v $cmd" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')
    printf '%s\t%s\n' "${names[$i]}" "$rss" >> "$WORK/$label.rss"
  done
}

commands "$HTTP_URL" "" "" > "$WORK/http.cmds"
commands "$HTTPS_URL" "--cacert $WORK/ca.pem" "--cacert $WORK/ca.pem" > "$WORK/https.cmds"
run_suite http < "$WORK/http.cmds"
run_suite https < "$WORK/https.cmds"
hyperfine --style basic -N --warmup 50 --runs 1000 --export-json "$WORK/version.json" "$BIN --version" >&2

# The default trust store against --cacert, same server, same CA. The CA goes
# into a copy of the system bundle, given as SSL_CERT_FILE, with the system's
# hashed directory as SSL_CERT_DIR: the files a machine whose store holds the
# CA would read. Then the same with the CA only in a hashed directory of its
# own, in front of the system's: the path that has to read the directories.
SYS_BUNDLE=/etc/ssl/certs/ca-certificates.crt
SYS_DIR=/etc/ssl/certs
cat "$SYS_BUNDLE" "$WORK/ca.pem" > "$WORK/bundle.pem"
mkdir "$WORK/certs"
cp "$WORK/ca.pem" "$WORK/certs/bench-ca.pem"
openssl rehash "$WORK/certs"
trust_suite() { # $1 = label, $2 = SSL_CERT_FILE, $3 = SSL_CERT_DIR
  local label=$1 args=() names cmds out i
  local base="getkey --base-url $HTTPS_URL -u demo@example.com"
  names=("with --cacert CA" "default trust store")
  cmds=("$BIN $base --cacert $WORK/ca.pem" "$BIN $base")
  if [ -n "${BEFORE:-}" ]; then
    names+=("default trust store, BEFORE=$BEFORE")
    cmds+=("$BEFORE $base")
  fi
  for i in "${!names[@]}"; do
    out=$(SSL_CERT_FILE=$2 SSL_CERT_DIR=$3 ${cmds[$i]})
    [ "$out" = abcd1234-9922-abcd-1234-abcd1234abcd ] || { echo "${names[$i]} did not print the key: $out" >&2; exit 1; }
    args+=(-n "${names[$i]}" "${cmds[$i]}")
  done
  # In rounds, so that a change in the machine's load during the run falls
  # on every command alike.
  local round rounds=${ROUNDS:-10}
  for round in $(seq "$rounds"); do
    SSL_CERT_FILE=$2 SSL_CERT_DIR=$3 hyperfine -N --style basic --warmup "$(( (WARMUP + rounds - 1) / rounds ))" \
      --runs "$(( (RUNS + rounds - 1) / rounds ))" --export-json "$WORK/$label-$round.json" "${args[@]}" >&2
  done
  printf '%s\n' "SSL_CERT_FILE=$2 SSL_CERT_DIR=$3" "${cmds[@]}" > "$WORK/$label.cmds"
}
trust_suite trust-bundle "$WORK/bundle.pem" "$SYS_DIR"
trust_suite trust-dir "$SYS_BUNDLE" "$WORK/certs:$SYS_DIR"

# What each crate adds: cargo bloat needs symbols, so an unstripped build of
# its own, in its own target directory.
CARGO_PROFILE_RELEASE_STRIP=false cargo bloat --release --locked --bin mobivate --crates -n 0 \
  --target-dir "$ROOT/target/bloat" --message-format json > "$WORK/bloat.json"

# Peak RSS of mobivate alone (no shell in between), as the target is about mobivate itself.
MOB_RSS_HTTP=$(/usr/bin/time -v "$BIN" getkey --base-url "$HTTP_URL" -u demo@example.com 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')
MOB_RSS_HTTPS=$(/usr/bin/time -v "$BIN" getkey --base-url "$HTTPS_URL" -u demo@example.com --cacert "$WORK/ca.pem" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')
SIZE=$(stat -c %s "$BIN")

export WORK HTTP_URL HTTPS_URL SIZE MOB_RSS_HTTP MOB_RSS_HTTPS RUNS WARMUP SYS_BUNDLE SYS_DIR LOADAVG_START BEFORE BEFORE_NOTE
python3 "$ROOT/bench/report.py" > "$ROOT/BENCHMARKS.md"
echo "wrote BENCHMARKS.md" >&2

# mobivate bulk: 1,000,000 rows against the mock, beside two Python baselines.
bash "$ROOT/bench/bulk.sh"
