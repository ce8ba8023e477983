#!/usr/bin/env bash
# Regenerates the Kubernetes standard library (stdlib/k8s/) from the
# Kubernetes OpenAPI v2 document with `cairn import openapi`, applying the
# hand-written enrichments in stdlib/k8s-enrichments.yaml.
#
#   scripts/generate-stdlib.sh [SPEC.json] [CAIRN]
#
# SPEC defaults to ../shared/k8s/swagger-v1.36.json beside the checkout (or
# $CAIRN_K8S_SPEC); CAIRN defaults to build/cairn (built if missing).
# The test `stdlib_up_to_date` runs the same generation and fails on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."

spec=${1:-${CAIRN_K8S_SPEC:-../shared/k8s/swagger-v1.36.json}}
cairn=${2:-build/cairn}
if [ ! -f "$spec" ]; then
  echo "generate-stdlib: no OpenAPI document at $spec (pass its path, or set CAIRN_K8S_SPEC)" >&2
  exit 2
fi
if [ ! -x "$cairn" ]; then
  ./scripts/build.sh cairn
fi

# Generate into a fresh directory, then swap it in: modules of removed
# group/versions disappear, and a failed run leaves stdlib/k8s untouched.
tmp=$(mktemp -d stdlib/.k8s-new.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
"$cairn" import openapi "$spec" --enrich stdlib/k8s-enrichments.yaml -o "$tmp"
rm -rf stdlib/k8s.old
if [ -d stdlib/k8s ]; then mv stdlib/k8s stdlib/k8s.old; fi
mv "$tmp/k8s" stdlib/k8s
rm -rf stdlib/k8s.old
echo "generate-stdlib: stdlib/k8s regenerated from $spec"
