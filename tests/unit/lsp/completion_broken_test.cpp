// Completion in documents that do not parse: the state of a line being typed.
#include "completion_test_util.h"

namespace cairn::lsp::test {
namespace {

constexpr const char *kDeploymentOpen = R"(import "k8s/apps/v1" as apps
emit apps.Deployment {
  spec {
    template {
      spec {
)";

TEST(CompletionBroken, UnclosedBlocksAtEndOfFile) {
  Completed c = completeAt(std::string(kDeploymentOpen) + "        containers = [{ im^");
  EXPECT_TRUE(c.has("image")) << c.labels();
  EXPECT_TRUE(c.has("imagePullPolicy"));
}

TEST(CompletionBroken, DanglingDotInsideObject) {
  Completed c = completeAt(std::string(kDeploymentOpen) + "        securityContext.^\n      }\n    }\n  }\n}\n");
  EXPECT_TRUE(c.has("runAsUser")) << c.labels();
}

TEST(CompletionBroken, DanglingEqualsBeforeMoreEntries) {
  Completed c = completeAt(R"(import "k8s/core/v1" as core
let c = core.Container {
  name = "web"
  imagePullPolicy = ^
  image = "nginx"
)");
  EXPECT_TRUE(c.has("\"Always\"")) << c.labels();
}

TEST(CompletionBroken, HalfWrittenDeclarationBelowDoesNotMatter) {
  // (A half-written `let x =` ABOVE a schema makes the parser take the schema
  // as its value; the schema is then unknown: a parser-recovery limit.)
  Completed c = completeAt(R"(schema App { name: string, port: int = 80 }
let a = App { ^ }
let broken = (1 +
let c = a.
)");
  EXPECT_TRUE(c.has("name")) << c.labels();
  EXPECT_TRUE(c.has("port"));
}

TEST(CompletionBroken, MemberOfAnUntypedLetWhileTyping) {
  Completed c = completeAt(R"(schema App { name: string, port: int = 80 }
let a = App { name = "x" }
let b = a.po^ +
)");
  EXPECT_TRUE(c.has("port")) << c.labels();
}

TEST(CompletionBroken, GarbageNeverCrashes) {
  const char *docs[] = {"", "^", "{{{{^", "}}}^", "\"unterminated ^", "let x = \"${ ^", "import \"^",
                        "schema { ^", "let = = ^", "emit .^", "let a = [1, 2, ^", "/* ^", "fn (^",
                        "let x = a?.^", "policy \"x\" on ^", "type T = ^", "let s = \"\"\"\n  ^"};
  for (const char *doc : docs) {
    std::string marked = doc;
    if (marked.find('^') == std::string::npos)
      marked += "^";
    Completed c = completeAt(marked);
    SUCCEED() << doc << ": " << c.labels();
  }
  EXPECT_TRUE(completeAt("\"unterminated ^").items.empty());
  EXPECT_TRUE(completeAt("/* ^").items.empty());
  EXPECT_TRUE(completeAt("type T = ^").has("int"));
}

} // namespace
} // namespace cairn::lsp::test
