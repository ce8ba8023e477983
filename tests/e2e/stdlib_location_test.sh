#!/usr/bin/env bash
# The standard library is found next to the binary, whatever the working
# directory: in the build tree (build/stdlib), and once installed
# (<prefix>/share/cairn/stdlib). A binary without one says so clearly.
#   stdlib_location_test.sh PATH/TO/cairn BUILD_DIR
set -euo pipefail
CAIRN=$(realpath "$1")
build_dir=$(realpath "$2")
source "$(dirname "$0")/lib.sh"
mkdir -p "$work/elsewhere"
cd "$work/elsewhere"

cat > app.cairn <<'CAIRN'
import "k8s/apps/v1" as apps
emit apps.Deployment {
  metadata.name = "web"
  spec {
    selector.matchLabels.app = "web"
    template {
      metadata.labels.app = "web"
      spec.containers = [{ name = "web", image = "nginx:1.27" }]
    }
  }
}
CAIRN

test_case "build tree: the stdlib beside the binary, from any directory"
run build app.cairn
expect_status 0
expect_in "$out" "apiVersion: apps/v1"
expect_in "$out" "image: nginx:1.27"

test_case "installed: share/cairn/stdlib beside bin/"
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
CAIRN="$work/prefix/bin/cairn" run build app.cairn
expect_status 0
expect_in "$out" "kind: Deployment"
[ -f "$work/prefix/share/cairn/stdlib/k8s/kinds.json" ] || fail "kinds.json was not installed"

test_case "a misspelt stdlib module gets a suggestion"
printf 'import "k8s/apps/v2" as apps\nemit apps.Deployment { metadata.name = "x" }\n' > typo.cairn
run check typo.cairn
expect_status 1
expect_in "$err" "cannot find module \`k8s/apps/v2\`"
expect_in "$err" "did you mean \`k8s/apps/v1\`?"

test_case "a binary without a standard library says where it looked"
mkdir -p "$work/lonely"
cp "$CAIRN" "$work/lonely/cairn"
CAIRN="$work/lonely/cairn" run check app.cairn
expect_status 1
expect_in "$err" "no standard library was found next to the cairn binary"

finish
