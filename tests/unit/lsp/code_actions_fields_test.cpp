#include <gtest/gtest.h>

#include "code_actions_test_util.h"
#include "lsp/code_actions_fields.h"

namespace cairn::lsp {
namespace {

using test::Annotated;
using test::TestWorkspace;

constexpr const char *kSchemas = R"(schema Probe { path: string, port: int(1..65535) }
schema App {
  name: string(3..20, /[a-z]+/)
  replicas: int(1..10)
  ratio: float(0.5..1.0)
  mode: "fast" | "slow"
  tags: [string]
  labels: {string: string}
  probe: Probe
  enabled: bool
  "x-key": string
  owner: string?
  note?: string
  port: int = 80
}
)";

// Applies "Add missing required fields" for the E0402s of `code` and returns the new text.
std::string addFields(const std::string &code, size_t expectedDiagnostics) {
  TestWorkspace ws;
  ws.add("main.cairn", code);
  auto snap = ws.analyze();
  uint32_t m = TestWorkspace::module(*snap, "main.cairn");
  auto diags = test::clientDiagnostics(*snap, m);
  EXPECT_EQ(diags.size(), expectedDiagnostics);
  auto actions = codeActions(*snap, m, diags.empty() ? Span{} : diags.front().span, diags);
  const CodeAction *add = test::findAction(actions, "Add missing required fields");
  if (!add) {
    ADD_FAILURE() << "no action for:\n" << code;
    return code;
  }
  EXPECT_EQ(add->kind, ActionKind::QuickFix);
  EXPECT_TRUE(add->preferred);
  EXPECT_EQ(add->diagnostics.size(), expectedDiagnostics) << "one action for all the literal's E0402s";
  EXPECT_EQ(std::count_if(actions.begin(), actions.end(), [](const CodeAction &a) { return a.title.find("add `") == 0; }), 0)
      << "the per-field compiler fixes are replaced by the one action";
  return test::applyEdits(code, add->edits);
}

void expectNoDiagnostics(const std::string &code) {
  TestWorkspace ws;
  ws.add("main.cairn", code);
  auto snap = ws.analyze();
  EXPECT_TRUE(test::codesIn(*snap, TestWorkspace::module(*snap, "main.cairn")).empty()) << code;
}

TEST(AddMissingFields, MultiLineLiteralGetsOneLinePerFieldIndentedLikeItsFields) {
  std::string code = std::string(kSchemas) + "let a = App {\n    name = \"web\"\n}\n";
  std::string fixed = addFields(code, 8);
  EXPECT_NE(fixed.find("let a = App {\n    name = \"web\"\n    replicas = 1\n    ratio = 0.5\n    mode = "),
            std::string::npos)
      << fixed;
  EXPECT_NE(fixed.find("    probe = { path = \"\", port = 1 }\n    enabled = false\n    \"x-key\" = \"\"\n}\n"),
            std::string::npos)
      << fixed;
  EXPECT_EQ(fixed.find("owner ="), std::string::npos) << "nullable and optional fields are not required";
  expectNoDiagnostics(fixed);
}

TEST(AddMissingFields, EmptyAndOneLineLiterals) {
  std::string empty = addFields(std::string(kSchemas) + "let b = App {}\n", 9);
  EXPECT_NE(empty.find("let b = App { name = \"aaa\", replicas = 1,"), std::string::npos) << empty;
  expectNoDiagnostics(empty);
  std::string oneLine = addFields(std::string(kSchemas) + "let c = App { name = \"abc\", }\n", 8);
  EXPECT_NE(oneLine.find("let c = App { name = \"abc\", replicas = 1,"), std::string::npos) << oneLine;
  expectNoDiagnostics(oneLine);
}

TEST(AddMissingFields, NestedBlockOfAKubernetesObject) {
  std::string code = R"(import "k8s/apps/v1" as apps
emit apps.Deployment {
  metadata { name = "web" }
  spec {
    replicas = 2
  }
}
)";
  std::string fixed = addFields(code, 2);
  EXPECT_NE(fixed.find("    replicas = 2\n    selector = {}\n    template = {}\n  }\n"), std::string::npos) << fixed;
  expectNoDiagnostics(fixed);
}

TEST(AddMissingFields, UntypedLiteralTypedFromItsContext) {
  std::string fixed = addFields(std::string(kSchemas) + "let p: Probe = {\n  path = \"/\"\n}\n", 1);
  EXPECT_NE(fixed.find("let p: Probe = {\n  path = \"/\"\n  port = 1\n}\n"), std::string::npos) << fixed;
  expectNoDiagnostics(fixed);
  std::string list = addFields(std::string(kSchemas) + "let q: [Probe] = [{}]\n", 2);
  EXPECT_NE(list.find("let q: [Probe] = [{ path = \"\", port = 1 }]\n"), std::string::npos) << list;
  expectNoDiagnostics(list);
}

TEST(AddMissingFields, MisspeltFieldIsNotAddedAgain) {
  std::string code = std::string(kSchemas) + "let d = Probe { pth = \"/\" }\n";
  TestWorkspace ws;
  ws.add("main.cairn", code);
  auto snap = ws.analyze();
  uint32_t m = TestWorkspace::module(*snap, "main.cairn");
  auto object = typedObjectAt(snap->ast(m), Span{snap->program.modules[m].file, static_cast<uint32_t>(code.find("Probe { pth")),
                                                 static_cast<uint32_t>(code.find("Probe { pth"))});
  ASSERT_TRUE(object.has_value());
  auto edit = addMissingFields(*snap, m, *object);
  ASSERT_TRUE(edit.has_value());
  EXPECT_EQ(edit->replacement, ", port = 1") << "`pth` stands for `path`";
}

TEST(AddMissingFields, OfferedAsARewriteOnTheTypeNameWithoutDiagnostic) {
  Annotated a(std::string(kSchemas) + "let e = [[Pro]]be {\n  path = \"/\"\n}\nlet f = Probe { path = \"/\", port = 1 }\n");
  TestWorkspace ws;
  ws.add("main.cairn", a.code);
  auto snap = ws.analyze();
  uint32_t m = TestWorkspace::module(*snap, "main.cairn");
  FileId file = snap->program.modules[m].file;
  auto actions = codeActions(*snap, m, Span{file, a.range().first, a.range().second}, {});
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].kind, ActionKind::RefactorRewrite);
  EXPECT_TRUE(actions[0].diagnostics.empty());
  std::string fixed = test::applyEdits(a.code, actions[0].edits);
  EXPECT_NE(fixed.find("let e = Probe {\n  path = \"/\"\n  port = 1\n}\n"), std::string::npos) << fixed;
  uint32_t complete = static_cast<uint32_t>(a.code.find("Probe { path"));
  EXPECT_TRUE(codeActions(*snap, m, Span{file, complete, complete}, {}).empty()) << "nothing is missing there";
}

TEST(AddMissingFields, PlaceholdersTypeCheck) {
  TestWorkspace ws;
  ws.add("main.cairn", std::string(kSchemas) + "let x = 1\n");
  auto snap = ws.analyze();
  types::TypeStore &store = const_cast<types::TypeStore &>(snap->checked.types); // interning only
  EXPECT_EQ(placeholderValue(*snap, store.refinedInt({true, true, -5, -1})), "-1");
  EXPECT_EQ(placeholderValue(*snap, store.refinedInt({true, false, 3, 0})), "3");
  EXPECT_EQ(placeholderValue(*snap, store.refinedString({}, "[0-9]+")), "\"0\"");
  EXPECT_EQ(placeholderValue(*snap, store.optional(store.boolean())), "false");
  EXPECT_EQ(placeholderValue(*snap, types::TypeId{}), "null");
}

TEST(AddMissingFields, BrokenLiteralsOfferNothingAndDoNotCrash) {
  for (const char *tail : {"let g = Probe {\n", "let h = Probe { path = }\n", "let i = Nope { }\n", "let j = { = 1 }\n",
                           "let k: Probe = {\n  path = \"/\"\n"}) {
    std::string code = std::string(kSchemas) + tail;
    TestWorkspace ws;
    ws.add("main.cairn", code);
    auto snap = ws.analyze();
    uint32_t m = TestWorkspace::module(*snap, "main.cairn");
    auto diags = test::clientDiagnostics(*snap, m);
    FileId file = snap->program.modules[m].file;
    auto actions = codeActions(*snap, m, Span{file, 0, static_cast<uint32_t>(code.size())}, diags);
    for (const CodeAction &action : actions)
      for (const TextEdit &edit : action.edits)
        EXPECT_LE(edit.span.end, code.size()) << tail;
  }
}

} // namespace
} // namespace cairn::lsp
