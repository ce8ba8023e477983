// The default policy pack against its test manifests, tests/policy/<check>.yaml:
// every object named `fire-...` gets a finding of that check and every object
// named `ok-...` none, with no policy failing to evaluate. Then the same
// manifests imported as Cairn (`cairn import yaml`) and linted give the same
// findings: policies see Cairn output and YAML alike.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "cli/driver.h"
#include "drive.h"

namespace cairn::cli {
namespace {

namespace fs = std::filesystem;
const fs::path kSourceDir = CAIRN_SOURCE_DIR;

using testing::drive;
using testing::DriverRun;

std::vector<std::string> caseFiles() {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto &entry : fs::directory_iterator(kSourceDir / "tests" / "policy", ec))
    if (entry.path().extension() == ".yaml")
      files.push_back(entry.path().stem().string());
  std::sort(files.begin(), files.end());
  return files;
}

// The names of the top-level objects of a manifest file (List items included).
std::vector<std::string> objectNames(const fs::path &file) {
  std::vector<std::string> names;
  for (const YAML::Node &doc : YAML::LoadAllFromFile(file.string())) {
    if (!doc.IsMap())
      continue;
    if (doc["items"] && doc["items"].IsSequence() && !doc["metadata"]) {
      for (const YAML::Node &item : doc["items"])
        names.push_back(item["metadata"]["name"].as<std::string>(""));
      continue;
    }
    names.push_back(doc["metadata"] ? doc["metadata"]["name"].as<std::string>("") : "");
  }
  return names;
}

// Extra `cairn lint` arguments from a first line `# ARGS: --flag value ...`
// (parameters of checks that need them), split at spaces.
std::vector<std::string> caseArgs(const fs::path &file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> args;
  const std::string prefix = "# ARGS:";
  if (line.rfind(prefix, 0) != 0)
    return args;
  std::istringstream words(line.substr(prefix.size()));
  for (std::string word; words >> word;)
    args.push_back(word);
  return args;
}

// `cairn lint --only CHECK --format json --fail-on none [ARGS] INPUT`
std::vector<std::string> lintArgs(const std::string &check, const fs::path &caseFile, const fs::path &input) {
  std::vector<std::string> args{"lint", "--only", check, "--format", "json", "--fail-on", "none"};
  for (std::string &arg : caseArgs(caseFile))
    args.push_back(std::move(arg));
  args.push_back(input.string());
  return args;
}

// (kind/name, path) of every finding of `check` in a JSON report.
std::multiset<std::string> findingsOf(const std::string &report, const std::string &check, std::set<std::string> *names) {
  std::multiset<std::string> found;
  nlohmann::json json = nlohmann::json::parse(report);
  for (const auto &finding : json["findings"]) {
    if (finding["check"] != check)
      continue;
    std::string name = finding["object"]["name"].get<std::string>();
    if (names)
      names->insert(name);
    found.insert(finding["object"]["kind"].get<std::string>() + "/" + name + " " + finding["path"].get<std::string>());
  }
  return found;
}

class PolicyPack : public ::testing::TestWithParam<std::string> {};

TEST_P(PolicyPack, FiresOnFireObjectsOnly) {
  const std::string check = GetParam();
  fs::path file = kSourceDir / "tests" / "policy" / (check + ".yaml");
  DriverRun r = drive(lintArgs(check, file, file), fs::temp_directory_path());
  ASSERT_EQ(r.exit, kExitOk) << r.err;
  EXPECT_EQ(r.err, "") << "problems while linting " << file;
  std::set<std::string> flagged;
  findingsOf(r.out, check, &flagged);
  std::vector<std::string> names = objectNames(file);
  ASSERT_FALSE(names.empty());
  bool anyFire = false;
  for (const std::string &name : names) {
    bool fire = name.rfind("fire-", 0) == 0, ok = name.rfind("ok-", 0) == 0;
    EXPECT_TRUE(fire || ok) << file << ": object `" << name << "` must be named fire-... or ok-...";
    if (fire) {
      EXPECT_TRUE(flagged.count(name)) << check << " did not fire on `" << name << "`";
    }
    if (ok) {
      EXPECT_FALSE(flagged.count(name)) << check << " fired on `" << name << "`";
    }
    anyFire = anyFire || fire;
  }
  EXPECT_TRUE(anyFire) << file << " has no case that fires";
}

// Checks whose manifests cannot be written in Cairn with the standard library:
// the removed API versions have no schema to import them with.
const std::set<std::string> kYamlOnly = {"deprecated-api-version"};

TEST_P(PolicyPack, CairnOutputGivesTheSameFindings) {
  const std::string check = GetParam();
  if (kYamlOnly.count(check))
    GTEST_SKIP() << check << " has manifests of removed API versions only";
  fs::path file = kSourceDir / "tests" / "policy" / (check + ".yaml");
  fs::path dir = fs::temp_directory_path() / ("cairn-policy-pack-" + check + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  DriverRun imported = drive({"import", "yaml", file.string(), "-o", (dir / "out").string()}, dir);
  ASSERT_EQ(imported.exit, kExitOk) << imported.err;
  fs::path cairnFile = dir / "out" / (check + ".cairn");
  ASSERT_TRUE(fs::exists(cairnFile)) << imported.out << imported.err;

  DriverRun fromYaml = drive(lintArgs(check, file, file), dir);
  DriverRun fromCairn = drive(lintArgs(check, file, cairnFile), dir);
  ASSERT_EQ(fromCairn.exit, kExitOk) << fromCairn.err;
  EXPECT_EQ(findingsOf(fromCairn.out, check, nullptr), findingsOf(fromYaml.out, check, nullptr));
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Checks, PolicyPack, ::testing::ValuesIn(caseFiles()),
                         [](const ::testing::TestParamInfo<std::string> &info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

} // namespace
} // namespace cairn::cli
