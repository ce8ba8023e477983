// workspace/symbol: fuzzy matching, user symbols before the standard library, bounded.
#include "lsp/workspace_symbols.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "lsp/document_symbols.h"
#include "navigation_test_util.h"

namespace cairn::lsp {
namespace {

using test::TestWorkspace;

TEST(FuzzyScore, OrderOfMatchQuality) {
  EXPECT_LT(fuzzyScore("dpl", "Service"), 0);
  EXPECT_LT(fuzzyScore("ldp", "Deployment"), 0) << "the characters must come in order";
  EXPECT_GT(fuzzyScore("deployment", "Deployment"), fuzzyScore("deploy", "Deployment"));
  EXPECT_GT(fuzzyScore("deploy", "Deployment"), fuzzyScore("ploy", "Deployment"));
  EXPECT_GT(fuzzyScore("ploy", "Deployment"), fuzzyScore("dpl", "Deployment"));
  EXPECT_GE(fuzzyScore("dS", "DeploymentSpec"), 0);
  EXPECT_GT(fuzzyScore("ds", "DeploymentSpec"), fuzzyScore("ds", "Deadlines")) << "word starts count more";
}

TEST(WorkspaceSymbols, UserSymbolsFirstThenStdlibSchemas) {
  TestWorkspace ws;
  ws.add("main.cairn", "import \"k8s/apps/v1\" as apps\nlet deployment = 1\nfn deployAll(): int = 1\n")
      .add("lib/util.cairn", "schema DeployTarget { name: string }\n");
  auto snap = ws.analyze();
  auto matches = workspaceSymbols(*snap, "deploy");
  ASSERT_GE(matches.size(), 4u);
  std::vector<std::string> user;
  for (size_t i = 0; i < 3; ++i)
    user.push_back(matches[i].name);
  std::sort(user.begin(), user.end());
  EXPECT_EQ(user, (std::vector<std::string>{"DeployTarget", "deployAll", "deployment"}));
  size_t firstStdlib = 0;
  while (firstStdlib < matches.size() && !matches[firstStdlib].stdlib)
    ++firstStdlib;
  EXPECT_EQ(firstStdlib, 3u) << "deployment, deployAll, DeployTarget";
  ASSERT_LT(firstStdlib, matches.size());
  EXPECT_EQ(matches[firstStdlib].name, "Deployment");
  EXPECT_EQ(matches[firstStdlib].kind, symbol_kind::kStruct);
  for (size_t i = firstStdlib; i < matches.size(); ++i)
    EXPECT_TRUE(matches[i].stdlib);
}

TEST(WorkspaceSymbols, FieldsOfUserSchemasWithTheirSchemaAsContainer) {
  TestWorkspace ws;
  ws.add("main.cairn", "schema Box { sizeLimit: int }\n");
  auto snap = ws.analyze();
  auto matches = workspaceSymbols(*snap, "sizelim");
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].name, "sizeLimit");
  EXPECT_EQ(matches[0].container, "Box");
  EXPECT_EQ(matches[0].kind, symbol_kind::kField);
}

TEST(WorkspaceSymbols, BoundedAndEmptyQueryListsUserSymbolsOnly) {
  TestWorkspace ws;
  std::string many = "import \"k8s/core/v1\" as core\n";
  for (int i = 0; i < 300; ++i)
    many += "let value" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  ws.add("main.cairn", many);
  auto snap = ws.analyze();
  EXPECT_EQ(workspaceSymbols(*snap, "value").size(), kMaxWorkspaceSymbols);
  auto all = workspaceSymbols(*snap, "", 1000);
  EXPECT_EQ(all.size(), 300u);
  for (const auto &m : all)
    EXPECT_FALSE(m.stdlib);
  EXPECT_TRUE(workspaceSymbols(*snap, "zzzzqqq").empty());
}

} // namespace
} // namespace cairn::lsp
