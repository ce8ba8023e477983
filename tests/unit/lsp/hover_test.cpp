// Hover: type, default, constraints and doc comment of what is under the cursor.
#include <gtest/gtest.h>

#include "annotations.h"
#include "lsp/hover.h"
#include "test_workspace.h"

namespace cairn::lsp::test {
namespace {

struct Hovered {
  std::optional<HoverInfo> info;
  Annotated a;
  std::string markdown() const { return info ? render(info->description, true) : ""; }
  std::string plain() const { return info ? render(info->description, false) : ""; }
  std::pair<uint32_t, uint32_t> range() const { return {info->begin, info->end}; }
};

Hovered hoverAt(const std::string &marked, const std::vector<std::pair<std::string, std::string>> &extra = {}) {
  Annotated a(marked);
  TestWorkspace ws;
  ws.add("main.cairn", a.code);
  for (const auto &[name, text] : extra)
    ws.add(name, text);
  auto snap = ws.analyze();
  return {hover(*snap, TestWorkspace::module(*snap, "main.cairn"), a.point()), a};
}

TEST(Hover, FieldInObjectLiteralShowsTypeDefaultConstraintsAndDoc) {
  Hovered h = hoverAt(R"(schema App {
  /// Pods to run.
  replicas: int(0..50) = 1
}
let a = App { [[repl^icas]] = 3 }
)");
  ASSERT_TRUE(h.info);
  EXPECT_EQ(h.range(), h.a.range());
  EXPECT_EQ(h.markdown(), "```cairn\nreplicas: int(0..50) = 1\n```\n\n*field with a default of App*\n\n"
                          "An int from 0 to 50.\n\nPods to run.");
  EXPECT_EQ(h.plain(), "replicas: int(0..50) = 1\nfield with a default of App\nAn int from 0 to 50.\nPods to run.");
}

TEST(Hover, KubernetesFieldInNestedBlockShowsLiteralUnion) {
  Hovered h = hoverAt(R"(import "k8s/apps/v1" as apps
emit apps.Deployment {
  metadata.name = "web"
  spec.selector.matchLabels = { app = "web" }
  spec.template.spec.containers = [{ name = "web", image = "nginx", [[imagePull^Policy]] = "Always" }]
}
)");
  ASSERT_TRUE(h.info);
  EXPECT_EQ(h.range(), h.a.range());
  std::string md = h.markdown();
  EXPECT_NE(md.find(R"(imagePullPolicy?: "Always" | "IfNotPresent" | "Never")"), std::string::npos) << md;
  EXPECT_NE(md.find(R"(One of "Always", "IfNotPresent", "Never".)"), std::string::npos) << md;
  EXPECT_NE(md.find("optional field of Container"), std::string::npos) << md;
}

TEST(Hover, NamesOfEveryKind) {
  const char *lib = "/// Doubles a number.\nfn twice(n: int): int = n * 2\n";
  Hovered let = hoverAt("/// The answer.\nlet answer = 42\nlet b = [[ans^wer]] + 1\n");
  EXPECT_EQ(let.markdown(), "```cairn\nlet answer: int\n```\n\n*main.cairn*\n\nThe answer.");
  Hovered param = hoverAt("param port: int(1..65535) = 8080\nlet p = po^rt\n");
  EXPECT_NE(param.markdown().find("param port: int(1..65535) = 8080"), std::string::npos) << param.markdown();
  EXPECT_NE(param.markdown().find("An int from 1 to 65535."), std::string::npos) << param.markdown();
  Hovered fn = hoverAt("import \"./lib.cairn\" as lib\nlet x = lib.tw^ice(2)\n", {{"lib.cairn", lib}});
  EXPECT_NE(fn.markdown().find("fn twice(n: int): int"), std::string::npos) << fn.markdown();
  EXPECT_NE(fn.markdown().find("Doubles a number."), std::string::npos);
  Hovered builtin = hoverAt("let n = le^n([1])\n");
  EXPECT_NE(builtin.markdown().find("fn len("), std::string::npos) << builtin.markdown();
  Hovered local = hoverAt("fn f(count: int): int = cou^nt + 1\n");
  EXPECT_NE(local.markdown().find("count: int"), std::string::npos) << local.markdown();
  Hovered alias = hoverAt("import \"k8s/apps/v1\" as apps\nemit ap^ps.Deployment { }\n");
  EXPECT_NE(alias.markdown().find("import "), std::string::npos) << alias.markdown();
  EXPECT_NE(alias.markdown().find("k8s/apps/v1"), std::string::npos) << alias.markdown();
}

TEST(Hover, SchemaAndTypeNames) {
  Hovered schema = hoverAt("/// An app.\nschema App { name: string }\nlet a: A^pp = App { name = \"x\" }\n");
  EXPECT_NE(schema.markdown().find("schema App"), std::string::npos) << schema.markdown();
  EXPECT_NE(schema.markdown().find("An app."), std::string::npos);
  EXPECT_NE(schema.markdown().find("1 fields, 1 required"), std::string::npos);
  Hovered k8s = hoverAt("import \"k8s/apps/v1\" as apps\nemit apps.Deplo^yment { }\n");
  EXPECT_NE(k8s.markdown().find("schema Deployment"), std::string::npos) << k8s.markdown();
  Hovered aliasType = hoverAt("type Port = int(1..65535)\nlet p: Po^rt = 80\n");
  EXPECT_NE(aliasType.markdown().find("type Port = int(1..65535)"), std::string::npos) << aliasType.markdown();
  EXPECT_NE(aliasType.markdown().find("An int from 1 to 65535."), std::string::npos);
}

TEST(Hover, ExpressionShowsItsInferredType) {
  Hovered h = hoverAt("let s = [[toString(1)^]] + \"x\"\n");
  ASSERT_TRUE(h.info);
  EXPECT_EQ(h.info->description.signature, "string");
  EXPECT_EQ(h.range(), h.a.range());
}

TEST(Hover, MemberAccessOnSchemaValue) {
  Hovered h = hoverAt("schema App { /** x */ name: string }\nlet a = App { name = \"x\" }\nlet n = a.[[na^me]]\n");
  ASSERT_TRUE(h.info);
  EXPECT_EQ(h.range(), h.a.range());
  EXPECT_NE(h.markdown().find("name: string"), std::string::npos);
}

TEST(Hover, BrokenDocumentStillHoversIntactParts) {
  Hovered h = hoverAt("let answer = 42\nlet b = ans^wer +\nlet c = (\n");
  ASSERT_TRUE(h.info);
  EXPECT_NE(h.markdown().find("let answer: int"), std::string::npos) << h.markdown();
  EXPECT_FALSE(hoverAt("let x = 1\n// a comm^ent\n").info);
  EXPECT_FALSE(hoverAt("^").info);
}

} // namespace
} // namespace cairn::lsp::test
