// Golden files: each tests/unit/backends/golden/<case>.in.json holds a JSON
// array of documents (key order kept; `1` is an int, `1.0` a float), turned
// into eval::Values and rendered by every emitter. The expected outputs sit
// beside it: <case>.yaml, <case>.json and <case>.dir.txt (the `dir` tree as
// `==> path <==` sections). CAIRN_UPDATE_GOLDEN=1 rewrites them; review the
// diff before committing.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "backends/emitter.h"
#include "value_builder.h"
#include "yaml_roundtrip.h"

namespace cairn::backends {
namespace {

namespace fs = std::filesystem;

fs::path goldenDir() { return fs::path(CAIRN_SOURCE_DIR) / "tests/unit/backends/golden"; }

std::string readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> caseNames() {
  std::vector<std::string> names;
  for (const auto &entry : fs::directory_iterator(goldenDir())) {
    std::string file = entry.path().filename().string();
    if (llvm::StringRef(file).endswith(".in.json"))
      names.push_back(file.substr(0, file.size() - 8));
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string renderAs(llvm::StringRef format, llvm::ArrayRef<eval::Value> docs) {
  RenderedOutput out;
  DiagnosticSink diags;
  EXPECT_TRUE(createEmitter(format)->render(docs, out, diags)) << format.str();
  if (format != "dir")
    return out.stream;
  std::string listing;
  for (const OutputFile &file : out.files)
    listing += "==> " + file.path + " <==\n" + file.content;
  return listing;
}

void compareOrUpdate(const fs::path &expectedPath, const std::string &actual) {
  if (const char *update = std::getenv("CAIRN_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(expectedPath, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(expectedPath)) << expectedPath << " is missing; run with CAIRN_UPDATE_GOLDEN=1";
  EXPECT_EQ(actual, readFile(expectedPath)) << "golden file " << expectedPath;
}

// YAML read back equals the input JSON (types included: yaml-cpp keeps the
// text, so compare scalars as the JSON text of the input).
void expectSameData(const YAML::Node &yaml, const nlohmann::ordered_json &json, const std::string &where) {
  if (json.is_object()) {
    size_t nonNull = 0;
    for (auto it = json.begin(); it != json.end(); ++it) {
      if (it.value().is_null())
        continue;
      ++nonNull;
      expectSameData(yaml[it.key()], it.value(), where + "." + it.key());
    }
    EXPECT_EQ(yaml.size(), nonNull) << where;
  } else if (json.is_array()) {
    ASSERT_TRUE(yaml.IsSequence()) << where;
    ASSERT_EQ(yaml.size(), json.size()) << where;
    for (size_t i = 0; i < json.size(); ++i)
      expectSameData(yaml[i], json[i], where + "[" + std::to_string(i) + "]");
  } else if (json.is_string()) {
    EXPECT_TRUE(testing::readsBackAsString(yaml, json.get<std::string>())) << where;
  } else if (json.is_number_float()) {
    EXPECT_EQ(yaml.as<double>(), json.get<double>()) << where;
  } else if (json.is_number_integer()) {
    EXPECT_EQ(yaml.as<int64_t>(), json.get<int64_t>()) << where;
  } else if (json.is_boolean()) {
    EXPECT_EQ(yaml.as<bool>(), json.get<bool>()) << where;
  }
}

// JSON without null fields, as the emitters drop them.
nlohmann::ordered_json withoutNullFields(const nlohmann::ordered_json &json) {
  if (json.is_array()) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto &item : json)
      out.push_back(withoutNullFields(item));
    return out;
  }
  if (!json.is_object())
    return json;
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (auto it = json.begin(); it != json.end(); ++it)
    if (!it.value().is_null())
      out[it.key()] = withoutNullFields(it.value());
  return out;
}

TEST(Golden, EveryCaseMatchesItsExpectedOutputs) {
  std::vector<std::string> names = caseNames();
  ASSERT_GE(names.size(), 4u);
  for (const std::string &name : names) {
    SCOPED_TRACE(name);
    auto input = nlohmann::ordered_json::parse(readFile(goldenDir() / (name + ".in.json")));
    ASSERT_TRUE(input.is_array());
    testing::ValueBuilder b;
    std::vector<eval::Value> docs;
    for (const auto &doc : input)
      docs.push_back(b.fromJson(doc));
    std::string yaml = renderAs("yaml", docs);
    compareOrUpdate(goldenDir() / (name + ".yaml"), yaml);
    compareOrUpdate(goldenDir() / (name + ".json"), renderAs("json", docs));
    compareOrUpdate(goldenDir() / (name + ".dir.txt"), renderAs("dir", docs));

    // The YAML reads back as the input data, document by document.
    std::vector<YAML::Node> back = YAML::LoadAll(yaml);
    ASSERT_EQ(back.size(), input.size());
    for (size_t i = 0; i < input.size(); ++i)
      expectSameData(back[i], input[i], "document " + std::to_string(i));
    // The JSON reads back as the input data too.
    // (compared without key order: the order is what the golden files pin down)
    auto json = nlohmann::json::parse(renderAs("json", docs));
    auto expected = nlohmann::json::parse(withoutNullFields(input).dump());
    EXPECT_EQ(input.size() == 1 ? json : json["items"], input.size() == 1 ? expected[0] : expected);
  }
}

} // namespace
} // namespace cairn::backends
