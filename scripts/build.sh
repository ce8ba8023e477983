#!/usr/bin/env bash
# Configures (once) and builds Cairn in build/: ./build/cairn, the tests.
# Extra arguments go to ninja (e.g. a target name).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${CAIRN_BUILD_DIR:-build}
if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
jobs=$(nproc 2>/dev/null || echo 2)
cmake --build "$build_dir" --parallel "$jobs" -- "$@"
