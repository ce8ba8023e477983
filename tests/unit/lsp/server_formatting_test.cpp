// textDocument/formatting and rangeFormatting through the server.
#include <gtest/gtest.h>

#include "lsp/positions.h"
#include "server_harness.h"

namespace cairn::lsp::test {
namespace {

using nlohmann::json;

// Applies TextEdits (non-overlapping, any order) to `text`.
std::string applyEdits(std::string text, const json &edits) {
  std::vector<std::tuple<uint32_t, uint32_t, std::string>> byOffset;
  LineIndex index(text);
  for (const json &edit : edits) {
    Position start{edit["range"]["start"]["line"], edit["range"]["start"]["character"]};
    Position end{edit["range"]["end"]["line"], edit["range"]["end"]["character"]};
    byOffset.emplace_back(index.offsetOf(start), index.offsetOf(end), edit["newText"].get<std::string>());
  }
  std::sort(byOffset.begin(), byOffset.end(), [](const auto &a, const auto &b) { return std::get<0>(a) > std::get<0>(b); });
  for (const auto &[begin, end, newText] : byOffset)
    text.replace(begin, end - begin, newText);
  return text;
}

TEST(ServerFormatting, WholeDocumentAndRange) {
  TempDir dir;
  ServerHarness server;
  server.initialize({}, dir.root().string());
  std::string uri = dir.uri("main.cairn");
  std::string text = "let   a=1\nlet b   =   \"😀\"\nlet   c=2\n";
  server.open(uri, text);
  json whole = server.request("textDocument/formatting",
                              {{"textDocument", {{"uri", uri}}}, {"options", {{"tabSize", 8}, {"insertSpaces", false}}}});
  ASSERT_TRUE(whole["result"].is_array()) << whole.dump();
  EXPECT_EQ(applyEdits(text, whole["result"]), "let a = 1\nlet b = \"😀\"\nlet c = 2\n");
  json range = server.request(
      "textDocument/rangeFormatting",
      {{"textDocument", {{"uri", uri}}},
       {"range", {{"start", {{"line", 1}, {"character", 0}}}, {"end", {{"line", 1}, {"character", 3}}}}},
       {"options", json::object()}});
  ASSERT_TRUE(range["result"].is_array()) << range.dump();
  EXPECT_EQ(applyEdits(text, range["result"]), "let   a=1\nlet b = \"😀\"\nlet   c=2\n");
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerFormatting, SyntaxErrorsGiveNullNotAnError) {
  TempDir dir;
  ServerHarness server;
  server.initialize({}, dir.root().string());
  std::string uri = dir.uri("main.cairn");
  server.open(uri, "let a = (\n");
  json whole = server.request("textDocument/formatting", {{"textDocument", {{"uri", uri}}}, {"options", json::object()}});
  EXPECT_FALSE(whole.contains("error"));
  EXPECT_TRUE(whole["result"].is_null());
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

} // namespace
} // namespace cairn::lsp::test
