// Name resolution: two namespaces, imports, duplicates, did-you-mean.
#include <gtest/gtest.h>

#include "check_fixture.h"

namespace cairn::checktest {
namespace {

using Lines = std::vector<std::string>;

TEST(CheckNames, UnknownNameSuggestsAndFixes) {
  auto r = check("let replicas = 3\nlet x = replicaz + 1\n");
  EXPECT_EQ(r->lines(), Lines{"2:9 E0301 unknown name `replicaz`"});
  const Diagnostic *d = r->first("E0301");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->hint, "did you mean `replicas`?");
  ASSERT_EQ(d->fixes.size(), 1u);
  EXPECT_EQ(d->fixes[0].edits[0].replacement, "replicas");
  EXPECT_EQ(r->spanText(d->fixes[0].edits[0].span), "replicaz");
  EXPECT_EQ(r->declType("x"), "<error>"); // no cascade from the unknown name
}

TEST(CheckNames, TopLevelNamesAreOrderIndependent) {
  auto r = check("let a = b + 1\nlet b = c * 2\nlet c = 3\n");
  EXPECT_EQ(r->lines(), Lines{});
  EXPECT_EQ(r->declType("a"), "int");
}

TEST(CheckNames, LocalsShadowTopLevelNames) {
  auto r = check("let x = \"s\"\nlet y = let (x = 1) x + 1\nfn f(x: bool): bool = !x\n");
  EXPECT_EQ(r->lines(), Lines{});
  EXPECT_EQ(r->declType("y"), "int");
}

TEST(CheckNames, TypesAndValuesAreSeparateNamespaces) {
  auto r = check("schema S { a: int }\nlet v = S\nlet w: v = 1\nlet u: strin = \"\"\n");
  EXPECT_EQ(r->lines(), (Lines{"2:9 E0317 `S` is a type, not a value",
                               "3:8 E0316 `v` is not a type",
                               "4:8 E0303 unknown type `strin`"}));
  EXPECT_EQ(r->first("E0303")->hint, "did you mean `string`?");
}

TEST(CheckNames, DuplicateDefinitionsPointAtTheFirst) {
  auto r = check("let a = 1\nfn a(): int = 2\nschema T { x: int }\ntype T = int\nlet T = 3\n");
  EXPECT_EQ(r->lines(), (Lines{"2:4 E0304 `a` is defined more than once",
                               "4:6 E0304 `T` is defined more than once"}));
  const Diagnostic *d = r->first("E0304");
  ASSERT_EQ(d->labels.size(), 1u);
  EXPECT_EQ(r->spanText(d->labels[0].span), "a");
  EXPECT_EQ(d->labels[0].message, "first defined here");
}

TEST(CheckNames, ImportedValuesAndTypes) {
  auto r = checkFiles({
      {"main.cairn", "import \"./lib/util.cairn\" as util\n"
                     "let s = util.Svc { name = util.prefix + \"web\" }\n"
                     "let n: util.Name = util.double(2)\n"},
      {"lib/util.cairn", "type Name = int\nschema Svc { name: string }\n"
                         "let prefix = \"acme-\"\nfn double(x: int): int = x * 2\n"},
  });
  EXPECT_EQ(r->lines(), Lines{});
  EXPECT_EQ(r->declType("s"), "Svc");
  EXPECT_EQ(r->declType("n"), "Name");
  // Bindings name the module member for the evaluator.
  const auto &table = r->checked.modules[r->entry()];
  const ast::Module &m = r->program.modules[r->entry()].ast;
  int moduleMembers = 0;
  for (uint32_t i = 0; i < m.exprCount(); ++i)
    if (m.expr(ast::ExprId{i}).is<ast::MemberExpr>() &&
        (table.bindings[i].kind == types::BindingKind::Let ||
         table.bindings[i].kind == types::BindingKind::Fn ||
         table.bindings[i].kind == types::BindingKind::Schema))
      ++moduleMembers;
  EXPECT_EQ(moduleMembers, 3); // util.Svc, util.prefix, util.double
}

TEST(CheckNames, ImportMembersThatDoNotExist) {
  auto r = checkFiles({
      {"main.cairn", "import \"./lib.cairn\" as lib\nlet a = lib.prefx\nlet b = lib.Svc\nlet c = lib\n"},
      {"lib.cairn", "let prefix = \"x\"\nschema Svc { name: string }\n"},
  });
  EXPECT_EQ(r->lines(), (Lines{"2:13 E0312 `lib` has no member `prefx`",
                               "3:13 E0317 `lib.Svc` is a type, not a value",
                               "4:9 E0324 `lib` is a module, not a value; use `lib.NAME` for one of its members"}));
  EXPECT_EQ(r->first("E0312")->hint, "did you mean `prefix`?");
}

TEST(CheckNames, UnusedImportIsAWarningWithARemovalFix) {
  auto r = checkFiles({
      {"main.cairn", "import \"./lib.cairn\" as lib\nimport \"./other.cairn\" as other\nlet a = other.x\n"},
      {"lib.cairn", "let x = 1\n"},
      {"other.cairn", "let x = 2\n"},
  });
  EXPECT_EQ(r->lines(), Lines{"1:1 W0301 import `lib` is never used"});
  const Diagnostic *d = r->first("W0301");
  EXPECT_EQ(d->severity, Severity::Warning);
  ASSERT_EQ(d->fixes.size(), 1u);
  EXPECT_EQ(d->fixes[0].edits[0].replacement, "");
  EXPECT_FALSE(r->diags.hasErrors());
}

TEST(CheckNames, ImportUsedOnlyAsATypeCounts) {
  auto r = checkFiles({
      {"main.cairn", "import \"./lib.cairn\" as lib\nfn f(x: lib.T): int = 1\n"},
      {"lib.cairn", "type T = string\n"},
  });
  EXPECT_EQ(r->lines(), Lines{});
}

TEST(CheckNames, ExpressionModuleSeesTheOpenScope) {
  auto r = check("let base = 40\nschema S { a: int }\nfn inc(x: int): int = x + 1\n");
  DiagnosticSink diags;
  uint32_t m = addExpressionModule(r->program, r->entry(), "inc(base) + S { a = 1 }.a", diags);
  types::CheckedProgram checked = types::checkProgram(r->program, diags);
  EXPECT_FALSE(diags.hasErrors());
  EXPECT_EQ(diags.diagnostics().size(), 0u);
  EXPECT_EQ(checked.display(checked.modules[m].declTypes[0]), "int");
}

} // namespace
} // namespace cairn::checktest

namespace cairn::checktest {
namespace {

TEST(CheckNames, ExpressionModuleSeesTheScopeModulesImports) {
  auto r = checkFiles({
      {"main.cairn", "import \"./lib.cairn\" as lib\nlet n = lib.x\n"},
      {"lib.cairn", "let x = 1\nschema S { a: int }\n"},
  });
  ASSERT_EQ(r->lines(), std::vector<std::string>{});
  DiagnosticSink diags;
  uint32_t m = addExpressionModule(r->program, r->entry(), "lib.S { a = lib.x + n }", diags);
  types::CheckedProgram checked = types::checkProgram(r->program, diags);
  EXPECT_EQ(diags.diagnostics().size(), 0u);
  EXPECT_EQ(checked.display(checked.modules[m].declTypes[0]), "S");
}

} // namespace
} // namespace cairn::checktest
