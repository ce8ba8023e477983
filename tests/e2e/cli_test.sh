#!/usr/bin/env bash
# End-to-end tests of the `cairn` binary as a user runs it: exit codes,
# --help, standard input, -o (atomic: a failed build leaves an existing file
# byte-identical), diagnostics formats.
#   cli_test.sh PATH/TO/cairn
set -euo pipefail
CAIRN=$(realpath "$1")
source "$(dirname "$0")/lib.sh"
cd "$work"

good='emit { apiVersion = "v1", kind = "ConfigMap", metadata.name = "demo", data = { greeting = "hi" } }'
bad='let x: int = "not a number"
emit { apiVersion = "v1", kind = "ConfigMap", metadata.name = "demo" }'
printf '%s\n' "$good" >good.cairn
printf '%s\n' "$bad" >bad.cairn

test_case "help on every command"
run --help
expect_status 0
expect_in "$out" "Usage: cairn COMMAND"
expect_in "$out" "Exit codes:"
for cmd in build check eval validate import version help; do
  run "$cmd" --help
  expect_status 0
  expect_in "$out" "Usage: cairn $cmd"
  run "$cmd" -h
  expect_status 0
done

test_case "version"
run version
expect_status 0
expect_in "$out" "cairn "

test_case "usage errors exit 2 with a hint to --help"
run
expect_status 2
expect_in "$err" "cairn --help"
run frobnicate
expect_status 2
expect_in "$err" "unknown command \`frobnicate\`"
run build good.cairn --no-such-flag
expect_status 2
expect_in "$err" "cairn build --help"
expect_empty "$out"
run build
expect_status 2
run build good.cairn -o
expect_status 2
run build good.cairn --format xml
expect_status 2
expect_in "$err" "unknown format \`xml\`"

test_case "build to standard output"
run build good.cairn
expect_status 0
expect_in "$out" "kind: ConfigMap"
expect_in "$out" "greeting: hi"

test_case "standard input"
run_stdin "$good" build -
expect_status 0
expect_in "$out" "kind: ConfigMap"
run_stdin "$bad" check - --diagnostics compact
expect_status 1
expect_in "$err" "<stdin>:1:"

test_case "errors write nothing and exit 1"
run build bad.cairn
expect_status 1
expect_empty "$out"
expect_in "$err" "error[E0302]"

test_case "-o writes the file, not stdout"
run build good.cairn -o out.yaml
expect_status 0
expect_empty "$out"
expect_in out.yaml "kind: ConfigMap"

test_case "-o is atomic: a failed build leaves the old file byte-identical"
printf 'previous output\n\001binary\n' >keep.yaml
cp keep.yaml keep.orig
before=$(ls -A)
run build bad.cairn -o keep.yaml
expect_status 1
checks=$((checks + 1))
cmp -s keep.yaml keep.orig || fail "keep.yaml changed after a failed build"
checks=$((checks + 1))
[ "$(ls -A)" = "$before" ] || fail "files appeared or vanished: $(ls -A)"

test_case "unwritable output exits 3"
printf 'x\n' >not-a-dir
run build good.cairn -o not-a-dir/out.yaml
expect_status 3
expect_in "$err" "E0603"

test_case "json output"
run build good.cairn --format json
expect_status 0
expect_in "$out" '"kind": "ConfigMap"'

test_case "check does not write output"
run check good.cairn
expect_status 0
expect_empty "$out"
run check bad.cairn
expect_status 1
expect_empty "$out"

test_case "eval"
printf 'let port = 8080\nlet name = "web"\n' >values.cairn
run eval values.cairn
expect_status 0
expect_in "$out" "port: 8080"
expect_in "$out" "name: web"
run eval values.cairn -e 'port + 1'
expect_status 0
expect_in "$out" "8081"

test_case "diagnostics formats"
run check bad.cairn --diagnostics json
expect_status 1
expect_in "$err" '"code": "E0302"'
run check bad.cairn --diagnostics compact
expect_in "$err" "bad.cairn:1:"
run check bad.cairn
expect_in "$err" "bad.cairn"
expect_not_in "$err" $'\033[' # not a terminal: no colour

test_case "params and values files"
printf 'param env: "dev" | "prod" = "dev"\nemit { apiVersion = "v1", kind = "ConfigMap", metadata.name = "app-${env}" }\n' >param.cairn
run build param.cairn -p env=prod
expect_status 0
expect_in "$out" "name: app-prod"
printf 'env: prod\n' >prod.yaml
run build param.cairn --values prod.yaml
expect_status 0
expect_in "$out" "name: app-prod"
run build param.cairn -p env=staging
expect_status 1
expect_in "$err" "E0702"

finish
