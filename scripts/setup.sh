#!/usr/bin/env bash
# Installs what building and testing Cairn needs on Debian 12, and nothing
# when it is all there already (then apt is not touched at all).
# Runs as root, or through sudo; never asks questions.
#   scripts/setup.sh                 the build and the test suite
#   scripts/setup.sh --sanitizers    also clang with its sanitizer and libFuzzer
#                                    runtimes (scripts/sanitize.sh, scripts/fuzz.sh)
set -euo pipefail

# Each package and why it is needed:
#   antlr4                 the ANTLR tool that generates the parser (pulls a Java runtime)
#   libantlr4-runtime-dev  the ANTLR C++ runtime the generated parser links
#   libyaml-cpp-dev        reading values files
#   nlohmann-json3-dev     JSON diagnostics and values
#   libfmt-dev             formatting
#   libgtest-dev           the unit tests
#   llvm-14-dev            LLVM ADT containers and libLLVMSupport
#   cmake ninja-build g++  the build
#   ccache                 faster rebuilds (used when present)
#   python3                the benchmark suite (bench/run), whose smoke test is in ctest
packages=(antlr4 libantlr4-runtime-dev libyaml-cpp-dev nlohmann-json3-dev libfmt-dev
          libgtest-dev llvm-14-dev cmake ninja-build g++ ccache python3)
#   clang libclang-rt-14-dev      (--sanitizers) clang++, ASan, UBSan and libFuzzer
for arg in "$@"; do
  case $arg in
  --sanitizers) packages+=(clang libclang-rt-14-dev) ;;
  *) echo "setup: unknown option $arg (known: --sanitizers)" >&2; exit 2 ;;
  esac
done

is_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]
}

missing=()
for p in "${packages[@]}"; do
  is_installed "$p" || missing+=("$p")
done
# The parser generator runs on Java; antlr4 depends on a runtime, but check
# the command itself in case it was removed.
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all build dependencies are installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "setup: missing packages: ${missing[*]}" >&2
  echo "setup: run this script as root (or install sudo) to install them" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
