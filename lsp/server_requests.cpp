// The worker's side of the server: lifecycle, requests and notifications.
#include "lsp/server.h"

#include "lsp/diagnostics.h"
#include "lsp/dispatch.h"

namespace cairn::lsp {
namespace {

const json &textDocumentOf(const json &params) {
  if (!params.is_object() || !params.contains("textDocument") || !params["textDocument"].is_object() ||
      !params["textDocument"].contains("uri") || !params["textDocument"]["uri"].is_string())
    throw ProtocolError(kInvalidParams, "`textDocument.uri` is required");
  return params["textDocument"];
}

} // namespace

std::string documentPath(const json &params) {
  const std::string &uri = textDocumentOf(params)["uri"].get_ref<const std::string &>();
  std::optional<std::string> path = uriToPath(uri);
  if (!path)
    throw ProtocolError(kInvalidParams, "only file:// documents are supported, not `" + uri + "`");
  return canonicalDocumentPath(*path);
}

json Server::dispatchRequest(const std::string &method, const json &params, const std::atomic<bool> &cancelled) {
  if (method == "initialize")
    return initialize(params);
  if (method == "shutdown") {
    state_.store(LifecycleState::ShutDown);
    return nullptr;
  }
  if (method == "textDocument/diagnostic")
    return pullDiagnostics(params);
  if (method == "workspace/diagnostic")
    return pullWorkspaceDiagnostics(params);
  if (const FeatureEntry *feature = findFeature(method))
    return runFeature(*feature, params, cancelled);
  throw ProtocolError(kMethodNotFound, "unknown method `" + shortened(method) + "`");
}

json Server::initialize(const json &params) {
  if (state_.load() != LifecycleState::Uninitialized)
    throw ProtocolError(kInvalidRequest, "`initialize` was already sent");
  if (!params.is_object())
    throw ProtocolError(kInvalidParams, "`initialize` needs params");
  server_.client = parseClientCapabilities(params.value("capabilities", json::object()));
  server_.pushDiagnostics = !server_.client.capabilities.diagnosticPull;
  server_.folders.initialize(params);
  if (params.contains("processId") && params["processId"].is_number_integer() && !clientWatcher_.joinable()) {
    int64_t pid = params["processId"].get<int64_t>();
    if (pid > 0)
      clientWatcher_ = std::thread([this, pid] { watchClient(pid); });
  }
  state_.store(LifecycleState::Running);
  log("initialized; workspace folders: " + std::to_string(server_.folders.paths().size()));
  return {{"capabilities", serverCapabilities(server_.client)},
          {"serverInfo", {{"name", "cairn"}, {"version", options_.version}}}};
}

void Server::initialized() {
  if (!server_.client.watchedFilesRegistration)
    return;
  json watchers = json::array({{{"globPattern", "**/*.cairn"}}, {{"globPattern", "**/cairn.yaml"}}});
  transport_.send({{"jsonrpc", "2.0"},
                   {"id", "cairn/registerWatchedFiles"},
                   {"method", "client/registerCapability"},
                   {"params",
                    {{"registrations",
                      json::array({{{"id", "cairn/watchedFiles"},
                                    {"method", "workspace/didChangeWatchedFiles"},
                                    {"registerOptions", {{"watchers", watchers}}}}})}}}});
}

void Server::handleNotification(const std::string &method, const json &params) {
  // Before initialize every notification but `exit` is dropped; after
  // shutdown nothing changes any more.
  if (state_.load() != LifecycleState::Running)
    return;
  if (method == "initialized")
    initialized();
  else if (method == "textDocument/didOpen")
    didOpen(params);
  else if (method == "textDocument/didChange")
    didChange(params);
  else if (method == "textDocument/didClose")
    didClose(params);
  else if (method == "workspace/didChangeWatchedFiles")
    didChangeWatchedFiles(params);
  else if (method == "workspace/didChangeWorkspaceFolders") {
    server_.folders.change(params.value("event", json::object()));
    server_.workspaceFiles.reset();
    documentsChanged();
  } else if (method == "textDocument/didSave" || method == "$/setTrace" ||
             method == "window/workDoneProgress/cancel" || method == "workspace/didChangeConfiguration") {
    // Nothing to do: the buffer already holds the saved text; no trace
    // output, progress or settings yet.
  } else if (method.rfind("$/", 0) != 0) {
    log("ignored notification " + shortened(method));
  }
}

json Server::runFeature(const FeatureEntry &feature, const json &params, const std::atomic<bool> &cancelled) {
  bool hasDocument = params.is_object() && params.contains("textDocument");
  std::string path = hasDocument || feature.scope == FeatureScope::Document ? documentPath(params) : std::string();
  // A document too large to analyse has nothing to offer: every feature's
  // result may be null, and it is, at once.
  if (const Document *document = server_.documents.find(path); document && document->tooLargeToAnalyse())
    return nullptr;
  std::shared_ptr<const Snapshot> snapshot =
      feature.scope == FeatureScope::Workspace ? workspaceSnapshot(path) : documentSnapshot(path);
  uint32_t module = kNoModule;
  if (path.empty()) {
    // workspace/symbol: no document; the features take any module of the snapshot.
    if (snapshot->program.modules.empty())
      return json::array();
    module = 0;
  } else {
    std::optional<uint32_t> found = snapshot->moduleOf(path);
    if (!found)
      throw ProtocolError(kRequestFailed, "cannot read the document `" + path + "`");
    module = *found;
  }
  FeatureContext ctx{*snapshot, module, server_.client.capabilities, &cancelled};
  return feature.handler(ctx, params);
}

json Server::pullDiagnostics(const json &params) {
  std::string path = documentPath(params);
  std::string resultId = std::to_string(shared_.generation.load());
  if (params.contains("previousResultId") && params["previousResultId"] == resultId)
    return {{"kind", "unchanged"}, {"resultId", resultId}};
  if (const Document *document = server_.documents.find(path); document && document->tooLargeToAnalyse())
    return {{"kind", "full"}, {"resultId", resultId}, {"items", {tooLargeDiagnostic(document->text.size())}}};
  std::shared_ptr<const Analysis> analysis = currentAnalysis(path);
  return {{"kind", "full"},
          {"resultId", resultId},
          {"items", documentDiagnostics(*analysis, path, server_.client.capabilities)}};
}

json Server::pullWorkspaceDiagnostics(const json &params) {
  std::map<std::string, std::string> previous;
  if (params.is_object() && params.contains("previousResultIds") && params["previousResultIds"].is_array())
    for (const json &entry : params["previousResultIds"])
      if (entry.is_object() && entry.contains("uri") && entry.contains("value") && entry["uri"].is_string() &&
          entry["value"].is_string())
        previous[entry["uri"].get<std::string>()] = entry["value"].get<std::string>();
  std::string resultId = std::to_string(shared_.generation.load());
  json items = json::array();
  std::shared_ptr<const Analysis> analysis = currentAnalysis({});
  for (const auto &[path, document] : server_.documents.all()) {
    json item = {{"uri", document.uri}, {"version", document.version}, {"resultId", resultId}};
    auto it = previous.find(document.uri);
    if (it != previous.end() && it->second == resultId) {
      item["kind"] = "unchanged";
    } else {
      item["kind"] = "full";
      item["items"] = document.tooLargeToAnalyse()
                          ? json::array({tooLargeDiagnostic(document.text.size())})
                          : documentDiagnostics(*analysis, path, server_.client.capabilities);
    }
    items.push_back(std::move(item));
  }
  return {{"items", std::move(items)}};
}

} // namespace cairn::lsp
