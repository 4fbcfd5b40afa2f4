#!/bin/sh
# Smoke test of the mock API: starts it on free ports, calls every endpoint
# and fault switch with curl, and checks status codes and key fields.
#   sh examples/mock_api/smoke.sh                  # builds the example first
#   MOCK=path/to/mock_api sh examples/mock_api/smoke.sh
# Needs curl. Exits 1 when a check fails.
set -eu
cd "$(dirname "$0")/../.."

if [ -z "${MOCK:-}" ]; then
  # Ask cargo where the binary is, so that CARGO_TARGET_DIR is honoured.
  MOCK=$(cargo build --quiet --example mock_api --message-format=json \
    | grep -o '"executable":"[^"]*mock_api"' | sed 's/^"executable":"//; s/"$//')
fi
TMP=$(mktemp -d)
PIDS=""
cleanup() {
  for pid in $PIDS; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

URL=""
start() { # start NAME FLAGS...: sets URL
  name=$1
  shift
  : >"$TMP/$name.out"
  "$MOCK" --port 0 --quiet "$@" >"$TMP/$name.out" 2>&1 &
  PIDS="$PIDS $!"
  for _ in $(seq 50); do
    URL=$(sed -n 's/^listening on //p' "$TMP/$name.out")
    [ -n "$URL" ] && return 0
    sleep 0.1
  done
  echo "the mock did not start: $(cat "$TMP/$name.out")" >&2
  exit 1
}

PASS=0
FAIL=0
# check NAME STATUS TEXT CURL-ARGS...: the status matches and the body contains TEXT.
check() {
  name=$1 status=$2 text=$3
  shift 3
  got=$(curl -s -o "$TMP/body" -w '%{http_code}' "$@") || got="curl exit $?"
  if [ "$got" = "$status" ] && grep -qF -- "$text" "$TMP/body"; then
    PASS=$((PASS + 1))
  else
    FAIL=$((FAIL + 1))
    echo "FAIL $name: expected $status with '$text', got $got: $(head -c 300 "$TMP/body")"
  fi
}

KEY=abcd1234-9922-abcd-1234-abcd1234abcd
AUTH="Authorization: Bearer $KEY"
CREDS='{"username":"demo@example.com","password":"demo-password"}'
TODAY=$(date -u +%Y-%m-%d)
FAR=2099-01-01
SINGLE='{"originator":"Shop","recipient":"447700900123","body":"Hello","routeId":"mglobal","reference":"s-1"}'

start main
check getkey 200 "\"apiKey\":\"$KEY\"" "$URL/auth/getkey" -d "$CREDS"
check "getkey, wrong password" 401 'Invalid Credentials' "$URL/auth/getkey" -d '{"username":"demo@example.com","password":"x"}'
check testkey 200 'API Key is valid' "$URL/auth/test" -H "$AUTH"
check "no key" 401 '"code":401' "$URL/send/single" -d "$SINGLE"
check single 200 '"reference":"s-1"' "$URL/send/single" -H "$AUTH" -d "$SINGLE"
ID=$(sed 's/.*"id":"\([0-9A-F]*\)".*/\1/' "$TMP/body")
check "single, opted out" 403 'Recipient is opted out: 447700900999' "$URL/send/single" -H "$AUTH" \
  -d '{"originator":"Shop","recipient":"447700900999","body":"Hi","routeId":"mglobal"}'
check "single, bad recipient" 400 'Invalid recipient' "$URL/send/single" -H "$AUTH" \
  -d '{"originator":"Shop","recipient":"123","body":"Hi","routeId":"mglobal"}'
check "single, no routeId" 400 'Missing field: routeId' "$URL/send/single" -H "$AUTH" \
  -d '{"originator":"Shop","recipient":"447700900123","body":"Hi"}'
check batch 200 '"recipients":[{"recipient":"447700900001"' "$URL/send/batch" -H "$AUTH" -d '{"routeId":"mglobal","name":"n","recipients":[
  {"recipient":"447700900001","text":"a","originator":"Shop","reference":"b-1"},
  {"recipient":"447700900999","text":"b","originator":"Shop","reference":"b-2"},
  {"recipient":"447700901000","text":"c","originator":"Shop","reference":"b-3","routeId":"other"}]}'
check "batch, duplicate reference" 400 'Duplicate reference: b-1' "$URL/send/batch" -H "$AUTH" -d '{"routeId":"mglobal","recipients":[
  {"recipient":"447700900001","text":"a","originator":"Shop","reference":"b-1"},
  {"recipient":"447700900002","text":"a","originator":"Shop","reference":"b-1"}]}'
check "batch, body instead of text" 400 'Recipient 1: Missing field: text' "$URL/send/batch" -H "$AUTH" \
  -d '{"routeId":"mglobal","recipients":[{"recipient":"447700900001","body":"a","originator":"Shop"}]}'

Q="startDate=$TODAY&endDate=$FAR"
check "search, page 1" 200 '"senderReference":"b-1"' "$URL/message?$Q&pageSize=2" -H "$AUTH"
check "search, page 2 (last, short)" 200 '"senderReference":"b-3"' "$URL/message?$Q&pageSize=2&page=2" -H "$AUTH"
check "search, full timestamps" 200 '"status":"ACCEPTED"' "$URL/message?startDate=${TODAY}T00:00:00%2B0000&endDate=$FAR" -H "$AUTH"
check "search, + not encoded" 400 'Invalid startDate' "$URL/message?startDate=${TODAY}T00:00:00+0000&endDate=$FAR" -H "$AUTH"
check "search, no endDate" 400 'Missing endDate' "$URL/message?startDate=$TODAY" -H "$AUTH"
check "search, pageSize 1001" 400 'Invalid pageSize' "$URL/message?$Q&pageSize=1001" -H "$AUTH"
check "search, MO" 200 '[]' "$URL/message?$Q&direction=MO" -H "$AUTH"
check "one message" 200 "\"id\":\"$ID\"" "$URL/message/$ID" -H "$AUTH"
check "no such message" 404 'Not Found' "$URL/message/0123456789ABCDEF0123456789ABCDEF" -H "$AUTH"
conns=$(curl -s -o /dev/null -o /dev/null -w '%{num_connects}' "$URL/auth/test" "$URL/auth/test" -H "$AUTH")
[ "$conns" = 10 ] && PASS=$((PASS + 1)) || { FAIL=$((FAIL + 1)); echo "FAIL keep-alive: connects $conns"; }

check "optouts list" 200 '"mobile":"447700900999","note":"MO"' "$URL/addressbook/optout" -H "$AUTH"
check "optout add" 200 '"note":"API"' "$URL/addressbook/optout" -H "$AUTH" -d '{"mobile":"447700900555"}'
check "optout add, invalid" 400 'Invalid mobile number' "$URL/addressbook/optout" -H "$AUTH" -d '{"mobile":"+44"}'
check "single to an added opt-out" 403 'opted out: 447700900555' "$URL/send/single" -H "$AUTH" \
  -d '{"originator":"Shop","recipient":"447700900555","body":"Hi","routeId":"mglobal"}'
check "optout delete, documented path" 404 'Not Found' -X DELETE "$URL/addressbook/optout" -H "$AUTH" -d '{"mobile":"447700900555"}'
check "optout delete, fallback" 200 '"mobile":"447700900555"' -X DELETE "$URL/optout" -H "$AUTH" -d '{"mobile":"447700900555"}'
check "optout delete, not opted out" 404 'Not Found' -X DELETE "$URL/optout" -H "$AUTH" -d '{"mobile":"447700900555"}'
check "webhook" 200 'Webhook updated successfully' "$URL/webhooks/click" -H "$AUTH" -d '{"url":"https://example.com/c"}'
check "webhook, bad url" 400 'Invalid url' "$URL/webhooks/receipt" -H "$AUTH" -d '{"url":"example.com"}'

sleep 2.2
check "status after 2 s" 200 '"status":"DELIVERED"' "$URL/message/$ID" -H "$AUTH"
check "failure path" 200 '"status":"UNDELIVERABLE"' "$URL/message?$Q" -H "$AUTH"
check "createkey" 200 '"apiKey"' "$URL/auth/createkey" -d "$CREDS"
check "old key revoked" 401 'Unauthorized' "$URL/message?$Q" -H "$AUTH"
check stats 200 '"accepted":3,' "$URL/_mock/stats"

start fail --fail-rate 1
check "--fail-rate 1" 500 '"code":500' "$URL/send/single" -H "$AUTH" -d "$SINGLE"
check "--fail-rate stores nothing" 200 '"accepted":0,' "$URL/_mock/stats"
start drop --drop-after-read 1
check "--drop-after-read 1" "curl exit 52" '' "$URL/send/single" -H "$AUTH" -d "$SINGLE"
check "--drop-after-read stores" 200 '"accepted":1,' "$URL/_mock/stats"
start limit --rate-limit 1/s
# The window is a clock second: five quick requests span at most two, so at
# most two get through.
for _ in 1 2 3 4 5; do
  curl -s -D - -o /dev/null "$URL/send/single" -H "$AUTH" -d "$SINGLE" | tr -d '\r' >>"$TMP/limit.headers"
done
limited=$(grep -c '^HTTP/1.1 429' "$TMP/limit.headers" || true)
retry=$(grep -c '^Retry-After: 1$' "$TMP/limit.headers" || true)
if [ "$limited" -ge 3 ] && [ "$retry" = "$limited" ]; then
  PASS=$((PASS + 1))
else
  FAIL=$((FAIL + 1))
  echo "FAIL --rate-limit: $limited answers 429, $retry with Retry-After: 1"
fi

start latency --latency 300
check "stats before a send" 200 '"firstSendAt":null,"lastAnswerAt":null' "$URL/_mock/stats"
took=$(curl -s -o /dev/null -w '%{time_total}' "$URL/send/single" -H "$AUTH" -d "$SINGLE")
if awk -v t="$took" 'BEGIN {exit !(t >= 0.3)}'; then
  PASS=$((PASS + 1))
else
  FAIL=$((FAIL + 1))
  echo "FAIL --latency 300: answered after $took s"
fi
check "stats time the sends" 200 '"lastAnswerAt":1' "$URL/_mock/stats"
start mix --delivery-mix
check "--delivery-mix send" 200 '"reference":"m-1"' "$URL/send/single" -H "$AUTH" \
  -d '{"originator":"Shop","recipient":"447700904195","body":"Hi","routeId":"mglobal","reference":"m-1"}'
ID=$(sed 's/.*"id":"\([0-9A-F]*\)".*/\1/' "$TMP/body")
sleep 1.2
check "--delivery-mix: 95 ends REJECTED after 1 s" 200 '"status":"REJECTED"' "$URL/message/$ID" -H "$AUTH"

echo "mock API smoke test: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
