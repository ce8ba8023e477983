#include <gtest/gtest.h>

#include "lsp/folding.h"
#include "lsp/handlers_presentation.h"
#include "lsp/positions.h"
#include "test_workspace.h"

namespace cairn::lsp {
namespace {

using test::Annotated;
using test::TestWorkspace;

struct Fold {
  uint32_t start, end;
  std::string kind;
  friend bool operator==(const Fold &a, const Fold &b) { return a.start == b.start && a.end == b.end && a.kind == b.kind; }
};
std::ostream &operator<<(std::ostream &os, const Fold &f) { return os << f.kind << " " << f.start << "-" << f.end; }

// Each range named after a kind is one fold from its first line to its last.
std::vector<Fold> expectedFolds(const Annotated &a) {
  LineIndex index(a.code);
  std::vector<Fold> out;
  for (const char *kind : {"region", "imports", "comment"})
    for (auto [begin, end] : a.allRanges(kind))
      out.push_back({index.positionOf(begin).line, index.positionOf(end).line, kind});
  std::sort(out.begin(), out.end(), [](const Fold &x, const Fold &y) { return x.start < y.start; });
  return out;
}

std::vector<Fold> actualFolds(const std::string &code) {
  TestWorkspace ws;
  ws.add("main.cairn", code);
  auto snap = ws.analyze();
  std::vector<Fold> out;
  for (const FoldingRange &r : foldingRanges(*snap, TestWorkspace::module(*snap, "main.cairn")))
    out.push_back({r.startLine, r.endLine, foldingKindName(r.kind)});
  return out;
}

TEST(FoldingRanges, BlocksImportsCommentsAndStringsKeepTheClosingLineVisible) {
  Annotated a(R"($imports[[import "k8s/apps/v1" as apps
import "k8s/core/v1" as core]]

$comment[[// A comment block
// over two lines]]
$region[[schema App {
  name: string
  port: int = 80]]
}
let web = App $region[[{
  name = "web"]]
}
let xs = $region[[[
  1,
  2]]
]
let script = $region[["""
  echo hi]]
  """
$comment[[/* block
comment */]]
let one = { a = 1 }
$region[[fn pick(flag: bool) =
  if flag
  then 1
  else 2]]
$region[[policy "p" on core.Container {
  check name != ""]]
}
let call = $region[[merge(
  { a = "1" },
  { b = "2" }]]
)
let code = 1 // a trailing comment
// does not start a block with this one
)");
  EXPECT_EQ(actualFolds(a.code), expectedFolds(a));
}

TEST(FoldingRanges, OneRangePerStartLineTheOutermostAndNestedOnesOnLaterLines) {
  Annotated a("let x = $region[[[{\n  a = 1\n}, $region[[{\n  b = 2]]]]\n}]\n");
  EXPECT_EQ(actualFolds(a.code), expectedFolds(a));
}

TEST(FoldingRanges, HandlerReturnsLineOnlyRanges) {
  TestWorkspace ws;
  ws.add("main.cairn", "import \"k8s/apps/v1\"\nimport \"k8s/core/v1\"\nlet a = {\n  b = 1\n}\n");
  auto snap = ws.analyze();
  ClientCapabilities caps;
  FeatureContext ctx{*snap, TestWorkspace::module(*snap, "main.cairn"), caps};
  json result = handleFoldingRange(ctx, json::object());
  json expected = json::array({{{"startLine", 0}, {"endLine", 1}, {"kind", "imports"}},
                               {{"startLine", 2}, {"endLine", 3}, {"kind", "region"}}});
  EXPECT_EQ(result, expected);
}

TEST(FoldingRanges, BrokenDocumentsNeverGiveInvertedRanges) {
  for (const char *code : {"schema A {\n  a: int\n", "let x = [\n1,\n", "}\n}\n{\n", "let s = \"\"\"\nabc\n",
                           "/* never closed\n\n", "policy \"p\" on {\n", "fn f(\n  a: int,\n", "let = {\n\n}"}) {
    for (const Fold &f : actualFolds(code))
      EXPECT_LT(f.start, f.end) << code;
  }
}

} // namespace
} // namespace cairn::lsp
