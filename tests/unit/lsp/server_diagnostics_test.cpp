// Diagnostics as the editor gets them: pushed after edits with the document's
// version, pulled on request, with the codes and messages of `cairn check`
// and the findings of `cairn lint`.
#include <fstream>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "lsp/diagnostics.h"
#include "server_harness.h"

namespace cairn::lsp::test {
namespace {

using nlohmann::json;

const json kDiagnosticCapabilities = {
    {"textDocument", {{"publishDiagnostics", {{"relatedInformation", true}, {"codeDescriptionSupport", true}}}}}};

const json *findCode(const json &diagnostics, const std::string &code) {
  for (const json &d : diagnostics)
    if (d["code"] == code)
      return &d;
  return nullptr;
}

json range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

TEST(ServerDiagnostics, TypeErrorWithRelatedInformationAndDocsLink) {
  TempDir dir;
  ServerHarness server;
  server.initialize(kDiagnosticCapabilities, dir.root().string());
  std::string uri = dir.uri("main.cairn");
  server.open(uri, "let port: int = \"eighty\"\n", 3);
  json published = server.diagnostics(uri, 3);
  ASSERT_EQ(published["diagnostics"].size(), 1u) << published.dump();
  const json &d = published["diagnostics"][0];
  EXPECT_EQ(d["code"], "E0302");
  EXPECT_EQ(d["source"], "cairn");
  EXPECT_EQ(d["severity"], 1);
  EXPECT_EQ(d["message"], "expected `int`, found `string`");
  EXPECT_EQ(d["range"], range(0, 16, 0, 24));
  EXPECT_EQ(d["codeDescription"]["href"],
            "https://github.com/cairn-lang/cairn/blob/main/docs/diagnostics.md#e0302-type-mismatch");
  ASSERT_EQ(d["relatedInformation"].size(), 1u);
  EXPECT_EQ(d["relatedInformation"][0]["message"], "expected because of this declared type");
  EXPECT_EQ(d["relatedInformation"][0]["location"]["uri"], uri);
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerDiagnostics, IncrementalEditsWithEmojiPositionsAndVersions) {
  TempDir dir;
  ServerHarness server;
  server.initialize({}, dir.root().string());
  std::string uri = dir.uri("main.cairn");
  server.open(uri, "let face = \"😀😀\"\nlet n: int = 1\n", 1);
  EXPECT_TRUE(server.diagnostics(uri, 1)["diagnostics"].empty());
  // Replace the second emoji (UTF-16 columns 13..15) with text, then break line 2.
  server.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}},
                 {"contentChanges", json::array({{{"range", range(0, 13, 0, 15)}, {"text", "x"}},
                                                 {{"range", range(1, 13, 1, 14)}, {"text", "face"}}})}});
  json published = server.diagnostics(uri, 2);
  ASSERT_EQ(published["diagnostics"].size(), 1u) << published.dump();
  EXPECT_EQ(published["diagnostics"][0]["code"], "E0302");
  EXPECT_EQ(published["diagnostics"][0]["range"], range(1, 13, 1, 17));
  // The formatter sees the edited text: `let face = "😀x"` is already canonical.
  json edits = server.request("textDocument/formatting", {{"textDocument", {{"uri", uri}}}, {"options", json::object()}});
  EXPECT_TRUE(edits["result"].is_array());
  EXPECT_TRUE(edits["result"].empty()) << edits.dump();
  // A full replacement fixes it.
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 3}}},
                                           {"contentChanges", json::array({{{"text", "let n = 1\n"}}})}});
  EXPECT_TRUE(server.diagnostics(uri, 3)["diagnostics"].empty());
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerDiagnostics, ParseErrorAfterAnEditAndClearedOnClose) {
  TempDir dir;
  ServerHarness server;
  server.initialize({}, dir.root().string());
  std::string uri = dir.uri("main.cairn");
  server.open(uri, "let a = 1\n", 1);
  EXPECT_TRUE(server.diagnostics(uri, 1)["diagnostics"].empty());
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                           {"contentChanges", json::array({{{"range", range(0, 8, 0, 9)}, {"text", "("}}})}});
  json published = server.diagnostics(uri, 2);
  ASSERT_FALSE(published["diagnostics"].empty());
  EXPECT_EQ(published["diagnostics"][0]["code"].get<std::string>().substr(0, 3), "E01");
  server.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  json cleared = server.diagnostics(uri);
  EXPECT_TRUE(cleared["diagnostics"].empty());
  EXPECT_FALSE(cleared.contains("version"));
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

const char *kDeployment = R"(import "k8s/apps/v1" as apps

emit apps.Deployment {
  metadata { name = "web" }
  spec {
    selector.matchLabels = { app = "web" }
    template {
      metadata.labels = { app = "web" }
      spec.containers = [{ name = "web", image = "nginx:latest" }]
    }
  }
}
)";

TEST(ServerDiagnostics, PolicyFindingsOfTheDefaultPack) {
  TempDir dir;
  ServerHarness server;
  server.initialize(kDiagnosticCapabilities, dir.root().string());
  std::string uri = dir.uri("deploy.cairn");
  server.open(uri, kDeployment, 1);
  json published = server.diagnostics(uri, 1);
  const json *latest = findCode(published["diagnostics"], "latest-tag");
  ASSERT_TRUE(latest) << published.dump(2);
  EXPECT_EQ((*latest)["source"], "cairn lint");
  EXPECT_EQ((*latest)["severity"], 2);
  EXPECT_EQ((*latest)["range"], range(8, 49, 8, 63));
  EXPECT_NE((*latest)["message"].get<std::string>().find("nginx:latest"), std::string::npos);
  EXPECT_EQ((*latest)["codeDescription"]["href"],
            "https://github.com/cairn-lang/cairn/blob/main/docs/policies.md#latest-tag");
  // The project's cairn.yaml turns the check off, as for `cairn lint`.
  dir.write("cairn.yaml", "lint:\n  checks:\n    exclude: [latest-tag]\n");
  server.notify("workspace/didChangeWatchedFiles",
                {{"changes", json::array({{{"uri", dir.uri("cairn.yaml")}, {"type", 1}}})}});
  json again = server.diagnostics(uri, 1);
  EXPECT_FALSE(findCode(again["diagnostics"], "latest-tag")) << again.dump(2);
  EXPECT_TRUE(findCode(again["diagnostics"], "no-liveness-probe"));
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerDiagnostics, EvaluationErrorsOnlyWhenEveryParamHasADefault) {
  TempDir dir;
  ServerHarness server;
  server.initialize({}, dir.root().string());
  std::string failing = dir.uri("failing.cairn");
  server.open(failing, "let xs = [1, 2]\nemit { kind = \"ConfigMap\", n = xs[5] }\n", 1);
  json published = server.diagnostics(failing, 1);
  ASSERT_EQ(published["diagnostics"].size(), 1u) << published.dump(2);
  EXPECT_EQ(published["diagnostics"][0]["code"].get<std::string>().substr(0, 3), "E05");
  std::string required = dir.uri("required.cairn");
  server.open(required, "param n: int\nlet xs = [1, 2]\nemit { kind = \"ConfigMap\", n = xs[n] }\n", 1);
  EXPECT_TRUE(server.diagnostics(required, 1)["diagnostics"].empty());
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerDiagnostics, PullReportsWithResultIds) {
  TempDir dir;
  ServerHarness server;
  json init = server.initialize({{"textDocument", {{"diagnostic", json::object()}}}}, dir.root().string());
  EXPECT_EQ(init["result"]["capabilities"]["diagnosticProvider"]["interFileDependencies"], true);
  std::string uri = dir.uri("main.cairn");
  server.open(uri, "let x: string = 1\n", 1);
  json first = server.request("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}})["result"];
  EXPECT_EQ(first["kind"], "full");
  ASSERT_EQ(first["items"].size(), 1u);
  EXPECT_EQ(first["items"][0]["code"], "E0302");
  json second = server.request("textDocument/diagnostic",
                               {{"textDocument", {{"uri", uri}}}, {"previousResultId", first["resultId"]}})["result"];
  EXPECT_EQ(second["kind"], "unchanged");
  EXPECT_EQ(second["resultId"], first["resultId"]);
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                           {"contentChanges", json::array({{{"text", "let x: string = \"1\"\n"}}})}});
  json third = server.request("textDocument/diagnostic",
                              {{"textDocument", {{"uri", uri}}}, {"previousResultId", first["resultId"]}})["result"];
  EXPECT_EQ(third["kind"], "full");
  EXPECT_TRUE(third["items"].empty());
  json workspace = server.request("workspace/diagnostic", {{"previousResultIds", json::array()}})["result"];
  ASSERT_EQ(workspace["items"].size(), 1u);
  EXPECT_EQ(workspace["items"][0]["uri"], uri);
  EXPECT_EQ(workspace["items"][0]["version"], 2);
  // A pulling client gets no pushed diagnostics (they would show twice).
  EXPECT_EQ(server.sink().count([](const json &m) {
    return m.value("method", "") == "textDocument/publishDiagnostics";
  }), 0u);
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerDiagnostics, ChangedImportedModuleOnDiskRepublishes) {
  TempDir dir;
  dir.write("lib.cairn", "let port = 80\n");
  ServerHarness server;
  server.initialize({}, dir.root().string());
  std::string uri = dir.uri("main.cairn");
  server.open(uri, "import \"./lib.cairn\" as lib\nlet p: int = lib.port\n", 1);
  EXPECT_TRUE(server.diagnostics(uri, 1)["diagnostics"].empty());
  dir.write("lib.cairn", "let port = \"80\"\n");
  server.notify("workspace/didChangeWatchedFiles",
                {{"changes", json::array({{{"uri", dir.uri("lib.cairn")}, {"type", 2}}})}});
  json published = server.diagnostics(uri, 1);
  ASSERT_EQ(published["diagnostics"].size(), 1u) << published.dump(2);
  EXPECT_EQ(published["diagnostics"][0]["code"], "E0302");
  std::filesystem::remove(dir.path("lib.cairn"));
  server.notify("workspace/didChangeWatchedFiles",
                {{"changes", json::array({{{"uri", dir.uri("lib.cairn")}, {"type", 3}}})}});
  json missing = server.diagnostics(uri, 1);
  ASSERT_FALSE(missing["diagnostics"].empty());
  EXPECT_EQ(missing["diagnostics"][0]["code"], "E0201");
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerDiagnostics, UnsavedImportedBufferWinsOverTheDisk) {
  TempDir dir;
  dir.write("lib.cairn", "let port = 80\n");
  ServerHarness server;
  server.initialize({}, dir.root().string());
  std::string main = dir.uri("main.cairn"), lib = dir.uri("lib.cairn");
  server.open(main, "import \"./lib.cairn\" as lib\nlet p: int = lib.port\n", 1);
  EXPECT_TRUE(server.diagnostics(main, 1)["diagnostics"].empty());
  server.open(lib, "let port = true\n", 1);
  json published = server.diagnostics(main, 1);
  ASSERT_EQ(published["diagnostics"].size(), 1u) << published.dump(2);
  EXPECT_EQ(published["diagnostics"][0]["code"], "E0302");
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerDiagnostics, UnusedLetIsTaggedUnnecessary) {
  Snapshot snapshot;
  FileId file = snapshot.program.sources.add("/w/a.cairn", "let x = 1\n");
  Diagnostic d{DiagKind::UnusedLet, Severity::Warning, Span{file, 4, 5}, "`x` is never used", {}, {}, {}, {}};
  d.fix("remove it", Span{file, 0, 10}, "");
  json out = diagnosticJson(snapshot, d, ClientCapabilities{});
  EXPECT_EQ(out["tags"], json::array({1}));
  EXPECT_EQ(out["severity"], 2);
  EXPECT_FALSE(out.contains("codeDescription")); // the client did not say it supports it
  ASSERT_EQ(out["data"]["fixes"].size(), 1u);
  EXPECT_EQ(out["data"]["fixes"][0]["title"], "remove it");
  EXPECT_EQ(out["data"]["fixes"][0]["edits"][0]["range"], range(0, 0, 1, 0));
}

// The anchor table of diagnostics_docs.cpp against the headings of the document.
TEST(ServerDiagnostics, DocsAnchorsMatchDiagnosticsMd) {
  std::ifstream doc(std::string(CAIRN_SOURCE_DIR) + "/docs/diagnostics.md");
  ASSERT_TRUE(doc);
  std::regex heading(R"(^## ([EW]\d{4}): (.*)$)");
  std::string line;
  bool fence = false;
  size_t checked = 0;
  while (std::getline(doc, line)) {
    if (line.rfind("```", 0) == 0)
      fence = !fence;
    std::smatch match;
    if (fence || !std::regex_match(line, match, heading))
      continue;
    std::string anchor;
    for (char c : match[1].str() + ": " + match[2].str()) {
      char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (std::isalnum(static_cast<unsigned char>(lower)) || lower == '-' || lower == '_')
        anchor += lower;
      else if (lower == ' ')
        anchor += '-';
    }
    EXPECT_EQ(diagnosticDocsAnchor(match[1].str()).value_or("(missing)"), anchor) << line;
    ++checked;
  }
  EXPECT_GT(checked, 100u);
}

} // namespace
} // namespace cairn::lsp::test
