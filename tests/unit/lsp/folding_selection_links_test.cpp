// Selection ranges and document links (small presentation features, tested
// beside folding).
#include <gtest/gtest.h>

#include "lsp/document_links.h"
#include "lsp/handlers_presentation.h"
#include "lsp/selection_range.h"
#include "test_workspace.h"

namespace cairn::lsp {
namespace {

using test::Annotated;
using test::TestWorkspace;

TEST(SelectionRange, GrowsFromTheWordToTheDocument) {
  Annotated a("let x = 1\n$decl[[let app = $object[[{ $field[[name = $expr[[up$word[[p^er]](\"a\")]]]] }]]]]\n");
  TestWorkspace ws;
  ws.add("main.cairn", a.code);
  auto snap = ws.analyze();
  auto chain = selectionRanges(*snap, TestWorkspace::module(*snap, "main.cairn"), a.point());
  ASSERT_GE(chain.size(), 6u);
  EXPECT_EQ(chain[0], std::make_pair(a.range("word").first - 2, a.range("word").second));
  EXPECT_EQ(chain[1], a.range("expr"));
  EXPECT_EQ(chain[2], a.range("field"));
  EXPECT_EQ(chain.back(), std::make_pair(0u, static_cast<uint32_t>(a.code.size())));
  bool sawObject = false, sawDecl = false;
  for (const auto &r : chain) {
    sawObject |= r == a.range("object");
    sawDecl |= r == a.range("decl");
  }
  EXPECT_TRUE(sawObject);
  EXPECT_TRUE(sawDecl);
  for (size_t i = 1; i < chain.size(); ++i)
    EXPECT_TRUE(chain[i].first <= chain[i - 1].first && chain[i].second >= chain[i - 1].second);
}

TEST(SelectionRange, HandlerNestsParents) {
  TestWorkspace ws;
  ws.add("main.cairn", "let a = [1, 2]\n");
  auto snap = ws.analyze();
  ClientCapabilities caps;
  FeatureContext ctx{*snap, TestWorkspace::module(*snap, "main.cairn"), caps};
  json result = handleSelectionRange(ctx, {{"positions", {{{"line", 0}, {"character", 9}}, {{"line", 40}, {"character", 0}}}}});
  ASSERT_EQ(result.size(), 2u);
  EXPECT_EQ(result[0]["range"]["start"]["character"], 9);
  EXPECT_EQ(result[0]["range"]["end"]["character"], 10);
  EXPECT_EQ(result[0]["parent"]["range"]["start"]["character"], 8) << "the list";
  EXPECT_TRUE(result[1].contains("range")) << "a position past the end is clamped";
  EXPECT_THROW(handleSelectionRange(ctx, json::object()), ProtocolError);
}

TEST(DocumentLinks, ImportPathsLinkToTheirModules) {
  Annotated a("import $std[[\"k8s/apps/v1\"]] as apps\nimport $lib[[\"./lib.cairn\"]]\nimport \"./missing.cairn\"\n");
  TestWorkspace ws;
  ws.add("main.cairn", a.code).add("lib.cairn", "let x = 1\n");
  auto snap = ws.analyze();
  auto links = documentLinks(*snap, TestWorkspace::module(*snap, "main.cairn"));
  ASSERT_EQ(links.size(), 2u) << "a module that did not load has no link";
  EXPECT_EQ(std::make_pair(links[0].span.begin, links[0].span.end), a.range("std"));
  EXPECT_EQ(links[0].target, std::string(CAIRN_SOURCE_DIR) + "/stdlib/k8s/apps/v1.cairn");
  EXPECT_EQ(std::make_pair(links[1].span.begin, links[1].span.end), a.range("lib"));
  EXPECT_EQ(links[1].target, TestWorkspace::path("lib.cairn"));
  ClientCapabilities caps;
  FeatureContext ctx{*snap, TestWorkspace::module(*snap, "main.cairn"), caps};
  json result = handleDocumentLink(ctx, json::object());
  EXPECT_EQ(result[1]["target"], "file:///cairn-lsp-test/lib.cairn");
}

} // namespace
} // namespace cairn::lsp
