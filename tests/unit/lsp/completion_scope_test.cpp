// Names in scope, members after `.`, type names, keywords and import paths.
#include "completion_test_util.h"

namespace cairn::lsp::test {
namespace {

TEST(CompletionScope, LocalsTopLevelNamesAndBuiltins) {
  Completed c = completeAt(R"(import "k8s/core/v1" as core
let replicas = 3
fn double(n: int): int = n * 2
fn f(count: int): [int] = [for item in range(count): let (twice = item * 2) ^]
)");
  for (const char *name : {"count", "item", "twice", "replicas", "double", "core", "len", "range"})
    EXPECT_TRUE(c.has(name)) << name << " missing: " << c.labels();
  EXPECT_FALSE(c.has("n")) << "another function's parameter";
  ASSERT_TRUE(c.has("len") && c.has("twice"));
  EXPECT_EQ(c.find("len")->detail, "fn len(x: [any] | {string: any} | string): int");
  EXPECT_EQ(c.find("twice")->detail, "int");
}

TEST(CompletionScope, LambdaParameters) {
  Completed c = completeAt(R"(let xs = map([1, 2], fn(value) => ^)
)");
  EXPECT_TRUE(c.has("value")) << c.labels();
}

TEST(CompletionScope, KeywordsWhereAnExpressionStarts) {
  Completed c = completeAt("let x = [^]\n");
  EXPECT_TRUE(c.has("for")) << c.labels();
  EXPECT_TRUE(c.has("if"));
  Completed v = completeAt("let x = ^\n");
  EXPECT_TRUE(v.has("if"));
  EXPECT_TRUE(v.has("let"));
  EXPECT_TRUE(v.has("fn"));
  EXPECT_FALSE(v.has("for")) << "only at the start of a list";
}

TEST(CompletionScope, TopLevelKeywords) {
  Completed c = completeAt("let a = 1\n^");
  for (const char *kw : {"import", "param", "let", "fn", "schema", "type", "emit", "policy"})
    EXPECT_TRUE(c.has(kw)) << kw << ": " << c.labels();
  Completed typed = completeAt("let a = 1\nsch^");
  EXPECT_TRUE(typed.has("schema"));
  EXPECT_FALSE(typed.has("let"));
}

TEST(CompletionScope, NothingInCommentsOrWhereANameIsDeclared) {
  EXPECT_TRUE(completeAt("// let x = ^\n").items.empty());
  EXPECT_TRUE(completeAt("let ^").items.empty());
  EXPECT_TRUE(completeAt("let x = 12^").items.empty());
}

TEST(CompletionScope, ModuleMembersAfterAlias) {
  Completed c = completeAt(R"(import "./lib.cairn" as lib
let x = lib.^
)",
                           {{"lib.cairn", "/// Doubles.\nfn twice(n: int): int = n * 2\nlet answer = 42\n"
                                          "schema Box { size: int }\ntype Size = int\nparam hidden: int = 1\n"}});
  for (const char *name : {"twice", "answer", "Box", "Size"})
    EXPECT_TRUE(c.has(name)) << name << ": " << c.labels();
  EXPECT_FALSE(c.has("hidden")) << "params are not exported values";
  EXPECT_EQ(c.find("twice")->detail, "fn twice(n: int): int");
  EXPECT_NE(c.find("twice")->documentation.find("Doubles."), std::string::npos);
}

TEST(CompletionScope, StdlibAliasMembers) {
  Completed c = completeAt(R"(import "k8s/apps/v1" as apps
emit apps.Dep^
)");
  EXPECT_TRUE(c.has("Deployment")) << c.labels();
  EXPECT_TRUE(c.has("DeploymentSpec"));
  EXPECT_EQ(c.find("Deployment")->kind, CompletionKind::Struct);
}

TEST(CompletionScope, MembersOfASchemaValue) {
  Completed c = completeAt(R"(schema App { name: string, replicas: int = 1 }
let web = App { name = "web" }
let n = web.^
)");
  EXPECT_TRUE(c.has("name")) << c.labels();
  EXPECT_TRUE(c.has("replicas"));
  EXPECT_EQ(c.find("replicas")->insertText, "replicas");
}

TEST(CompletionScope, MembersWhileTypingAndThroughNesting) {
  Completed c = completeAt(R"(import "k8s/apps/v1" as apps
let d = apps.Deployment { metadata.name = "x", spec.selector = {}, spec.template = {} }
let labels = d.metadata.^)");
  EXPECT_TRUE(c.has("labels")) << c.labels();
  EXPECT_TRUE(c.has("namespace"));
  Completed optional = completeAt(R"(schema A { b?: B }
schema B { c: int }
fn f(a: A): int? = a.b?.^
)");
  EXPECT_TRUE(optional.has("c")) << optional.labels();
}

TEST(CompletionScope, TypeNames) {
  Completed c = completeAt(R"(import "k8s/core/v1" as core
schema Box { size: int }
type Size = int
let b: ^
)");
  for (const char *name : {"Box", "Size", "core", "string", "int", "bool"})
    EXPECT_TRUE(c.has(name)) << name << ": " << c.labels();
  EXPECT_FALSE(c.has("len"));
  Completed qualified = completeAt(R"(import "k8s/core/v1" as core
schema Pod2 { main: core.Cont^ }
)");
  EXPECT_TRUE(qualified.has("Container")) << qualified.labels();
  Completed fnParam = completeAt("schema Box { size: int }\nfn f(b: B^");
  EXPECT_TRUE(fnParam.has("Box")) << fnParam.labels();
  Completed field = completeAt("schema Box { size: int }\nschema C {\n  box?: ^\n}\n");
  EXPECT_TRUE(field.has("Box")) << field.labels();
}

TEST(CompletionScope, ImportPaths) {
  Completed c = completeAt("import \"k8s/core/v1\" as core\nimport \"k8s/ap^\"\n");
  ASSERT_TRUE(c.has("k8s/apps/v1")) << c.labels();
  EXPECT_TRUE(c.has("policy/containers")) << c.labels();
  EXPECT_EQ(c.find("k8s/apps/v1")->kind, CompletionKind::Module);
  // A file's first import: no module of the standard library is loaded yet.
  Completed first = completeAt("import \"k8s/ap^\"\n");
  EXPECT_TRUE(first.has("k8s/apps/v1")) << first.labels();
}

TEST(CompletionScope, SchemaBodyOffersCheck) {
  Completed c = completeAt("schema A {\n  x: int\n  ^\n}\n");
  EXPECT_TRUE(c.has("check")) << c.labels();
  EXPECT_FALSE(c.has("len"));
}

} // namespace
} // namespace cairn::lsp::test
