#include <gtest/gtest.h>

#include "code_actions_test_util.h"
#include "lsp/handlers_presentation.h"

namespace cairn::lsp {
namespace {

using test::TestWorkspace;

constexpr const char *kTypo = R"(import "k8s/apps/v1" as apps
emit apps.Deployment {
  metadata { name = "web" }
  spec {
    replcas = 2
    selector { matchLabels = { app = "web" } }
    template {}
  }
}
)";

TEST(CodeActions, DidYouMeanFromTheSnapshotFixesTheTypo) {
  TestWorkspace ws;
  ws.add("main.cairn", kTypo);
  auto snap = ws.analyze();
  uint32_t m = TestWorkspace::module(*snap, "main.cairn");
  ASSERT_EQ(test::codesIn(*snap, m), std::vector<std::string>{"E0401"});
  auto diags = test::clientDiagnostics(*snap, m);
  auto actions = codeActions(*snap, m, diags.front().span, diags);
  const CodeAction *fix = test::findAction(actions, "replicas");
  ASSERT_NE(fix, nullptr);
  EXPECT_EQ(fix->kind, ActionKind::QuickFix);
  EXPECT_TRUE(fix->preferred) << "the only fix of its diagnostic";
  EXPECT_EQ(fix->diagnostics, std::vector<size_t>{0});

  std::string fixed = test::applyEdits(kTypo, fix->edits);
  EXPECT_NE(fixed.find("    replicas = 2\n"), std::string::npos);
  TestWorkspace again;
  again.add("main.cairn", fixed);
  auto snap2 = again.analyze();
  EXPECT_TRUE(test::codesIn(*snap2, TestWorkspace::module(*snap2, "main.cairn")).empty());
}

// The JSON path: fixes come from `data.fixes` the server attached, and the
// action echoes the diagnostic.
TEST(CodeActions, HandlerReadsFixesFromDiagnosticData) {
  TestWorkspace ws;
  ws.add("main.cairn", kTypo);
  auto snap = ws.analyze();
  uint32_t m = TestWorkspace::module(*snap, "main.cairn");
  ClientCapabilities caps;
  caps.codeActionLiterals = true;
  FeatureContext ctx{*snap, m, caps};
  json range = {{"start", {{"line", 4}, {"character", 4}}}, {"end", {{"line", 4}, {"character", 11}}}};
  json diagnostic = {{"range", range}, {"code", "E0401"}, {"source", "cairn"}, {"message", "unknown field"},
                     {"data", {{"fixes", {{{"title", "use `replicas`"},
                                          {"edits", {{{"range", range}, {"newText", "replicas"}}}}}}}}}};
  json params = {{"textDocument", {{"uri", "file:///cairn-lsp-test/main.cairn"}}},
                 {"range", range},
                 {"context", {{"diagnostics", {diagnostic}}}}};
  json result = handleCodeAction(ctx, params);
  ASSERT_EQ(result.size(), 1u) << result.dump();
  EXPECT_EQ(result[0]["title"], "use `replicas`");
  EXPECT_EQ(result[0]["kind"], "quickfix");
  EXPECT_EQ(result[0]["isPreferred"], true);
  EXPECT_EQ(result[0]["diagnostics"][0], diagnostic);
  const json &changes = result[0]["edit"]["changes"];
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes.begin().key(), "file:///cairn-lsp-test/main.cairn");
  EXPECT_EQ(changes.begin().value()[0]["newText"], "replicas");
  EXPECT_EQ(changes.begin().value()[0]["range"], range);

  params["context"]["only"] = {"refactor"};
  EXPECT_TRUE(handleCodeAction(ctx, params).empty()) << "`only` filters the quick fix out";
  ClientCapabilities noLiterals;
  FeatureContext old{*snap, m, noLiterals};
  params["context"].erase("only");
  EXPECT_TRUE(handleCodeAction(old, params).empty()) << "clients without literal support get no literals";
}

TEST(CodeActions, MalformedParamsAreRejectedNotCrashed) {
  TestWorkspace ws;
  ws.add("main.cairn", "let x = 1\n");
  auto snap = ws.analyze();
  ClientCapabilities caps;
  caps.codeActionLiterals = true;
  FeatureContext ctx{*snap, TestWorkspace::module(*snap, "main.cairn"), caps};
  EXPECT_THROW(handleCodeAction(ctx, json::object()), ProtocolError);
  EXPECT_THROW(handleCodeAction(ctx, {{"range", {{"start", 1}}}}), ProtocolError);
  json range = {{"start", {{"line", 99}, {"character", 0}}}, {"end", {{"line", 99}, {"character", 5}}}};
  json weird = {{"range", range},
                {"context", {{"diagnostics", {1, "x", {{"range", range}, {"code", 7}, {"data", "nope"}}}}}}};
  EXPECT_TRUE(handleCodeAction(ctx, weird).is_array());
}

} // namespace
} // namespace cairn::lsp
