// Open documents and files on disk: every change starts a new generation and
// schedules the diagnostics of the open documents.
#include "lsp/server.h"

namespace cairn::lsp {
namespace {

int64_t versionOf(const json &textDocument) {
  if (textDocument.contains("version") && textDocument["version"].is_number_integer())
    return textDocument["version"].get<int64_t>();
  return 0;
}

} // namespace

void Server::didOpen(const json &params) {
  std::string path = documentPath(params);
  const json &doc = params["textDocument"];
  if (!doc.contains("text") || !doc["text"].is_string())
    throw ProtocolError(kInvalidParams, "didOpen needs `textDocument.text`");
  server_.documents.open(doc["uri"].get<std::string>(), path, doc.value("languageId", std::string("cairn")),
                         versionOf(doc), doc["text"].get<std::string>());
  documentsChanged();
}

void Server::didChange(const json &params) {
  std::string path = documentPath(params);
  if (!params.contains("contentChanges"))
    throw ProtocolError(kInvalidParams, "didChange needs `contentChanges`");
  if (!server_.documents.change(path, versionOf(params["textDocument"]), params["contentChanges"])) {
    log("didChange for a document that is not open: " + path);
    return;
  }
  documentsChanged();
}

void Server::didClose(const json &params) {
  std::string path = documentPath(params);
  const Document *doc = server_.documents.find(path);
  if (!doc)
    return;
  std::string uri = doc->uri;
  {
    // No analysis of the old generation may publish after this clears it.
    std::lock_guard<std::mutex> lock(shared_.publishMutex);
    server_.documents.close(path);
    documentsChanged();
  }
  publish(uri, std::nullopt, json::array());
}

void Server::didChangeWatchedFiles(const json &params) {
  if (!params.is_object() || !params.contains("changes") || !params["changes"].is_array())
    throw ProtocolError(kInvalidParams, "didChangeWatchedFiles needs `changes`");
  bool relevant = false;
  for (const json &change : params["changes"]) {
    if (!change.is_object() || !change.contains("uri") || !change["uri"].is_string())
      continue;
    std::optional<std::string> path = uriToPath(change["uri"].get<std::string>());
    if (!path || !(isCairnSource(*path) || isProjectFile(*path)))
      continue;
    relevant = true;
    int type = change.value("type", 2);
    if (type != 2) // created or deleted: the workspace's file list changed
      server_.workspaceFiles.reset();
  }
  if (!relevant)
    return;
  documentsChanged();
  // A client that pulls diagnostics is told to pull again: documents that
  // import the changed files may have new ones.
  if (!server_.pushDiagnostics && server_.client.diagnosticRefresh)
    transport_.send({{"jsonrpc", "2.0"}, {"id", "cairn/diagnosticRefresh"}, {"method", "workspace/diagnostic/refresh"}});
}

void Server::documentsChanged() {
  server_.texts = std::make_shared<const std::map<std::string, std::string>>(server_.documents.texts());
  shared_.generation.fetch_add(1);
  scheduleDiagnostics();
}

} // namespace cairn::lsp
