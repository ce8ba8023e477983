#!/usr/bin/env bash
# What loading the Kubernetes standard library costs a build.
#   bench/stdlib_load.sh [CAIRN] [RUNS]
# CAIRN defaults to build-release/cairn (configure it with
# -DCMAKE_BUILD_TYPE=Release); RUNS defaults to 11. Prints the median wall
# time of each case and its ratio to the baseline measured in the same run:
#   baseline     one Deployment written as an untyped object (no imports)
#   deployment   the same Deployment typed with `import "k8s/apps/v1"`
#   full-library a file importing every module of stdlib/k8s (parse + check)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cairn=$(realpath "${1:-$root/build-release/cairn}")
runs=${2:-11}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/baseline.cairn" <<'CAIRN'
emit {
  apiVersion = "apps/v1", kind = "Deployment"
  metadata.name = "web"
  spec {
    replicas = 2
    selector.matchLabels = { app = "web" }
    template {
      metadata.labels = { app = "web" }
      spec.containers = [{ name = "web", image = "nginx:1.27", ports = [{ containerPort = 8080 }] }]
    }
  }
}
CAIRN
cat > "$work/deployment.cairn" <<'CAIRN'
import "k8s/apps/v1" as apps
emit apps.Deployment {
  metadata.name = "web"
  spec {
    replicas = 2
    selector.matchLabels = { app = "web" }
    template {
      metadata.labels = { app = "web" }
      spec.containers = [{ name = "web", image = "nginx:1.27", ports = [{ containerPort = 8080 }] }]
    }
  }
}
CAIRN
n=0
for module in $(cd "$root/stdlib" && find k8s -name '*.cairn' | sed 's/\.cairn$//' | LC_ALL=C sort); do
  echo "import \"$module\" as m$n"
  n=$((n + 1))
done > "$work/full-library.cairn"
echo 'emit { apiVersion = "v1", kind = "ConfigMap", metadata.name = "x" }' >> "$work/full-library.cairn"

# median_ms FILE: the median wall time of `cairn build FILE`, in milliseconds.
median_ms() {
  local file=$1 i start end
  if ! "$cairn" build "$file" > /dev/null 2> "$work/stderr"; then
    cat "$work/stderr" >&2
    echo "stdlib_load: building $file failed" >&2
    exit 1
  fi
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$cairn" build "$file" > /dev/null 2>&1
    end=$(date +%s%N)
    echo $(((end - start) / 1000))
  done | sort -n | awk '{ t[NR] = $1 } END { printf "%.2f", t[int((NR + 1) / 2)] / 1000 }'
}

library_kb=$(cat $(find "$root/stdlib/k8s" -name '*.cairn') | wc -c | awk '{ printf "%.0f", $1 / 1024 }')
base=$(median_ms "$work/baseline.cairn")
printf '%-14s %9s ms\n' baseline "$base"
for case in deployment full-library; do
  t=$(median_ms "$work/$case.cairn")
  printf '%-14s %9s ms   %6.1fx baseline\n' "$case" "$t" "$(echo "$t $base" | awk '{ print $1 / $2 }')"
done
echo "(median of $runs runs; the full library is ${library_kb} KB of Cairn in $n modules)"
