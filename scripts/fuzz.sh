#!/usr/bin/env bash
# Builds the libFuzzer targets with the `sanitize` preset (build-sanitize/:
# clang, ASan+UBSan) and fuzzes them; see docs/fuzzing.md.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      each target for SECONDS (default 60), one core
#   scripts/fuzz.sh --ci [TARGET...]           each target for 25 s (what .ci/run calls)
#   scripts/fuzz.sh --nightly [TARGET...]      each target for an hour on both cores (-fork=2)
#   scripts/fuzz.sh --refresh-corpus [TARGET...]  re-minimise tests/fuzz/corpus/ (seeds + found inputs)
# Runs start from tests/fuzz/corpus/<target> and regressions/<target>; new
# inputs go to build-sanitize/fuzz-corpus/<target>, crashes to
# build-sanitize/fuzz-crashes/. Exits 1 when a target found something.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-sanitize"
all_targets=(parse pipeline manifest manifest_differential lint format lsp import)

mode=run seconds=60 forks=1
case "${1:-}" in
--ci) mode=run seconds=25; shift ;;
--nightly) mode=run seconds=3600 forks=2; shift ;;
--refresh-corpus) mode=refresh; shift ;;
[0-9]*) seconds=$1; shift ;;
esac
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $target "* ]] || { echo "unknown target '$target' (one of: ${all_targets[*]})" >&2; exit 2; }
done

"$root/scripts/setup.sh" --sanitizers
# Configured once; ninja re-runs cmake itself when a CMakeLists.txt changes.
[ -f "$build/build.ninja" ] || (cd "$root" && cmake --preset sanitize >/dev/null)
nice -n 10 ninja -C "$build" -j2 $(printf 'cairn_%s_fuzzer ' "${targets[@]}")

dict() {
  case $1 in
  manifest | manifest_differential | lint | import) echo "$root/tests/fuzz/yaml.dict" ;;
  lsp) echo "$root/tests/fuzz/lsp.dict" ;;
  *) echo "$root/tests/fuzz/cairn.dict" ;;
  esac
}
fuzzer() { echo "$build/tests/fuzz/cairn_$1_fuzzer"; }
# Leaks are findings too; UB already aborts (the preset's -fno-sanitize-recover).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/fuzz/lsan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# refresh TARGET: the committed corpus becomes the smallest set of inputs with
# all the coverage of the seeds (make_seeds.py), the old corpus and the inputs
# found by earlier runs.
refresh() {
  local target=$1 seeds="$build/fuzz-seeds" next="$build/fuzz-merge/$1"
  [ -d "$seeds/$target" ] || python3 "$root/tests/fuzz/make_seeds.py" "$seeds" >/dev/null
  rm -rf "$next" && mkdir -p "$next" "$build/fuzz-corpus/$target" "$root/tests/fuzz/corpus/$target"
  "$(fuzzer "$target")" -merge=1 -timeout=30 -rss_limit_mb=4096 "$next" "$root/tests/fuzz/corpus/$target" \
    "$seeds/$target" "$build/fuzz-corpus/$target" 2>&1 | grep -E "MERGE-OUTER: [0-9]+ new files" || true
  rm -rf "$root/tests/fuzz/corpus/$target"
  mv "$next" "$root/tests/fuzz/corpus/$target"
  echo "$target: $(ls "$root/tests/fuzz/corpus/$target" | wc -l) files, $(du -s --apparent-size --block-size=1K "$root/tests/fuzz/corpus/$target" | cut -f1) KB"
}

# run TARGET: fuzzes for $seconds; 0 when nothing was found.
run() {
  local target=$1 corpus="$build/fuzz-corpus/$1" crashes="$build/fuzz-crashes" log="$build/fuzz-logs/$1.log"
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  local parallel=() inputs=("$corpus")
  [ "$forks" -gt 1 ] && parallel=(-fork="$forks" -ignore_crashes=0)
  for dir in "$root/tests/fuzz/corpus/$target" "$root/tests/fuzz/regressions/$target"; do
    [ -d "$dir" ] && inputs+=("$dir")
  done
  echo "== fuzzing $target for ${seconds}s (log: ${log#"$root"/})"
  local status=0
  nice -n 10 "$(fuzzer "$target")" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -dict="$(dict "$target")" -artifact_prefix="$crashes/$target-" "${parallel[@]}" \
    "${inputs[@]}" >"$log" 2>&1 || status=$?
  grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|stat::number_of_executed_units|^==[0-9]+==ERROR|SUMMARY|Test unit written|artifact_prefix" "$log" | tail -6 || true
  if [ "$status" -ne 0 ] || ls "$crashes/$target-"* >/dev/null 2>&1; then
    for found in "$crashes/$target-"*; do
      [ -e "$found" ] || continue
      echo "FOUND: ${found#"$root"/}; to make it a regression: cp '$found' tests/fuzz/regressions/$target/<what-it-found>," \
        "fix the bug, check with: ctest --test-dir build-sanitize -R fuzz_replay_$target"
    done
    [ "$status" -eq 0 ] || echo "FOUND: $target exited with $status; see ${log#"$root"/}"
    return 1
  fi
}

failed=0
for target in "${targets[@]}"; do
  if [ "$mode" = refresh ]; then refresh "$target"; else run "$target" || failed=1; fi
done
if [ "$mode" = run ]; then
  [ "$failed" -eq 0 ] && echo "no findings" || echo "findings: see the FOUND lines above"
fi
exit "$failed"
