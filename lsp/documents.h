// The open documents: their text as the editor has it (which wins over the
// disk), their version, and the edits of didChange applied in UTF-16
// coordinates. Not thread-safe: the server's worker thread owns it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cairn::lsp {

struct Document {
  std::string uri;
  std::string path; // canonical path (the key of the loader's overlay)
  std::string languageId;
  int64_t version = 0;
  std::string text;
};

class DocumentStore {
public:
  // didOpen: replaces an already open document of the same path.
  const Document &open(std::string uri, std::string path, std::string languageId, int64_t version,
                       std::string text);
  // didChange: applies `contentChanges` in order (each either {text} or
  // {range, text}); throws ProtocolError(kInvalidParams) when malformed.
  // Returns false when the document is not open.
  bool change(const std::string &path, int64_t version, const nlohmann::json &contentChanges);
  bool close(const std::string &path);

  const Document *find(const std::string &path) const;
  const std::map<std::string, Document> &all() const { return documents_; }
  // The open documents' texts by canonical path, for the loader's overlay.
  std::map<std::string, std::string> texts() const;

private:
  std::map<std::string, Document> documents_; // by canonical path
};

// Applies one LSP content change to `text` (exposed for tests).
void applyContentChange(std::string &text, const nlohmann::json &change);

// The canonical form of a document path: symlinks resolved when the file
// exists, lexically normalised otherwise (an unsaved buffer).
std::string canonicalDocumentPath(const std::string &path);

} // namespace cairn::lsp
