#!/usr/bin/env bash
# The committed stdlib/k8s/ must be exactly what `cairn import openapi`
# generates from the Kubernetes OpenAPI document with the enrichments.
# Skipped (exit 77) when the document is not present on this machine.
#   stdlib_test.sh CAIRN SOURCE_DIR SPEC
set -euo pipefail
cairn=$1 source_dir=$2 spec=$3
if [ ! -f "$spec" ]; then
  echo "SKIP: no OpenAPI document at $spec"
  exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$cairn" import openapi "$spec" --enrich "$source_dir/stdlib/k8s-enrichments.yaml" -o "$out" >/dev/null
if ! diff -r "$source_dir/stdlib/k8s" "$out/k8s" > "$out.diff"; then
  head -n 60 "$out.diff"
  echo "FAIL: stdlib/k8s differs from the generator's output; run scripts/generate-stdlib.sh and review" >&2
  rm -f "$out.diff"
  exit 1
fi
rm -f "$out.diff"
echo "PASS: stdlib/k8s is up to date with $(basename "$spec")"
