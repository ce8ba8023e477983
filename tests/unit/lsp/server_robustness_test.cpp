// Whatever an editor (or anything else) writes to the server, it answers
// with a result or a JSON-RPC error and keeps serving: malformed envelopes,
// odd ids, params of the wrong shape for every method.
#include <gtest/gtest.h>

#include "lsp/dispatch.h"
#include "server_harness.h"

namespace cairn::lsp::test {
namespace {

using nlohmann::json;

// Every request method the server answers once initialized.
std::vector<std::string> requestMethods() {
  std::vector<std::string> methods = {"textDocument/diagnostic", "workspace/diagnostic"};
  for (const FeatureEntry &feature : featureTable())
    methods.push_back(feature.method);
  return methods;
}

json errorWithNullId(ServerHarness &server) {
  return server.sink().take([](const json &m) { return m.contains("error") && m["id"].is_null(); });
}

TEST(ServerRobustness, EnvelopesThatAreNotJsonRpcRequestsAreInvalid) {
  ServerHarness server;
  server.initialize();
  server.writeRaw(frame(R"({"id": 1, "method": "shutdown"})")); // no jsonrpc
  EXPECT_EQ(server.response(1)["error"]["code"], kInvalidRequest);
  server.writeRaw(frame(R"({"jsonrpc": "1.0", "id": 2, "method": "shutdown"})"));
  EXPECT_EQ(server.response(2)["error"]["code"], kInvalidRequest);
  server.writeRaw(frame(R"([{"jsonrpc": "2.0", "id": 3, "method": "shutdown"}])"));
  json batch = errorWithNullId(server);
  EXPECT_EQ(batch["error"]["code"], kInvalidRequest);
  EXPECT_NE(batch["error"]["message"].get<std::string>().find("batch"), std::string::npos);
  server.writeRaw(frame(R"("just a string")"));
  EXPECT_EQ(errorWithNullId(server)["error"]["code"], kInvalidRequest);
  server.writeRaw(frame(R"({"jsonrpc": "2.0", "id": 4, "method": 12})"));
  EXPECT_EQ(server.response(4)["error"]["code"], kInvalidRequest);
  // None of them was a shutdown: the server still runs.
  EXPECT_TRUE(server.request("workspace/symbol", {{"query", ""}}).contains("result"));
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerRobustness, OddIdsAreAnsweredWithoutEchoingStructures) {
  ServerHarness server;
  server.initialize();
  server.writeRaw(frame(R"({"jsonrpc": "2.0", "id": 1.5, "method": "shutdown"})"));
  json fractional = server.sink().take([](const json &m) { return m.contains("error") && m["id"] == 1.5; });
  EXPECT_EQ(fractional["error"]["code"], kInvalidRequest);
  for (const char *id : {"true", "null", "[1]", "{\"a\": 1}"}) {
    server.writeRaw(frame(std::string(R"({"jsonrpc": "2.0", "method": "shutdown", "id": )") + id + "}"));
    EXPECT_EQ(errorWithNullId(server)["error"]["code"], kInvalidRequest) << id;
  }
  // Negative, huge and string ids are ids like any other.
  server.writeRaw(frame(R"({"jsonrpc": "2.0", "id": -7, "method": "workspace/symbol", "params": {"query": ""}})"));
  EXPECT_TRUE(server.response(-7).contains("result"));
  server.writeRaw(frame(R"({"jsonrpc": "2.0", "id": "", "method": "workspace/symbol", "params": {"query": ""}})"));
  EXPECT_TRUE(server.sink().take([](const json &m) { return m.contains("id") && m["id"] == ""; }).contains("result"));
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerRobustness, BadHeadersAndDeepJsonAreParseErrorsAndTheNextMessageIsServed) {
  ServerHarness server;
  server.initialize();
  server.writeRaw("Content-Length: -3\r\n\r\n");
  EXPECT_EQ(errorWithNullId(server)["error"]["code"], kParseError);
  server.writeRaw("Content-Length: 99999999999999999999\r\n\r\n");
  EXPECT_EQ(errorWithNullId(server)["error"]["code"], kParseError);
  server.writeRaw(frame(std::string(R"({"jsonrpc": "2.0", "id": 5, "method": "hover", "params": )") +
                        std::string(50000, '[') + std::string(50000, ']') + "}"));
  EXPECT_EQ(errorWithNullId(server)["error"]["code"], kParseError);
  // A request glued to the end of garbage is still found and answered.
  server.writeRaw("garbage without a newline" +
                  frame(R"({"jsonrpc": "2.0", "id": 6, "method": "workspace/symbol", "params": {"query": ""}})"));
  EXPECT_TRUE(server.response(6).contains("result"));
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerRobustness, CancellingWithOddIdsIsHarmless) {
  ServerHarness server;
  server.initialize();
  for (const json &params : {json(nullptr), json::array(), json("x"), json{{"id", json::array({1})}},
                             json{{"id", nullptr}}, json{{"id", 1.5}}, json::object()})
    server.notify("$/cancelRequest", params);
  server.writeRaw(frame(R"({"jsonrpc": "2.0", "method": "$/cancelRequest"})"));
  EXPECT_TRUE(server.request("workspace/symbol", {{"query", ""}}).contains("result"));
  EXPECT_EQ(server.sink().count([](const json &m) { return m.contains("error"); }), 0u);
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

// Params of every wrong shape for every method: an answer, never an internal
// error, and the server serves the next request.
TEST(ServerRobustness, ParamsOfTheWrongShapeAreInvalidParamsForEveryMethod) {
  TempDir dir;
  ServerHarness server;
  server.initialize({}, dir.root().string());
  std::string uri = dir.uri("main.cairn");
  server.open(uri, "let a = 1\nlet b = a + 1\n");
  json doc = {{"uri", uri}};
  json bad = {{"line", -1}, {"character", "x"}};
  std::vector<json> shapes = {
      nullptr, json::array(), "text", 42, json::object(), {{"textDocument", 5}},
      {{"textDocument", {{"uri", 5}}}}, {{"textDocument", {{"uri", "untitled:1"}}}},
      {{"textDocument", {{"uri", dir.uri("missing.cairn")}}}, {"position", {{"line", 0}, {"character", 0}}}},
      {{"textDocument", doc}},
      {{"textDocument", doc}, {"position", "x"}, {"range", 5}, {"positions", 5}, {"newName", 7},
       {"context", 5}, {"options", 5}, {"query", 5}, {"previousResultId", json::array()},
       {"previousResultIds", 3}},
      {{"textDocument", doc}, {"position", bad}, {"range", {{"start", bad}, {"end", bad}}},
       {"positions", json::array({bad, 3})}, {"newName", ""}, {"context", {{"diagnostics", 3}, {"only", 4}}}},
      {{"textDocument", doc}, {"position", {{"line", 1.5}, {"character", 0}}},
       {"range", {{"start", {{"line", 0}}}}}, {"positions", json::array({json::object()})},
       {"context", {{"diagnostics", json::array({{{"range", 3}}, {{"range", {{"start", bad}, {"end", bad}}}}})}}}},
  };
  for (const std::string &method : requestMethods())
    for (const json &params : shapes) {
      json response = server.request(method, params);
      ASSERT_TRUE(response.contains("result") || response.contains("error")) << method << " " << params.dump();
      if (response.contains("error")) {
        int code = response["error"]["code"];
        EXPECT_TRUE(code == kInvalidParams || code == kRequestFailed)
            << method << " " << params.dump() << " -> " << response.dump();
      }
    }
  // Notifications with the wrong shape change nothing and answer nothing.
  for (const char *method : {"textDocument/didOpen", "textDocument/didChange", "textDocument/didClose",
                             "textDocument/didSave", "workspace/didChangeWatchedFiles",
                             "workspace/didChangeWorkspaceFolders", "initialized"})
    for (const json &params : shapes)
      server.notify(method, params);
  // (One of the didClose shapes closed the document: open it again.)
  server.open(uri, "let a = 1\nlet b = a + 1\n", 2);
  json hover = server.request("textDocument/hover", {{"textDocument", doc}, {"position", {{"line", 1}, {"character", 8}}}});
  ASSERT_TRUE(hover.contains("result")) << hover.dump();
  EXPECT_FALSE(hover["result"].is_null()) << "the server still analyses and answers";
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

} // namespace
} // namespace cairn::lsp::test
