// Find references (across files, to the standard library) and document
// highlights (read and write kinds).
#include "lsp/references.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "navigation_test_util.h"

namespace cairn::lsp {
namespace {

using test::Annotated;
using test::Pair;
using test::pairOf;
using test::SingleFile;
using test::TestWorkspace;

std::vector<Pair> inFile(const std::vector<Reference> &refs, FileId file) {
  std::vector<Pair> out;
  for (const Reference &r : refs)
    if (r.span.file == file)
      out.push_back(pairOf(r.span));
  return out;
}

std::vector<Pair> sorted(std::vector<Pair> v) {
  std::sort(v.begin(), v.end());
  return v;
}

struct ThreeFiles {
  ThreeFiles(const std::string &libText, const std::string &mainText, const std::string &otherText)
      : lib(libText), main(mainText), other(otherText) {
    TestWorkspace ws;
    ws.add("lib.cairn", lib.code).add("main.cairn", main.code).add("other.cairn", other.code);
    snap = ws.analyze();
  }
  uint32_t module(const std::string &name) const { return TestWorkspace::module(*snap, name); }
  FileId file(const std::string &name) const { return test::fileOf(*snap, name); }
  Annotated lib, main, other;
  std::shared_ptr<const Snapshot> snap;
};

TEST(References, TopLevelFunctionAcrossFiles) {
  ThreeFiles w("fn $decl[[helper]](x: int): int = x + 1\nlet again = [[helper]](2)\n",
               "import \"./lib.cairn\" as lib\nlet a = lib.[[hel^per]](1)\nlet b = lib.[[helper]](2)\n",
               "import \"./lib.cairn\" as lib\nlet helper = 3\nlet c = lib.[[helper]](helper)\n");
  auto occ = symbolAt(*w.snap, w.module("main.cairn"), w.main.point());
  ASSERT_TRUE(occ.has_value());
  auto withDecl = findReferences(*w.snap, occ->symbol, true);
  EXPECT_EQ(inFile(withDecl, w.file("main.cairn")), w.main.allRanges());
  EXPECT_EQ(inFile(withDecl, w.file("other.cairn")), w.other.allRanges()) << "the local `helper` is another symbol";
  std::vector<Pair> libExpected = w.lib.allRanges();
  libExpected.insert(libExpected.begin(), w.lib.range("decl"));
  EXPECT_EQ(inFile(withDecl, w.file("lib.cairn")), libExpected);
  EXPECT_EQ(withDecl.size(), 5u);

  auto withoutDecl = findReferences(*w.snap, occ->symbol, false);
  EXPECT_EQ(withoutDecl.size(), 4u);
  EXPECT_EQ(inFile(withoutDecl, w.file("lib.cairn")), w.lib.allRanges());
}

TEST(References, FieldAcrossLiteralsBlocksPathsAndMemberAccess) {
  ThreeFiles w(R"(
schema Inner { $decl[[port]]: int }
schema Outer { inner: Inner, copy: int = inner.[[port]] }
)",
               R"(
import "./lib.cairn" as lib
let a = lib.Outer { inner { [[po^rt]] = 1 } }
let b = lib.Outer { inner.[[port]] = 2 }
let port = 3
let c = { port = port }
)",
               R"(
import "./main.cairn" as main
let d = main.a.inner.[[port]]
let e = main.b with { inner.[[port]] = 9 }
)");
  auto occ = symbolAt(*w.snap, w.module("main.cairn"), w.main.point());
  ASSERT_TRUE(occ.has_value());
  EXPECT_EQ(occ->symbol.kind, SymbolKind::Field);
  auto refs = findReferences(*w.snap, occ->symbol, true);
  EXPECT_EQ(inFile(refs, w.file("main.cairn")), w.main.allRanges()) << "an untyped map key is not the field";
  EXPECT_EQ(inFile(refs, w.file("other.cairn")), w.other.allRanges());
  EXPECT_EQ(sorted(inFile(refs, w.file("lib.cairn"))), sorted([&] {
              auto v = w.lib.allRanges();
              v.push_back(w.lib.range("decl"));
              return v;
            }()));
}

TEST(References, StandardLibrarySymbolsFromUserFiles) {
  ThreeFiles w("import \"k8s/apps/v1\" as apps\nlet x: apps.[[Deployment]]? = null\n",
               "import \"k8s/apps/v1\" as apps\nlet d = apps.[[Deploy^ment]] {\n  metadata.name = \"web\"\n"
               "  spec { selector.matchLabels = {}, template.spec.containers = [] }\n}\n",
               "let unrelated = 1\n");
  auto occ = symbolAt(*w.snap, w.module("main.cairn"), w.main.point());
  ASSERT_TRUE(occ.has_value());
  auto refs = findReferences(*w.snap, occ->symbol, false);
  EXPECT_EQ(inFile(refs, w.file("main.cairn")), w.main.allRanges());
  EXPECT_EQ(inFile(refs, w.file("lib.cairn")), w.lib.allRanges());
  auto withDecl = findReferences(*w.snap, occ->symbol, true);
  bool declInStdlib = false;
  for (const Reference &r : withDecl)
    if (r.role == OccurrenceRole::Declaration)
      declInStdlib = w.snap->program.modules[w.snap->moduleOfFile(r.span.file).value()].isStdlib;
  EXPECT_TRUE(declInStdlib);
}

TEST(References, StdlibFieldSetInUserLiterals) {
  SingleFile f(R"(
import "k8s/apps/v1" as apps
let d = apps.Deployment {
  metadata.name = "web"
  spec { [[replicas]] = 2, selector.matchLabels = {}, template.spec.containers = [] }
}
let e = d with { spec.[[repl^icas]] = 3 }
let n = d.spec.[[replicas]]
)");
  auto occ = symbolAt(*f.snapshot, f.module, f.source.point());
  ASSERT_TRUE(occ.has_value());
  auto refs = findReferences(*f.snapshot, occ->symbol, false);
  EXPECT_EQ(inFile(refs, f.file), f.source.allRanges());
}

TEST(References, LocalsStayInTheirScope) {
  SingleFile f("fn f($decl[[x]]: int): int = [[x]] + [[x^]]\nfn g(x: int): int = x\nlet x = 1\n");
  auto occ = symbolAt(*f.snapshot, f.module, f.source.point());
  ASSERT_TRUE(occ.has_value());
  EXPECT_EQ(occ->symbol.kind, SymbolKind::Local);
  EXPECT_EQ(inFile(findReferences(*f.snapshot, occ->symbol, false), f.file), f.source.allRanges());
  EXPECT_EQ(findReferences(*f.snapshot, occ->symbol, true).size(), 3u);
}

TEST(References, ImportAliasWithAndWithoutAs) {
  SingleFile f("import \"k8s/core/v1\" as $decl[[core]]\nimport $implicit[[\"k8s/apps/v1\"]]\n"
               "let p: [[co^re]].Pod? = null\nlet d: $app[[apps]].Deployment? = null\n");
  auto occ = symbolAt(*f.snapshot, f.module, f.source.point());
  ASSERT_TRUE(occ.has_value());
  EXPECT_EQ(occ->symbol.kind, SymbolKind::Import);
  auto refs = findReferences(*f.snapshot, occ->symbol, true);
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(pairOf(refs[0].span), f.source.range("decl"));
  auto apps = symbolAt(*f.snapshot, f.module, f.source.range("app").first);
  ASSERT_TRUE(apps.has_value());
  auto appRefs = findReferences(*f.snapshot, apps->symbol, true);
  ASSERT_EQ(appRefs.size(), 2u);
  EXPECT_EQ(pairOf(appRefs[0].span), f.source.range("implicit")) << "the declaration of a derived alias is the path";
}

TEST(DocumentHighlight, DeclarationsAndAssignmentsAreWrites) {
  SingleFile f(R"(
schema Box { $w1[[size]]: int }
let a = Box { $w2[[size]] = 1 }
let b = a.$r1[[si^ze]] + a.$r2[[size]]
)");
  auto highlights = documentHighlights(*f.snapshot, f.module, f.source.point());
  ASSERT_EQ(highlights.size(), 4u);
  std::vector<Pair> writes, reads;
  for (const Reference &h : highlights)
    (h.role == OccurrenceRole::Read ? reads : writes).push_back(pairOf(h.span));
  EXPECT_EQ(sorted(writes), sorted({f.source.range("w1"), f.source.range("w2")}));
  EXPECT_EQ(sorted(reads), sorted({f.source.range("r1"), f.source.range("r2")}));
}

} // namespace
} // namespace cairn::lsp
