# The sample builds, shared by samples_test.sh and update-samples.sh. Source it.
# Layout (samples/README.md): samples/NAME/main.cairn, one values file per
# environment in samples/NAME/env/ENV.yaml, and the committed output of
#   cairn build NAME/main.cairn --values NAME/env/ENV.yaml    (run in samples/)
# in samples/NAME/expected/ENV.yaml. A sample without env/ is built without
# values and compared with expected/default.yaml.

# sample_builds SAMPLES_DIR: prints "NAME ENV" for every build, sorted.
sample_builds() {
  local dir=$1 main name envfile
  for main in "$dir"/*/main.cairn; do
    [ -f "$main" ] || continue
    name=$(basename "$(dirname "$main")")
    if compgen -G "$dir/$name/env/*.yaml" >/dev/null; then
      for envfile in "$dir/$name"/env/*.yaml; do
        echo "$name $(basename "$envfile" .yaml)"
      done
    else
      echo "$name default"
    fi
  done | LC_ALL=C sort
}

# build_sample CAIRN SAMPLES_DIR NAME ENV: the build's output on stdout,
# diagnostics on stderr, cairn's exit code.
build_sample() {
  local cairn=$1 dir=$2 name=$3 env=$4
  if [ "$env" = default ]; then
    (cd "$dir" && "$cairn" build "$name/main.cairn" </dev/null)
  else
    (cd "$dir" && "$cairn" build "$name/main.cairn" --values "$name/env/$env.yaml" </dev/null)
  fi
}
