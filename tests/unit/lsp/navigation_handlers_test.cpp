// The JSON side of navigation: params in, LSP results out, errors as ProtocolError.
#include "lsp/handlers_navigation.h"

#include <functional>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "lsp/positions.h"
#include "navigation_test_util.h"

namespace cairn::lsp {
namespace {

using test::Annotated;
using test::TestWorkspace;

struct Fixture {
  explicit Fixture(const std::string &marked, const std::string &libText = "fn helper(x: int): int = x\n")
      : source(marked) {
    TestWorkspace ws;
    ws.add("main.cairn", source.code).add("lib.cairn", libText);
    snapshot = ws.analyze();
    module = TestWorkspace::module(*snapshot, "main.cairn");
  }
  FeatureContext ctx() const { return FeatureContext{*snapshot, module, caps}; }
  json position(uint32_t offset) const { return toJson(LineIndex(source.code).positionOf(offset)); }
  json at(const std::string &point = "") const {
    return {{"textDocument", {{"uri", pathToUri(TestWorkspace::path("main.cairn"))}}},
            {"position", position(source.point(point))}};
  }
  json rangeOf(const std::string &name) const {
    auto [b, e] = source.range(name);
    LineIndex index(source.code);
    return toJson(index.rangeOf(b, e));
  }
  Annotated source;
  ClientCapabilities caps;
  std::shared_ptr<const Snapshot> snapshot;
  uint32_t module = 0;
};

int errorCode(const std::function<void()> &f) {
  try {
    f();
  } catch (const ProtocolError &e) {
    return e.code;
  }
  return 0;
}

const std::string kMainUri = pathToUri(TestWorkspace::path("main.cairn"));
const std::string kLibUri = pathToUri(TestWorkspace::path("lib.cairn"));

TEST(NavigationHandlers, DefinitionAsLocationsAndLinks) {
  Fixture f("import \"./lib.cairn\" as lib\nlet $def[[n]] = 1\nlet s = \"😀\" + toString($origin[[^n]])\n"
            "let h = lib.helper(2)\n");
  json result = handleDefinition(f.ctx(), f.at());
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(result[0]["uri"], kMainUri);
  EXPECT_EQ(result[0]["range"], f.rangeOf("def"));
  EXPECT_EQ(handleDeclaration(f.ctx(), f.at()), result);

  auto links = definitionResponse(*f.snapshot, findDefinition(*f.snapshot, f.module, f.source.point()), true);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0]["targetUri"], kMainUri);
  EXPECT_EQ(links[0]["originSelectionRange"], f.rangeOf("origin")) << "in UTF-16 units, after the emoji";
  EXPECT_EQ(links[0]["targetSelectionRange"], f.rangeOf("def"));
  EXPECT_EQ(links[0]["targetRange"]["start"], (json{{"line", 1}, {"character", 0}})) << "the whole `let`";
}

TEST(NavigationHandlers, DefinitionInTheStandardLibraryHasAFileUri) {
  Fixture f("import \"k8s/apps/v1\" as apps\nlet d: apps.Deploy^ment? = null\n");
  json result = handleDefinition(f.ctx(), f.at());
  ASSERT_EQ(result.size(), 1u);
  std::string uri = result[0]["uri"];
  EXPECT_EQ(uri.rfind("file:///", 0), 0u) << uri;
  EXPECT_NE(uri.find("k8s/apps/v1.cairn"), std::string::npos) << uri;
}

TEST(NavigationHandlers, BadParamsAreInvalidParams) {
  Fixture f("let a = 1\n");
  EXPECT_EQ(errorCode([&] { handleDefinition(f.ctx(), json::object()); }), kInvalidParams);
  EXPECT_EQ(errorCode([&] { handleReferences(f.ctx(), {{"position", "nowhere"}}); }), kInvalidParams);
  EXPECT_EQ(errorCode([&] { handleRename(f.ctx(), {{"position", {{"line", 0}, {"character", 4}}}}); }),
            kInvalidParams);
  EXPECT_EQ(errorCode([&] { handleWorkspaceSymbol(f.ctx(), {{"query", 3}}); }), kInvalidParams);
  // Positions past the end are clamped, not errors.
  EXPECT_EQ(handleDefinition(f.ctx(), {{"position", {{"line", 99}, {"character", 99}}}}), json::array());
}

TEST(NavigationHandlers, ReferencesHonourIncludeDeclaration) {
  Fixture f("import \"./lib.cairn\" as lib\nlet a = lib.hel^per(1) + lib.helper(2)\n");
  json params = f.at();
  params["context"] = {{"includeDeclaration", false}};
  json without = handleReferences(f.ctx(), params);
  EXPECT_EQ(without.size(), 2u);
  for (const json &loc : without)
    EXPECT_EQ(loc["uri"], kMainUri);
  params["context"]["includeDeclaration"] = true;
  json with = handleReferences(f.ctx(), params);
  ASSERT_EQ(with.size(), 3u);
  EXPECT_EQ(with[0]["uri"], kLibUri) << "modules in order: lib is loaded before main imports it";
}

TEST(NavigationHandlers, DocumentHighlightKinds) {
  Fixture f("schema Box { $decl[[size]]: int }\nlet b = Box { $write[[size]] = 1 }\nlet s = b.$read[[si^ze]]\n");
  json result = handleDocumentHighlight(f.ctx(), f.at());
  ASSERT_EQ(result.size(), 3u);
  std::map<std::string, int> kinds;
  for (const json &h : result)
    kinds[h["range"].dump()] = h["kind"];
  EXPECT_EQ(kinds[f.rangeOf("decl").dump()], 3);
  EXPECT_EQ(kinds[f.rangeOf("write").dump()], 3);
  EXPECT_EQ(kinds[f.rangeOf("read").dump()], 2);
}

TEST(NavigationHandlers, PrepareRenameAndRename) {
  Fixture f("import \"./lib.cairn\" as lib\nlet a = lib.$name[[hel^per]](1)\n");
  json prepared = handlePrepareRename(f.ctx(), f.at());
  EXPECT_EQ(prepared["range"], f.rangeOf("name"));
  EXPECT_EQ(prepared["placeholder"], "helper");

  json params = f.at();
  params["newName"] = "assist";
  json edit = handleRename(f.ctx(), params);
  ASSERT_TRUE(edit.contains("changes"));
  ASSERT_EQ(edit["changes"].size(), 2u);
  EXPECT_EQ(edit["changes"][kMainUri].size(), 1u);
  EXPECT_EQ(edit["changes"][kMainUri][0]["newText"], "assist");
  EXPECT_EQ(edit["changes"][kMainUri][0]["range"], f.rangeOf("name"));
  ASSERT_EQ(edit["changes"][kLibUri].size(), 1u);
  EXPECT_EQ(edit["changes"][kLibUri][0]["range"]["start"], (json{{"line", 0}, {"character", 3}}));

  params["newName"] = "if";
  try {
    handleRename(f.ctx(), params);
    ADD_FAILURE() << "a keyword was accepted";
  } catch (const ProtocolError &e) {
    EXPECT_EQ(e.code, kInvalidParams);
    EXPECT_NE(std::string(e.what()).find("keyword"), std::string::npos) << e.what();
  }
}

TEST(NavigationHandlers, RefusedRenameIsARequestFailedWithAReason) {
  Fixture f("let n = le^n([1])\n");
  try {
    handlePrepareRename(f.ctx(), f.at());
    ADD_FAILURE() << "renaming a builtin was accepted";
  } catch (const ProtocolError &e) {
    EXPECT_EQ(e.code, kRequestFailed);
    EXPECT_NE(std::string(e.what()).find("`len` is a builtin"), std::string::npos) << e.what();
  }
}

TEST(NavigationHandlers, DocumentSymbolsHierarchicalOrFlat) {
  Fixture f("schema Box { size: int }\nlet b = Box { size = 1 }\n");
  json flat = handleDocumentSymbol(f.ctx(), json::object());
  ASSERT_EQ(flat.size(), 3u);
  EXPECT_EQ(flat[0]["name"], "Box");
  EXPECT_EQ(flat[0]["location"]["uri"], kMainUri);
  EXPECT_EQ(flat[1]["name"], "size");
  EXPECT_EQ(flat[1]["containerName"], "Box");
  EXPECT_EQ(flat[2]["name"], "b");

  f.caps.hierarchicalSymbols = true;
  json tree = handleDocumentSymbol(f.ctx(), json::object());
  ASSERT_EQ(tree.size(), 2u);
  EXPECT_EQ(tree[0]["kind"], 23);
  ASSERT_EQ(tree[0]["children"].size(), 1u);
  EXPECT_EQ(tree[0]["children"][0]["name"], "size");
  EXPECT_EQ(tree[0]["children"][0]["detail"], "int");
  EXPECT_TRUE(tree[0].contains("selectionRange"));
}

TEST(NavigationHandlers, WorkspaceSymbol) {
  Fixture f("let replicaCount = 3\n");
  json result = handleWorkspaceSymbol(f.ctx(), {{"query", "repcou"}});
  ASSERT_FALSE(result.empty());
  EXPECT_EQ(result[0]["name"], "replicaCount");
  EXPECT_EQ(result[0]["location"]["uri"], kMainUri);
  EXPECT_EQ(result[0]["containerName"], "main.cairn");
}

TEST(NavigationHandlers, MethodsAndCapabilities) {
  std::set<std::string> methods;
  for (const NavigationMethod &m : navigationMethods())
    methods.insert(m.method);
  EXPECT_EQ(methods.size(), 9u);
  EXPECT_TRUE(methods.count("textDocument/rename"));
  EXPECT_TRUE(methods.count("workspace/symbol"));
  json caps = navigationCapabilities();
  EXPECT_EQ(caps["renameProvider"]["prepareProvider"], true);
  EXPECT_EQ(caps["referencesProvider"], true);
  ClientCapabilities noPrepare;
  EXPECT_EQ(navigationCapabilities(noPrepare)["renameProvider"], true);
}

} // namespace
} // namespace cairn::lsp
