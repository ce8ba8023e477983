#include "lsp/server.h"

#include <csignal>
#include <cerrno>

#include <signal.h>

#include "eval/stack_thread.h"

namespace cairn::lsp {

Server::Server(std::istream &in, std::ostream &out, ServerOptions options)
    : transport_(in, out), options_(std::move(options)) {
  // std::cerr is tied to std::cout: each log line would flush the protocol
  // stream from the logging thread, outside the write mutex, and a message
  // being written by another thread could go out twice or torn.
  if (options_.log)
    options_.log->tie(nullptr);
}

Server::~Server() {
  {
    std::lock_guard<std::mutex> lock(stopMutex_);
    stopping_ = true;
  }
  stopSignal_.notify_all();
  {
    std::lock_guard<std::mutex> lock(shared_.mutex);
    shared_.stopping = true;
  }
  shared_.jobReady.notify_all();
  if (worker_.joinable()) {
    enqueue(Job{{}, nullptr, /*stop=*/true});
    worker_.join();
  }
  if (diagnostics_.joinable())
    diagnostics_.join();
  if (clientWatcher_.joinable())
    clientWatcher_.join();
}

int Server::run() {
  // Parsing, checking and the features recurse as deep as the source nests:
  // the worker and the analysis run on stacks sized for the nesting the
  // parser and the checker accept (evaluation makes its own).
  worker_ = std::thread([this] { eval::runWithStack(kAnalysisStackBytes, [this] { workLoop(); }); });
  diagnostics_ = std::thread([this] { eval::runWithStack(kAnalysisStackBytes, [this] { diagnosticsLoop(); }); });
  if (options_.clientProcessId)
    clientWatcher_ = std::thread([this, pid = *options_.clientProcessId] { watchClient(pid); });
  readLoop();
  // Let the worker finish what was read (a `shutdown` before `exit`).
  enqueue(Job{{}, nullptr, /*stop=*/true});
  worker_.join();
  return state_.load() == LifecycleState::ShutDown ? 0 : 1;
}

namespace {

// The id to answer a malformed message with: its own when that is a string
// or a number, else null (never a structure to copy back).
json answerableId(const json &message) {
  if (message.is_object() && message.contains("id") && (message["id"].is_string() || message["id"].is_number()))
    return message["id"];
  return nullptr;
}

struct EnvelopeProblem {
  int code = 0;
  const char *message = nullptr; // null: a response from the client, to ignore
};

// What is wrong with the JSON-RPC envelope of `message`, if anything.
std::optional<EnvelopeProblem> envelopeProblem(const json &message) {
  if (message.is_array())
    return EnvelopeProblem{kInvalidRequest, "batches are not supported: send each message on its own"};
  if (!message.is_object())
    return EnvelopeProblem{kInvalidRequest, "a message must be a JSON object"};
  if (!message.contains("jsonrpc") || message["jsonrpc"] != "2.0")
    return EnvelopeProblem{kInvalidRequest, "a message needs `\"jsonrpc\": \"2.0\"`"};
  bool hasId = message.contains("id");
  if (!message.contains("method")) {
    if (hasId && (message.contains("result") || message.contains("error")))
      return EnvelopeProblem{}; // a response to one of our requests (registerCapability)
    return EnvelopeProblem{kInvalidRequest, "a request needs a `method`"};
  }
  if (!message["method"].is_string() || (hasId && !message["id"].is_string() && !message["id"].is_number_integer()))
    return EnvelopeProblem{kInvalidRequest, "`method` must be a string and `id` an integer or a string"};
  return std::nullopt;
}

} // namespace

void Server::readLoop() {
  while (true) {
    IncomingMessage incoming = transport_.read();
    if (incoming.kind == IncomingMessage::Kind::Eof) {
      log("end of input");
      return;
    }
    if (incoming.kind == IncomingMessage::Kind::BadHeader) {
      log(incoming.error);
      sendError(nullptr, kParseError, incoming.error);
      continue;
    }
    if (incoming.kind == IncomingMessage::Kind::ParseError) {
      log("malformed message: " + incoming.error);
      sendError(nullptr, kParseError, "the message is not valid JSON: " + incoming.error);
      continue;
    }
    if (std::optional<EnvelopeProblem> problem = envelopeProblem(incoming.json)) {
      if (problem->message)
        sendError(answerableId(incoming.json), problem->code, problem->message);
      continue;
    }
    const json &message = incoming.json;
    bool hasId = message.contains("id");
    const std::string &method = message["method"].get_ref<const std::string &>();
    if (method == "exit")
      return;
    if (method == "$/cancelRequest" && !hasId) {
      if (message.contains("params"))
        cancel(message["params"]);
      continue;
    }
    Job job{std::move(incoming.json), nullptr, false};
    if (hasId) {
      job.cancelled = std::make_shared<std::atomic<bool>>(false);
      std::lock_guard<std::mutex> lock(pendingMutex_);
      pending_[job.message["id"].dump()] = job.cancelled;
    }
    enqueue(std::move(job));
  }
}

void Server::enqueue(Job job) {
  {
    std::lock_guard<std::mutex> lock(queueMutex_);
    queue_.push_back(std::move(job));
  }
  queueReady_.notify_one();
}

void Server::cancel(const json &params) {
  if (!params.is_object() || !params.contains("id") || !(params["id"].is_string() || params["id"].is_number_integer()))
    return;
  std::lock_guard<std::mutex> lock(pendingMutex_);
  auto it = pending_.find(params["id"].dump());
  if (it != pending_.end())
    it->second->store(true);
}

void Server::workLoop() {
  while (true) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(queueMutex_);
      queueReady_.wait(lock, [&] { return !queue_.empty(); });
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    if (job.stop)
      return;
    handle(job);
  }
}

void Server::handle(const Job &job) {
  static const json kNoParams; // null; params are not copied: a didOpen's may be 100 MB
  const json &message = job.message;
  const std::string &method = message["method"].get_ref<const std::string &>();
  const json &params = message.contains("params") ? message["params"] : kNoParams;
  if (!job.cancelled) {
    try {
      handleNotification(method, params);
    } catch (const std::exception &e) {
      log("notification " + shortened(method) + " failed: " + e.what());
    }
    return;
  }
  handleRequest(message["id"], method, params, *job.cancelled);
  std::lock_guard<std::mutex> lock(pendingMutex_);
  pending_.erase(message["id"].dump());
}

void Server::handleRequest(const json &id, const std::string &method, const json &params,
                           const std::atomic<bool> &cancelled) {
  try {
    LifecycleState state = state_.load();
    if (state == LifecycleState::Uninitialized && method != "initialize")
      throw ProtocolError(kServerNotInitialized, "the server is not initialized: send `initialize` first");
    if (state == LifecycleState::ShutDown)
      throw ProtocolError(kInvalidRequest, "the server is shutting down: only `exit` is accepted");
    if (cancelled.load())
      throw ProtocolError(kRequestCancelled, "the request was cancelled");
    json result = dispatchRequest(method, params, cancelled);
    if (cancelled.load())
      throw ProtocolError(kRequestCancelled, "the request was cancelled");
    sendResult(id, std::move(result));
  } catch (const ProtocolError &e) {
    sendError(id, e.code, e.what());
  } catch (const json::exception &e) {
    sendError(id, kInvalidParams, "invalid params for `" + shortened(method) + "`: " + e.what());
  } catch (const std::exception &e) {
    log("internal error in " + shortened(method) + ": " + e.what());
    sendError(id, kInternalError, "internal error in `" + shortened(method) + "`: " + e.what());
  }
}

void Server::sendResult(const json &id, json result) {
  transport_.send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::sendError(const json &id, int code, const std::string &message) {
  transport_.send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::log(const std::string &line) {
  if (!options_.log)
    return;
  std::lock_guard<std::mutex> lock(logMutex_);
  *options_.log << "cairn lsp: " << line << '\n';
  options_.log->flush();
}

void Server::watchClient(int64_t pid) {
  std::unique_lock<std::mutex> lock(stopMutex_);
  while (!stopping_) {
    if (stopSignal_.wait_for(lock, options_.clientPollInterval, [&] { return stopping_; }))
      return;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      log("the client process " + std::to_string(pid) + " is gone: exiting");
      if (options_.onClientGone)
        options_.onClientGone();
      return;
    }
  }
}

} // namespace cairn::lsp
