# Sourced by the bench scripts (after they cd to the repository root): a
# scratch directory $WORK removed at exit, the binaries to measure, and one
# way to start the mock API. Not a script of its own.

WORK=$(mktemp -d)
MOCK_PID=
URL=

stop_mock() {
  if [ -n "$MOCK_PID" ]; then
    kill "$MOCK_PID" 2>/dev/null || true
    wait "$MOCK_PID" 2>/dev/null || true
    MOCK_PID=
  fi
}
bench_cleanup() { stop_mock; rm -rf "$WORK"; }
trap bench_cleanup EXIT

# BIN= and MOCK= as given, or the release builds (built here).
release_binaries() {
  if [ -z "${BIN:-}" ] || [ -z "${MOCK:-}" ]; then
    cargo build --release --locked --bin mobivate --example mock_api >&2
    BIN=$PWD/target/release/mobivate
    MOCK=$PWD/target/release/examples/mock_api
  fi
}

# MOCK= as given, or the release mock if built, else the debug one.
any_mock() {
  MOCK=${MOCK:-target/release/examples/mock_api}
  [ -x "$MOCK" ] || MOCK=target/debug/examples/mock_api
}

# start_mock FLAGS...: a fresh mock API on a free port, started with FLAGS
# (after `--port 0 --quiet`); sets URL and MOCK_PID. The previous one, if
# any, is stopped first, so that each client meets an empty mock.
start_mock() {
  stop_mock
  # Emptied before the mock starts: the loop must not read a stale URL, or
  # a file the mock's redirection has not made yet.
  : >"$WORK/mock.out"
  "$MOCK" --port 0 --quiet "$@" >"$WORK/mock.out" 2>"$WORK/mock.err" &
  MOCK_PID=$!
  URL=
  for _ in $(seq 600); do # 30 s: seeding a large log (--seed-log) takes a while
    URL=$(sed -n 's/^listening on //p' "$WORK/mock.out")
    [ -n "$URL" ] && return 0
    kill -0 "$MOCK_PID" 2>/dev/null || break
    sleep 0.05
  done
  echo "the mock API did not start: $(cat "$WORK/mock.err")" >&2
  exit 1
}
