#!/bin/sh
# Try mobivate without an account: `sh examples/try.sh` from a clone.
#
# Builds once, starts the mock API (examples/mock_api) on a free port, and
# walks through the main journeys. Each command is printed ($ ...) before its
# output, and each is checked: the script stops with an error as soon as a
# step does not give what it says. The mock is stopped and the scratch
# directory removed at the end, on an error, and on Ctrl-C.
#
# Any POSIX sh will do (dash, bash, busybox sh, the macOS sh).

cd "$(dirname "$0")/.." || exit 1

work=
mock_pid=
cleanup() {
  if [ -n "$mock_pid" ]; then
    kill "$mock_pid" 2>/dev/null
    wait "$mock_pid" 2>/dev/null
  fi
  if [ -n "$work" ]; then
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

fail() {
  printf '\ntry.sh: FAILED: %s\n' "$*" >&2
  exit 1
}

# step EXIT COMMAND...: print the command, run it in this shell, show what it
# printed (stdout and stderr), and check its exit status.
step() {
  want=$1
  shift
  printf '\n$ %s\n' "$*"
  eval "$*" > "$work/out" 2>&1
  got=$?
  cat "$work/out"
  [ "$got" -eq "$want" ] || fail "exited $got, expected $want: $*"
}

# expect TEXT: the last step printed TEXT (a fixed string).
expect() {
  grep -qF -- "$1" "$work/out" || fail "expected the output to contain: $1"
}

echo '# Building mobivate and the mock API (once).'
cargo build --locked --bin mobivate --example mock_api || fail "cargo build failed"
target_dir=$(cargo metadata --locked --format-version 1 --no-deps |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
[ -x "$target_dir/debug/mobivate" ] || fail "no binary at $target_dir/debug/mobivate"
PATH=$target_dir/debug:$PATH

work=$(mktemp -d) || fail "mktemp -d failed"

# A private config directory, so that a login of yours is never used or
# changed; and nothing from your environment that mobivate reads.
unset MOBIVATE_USERNAME MOBIVATE_PASSWORD MOBIVATE_API_KEY MOBIVATE_PROFILE \
  MOBIVATE_FROM MOBIVATE_ROUTE GITHUB_ACTIONS
MOBIVATE_CONFIG_DIR=$work/config
export MOBIVATE_CONFIG_DIR PATH

echo '# Starting the mock API on a free port; its first line is "listening on URL".'
"$target_dir/debug/examples/mock_api" --port 0 --quiet > "$work/mock.out" &
mock_pid=$!
tries=0
until grep -qs '^listening on ' "$work/mock.out"; do
  kill -0 "$mock_pid" 2>/dev/null || fail "the mock API exited"
  [ "$tries" -lt 30 ] || fail "the mock API did not start in 30 s"
  sleep 1
  tries=$((tries + 1))
done
url=$(sed -n '1s/^listening on //p' "$work/mock.out")
echo "# The mock API is at $url: demo@example.com / demo-password."

step 0 export MOBIVATE_BASE_URL="$url"

echo
echo '# 1. The key: a password on stdin, the key alone on stdout.'
step 0 "printf 'demo-password\n' | mobivate getkey -u demo@example.com --password-stdin"
expect abcd1234-9922-abcd-1234-abcd1234abcd

echo
echo '# In a script: stop when getkey fails, then export the key.'
step 0 "KEY=\$(printf 'demo-password\n' | mobivate getkey -u demo@example.com --password-stdin) || exit"
step 0 'export MOBIVATE_API_KEY="$KEY"'

step 0 mobivate testkey
expect 'API key is valid'

echo
echo '# 2. Before sending: how many parts, and why UCS-2.'
step 0 "mobivate segments 'Your order’s ready'"
expect "UCS-2 because of '’' (U+2019) at 11"

echo
echo '# The exact request, sending nothing (the key shows as ***).'
step 0 "mobivate send --to '+44 (0)7700 900123' --from Shop --dry-run 'Your order is ready'"
expect "POST $url/send/single"
expect 'Bearer ***'
expect '"recipient": "447700900123"'

echo
echo '# 3. Send one: "RECIPIENT MESSAGE-ID" on stdout.'
step 0 "mobivate send --to '+44 (0)7700 900123' --from Shop 'Your order is ready'"
expect '447700900123 '

echo
echo '# A batch: one line per recipient, with the campaign id. --yes, as no one is asked here.'
step 0 "mobivate send --to 447700900123,447700900124 --from Shop --yes 'Doors open at 9'"
expect '447700900123 '
expect '447700900124 '

echo
echo "# An opted-out recipient: exit 77, with the API's message."
step 77 "mobivate send --to 447700900999 --from Shop 'Hi'"
expect 'Recipient is opted out: 447700900999'

echo
echo '# 4. A campaign from a CSV file. Row 3 is a national number: invalid.'
printf 'recipient,first_name,code\n+44 7700 900001,Ann,A17\n447700900002,Bob,B22\n07700 900003,Cy,C31\n' \
  > "$work/customers.csv"
cd "$work" || fail "cannot cd to $work"
step 0 cat customers.csv

echo
echo '# Check it first: no key and no network needed; exit 65 because of row 3.'
step 65 "mobivate bulk customers.csv --check --from Shop --text 'Hi {{first_name}}, your code is {{code}}'"
expect 'rows: 3 read, 2 valid, 1 invalid, 0 duplicate'
expect 'row 3: '

echo
echo '# Send it, skipping the invalid row; each row'\''s outcome goes to report.jsonl.'
step 0 "mobivate bulk customers.csv --from Shop --text 'Hi {{first_name}}, your code is {{code}}' --skip-invalid --yes --report report.jsonl"
expect 'accepted 2, invalid 1, duplicate 0, unknown 0, rejected 0'
step 0 cat report.jsonl
expect '"state":"accepted"'
expect '"state":"invalid"'

echo
echo '# The same command again sends nothing: the journal says both rows were accepted.'
step 0 "mobivate bulk customers.csv --from Shop --text 'Hi {{first_name}}, your code is {{code}}' --skip-invalid --yes"
expect 'accepted 2, invalid 1'

echo
echo '# How did it do? The message log joined with the journal, read again every second until every message is final.'
step 0 "mobivate bulk customers.csv --from Shop --text 'Hi {{first_name}}, your code is {{code}}' --skip-invalid --status --watch --interval 1s"
expect 'delivered 2, failed 0, pending 0, missing 0 (of 2 accepted)'

echo
echo '# 5. What happened: the message log (CSV here; a table at a terminal).'
step 0 mobivate logs list --format csv
expect 447700900123
expect 447700900001
expect 447700900002

echo
echo '# Done: every step gave what it said. Stopping the mock API.'
exit 0
