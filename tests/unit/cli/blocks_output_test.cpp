// The building blocks' promise (docs/blocks.md): whatever a developer builds
// with them passes `cairn validate` (the Kubernetes types, and the imported
// CRDs of stdlib/crds for KEDA, Knative and External Secrets) and the default
// policy pack with zero findings. Checked on every golden build case of
// tests/cases/blocks/ and on every sample in each of its environments.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/driver.h"
#include "drive.h"

namespace cairn::cli {
namespace {

namespace fs = std::filesystem;
const fs::path kSourceDir = CAIRN_SOURCE_DIR;

using testing::drive;
using testing::DriverRun;

// One build: the directory it runs in, the entry file relative to it, the
// values file (empty for none), and the CRD modules its output needs besides
// the standard library's (the samples' cert-manager Certificate).
struct BlockBuild {
  std::string name;
  fs::path dir;
  std::string entry;
  std::string values;
  std::vector<fs::path> schemaLocations;
};

void PrintTo(const BlockBuild &b, std::ostream *os) { *os << b.name; }

// Whether a file test case builds with the default command line: no
// `// ARGS:` line, no extra files, and a name that does not promise failure.
bool isPlainBuildCase(const fs::path &file) {
  if (file.filename().string().rfind("fail_", 0) == 0)
    return false;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("// ARGS:", 0) == 0 || line.rfind("// --- ", 0) == 0)
      return false;
  }
  return true;
}

std::vector<BlockBuild> blockBuilds() {
  std::vector<BlockBuild> builds;
  const fs::path cases = kSourceDir / "tests" / "cases" / "blocks";
  for (const auto &entry : fs::directory_iterator(cases))
    if (entry.path().extension() == ".cairn" && isPlainBuildCase(entry.path()))
      builds.push_back({"case_" + entry.path().stem().string(), cases, entry.path().filename().string(), "", {}});
  const fs::path samples = kSourceDir / "samples";
  for (const auto &sample : fs::directory_iterator(samples)) {
    if (!fs::exists(sample.path() / "main.cairn") || !fs::exists(sample.path() / "env"))
      continue;
    const std::string name = sample.path().filename().string();
    for (const auto &env : fs::directory_iterator(sample.path() / "env"))
      builds.push_back({"sample_" + name + "_" + env.path().stem().string(), samples, name + "/main.cairn",
                        name + "/env/" + env.path().filename().string(), {samples / "lib" / "crds"}});
  }
  std::sort(builds.begin(), builds.end(), [](const BlockBuild &a, const BlockBuild &b) { return a.name < b.name; });
  return builds;
}

std::vector<std::string> withValues(std::vector<std::string> args, const BlockBuild &b) {
  if (!b.values.empty()) {
    args.push_back("--values");
    args.push_back(b.values);
  }
  return args;
}

class BlocksOutput : public ::testing::TestWithParam<BlockBuild> {};

TEST_P(BlocksOutput, ValidatesAgainstTheTypes) {
  const BlockBuild &b = GetParam();
  const fs::path out = fs::temp_directory_path() / ("cairn-blocks-" + b.name + "-" + std::to_string(::getpid()) + ".yaml");
  DriverRun built = drive(withValues({"build", b.entry, "-o", out.string()}, b), b.dir);
  ASSERT_EQ(built.exit, kExitOk) << built.err;
  std::vector<std::string> args{"validate", out.string(), "--schema-location", (kSourceDir / "stdlib" / "crds").string()};
  for (const fs::path &location : b.schemaLocations) {
    args.push_back("--schema-location");
    args.push_back(location.string());
  }
  DriverRun validated = drive(args, b.dir);
  fs::remove(out);
  EXPECT_EQ(validated.exit, kExitOk) << validated.out << validated.err;
}

TEST_P(BlocksOutput, LintsWithoutFindings) {
  const BlockBuild &b = GetParam();
  DriverRun linted = drive(withValues({"lint", "--format", "json", "--fail-on", "info", b.entry}, b), b.dir);
  ASSERT_EQ(linted.exit, kExitOk) << linted.out << linted.err;
  nlohmann::json report = nlohmann::json::parse(linted.out);
  EXPECT_TRUE(report["findings"].empty()) << report["findings"].dump(2);
  EXPECT_TRUE(report["problems"].empty()) << report["problems"].dump(2);
  EXPECT_EQ(linted.err, "");
}

INSTANTIATE_TEST_SUITE_P(Builds, BlocksOutput, ::testing::ValuesIn(blockBuilds()),
                         [](const ::testing::TestParamInfo<BlockBuild> &info) {
                           std::string name = info.param.name;
                           std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
                           return name;
                         });

} // namespace
} // namespace cairn::cli
