// The open documents: their text as the editor has it (which wins over the
// disk), their version, and the edits of didChange applied in UTF-16
// coordinates. Not thread-safe: the server's worker thread owns it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cairn::lsp {

// Documents longer than this keep their text (edits still apply) but are not
// analysed: no parse, no diagnostics but one saying so, empty answers to
// requests. Other documents see the file on disk when they import it.
inline constexpr size_t kMaxAnalysedDocumentBytes = size_t(4) << 20;

struct Document {
  std::string uri;
  std::string path; // canonical path (the key of the loader's overlay)
  std::string languageId;
  int64_t version = 0;
  std::string text;
  bool tooLargeToAnalyse() const { return text.size() > kMaxAnalysedDocumentBytes; }
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
  // The texts of the open documents that are analysed, by canonical path,
  // for the loader's overlay.
  std::map<std::string, std::string> texts() const;
  // The canonical paths of the open documents that are analysed.
  std::vector<std::string> analysedPaths() const;

private:
  std::map<std::string, Document> documents_; // by canonical path
};

// Applies one LSP content change to `text` (exposed for tests). Positions
// past the end of a line or of the text are clamped to that end (the client
// and the server then agree again on the text that follows); a negative or
// non-integer position is malformed (ProtocolError(kInvalidParams)).
void applyContentChange(std::string &text, const nlohmann::json &change);
// Throws ProtocolError(kInvalidParams) unless `change` is well formed.
void checkContentChange(const nlohmann::json &change);

// The canonical form of a document path: symlinks resolved when the file
// exists, lexically normalised otherwise (an unsaved buffer).
std::string canonicalDocumentPath(const std::string &path);

} // namespace cairn::lsp
