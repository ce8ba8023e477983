// `cairn import SOURCE ...`: one command, three sources, each in its own file.
#include "cli/commands.h"

namespace cairn::cli {

int runImport(const Options &options, DriverIO &io) {
  if (options.importSource == "openapi")
    return runImportOpenApi(options, io);
  if (options.importSource == "crd")
    return runImportCrd(options, io);
  return runImportYaml(options, io);
}

std::string importUsage() {
  return R"(Usage: cairn import openapi SPEC.json -o DIR [--enrich FILE]...
       cairn import crd FILE...|DIR|- -o DIR
       cairn import yaml FILE...|DIR|- -o DIR [--schema-location DIR]...

openapi  generates one Cairn module per group/version of a Kubernetes OpenAPI v2
         document (`DIR/k8s/apps/v1.cairn`, ...); --enrich adds field types the
         document states only in prose (see stdlib/k8s-enrichments.yaml).
crd      generates one module per group/version of CustomResourceDefinitions
         (`DIR/<group>/<version>.cairn`), usable like the built-in ones.
yaml     turns Kubernetes manifests into typed Cairn that imports the standard
         library; building the result gives back the same objects.

Existing files in DIR with the same names are replaced; nothing is written when
an input has errors.

Flags:
  -o, --output DIR         the directory to write to (created if missing)
      --enrich FILE        (openapi) field type enrichments, YAML
      --schema-location DIR (yaml) more Cairn modules with kinds, e.g. from `import crd`
  -h, --help               show this help
)";
}

} // namespace cairn::cli
