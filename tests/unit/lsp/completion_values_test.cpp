// Value positions: literal values of the expected type, then names whose
// type fits; string literals inside quotes.
#include "completion_test_util.h"

namespace cairn::lsp::test {
namespace {

TEST(CompletionValues, ImagePullPolicyLiterals) {
  Completed c = completeAt(R"(import "k8s/apps/v1" as apps
emit apps.Deployment {
  spec.template.spec.containers = [{
    name = "web"
    imagePullPolicy = ^
  }]
}
)");
  ASSERT_TRUE(c.has("\"Always\"")) << c.labels();
  EXPECT_TRUE(c.has("\"IfNotPresent\""));
  EXPECT_TRUE(c.has("\"Never\""));
  EXPECT_EQ(c.rank("\"Always\""), 0u) << "literal values come first: " << c.labels();
  EXPECT_EQ(c.find("\"Never\"")->kind, CompletionKind::EnumMember);
}

TEST(CompletionValues, LiteralsWhileTypingInAnUnfinishedDocument) {
  Completed c = completeAt(R"(import "k8s/core/v1" as core
let c = core.Container {
  name = "x"
  imagePullPolicy = "If^)");
  ASSERT_TRUE(c.has("IfNotPresent")) << c.labels();
  EXPECT_EQ(c.find("IfNotPresent")->insertText, "IfNotPresent") << "inside the quotes";
  EXPECT_FALSE(c.has("Never")) << "filtered by what was typed";
}

TEST(CompletionValues, BooleansAndNullForNullable) {
  Completed c = completeAt(R"(schema S {
  on: bool = false
  owner: string?
}
let s = S { on = ^ }
)");
  EXPECT_TRUE(c.has("true")) << c.labels();
  EXPECT_TRUE(c.has("false"));
}

TEST(CompletionValues, NullOfferedForNullableField) {
  Completed c = completeAt(R"(schema S {
  owner: string?
}
let t = S { owner = ^ }
)");
  EXPECT_EQ(c.rank("null"), 0u) << c.labels();
}

TEST(CompletionValues, NamesWhoseTypeFitsComeFirst) {
  Completed c = completeAt(R"(let count = 3
let label = "x"
schema S { replicas: int }
let s = S { replicas = ^ }
)");
  ASSERT_TRUE(c.has("count")) << c.labels();
  ASSERT_TRUE(c.has("label"));
  EXPECT_LT(c.rank("count"), c.rank("label"));
  EXPECT_LT(c.rank("count"), c.rank("len")) << "before builtins";
}

TEST(CompletionValues, ParamLiteralUnion) {
  Completed c = completeAt(R"(param env: "dev" | "prod" = ^
)");
  EXPECT_TRUE(c.has("\"dev\"")) << c.labels();
  EXPECT_TRUE(c.has("\"prod\""));
}

TEST(CompletionValues, FunctionArgumentLiterals) {
  Completed c = completeAt(R"(fn pick(mode: "a" | "b"): string = mode
let x = pick(^)
)");
  EXPECT_TRUE(c.has("\"a\"")) << c.labels();
}

} // namespace
} // namespace cairn::lsp::test
