#!/usr/bin/env bash
# Rewrites samples/*/expected/*.yaml from the current build of cairn, after an
# intended change of output. Review the diff before committing.
#   tests/e2e/update-samples.sh [SAMPLE_NAME...]   (uses ./build/cairn, or $CAIRN)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cairn=$(realpath "${CAIRN:-$root/build/cairn}")
source "$root/tests/e2e/samples.sh"

status=0
while read -r name env; do
  [ -n "$name" ] || continue
  if [ $# -gt 0 ] && [[ ! " $* " == *" $name "* ]]; then
    continue
  fi
  mkdir -p "$root/samples/$name/expected"
  target="$root/samples/$name/expected/$env.yaml"
  if build_sample "$cairn" "$root/samples" "$name" "$env" >"$target.new"; then
    mv "$target.new" "$target"
    echo "updated samples/$name/expected/$env.yaml"
  else
    rm -f "$target.new"
    echo "FAILED: $name ($env); expected output left unchanged" >&2
    status=1
  fi
done <<<"$(sample_builds "$root/samples")"
exit $status
