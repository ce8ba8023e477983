// Command-line flags on top of the project file, and the exit-code rule.
#include <algorithm>

#include <gtest/gtest.h>

#include "lint/config.h"

namespace cairn::lint {
namespace {

namespace fs = std::filesystem;

LintConfig projectConfig() {
  LintConfig c;
  c.baseDir = "/repo";
  c.checks.exclude = {"latest-tag"};
  c.ignorePaths = {"vendor/**"};
  c.failOn = Level::Error;
  c.params["minimum-replicas"]["min"] = 3;
  return c;
}

TEST(ApplyFlags, ListsAreAppendedAndCommaSeparated) {
  LintConfig c = projectConfig();
  LintFlags flags;
  flags.only = {"host-pid,host-ipc", " host-network "};
  flags.include = {"required-labels"};
  flags.exclude = {"ssh-port,,"};
  std::string error;
  ASSERT_TRUE(applyFlags(flags, "/repo", c, error)) << error;
  EXPECT_EQ(c.checks.only, (std::vector<std::string>{"host-pid", "host-ipc", "host-network"}));
  EXPECT_EQ(c.checks.include, (std::vector<std::string>{"required-labels"}));
  EXPECT_EQ(c.checks.exclude, (std::vector<std::string>{"latest-tag", "ssh-port"}));
  EXPECT_TRUE(c.checks.onlySpans.empty()); // flags have no place in the file
}

TEST(ApplyFlags, NamingACheckOnTheCommandLineOverridesTheFilesExclude) {
  LintConfig c = projectConfig(); // the file excludes latest-tag and sets only: [ssh-port]
  c.checks.only = {"ssh-port"};
  LintFlags flags;
  flags.only = {"latest-tag"};
  std::string error;
  ASSERT_TRUE(applyFlags(flags, "/repo", c, error)) << error;
  EXPECT_EQ(c.checks.only, (std::vector<std::string>{"latest-tag"})); // --only replaces the file's list
  EXPECT_TRUE(c.checks.exclude.empty());

  LintConfig d = projectConfig();
  LintFlags both;
  both.include = {"latest-tag"};
  both.exclude = {"latest-tag"}; // an explicit --exclude still wins
  ASSERT_TRUE(applyFlags(both, "/repo", d, error)) << error;
  EXPECT_NE(std::find(d.checks.exclude.begin(), d.checks.exclude.end(), "latest-tag"), d.checks.exclude.end());
}

TEST(ApplyFlags, ParamValuesAreJsonOrPlainText) {
  LintConfig c = projectConfig();
  LintFlags flags;
  flags.params = {"minimum-replicas.min=5", "required-labels.labels=[\"owner\",\"tier\"]",
                  "allowed-registries.registries=registry.example.com", "exposed-services.strict=true",
                  "x.note=\"quoted\"", "x.empty="};
  std::string error;
  ASSERT_TRUE(applyFlags(flags, "/repo", c, error)) << error;
  EXPECT_EQ(c.params["minimum-replicas"]["min"], 5); // the flag wins over the file's 3
  EXPECT_EQ(c.params["required-labels"]["labels"], nlohmann::ordered_json::parse(R"(["owner","tier"])"));
  EXPECT_EQ(c.params["allowed-registries"]["registries"], "registry.example.com");
  EXPECT_EQ(c.params["exposed-services"]["strict"], true);
  EXPECT_EQ(c.params["x"]["note"], "quoted");
  EXPECT_EQ(c.params["x"]["empty"], "");
  EXPECT_FALSE(c.paramSpans["minimum-replicas"]["min"].valid());
}

TEST(ApplyFlags, MalformedParamsAreRejected) {
  for (const char *bad : {"minimum-replicas", "minimum-replicas=3", "minimum-replicas.=3", ".min=3",
                          "Minimum.min=3", "minimum-replicas.9min=3", "a.b.c=1"}) {
    SCOPED_TRACE(bad);
    LintConfig c = projectConfig();
    LintFlags flags;
    flags.params = {bad};
    std::string error;
    EXPECT_FALSE(applyFlags(flags, "/repo", c, error));
    EXPECT_EQ(error.rfind(std::string("invalid --check-param `") + bad + "`: expected CHECK.NAME=VALUE", 0), 0u) << error;
  }
}

TEST(ApplyFlags, FailOnWinsAndAcceptsNone) {
  LintConfig c = projectConfig();
  LintFlags flags;
  flags.failOn = "info";
  std::string error;
  ASSERT_TRUE(applyFlags(flags, "/repo", c, error));
  EXPECT_EQ(c.failOn, Level::Info);
  flags.failOn = "none";
  ASSERT_TRUE(applyFlags(flags, "/repo", c, error));
  EXPECT_TRUE(c.failOnNone);
  EXPECT_FALSE(c.failOn.has_value());
  flags.failOn = "warning";
  ASSERT_TRUE(applyFlags(flags, "/repo", c, error));
  EXPECT_FALSE(c.failOnNone);
  flags.failOn = "fatal";
  EXPECT_FALSE(applyFlags(flags, "/repo", c, error));
  EXPECT_EQ(error, "invalid --fail-on `fatal`: expected error, warning, info or none");
}

TEST(ApplyFlags, GlobsAreRebasedOnTheProjectDirectory) {
  LintConfig c = projectConfig();
  LintFlags flags;
  flags.ignorePaths = {"generated/**", "/repo/tmp/*.yaml", "../other/x.yaml", "./a.yaml"};
  std::string error;
  ASSERT_TRUE(applyFlags(flags, "/repo/sub", c, error));
  EXPECT_EQ(c.ignorePaths,
            (std::vector<std::string>{"vendor/**", "sub/generated/**", "tmp/*.yaml", "other/x.yaml", "sub/a.yaml"}));
  EXPECT_TRUE(pathIgnored("sub/generated/deep/x.yaml", c.ignorePaths));
  EXPECT_FALSE(pathIgnored("generated/x.yaml", c.ignorePaths));
}

TEST(ApplyFlags, WithoutProjectFileTheWorkingDirectoryIsTheBase) {
  LintConfig c;
  LintFlags flags;
  flags.ignorePaths = {"vendor"};
  flags.policies = {"org.cairn", "/abs/p.cairn", "../up/q.cairn"};
  flags.noDefaultPolicies = true;
  flags.all = true;
  std::string error;
  ASSERT_TRUE(applyFlags(flags, "/srv/app", c, error));
  EXPECT_EQ(c.baseDir, fs::path("/srv/app"));
  EXPECT_EQ(c.ignorePaths, (std::vector<std::string>{"vendor"}));
  EXPECT_EQ(c.policies,
            (std::vector<fs::path>{"/srv/app/org.cairn", "/abs/p.cairn", "/srv/up/q.cairn"}));
  EXPECT_FALSE(c.defaultPolicies);
  EXPECT_TRUE(c.checks.all);
}

Finding finding(Level level, bool suppressed = false) {
  Finding f;
  f.level = level;
  if (suppressed)
    f.suppressions.push_back({Suppression::Kind::Annotation, "known", {}});
  return f;
}

TEST(FailsRun, DefaultThresholdIsWarning) {
  LintConfig c;
  EXPECT_FALSE(failsRun(c, {}));
  EXPECT_FALSE(failsRun(c, {finding(Level::Info)}));
  EXPECT_TRUE(failsRun(c, {finding(Level::Info), finding(Level::Warning)}));
  EXPECT_FALSE(failsRun(c, {finding(Level::Error, true)})); // suppressed findings never count
}

TEST(FailsRun, ConfiguredThresholds) {
  LintConfig c;
  c.failOn = Level::Error;
  EXPECT_FALSE(failsRun(c, {finding(Level::Warning)}));
  EXPECT_TRUE(failsRun(c, {finding(Level::Error)}));
  c.failOn = Level::Info;
  EXPECT_TRUE(failsRun(c, {finding(Level::Info)}));
  c.failOn.reset();
  c.failOnNone = true;
  EXPECT_FALSE(failsRun(c, {finding(Level::Error)}));
}

TEST(Levels, NamesRoundTrip) {
  for (Level level : {Level::Info, Level::Warning, Level::Error}) {
    Level parsed = Level::Info;
    EXPECT_TRUE(parseLevel(levelName(level), parsed));
    EXPECT_EQ(parsed, level);
  }
  Level unchanged = Level::Warning;
  EXPECT_FALSE(parseLevel("Error", unchanged));
  EXPECT_FALSE(parseLevel("none", unchanged));
  EXPECT_EQ(unchanged, Level::Warning);
}

} // namespace
} // namespace cairn::lint
