#include "lsp/protocol.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace cairn::lsp {
namespace {

bool isUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

const SourceFile &fileOf(const Snapshot &snapshot, FileId file) { return snapshot.program.sources.file(file); }

} // namespace

std::string shortened(llvm::StringRef name) {
  constexpr size_t kMaxShown = 120;
  if (name.size() <= kMaxShown)
    return name.str();
  return name.take_front(kMaxShown).str() + "...";
}

std::string pathToUri(llvm::StringRef absolutePath) {
  std::string uri = "file://";
  for (unsigned char c : absolutePath)
    uri += isUnreserved(c) ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  return uri;
}

std::optional<std::string> uriToPath(llvm::StringRef uri) {
  if (!uri.consume_front("file://"))
    return std::nullopt;
  // file://host/path: only the local host (empty or "localhost") is a path here.
  if (!uri.startswith("/")) {
    if (!uri.consume_front("localhost"))
      return std::nullopt;
  }
  std::string path;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size()) {
      int hi = hexValue(uri[i + 1]), lo = hexValue(uri[i + 2]);
      if (hi >= 0 && lo >= 0) {
        path += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    path += uri[i];
  }
  if (path.empty() || path.find('\0') != std::string::npos)
    return std::nullopt;
  return path;
}

json toJson(Position position) { return {{"line", position.line}, {"character", position.character}}; }
json toJson(Range range) { return {{"start", toJson(range.start)}, {"end", toJson(range.end)}}; }

Position positionFromJson(const json &position) {
  if (!position.is_object() || !position.contains("line") || !position.contains("character") ||
      !position["line"].is_number_integer() || !position["character"].is_number_integer())
    throw ProtocolError(kInvalidParams, "a position needs integer `line` and `character`");
  // Past the end of the text is clamped later; past what uint32 holds, here
  // (an unsigned 2^64-1 must not wrap to a negative number on the way).
  auto read = [](const json &value) -> uint32_t {
    if (value.is_number_unsigned())
      return static_cast<uint32_t>(std::min<uint64_t>(value.get<uint64_t>(), UINT32_MAX));
    int64_t v = value.get<int64_t>();
    if (v < 0)
      throw ProtocolError(kInvalidParams, "a position's `line` and `character` cannot be negative");
    return static_cast<uint32_t>(std::min<int64_t>(v, UINT32_MAX));
  };
  return {read(position["line"]), read(position["character"])};
}

// Uses the file's own line table (built once when the file was loaded), so a
// request that converts many spans of one file stays linear.
static Position positionIn(const SourceFile &file, uint32_t offset) {
  llvm::StringRef text = file.text();
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  while (offset > 0 && offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
    --offset; // inside a multi-byte character: its start
  LineCol lc = file.lineCol(offset);
  llvm::StringRef line = file.lineText(lc.line);
  uint32_t column = std::min<uint32_t>(lc.column - 1, static_cast<uint32_t>(line.size()));
  return {lc.line - 1, utf16Length(line.substr(0, column))};
}

Range rangeOf(const Snapshot &snapshot, Span span) {
  if (!span.valid() || !snapshot.program.sources.has(span.file))
    return {};
  const SourceFile &file = fileOf(snapshot, span.file);
  return {positionIn(file, span.begin), positionIn(file, span.end)};
}

json rangeJson(const Snapshot &snapshot, Span span) { return toJson(rangeOf(snapshot, span)); }

std::string uriOf(const Snapshot &snapshot, FileId file) {
  if (auto module = snapshot.moduleOfFile(file)) {
    const std::string &path = snapshot.program.modules[*module].canonicalPath;
    if (!path.empty())
      return pathToUri(path);
  }
  const std::string &path = fileOf(snapshot, file).path();
  return path.rfind('/', 0) == 0 ? pathToUri(path) : path;
}

json locationJson(const Snapshot &snapshot, Span span) {
  return {{"uri", uriOf(snapshot, span.file)}, {"range", rangeJson(snapshot, span)}};
}

uint32_t offsetOf(const Snapshot &snapshot, uint32_t module, Position position) {
  LineIndex index(snapshot.text(module));
  return index.offsetOf(position);
}

uint32_t offsetOf(const Snapshot &snapshot, uint32_t module, const json &position) {
  return offsetOf(snapshot, module, positionFromJson(position));
}

} // namespace cairn::lsp
