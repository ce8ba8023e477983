// Which checks run for only/include/exclude/all, and the errors for names
// that no check has.
#include <gtest/gtest.h>

#include "frontend/diag_render.h"
#include "lint/config.h"

namespace cairn::lint {
namespace {

std::vector<PolicyDescriptor> policies() {
  auto policy = [](const char *name, bool enabled) {
    PolicyDescriptor p;
    p.name = name;
    p.enabledByDefault = enabled;
    return p;
  };
  return {policy("latest-tag", true), policy("host-pid", true), policy("required-labels", false),
          policy("minimum-replicas", false)};
}

std::vector<std::string> selected(const LintConfig &config) {
  DiagnosticSink diags;
  std::vector<PolicyDescriptor> all = policies();
  std::vector<bool> run = selectChecks(all, config, diags);
  EXPECT_FALSE(diags.hasErrors());
  std::vector<std::string> names;
  for (size_t i = 0; i < all.size(); ++i)
    if (run.at(i))
      names.push_back(all[i].name);
  return names;
}

using Names = std::vector<std::string>;

TEST(SelectChecks, DefaultsRunOnlyEnabledChecks) {
  EXPECT_EQ(selected(LintConfig{}), (Names{"latest-tag", "host-pid"}));
}

TEST(SelectChecks, IncludeAddsOffByDefaultChecks) {
  LintConfig c;
  c.checks.include = {"required-labels"};
  EXPECT_EQ(selected(c), (Names{"latest-tag", "host-pid", "required-labels"}));
}

TEST(SelectChecks, AllRunsEverything) {
  LintConfig c;
  c.checks.all = true;
  EXPECT_EQ(selected(c), (Names{"latest-tag", "host-pid", "required-labels", "minimum-replicas"}));
}

TEST(SelectChecks, OnlyRunsExactlyThoseEvenOffByDefault) {
  LintConfig c;
  c.checks.only = {"minimum-replicas", "host-pid"};
  c.checks.include = {"required-labels"}; // ignored: `only` says what runs
  c.checks.all = true;
  EXPECT_EQ(selected(c), (Names{"host-pid", "minimum-replicas"}));
}

TEST(SelectChecks, ExcludeWinsOverEverything) {
  LintConfig c;
  c.checks.all = true;
  c.checks.only = {"latest-tag", "host-pid"};
  c.checks.include = {"latest-tag"};
  c.checks.exclude = {"latest-tag"};
  EXPECT_EQ(selected(c), (Names{"host-pid"}));
}

TEST(SelectChecks, UnknownNamesAreErrorsWithSuggestions) {
  SourceManager sources;
  FileId file = sources.add("cairn.yaml", "lint:\n  checks:\n    exclude: [latset-tag]\n");
  LintConfig c;
  c.checks.exclude = {"latset-tag"};
  c.checks.excludeSpans["latset-tag"] = Span{file, 30, 40};
  c.checks.only = {"host-pdi", "host-pdi", "zzz"};
  c.params["required-label"]["labels"] = nlohmann::ordered_json::array();
  DiagnosticSink diags;
  std::vector<PolicyDescriptor> all = policies();
  selectChecks(all, c, diags);
  EXPECT_EQ(renderDiagnostics(diags.diagnostics(), sources, DiagRenderFormat::Compact),
            "error[E0905]: no check named `host-pdi`\n"
            "  note: named by `--only`\n"
            "  hint: did you mean `host-pid`?\n"
            "error[E0905]: no check named `zzz`\n"
            "  note: named by `--only`\n"
            "  hint: `cairn lint --list-checks` lists the checks\n"
            "cairn.yaml:3:15: error[E0905]: no check named `latset-tag`\n"
            "  note: named in `lint.checks.exclude`\n"
            "  hint: did you mean `latest-tag`?\n"
            "error[E0905]: no check named `required-label`\n"
            "  note: named by `--check-param`\n"
            "  hint: did you mean `required-labels`?\n");
  ASSERT_EQ(diags.diagnostics()[2].fixes.size(), 1u);
  EXPECT_EQ(diags.diagnostics()[2].fixes[0].edits[0].replacement, "latest-tag");
}

} // namespace
} // namespace cairn::lint
