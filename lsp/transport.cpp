#include "lsp/transport.h"

#include <cctype>
#include <charconv>

#include <llvm/ADT/StringRef.h>

namespace cairn::lsp {
namespace {

// Bodies larger than this are not messages any client sends; such a header is
// treated as malformed instead of allocating the announced size.
constexpr long long kMaxBodyBytes = 256ll * 1024 * 1024;

std::optional<long long> parseLength(llvm::StringRef value) {
  value = value.trim();
  long long length = 0;
  auto [end, error] = std::from_chars(value.begin(), value.end(), length);
  if (error != std::errc() || end != value.end() || length < 0 || length > kMaxBodyBytes)
    return std::nullopt;
  return length;
}

} // namespace

std::optional<long long> Transport::readHeaders() {
  long long length = -1;
  bool sawHeader = false;
  std::string line;
  while (std::getline(in_, line)) {
    llvm::StringRef text(line);
    text = text.rtrim("\r");
    if (text.empty()) {
      if (sawHeader)
        return length;
      continue; // stray blank lines between messages
    }
    sawHeader = true;
    auto [name, value] = text.split(':');
    if (name.trim().equals_insensitive("content-length")) {
      std::optional<long long> parsed = parseLength(value);
      length = parsed ? *parsed : -1;
    }
  }
  return std::nullopt;
}

IncomingMessage Transport::read() {
  while (true) {
    std::optional<long long> length = readHeaders();
    if (!length)
      return {};
    if (*length < 0) { // no usable Content-Length: the block is skipped, and said so
      IncomingMessage skipped;
      skipped.kind = IncomingMessage::Kind::BadHeader;
      skipped.error = "a header without a usable Content-Length was skipped";
      return skipped;
    }
    std::string body(static_cast<size_t>(*length), '\0');
    in_.read(body.data(), *length);
    if (in_.gcount() != *length)
      return {};
    IncomingMessage message;
    try {
      message.json = nlohmann::json::parse(body);
    } catch (const nlohmann::json::exception &e) {
      message.kind = IncomingMessage::Kind::ParseError;
      message.error = e.what();
      return message;
    }
    message.kind = IncomingMessage::Kind::Message;
    return message;
  }
}

void Transport::send(const nlohmann::json &message) {
  // Invalid UTF-8 in a message (a file with stray bytes) must not throw.
  std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::lock_guard<std::mutex> lock(writeMutex_);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

} // namespace cairn::lsp
