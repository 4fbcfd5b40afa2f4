#!/usr/bin/env bash
# The getkey step of action.yml (input getkey: true): gets the account's API
# key with MOBIVATE_USERNAME and MOBIVATE_PASSWORD from the step's env and
# appends MOBIVATE_API_KEY=KEY to $GITHUB_ENV, so later steps have it. With
# GITHUB_ACTIONS=true mobivate first prints ::add-mask::KEY, so the key is
# masked in the log. The key never goes to argv or to the log.
#   $1: the folder mobivate was installed in (dist/action/install.sh)
set -euo pipefail
: "${GITHUB_ENV:?not set: this runs as a step of a GitHub Actions job}"
dir=${1:?the folder of the installed mobivate}
[ -n "${MOBIVATE_PASSWORD:-}" ] || {
  printf 'mobivate action: error: getkey: true needs MOBIVATE_PASSWORD (and MOBIVATE_USERNAME) in the env of the step\n' >&2
  exit 64
}
# Into a file first: a failed getkey appends nothing to GITHUB_ENV.
out=$(mktemp "${RUNNER_TEMP:-/tmp}/mobivate-getkey.XXXXXX")
trap 'rm -f "$out"' EXIT
"$dir/mobivate" getkey --no-input --format env > "$out"
cat "$out" >> "$GITHUB_ENV"
