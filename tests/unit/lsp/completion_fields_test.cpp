// Field names of the schema expected in object bodies, Kubernetes included.
#include "completion_test_util.h"

namespace cairn::lsp::test {
namespace {

TEST(CompletionFields, DeploymentContainerFieldsDeepInBlocks) {
  Completed c = completeAt(R"(import "k8s/apps/v1" as apps
emit apps.Deployment {
  metadata { name = "web" }
  spec {
    template {
      spec {
        containers = [{ ^ }]
      }
    }
  }
}
)");
  ASSERT_TRUE(c.has("image")) << c.labels();
  EXPECT_TRUE(c.has("imagePullPolicy"));
  EXPECT_TRUE(c.has("ports"));
  EXPECT_FALSE(c.has("replicas")) << "a Container, not a DeploymentSpec";
  const CompletionItem *policy = c.find("imagePullPolicy");
  EXPECT_EQ(policy->detail, R"("Always" | "IfNotPresent" | "Never")");
  EXPECT_EQ(policy->insertText, "imagePullPolicy = ");
  EXPECT_EQ(policy->kind, CompletionKind::Field);
}

TEST(CompletionFields, RequiredFieldsComeFirst) {
  Completed c = completeAt(R"(import "k8s/core/v1" as core
let c = core.Container { ^ }
)");
  ASSERT_TRUE(c.has("name")) << c.labels();
  EXPECT_LT(c.rank("name"), c.rank("args"));
  EXPECT_LT(c.rank("image"), c.rank("args"));
  EXPECT_LT(c.rank("image"), c.rank("workingDir"));
}

TEST(CompletionFields, AlreadySetFieldsAreLeftOut) {
  Completed c = completeAt(R"(import "k8s/core/v1" as core
let c = core.Container {
  name = "web"
  image = "nginx"
  ^
  ports = []
}
)");
  EXPECT_FALSE(c.has("name")) << c.labels();
  EXPECT_FALSE(c.has("image"));
  EXPECT_FALSE(c.has("ports")) << "set after the cursor";
  EXPECT_TRUE(c.has("env"));
}

TEST(CompletionFields, MetadataBlockWhileTyping) {
  // The document does not parse: the block and the object are unclosed.
  Completed c = completeAt(R"(import "k8s/apps/v1" as apps
emit apps.Deployment {
  metadata { na^)");
  ASSERT_TRUE(c.has("name")) << c.labels();
  EXPECT_TRUE(c.has("namespace"));
  EXPECT_FALSE(c.has("labels")) << "filtered by the typed prefix";
}

TEST(CompletionFields, DottedPathAtEndOfLine) {
  Completed c = completeAt(R"(import "k8s/apps/v1" as apps
emit apps.Deployment {
  metadata.name = "web"
  spec.template.^
}
)");
  ASSERT_TRUE(c.has("spec")) << c.labels();
  EXPECT_TRUE(c.has("metadata"));
  EXPECT_EQ(c.find("spec")->insertText, "spec") << "a path continues: no `= `";
}

TEST(CompletionFields, WithOverridesUseTheBaseType) {
  Completed c = completeAt(R"(schema App {
  name: string
  replicas: int = 1
  image?: string
}
let base = App { name = "a" }
let dev = base with { ^ }
)");
  EXPECT_TRUE(c.has("replicas")) << c.labels();
  EXPECT_TRUE(c.has("image"));
}

TEST(CompletionFields, TypeFromContext) {
  const char *schemas = R"(schema Port {
  number: int(1..65535)
  protocol: "TCP" | "UDP" = "TCP"
}
schema Svc {
  name: string
  ports: [Port] = []
  main?: Port
}
)";
  // A let with a declared type.
  EXPECT_TRUE(completeAt(std::string(schemas) + "let p: Port = { ^ }\n").has("protocol"));
  // A list element of a field.
  EXPECT_TRUE(completeAt(std::string(schemas) + "let s = Svc { name = \"a\", ports = [{ number = 80 }, { ^ }] }\n")
                  .has("number"));
  // A field's type.
  EXPECT_TRUE(completeAt(std::string(schemas) + "let s = Svc { name = \"a\", main = { ^ } }\n").has("number"));
  // A function argument.
  EXPECT_TRUE(completeAt(std::string(schemas) + "fn open(p: Port): int = p.number\nlet n = open({ ^ })\n")
                  .has("protocol"));
}

TEST(CompletionFields, BlockSnippetForSchemaTypedFields) {
  CompletionOptions snippets;
  snippets.snippets = true;
  Completed c = completeAt(R"(import "k8s/apps/v1" as apps
emit apps.Deployment { ^ }
)",
                           {}, snippets);
  const CompletionItem *spec = c.find("spec");
  ASSERT_NE(spec, nullptr) << c.labels();
  EXPECT_TRUE(spec->snippet);
  EXPECT_EQ(spec->insertText, "spec {\n\t$0\n}");
  EXPECT_EQ(c.find("apiVersion")->insertText, "apiVersion = ");
}

TEST(CompletionFields, FieldDocumentationAndDetail) {
  Completed c = completeAt(R"(schema App {
  /// How many pods run.
  replicas: int(0..50) = 1
}
let a = App { ^ }
)");
  const CompletionItem *replicas = c.find("replicas");
  ASSERT_NE(replicas, nullptr) << c.labels();
  EXPECT_EQ(replicas->detail, "int(0..50)");
  EXPECT_NE(replicas->documentation.find("How many pods run."), std::string::npos) << replicas->documentation;
  EXPECT_NE(replicas->documentation.find("replicas: int(0..50) = 1"), std::string::npos);
}

TEST(CompletionFields, QuotedFieldNames) {
  Completed c = completeAt(R"(schema Odd {
  "x-kind"?: string
}
let o = Odd { ^ }
)");
  ASSERT_TRUE(c.has("x-kind")) << c.labels();
  EXPECT_EQ(c.find("x-kind")->insertText, "\"x-kind\" = ");
}

} // namespace
} // namespace cairn::lsp::test
