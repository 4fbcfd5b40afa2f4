#!/usr/bin/env bash
# The structural "Done when" items of issue 17, checked over src/. Prints
# every violation and exits 1 if there is any, 0 otherwise.
#
#   - no function over 100 lines (from its `fn` line to its closing brace,
#     as `wc -l` counts them), test modules (`#[cfg(test)] mod`) excluded;
#   - no file over 600 lines, test modules not counted;
#   - src/commands/bulk.rs at most 150 lines, test modules not counted;
#   - no `unreachable!` in src/commands/;
#   - nothing below commands/ (any folder of src/ but cli/ and commands/)
#     imports `crate::cli` or `crate::commands`;
#   - `cfg(` only under src/platform/, plus `#[cfg(test)]`;
#   - no two files importing each other (best effort: `use crate::…`,
#     `use super::…` and inline `crate::a::b` paths, resolved to files).
#
# Usage: .ci/layout-check.sh [SRC_DIR]   (default: src, from the repo root)

set -uo pipefail

src=${1:-src}
cd "$(dirname "$0")/.." || exit 2
[ -d "$src" ] || { echo "layout-check: no directory $src" >&2; exit 2; }

max_fn=100
max_file=600
max_bulk=150
violations=0

say() {
  printf '%s\n' "$*"
  violations=$((violations + 1))
}

mapfile -t files < <(find "$src" -name '*.rs' -type f | LC_ALL=C sort)

# Files that are test modules themselves: declared `#[cfg(test)] mod NAME;`.
declare -A test_file=()
for file in "${files[@]}"; do
  dir=$(dirname "$file")
  base=$(basename "$file" .rs)
  case $base in
    mod | lib | main) child_dir=$dir ;;
    *) child_dir=$dir/$base ;;
  esac
  while read -r name; do
    [ -n "$name" ] || continue
    test_file[$child_dir/$name.rs]=1
    test_file[$child_dir/$name/mod.rs]=1
  done < <(awk '
    /#\[cfg\(test\)\]/ { pending = 1 }
    pending && match($0, /^[[:space:]]*(pub(\([a-z]+\))?[[:space:]]+)?mod[[:space:]]+[A-Za-z0-9_]+[[:space:]]*;/) {
      line = substr($0, RSTART, RLENGTH)
      sub(/^[[:space:]]*(pub(\([a-z]+\))?[[:space:]]+)?mod[[:space:]]+/, "", line)
      sub(/[[:space:]]*;.*/, "", line)
      print line
    }
    !/#\[cfg\(test\)\]/ && !/^[[:space:]]*(#|\/\/)/ { pending = 0 }
  ' "$file")
done

# Lengths: one awk pass per file prints `FILE_LINES n` and `FN name start len`.
# Test modules (`#[cfg(test)]` followed by `mod … {`) are skipped whole.
measure() {
  awk '
    function strip(s,   out, i, c, n, in_str, esc) {
      # Drops string and char literals and line comments, for brace counting.
      out = ""; in_str = 0; esc = 0; n = length(s)
      for (i = 1; i <= n; i++) {
        c = substr(s, i, 1)
        if (in_str) {
          if (esc) { esc = 0 } else if (c == "\\") { esc = 1 } else if (c == "\"") { in_str = 0 }
          continue
        }
        if (c == "\"") { in_str = 1; continue }
        if (c == "/" && substr(s, i + 1, 1) == "/") break
        if (c == "'\''" && substr(s, i + 2, 1) == "'\''") { i += 2; continue }
        if (c == "'\''" && substr(s, i + 1, 1) == "\\" ) {
          # an escaped char literal such as '\''\n'\'' or '\''\\'\''
          while (i < n && substr(s, ++i, 1) != "'\''") {}
          continue
        }
        out = out c
      }
      return out
    }
    BEGIN { depth = 0; skip_depth = -1; counted = 0; test_attr = 0; nfn = 0; pending = 0 }
    {
      raw = $0
      line = strip(raw)
      opens = gsub(/\{/, "{", line)
      closes = gsub(/\}/, "}", line)

      if (skip_depth >= 0) {
        depth += opens - closes
        if (depth <= skip_depth) skip_depth = -1
        next
      }
      if (raw ~ /^[[:space:]]*#\[cfg\(test\)\]/) { test_attr = 1 }
      else if (test_attr && raw ~ /^[[:space:]]*(pub(\([a-z]+\))?[[:space:]]+)?mod[[:space:]]+[A-Za-z0-9_]+[[:space:]]*\{/) {
        # the test module: its attribute line is not counted either
        counted -= 1
        test_attr = 0
        skip_depth = depth
        depth += opens - closes
        if (depth <= skip_depth) skip_depth = -1
        next
      } else if (raw !~ /^[[:space:]]*(#|\/\/)/ && raw !~ /^[[:space:]]*$/) {
        test_attr = 0
      }
      counted++

      if (match(raw, /^[[:space:]]*(pub(\([a-z:]+\))?[[:space:]]+)?(const[[:space:]]+)?(async[[:space:]]+)?(unsafe[[:space:]]+)?(extern[[:space:]]+"[A-Za-z]+"[[:space:]]+)?fn[[:space:]]+[A-Za-z0-9_]+/)) {
        name = substr(raw, RSTART, RLENGTH); sub(/.*fn[[:space:]]+/, "", name)
        pending = 1; p_name = name; p_start = NR; p_depth = depth; p_counted = counted
      }
      if (pending) {
        # a declaration without a body (a trait method) ends at `;`
        before_brace = line; sub(/\{.*/, "", before_brace)
        if (opens == 0 && before_brace ~ /;[[:space:]]*$/) { pending = 0 }
        else if (opens > 0) {
          nfn++; f_name[nfn] = p_name; f_start[nfn] = p_start; f_depth[nfn] = p_depth; f_counted[nfn] = p_counted; f_open[nfn] = 1
          pending = 0
        }
      }
      depth += opens - closes
      for (k = nfn; k >= 1; k--) {
        if (f_open[k] && depth <= f_depth[k]) {
          f_open[k] = 0
          printf "FN %s %d %d\n", f_name[k], f_start[k], counted - f_counted[k] + 1
        }
      }
    }
    END { printf "FILE_LINES %d\n", counted }
  ' "$1"
}

for file in "${files[@]}"; do
  [ -n "${test_file[$file]:-}" ] && continue
  while read -r kind a b c; do
    case $kind in
      FILE_LINES)
        if [ "$a" -gt "$max_file" ]; then
          say "$file: $a lines (over $max_file, test modules not counted)"
        fi
        if [ "$file" = "$src/commands/bulk.rs" ] && [ "$a" -gt "$max_bulk" ]; then
          say "$file: $a lines (commands/bulk.rs may have at most $max_bulk)"
        fi
        ;;
      FN)
        if [ "$c" -gt "$max_fn" ]; then
          say "$file:$b: fn $a is $c lines (over $max_fn)"
        fi
        ;;
    esac
  done < <(measure "$file")
done

# No `unreachable!` in commands/.
if [ -d "$src/commands" ]; then
  while IFS= read -r hit; do
    say "$hit: unreachable! in commands/"
  done < <(grep -rn --include='*.rs' 'unreachable!' "$src/commands" | cut -d: -f1,2)
fi

# Nothing below commands/ imports the argv structs or the commands.
for dir in "$src"/*/; do
  dir=${dir%/}
  case $(basename "$dir") in cli | commands) continue ;; esac
  while IFS= read -r hit; do
    say "$hit: below commands/, imports crate::cli or crate::commands"
  done < <(grep -rnE --include='*.rs' 'crate::(cli|commands)\b|crate::\{[^}]*\b(cli|commands)\b' "$dir" | cut -d: -f1,2)
done

# `cfg(` only under platform/, plus `#[cfg(test)]`.
while IFS= read -r hit; do
  location=${hit%%:[!0-9]*}
  text=${hit#*:*:}
  rest=${text//'#[cfg(test)]'/}
  case $rest in
    *'cfg('*) say "$location: cfg( outside src/platform/" ;;
  esac
done < <(grep -rn --include='*.rs' 'cfg(' "$src" | grep -v "^$src/platform/")

# No two files importing each other. Each file's `crate::` and `super::`
# paths (brace groups expanded) are resolved to the longest path that is a
# file: a/b/c.rs, a/b/c/mod.rs, then a/b.rs, ...
module_file() { # segments... -> the file of the longest module prefix
  local -a segs=("$@")
  local n=${#segs[@]} path
  while [ "$n" -gt 0 ]; do
    path=$(IFS=/; echo "${segs[*]:0:n}")
    if [ -f "$src/$path.rs" ]; then echo "$src/$path.rs"; return; fi
    if [ -f "$src/$path/mod.rs" ]; then echo "$src/$path/mod.rs"; return; fi
    n=$((n - 1))
  done
}

# Prints the module path of FILE (segments separated by spaces).
module_of() {
  local rel=${1#"$src"/}
  rel=${rel%.rs}
  rel=${rel%/mod}
  case $rel in lib | main) rel= ;; esac
  echo "${rel//\// }"
}

# Prints one `crate::…` path per line used by FILE, `super::` made absolute.
paths_in() {
  local file=$1 self parent
  self=$(module_of "$file")
  # For a/b.rs and a/b/mod.rs alike, `super` is a.
  parent=${self% *}
  [ "$parent" = "$self" ] && parent=
  awk -v parent="$parent" '
    function expand(prefix, body,   depth, i, c, item, out) {
      # body: the inside of one brace group; prints prefix::item for each item
      depth = 0; item = ""
      for (i = 1; i <= length(body); i++) {
        c = substr(body, i, 1)
        if (c == "{") depth++
        if (c == "}") depth--
        if (c == "," && depth == 0) { emit(prefix, item); item = ""; continue }
        item = item c
      }
      emit(prefix, item)
    }
    function emit(prefix, item,   open, inner, head) {
      gsub(/^[[:space:]]+|[[:space:]]+$/, "", item)
      if (item == "" || item == "self") { print prefix; return }
      sub(/[[:space:]]+as[[:space:]]+.*/, "", item)
      open = index(item, "{")
      if (open > 0) {
        head = substr(item, 1, open - 1); sub(/::$/, "", head)
        inner = substr(item, open + 1); sub(/\}[^}]*$/, "", inner)
        expand(prefix "::" head, inner)
      } else {
        print prefix "::" item
      }
    }
    function absolute(path) {
      if (path ~ /^super::/) {
        sub(/^super::/, "", path)
        gsub(/ /, "::", parent)
        return parent == "" ? "crate::" path : "crate::" parent "::" path
      }
      return path
    }
    {
      text = text $0 "\n"
    }
    END {
      # `use` statements, possibly over several lines
      rest = text
      while (match(rest, /use[[:space:]]+(crate|super)::[^;]*;/)) {
        stmt = substr(rest, RSTART, RLENGTH)
        rest = substr(rest, RSTART + RLENGTH)
        gsub(/\n/, " ", stmt)
        sub(/^use[[:space:]]+/, "", stmt); sub(/;$/, "", stmt)
        stmt = absolute(stmt)
        open = index(stmt, "{")
        if (open > 0) {
          head = substr(stmt, 1, open - 1); sub(/::$/, "", head)
          inner = substr(stmt, open + 1); sub(/\}[^}]*$/, "", inner)
          expand(head, inner)
        } else {
          print stmt
        }
      }
      # inline paths: crate::a::b
      rest = text
      while (match(rest, /crate::[A-Za-z0-9_]+(::[A-Za-z0-9_]+)*/)) {
        print substr(rest, RSTART, RLENGTH)
        rest = substr(rest, RSTART + RLENGTH)
      }
    }
  ' "$file"
}

declare -A imports=()
for file in "${files[@]}"; do
  [ -n "${test_file[$file]:-}" ] && continue
  while IFS= read -r path; do
    path=${path#crate::}
    [ -n "$path" ] || continue
    IFS=: read -r -a raw <<< "${path//::/:}"
    target=$(module_file "${raw[@]}")
    [ -n "$target" ] && [ "$target" != "$file" ] && imports["$file|$target"]=1
  done < <(paths_in "$file" | sort -u)
done
for pair in "${!imports[@]}"; do
  a=${pair%%|*}
  b=${pair#*|}
  if [[ "$a" < "$b" ]] && [ -n "${imports[$b|$a]:-}" ]; then
    say "$a <-> $b: the two files import each other"
  fi
done

if [ "$violations" -gt 0 ]; then
  echo "layout-check: $violations violation(s)"
  exit 1
fi
echo "layout-check: ok"
