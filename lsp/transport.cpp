#include "lsp/transport.h"

#include <algorithm>
#include <charconv>

#include <llvm/ADT/StringRef.h>

namespace cairn::lsp {
namespace {

// A header line longer than this is garbage; only its tail is kept, where a
// `Content-Length` glued to the end of the garbage would be.
constexpr size_t kMaxHeaderLineBytes = 4096;
constexpr size_t kKeptTailBytes = 256;
// Bodies are read in steps of this size into at most kUpFrontBodyBytes, then
// grown as the bytes actually arrive: a header's claim alone allocates no
// more than that.
constexpr size_t kBodyReadStep = size_t(1) << 20;
constexpr size_t kUpFrontBodyBytes = size_t(64) << 20;

std::optional<long long> parseLength(llvm::StringRef value) {
  value = value.trim();
  long long length = 0;
  auto [end, error] = std::from_chars(value.begin(), value.end(), length);
  if (error != std::errc() || end != value.end() || length < 0)
    return std::nullopt;
  return length;
}

// Where a `Content-Length` header starts in `line` (0 for a clean header
// line; later when garbage, such as the rest of a body whose length was
// wrong, precedes it), or npos.
size_t contentLengthStart(llvm::StringRef line) {
  for (size_t at = line.find_insensitive("content-length"); at != llvm::StringRef::npos;
       at = line.find_insensitive("content-length", at + 1)) {
    if (line.drop_front(at + 14).ltrim(" \t").startswith(":"))
      return at;
  }
  return llvm::StringRef::npos;
}

// The JSON parser's message without the input it quotes ("last read: ..."):
// that is the editor's text, which the log must not echo.
std::string withoutQuotedInput(std::string error) {
  size_t at = error.find("; last read:");
  if (at != std::string::npos)
    error.erase(at);
  return error;
}

// No LSP message nests deeper than a few dozen levels. Parsing is iterative,
// but copying and printing a value recurse: a message of a million `[` must
// not reach them.
constexpr int kMaxJsonDepth = 256;
struct TooDeep {};

bool refuseDeepNesting(int depth, nlohmann::json::parse_event_t event, nlohmann::json &) {
  using Event = nlohmann::json::parse_event_t;
  if (depth > kMaxJsonDepth && (event == Event::object_start || event == Event::array_start))
    throw TooDeep{};
  return true;
}

} // namespace

bool Transport::readHeaderLine(std::string &line) {
  line.clear();
  bool readAny = false;
  char chunk[1024];
  while (true) {
    in_.getline(chunk, sizeof chunk);
    auto count = static_cast<size_t>(in_.gcount());
    readAny = readAny || count > 0;
    bool delimiter = in_.good();
    line.append(chunk, delimiter ? count - 1 : count);
    if (line.size() > kMaxHeaderLineBytes)
      line.erase(0, line.size() - kKeptTailBytes);
    if (delimiter)
      return true;
    if (in_.eof())
      return readAny;
    in_.clear(); // the chunk filled up: the line goes on
  }
}

std::optional<long long> Transport::readHeaders() {
  long long length = kNoLength;
  bool sawHeader = false;
  std::string line;
  while (readHeaderLine(line)) {
    llvm::StringRef text(line);
    text = text.rtrim("\r");
    if (text.empty()) {
      if (sawHeader)
        return length;
      continue; // stray blank lines between messages
    }
    sawHeader = true;
    size_t start = contentLengthStart(text);
    if (start == llvm::StringRef::npos)
      continue; // Content-Type, other headers, garbage
    std::optional<long long> parsed = parseLength(text.drop_front(start).split(':').second);
    length = !parsed ? kNoLength : *parsed > kMaxBodyBytes ? kTooLong : *parsed;
  }
  return std::nullopt;
}

std::optional<std::string> Transport::readBody(size_t length) {
  std::string body;
  body.reserve(std::min(length, kUpFrontBodyBytes));
  while (body.size() < length) {
    size_t step = std::min(kBodyReadStep, length - body.size());
    size_t old = body.size();
    if (old + step > body.capacity()) // the bytes keep coming: grow, but never past `length`
      body.reserve(std::min(length, 2 * body.capacity()));
    body.resize(old + step);
    in_.read(body.data() + old, static_cast<std::streamsize>(step));
    if (static_cast<size_t>(in_.gcount()) != step)
      return std::nullopt;
  }
  return body;
}

IncomingMessage Transport::read() {
  std::optional<long long> length = readHeaders();
  if (!length)
    return {};
  if (*length < 0) { // the block is skipped, and said so; reading resumes at the next header
    IncomingMessage skipped;
    skipped.kind = IncomingMessage::Kind::BadHeader;
    skipped.error = *length == kTooLong
                        ? "a message longer than the limit of " + std::to_string(kMaxBodyBytes >> 20) +
                              " MiB was skipped"
                        : "a header without a usable Content-Length was skipped";
    return skipped;
  }
  std::optional<std::string> body = readBody(static_cast<size_t>(*length));
  if (!body)
    return {}; // the stream ended inside the body
  IncomingMessage message;
  try {
    message.json = nlohmann::json::parse(*body, refuseDeepNesting);
  } catch (const nlohmann::json::exception &e) {
    message.kind = IncomingMessage::Kind::ParseError;
    message.error = withoutQuotedInput(e.what());
    return message;
  } catch (const TooDeep &) {
    message.kind = IncomingMessage::Kind::ParseError;
    message.error = "the message nests deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    return message;
  }
  message.kind = IncomingMessage::Kind::Message;
  return message;
}

void Transport::send(const nlohmann::json &message) {
  // Invalid UTF-8 in a message (a file with stray bytes) must not throw.
  std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::lock_guard<std::mutex> lock(writeMutex_);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

} // namespace cairn::lsp
