#include "lsp/documents.h"

#include <filesystem>

#include "lsp/positions.h"
#include "lsp/protocol.h"

namespace cairn::lsp {

void checkContentChange(const nlohmann::json &change) {
  if (!change.is_object() || !change.contains("text") || !change["text"].is_string())
    throw ProtocolError(kInvalidParams, "a content change needs a string `text`");
  if (!change.contains("range"))
    return;
  const json &range = change["range"];
  if (!range.is_object() || !range.contains("start") || !range.contains("end"))
    throw ProtocolError(kInvalidParams, "a content change's `range` needs `start` and `end`");
  positionFromJson(range["start"]);
  positionFromJson(range["end"]);
}

void applyContentChange(std::string &text, const nlohmann::json &change) {
  checkContentChange(change);
  const std::string &newText = change["text"].get_ref<const std::string &>();
  if (!change.contains("range")) {
    text = newText;
    return;
  }
  // Only the lines up to each end are scanned: typing in a large document
  // costs what the edit's position costs, not a line table of the whole text.
  uint32_t begin = offsetInText(text, positionFromJson(change["range"]["start"]));
  uint32_t end = offsetInText(text, positionFromJson(change["range"]["end"]));
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
  // Check them all first: a malformed change leaves the document as it was.
  // Then apply in place, with no copy of a large text.
  for (const json &change : contentChanges)
    checkContentChange(change);
  for (const json &change : contentChanges)
    applyContentChange(it->second.text, change);
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
    if (!doc.tooLargeToAnalyse())
      result[path] = doc.text;
  return result;
}

std::vector<std::string> DocumentStore::analysedPaths() const {
  std::vector<std::string> paths;
  for (const auto &[path, doc] : documents_)
    if (!doc.tooLargeToAnalyse())
      paths.push_back(path);
  return paths;
}

} // namespace cairn::lsp
