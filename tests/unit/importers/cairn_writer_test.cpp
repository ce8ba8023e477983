// The writer shared by the OpenAPI and CRD importers: imports, aliases,
// quoting, optional/nullable/defaulted fields, refinements.
#include <gtest/gtest.h>

#include "frontend/cairn_text.h"
#include "importers/cairn_writer.h"

namespace cairn::importers {
namespace {

using K = ModelType::Kind;

ModelField field(std::string name, ModelType type, bool required = false) {
  ModelField f;
  f.name = std::move(name);
  f.type = std::move(type);
  f.required = required;
  return f;
}

ModelDefinition schema(std::string name, std::vector<ModelField> fields) {
  ModelDefinition d;
  d.name = std::move(name);
  d.fields = std::move(fields);
  return d;
}

std::string write(const ModelModule &module, std::vector<std::string> &warnings, WriterOptions options = {}) {
  return writeModule(module, options, warnings);
}

TEST(CairnWriter, ImportAliasesAreReadableUniqueAndNeverKeywords) {
  ModelModule m;
  m.path = "k8s/example/v1";
  m.definitions.push_back(schema("Thing", {field("a", ModelType::ref("k8s/meta/v1", "ObjectMeta")),
                                           field("b", ModelType::ref("k8s/meta/v2", "Other")),
                                           field("c", ModelType::ref("k8s/policy/v1", "PodDisruptionBudget")),
                                           field("d", ModelType::ref("", "Local"))}));
  std::vector<std::string> warnings;
  std::string text = write(m, warnings);
  EXPECT_NE(text.find("import \"k8s/meta/v1\" as meta\n"
                      "import \"k8s/meta/v2\" as meta_v2\n"
                      "import \"k8s/policy/v1\" as policy_v1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  a?: meta.ObjectMeta\n  b?: meta_v2.Other\n  c?: policy_v1.PodDisruptionBudget\n  d?: Local\n"),
            std::string::npos)
      << text;
}

TEST(CairnWriter, FieldsAreQuotedOptionalNullableOrDefaultedAsModelled) {
  ModelModule m;
  m.path = "x";
  m.header = {"Generated for a test."};
  ModelField withDefault = field("kind", ModelType::stringLiteral("Thing"));
  withDefault.defaultValue = "\"Thing\"";
  ModelField documented = field("x-kubernetes-list-type", ModelType::of(K::String));
  documented.doc = "How lists merge.\nSecond line.";
  m.definitions.push_back(schema("Thing", {withDefault, field("name", ModelType::of(K::String), true), documented,
                                           field("maybe", ModelType::unionOf({ModelType::of(K::Int), ModelType::of(K::Null)})),
                                           field("either", ModelType::unionOf({ModelType::of(K::Int), ModelType::of(K::String)}))}));
  m.definitions.push_back(schema("Empty", {}));
  std::vector<std::string> warnings;
  EXPECT_EQ(write(m, warnings), "// Generated for a test.\n"
                                "\n"
                                "schema Thing {\n"
                                "  kind: \"Thing\" = \"Thing\"\n"
                                "  name: string\n"
                                "  /// How lists merge.\n"
                                "  /// Second line.\n"
                                "  \"x-kubernetes-list-type\"?: string\n"
                                "  maybe?: int?\n"
                                "  either?: int | string\n"
                                "}\n"
                                "\n"
                                "schema Empty {}\n");
}

TEST(CairnWriter, RefinementsAreWrittenAndBadRegexesDroppedWithAWarning) {
  ModelType port = ModelType::of(K::Int);
  port.minInt = 1;
  port.maxInt = 65535;
  ModelType name = ModelType::of(K::String);
  name.maxInt = 63;
  name.pattern = "^a/b$";
  ModelType broken = ModelType::of(K::String);
  broken.pattern = "([unclosed";
  ModelType ratio = ModelType::of(K::Float);
  ratio.minFloat = 0;
  ratio.maxFloat = 0.5;
  ModelModule m;
  m.path = "x";
  m.definitions.push_back(schema("R", {field("port", port), field("name", name), field("broken", broken),
                                       field("ratio", ratio)}));
  std::vector<std::string> warnings;
  std::string text = write(m, warnings);
  EXPECT_NE(text.find("  port?: int(1..65535)\n  name?: string(..63, /^a\\/b$/)\n  broken?: string\n  ratio?: float(0..0.5)\n"),
            std::string::npos)
      << text;
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("R.broken"), std::string::npos) << warnings[0];
}

TEST(CairnWriter, CrdModulesCanImportEachOtherRelatively) {
  ModelModule m;
  m.path = "cert-manager.io/v1";
  m.definitions.push_back(schema("A", {field("b", ModelType::ref("acme.cert-manager.io/v1", "B")),
                                       field("m", ModelType::ref("k8s/meta/v1", "ObjectMeta"))}));
  std::vector<std::string> warnings;
  WriterOptions options;
  options.relativeImports = true;
  std::string text = write(m, warnings, options);
  EXPECT_NE(text.find("import \"../acme.cert-manager.io/v1\" as acme_cert_manager_io\n"), std::string::npos) << text;
  EXPECT_NE(text.find("import \"k8s/meta/v1\" as meta\n"), std::string::npos) << text;
}

TEST(CairnWriter, StringLiteralsEscapeQuotesControlsAndInterpolation) {
  EXPECT_EQ(cairnString("a\"b\\c\n${x}$y\x01"), "\"a\\\"b\\\\c\\n\\${x}$y\\u{1}\"");
}

} // namespace
} // namespace cairn::importers
