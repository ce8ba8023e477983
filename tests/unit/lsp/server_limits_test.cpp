// The server under load: a document too large to analyse, a storm of edits
// mixed with requests and cancellations, source nested very deep. It keeps
// answering, and what it publishes last is about the text as it is last.
#include <gtest/gtest.h>

#include "lsp/documents.h"
#include "server_harness.h"

namespace cairn::lsp::test {
namespace {

using nlohmann::json;

json position(int line, int character) { return {{"line", line}, {"character", character}}; }

json at(const std::string &uri, int line, int character) {
  return {{"textDocument", {{"uri", uri}}}, {"position", position(line, character)}};
}

std::string notification(const std::string &method, const json &params) {
  return frame(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump());
}

std::string request(int id, const std::string &method, const json &params) {
  return frame(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
}

TEST(ServerLimits, ADocumentTooLargeToAnalyseSaysSoAndOthersKeepWorking) {
  TempDir dir;
  ServerHarness server;
  server.initialize({}, dir.root().string());
  std::string small = dir.uri("small.cairn"), large = dir.uri("large.cairn");
  server.open(small, "let a = 1\nlet b = a\n");
  std::string text;
  while (text.size() <= kMaxAnalysedDocumentBytes)
    text += "let value = \"0123456789012345678901234567890123456789\"\n";
  server.open(large, text);
  json published = server.diagnostics(large, 1);
  ASSERT_EQ(published["diagnostics"].size(), 1u);
  const json &tooLarge = published["diagnostics"][0];
  EXPECT_EQ(tooLarge["range"]["start"], position(0, 0));
  std::string message = tooLarge["message"];
  EXPECT_NE(message.find("too large to analyse"), std::string::npos) << message;
  EXPECT_NE(message.find("the limit is 4.0 MiB"), std::string::npos) << message;
  // Requests on it answer empty; the pull gives the same one diagnostic.
  for (const char *method : {"textDocument/hover", "textDocument/completion", "textDocument/definition",
                             "textDocument/documentSymbol", "textDocument/semanticTokens/full",
                             "textDocument/formatting", "textDocument/foldingRange"})
    EXPECT_TRUE(server.request(method, at(large, 0, 5))["result"].is_null()) << method;
  json pulled = server.request("textDocument/diagnostic", {{"textDocument", {{"uri", large}}}});
  ASSERT_EQ(pulled["result"]["items"].size(), 1u) << pulled.dump();
  EXPECT_EQ(pulled["result"]["items"][0]["message"], message);
  // The other document is analysed as before.
  EXPECT_FALSE(server.request("textDocument/hover", at(small, 1, 8))["result"].is_null());
  // Edits still apply to the large text: cut down to one line with an error,
  // it is analysed again.
  server.notify("textDocument/didChange",
                {{"textDocument", {{"uri", large}, {"version", 2}}},
                 {"contentChanges", json::array({{{"range", {{"start", position(0, 0)}, {"end", position(1 << 30, 0)}}},
                                                  {"text", "let n: int = \"x\"\n"}}})}});
  json analysed = server.diagnostics(large, 2);
  ASSERT_EQ(analysed["diagnostics"].size(), 1u) << analysed.dump();
  EXPECT_NE(analysed["diagnostics"][0]["code"], nullptr);
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

// Thousands of edits in one burst, with requests after some and a request
// cancelled right after it was sent: the requests are answered (the
// cancelled ones with RequestCancelled), and the last diagnostics published
// are those of the final text with the final version.
TEST(ServerLimits, AnEditStormEndsWithTheDiagnosticsOfTheFinalText) {
  TempDir dir;
  ServerHarness server;
  server.initialize({}, dir.root().string());
  std::string uri = dir.uri("main.cairn");
  // Long enough that analysing it takes the worker far longer than reading
  // a message takes the reader.
  std::string filler;
  for (int i = 0; i < 2000; ++i)
    filler += "let f" + std::to_string(i) + " = {name = \"n\", port = " + std::to_string(i) + "}\n";
  server.open(uri, "let a = 1\nlet b = q0\n" + filler);
  constexpr int kEdits = 3000;
  std::string burst;
  std::vector<int> answered, cancelled;
  for (int i = 1; i <= kEdits; ++i) {
    // Replace the end of line 1 (the end position is past the line's end).
    json edit = {{"range", {{"start", position(1, 8)}, {"end", position(1, 1000)}}}, {"text", "q" + std::to_string(i)}};
    burst += notification("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", i + 1}}},
                                                     {"contentChanges", json::array({edit})}});
    if (i % 300 == 0) {
      int id = 10000 + i;
      // A fresh analysis of the edited text keeps the worker busy while the
      // reader reads the next request and its cancellation.
      burst += request(id, "textDocument/hover", at(uri, 1, 4));
      answered.push_back(id);
      json references = at(uri, 1, 4);
      references["context"] = {{"includeDeclaration", true}};
      burst += request(id + 1, "textDocument/references", references);
      burst += notification("$/cancelRequest", {{"id", id + 1}});
      cancelled.push_back(id + 1);
    }
  }
  server.writeRaw(burst);
  for (int id : answered)
    EXPECT_TRUE(server.response(id).contains("result")) << id;
  for (int id : cancelled)
    EXPECT_EQ(server.response(id)["error"]["code"], kRequestCancelled) << id;
  // Read the publications in order up to the final version's.
  json last;
  do
    last = server.diagnostics(uri);
  while (!last.is_null() && last["version"] != kEdits + 1);
  ASSERT_EQ(last["version"], kEdits + 1);
  ASSERT_EQ(last["diagnostics"].size(), 1u) << last.dump();
  std::string message = last["diagnostics"][0]["message"];
  EXPECT_NE(message.find("q" + std::to_string(kEdits)), std::string::npos) << message;
  // Nothing older is published after it.
  server.request("shutdown");
  EXPECT_EQ(server.sink().count([&](const json &m) {
    return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
  }), 0u);
  server.notify("exit");
  EXPECT_EQ(server.exitCode(), 0);
}

// Source nested far deeper than anyone writes, deeper than a default 8 MiB
// thread stack survives (the parser may refuse it with a diagnostic): the
// features answer, on threads with a stack for it. (Formatting is left out:
// its answer for such nesting grows with the square of the depth.)
TEST(ServerLimits, DeeplyNestedSourceGetsAnswersNotACrash) {
  TempDir dir;
  ServerHarness server;
  server.initialize({}, dir.root().string());
  constexpr int kDepth = 20000;
  std::string uri = dir.uri("deep.cairn");
  server.open(uri, "let a = " + std::string(kDepth, '[') + std::string(kDepth, ']') + "\nlet b = " +
                       std::string(kDepth, '(') + "1" + std::string(kDepth, ')') + "\n");
  server.diagnostics(uri, 1);
  for (const char *method : {"textDocument/hover", "textDocument/completion", "textDocument/documentSymbol",
                             "textDocument/semanticTokens/full", "textDocument/foldingRange",
                             "textDocument/inlayHint", "textDocument/definition", "textDocument/signatureHelp"}) {
    json params = at(uri, 1, 8 + kDepth / 2);
    params["range"] = {{"start", position(0, 0)}, {"end", position(2, 0)}};
    EXPECT_TRUE(server.request(method, params).contains("result")) << method;
  }
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

} // namespace
} // namespace cairn::lsp::test
