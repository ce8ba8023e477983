// What `cairn import yaml` writes for particular manifests, and the errors it
// reports for manifests whose values do not fit their kinds' schemas.
#include <fstream>

#include <gtest/gtest.h>

#include "frontend/diag_render.h"
#include "importers/yaml_import_verify.h"
#include "yaml_import_fixture.h"

namespace cairn::importers::testing {
namespace {

// The text of the one module imported from `yaml` (empty on errors).
struct Imported {
  std::string text;
  std::string diagnostics;
};

Imported importOne(const std::string &yaml, const std::string &name = "in.yaml") {
  TempDir out;
  std::unique_ptr<YamlImportResult> result = runImport({{name, yaml}}, out.path());
  return {result->files.empty() ? "" : result->files.front().text, renderAll(*result)};
}

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

const char *kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
)";

TEST(YamlImport, WritesTypedCairnWithTheStandardLibrary) {
  Imported r = importOne(kDeployment);
  ASSERT_EQ(r.diagnostics, "");
  EXPECT_EQ(r.text, R"(// Imported from in.yaml by `cairn import yaml`.

import "k8s/apps/v1" as apps

let selectorLabels: {string: string} = { app = "web" }

emit apps.Deployment {
  metadata.name = "web"
  spec {
    replicas = 3
    selector.matchLabels = selectorLabels
    template {
      metadata.labels = selectorLabels
      spec.containers = [{ name = "web", image = "nginx:1.27" }]
    }
  }
}
)");
}

TEST(YamlImport, KeepsLeadingCommentsAndDropsNullFields) {
  Imported r = importOne("---\n# Source: web/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\n"
                         "metadata:\n  name: cm\n  creationTimestamp: null\ndata:\n  a: \"1\"\nbinaryData: ~\n");
  ASSERT_EQ(r.diagnostics, "");
  EXPECT_TRUE(contains(r.text, "// Source: web/templates/cm.yaml\nemit core.ConfigMap {\n")) << r.text;
  EXPECT_FALSE(contains(r.text, "creationTimestamp")) << r.text;
  EXPECT_FALSE(contains(r.text, "binaryData")) << r.text;
  EXPECT_TRUE(contains(r.text, "data = { a = \"1\" }")) << r.text;
}

// The API server's JSON decoder stores the zero value for a null list item or
// map value (`cairn validate` accepts them for that reason): the import keeps
// the key or item, with that value, instead of refusing or dropping it.
TEST(YamlImport, NullItemsAndMapValuesAreTheZeroValue) {
  Imported r = importOne("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {a: null}\nspec:\n"
                         "  containers:\n  - name: c\n    image: x\n    args: [null, \"null\", ~]\n");
  ASSERT_EQ(r.diagnostics, "");
  EXPECT_TRUE(contains(r.text, "annotations = { a = \"\" }")) << r.text;
  EXPECT_TRUE(contains(r.text, "args = [\"\", \"null\", \"\"]")) << r.text;
}

// A null item where the zero value does not fit (an object) is still an error.
TEST(YamlImport, ANullObjectInAListIsAnError) {
  Imported r = importOne("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [null]\n");
  EXPECT_EQ(r.text, "");
  EXPECT_TRUE(contains(r.diagnostics, "in.yaml:5:16: error[E0830]: `spec.containers[0]` must be `Container`"))
      << r.diagnostics;
}

// kubectl sends `2.0` and `1e3` as the integers 2 and 1000, and `cairn
// validate` accepts them where an integer is expected: so does the import.
TEST(YamlImport, IntegralNumbersAreIntegersWhereTheSchemaWantsOne) {
  Imported r = importOne(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2.0
  progressDeadlineSeconds: 1e3
  selector: {matchLabels: {app: web}}
  template:
    spec:
      containers:
        - name: web
          image: nginx
          resources: {requests: {cpu: 1.0}, limits: {cpu: 1.5}}
)");
  ASSERT_EQ(r.diagnostics, "");
  EXPECT_TRUE(contains(r.text, "replicas = 2\n")) << r.text;
  EXPECT_TRUE(contains(r.text, "progressDeadlineSeconds = 1000\n")) << r.text;
  EXPECT_TRUE(contains(r.text, "requests = { cpu = 1 }")) << r.text;
  EXPECT_TRUE(contains(r.text, "limits = { cpu = 1.5 }")) << r.text;
}

// Plain keys become the JSON keys kubectl sends: YAML 1.1 `on` is "true",
// `0x10` is "16"; a null key is an error.
TEST(YamlImport, KeysAreTheJsonKeysKubectlSends) {
  Imported r = importOne("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n"
                         "data:\n  on: a\n  0x10: b\n  \"off\": c\n");
  ASSERT_EQ(r.diagnostics, "");
  EXPECT_TRUE(contains(r.text, "data = { true = \"a\", \"16\" = \"b\", off = \"c\" }")) << r.text;
  Imported bad = importOne("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata:\n  ~: a\n");
  EXPECT_EQ(bad.text, "");
  EXPECT_TRUE(contains(bad.diagnostics, "in.yaml:5:3: error[E0817]: a mapping key must be a string, found null"))
      << bad.diagnostics;
}

TEST(YamlImport, SharedLabelsBecomeLetsAndExtensionsUseMerge) {
  Imported r = importOne(R"(apiVersion: v1
kind: Service
metadata:
  name: api
  labels: {app: api, tier: backend}
spec:
  selector: {app: api}
  ports: [{port: 80}]
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: api-runner
  labels: {app: api, tier: backend}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: api}
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {app: api}
)");
  ASSERT_EQ(r.diagnostics, "");
  EXPECT_TRUE(contains(r.text, "let selectorLabels: {string: string} = { app = \"api\" }\n")) << r.text;
  EXPECT_TRUE(contains(r.text, "let labels: {string: string} = merge(selectorLabels, { tier = \"backend\" })\n"))
      << r.text;
  EXPECT_TRUE(contains(r.text, "selector = selectorLabels")) << r.text;
  EXPECT_TRUE(contains(r.text, "labels = labels")) << r.text;
  EXPECT_TRUE(contains(r.text, "import \"k8s/policy/v1\" as policy_v1")) << r.text; // `policy` is a keyword
}

TEST(YamlImport, NamesOfObjectsInTheFileBecomeReferences) {
  Imported r = importOne(R"(apiVersion: v1
kind: ConfigMap
metadata: {name: app-config}
data: {MODE: fast}
---
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
    - name: app
      image: app:1
      envFrom: [{configMapRef: {name: app-config}}, {configMapRef: {name: elsewhere}}]
)");
  ASSERT_EQ(r.diagnostics, "");
  EXPECT_TRUE(contains(r.text, "let appConfig = core.ConfigMap {")) << r.text;
  EXPECT_TRUE(contains(r.text, "emit appConfig\n")) << r.text;
  EXPECT_TRUE(contains(r.text, "configMapRef.name = appConfig.metadata.name")) << r.text;
  EXPECT_TRUE(contains(r.text, "configMapRef.name = \"elsewhere\"")) << r.text; // not in the file
}

TEST(YamlImport, ReferencesStayWithinANamespace) {
  Imported r = importOne(R"(apiVersion: v1
kind: Secret
metadata: {name: creds, namespace: a}
---
apiVersion: v1
kind: Pod
metadata: {name: app, namespace: b}
spec:
  containers: [{name: app, image: app:1}]
  volumes: [{name: s, secret: {secretName: creds}}]
)");
  ASSERT_EQ(r.diagnostics, "");
  EXPECT_TRUE(contains(r.text, "secret.secretName = \"creds\"")) << r.text;
  EXPECT_FALSE(contains(r.text, "let creds")) << r.text;
}

TEST(YamlImport, UnknownKindsBecomeUntypedObjects) {
  Imported r = importOne("apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\nspec:\n"
                         "  size: 3\n  tags: [a, b]\n  nested: {x: null, w: \"${v}\"}\n");
  ASSERT_EQ(r.diagnostics, "");
  EXPECT_TRUE(contains(r.text, "// No schema for example.com/v1 Gadget: an untyped object")) << r.text;
  EXPECT_TRUE(contains(r.text, "emit {\n  apiVersion = \"example.com/v1\"\n  kind = \"Gadget\"\n")) << r.text;
  EXPECT_TRUE(contains(r.text, "nested { w = \"\\${v}\" }")) << r.text;
  EXPECT_FALSE(contains(r.text, "\nimport \"")) << r.text;
}

TEST(YamlImport, AListStandsForItsItems) {
  Imported r = importOne("apiVersion: v1\nkind: List\nitems:\n"
                         "  - {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n"
                         "  - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n");
  ASSERT_EQ(r.diagnostics, "");
  EXPECT_TRUE(contains(r.text, "emit core.ConfigMap {\n  metadata.name = \"a\"\n}\n\nemit core.ConfigMap {\n"
                               "  metadata.name = \"b\"\n}\n"))
      << r.text;
}

TEST(YamlImport, TwoVersionsOfAGroupGetVersionedAliases) {
  Imported r = importOne(R"(apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: a}
spec: {maxReplicas: 3, scaleTargetRef: {kind: Deployment, name: a}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: b}
spec: {maxReplicas: 3, scaleTargetRef: {kind: Deployment, name: b}}
)");
  ASSERT_EQ(r.diagnostics, "");
  EXPECT_TRUE(contains(r.text, "import \"k8s/autoscaling/v1\" as autoscaling_v1\n"
                               "import \"k8s/autoscaling/v2\" as autoscaling_v2\n"))
      << r.text;
  EXPECT_TRUE(contains(r.text, "emit autoscaling_v2.HorizontalPodAutoscaler {")) << r.text;
}

TEST(YamlImport, LongListsPutOneElementPerLine) {
  Imported r = importOne(R"(apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  ports:
    - {name: http, port: 80, targetPort: 8080, protocol: TCP}
    - {name: https, port: 443, targetPort: 8443, protocol: TCP}
)");
  ASSERT_EQ(r.diagnostics, "");
  EXPECT_TRUE(contains(r.text, "  spec.ports = [\n"
                               "    { name = \"http\", port = 80, targetPort = 8080, protocol = \"TCP\" },\n"
                               "    { name = \"https\", port = 443, targetPort = 8443, protocol = \"TCP\" },\n"
                               "  ]\n"))
      << r.text;
}

TEST(YamlImport, ValuesThatDoNotFitTheSchemaAreErrorsWithAFix) {
  Imported r = importOne(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: "3"
  selector: {matchLabels: {app: web}}
  template:
    spec:
      containers:
        - name: web
          image: nginx
          env: [{name: DEBUG, value: true}]
)");
  EXPECT_EQ(r.text, "");
  EXPECT_EQ(r.diagnostics,
            "in.yaml:5:13: error[E0830]: `spec.replicas` must be `int32`, found string \"3\"\n"
            "  note: in Deployment `web`\n"
            "  hint: remove the quotes: `3`\n"
            "in.yaml:12:38: error[E0830]: `spec.template.spec.containers[0].env[0].value` must be `string`, found "
            "boolean `true`\n"
            "  note: in Deployment `web`\n"
            "  hint: quote it: `\"true\"`\n");
}

TEST(YamlImport, UnknownAndMissingFieldsAreErrors) {
  Imported r = importOne(R"(apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  ports: [{prot: 80}]
)");
  EXPECT_EQ(r.text, "");
  EXPECT_TRUE(contains(r.diagnostics, "in.yaml:5:12: error[E0831]: unknown field `prot` in `ServicePort`\n"
                                      "  note: at `spec.ports[0].prot` in Service `s`\n"
                                      "  hint: did you mean `port`?\n"))
      << r.diagnostics;
  EXPECT_TRUE(contains(r.diagnostics, "in.yaml:5:11: error[E0832]: missing required field `port` in `ServicePort`\n"))
      << r.diagnostics;
}

TEST(YamlImport, DocumentsThatAreNotObjectsAreErrors) {
  // The codes of `cairn validate`: the same problem gets the same code.
  Imported r = importOne("- a\n---\nkind: X\n---\napiVersion: v1\nkind: 3\n");
  EXPECT_EQ(r.text, "");
  EXPECT_TRUE(contains(r.diagnostics, "in.yaml:1:1: error[E0802]: a manifest must be a mapping, found a list\n"))
      << r.diagnostics;
  EXPECT_TRUE(contains(r.diagnostics, "in.yaml:3:1: error[E0803]: the manifest has no `apiVersion`\n"))
      << r.diagnostics;
  EXPECT_TRUE(contains(r.diagnostics, "in.yaml:5:1: error[E0803]: the manifest has no `kind`\n")) << r.diagnostics;
}

// A schema location as `cairn import crd -o crds` writes it: a kinds.json
// index and one module per group/version.
void writeWidgetLocation(const std::filesystem::path &crds) {
  std::filesystem::create_directories(crds / "example.com");
  std::ofstream(crds / "kinds.json")
      << R"({"kinds": [{"apiVersion": "example.com/v1", "kind": "Widget", "module": "example.com/v1", "schema": "Widget"}]})";
  std::ofstream(crds / "example.com" / "v1.cairn") << R"(import "k8s/meta/v1" as meta

schema Widget {
  apiVersion: "example.com/v1" = "example.com/v1"
  kind: "Widget" = "Widget"
  metadata: meta.ObjectMeta
  spec: WidgetSpec
}

schema WidgetSpec {
  min: int
  max: int
  check min <= max, "min must not exceed max"
}
)";
}

TEST(YamlImport, KindsFromASchemaLocationAreTypedAndImportedByRelativePath) {
  TempDir dir;
  writeWidgetLocation(dir.path() / "crds");
  std::string yaml = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {min: 1, max: 2}\n";
  std::unique_ptr<YamlImportResult> result =
      runImport({{"w.yaml", yaml}}, dir.path() / "out", {dir.path() / "crds"});
  ASSERT_FALSE(result->hasErrors()) << renderAll(*result);
  const ImportedFile &file = result->files.front();
  EXPECT_TRUE(contains(file.text, "import \"../crds/example.com/v1.cairn\" as example\n")) << file.text;
  EXPECT_TRUE(contains(file.text, "emit example.Widget {")) << file.text;
  EXPECT_TRUE(file.importsOutsideOutput);
  Build build = buildImported(result->files, dir.path() / "out");
  ASSERT_TRUE(build.ok) << build.diagnostics;
  EXPECT_EQ(compareManifests(yaml, build.yaml), "");
}

TEST(YamlImport, AnObjectThatFailsASchemaCheckDoesNotImport) {
  TempDir dir;
  writeWidgetLocation(dir.path() / "crds");
  std::string yaml = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {min: 3, max: 2}\n";
  std::unique_ptr<YamlImportResult> result =
      runImport({{"w.yaml", yaml}}, dir.path() / "out", {dir.path() / "crds"});
  ASSERT_FALSE(result->hasErrors()) << renderAll(*result); // every value fits its type
  YamlImportOptions options;
  options.library.stdlibDirs = {stdlibDir()};
  options.outputDir = dir.path() / "out";
  std::unique_ptr<Verification> verification = verifyImport(*result, options);
  EXPECT_EQ(verification->internalError, "");
  std::string rendered;
  for (const Diagnostic &d : verification->diags.diagnostics())
    rendered += renderCompact(d, verification->program.sources);
  EXPECT_TRUE(contains(rendered, "error[E0833]: the Cairn generated for `w.yaml` does not build: see Widget `w` at "
                                 "w.yaml:1:1\n"))
      << rendered;
  EXPECT_TRUE(contains(rendered, "w.cairn:7:3: error[E0502]: check failed: min must not exceed max")) << rendered;
}

TEST(YamlImport, OutputNamesAreUniqueAndKeepSubdirectories) {
  EXPECT_EQ(outputNames({"web.yaml", "-", "web.yml", "sub/web.yaml", "web.json", "main.yaml", "noext"}),
            (std::vector<std::string>{"web.cairn", "main.cairn", "web_2.cairn", "sub/web.cairn", "web_3.cairn",
                                      "main_2.cairn", "noext.cairn"}));
}

} // namespace
} // namespace cairn::importers::testing
