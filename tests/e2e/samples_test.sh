#!/usr/bin/env bash
# Builds every sample under samples/ for each of its environments and compares
# the output with the committed expected file; new samples are picked up
# automatically. Regenerate expected files with tests/e2e/update-samples.sh.
#   samples_test.sh PATH/TO/cairn PATH/TO/samples
set -euo pipefail
CAIRN=$(realpath "$1")
SAMPLES=$(realpath "$2")
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/samples.sh"

builds=$(sample_builds "$SAMPLES")
[ -n "$builds" ] || { echo "no samples found in $SAMPLES"; exit 1; }
while read -r name env; do
  test_case "sample $name ($env)"
  expected="$SAMPLES/$name/expected/$env.yaml"
  out="$work/stdout" err="$work/stderr"
  set +e
  build_sample "$CAIRN" "$SAMPLES" "$name" "$env" >"$out" 2>"$err"
  status=$?
  set -e
  expect_status 0
  checks=$((checks + 1))
  if [ ! -f "$expected" ]; then
    fail "missing $name/expected/$env.yaml; create it with tests/e2e/update-samples.sh $name"
  elif ! cmp -s "$expected" "$out"; then
    fail "output differs from $name/expected/$env.yaml"
    diff -u "$expected" "$out" | head -40 || true
  fi
  # A successful build must also be deterministic.
  if [ "$status" -eq 0 ]; then
    checks=$((checks + 1))
    build_sample "$CAIRN" "$SAMPLES" "$name" "$env" 2>/dev/null >"$work/again" || true
    cmp -s "$work/again" "$out" || fail "a second build of $name ($env) gave different output"
  fi
done <<<"$builds"
finish
