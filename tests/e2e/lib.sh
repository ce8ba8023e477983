# Helpers shared by the end-to-end tests: run the real `cairn` binary, check
# its exit code and output, count failures. Source it; set CAIRN first.

failures=0
checks=0
work=$(mktemp -d "${TMPDIR:-/tmp}/cairn-e2e-XXXXXX")
trap 'rm -rf "$work"' EXIT

# run ARGS...: runs cairn; sets $status, $out (stdout file) and $err (stderr file).
run() {
  out="$work/stdout" err="$work/stderr"
  set +e
  "$CAIRN" "$@" >"$out" 2>"$err" </dev/null
  status=$?
  set -e
}

# run_stdin TEXT ARGS...: like run, with TEXT on standard input.
run_stdin() {
  local text=$1
  shift
  out="$work/stdout" err="$work/stderr"
  set +e
  printf '%s' "$text" | "$CAIRN" "$@" >"$out" 2>"$err"
  status=$?
  set -e
}

fail() {
  failures=$((failures + 1))
  echo "FAIL: $current: $*"
  echo "  stdout: $(head -c 600 "$out" 2>/dev/null)"
  echo "  stderr: $(head -c 600 "$err" 2>/dev/null)"
}

# test_case NAME: names the checks that follow in failure messages.
test_case() { current=$1; }

expect_status() {
  checks=$((checks + 1))
  [ "$status" -eq "$1" ] || fail "expected exit code $1, got $status"
}

# expect_in FILE TEXT: FILE contains TEXT (fixed string).
expect_in() {
  checks=$((checks + 1))
  grep -qF -- "$2" "$1" || fail "expected $(basename "$1") to contain: $2"
}

expect_not_in() {
  checks=$((checks + 1))
  ! grep -qF -- "$2" "$1" || fail "expected $(basename "$1") not to contain: $2"
}

expect_empty() {
  checks=$((checks + 1))
  [ ! -s "$1" ] || fail "expected $(basename "$1") to be empty"
}

finish() {
  echo "$checks checks, $failures failed"
  [ "$failures" -eq 0 ]
}
