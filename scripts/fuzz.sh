#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build-fuzz/) and runs each for a
# bounded time, seeded with the file tests and samples (the manifest and lint
# targets with the manifest, CRD and policy-test corpora).
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60, all targets)
# A crash leaves its input in build-fuzz/crashes/; turn it into a file test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse pipeline manifest manifest_differential lint format)

cmake -S "$root" -B "$root/build-fuzz" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DCAIRN_FUZZ=ON -DCAIRN_BUILD_TESTS=OFF >/dev/null
ninja -C "$root/build-fuzz" $(printf 'cairn_%s_fuzzer ' "${targets[@]}")

# seeds TARGET: the directories whose files start the target's corpus.
seeds() {
  case $1 in
  manifest | manifest_differential) echo "$root/tests/corpus/manifests/valid $root/tests/corpus/manifests/invalid $root/tests/corpus/crds" ;;
  lint) echo "$root/tests/policy $root/tests/corpus/manifests/valid" ;;
  *) echo "$root/tests/cases $root/samples" ;;
  esac
}

dict() { case $1 in manifest | manifest_differential | lint) echo yaml.dict ;; *) echo cairn.dict ;; esac; }

mkdir -p "$root/build-fuzz/crashes"
for target in "${targets[@]}"; do
  corpus="$root/build-fuzz/corpus-$target"
  mkdir -p "$corpus"
  echo "== fuzzing $target for ${seconds}s"
  ASAN_OPTIONS=detect_leaks=0 "$root/build-fuzz/tests/fuzz/cairn_${target}_fuzzer" \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -dict="$root/tests/fuzz/$(dict "$target")" -artifact_prefix="$root/build-fuzz/crashes/$target-" \
    "$corpus" $(seeds "$target") 2>&1 | grep -E "^#[0-9]+[[:space:]]+(DONE|INITED)|ERROR|SUMMARY|Test unit written" || true
done
if ls "$root/build-fuzz/crashes/"* >/dev/null 2>&1; then
  echo "crashes found:"; ls "$root/build-fuzz/crashes/"
  exit 1
fi
echo "no crashes"
