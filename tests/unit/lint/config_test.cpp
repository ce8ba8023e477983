// The `lint:` section of cairn.yaml: what a project file can say, and the
// errors a mistyped one gets (file:line:col, what is wrong, how to fix it).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "frontend/diag_render.h"
#include "lint/config.h"

namespace cairn::lint {
namespace {

namespace fs = std::filesystem;

class LintConfigTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cairn-lint-config-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string &path, const std::string &text) {
    fs::create_directories((dir_ / path).parent_path());
    std::ofstream(dir_ / path, std::ios::binary) << text;
    return dir_ / path;
  }

  // Loads `text` as `cairn.yaml` in the test directory.
  bool load(const std::string &text) {
    config_ = LintConfig{};
    return loadLintConfig(write("cairn.yaml", text), sources_, diags_, config_);
  }

  // The diagnostics in the compact form, with the test directory shown as `DIR`.
  std::string diagnostics() const {
    std::string out = renderDiagnostics(diags_.diagnostics(), sources_, DiagRenderFormat::Compact);
    for (size_t at; (at = out.find(dir_.string())) != std::string::npos;)
      out.replace(at, dir_.string().size(), "DIR");
    return out;
  }

  fs::path dir_;
  SourceManager sources_;
  DiagnosticSink diags_;
  LintConfig config_;
};

TEST_F(LintConfigTest, ReadsEverySetting) {
  write("policies/org.cairn", "");
  ASSERT_TRUE(load(R"(module: ignored by lint
lint:
  checks:
    all: true
    only: []
    include: [required-labels, allowed-registries]
    exclude:
      - latest-tag
  params:
    required-labels: {labels: [owner, team]}
    minimum-replicas: {min: 2, strict: true, ratio: 0.5, note: "3", empty: null}
  ignorePaths: ["vendor/**", ./charts/*/tests/**]
  failOn: error
  policies: [./policies/org.cairn]
  defaultPolicies: false
)")) << diagnostics();
  EXPECT_EQ(diagnostics(), "");
  EXPECT_TRUE(config_.checks.all);
  EXPECT_TRUE(config_.checks.only.empty());
  EXPECT_EQ(config_.checks.include, (std::vector<std::string>{"required-labels", "allowed-registries"}));
  EXPECT_EQ(config_.checks.exclude, (std::vector<std::string>{"latest-tag"}));
  EXPECT_EQ(config_.params["required-labels"]["labels"], nlohmann::ordered_json::parse(R"(["owner","team"])"));
  auto &replicas = config_.params["minimum-replicas"];
  EXPECT_EQ(replicas["min"], 2);
  EXPECT_TRUE(replicas["min"].is_number_integer());
  EXPECT_EQ(replicas["strict"], true);
  EXPECT_EQ(replicas["ratio"], 0.5);
  EXPECT_EQ(replicas["note"], "3"); // quoted: a string, not a number
  EXPECT_TRUE(replicas["empty"].is_null());
  EXPECT_EQ(config_.ignorePaths, (std::vector<std::string>{"vendor/**", "./charts/*/tests/**"}));
  EXPECT_EQ(config_.failOn, Level::Error);
  EXPECT_FALSE(config_.failOnNone);
  EXPECT_EQ(config_.policies, (std::vector<fs::path>{dir_ / "policies" / "org.cairn"}));
  EXPECT_FALSE(config_.defaultPolicies);
  EXPECT_EQ(config_.baseDir, dir_);
}

TEST_F(LintConfigTest, RemembersWhereNamesAndParamsAreWritten) {
  ASSERT_TRUE(load("lint:\n  checks:\n    exclude: [latest-tag]\n  params:\n    minimum-replicas:\n      min: 2\n"));
  auto line = [&](Span s) { return sources_.lineCol(s.file, s.begin); };
  Span exclude = config_.checks.excludeSpans.at("latest-tag");
  EXPECT_EQ(sources_.text(exclude), "latest-tag");
  EXPECT_EQ(line(exclude).line, 3u);
  EXPECT_EQ(line(exclude).column, 15u);
  EXPECT_EQ(sources_.text(config_.paramCheckSpans.at("minimum-replicas")), "minimum-replicas");
  Span min = config_.paramSpans.at("minimum-replicas").at("min");
  EXPECT_EQ(sources_.text(min), "2");
  EXPECT_EQ(line(min).line, 6u);
}

TEST_F(LintConfigTest, FilesWithoutALintSectionGiveTheDefaults) {
  for (const char *text : {"", "# only a comment\n", "other: {a: 1}\n", "lint:\n", "lint: null\n"}) {
    SCOPED_TRACE(text);
    ASSERT_TRUE(load(text)) << diagnostics();
    EXPECT_FALSE(config_.checks.all);
    EXPECT_TRUE(config_.params.empty());
    EXPECT_FALSE(config_.failOn.has_value());
    EXPECT_TRUE(config_.defaultPolicies);
    EXPECT_EQ(config_.baseDir, dir_);
  }
}

TEST_F(LintConfigTest, FailOnNone) {
  ASSERT_TRUE(load("lint:\n  failOn: none\n"));
  EXPECT_TRUE(config_.failOnNone);
  EXPECT_FALSE(config_.failOn.has_value());
}

TEST_F(LintConfigTest, UnknownKeySuggestsTheClosestOne) {
  EXPECT_FALSE(load("lint:\n  ignore_paths: [vendor]\n  checks:\n    exlude: [a]\n"));
  EXPECT_EQ(diagnostics(), "DIR/cairn.yaml:2:3: error[E0901]: unknown key `ignore_paths` in `lint`\n"
                           "  hint: did you mean `ignorePaths`?\n"
                           "DIR/cairn.yaml:4:5: error[E0901]: unknown key `exlude` in `lint.checks`\n"
                           "  hint: did you mean `exclude`?\n");
  ASSERT_EQ(diags_.diagnostics()[1].fixes.size(), 1u);
  EXPECT_EQ(diags_.diagnostics()[1].fixes[0].edits[0].replacement, "exclude");
}

TEST_F(LintConfigTest, UnknownKeyWithoutCloseMatchListsTheKeys) {
  EXPECT_FALSE(load("lint:\n  checks:\n    everything: true\n"));
  EXPECT_EQ(diagnostics(), "DIR/cairn.yaml:3:5: error[E0901]: unknown key `everything` in `lint.checks`\n"
                           "  hint: `lint.checks` has the keys `all`, `only`, `include` and `exclude`\n");
}

TEST_F(LintConfigTest, WrongTypesNameTheKeyAndWhatWasFound) {
  EXPECT_FALSE(load("lint:\n"
                    "  checks:\n"
                    "    all: yes\n"          // YAML 1.1 boolean: a string in YAML 1.2
                    "    only: latest-tag\n"  // a string, not a list
                    "    exclude: [a, {b: c}]\n"
                    "  defaultPolicies: [true]\n"
                    "  params:\n"
                    "    minimum-replicas: 3\n"));
  EXPECT_EQ(diagnostics(),
            "DIR/cairn.yaml:3:10: error[E0902]: `lint.checks.all` must be `true` or `false`, found a string\n"
            "DIR/cairn.yaml:4:11: error[E0902]: `lint.checks.only` must be a list of check names, found a string\n"
            "  hint: write a list, even for one item: `only: [latest-tag]`\n"
            "DIR/cairn.yaml:5:18: error[E0902]: `lint.checks.exclude[1]` must be a string, found a mapping\n"
            "DIR/cairn.yaml:6:3: error[E0902]: `lint.defaultPolicies` must be `true` or `false`, found a list\n"
            "DIR/cairn.yaml:8:23: error[E0902]: `lint.params.minimum-replicas` must be a mapping from parameter "
            "names to values, found a number\n"
            "  hint: write `minimum-replicas: {param: value}`\n");
}

TEST_F(LintConfigTest, SectionsThatAreNotMappings) {
  EXPECT_FALSE(load("lint: [checks]\n"));
  EXPECT_EQ(diagnostics(), "DIR/cairn.yaml:1:7: error[E0902]: `lint` must be a mapping, found a list\n");
  diags_.take();
  EXPECT_FALSE(load("- lint\n"));
  EXPECT_EQ(diagnostics(), "DIR/cairn.yaml:1:1: error[E0902]: `cairn.yaml` must be a mapping, found a list\n"
                           "  hint: a project file is a mapping of sections, such as `lint:`\n");
}

TEST_F(LintConfigTest, BadFailOnSuggestsALevel) {
  EXPECT_FALSE(load("lint:\n  failOn: warn\n"));
  EXPECT_EQ(diagnostics(), "DIR/cairn.yaml:2:11: error[E0903]: `warn` is not a valid `failOn`: expected `error`, "
                           "`warning`, `info` or `none`\n"
                           "  hint: did you mean `warning`?\n");
}

TEST_F(LintConfigTest, MissingPolicyModuleIsAnErrorAtItsPath) {
  EXPECT_FALSE(load("lint:\n  policies:\n    - policies/missing.cairn\n"));
  EXPECT_EQ(diagnostics(), "DIR/cairn.yaml:3:7: error[E0904]: policy module `policies/missing.cairn` does not exist\n"
                           "  note: looked for `DIR/policies/missing.cairn`\n"
                           "  hint: paths in `lint.policies` are relative to the directory of cairn.yaml\n");
}

TEST_F(LintConfigTest, YamlSyntaxErrorHasAPosition) {
  EXPECT_FALSE(load("lint:\n  checks: [a, b\n  failOn: error\n"));
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  const Diagnostic &d = diags_.diagnostics()[0];
  EXPECT_EQ(d.kind, DiagKind::LintConfigSyntax);
  EXPECT_GE(sources_.lineCol(d.span.file, d.span.begin).line, 2u);
}

TEST_F(LintConfigTest, AliasBombInParamsIsRefused) {
  std::string text = "lint:\n  params:\n    x:\n      a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n";
  char previous = 'a';
  for (char name = 'b'; name <= 'h'; ++name, ++previous)
    text += fmt::format("      {0}: &{0} [*{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}]\n", name, previous);
  EXPECT_FALSE(load(text));
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  EXPECT_EQ(diags_.diagnostics()[0].kind, DiagKind::LintConfigSyntax);
  EXPECT_NE(diags_.diagnostics()[0].message.find("through aliases"), std::string::npos);
}

TEST_F(LintConfigTest, UnreadableFile) {
  config_ = LintConfig{};
  EXPECT_FALSE(loadLintConfig(dir_ / "nope.yaml", sources_, diags_, config_));
  EXPECT_EQ(diagnostics(), "error[E0705]: cannot read `DIR/nope.yaml`: no such file\n");
}

TEST_F(LintConfigTest, FindProjectFileWalksUp) {
  write("cairn.yaml", "");
  write("a/b/c/app.cairn", "");
  EXPECT_EQ(findProjectFile(dir_ / "a" / "b" / "c"), dir_ / "cairn.yaml");
  EXPECT_EQ(findProjectFile(dir_ / "a" / "b" / "c" / "app.cairn"), dir_ / "cairn.yaml");
  write("a/cairn.yaml", "");
  EXPECT_EQ(findProjectFile(dir_ / "a" / "b"), dir_ / "a" / "cairn.yaml");
  fs::create_directories(dir_ / "a" / "cairn.yaml.d");
  EXPECT_EQ(findProjectFile(dir_ / "a" / "cairn.yaml.d"), dir_ / "a" / "cairn.yaml");
}

TEST_F(LintConfigTest, FindProjectFileReturnsNothingWithoutOne) {
  // Nothing from the test directory up to the root normally has a cairn.yaml;
  // if the machine has one above /tmp, the answer must at least be outside the test dir.
  std::optional<fs::path> found = findProjectFile(dir_);
  if (found) {
    EXPECT_EQ(found->string().find(dir_.string()), std::string::npos);
  }
}

} // namespace
} // namespace cairn::lint
