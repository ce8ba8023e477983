// Values files: YAML scalars resolve like YAML 1.2 (quoted stays string),
// JSON parses as JSON, and every problem is an E0704 pointing into the file.
#include <gtest/gtest.h>

#include "cli/values_file.h"
#include "frontend/diag_render.h"

namespace cairn::cli {
namespace {

TEST(YamlToJson, PlainScalarsResolveToTheirTypes) {
  nlohmann::ordered_json j = yamlToJson("a: 3\nb: 2.5\nc: true\nd: ~\ne: prod\nf: -7\ng: 0x1F\nh: 1e3\ni:\n");
  EXPECT_EQ(j["a"], 3);
  EXPECT_TRUE(j["a"].is_number_integer());
  EXPECT_DOUBLE_EQ(j["b"].get<double>(), 2.5);
  EXPECT_EQ(j["c"], true);
  EXPECT_TRUE(j["d"].is_null());
  EXPECT_EQ(j["e"], "prod");
  EXPECT_EQ(j["f"], -7);
  EXPECT_EQ(j["g"], 31);
  EXPECT_TRUE(j["h"].is_number_float());
  EXPECT_TRUE(j["i"].is_null());
}

TEST(YamlToJson, QuotedScalarsStayStrings) {
  nlohmann::ordered_json j = yamlToJson("a: \"3\"\nb: 'true'\nc: \"null\"\n");
  EXPECT_EQ(j["a"], "3");
  EXPECT_EQ(j["b"], "true");
  EXPECT_EQ(j["c"], "null");
}

TEST(YamlToJson, YamlOneOneBooleansAreStrings) {
  // YAML 1.2 core schema: `yes`/`on` are plain strings, not booleans.
  nlohmann::ordered_json j = yamlToJson("a: yes\nb: on\n");
  EXPECT_EQ(j["a"], "yes");
  EXPECT_EQ(j["b"], "on");
}

TEST(YamlToJson, NestedStructures) {
  nlohmann::ordered_json j = yamlToJson("svc:\n  ports: [80, 443]\n  labels: {app: web}\n");
  EXPECT_EQ(j["svc"]["ports"], nlohmann::ordered_json::array({80, 443}));
  EXPECT_EQ(j["svc"]["labels"]["app"], "web");
}

TEST(YamlToJson, HugeIntegerStaysText) {
  nlohmann::ordered_json j = yamlToJson("a: 99999999999999999999999\n");
  EXPECT_TRUE(j["a"].is_string());
}

TEST(YamlToJson, SyntaxErrorThrows) {
  EXPECT_THROW(yamlToJson("a: [1, 2\n"), std::runtime_error);
}

struct ValuesFixture : ::testing::Test {
  SourceManager sources;
  DiagnosticSink diags;
  std::vector<eval::ParamInput> load(const std::string &name, const std::string &text) {
    FileId file = sources.add(name, text);
    return paramsFromValuesFile(sources, file, name, diags);
  }
  std::string compact() {
    std::string out;
    for (const Diagnostic &d : diags.diagnostics())
      out += renderCompact(d, sources);
    return out;
  }
};

TEST_F(ValuesFixture, EachKeyIsAStructuredParam) {
  auto params = load("values.yaml", "env: prod\nreplicas: 3\n");
  ASSERT_EQ(params.size(), 2u);
  EXPECT_FALSE(diags.hasErrors());
  for (const eval::ParamInput &p : params) {
    EXPECT_FALSE(p.fromText);
    EXPECT_EQ(p.origin, "values.yaml");
    ASSERT_TRUE(p.json);
  }
  auto replicas = std::find_if(params.begin(), params.end(), [](auto &p) { return p.name == "replicas"; });
  ASSERT_NE(replicas, params.end());
  EXPECT_EQ(*replicas->json, 3);
}

TEST_F(ValuesFixture, JsonFile) {
  auto params = load("values.json", R"({"env": "dev", "ports": [1, 2]})");
  ASSERT_EQ(params.size(), 2u);
  EXPECT_FALSE(diags.hasErrors());
}

TEST_F(ValuesFixture, EmptyFileSetsNothing) {
  EXPECT_TRUE(load("values.yaml", "").empty());
  EXPECT_FALSE(diags.hasErrors());
}

TEST_F(ValuesFixture, TopLevelMustBeAMapping) {
  EXPECT_TRUE(load("values.yaml", "- a\n- b\n").empty());
  ASSERT_EQ(diags.diagnostics().size(), 1u);
  EXPECT_EQ(diags.diagnostics()[0].kind, DiagKind::InvalidValuesFile);
  EXPECT_NE(compact().find("values.yaml:1:1: error[E0704]: cannot use values file `values.yaml`: "
                           "expected a mapping from parameter names to values, found array"),
            std::string::npos)
      << compact();
}

TEST_F(ValuesFixture, YamlSyntaxErrorPointsIntoTheFile) {
  EXPECT_TRUE(load("values.yaml", "env: prod\nports: [1, 2\n").empty());
  ASSERT_EQ(diags.diagnostics().size(), 1u);
  EXPECT_EQ(diags.diagnostics()[0].kind, DiagKind::InvalidValuesFile);
  EXPECT_NE(compact().find("values.yaml:"), std::string::npos) << compact();
}

TEST_F(ValuesFixture, JsonSyntaxErrorPointsAtTheBadByte) {
  EXPECT_TRUE(load("values.json", "{\n  \"env\": prod\n}").empty());
  ASSERT_EQ(diags.diagnostics().size(), 1u);
  EXPECT_NE(compact().find("values.json:2:"), std::string::npos) << compact();
}

} // namespace
} // namespace cairn::cli

namespace cairn::cli {
namespace {

// Maps from a values file keep the order they were written in (they end up in
// the output, e.g. as labels).
TEST(ValuesFile, MappingsKeepFileOrder) {
  nlohmann::ordered_json j = yamlToJson("labels:\n  zeta: 1\n  alpha: 2\n  mid: 3\n");
  std::vector<std::string> keys;
  for (auto it = j["labels"].begin(); it != j["labels"].end(); ++it)
    keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"zeta", "alpha", "mid"}));
}

} // namespace
} // namespace cairn::cli
