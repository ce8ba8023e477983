// The diagnostics thread: waits until the edits pause (the debounce), then
// analyses the open documents with evaluation and lint, and publishes each
// document's diagnostics with the version it analysed, unless a newer edit
// came in meanwhile (that edit scheduled its own analysis).
#include "lsp/server.h"

#include "lsp/diagnostics.h"

namespace cairn::lsp {

void Server::scheduleDiagnostics() {
  DiagnosticsJob job;
  job.generation = shared_.generation.load();
  job.request = analysisRequest({}, /*workspace=*/false);
  job.request.evaluate = job.request.files;
  job.request.lint = true;
  for (const auto &[path, document] : server_.documents.all())
    job.documents.push_back(
        {document.uri, path, document.version, document.tooLargeToAnalyse() ? document.text.size() : 0});
  {
    std::lock_guard<std::mutex> lock(shared_.mutex);
    shared_.job = std::move(job);
    shared_.jobDue = std::chrono::steady_clock::now() + options_.debounce;
  }
  shared_.jobReady.notify_all();
}

void Server::diagnosticsLoop() {
  std::unique_lock<std::mutex> lock(shared_.mutex);
  while (true) {
    shared_.jobReady.wait(lock, [&] { return shared_.stopping || shared_.job; });
    if (shared_.stopping)
      return;
    // Wait out the debounce; a newer edit moves the deadline.
    while (!shared_.stopping && shared_.job && std::chrono::steady_clock::now() < shared_.jobDue)
      shared_.jobReady.wait_until(lock, shared_.jobDue);
    if (shared_.stopping)
      return;
    if (!shared_.job)
      continue;
    DiagnosticsJob job = std::move(*shared_.job);
    shared_.job.reset();
    lock.unlock();
    try {
      runDiagnosticsJob(job);
    } catch (const std::exception &e) {
      log(std::string("analysis failed: ") + e.what());
    }
    lock.lock();
  }
}

void Server::runDiagnosticsJob(const DiagnosticsJob &job) {
  auto start = std::chrono::steady_clock::now();
  AnalysisRequest request = job.request;
  request.superseded = [this, generation = job.generation] { return shared_.generation.load() != generation; };
  // Only documents too large to analyse are open: nothing to analyse.
  auto analysis = std::make_shared<const Analysis>(request.files.empty() ? Analysis{std::make_shared<Snapshot>()}
                                                                         : analyzeForDiagnostics(request));
  if (analysis->superseded || shared_.generation.load() != job.generation)
    return;
  {
    std::lock_guard<std::mutex> lock(shared_.mutex);
    if (shared_.analysisGeneration < job.generation) {
      shared_.analysis = analysis;
      shared_.analysisGeneration = job.generation;
    }
    if (shared_.documentGeneration < job.generation) {
      shared_.documentSnapshot = analysis->snapshot;
      shared_.documentGeneration = job.generation;
    }
  }
  for (const std::string &problem : analysis->configProblems)
    log("cairn.yaml: " + problem);
  {
    std::lock_guard<std::mutex> lock(shared_.publishMutex);
    if (shared_.generation.load() != job.generation || !server_.pushDiagnostics)
      return;
    for (const OpenDocument &document : job.documents)
      publish(document.uri, document.version,
              document.tooLargeBytes ? json::array({tooLargeDiagnostic(document.tooLargeBytes)})
                                     : documentDiagnostics(*analysis, document.path, server_.client.capabilities));
  }
  auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  log("diagnostics of " + std::to_string(job.documents.size()) + " document(s) in " +
      std::to_string(elapsed.count()) + " ms");
}

void Server::publish(const std::string &uri, std::optional<int64_t> version, json diagnostics) {
  json params = {{"uri", uri}, {"diagnostics", std::move(diagnostics)}};
  if (version)
    params["version"] = *version;
  transport_.send({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", std::move(params)}});
}

} // namespace cairn::lsp
