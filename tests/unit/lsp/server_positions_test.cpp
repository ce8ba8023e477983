// Positions the editor should not send, on text the editor may well have:
// past the end, past 2^31 and 2^64, inside a surrogate pair, on documents
// with CRLF, lone CR, NUL bytes, tabs, an import of a file with invalid
// UTF-8. Every request answers with a result, clamped; didChange clamps too.
#include <gtest/gtest.h>

#include "lsp/dispatch.h"
#include "lsp/documents.h"
#include "lsp/protocol.h"
#include "server_harness.h"

namespace cairn::lsp::test {
namespace {

using nlohmann::json;
using namespace std::string_literals;

json position(json line, json character) { return {{"line", line}, {"character", character}}; }

// Positions no document here has, and a few inside characters.
std::vector<json> strangePositions() {
  return {position(0, 1000000),           position(1000000, 0),
          position(2147483648u, 2147483648u), position(4294967295u, 4294967295u),
          position(9007199254740993ll, 1), position(18446744073709551615ull, 18446744073709551615ull),
          position(0, 11),                position(1, 3),
          position(2, 0),                 position(0, 0)};
}

json paramsFor(const std::string &method, const json &doc, const json &at) {
  json params = {{"textDocument", doc}, {"position", at}, {"range", {{"start", position(0, 0)}, {"end", at}}}};
  if (method == "textDocument/selectionRange")
    params["positions"] = json::array({at, position(0, 0)});
  if (method == "textDocument/rename")
    params["newName"] = "renamed";
  if (method == "textDocument/references")
    params["context"] = {{"includeDeclaration", true}};
  if (method == "textDocument/codeAction")
    params["context"] = {{"diagnostics", json::array({{{"range", {{"start", at}, {"end", at}}}, {"message", "m"}}})}};
  if (method == "textDocument/formatting" || method == "textDocument/rangeFormatting")
    params["options"] = {{"tabSize", 2}, {"insertSpaces", true}};
  if (method == "workspace/symbol")
    params = {{"query", "a"}};
  return params;
}

// Documents an editor can hold (JSON carries NUL as \u0000; invalid UTF-8
// cannot travel in JSON, so it comes from a file on disk, imported).
std::vector<std::string> strangeDocuments() {
  return {
      "let s = \"😀😀\"\r\nlet t = s\r\nlet u = t\r\n",
      "let s = \"😀😀\"\rlet t = s\rlet u = t\r",
      "let s = \"a\0b\"\nlet t = s\0\n"s,
      "\tlet s =\t\"😀\" +\n\t\t\"é\"\nlet t = s\n",
      "import \"./bad.cairn\"\nlet t = bad.v\nlet u = t\n",
      "",
      "let s = [1,\n  {a = ",
  };
}

TEST(ServerPositions, StrangePositionsOnStrangeDocumentsGetClampedAnswers) {
  TempDir dir;
  dir.write("bad.cairn", "let v = \"\xff\xfe\xc3\" // \xed\xa0\x80\nlet w = v\n");
  ServerHarness server;
  server.initialize({{"textDocument", {{"codeAction", {{"codeActionLiteralSupport", json::object()}}}}}},
                    dir.root().string());
  std::vector<std::string> documents = strangeDocuments();
  for (size_t i = 0; i < documents.size(); ++i) {
    std::string uri = dir.uri("doc" + std::to_string(i) + ".cairn");
    server.open(uri, documents[i]);
    json doc = {{"uri", uri}};
    for (const FeatureEntry &feature : featureTable())
      for (const json &at : strangePositions()) {
        json response = server.request(feature.method, paramsFor(feature.method, doc, at));
        // Rename says why there is nothing to rename (RequestFailed, shown to the user).
        bool renaming = llvm::StringRef(feature.method).contains("ename");
        EXPECT_TRUE(response.contains("result") || (renaming && response["error"]["code"] == kRequestFailed))
            << feature.method << " at " << at.dump() << " in document " << i << ": " << response.dump();
      }
  }
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerPositions, RangesInAnswersStayInsideTheDocument) {
  TempDir dir;
  ServerHarness server;
  server.initialize({}, dir.root().string());
  std::string uri = dir.uri("main.cairn");
  server.open(uri, "let s = \"😀\"\r\nlet t = s\r\n");
  json doc = {{"uri", uri}};
  // Past the end of line 1: the end of that line, on `s`.
  json definition = server.request("textDocument/definition", paramsFor("textDocument/definition", doc, position(1, 500)));
  ASSERT_TRUE(definition["result"].is_array()) << definition.dump();
  ASSERT_EQ(definition["result"].size(), 1u) << definition.dump();
  EXPECT_EQ(definition["result"][0]["range"]["start"], position(0, 4));
  // Inside the emoji's surrogate pair: the emoji's start, no split pair in the answer.
  json selection = server.request("textDocument/selectionRange",
                                  {{"textDocument", doc}, {"positions", json::array({position(0, 10)})}});
  ASSERT_EQ(selection["result"].size(), 1u) << selection.dump();
  EXPECT_EQ(selection["result"][0]["range"]["start"]["line"], 0);
  for (const json &edge : {selection["result"][0]["range"]["start"], selection["result"][0]["range"]["end"]})
    EXPECT_NE(edge["character"], 10) << "a position between the two halves of 😀";
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

json change(json start, json end, const std::string &text) {
  return {{"range", {{"start", start}, {"end", end}}}, {"text", text}};
}

TEST(ServerPositions, ContentChangesClampAndStayConsistentWithTheClient) {
  DocumentStore store;
  store.open("file:///w/a.cairn", "/w/a.cairn", "cairn", 1, "a😀b\r\ncd\re");
  auto text = [&] { return store.find("/w/a.cairn")->text; };
  // Inside the surrogate pair: from the emoji's start.
  store.change("/w/a.cairn", 2, json::array({change(position(0, 2), position(0, 3), "X")}));
  EXPECT_EQ(text(), "aXb\r\ncd\re");
  // Past the end of a CRLF line: the line's end, before the CR.
  store.change("/w/a.cairn", 3, json::array({change(position(0, 99), position(0, 99), "!")}));
  EXPECT_EQ(text(), "aXb!\r\ncd\re");
  // A lone CR ends a line.
  store.change("/w/a.cairn", 4, json::array({change(position(2, 0), position(2, 1), "E")}));
  EXPECT_EQ(text(), "aXb!\r\ncd\rE");
  // Past the end of the text, with 2^64-1: appended at the end.
  store.change("/w/a.cairn", 5,
               json::array({change(position(18446744073709551615ull, 0), position(4294967296ll, 7), "\nz")}));
  EXPECT_EQ(text(), "aXb!\r\ncd\rE\nz");
  // End before start: the range between them.
  store.change("/w/a.cairn", 6, json::array({change(position(1, 2), position(1, 0), "CD")}));
  EXPECT_EQ(text(), "aXb!\r\nCD\rE\nz");
  // A negative position is malformed: nothing of that notification applies.
  EXPECT_THROW(store.change("/w/a.cairn", 7,
                            json::array({change(position(0, 0), position(0, 0), "lost"),
                                         change(position(-1, 0), position(0, 0), "")})),
               ProtocolError);
  EXPECT_EQ(text(), "aXb!\r\nCD\rE\nz");
  EXPECT_EQ(store.find("/w/a.cairn")->version, 6);
}

TEST(ServerPositions, OffsetInTextAgreesWithTheLineIndex) {
  std::string text = "a😀\r\nb\rc\n\nd\xff\xc3\n";
  LineIndex index(text);
  for (uint32_t line = 0; line < 8; ++line)
    for (uint32_t character = 0; character < 6; ++character)
      EXPECT_EQ(offsetInText(text, {line, character}), index.offsetOf({line, character}))
          << line << ":" << character;
}

} // namespace
} // namespace cairn::lsp::test
