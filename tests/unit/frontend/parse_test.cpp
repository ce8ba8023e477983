// Parser and AST builder: the tree a source text becomes, and the syntax
// errors a person gets for common mistakes.
#include <gtest/gtest.h>

#include "frontend/ast_dump.h"
#include "frontend/parse.h"

namespace cairn {
namespace {

struct Parsed {
  SourceManager sources;
  DiagnosticSink diags;
  std::string dump;
  std::vector<std::string> codes;
  std::vector<std::string> messages;
  std::vector<LineCol> positions;
};

std::unique_ptr<Parsed> parse(const std::string &text) {
  auto p = std::make_unique<Parsed>();
  FileId file = p->sources.add("test.cairn", text);
  ast::Module module = parseModule(p->sources, file, p->diags);
  p->dump = dumpAst(module);
  for (const Diagnostic &d : p->diags.diagnostics()) {
    p->codes.push_back(d.code());
    p->messages.push_back(d.message);
    p->positions.push_back(p->sources.lineCol(file, d.span.begin));
  }
  return p;
}

std::string dumpOf(const std::string &text) {
  auto p = parse(text);
  EXPECT_TRUE(p->codes.empty()) << text << "\n" << (p->messages.empty() ? "" : p->messages[0]);
  return p->dump;
}

TEST(Parse, PrecedenceFollowsTheUsualRules) {
  EXPECT_EQ(dumpOf("let x = 1 + 2 * 3 - 4"), "(let x (- (+ 1 (* 2 3)) 4))\n");
  EXPECT_EQ(dumpOf("let x = a || b && c == d"), "(let x (|| a (&& b (== c d))))\n");
  EXPECT_EQ(dumpOf("let x = a ?? b ?? c"), "(let x (?? a (?? b c)))\n");
  EXPECT_EQ(dumpOf("let x = -a.b"), "(let x (- (. a b)))\n");
  EXPECT_EQ(dumpOf("let x = !f(1)[0]"), "(let x (! (index (call f 1) 0)))\n");
  EXPECT_EQ(dumpOf("let x = a < b == c > d"), "(let x (== (< a b) (> c d)))\n");
}

TEST(Parse, NegativeLiteralsFoldIncludingTheSmallestInt) {
  EXPECT_EQ(dumpOf("let x = -9223372036854775808"), "(let x -9223372036854775808)\n");
  auto p = parse("let x = 9223372036854775808");
  ASSERT_EQ(p->codes.size(), 1u);
  EXPECT_EQ(p->codes[0], "E0106");
}

TEST(Parse, NumbersWithSeparatorsHexAndFloats) {
  EXPECT_EQ(dumpOf("let x = [1_000, 0xff, 1.5, 2e3]"), "(let x (list 1000 255 1.5f 2000f))\n");
}

TEST(Parse, SchemaWithFieldsDefaultsAndChecks) {
  std::string dump = dumpOf(R"(
schema Service extends base.Thing {
  name: string(/^[a-z]+$/)
  port: int(1..65535) = 8080,
  replicas?: int(0..)
  type: "ClusterIP" | "NodePort"
  check replicas <= 50, "too many"
})");
  EXPECT_EQ(dump, "(schema Service extends base.Thing\n"
                  "  (field name: (string /^[a-z]+$/))\n"
                  "  (field port: (int 1..65535) = 8080)\n"
                  "  (field replicas?: (int 0..))\n"
                  "  (field type: (| (lit \"ClusterIP\") (lit \"NodePort\")))\n"
                  "  (check (<= replicas 50) \"too many\"))\n");
}

TEST(Parse, RegexOnlyAfterParenOrComma) {
  EXPECT_EQ(dumpOf("let x = a / b / c"), "(let x (/ (/ a b) c))\n");
  EXPECT_EQ(dumpOf("type Name = string(1..63, /^[a-z\\/]+$/)"),
            "(type Name (string 1..63 /^[a-z/]+$/))\n");
}

TEST(Parse, ObjectsBlocksAndDottedPaths) {
  EXPECT_EQ(dumpOf("let d = apps.Deployment { metadata { name = \"x\" } spec.replicas = 2, \"a.b/c\" = 1 }"),
            "(let d (object (. apps Deployment) (metadata {} (object (name = \"x\"))) "
            "(spec.replicas = 2) (a.b/c = 1)))\n");
  EXPECT_EQ(dumpOf("let s = { type = \"x\", if = 1 }"), "(let s (object (type = \"x\") (if = 1)))\n");
  EXPECT_EQ(dumpOf("let y = base with { spec { replicas = 5 } }"),
            "(let y (with base (object (spec {} (object (replicas = 5))))))\n");
}

TEST(Parse, Comprehensions) {
  EXPECT_EQ(dumpOf("let a = [for x in xs if x > 1: x * 2]"),
            "(let a (list-comp (for x xs) (if (> x 1)) (* x 2)))\n");
  EXPECT_EQ(dumpOf("let m = {for k, v in m: k = v}"), "(let m (map-comp (for k v m) k v))\n");
  EXPECT_EQ(dumpOf("let e = {}"), "(let e (object))\n");
}

TEST(Parse, FunctionsLambdasLetIfAndTypes) {
  EXPECT_EQ(dumpOf("fn f(a: int, b: [string]?): {string: any} = let (c = a) if c > 0 then {} else {}"),
            "(fn f (a: int b: [string]?): {string: any} (let-in c a (if (> c 0) (object) (object))))\n");
  EXPECT_EQ(dumpOf("let g: fn(int) -> int = fn(x) => x + 1"),
            "(let g: (fn (int) int) (lambda (x) (+ x 1)))\n");
  EXPECT_EQ(dumpOf("param env: \"dev\" | \"prod\" = \"dev\""),
            "(param env: (| (lit \"dev\") (lit \"prod\")) = \"dev\")\n");
  EXPECT_EQ(dumpOf("import \"./lib/x.cairn\" as x\nemit x.all"),
            "(import \"./lib/x.cairn\" as x)\n(emit (. x all))\n");
}

TEST(Parse, StringsEscapesAndInterpolation) {
  EXPECT_EQ(dumpOf(R"(let s = "a\tb\u{e9}\$")"), "(let s \"a\tb\xc3\xa9$\")\n");
  EXPECT_EQ(dumpOf(R"(let s = "x-${n + 1}-${ {a = 1}.a }")"),
            "(let s (str \"x-\" (+ n 1) \"-\" (. (object (a = 1)) a)))\n");
  EXPECT_EQ(dumpOf("let s = \"\"\"\n    line one\n      indented ${x}\n    \"\"\""),
            "(let s (str \"line one\\n  indented \" x))\n");
}

TEST(Parse, UnterminatedStringIsOneErrorAndParsingContinues) {
  auto p = parse("let a = \"oops\nlet b = 2\n");
  ASSERT_GE(p->codes.size(), 1u);
  EXPECT_EQ(p->codes[0], "E0102");
  EXPECT_EQ(p->positions[0].line, 1u);
  EXPECT_NE(p->dump.find("(let b 2)"), std::string::npos) << p->dump;
}

TEST(Parse, MissingValueSaysAnExpressionWasExpected) {
  auto p = parse("let a = \nlet b = 1");
  ASSERT_EQ(p->codes.size(), 1u);
  EXPECT_EQ(p->codes[0], "E0101");
  EXPECT_EQ(p->messages[0], "unexpected keyword `let`; expected an expression");
  EXPECT_EQ(p->positions[0].line, 1u); // right after `=`, where the value is missing
}

TEST(Parse, UnclosedBraceIsReportedAtTheOpener) {
  auto p = parse("let a = {\n  x = 1\n");
  ASSERT_EQ(p->codes.size(), 1u);
  EXPECT_EQ(p->codes[0], "E0105");
  EXPECT_EQ(p->positions[0].line, 1u);
  EXPECT_EQ(p->positions[0].column, 9u);
}

TEST(Parse, BadCharacterAndInvalidEscape) {
  auto p = parse("let a = 1 @ 2");
  ASSERT_GE(p->codes.size(), 1u);
  EXPECT_EQ(p->codes[0], "E0104");
  auto q = parse(R"(let a = "\q")");
  ASSERT_EQ(q->codes.size(), 1u);
  EXPECT_EQ(q->codes[0], "E0103");
}

TEST(Parse, UnterminatedCommentAndUnbalancedBrace) {
  auto p = parse("let a = 1 /* never closed");
  ASSERT_EQ(p->codes.size(), 1u);
  EXPECT_EQ(p->codes[0], "E0109");
  auto q = parse("let a = 1 }\nlet b = 2");
  ASSERT_GE(q->codes.size(), 1u);
  EXPECT_EQ(q->codes[0], "E0101");
  EXPECT_NE(q->dump.find("(let b 2)"), std::string::npos) << q->dump;
}

TEST(Parse, NonUtf8InputIsRejectedCleanly) {
  auto p = parse(std::string("let a = \"\xff\xfe\""));
  ASSERT_EQ(p->codes.size(), 1u);
  EXPECT_EQ(p->codes[0], "E0706");
}

TEST(Parse, SpansAreByteOffsetsEvenAfterNonAscii) {
  auto p = parse("let a = \"é\" + @");
  ASSERT_GE(p->codes.size(), 1u);
  EXPECT_EQ(p->codes[0], "E0104");
  EXPECT_EQ(p->positions[0].column, 16u); // bytes: `é` is two
}

TEST(Parse, DocCommentsAttachToDeclarations) {
  SourceManager sources;
  DiagnosticSink diags;
  FileId file = sources.add("t.cairn", "/// The port.\n/// Used twice.\nlet port = 1\n");
  ast::Module m = parseModule(sources, file, diags);
  ASSERT_EQ(m.decls().size(), 1u);
  EXPECT_EQ(m.decl(m.decls()[0]).docComment, "The port.\nUsed twice.");
  EXPECT_EQ(m.comments.size(), 2u);
}

// The grammar gives a function type one atom as its result (so that it stays
// SLL-clean); the `?` and the union members after it still belong to the
// result of the innermost function type.
TEST(Parse, FunctionTypeResultTakesTheRestOfTheType) {
  EXPECT_EQ(dumpOf("type T = fn() -> A | B"), "(type T (fn () (| A B)))\n");
  EXPECT_EQ(dumpOf("type T = A | fn() -> B | C"), "(type T (| A (fn () (| B C))))\n");
  EXPECT_EQ(dumpOf("type T = fn() -> A? | B"), "(type T (fn () (| A? B)))\n");
  EXPECT_EQ(dumpOf("type T = fn() -> fn() -> A? | B"), "(type T (fn () (fn () (| A? B))))\n");
  EXPECT_EQ(dumpOf("type T = fn() -> A | fn() -> B | C"), "(type T (fn () (| A (fn () (| B C)))))\n");
  EXPECT_EQ(dumpOf("type T = [fn(A | B) -> C | D]"), "(type T [(fn ((| A B)) (| C D))])\n");
  EXPECT_EQ(dumpOf("type T = (fn() -> A)?"), "(type T (fn () A)?)\n");
}

TEST(Parse, FunctionTypeSpansCoverTheirResult) {
  SourceManager sources;
  DiagnosticSink diags;
  FileId file = sources.add("t.cairn", "type T = A | fn() -> B | C");
  ast::Module m = parseModule(sources, file, diags);
  ASSERT_EQ(m.decls().size(), 1u);
  const auto *alias = m.decl(m.decls()[0]).as<ast::TypeAliasDecl>();
  ASSERT_NE(alias, nullptr);
  const auto *u = m.type(alias->type).as<ast::UnionType>();
  ASSERT_NE(u, nullptr);
  ASSERT_EQ(u->members.size(), 2u);
  EXPECT_EQ(sources.text(m.type(u->members[1]).span), "fn() -> B | C");
  const auto *fn = m.type(u->members[1]).as<ast::FnType>();
  ASSERT_NE(fn, nullptr);
  EXPECT_EQ(sources.text(m.type(fn->result).span), "B | C");
}

// `with` after a value in an object body is always the `with` expression; a
// field named `with` takes `=` or a path, and a block needs quotes.
TEST(Parse, WithInObjectBodies) {
  EXPECT_EQ(dumpOf("let a = { x = b\n with { y = 1 } }"), "(let a (object (x = (with b (object (y = 1))))))\n");
  EXPECT_EQ(dumpOf("let a = { with = 1, with.x = 2 }"), "(let a (object (with = 1) (with.x = 2)))\n");
  EXPECT_EQ(dumpOf("let a = { \"with\" { y = 1 } }"), "(let a (object (with {} (object (y = 1)))))\n");
  EXPECT_EQ(dumpOf("schema S { with: int }"), "(schema S\n  (field with: int))\n");
  auto p = parse("let a = { with { y = 1 } }");
  ASSERT_EQ(p->codes.size(), 1u);
  EXPECT_EQ(p->codes[0], "E0101");
}

// `secret` marks a parameter only right before `param`; everywhere else it
// is an ordinary name (Kubernetes has `volumes[].secret`).
TEST(Parse, SecretParamsAndSecretAsAName) {
  EXPECT_EQ(dumpOf("secret param token: string"), "(secret param token: string)\n");
  EXPECT_EQ(dumpOf("secret param pin: int = 1234"), "(secret param pin: int = 1234)\n");
  EXPECT_EQ(dumpOf("param secret: string"), "(param secret: string)\n");
  EXPECT_EQ(dumpOf("let secret = { secret.secretName = \"db\" }\nlet b = secret.secret"),
            "(let secret (object (secret.secretName = \"db\")))\n(let b (. secret secret))\n");
  EXPECT_EQ(dumpOf("schema S { secret: string }"), "(schema S\n  (field secret: string))\n");

  SourceManager sources;
  DiagnosticSink diags;
  FileId file = sources.add("t.cairn", "let a = 1\nsecret param p: string\n");
  ast::Module m = parseModule(sources, file, diags);
  EXPECT_FALSE(diags.hasErrors());
  const auto *param = m.decl(m.decls()[1]).as<ast::ParamDecl>();
  ASSERT_NE(param, nullptr);
  EXPECT_TRUE(param->isSecret());
  EXPECT_EQ(sources.text(param->secretMark), "secret");
  EXPECT_EQ(sources.text(m.decl(m.decls()[1]).span), "secret param p: string");
}

TEST(Parse, AMisspeltSecretMarkIsReportedAtTheWord) {
  auto p = parse("secert param token: string");
  ASSERT_EQ(p->codes.size(), 1u);
  EXPECT_EQ(p->codes[0], "E0114");
  EXPECT_EQ(p->messages[0], "expected `param` or `secret param`, found `secert`");
  EXPECT_EQ(p->positions[0].column, 1u);
  EXPECT_EQ(p->dump, "(param token: string)\n"); // still declared, not secret
}

// A stray name at the top level still reads as a missing declaration.
TEST(Parse, AStrayNameAtTopLevelExpectsADeclaration) {
  auto p = parse("let a = 1\nfoo = 2\n");
  ASSERT_EQ(p->codes.size(), 1u);
  EXPECT_EQ(p->codes[0], "E0101");
  EXPECT_EQ(p->messages[0], "unexpected name `foo`; expected a declaration (`let`, `fn`, `schema`, `type`, "
                            "`param`, `import`, `emit` or `policy`)");
  EXPECT_EQ(p->positions[0].line, 2u);
  // After `secret`, only `param` can come.
  auto q = parse("secret token: string\n");
  ASSERT_FALSE(q->codes.empty());
  EXPECT_EQ(q->messages[0], "unexpected name `token`; expected `param`");
}

TEST(Parse, AByteOrderMarkIsSkippedAndSpansStayRight) {
  SourceManager sources;
  DiagnosticSink diags;
  FileId file = sources.add("t.cairn", "\xEF\xBB\xBFlet port = 8080\n");
  ast::Module m = parseModule(sources, file, diags);
  EXPECT_FALSE(diags.hasErrors());
  EXPECT_EQ(dumpAst(m), "(let port 8080)\n");
  ASSERT_EQ(m.decls().size(), 1u);
  EXPECT_EQ(sources.text(m.decl(m.decls()[0]).span), "let port = 8080");
}

} // namespace
} // namespace cairn
