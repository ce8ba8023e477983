// Rename: the edited files read as expected; refusals and invalid names say why.
#include "lsp/rename.h"

#include <algorithm>
#include <map>

#include <gtest/gtest.h>

#include "navigation_test_util.h"

namespace cairn::lsp {
namespace {

using test::Annotated;
using test::SingleFile;
using test::TestWorkspace;

// The texts of the files the plan edits, after the edits.
std::map<std::string, std::string> applied(const Snapshot &snapshot, const RenamePlan &plan) {
  std::map<uint32_t, std::vector<TextEdit>> byFile;
  for (const TextEdit &edit : plan.edits)
    byFile[edit.span.file.index].push_back(edit);
  std::map<std::string, std::string> out;
  for (auto &[file, edits] : byFile) {
    std::sort(edits.begin(), edits.end(), [](const TextEdit &a, const TextEdit &b) { return a.span.begin > b.span.begin; });
    const SourceFile &source = snapshot.program.sources.file(FileId{file});
    std::string text = source.text().str();
    for (const TextEdit &edit : edits)
      text.replace(edit.span.begin, edit.span.length(), edit.newText);
    std::string path = source.path();
    out[path.substr(path.rfind('/') + 1)] = text;
  }
  return out;
}

std::string renamedSingle(const std::string &marked, const std::string &newName) {
  SingleFile f(marked);
  RenamePlan plan = planRename(*f.snapshot, f.module, f.source.point(), newName);
  EXPECT_EQ(plan.refusal, "");
  EXPECT_EQ(plan.invalidName, "");
  auto files = applied(*f.snapshot, plan);
  return files.count("main.cairn") ? files["main.cairn"] : f.source.code;
}

TEST(Rename, FieldAcrossLiteralsAndMemberAccessInEveryFile) {
  std::string lib = "schema Inner { port: int }\nschema Outer { inner: Inner, copy: int = inner.port }\n";
  std::string main = "import \"./lib.cairn\" as lib\nlet a = lib.Outer { inner { po^rt = 1 } }\n"
                     "let b = lib.Outer { inner.port = 2 }\nlet m = { port = 3 }\n";
  std::string other = "import \"./main.cairn\" as main\nlet d = main.a.inner.port\n"
                      "let e = main.b with { inner.port = 9 }\n";
  Annotated mainA(main);
  TestWorkspace ws;
  ws.add("lib.cairn", lib).add("main.cairn", mainA.code).add("other.cairn", other);
  auto snap = ws.analyze();
  RenamePlan plan = planRename(*snap, TestWorkspace::module(*snap, "main.cairn"), mainA.point(), "number");
  ASSERT_EQ(plan.refusal, "");
  ASSERT_EQ(plan.invalidName, "");
  auto files = applied(*snap, plan);
  EXPECT_EQ(files["lib.cairn"], "schema Inner { number: int }\nschema Outer { inner: Inner, copy: int = inner.number }\n");
  EXPECT_EQ(files["main.cairn"], "import \"./lib.cairn\" as lib\nlet a = lib.Outer { inner { number = 1 } }\n"
                                 "let b = lib.Outer { inner.number = 2 }\nlet m = { port = 3 }\n");
  EXPECT_EQ(files["other.cairn"], "import \"./main.cairn\" as main\nlet d = main.a.inner.number\n"
                                  "let e = main.b with { inner.number = 9 }\n");
}

TEST(Rename, TopLevelFunctionAcrossImports) {
  TestWorkspace ws;
  Annotated main("import \"./lib.cairn\" as lib\nlet a = lib.hel^per(1)\n");
  ws.add("lib.cairn", "fn helper(x: int): int = x\nlet b = helper(2)\n").add("main.cairn", main.code);
  auto snap = ws.analyze();
  auto files = applied(*snap, planRename(*snap, TestWorkspace::module(*snap, "main.cairn"), main.point(), "assist"));
  EXPECT_EQ(files["lib.cairn"], "fn assist(x: int): int = x\nlet b = assist(2)\n");
  EXPECT_EQ(files["main.cairn"], "import \"./lib.cairn\" as lib\nlet a = lib.assist(1)\n");
}

TEST(Rename, LocalsOnlyInTheirScope) {
  EXPECT_EQ(renamedSingle("fn f(^x: int): int = x + 1\nfn g(x: int): int = x\n", "n"),
            "fn f(n: int): int = n + 1\nfn g(x: int): int = x\n");
  EXPECT_EQ(renamedSingle("let xs = [for x in [1] if x > 0: ^x]\nlet x = 2\n", "item"),
            "let xs = [for item in [1] if item > 0: item]\nlet x = 2\n");
  EXPECT_EQ(renamedSingle("let v = let (t = 1) ^t * t\n", "k"), "let v = let (k = 1) k * k\n");
}

TEST(Rename, SchemaAndItsUses) {
  EXPECT_EQ(renamedSingle("schema Se^rvice { name: string }\nlet s: Service = Service { name = \"a\" }\n", "Api"),
            "schema Api { name: string }\nlet s: Api = Api { name = \"a\" }\n");
}

TEST(Rename, ImportAliasDerivedFromThePathGetsAnAs) {
  EXPECT_EQ(renamedSingle("import \"k8s/apps/v1\"\nlet d: ap^ps.Deployment? = null\n", "k"),
            "import \"k8s/apps/v1\" as k\nlet d: k.Deployment? = null\n");
  EXPECT_EQ(renamedSingle("import \"k8s/apps/v1\" as apps\nlet d: ap^ps.Deployment? = null\n", "k"),
            "import \"k8s/apps/v1\" as k\nlet d: k.Deployment? = null\n");
}

TEST(Rename, QuotedFieldNamesAreQuotedOnlyWhenNeeded) {
  std::string source = "schema Flags { \"x-i^nt\"?: bool }\nlet f = Flags { \"x-int\" = true }\n";
  EXPECT_EQ(renamedSingle(source, "xInt"), "schema Flags { xInt?: bool }\nlet f = Flags { xInt = true }\n");
  EXPECT_EQ(renamedSingle(source, "x-integer"),
            "schema Flags { \"x-integer\"?: bool }\nlet f = Flags { \"x-integer\" = true }\n");
  // Keywords are fine as field names.
  EXPECT_EQ(renamedSingle(source, "type"), "schema Flags { type?: bool }\nlet f = Flags { type = true }\n");
}

TEST(Rename, ANameFreeAtEveryUseIsAccepted) {
  // `b` is a parameter of `g`, which does not use `a`.
  EXPECT_EQ(renamedSingle("let ^a = 1\nfn f(c: int): int = a + c\nfn g(b: int): int = b\n", "b"),
            "let b = 1\nfn f(c: int): int = b + c\nfn g(b: int): int = b\n");
}

TEST(Rename, SameNameChangesNothing) {
  SingleFile f("let ^a = 1\nlet b = a\n");
  RenamePlan plan = planRename(*f.snapshot, f.module, f.source.point(), "a");
  EXPECT_TRUE(plan.edits.empty());
  EXPECT_EQ(plan.refusal, "");
  EXPECT_EQ(plan.invalidName, "");
}

struct Refusal {
  std::string source;
  std::string expected; // a part of the message
};

TEST(Rename, RefusesWhatCannotBeRenamed) {
  std::vector<Refusal> cases = {
      {"import \"k8s/apps/v1\" as apps\nlet d: apps.Deploy^ment? = null\n", "standard library"},
      {"let n = le^n([1])\n", "builtin function"},
      {"l^et a = 1\n", "keyword"},
      {"let a = \"he^llo\"\n", "literal"},
      {"let a = 4^2\n", "literal"},
      {"import \"./li^b.cairn\" as lib\n", "rename or move the file"},
      {"schema Box { size: int }\npolicy \"small-b^ox\" on Box {\n  check size < 3, \"big\"\n}\n", "check id"},
      {"schema Box { size: int }\npolicy \"small-box\" on Box {\n  check se^lf.size < 3, \"big\"\n}\n", "`self`"},
      {"let a: in^t = 1\n", "built-in type"},
      {"let a = undecl^ared\n", "not declared"},
      // Values files and -p set params by name.
      {"param image^Tag: string = \"1.0\"\nlet t = imageTag\n", "values files"},
      {"param imageTag: string = \"1.0\"\nlet t = image^Tag\n", "values files"},
      // A generated module's field names are the objects' field names.
      {"// Generated by `cairn import crd` from certs.yaml.\nschema Spec { issu^erRef: string }\n",
       "generated module"},
  };
  for (const Refusal &c : cases) {
    TestWorkspace ws;
    Annotated a(c.source);
    ws.add("main.cairn", a.code).add("lib.cairn", "let x = 1\n");
    auto snap = ws.analyze();
    RenameCheck check = checkRename(*snap, TestWorkspace::module(*snap, "main.cairn"), a.point());
    EXPECT_FALSE(check.occurrence.has_value()) << c.source;
    EXPECT_NE(check.refusal.find(c.expected), std::string::npos) << c.source << "\n-> " << check.refusal;
  }
}

TEST(Rename, RejectsInvalidNewNames) {
  struct Case {
    std::string source, newName, expected;
  };
  std::vector<Case> cases = {
      {"let ^a = 1\n", "let", "keyword"},
      {"let ^a = 1\n", "9lives", "not a valid name"},
      {"let ^a = 1\n", "a-b", "not a valid name"},
      {"let ^a = 1\n", "", "empty"},
      {"let ^a = 1\nlet b = 2\n", "b", "already declared"},
      {"schema ^S { a: int }\n", "int", "built-in type"},
      {"schema S { ^a: int, b: int }\n", "b", "already has a field"},
      {"schema S { ^a: int }\nlet s = S { a = 1 }\nlet t = s.a\n", "a-b", "read as `x.a`"},
      {"let ^a = 1\nfn f(b: int): int = a + b\n", "b", "change the meaning of the use at line 2"},
      {"let v = let (^t = 1) let (u = 2) t + u\n", "u", "the local `u` declared at line 1"},
  };
  for (const Case &c : cases) {
    SingleFile f(c.source);
    RenamePlan plan = planRename(*f.snapshot, f.module, f.source.point(), c.newName);
    EXPECT_TRUE(plan.edits.empty()) << c.source;
    EXPECT_NE(plan.invalidName.find(c.expected), std::string::npos) << c.source << " -> " << c.newName << ": "
                                                                     << plan.invalidName;
  }
}

} // namespace
} // namespace cairn::lsp
