#!/usr/bin/env bash
# Everything from a fresh machine to a test verdict: installs what is missing,
# builds, and runs the whole suite (unit, file and end-to-end tests).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
./scripts/build.sh
build_dir=${CAIRN_BUILD_DIR:-build}
jobs=$(nproc 2>/dev/null || echo 2)
ctest --test-dir "$build_dir" --output-on-failure --parallel "$jobs"
