// The language server: reads JSON-RPC messages from a stream, answers them,
// and pushes diagnostics. Three threads: the reader (this one: framing,
// cancellation, exit), the worker (every other message, in order: lifecycle,
// documents, requests) and the diagnostics thread (debounced analysis of the
// open documents, published with their versions).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "lsp/server_state.h"
#include "lsp/transport.h"

namespace cairn::lsp {

struct ServerOptions {
  std::vector<std::filesystem::path> stdlibDirs;
  std::optional<int64_t> clientProcessId; // --clientProcessId (initialize's processId also counts)
  std::chrono::milliseconds debounce{50};  // from the last edit to the analysis for diagnostics
  std::chrono::milliseconds clientPollInterval{3000};
  std::string version = "dev";
  std::ostream *log = nullptr;             // human-readable log lines; null: none
  // Called (from a watcher thread) when the client process is gone; the
  // reader may be blocked on a stream nobody closes, so `cairn lsp` exits here.
  std::function<void()> onClientGone;
};

class Server {
public:
  Server(std::istream &in, std::ostream &out, ServerOptions options);
  ~Server();
  Server(const Server &) = delete;
  Server &operator=(const Server &) = delete;

  // Serves until `exit` or the end of the input: 0 after `shutdown`, else 1.
  int run();

  // The stack of the worker and diagnostics threads (reserved, not committed).
  static constexpr size_t kAnalysisStackBytes = size_t(256) << 20;

private:
  struct Job {
    json message;
    std::shared_ptr<std::atomic<bool>> cancelled; // requests only
    bool stop = false;
  };

  // Reader thread.
  void readLoop();
  void enqueue(Job job);
  void cancel(const json &params);

  // Worker thread (server.cpp, server_requests.cpp, server_documents.cpp).
  void workLoop();
  void handle(const Job &job);
  void handleRequest(const json &id, const std::string &method, const json &params,
                     const std::atomic<bool> &cancelled);
  json dispatchRequest(const std::string &method, const json &params, const std::atomic<bool> &cancelled);
  void handleNotification(const std::string &method, const json &params);
  json initialize(const json &params);
  void initialized();
  json runFeature(const struct FeatureEntry &feature, const json &params, const std::atomic<bool> &cancelled);
  json pullDiagnostics(const json &params);
  json pullWorkspaceDiagnostics(const json &params);

  // Documents and files (server_documents.cpp).
  void didOpen(const json &params);
  void didChange(const json &params);
  void didClose(const json &params);
  void didChangeWatchedFiles(const json &params);
  void documentsChanged(); // new generation, diagnostics scheduled

  // Snapshots (server_snapshots.cpp).
  AnalysisRequest analysisRequest(std::vector<std::string> extraFiles, bool workspace) const;
  std::shared_ptr<const Snapshot> documentSnapshot(const std::string &path);
  std::shared_ptr<const Snapshot> workspaceSnapshot(const std::string &path);
  std::shared_ptr<const Analysis> currentAnalysis(const std::string &path);

  // Diagnostics thread (server_diagnostics.cpp).
  void scheduleDiagnostics();
  void diagnosticsLoop();
  void runDiagnosticsJob(const DiagnosticsJob &job);
  void publish(const std::string &uri, std::optional<int64_t> version, json diagnostics);

  // Client process watcher.
  void watchClient(int64_t pid);

  void sendResult(const json &id, json result);
  void sendError(const json &id, int code, const std::string &message);
  void log(const std::string &line);

  Transport transport_;
  ServerOptions options_;
  std::mutex logMutex_;

  // Reader <-> worker.
  std::mutex queueMutex_;
  std::condition_variable queueReady_;
  std::deque<Job> queue_;
  std::mutex pendingMutex_;
  std::map<std::string, std::shared_ptr<std::atomic<bool>>> pending_; // request id (dumped) -> cancel flag

  // Worker state (also read by the reader after the worker stopped).
  std::atomic<LifecycleState> state_{LifecycleState::Uninitialized};
  ServerState server_; // documents, folders, capabilities: worker only
  SharedAnalysisState shared_; // worker <-> diagnostics thread

  std::thread worker_, diagnostics_, clientWatcher_;
  std::mutex stopMutex_;
  std::condition_variable stopSignal_;
  bool stopping_ = false;
};

} // namespace cairn::lsp
