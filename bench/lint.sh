#!/usr/bin/env bash
# What `cairn lint` with the default pack costs on fleet output.
#   bench/lint.sh [CAIRN] [SERVICES] [RUNS]
# CAIRN defaults to build-release/cairn (Release); SERVICES to 2500, which
# is 10,000 objects (bench/fleet.cairn: a ConfigMap, a Deployment, a Service
# and an HPA per service); RUNS to 5. Prints the median wall time of each case
# and its ratio to the baseline measured in the same run:
#   baseline   `cairn validate` of the same YAML (reading + schema checks)
#   lint-yaml  `cairn lint` of the YAML, default pack
#   lint-cairn `cairn lint bench/fleet.cairn`: compile, then the same policies
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cairn=$(realpath "${1:-$root/build-release/cairn}")
services=${2:-2500}
runs=${3:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$cairn" build "$root/bench/fleet.cairn" -p "n=$services" > "$work/fleet.yaml"
objects=$(grep -c '^kind:' "$work/fleet.yaml")

# median_ms CMD...: the median wall time of CMD in milliseconds. A failing
# command (exit 2 or more; lint exits 1 for findings) stops the benchmark.
median_ms() {
  local i start end rc
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    rc=0
    "$@" > /dev/null 2> "$work/stderr" || rc=$?
    end=$(date +%s%N)
    if ((rc >= 2)); then
      cat "$work/stderr" >&2
      echo "lint.sh: \`$*\` failed with exit code $rc" >&2
      exit 1
    fi
    echo $(((end - start) / 1000000))
  done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

base=$(median_ms "$cairn" validate "$work/fleet.yaml")
yaml=$(median_ms "$cairn" lint "$work/fleet.yaml")
cairnrun=$(median_ms "$cairn" lint "$root/bench/fleet.cairn" -p "n=$services")
echo "fleet($services): $objects objects, $(du -k "$work/fleet.yaml" | cut -f1) KB of YAML; median of $runs runs"
printf '%-11s %8s %8s\n' case ms ratio
printf '%-11s %8d %8s\n' baseline "$base" "1.00x"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", (b > 0 ? a / b : 0) }'; }
printf '%-11s %8d %8s\n' lint-yaml "$yaml" "$(ratio "$yaml" "$base")"
printf '%-11s %8d %8s\n' lint-cairn "$cairnrun" "$(ratio "$cairnrun" "$base")"
