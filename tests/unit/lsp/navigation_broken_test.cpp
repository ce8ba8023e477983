// Broken documents: every navigation feature at every offset of a broken
// text answers without crashing, and still works where the code is intact.
#include <gtest/gtest.h>

#include "lsp/definition.h"
#include "lsp/document_symbols.h"
#include "lsp/references.h"
#include "lsp/rename.h"
#include "lsp/workspace_symbols.h"
#include "navigation_test_util.h"

namespace cairn::lsp {
namespace {

using test::pairOf;
using test::SingleFile;

const char *const kBrokenSources[] = {
    "let = \nlet x = \nfn (a, b) = a +\n",
    "schema { : int, b: = 3 }\nlet s = S { a = , . = 2, c.d { } }\n",
    "let a = [for in : ]\nlet b = {for k, in x: = }\nlet c = fn( => \n",
    "import \nimport \"\" as\nimport \"./missing.cairn\" as m\nlet v = m.x.y\n",
    "policy on {\n  param : = \n  check , \"\" at\n}\npolicy \"p\" on Nope { check self. }\n",
    "schema S { a: int }\nlet s = S { a = 1 }\nlet t = s.\nlet u = s?.a.b.c\nlet w = s with { a.b = }\n",
    "let v = let ( = 1) \nlet w = let (x = ) x\nemit\nemit {\n",
    "let s = \"${\"\nlet t = \"\"\"\n  ${x\n",
    "type = \ntype T = \nlet x: T.U.V = 1\nlet y: (int = 2\n",
    "}}}]]) let let let schema schema {{{ ((\n",
};

TEST(NavigationOnBrokenCode, EveryFeatureAtEveryOffset) {
  for (const char *source : kBrokenSources) {
    SingleFile f(source);
    const Snapshot &snap = *f.snapshot;
    uint32_t size = static_cast<uint32_t>(f.source.code.size());
    for (uint32_t offset = 0; offset <= size + 2; ++offset) {
      if (auto occ = symbolAt(snap, f.module, offset)) {
        EXPECT_LE(occ->span.begin, offset) << source;
        findReferences(snap, occ->symbol, true);
      }
      findDefinition(snap, f.module, offset);
      findTypeDefinition(snap, f.module, offset);
      documentHighlights(snap, f.module, offset);
      planRename(snap, f.module, offset, "renamed");
    }
    documentSymbols(snap, f.module);
    workspaceSymbols(snap, "a");
    SUCCEED() << source;
  }
}

TEST(NavigationOnBrokenCode, IntactPartsStillWork) {
  SingleFile f(R"(
let $def[[base]] = 2
let broken = base + * (
schema S { a: int, : }
let later = ba^se * 2
)");
  auto defs = findDefinition(*f.snapshot, f.module, f.source.point());
  ASSERT_EQ(defs.size(), 1u);
  EXPECT_EQ(pairOf(defs[0].selection), f.source.range("def"));
  auto occ = symbolAt(*f.snapshot, f.module, f.source.point());
  ASSERT_TRUE(occ.has_value());
  EXPECT_EQ(findReferences(*f.snapshot, occ->symbol, true).size(), 3u);
}

TEST(NavigationOnBrokenCode, FieldsInsideAnUnfinishedLiteral) {
  SingleFile f(R"(
schema Box { $def[[size]]: int, label: string }
let b = Box {
  si^ze = 3
  label =
)");
  auto defs = findDefinition(*f.snapshot, f.module, f.source.point());
  ASSERT_EQ(defs.size(), 1u);
  EXPECT_EQ(pairOf(defs[0].selection), f.source.range("def"));
}

TEST(NavigationOnBrokenCode, InvalidModuleIndexIsHarmless) {
  SingleFile f("let a = 1\n");
  uint32_t bad = static_cast<uint32_t>(f.snapshot->program.modules.size()) + 5;
  EXPECT_FALSE(symbolAt(*f.snapshot, bad, 0).has_value());
  EXPECT_TRUE(findDefinition(*f.snapshot, bad, 0).empty());
  EXPECT_TRUE(findTypeDefinition(*f.snapshot, bad, 0).empty());
  EXPECT_TRUE(documentHighlights(*f.snapshot, bad, 0).empty());
  EXPECT_TRUE(documentSymbols(*f.snapshot, bad).empty());
  EXPECT_FALSE(checkRename(*f.snapshot, bad, 0).occurrence.has_value());
}

} // namespace
} // namespace cairn::lsp
