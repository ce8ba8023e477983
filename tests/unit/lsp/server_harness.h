// An in-process language server behind blocking in-memory pipes, driven like
// an editor would: requests wait for their response, notifications from the
// server (publishDiagnostics) can be awaited by predicate.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <mutex>
#include <streambuf>
#include <string>
#include <thread>

#include <unistd.h>

#include <gtest/gtest.h>

#include "lsp/server.h"

namespace cairn::lsp::test {

// A streambuf whose reader blocks until the writer adds bytes or closes it.
class BlockingPipe : public std::streambuf {
public:
  void write(const std::string &bytes) {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_ += bytes;
    ready_.notify_all();
  }
  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    ready_.notify_all();
  }

protected:
  int_type underflow() override {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return !pending_.empty() || closed_; });
    if (pending_.empty())
      return traits_type::eof();
    current_ = std::move(pending_);
    pending_.clear();
    setg(current_.data(), current_.data(), current_.data() + current_.size());
    return traits_type::to_int_type(current_[0]);
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::string pending_, current_;
  bool closed_ = false;
};

// A streambuf that collects what the server writes and splits it into messages.
class MessageSink : public std::streambuf {
public:
  // The first message (in order, not yet taken) matching `match`; fails the
  // test after `timeout`.
  nlohmann::json take(const std::function<bool(const nlohmann::json &)> &match,
                      std::chrono::milliseconds timeout = std::chrono::milliseconds(30000)) {
    std::unique_lock<std::mutex> lock(mutex_);
    nlohmann::json found;
    bool ok = ready_.wait_for(lock, timeout, [&] {
      for (auto it = messages_.begin(); it != messages_.end(); ++it)
        if (match(*it)) {
          found = *it;
          messages_.erase(it);
          return true;
        }
      return false;
    });
    if (!ok)
      ADD_FAILURE() << "no matching message from the server; unread: " << unread();
    return found;
  }
  std::string unread() const {
    std::string out;
    for (const auto &m : messages_)
      out += m.dump() + "\n";
    return out;
  }
  size_t count(const std::function<bool(const nlohmann::json &)> &match) {
    std::lock_guard<std::mutex> lock(mutex_);
    size_t n = 0;
    for (const auto &m : messages_)
      n += match(m) ? 1 : 0;
    return n;
  }

protected:
  std::streamsize xsputn(const char *s, std::streamsize n) override {
    std::lock_guard<std::mutex> lock(mutex_);
    buffer_.append(s, static_cast<size_t>(n));
    split();
    return n;
  }
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) {
      char ch = traits_type::to_char_type(c);
      xsputn(&ch, 1);
    }
    return c;
  }

private:
  void split() {
    while (true) {
      size_t headerEnd = buffer_.find("\r\n\r\n");
      if (headerEnd == std::string::npos)
        return;
      size_t length = std::stoul(buffer_.substr(buffer_.find(':') + 1, headerEnd));
      if (buffer_.size() < headerEnd + 4 + length)
        return;
      messages_.push_back(nlohmann::json::parse(buffer_.substr(headerEnd + 4, length)));
      buffer_.erase(0, headerEnd + 4 + length);
      ready_.notify_all();
    }
  }
  std::mutex mutex_;
  std::condition_variable ready_;
  std::string buffer_;
  std::deque<nlohmann::json> messages_;
};

inline std::string frame(const std::string &body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

class ServerHarness {
public:
  explicit ServerHarness(std::chrono::milliseconds debounce = std::chrono::milliseconds(20))
      : in_(&inPipe_), out_(&sink_) {
    ServerOptions options;
    options.stdlibDirs = {std::string(CAIRN_SOURCE_DIR) + "/stdlib"};
    options.debounce = debounce;
    server_ = std::make_unique<Server>(in_, out_, std::move(options));
    exitCode_ = std::async(std::launch::async, [this] { return server_->run(); });
  }
  ~ServerHarness() {
    inPipe_.close();
    if (exitCode_.valid())
      exitCode_.wait();
  }

  void closeInput() { inPipe_.close(); }
  void writeRaw(const std::string &bytes) { inPipe_.write(bytes); }
  void send(const nlohmann::json &message) { writeRaw(frame(message.dump())); }
  int sendRequest(const std::string &method, const nlohmann::json &params) {
    int id = nextId_++;
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}});
    return id;
  }
  nlohmann::json response(int id) {
    return sink_.take([id](const nlohmann::json &m) { return m.contains("id") && m["id"] == id && !m.contains("method"); });
  }
  nlohmann::json request(const std::string &method, const nlohmann::json &params = nlohmann::json::object()) {
    return response(sendRequest(method, params));
  }
  void notify(const std::string &method, const nlohmann::json &params = nlohmann::json::object()) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", params}});
  }
  // The next publishDiagnostics for `uri` (with `version`, when given).
  nlohmann::json diagnostics(const std::string &uri, std::optional<int64_t> version = std::nullopt) {
    return sink_.take([&](const nlohmann::json &m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri &&
             (!version || (m["params"].contains("version") && m["params"]["version"] == *version));
    })["params"];
  }
  MessageSink &sink() { return sink_; }

  nlohmann::json initialize(nlohmann::json capabilities = nlohmann::json::object(), const std::string &root = "") {
    nlohmann::json params = {{"processId", nullptr}, {"capabilities", capabilities}};
    if (!root.empty())
      params["rootUri"] = pathToUri(root);
    nlohmann::json result = request("initialize", params);
    notify("initialized");
    return result;
  }
  void open(const std::string &uri, const std::string &text, int64_t version = 1) {
    notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", "cairn"}, {"version", version}, {"text", text}}}});
  }
  // shutdown + exit; the server's exit code.
  int shutdownAndExit() {
    request("shutdown");
    notify("exit");
    return exitCode();
  }
  int exitCode() { return exitCode_.get(); }
  bool exited(std::chrono::milliseconds wait) {
    return exitCode_.wait_for(wait) == std::future_status::ready;
  }

private:
  BlockingPipe inPipe_;
  MessageSink sink_;
  std::istream in_;
  std::ostream out_;
  std::unique_ptr<Server> server_;
  std::future<int> exitCode_;
  int nextId_ = 1;
};

// A directory on disk for one test, removed afterwards.
class TempDir {
public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("cairn-lsp-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::create_directories(path_);
    path_ = std::filesystem::canonical(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string write(const std::string &name, const std::string &text) const {
    std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
    return file.string();
  }
  std::string path(const std::string &name) const { return (path_ / name).string(); }
  std::string uri(const std::string &name) const { return pathToUri(path(name)); }
  const std::filesystem::path &root() const { return path_; }

private:
  static int &counter() {
    static int value = 0;
    return value;
  }
  std::filesystem::path path_;
};

} // namespace cairn::lsp::test
