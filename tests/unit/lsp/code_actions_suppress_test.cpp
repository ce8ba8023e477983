#include <gtest/gtest.h>

#include "code_actions_test_util.h"
#include "lint/engine.h"

namespace cairn::lsp {
namespace {

using test::Annotated;
using test::TestWorkspace;

// `cairn lint` on one in-memory file: the findings of `check` and whether each is suppressed.
std::vector<bool> suppressedFindings(const std::string &code, const std::string &check) {
  std::string path = TestWorkspace::path("main.cairn");
  lint::LintRequest request;
  request.cairnFiles = {path};
  request.workingDir = test::kTestRoot;
  request.stdlibDirs = {std::string(CAIRN_SOURCE_DIR) + "/stdlib"};
  request.config.baseDir = test::kTestRoot;
  request.overlay = [path, code](const std::string &canonical) -> std::optional<std::string> {
    return canonical == path ? std::optional<std::string>(code) : std::nullopt;
  };
  auto result = lint::runLint(std::move(request));
  std::vector<bool> out;
  for (const lint::Finding &f : result->findings)
    if (f.check == check)
      out.push_back(!f.suppressions.empty());
  return out;
}

std::vector<CodeAction> lintActions(const std::string &code, std::pair<uint32_t, uint32_t> at,
                                    const std::vector<std::string> &checks) {
  TestWorkspace ws;
  ws.add("main.cairn", code);
  auto snap = ws.analyze();
  uint32_t m = TestWorkspace::module(*snap, "main.cairn");
  Span span{snap->program.modules[m].file, at.first, at.second};
  std::vector<ClientDiagnostic> diags;
  for (const std::string &check : checks)
    diags.push_back({span, check, "cairn lint", std::nullopt});
  return codeActions(*snap, m, span, diags);
}

constexpr const char *kPod = R"(import "k8s/core/v1" as core
emit core.Pod {
  metadata { name = "p" }
  spec.containers = [{
    name = "c"
    image = [["nginx:latest"]]
  }]
}
)";

TEST(SuppressFinding, InsertsADirectiveTheLinterHonours) {
  Annotated a(kPod);
  ASSERT_EQ(suppressedFindings(a.code, "latest-tag"), std::vector<bool>{false});
  auto actions = lintActions(a.code, a.range(), {"latest-tag"});
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].kind, ActionKind::QuickFix);
  EXPECT_FALSE(actions[0].preferred) << "silencing a finding is never the obvious fix";
  std::string fixed = test::applyEdits(a.code, actions[0].edits);
  EXPECT_NE(fixed.find("    name = \"c\"\n    // cairn:ignore latest-tag -- reason for the exception\n    image = "),
            std::string::npos)
      << fixed;
  EXPECT_EQ(suppressedFindings(fixed, "latest-tag"), std::vector<bool>{true});
}

TEST(SuppressFinding, AddsTheCheckToADirectiveAlreadyAbove) {
  Annotated a(R"(import "k8s/core/v1" as core
emit core.Pod {
  metadata { name = "p" }
  spec.containers = [{
    name = "c"
    // cairn:ignore unset-cpu-requirements -- batch job
    image = [["nginx:latest"]]
  }]
}
)");
  auto actions = lintActions(a.code, a.range(), {"latest-tag"});
  ASSERT_EQ(actions.size(), 1u);
  std::string fixed = test::applyEdits(a.code, actions[0].edits);
  EXPECT_NE(fixed.find("    // cairn:ignore unset-cpu-requirements,latest-tag -- batch job\n    image"), std::string::npos)
      << fixed;
  EXPECT_EQ(suppressedFindings(fixed, "latest-tag"), std::vector<bool>{true});
  EXPECT_TRUE(lintActions(fixed, {static_cast<uint32_t>(fixed.find("\"nginx")), static_cast<uint32_t>(fixed.find("\"nginx")) + 5},
                          {"latest-tag"})
                  .empty())
      << "already suppressed there";
}

TEST(SuppressFinding, NeverInsertedIntoAMultiLineString) {
  Annotated a("let s = \"\"\"\n  one\n  [[two]]\n  \"\"\"\n");
  EXPECT_TRUE(lintActions(a.code, a.range(), {"latest-tag"}).empty());
}

TEST(SuppressFinding, CompilerDiagnosticsAreNotSuppressible) {
  Annotated a(kPod);
  TestWorkspace ws;
  ws.add("main.cairn", a.code);
  auto snap = ws.analyze();
  uint32_t m = TestWorkspace::module(*snap, "main.cairn");
  Span span{snap->program.modules[m].file, a.range().first, a.range().second};
  EXPECT_TRUE(codeActions(*snap, m, span, {{span, "E0999", "cairn", std::nullopt}}).empty());
  EXPECT_TRUE(codeActions(*snap, m, span, {{span, "", "cairn lint", std::nullopt}}).empty()) << "no check name";
}

} // namespace
} // namespace cairn::lsp
