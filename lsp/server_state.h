// The state behind the server (server.h), split by the thread that owns it.
#pragma once

#include "frontend/parse_cache.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "lsp/analysis.h"
#include "lsp/documents.h"
#include "lsp/protocol.h"
#include "lsp/workspace.h"

namespace cairn::lsp {

enum class LifecycleState : uint8_t { Uninitialized, Running, ShutDown };

// What the client supports beyond ClientCapabilities (protocol.h).
struct ClientSupport {
  ClientCapabilities capabilities;
  bool watchedFilesRegistration = false; // workspace.didChangeWatchedFiles.dynamicRegistration
  bool diagnosticRefresh = false;        // workspace.diagnostics.refreshSupport
};

// The canonical path of params.textDocument.uri; ProtocolError(kInvalidParams) when missing or not file://.
std::string documentPath(const json &params);

ClientSupport parseClientCapabilities(const json &capabilities);
// initialize's result.capabilities for a client that supports `client`.
json serverCapabilities(const ClientSupport &client);

// Owned by the worker thread.
struct ServerState {
  ClientSupport client;
  DocumentStore documents;
  WorkspaceFolders folders;
  std::optional<std::vector<std::string>> workspaceFiles; // cached walk; reset when files come and go
  std::shared_ptr<const std::map<std::string, std::string>> texts =
      std::make_shared<std::map<std::string, std::string>>();
  bool pushDiagnostics = true; // false when the client pulls them
};

// One analysis the diagnostics thread should run.
struct OpenDocument {
  std::string uri, path;
  int64_t version = 0;
  size_t tooLargeBytes = 0; // not analysed (Document::tooLargeToAnalyse): its size
};
struct DiagnosticsJob {
  uint64_t generation = 0;
  AnalysisRequest request;
  std::vector<OpenDocument> documents;
};

// Analyses shared between the worker and the diagnostics thread, all
// stamped with the generation of the documents they saw.
struct SharedAnalysisState {
  std::atomic<uint64_t> generation{1}; // bumped by every change of a document or watched file
  // Parsed modules shared by every analysis (thread-safe): after an edit only
  // the edited buffer is parsed again, not the standard library.
  std::shared_ptr<ParseCache> parseCache = std::make_shared<ParseCache>();

  std::mutex mutex; // guards everything below
  std::shared_ptr<const Snapshot> documentSnapshot;
  uint64_t documentGeneration = 0;
  std::shared_ptr<const Snapshot> workspaceSnapshot;
  uint64_t workspaceGeneration = 0;
  std::shared_ptr<const Analysis> analysis; // with evaluation and lint
  uint64_t analysisGeneration = 0;

  // The diagnostics thread's queue: at most one job, replaced by newer ones.
  std::condition_variable jobReady;
  std::optional<DiagnosticsJob> job;
  std::chrono::steady_clock::time_point jobDue;
  bool stopping = false;

  // Held while publishing, and while a document closes, so that a stale
  // analysis never publishes after the close cleared the document.
  std::mutex publishMutex;
};

} // namespace cairn::lsp
