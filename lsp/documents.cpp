#include "lsp/documents.h"

#include <filesystem>

#include "lsp/positions.h"
#include "lsp/protocol.h"

namespace cairn::lsp {

void applyContentChange(std::string &text, const nlohmann::json &change) {
  if (!change.is_object() || !change.contains("text") || !change["text"].is_string())
    throw ProtocolError(kInvalidParams, "a content change needs a string `text`");
  const std::string &newText = change["text"].get_ref<const std::string &>();
  if (!change.contains("range")) {
    text = newText;
    return;
  }
  const json &range = change["range"];
  if (!range.is_object() || !range.contains("start") || !range.contains("end"))
    throw ProtocolError(kInvalidParams, "a content change's `range` needs `start` and `end`");
  LineIndex index(text);
  uint32_t begin = index.offsetOf(positionFromJson(range["start"]));
  uint32_t end = index.offsetOf(positionFromJson(range["end"]));
  if (end < begin)
    std::swap(begin, end);
  text.replace(begin, end - begin, newText);
}

std::string canonicalDocumentPath(const std::string &path) {
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
  if (ec)
    return std::filesystem::path(path).lexically_normal().string();
  return canonical.string();
}

const Document &DocumentStore::open(std::string uri, std::string path, std::string languageId,
                                    int64_t version, std::string text) {
  Document &doc = documents_[path];
  doc = Document{std::move(uri), path, std::move(languageId), version, std::move(text)};
  return doc;
}

bool DocumentStore::change(const std::string &path, int64_t version, const nlohmann::json &contentChanges) {
  auto it = documents_.find(path);
  if (it == documents_.end())
    return false;
  if (!contentChanges.is_array())
    throw ProtocolError(kInvalidParams, "`contentChanges` must be an array");
  // Apply to a copy: a malformed change leaves the document as it was.
  std::string text = it->second.text;
  for (const json &change : contentChanges)
    applyContentChange(text, change);
  it->second.text = std::move(text);
  it->second.version = version;
  return true;
}

bool DocumentStore::close(const std::string &path) { return documents_.erase(path) > 0; }

const Document *DocumentStore::find(const std::string &path) const {
  auto it = documents_.find(path);
  return it == documents_.end() ? nullptr : &it->second;
}

std::map<std::string, std::string> DocumentStore::texts() const {
  std::map<std::string, std::string> result;
  for (const auto &[path, doc] : documents_)
    result[path] = doc.text;
  return result;
}

} // namespace cairn::lsp
