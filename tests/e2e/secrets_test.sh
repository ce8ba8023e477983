#!/usr/bin/env bash
# Secrets never leak: every command and every diagnostic or report format run
# on inputs holding recognisable secret strings, which must appear in no
# diagnostic output (stderr, JSON, SARIF, GitHub annotations, validate's
# formats), while the manifests built still hold them.
#   secrets_test.sh PATH/TO/cairn
set -euo pipefail
CAIRN=$(realpath "$1")
source "$(dirname "$0")/lib.sh"

# The secrets: a parameter value, a default, Secret data in YAML (plain and
# base64), and a literal in an env var. None of them may be printed.
PARAM_SECRET='Pw-4f7c1e9a'
PARAM_SECRET_B64=$(printf '%s' "$PARAM_SECRET" | base64)
DEFAULT_SECRET='tok-0d3b8e51'
YAML_SECRET='yaml-9c2a77f0!'
YAML_SECRET_B64='eWFtbC1zZWNyZXQtYjY0'   # base64 of yaml-secret-b64
ENV_SECRET='envpw-5e1f03aa'

# No diagnostic output (both streams, or one file) holds any secret.
expect_no_secrets() {
  local file
  for file in "$@"; do
    for s in "$PARAM_SECRET" "$PARAM_SECRET_B64" "$DEFAULT_SECRET" "$YAML_SECRET" "$YAML_SECRET_B64" \
             "yaml-secret-b64" "$ENV_SECRET"; do
      expect_not_in "$file" "$s"
    done
  done
}

cat > "$work/app.cairn" <<'CAIRN'
import "k8s/core/v1" as core

secret param dbPassword: string
secret param apiToken: string = "tok-0d3b8e51"
param strict: bool = false

let dsn = "postgres://app:${dbPassword}@db/app"

schema Credentials {
  password: string
  check !strict || len(password) > 40, "password ${password} is too short for ${dsn}"
}

emit core.Secret {
  metadata.name = "db"
  stringData = { password = dbPassword, dsn = dsn, token = upper(apiToken) }
  data = { encoded = base64Encode(Credentials { password = dbPassword }.password) }
}
CAIRN

test_case "build: the manifest holds the secrets, nothing else does"
run build "$work/app.cairn" -p "dbPassword=$PARAM_SECRET"
expect_status 0
expect_in "$out" "password: $PARAM_SECRET"
expect_in "$out" "dsn: postgres://app:$PARAM_SECRET@db/app"
expect_in "$out" "token: TOK-0D3B8E51"
expect_in "$out" "encoded: $PARAM_SECRET_B64"
expect_empty "$err"

for format in human compact json; do
  test_case "build --diagnostics $format: a check message built from a secret"
  run build --diagnostics "$format" "$work/app.cairn" -p "dbPassword=$PARAM_SECRET" -p strict=true
  expect_status 1
  expect_in "$err" "E0502"
  expect_in "$err" "password <secret> is too short for postgres://app:<secret>@db/app"
  expect_no_secrets "$out" "$err"
done

cat > "$work/refined.cairn" <<'CAIRN'
secret param pin: int(1000..9999)
secret param word: string(/^[a-z]+$/)
emit { apiVersion = "v1", kind = "ConfigMap", metadata.name = "x", data.pin = toString(pin), data.word = word }
CAIRN

for format in human compact json; do
  test_case "build --diagnostics $format: -p values of secret params that do not fit"
  run build --diagnostics "$format" "$work/refined.cairn" -p "pin=$PARAM_SECRET" -p "word=$PARAM_SECRET"
  expect_status 1
  expect_in "$err" "E0702"
  expect_in "$err" "-p pin=<secret>"
  expect_in "$err" "<secret> does not satisfy"
  expect_no_secrets "$out" "$err"

  test_case "build --diagnostics $format: a misspelt secret param"
  run build --diagnostics "$format" "$work/refined.cairn" -p "pn=$PARAM_SECRET" -p word=abc
  expect_status 1
  expect_in "$err" "E0701"
  expect_no_secrets "$out" "$err"
done

cat > "$work/values.json" <<JSON
{"pin": "$PARAM_SECRET", "word": "$PARAM_SECRET"}
JSON
test_case "build --values: values-file values of secret params that do not fit"
run build "$work/refined.cairn" --values "$work/values.json"
expect_status 1
expect_in "$err" "E0702"
expect_no_secrets "$out" "$err"

test_case "eval: a secret in a failing builtin"
run eval "$work/app.cairn" -p "dbPassword=$PARAM_SECRET" -e 'toInt(dbPassword)'
expect_status 1
expect_in "$err" "E0511"
expect_no_secrets "$out" "$err"

# ---------------------------------------------------------------- manifests
cat > "$work/secret.yaml" <<YAML
apiVersion: v1
kind: Secret
metadata:
  name: db
data:
  password: "$YAML_SECRET"
  other: $YAML_SECRET_B64
stringData:
  pin: 12345678
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          env:
            - name: DB_PASSWORD
              value: "$ENV_SECRET"
YAML

for format in text json junit tap; do
  test_case "validate --format $format: schema errors on a Secret's data"
  run validate --format "$format" "$work/secret.yaml"
  expect_status 1
  cat "$out" "$err" > "$work/combined"
  if [ "$format" = junit ]; then placeholder='&lt;secret&gt;'; else placeholder='<secret>'; fi
  expect_in "$work/combined" "$placeholder"
  expect_no_secrets "$out" "$err"
  expect_not_in "$work/combined" "12345678"
done

cat > "$work/org.cairn" <<'CAIRN'
import "k8s/core/v1" as core

policy "secret-data-quoted" on core.Secret {
  level = "error"
  check !has(stringData ?? {}, "pin"),
    "the pin is ${(stringData ?? {})["pin"]}, data ${(data ?? {})["password"] ?? ""}"
    at (stringData ?? {})["pin"]
}
CAIRN

for format in text json sarif github; do
  test_case "lint --format $format: findings about Secret data and literal env secrets"
  run lint --format "$format" --policy "$work/org.cairn" "$work/secret.yaml"
  expect_status 1
  expect_in "$out" "secret-data-quoted"
  expect_in "$out" "the pin is <secret>, data <secret>"
  expect_in "$out" "env-var-secret"
  expect_no_secrets "$out" "$err"
  expect_not_in "$out" "12345678"
done

test_case "lint of a Cairn input: secrets built from params"
run lint --format json --policy "$work/org.cairn" "$work/app.cairn" -p "dbPassword=$PARAM_SECRET"
expect_no_secrets "$out" "$err"

test_case "import yaml: mismatches in a Secret's data"
run import yaml "$work/secret.yaml" -o "$work/imported"
expect_in "$err" "E0830"
expect_in "$err" "<secret>"
expect_no_secrets "$err"
expect_not_in "$err" "12345678"

finish
