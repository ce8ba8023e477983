#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer:
# configures the `sanitize` preset (clang; build-sanitize/, which also holds
# the fuzz targets), builds it and runs ctest with the preset's options
# (leaks detected, undefined behaviour fatal). Installs clang if missing.
#   scripts/sanitize.sh [ctest arguments...]      e.g. -R file_tests
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh --sanitizers
cmake --preset sanitize >/dev/null
jobs=$(nproc 2>/dev/null || echo 2)
cmake --build --preset sanitize --parallel "$jobs"
ctest --preset sanitize --parallel "$jobs" "$@"
