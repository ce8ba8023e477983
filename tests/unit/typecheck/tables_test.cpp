// The side tables the evaluator reads: complete for correct programs, and
// exprTypes keep `any` visible (the evaluator checks values that came from it).
#include <gtest/gtest.h>

#include "check_fixture.h"

namespace cairn::checktest {
namespace {

using Lines = std::vector<std::string>;
using types::BindingKind;

constexpr const char *kProgram = R"(
type Port = int(1..65535)
param env: "dev" | "prod" = "dev"
schema Meta { name: string, labels: {string: string} = { app = name } }
schema Svc {
  metadata: Meta
  port: Port = 8080
  extra: any = {}
  check port > 0, "port ${port}"
}
fn make(n: string, p: Port): Svc = Svc { metadata { name = n }, port = p }
let base = make("web", 80)
let copy = base with { metadata { labels { team = "x" } }, port = 81 }
let scaled = [for i, s in [base, copy] if i >= 0: s.port * 2]
let names = map([base], fn(s) => let (m = s.metadata) m.name)
let open = { a { b = 1 }, c.d = "x" }
emit [base, copy]
)";

TEST(CheckTables, EveryNameObjectAndTypeIsResolved) {
  auto r = check(kProgram);
  ASSERT_EQ(r->lines(), Lines{});
  const ast::Module &m = r->program.modules[r->entry()].ast;
  const types::CheckedModule &t = r->checked.modules[r->entry()];
  ASSERT_EQ(t.exprTypes.size(), m.exprCount());
  for (uint32_t i = 0; i < m.exprCount(); ++i) {
    const ast::Expr &e = m.expr(ast::ExprId{i});
    std::string where = r->spanText(e.span);
    EXPECT_NE(r->checked.types.kind(t.exprTypes[i]), types::TypeKind::Error) << where;
    if (e.is<ast::NameRef>()) {
      EXPECT_NE(t.bindings[i].kind, BindingKind::None) << where;
    }
    if (e.is<ast::ObjectLit>() || e.is<ast::WithExpr>()) {
      EXPECT_TRUE(t.objectTypes[i].valid()) << where;
    }
  }
  for (uint32_t i = 0; i < m.typeCount(); ++i)
    EXPECT_NE(r->checked.types.kind(t.localTypes[i]), types::TypeKind::Error) << i;
  for (ast::DeclId id : m.decls())
    EXPECT_TRUE(t.declTypes[id.index].valid());
  EXPECT_EQ(r->declType("copy"), "Svc");
  EXPECT_EQ(r->declType("scaled"), "[int]");
  EXPECT_EQ(r->declType("names"), "[string]");
  EXPECT_EQ(r->declType("open"), "{string: {string: string} | {string: int}}");
  EXPECT_EQ(r->exprType("{ team = \"x\" }"), "{string: string}");
}

TEST(CheckTables, BindingsSayWhatANameIs) {
  auto r = check(kProgram);
  const ast::Module &m = r->program.modules[r->entry()].ast;
  const types::CheckedModule &t = r->checked.modules[r->entry()];
  auto bindingOf = [&](const std::string &text) {
    for (uint32_t i = 0; i < m.exprCount(); ++i)
      if (m.expr(ast::ExprId{i}).is<ast::NameRef>() && r->spanText(m.expr(ast::ExprId{i}).span) == text)
        return t.bindings[i];
    return types::Binding{};
  };
  EXPECT_EQ(bindingOf("make").kind, BindingKind::Fn);
  EXPECT_EQ(bindingOf("base").kind, BindingKind::Let);
  EXPECT_EQ(bindingOf("map").kind, BindingKind::Builtin);
  EXPECT_EQ(bindingOf("map").index, static_cast<uint32_t>(types::BuiltinId::Map));
  EXPECT_EQ(bindingOf("n").kind, BindingKind::Local);
  EXPECT_EQ(bindingOf("Svc").kind, BindingKind::Schema); // the type of `Svc { ... }`
  types::Binding field = bindingOf("name");                // in Meta's default for labels
  ASSERT_EQ(field.kind, BindingKind::SchemaField);
  EXPECT_EQ(r->checked.schemas[field.module].fields[field.index].name, "name");
}

TEST(CheckTables, ExpressionTypesKeepAnyVisible) {
  auto r = check(R"(
param raw: any = "x"
let xs: [string] = [raw, "y"]
let s: string = if true then raw else "z"
let m: {string: string} = {for k in ["a"]: k = raw}
let f: fn(string) -> string = fn(x) => raw
)");
  EXPECT_EQ(r->lines(), Lines{});
  EXPECT_EQ(r->exprType("[raw, \"y\"]"), "[any]");
  EXPECT_EQ(r->exprType("if true then raw else \"z\""), "any");
  EXPECT_EQ(r->exprType("{for k in [\"a\"]: k = raw}"), "{string: any}");
  EXPECT_EQ(r->exprType("fn(x) => raw"), "fn(string) -> any");
}

TEST(CheckTables, PartsCheckedAgainstTheExpectationAreReportedOnce) {
  auto r = check(R"(
let a: [int] = [1, "x"]
let b: int = if true then 1 else "x"
let c: fn(int) -> string = fn(x) => x + 1
let d: int = let (y = "s") y
let e: string = null ?? 3
)");
  EXPECT_EQ(r->lines(), (Lines{"2:20 E0302 expected `int`, found `string`",
                               "3:34 E0302 expected `int`, found `string`",
                               "4:37 E0302 expected `string`, found `int`",
                               "5:28 E0302 expected `int`, found `string`",
                               "6:25 E0302 expected `string`, found `int`"}));
}

TEST(CheckTables, UnusedLetExpressionIsAWarning) {
  auto r = check("let a = let (unused = 1) 2\nlet b = let (_skip = 1) 2\nlet c = let (x = 1) x\n");
  EXPECT_EQ(r->lines(), Lines{"1:14 W0302 `unused` is never used"});
  EXPECT_FALSE(r->diags.hasErrors());
}

} // namespace
} // namespace cairn::checktest

namespace cairn::checktest {
namespace {

// Parse errors become ErrorExpr / ErrorType nodes, which the checker accepts
// silently wherever they appear (the AST is built by hand to place them).
TEST(CheckRobustness, ErrorNodesAreAcceptedSilently) {
  Program program;
  FileId file = program.sources.add("m.cairn", "x");
  Span sp{file, 0, 1};
  ast::Module m(file);
  auto name = [&](const char *text) { return ast::Name{m.save(text), sp}; };
  ast::ExprId err = m.addExpr(sp, ast::ErrorExpr{});
  ast::TypeExprId errType = m.addType(sp, ast::ErrorType{});
  // schema S { a: <error>, b: int = <error> }
  ast::SchemaDecl schema;
  schema.name = name("S");
  schema.fields.push_back({name("a"), false, errType, {}, sp, {}});
  ast::NamedType intName;
  intName.name = name("int");
  ast::TypeExprId intType = m.addType(sp, intName);
  schema.fields.push_back({name("b"), false, intType, m.addExpr(sp, ast::ErrorExpr{}), sp, {}});
  schema.checks.push_back({m.addExpr(sp, ast::ErrorExpr{}), m.addExpr(sp, ast::ErrorExpr{}), sp});
  m.addDecl(sp, std::move(schema));
  // let v: <error> = <error> + 1
  ast::ExprId one = m.addExpr(sp, ast::IntLit{1});
  ast::ExprId sum = m.addExpr(sp, ast::BinaryExpr{ast::BinaryOp::Add, err, one, sp});
  m.addDecl(sp, ast::LetDecl{name("v"), m.addType(sp, ast::ErrorType{}), sum});
  // let w = S { a = <error>, b = len(<error>) } with { b = -<error> }
  ast::ObjectLit object;
  object.typeRef = m.addExpr(sp, ast::NameRef{name("S")});
  ast::FieldInit a;
  a.path.push_back(name("a"));
  a.value = m.addExpr(sp, ast::ErrorExpr{});
  a.span = sp;
  object.fields.push_back(a);
  ast::FieldInit b;
  b.path.push_back(name("b"));
  b.value = m.addExpr(sp, ast::CallExpr{m.addExpr(sp, ast::NameRef{name("len")}), {m.addExpr(sp, ast::ErrorExpr{})}});
  b.span = sp;
  object.fields.push_back(b);
  object.bodySpan = sp;
  ast::ExprId built = m.addExpr(sp, std::move(object));
  ast::ObjectLit overrides;
  ast::FieldInit b2 = b;
  b2.value = m.addExpr(sp, ast::UnaryExpr{ast::UnaryOp::Neg, m.addExpr(sp, ast::ErrorExpr{}), sp});
  overrides.fields.push_back(b2);
  overrides.bodySpan = sp;
  ast::ExprId with = m.addExpr(sp, ast::WithExpr{built, m.addExpr(sp, std::move(overrides))});
  m.addDecl(sp, ast::LetDecl{name("w"), {}, with});
  // emit [if <error> then <error>.x else <error>[0]]
  ast::ExprId member = m.addExpr(sp, ast::MemberExpr{m.addExpr(sp, ast::ErrorExpr{}), name("x"), false});
  ast::ExprId index = m.addExpr(sp, ast::IndexExpr{m.addExpr(sp, ast::ErrorExpr{}), one});
  ast::ExprId cond = m.addExpr(sp, ast::IfExpr{m.addExpr(sp, ast::ErrorExpr{}), member, index});
  m.addDecl(sp, ast::EmitDecl{m.addExpr(sp, ast::ListLit{{cond}})});
  program.modules.push_back({file, "m.cairn", "", false, std::move(m), {}});
  program.entries = {0};
  program.order = {0};

  DiagnosticSink diags;
  types::CheckedProgram checked = types::checkProgram(program, diags);
  for (const Diagnostic &d : diags.diagnostics())
    ADD_FAILURE() << d.code() << " " << d.message;
  EXPECT_EQ(checked.schemas.size(), 1u);
}

} // namespace
} // namespace cairn::checktest
