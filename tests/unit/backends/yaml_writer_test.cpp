// The block layout of values in YAML, numbers, field order and errors.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "eval/value_writer.h"
#include "frontend/diag_render.h"
#include "value_builder.h"

namespace cairn::backends {
namespace {

using testing::ValueBuilder;
// The value writers live in eval/ (values -> text); the emitters are built on them.
using namespace cairn::eval;

std::string yaml(const eval::Value &value, WriteOptions options = {}) {
  std::string out;
  DiagnosticSink diags;
  EXPECT_TRUE(appendYaml(out, value, diags, options));
  return out;
}

TEST(YamlWriter, NestedMapsAndListsInBlockStyle) {
  ValueBuilder b;
  auto value = b.map({
      {"name", b.str("web")},
      {"spec", b.map({{"replicas", b.integer(3)},
                      {"containers", b.list({b.map({{"name", b.str("app")},
                                                    {"ports", b.list({b.map({{"containerPort", b.integer(80)}})})}}),
                                             b.map({{"name", b.str("sidecar")}})})}})},
      {"args", b.list({b.str("--v=2"), b.list({b.integer(1), b.integer(2)}), b.list({})})},
  });
  EXPECT_EQ(yaml(value), "name: web\n"
                         "spec:\n"
                         "  replicas: 3\n"
                         "  containers:\n"
                         "    - name: app\n"
                         "      ports:\n"
                         "        - containerPort: 80\n"
                         "    - name: sidecar\n"
                         "args:\n"
                         "  - --v=2\n"
                         "  - - 1\n"
                         "    - 2\n"
                         "  - []\n");
}

TEST(YamlWriter, EmptyCollectionsAreInline) {
  ValueBuilder b;
  EXPECT_EQ(yaml(b.map({{"labels", b.map({})}, {"items", b.list({})}})), "labels: {}\nitems: []\n");
  EXPECT_EQ(yaml(b.map({})), "{}\n");
  EXPECT_EQ(yaml(b.list({})), "[]\n");
  EXPECT_EQ(yaml(b.list({b.map({}), b.list({})})), "- {}\n- []\n");
}

TEST(YamlWriter, ScalarsAtTopLevelAndInLists) {
  ValueBuilder b;
  EXPECT_EQ(yaml(b.integer(-42)), "-42\n");
  EXPECT_EQ(yaml(b.boolean(true)), "true\n");
  EXPECT_EQ(yaml(b.null()), "null\n");
  EXPECT_EQ(yaml(b.str("a\nb")), "|-\n  a\n  b\n");
  EXPECT_EQ(yaml(b.list({b.null(), b.boolean(false), b.str("x")})), "- null\n- false\n- x\n");
}

TEST(YamlWriter, LiteralBlocksIndentUnderTheirKeyOrDash) {
  ValueBuilder b;
  auto value = b.map({{"data", b.map({{"script.sh", b.str("#!/bin/sh\necho hi\n")}})},
                      {"list", b.list({b.str("one\ntwo")})}});
  std::string out = yaml(value);
  EXPECT_EQ(out, "data:\n"
                 "  script.sh: |\n"
                 "    #!/bin/sh\n"
                 "    echo hi\n"
                 "list:\n"
                 "  - |-\n"
                 "    one\n"
                 "    two\n");
  YAML::Node node = YAML::Load(out);
  EXPECT_EQ(node["data"]["script.sh"].Scalar(), "#!/bin/sh\necho hi\n");
  EXPECT_EQ(node["list"][0].Scalar(), "one\ntwo");
}

TEST(YamlWriter, FloatsAlwaysReadBackAsFloats) {
  ValueBuilder b;
  auto value = b.list({b.real(1.0), b.real(0.1), b.real(-2.5), b.real(1e20), b.real(1.5e-7), b.real(-0.0),
                       b.real(1.0 / 0.0), b.real(-1.0 / 0.0), b.real(0.0 / 0.0), b.real(123456789.125)});
  EXPECT_EQ(yaml(value), "- 1.0\n- 0.1\n- -2.5\n- 1.0e+20\n- 1.5e-07\n- -0.0\n- .inf\n- -.inf\n- .nan\n"
                         "- 123456789.125\n");
}

TEST(YamlWriter, IntegersAreExact) {
  ValueBuilder b;
  auto value = b.list({b.integer(INT64_MAX), b.integer(INT64_MIN), b.integer(0)});
  std::string out = yaml(value);
  EXPECT_EQ(out, "- 9223372036854775807\n- -9223372036854775808\n- 0\n");
  EXPECT_EQ(YAML::Load(out)[1].as<int64_t>(), INT64_MIN);
}

TEST(YamlWriter, FieldOrderIsKeptAndKubernetesKeysComeFirstAtTopLevel) {
  ValueBuilder b;
  auto value = b.instance("Deployment", {{"spec", b.map({{"z", b.integer(1)}, {"kind", b.str("inner")}, {"a", b.integer(2)}})},
                                         {"metadata", b.map({{"name", b.str("web")}})},
                                         {"kind", b.str("Deployment")},
                                         {"zeta", b.integer(0)},
                                         {"apiVersion", b.str("apps/v1")}});
  EXPECT_EQ(yaml(value), "spec:\n  z: 1\n  kind: inner\n  a: 2\nmetadata:\n  name: web\nkind: Deployment\nzeta: 0\n"
                         "apiVersion: apps/v1\n");
  WriteOptions k8s;
  k8s.kubernetesKeyOrder = true;
  EXPECT_EQ(yaml(value, k8s), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
                              "spec:\n  z: 1\n  kind: inner\n  a: 2\nzeta: 0\n");
}

TEST(YamlWriter, NullFieldsAreLeftOutUnlessAsked) {
  ValueBuilder b;
  auto value = b.map({{"a", b.null()}, {"b", b.map({{"c", b.null()}})}, {"d", b.list({b.null()})}});
  EXPECT_EQ(yaml(value), "b: {}\nd:\n  - null\n");
  WriteOptions keep;
  keep.omitNullFields = false;
  EXPECT_EQ(yaml(value, keep), "a: null\nb:\n  c: null\nd:\n  - null\n");
}

TEST(YamlWriter, VeryLongKeysUseTheExplicitForm) {
  ValueBuilder b;
  std::string key(1200, 'k');
  std::string out = yaml(b.object(eval::kNoSchema, "", {{key, b.map({{"x", b.integer(1)}})}}));
  EXPECT_EQ(out, "? " + key + "\n:\n  x: 1\n");
  EXPECT_EQ(YAML::Load(out)[key]["x"].as<int>(), 1);
  std::string inList = yaml(b.list({b.object(eval::kNoSchema, "", {{key, b.integer(1)}, {"y", b.integer(2)}})}));
  EXPECT_EQ(YAML::Load(inList)[0][key].as<int>(), 1);
  EXPECT_EQ(YAML::Load(inList)[0]["y"].as<int>(), 2);
}

TEST(YamlWriter, AFunctionCannotBeWrittenAndTheErrorNamesItsPath) {
  ValueBuilder b;
  SourceManager sources;
  FileId file = sources.add("app.cairn", "let f = fn(x: int) => x\n");
  b.setSpan(Span{file, 8, 23});
  auto fn = b.function();
  b.setSpan(Span{});
  auto value = b.map({{"spec", b.map({{"handlers", b.list({b.str("ok"), fn})}})}});
  std::string out;
  DiagnosticSink diags;
  EXPECT_FALSE(appendYaml(out, value, diags));
  ASSERT_EQ(diags.diagnostics().size(), 1u);
  EXPECT_EQ(renderCompact(diags.diagnostics()[0], sources),
            "app.cairn:1:9: error[E0606]: a function at `spec.handlers[1]` cannot be written as YAML\n");
}

TEST(YamlWriter, UnusualKeysInErrorPathsAreQuoted) {
  ValueBuilder b;
  auto value = b.object(eval::kNoSchema, "", {{"app.kubernetes.io/x", b.function()}});
  std::string out;
  DiagnosticSink diags;
  EXPECT_FALSE(appendYaml(out, value, diags));
  EXPECT_EQ(diags.diagnostics()[0].message, "a function at `[\"app.kubernetes.io/x\"]` cannot be written as YAML");
}

} // namespace
} // namespace cairn::backends
