// Snapshots for requests: a request on a document must see the document's
// current text, so a snapshot older than the current generation (or without
// the document) is rebuilt before answering.
#include "lsp/server.h"

#include <algorithm>

namespace cairn::lsp {

AnalysisRequest Server::analysisRequest(std::vector<std::string> extraFiles, bool workspace) const {
  AnalysisRequest request;
  request.files = server_.documents.analysedPaths();
  if (workspace && server_.workspaceFiles)
    extraFiles.insert(extraFiles.end(), server_.workspaceFiles->begin(), server_.workspaceFiles->end());
  for (std::string &file : extraFiles)
    if (!file.empty() && std::find(request.files.begin(), request.files.end(), file) == request.files.end())
      request.files.push_back(std::move(file));
  std::string primary = server_.folders.primary();
  if (primary.empty() && !request.files.empty())
    primary = std::filesystem::path(request.files.front()).parent_path().string();
  request.workingDir = primary.empty() ? std::filesystem::path("/") : std::filesystem::path(primary);
  request.stdlibDirs = options_.stdlibDirs;
  request.parseCache = shared_.parseCache.get();
  std::shared_ptr<const std::map<std::string, std::string>> texts = server_.texts;
  request.overlay = [texts](const std::string &path) -> std::optional<std::string> {
    auto it = texts->find(path);
    if (it == texts->end())
      return std::nullopt;
    return it->second;
  };
  return request;
}

std::shared_ptr<const Snapshot> Server::documentSnapshot(const std::string &path) {
  uint64_t generation = shared_.generation.load();
  {
    std::lock_guard<std::mutex> lock(shared_.mutex);
    // The diagnostics thread's snapshot of the same generation serves too:
    // no second analysis of the same text.
    std::shared_ptr<const Snapshot> analysed = shared_.analysis ? shared_.analysis->snapshot : nullptr;
    for (auto [snapshot, snapshotGeneration] : {std::pair{shared_.documentSnapshot, shared_.documentGeneration},
                                                std::pair{shared_.workspaceSnapshot, shared_.workspaceGeneration},
                                                std::pair{analysed, shared_.analysisGeneration}})
      if (snapshot && snapshotGeneration == generation && (path.empty() || snapshot->moduleOf(path)))
        return snapshot;
  }
  std::shared_ptr<const Snapshot> snapshot = analyze(analysisRequest({path}, /*workspace=*/false));
  std::lock_guard<std::mutex> lock(shared_.mutex);
  shared_.documentSnapshot = snapshot;
  shared_.documentGeneration = generation;
  return snapshot;
}

std::shared_ptr<const Snapshot> Server::workspaceSnapshot(const std::string &path) {
  uint64_t generation = shared_.generation.load();
  {
    std::lock_guard<std::mutex> lock(shared_.mutex);
    if (shared_.workspaceSnapshot && shared_.workspaceGeneration == generation &&
        (path.empty() || shared_.workspaceSnapshot->moduleOf(path)))
      return shared_.workspaceSnapshot;
  }
  if (!server_.workspaceFiles)
    server_.workspaceFiles = workspaceCairnFiles(server_.folders.paths());
  std::shared_ptr<const Snapshot> snapshot = analyze(analysisRequest({path}, /*workspace=*/true));
  std::lock_guard<std::mutex> lock(shared_.mutex);
  shared_.workspaceSnapshot = snapshot;
  shared_.workspaceGeneration = generation;
  return snapshot;
}

std::shared_ptr<const Analysis> Server::currentAnalysis(const std::string &path) {
  uint64_t generation = shared_.generation.load();
  {
    std::lock_guard<std::mutex> lock(shared_.mutex);
    if (shared_.analysis && shared_.analysisGeneration == generation &&
        (path.empty() || shared_.analysis->snapshot->moduleOf(path)))
      return shared_.analysis;
  }
  AnalysisRequest request = analysisRequest({path}, /*workspace=*/false);
  request.evaluate = request.files;
  request.lint = true;
  auto analysis = std::make_shared<const Analysis>(analyzeForDiagnostics(request));
  std::lock_guard<std::mutex> lock(shared_.mutex);
  shared_.analysis = analysis;
  shared_.analysisGeneration = generation;
  shared_.documentSnapshot = analysis->snapshot;
  shared_.documentGeneration = generation;
  return analysis;
}

} // namespace cairn::lsp
