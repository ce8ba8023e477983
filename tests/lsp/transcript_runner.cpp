// Drives the real `cairn lsp` over its standard input and output through a
// whole conversation written in a transcript (tests/lsp/*.jsonl, format in
// tests/lsp/README.md) and checks every expected message.
//   cairn_lsp_transcripts CAIRN_BINARY TRANSCRIPT.jsonl
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr auto kTimeout = std::chrono::seconds(30);

struct Child {
  pid_t pid = -1;
  int in = -1, out = -1;
};

Child spawn(const std::string &binary, const fs::path &workDir, const fs::path &errFile) {
  int toChild[2], fromChild[2];
  if (pipe(toChild) != 0 || pipe(fromChild) != 0)
    throw std::runtime_error("pipe failed");
  pid_t pid = fork();
  if (pid == 0) {
    dup2(toChild[0], 0);
    dup2(fromChild[1], 1);
    int err = open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(err, 2);
    close(toChild[1]);
    close(fromChild[0]);
    if (chdir(workDir.c_str()) != 0)
      _exit(127);
    execl(binary.c_str(), binary.c_str(), "lsp", "--stdio", static_cast<char *>(nullptr));
    _exit(127);
  }
  close(toChild[0]);
  close(fromChild[1]);
  return {pid, toChild[1], fromChild[0]};
}

// Reads framed messages from the server on a thread.
class Reader {
public:
  explicit Reader(int fd) : thread_([this, fd] { run(fd); }) {}
  ~Reader() { thread_.join(); }

  // The first unread message accepted by `match`, removed; nullopt on timeout or end.
  template <typename Match> std::optional<json> take(Match match) {
    std::unique_lock<std::mutex> lock(mutex_);
    auto deadline = std::chrono::steady_clock::now() + kTimeout;
    while (true) {
      for (auto it = messages_.begin(); it != messages_.end(); ++it)
        if (match(*it)) {
          json found = *it;
          messages_.erase(it);
          return found;
        }
      if (ended_ || ready_.wait_until(lock, deadline) == std::cv_status::timeout)
        return std::nullopt;
    }
  }
  std::string unread() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string out;
    for (const json &m : messages_)
      out += "  " + m.dump() + "\n";
    return out;
  }

private:
  void run(int fd) {
    std::string buffer;
    char chunk[65536];
    ssize_t n;
    while ((n = ::read(fd, chunk, sizeof chunk)) > 0) {
      buffer.append(chunk, static_cast<size_t>(n));
      while (true) {
        size_t end = buffer.find("\r\n\r\n");
        if (end == std::string::npos)
          break;
        size_t length = std::stoul(buffer.substr(buffer.find(':') + 1, end));
        if (buffer.size() < end + 4 + length)
          break;
        json message = json::parse(buffer.substr(end + 4, length));
        buffer.erase(0, end + 4 + length);
        std::lock_guard<std::mutex> lock(mutex_);
        messages_.push_back(std::move(message));
        ready_.notify_all();
      }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    ended_ = true;
    ready_.notify_all();
  }
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<json> messages_;
  bool ended_ = false;
  std::thread thread_;
};

// `expected` is a pattern: objects match when every key matches ("<absent>"
// demands a missing key), "<any>" matches anything, arrays match elementwise,
// {"<contains>": [...]} matches an array holding elements that match.
bool matches(const json &expected, const json *actual, std::string &why, const std::string &path) {
  if (expected == "<absent>") {
    if (actual)
      why = path + ": expected no value, got " + actual->dump();
    return !actual;
  }
  if (!actual) {
    why = path + ": missing";
    return false;
  }
  if (expected == "<any>")
    return true;
  if (expected.is_object() && expected.size() == 1 && expected.contains("<contains>")) {
    // {"<contains>": [a, b]}: an array with elements matching a and b (in any order, among others).
    if (!actual->is_array()) {
      why = path + ": expected an array, got " + actual->dump();
      return false;
    }
    for (const json &wanted : expected["<contains>"]) {
      bool found = false;
      std::string ignored;
      for (const json &element : *actual)
        found = found || matches(wanted, &element, ignored, path);
      if (!found) {
        why = path + ": no element matches " + wanted.dump() + " in " + actual->dump();
        return false;
      }
    }
    return true;
  }
  if (expected.is_object()) {
    if (!actual->is_object()) {
      why = path + ": expected an object, got " + actual->dump();
      return false;
    }
    for (const auto &[key, value] : expected.items()) {
      const json *child = actual->contains(key) ? &(*actual)[key] : nullptr;
      if (!matches(value, child, why, path + "." + key))
        return false;
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual->is_array() || actual->size() != expected.size()) {
      why = path + ": expected " + std::to_string(expected.size()) + " elements, got " + actual->dump();
      return false;
    }
    for (size_t i = 0; i < expected.size(); ++i)
      if (!matches(expected[i], &(*actual)[i], why, path + "[" + std::to_string(i) + "]"))
        return false;
    return true;
  }
  if (expected != *actual) {
    why = path + ": expected " + expected.dump() + ", got " + actual->dump();
    return false;
  }
  return true;
}

// Which message an expectation is about: the response with its id, or the
// first notification/request from the server with its method (and uri).
bool isAbout(const json &expected, const json &message) {
  if (expected.contains("id") && !expected.contains("method"))
    return message.contains("id") && message["id"] == expected["id"] && !message.contains("method");
  if (message.value("method", "") != expected.value("method", ""))
    return false;
  if (expected.contains("params") && expected["params"].contains("uri"))
    return message["params"]["uri"] == expected["params"]["uri"];
  return true;
}

void writeAll(int fd, const std::string &bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0)
      throw std::runtime_error("the server closed its input");
    done += static_cast<size_t>(n);
  }
}

std::string substitute(std::string line, const std::string &root, const std::string &rootUri) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"$ROOT_URI", rootUri}, {"$ROOT", root}})
    for (size_t at = line.find(from); at != std::string::npos; at = line.find(from, at + to.size()))
      line.replace(at, from.size(), to);
  return line;
}

std::optional<int> waitExit(pid_t pid, std::chrono::milliseconds timeout = kTimeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid)
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::nullopt;
}

int fail(const std::string &transcript, int line, const std::string &message, Reader &reader, const fs::path &errFile) {
  std::ifstream err(errFile);
  std::stringstream log;
  log << err.rdbuf();
  std::cerr << transcript << ":" << line << ": " << message << "\nunread messages:\n"
            << reader.unread() << "server log:\n" << log.str();
  return 1;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: cairn_lsp_transcripts CAIRN_BINARY TRANSCRIPT.jsonl\n";
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  std::string binary = fs::absolute(argv[1]).string(), transcript = argv[2];
  std::ifstream input(transcript);
  if (!input) {
    std::cerr << transcript << ": cannot read\n";
    return 2;
  }
  fs::path root = fs::temp_directory_path() / ("cairn-transcript-" + std::to_string(getpid()));
  fs::create_directories(root);
  root = fs::canonical(root);
  fs::path errFile = root / ".server.log";
  std::string rootUri = "file://" + root.string();
  Child child = spawn(binary, root, errFile);
  int status = 0;
  {
    Reader reader(child.out);
    std::string text;
    int lineNumber = 0;
    while (std::getline(input, text)) {
      ++lineNumber;
      if (text.empty() || text[0] == '#')
        continue;
      json step = json::parse(substitute(text, root.string(), rootUri));
      if (step.contains("file")) {
        fs::path file = root / step["file"].get<std::string>();
        fs::create_directories(file.parent_path());
        if (step.contains("delete"))
          fs::remove(file);
        else
          std::ofstream(file) << step["text"].get<std::string>();
      } else if (step.contains("send")) {
        json message = step["send"];
        message["jsonrpc"] = "2.0";
        std::string body = message.dump();
        writeAll(child.in, "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
      } else if (step.contains("raw")) {
        writeAll(child.in, step["raw"].get<std::string>());
      } else if (step.contains("expect")) {
        const json &expected = step["expect"];
        std::optional<json> got = reader.take([&](const json &m) { return isAbout(expected, m); });
        if (!got) {
          std::optional<int> code = waitExit(child.pid, std::chrono::milliseconds(100));
          if (code)
            child.pid = -1;
          status = fail(transcript, lineNumber,
                        "no message for " + expected.dump() +
                            (code ? " (the server exited with " + std::to_string(*code) + ")" : std::string()),
                        reader, errFile);
          break;
        }
        std::string why;
        if (!matches(expected, &*got, why, "$")) {
          status = fail(transcript, lineNumber, why + "\n  in " + got->dump(), reader, errFile);
          break;
        }
      } else if (step.contains("expectExit")) {
        close(child.in);
        child.in = -1;
        std::optional<int> code = waitExit(child.pid);
        if (code != step["expectExit"].get<int>()) {
          status = fail(transcript, lineNumber,
                        "exit code " + (code ? std::to_string(*code) : std::string("(still running)")) +
                            ", expected " + step["expectExit"].dump(),
                        reader, errFile);
          break;
        }
        child.pid = -1;
      } else {
        status = fail(transcript, lineNumber, "unknown step " + text, reader, errFile);
        break;
      }
    }
    if (child.pid > 0) {
      kill(child.pid, SIGKILL);
      waitpid(child.pid, nullptr, 0);
    }
    if (child.in >= 0)
      close(child.in);
  }
  std::error_code ec;
  fs::remove_all(root, ec);
  return status;
}
