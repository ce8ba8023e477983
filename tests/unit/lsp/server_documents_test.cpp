// Open documents (edits in UTF-16 coordinates) and workspace folders.
#include <gtest/gtest.h>

#include "lsp/documents.h"
#include "lsp/protocol.h"
#include "lsp/workspace.h"
#include "server_harness.h"

namespace cairn::lsp::test {
namespace {

using nlohmann::json;

json change(int l1, int c1, int l2, int c2, const std::string &text) {
  return {{"range", {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}}},
          {"text", text}};
}

TEST(ServerDocuments, IncrementalEditsCountUtf16CodeUnits) {
  std::string text = "a😀b\nsecond";
  applyContentChange(text, change(0, 3, 0, 4, "B")); // after the emoji's two code units
  EXPECT_EQ(text, "a😀B\nsecond");
  applyContentChange(text, change(0, 1, 0, 3, ""));
  EXPECT_EQ(text, "aB\nsecond");
  applyContentChange(text, change(0, 2, 1, 3, "-")); // across the line break
  EXPECT_EQ(text, "aB-ond");
  applyContentChange(text, change(5, 0, 9, 9, "!")); // past the end: clamped to the end
  EXPECT_EQ(text, "aB-ond!");
  applyContentChange(text, json{{"text", "new"}});
  EXPECT_EQ(text, "new");
}

TEST(ServerDocuments, MalformedChangesLeaveTheDocumentAlone) {
  DocumentStore store;
  store.open("file:///w/a.cairn", "/w/a.cairn", "cairn", 1, "let a = 1");
  EXPECT_THROW(store.change("/w/a.cairn", 2, json::array({change(0, 0, 0, 0, "x"), {{"range", 1}}})),
               ProtocolError);
  EXPECT_EQ(store.find("/w/a.cairn")->text, "let a = 1");
  EXPECT_EQ(store.find("/w/a.cairn")->version, 1);
  EXPECT_THROW(store.change("/w/a.cairn", 2, json::object()), ProtocolError);
  EXPECT_TRUE(store.change("/w/a.cairn", 2, json::array({change(0, 8, 0, 9, "2")})));
  EXPECT_EQ(store.find("/w/a.cairn")->text, "let a = 2");
  EXPECT_EQ(store.find("/w/a.cairn")->version, 2);
  EXPECT_FALSE(store.change("/w/other.cairn", 1, json::array()));
  EXPECT_TRUE(store.close("/w/a.cairn"));
  EXPECT_EQ(store.find("/w/a.cairn"), nullptr);
}

TEST(ServerDocuments, WorkspaceFoldersFromInitializeAndChanges) {
  WorkspaceFolders folders;
  folders.initialize({{"rootUri", "file:///nowhere/root"},
                      {"workspaceFolders", json::array({{{"uri", "file:///nowhere/a"}, {"name", "a"}},
                                                        {{"uri", "file:///nowhere/b"}, {"name", "b"}}})}});
  EXPECT_EQ(folders.paths(), (std::vector<std::string>{"/nowhere/a", "/nowhere/b"}));
  folders.change({{"added", json::array({{{"uri", "file:///nowhere/c"}}})},
                  {"removed", json::array({{{"uri", "file:///nowhere/a"}}})}});
  EXPECT_EQ(folders.paths(), (std::vector<std::string>{"/nowhere/b", "/nowhere/c"}));
  WorkspaceFolders fromRoot;
  fromRoot.initialize({{"workspaceFolders", nullptr}, {"rootUri", nullptr}, {"rootPath", "/nowhere/old"}});
  EXPECT_EQ(fromRoot.primary(), "/nowhere/old");
}

TEST(ServerDocuments, WorkspaceFilesSkipHiddenAndBuildDirectories) {
  TempDir dir;
  dir.write("main.cairn", "");
  dir.write("lib/util.cairn", "");
  dir.write("lib/notes.txt", "");
  dir.write(".git/hooks/x.cairn", "");
  dir.write("build-debug/gen.cairn", "");
  dir.write("node_modules/m/y.cairn", "");
  std::vector<std::string> files = workspaceCairnFiles({dir.root().string()});
  EXPECT_EQ(files, (std::vector<std::string>{dir.path("lib/util.cairn"), dir.path("main.cairn")}));
  EXPECT_EQ(workspaceCairnFiles({dir.root().string()}, 1).size(), 1u);
}

} // namespace
} // namespace cairn::lsp::test
