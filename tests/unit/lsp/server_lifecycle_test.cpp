// The protocol's lifecycle and error handling, through an in-process server.
#include <gtest/gtest.h>

#include "server_harness.h"

namespace cairn::lsp::test {
namespace {

using nlohmann::json;

TEST(ServerLifecycle, InitializeAnnouncesSyncAndServerInfoThenShutsDownCleanly) {
  ServerHarness server;
  json response = server.initialize();
  const json &result = response["result"];
  EXPECT_EQ(result["serverInfo"]["name"], "cairn");
  EXPECT_EQ(result["capabilities"]["textDocumentSync"]["change"], 2);
  EXPECT_EQ(result["capabilities"]["textDocumentSync"]["openClose"], true);
  EXPECT_EQ(result["capabilities"]["documentFormattingProvider"], true);
  EXPECT_EQ(result["capabilities"]["positionEncoding"], "utf-16");
  EXPECT_FALSE(result["capabilities"].contains("diagnosticProvider")); // the client did not say it pulls
  json shutdown = server.request("shutdown");
  EXPECT_TRUE(shutdown.contains("result"));
  EXPECT_TRUE(shutdown["result"].is_null());
  server.notify("exit");
  EXPECT_EQ(server.exitCode(), 0);
}

TEST(ServerLifecycle, RequestsBeforeInitializeAreRefused) {
  ServerHarness server;
  json response = server.request("textDocument/formatting", {{"textDocument", {{"uri", "file:///x.cairn"}}}});
  EXPECT_EQ(response["error"]["code"], kServerNotInitialized);
  // Notifications before initialize are dropped; initialize still works.
  server.notify("textDocument/didOpen", {{"textDocument", {{"uri", "file:///x.cairn"}, {"text", "let"}}}});
  EXPECT_TRUE(server.initialize().contains("result"));
}

TEST(ServerLifecycle, ExitWithoutShutdownIsExitCodeOne) {
  ServerHarness server;
  server.initialize();
  server.notify("exit");
  EXPECT_EQ(server.exitCode(), 1);
}

TEST(ServerLifecycle, EndOfInputEndsTheServer) {
  ServerHarness server;
  server.initialize();
  server.closeInput();
  EXPECT_EQ(server.exitCode(), 1);
}

TEST(ServerLifecycle, EndOfInputAfterShutdownIsExitCodeZero) {
  ServerHarness server;
  server.initialize();
  server.request("shutdown");
  server.closeInput();
  EXPECT_EQ(server.exitCode(), 0);
}

TEST(ServerLifecycle, SecondInitializeAndRequestsAfterShutdownAreInvalid) {
  ServerHarness server;
  server.initialize();
  EXPECT_EQ(server.request("initialize", {{"capabilities", json::object()}})["error"]["code"], kInvalidRequest);
  server.request("shutdown");
  json after = server.request("textDocument/formatting", {{"textDocument", {{"uri", "file:///x.cairn"}}}});
  EXPECT_EQ(after["error"]["code"], kInvalidRequest);
  server.notify("exit");
  EXPECT_EQ(server.exitCode(), 0);
}

TEST(ServerLifecycle, UnknownMethodsAndNotifications) {
  ServerHarness server;
  server.initialize();
  EXPECT_EQ(server.request("cairn/doesNotExist")["error"]["code"], kMethodNotFound);
  EXPECT_EQ(server.request("$/unknownRequest")["error"]["code"], kMethodNotFound);
  server.notify("$/unknownNotification");
  server.notify("workspace/somethingNew");
  server.notify("$/setTrace", {{"value", "verbose"}});
  server.notify("window/workDoneProgress/cancel", {{"token", "t"}});
  EXPECT_EQ(server.sink().count([](const json &m) { return m.contains("error"); }), 0u);
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerLifecycle, MalformedMessagesGetErrorsAndTheServerLivesOn) {
  ServerHarness server;
  server.initialize();
  server.writeRaw(frame("{\"jsonrpc\": \"2.0\", \"id\": 7, "));
  json parseError = server.sink().take([](const json &m) { return m.contains("error") && m["id"].is_null(); });
  EXPECT_EQ(parseError["error"]["code"], kParseError);
  server.writeRaw(frame("[1, 2]"));
  json notObject = server.sink().take([](const json &m) { return m.contains("error") && m["id"].is_null(); });
  EXPECT_EQ(notObject["error"]["code"], kInvalidRequest);
  server.writeRaw("Content-Length: nope\r\n\r\n");
  server.send({{"jsonrpc", "2.0"}, {"id", 8}, {"params", json::object()}});
  EXPECT_EQ(server.response(8)["error"]["code"], kInvalidRequest);
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerLifecycle, BadParamsAreInvalidParamsNotACrash) {
  ServerHarness server;
  server.initialize();
  EXPECT_EQ(server.request("textDocument/formatting", {{"textDocument", 3}})["error"]["code"], kInvalidParams);
  EXPECT_EQ(server.request("textDocument/formatting", json::array())["error"]["code"], kInvalidParams);
  EXPECT_EQ(server.request("textDocument/formatting", {{"textDocument", {{"uri", "untitled:1"}}}})["error"]["code"],
            kInvalidParams);
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", 5}}}});
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerLifecycle, CancelledRequestAnswersRequestCancelled) {
  TempDir dir;
  ServerHarness server;
  server.initialize({}, dir.root().string());
  std::string uri = dir.uri("main.cairn");
  // The request waits behind the analysis of a document that imports the
  // Kubernetes library; the cancellation arrives long before it is answered.
  std::string text = "import \"k8s/apps/v1\" as apps\nlet d = apps.Deployment { metadata.name = \"x\" }\n";
  json open = {{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
               {"params", {{"textDocument", {{"uri", uri}, {"languageId", "cairn"}, {"version", 1}, {"text", text}}}}}};
  json format = {{"jsonrpc", "2.0"}, {"id", 42}, {"method", "textDocument/formatting"},
                 {"params", {{"textDocument", {{"uri", uri}}}, {"options", {{"tabSize", 2}, {"insertSpaces", true}}}}}};
  json cancel = {{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 42}}}};
  server.writeRaw(frame(open.dump()) + frame(format.dump()) + frame(cancel.dump()));
  EXPECT_EQ(server.response(42)["error"]["code"], kRequestCancelled);
  // A cancellation of something already answered (or unknown) is harmless.
  server.notify("$/cancelRequest", {{"id", 999}});
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

TEST(ServerLifecycle, RegistersFileWatchersWhenTheClientAllowsIt) {
  ServerHarness server;
  server.initialize({{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}});
  json registration =
      server.sink().take([](const json &m) { return m.value("method", "") == "client/registerCapability"; });
  const json &watchers = registration["params"]["registrations"][0]["registerOptions"]["watchers"];
  EXPECT_EQ(registration["params"]["registrations"][0]["method"], "workspace/didChangeWatchedFiles");
  EXPECT_EQ(watchers[0]["globPattern"], "**/*.cairn");
  EXPECT_EQ(watchers[1]["globPattern"], "**/cairn.yaml");
  // The client's answer to our request is accepted silently.
  server.send({{"jsonrpc", "2.0"}, {"id", registration["id"]}, {"result", nullptr}});
  EXPECT_EQ(server.shutdownAndExit(), 0);
}

} // namespace
} // namespace cairn::lsp::test
