// Source files and spans. A span is a file id plus byte offsets; line and
// column are computed only when a diagnostic or an editor needs them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringRef.h>

namespace cairn {

struct FileId {
  uint32_t index = UINT32_MAX;
  bool valid() const { return index != UINT32_MAX; }
  friend bool operator==(FileId a, FileId b) { return a.index == b.index; }
  friend bool operator!=(FileId a, FileId b) { return a.index != b.index; }
};

struct Span {
  FileId file;
  uint32_t begin = 0; // byte offset of the first character
  uint32_t end = 0;   // byte offset one past the last character

  bool valid() const { return file.valid(); }
  uint32_t length() const { return end - begin; }
  // The smallest span covering both (same file assumed).
  Span to(Span other) const { return {file, begin < other.begin ? begin : other.begin,
                                      end > other.end ? end : other.end}; }
};

// 1-based line and column; column counts bytes (UTF-16 conversion happens at the LSP edge).
struct LineCol {
  uint32_t line = 0;
  uint32_t column = 0;
};

// Characters (Unicode code points) of UTF-8 text: string lengths, `len` and
// `substr` count these, not bytes.
size_t codePointCount(llvm::StringRef text);
// The byte offset where character `index` starts (text.size() for index ==
// the character count); SIZE_MAX when `index` is past the end.
size_t byteOffsetOfCodePoint(llvm::StringRef text, size_t index);

class SourceFile {
public:
  SourceFile(std::string path, std::string text);

  const std::string &path() const { return path_; }
  llvm::StringRef text() const { return text_; }
  LineCol lineCol(uint32_t offset) const;
  // The text of 1-based line `line`, without its line terminator.
  llvm::StringRef lineText(uint32_t line) const;
  uint32_t lineCount() const { return static_cast<uint32_t>(lineStarts_.size()); }

private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> lineStarts_;
};

// Owns the text of every file of one compilation. Files are never removed, so
// a FileId and the StringRefs into a file's text stay valid for its lifetime.
// Files are shared (immutable) so that a cache can hand the same parsed file
// to many compilations: the language server re-analyses after every edit but
// parses only what changed (frontend/parse_cache.h). Such adopted files keep
// the ids the cache gave them, above kFirstSharedId.
class SourceManager {
public:
  // Ids from here up are handed out by caches (frontend/parse_cache.h), so
  // they never collide with files added to a manager before it adopts them.
  static constexpr uint32_t kFirstSharedId = 1u << 24;

  FileId add(std::string path, std::string text);
  // Places an already loaded file at `id`, the id its AST was built with.
  // Throws std::logic_error when `id` holds another file.
  void adopt(FileId id, std::shared_ptr<const SourceFile> file);
  const SourceFile &file(FileId id) const { return *shared(id); }
  const std::shared_ptr<const SourceFile> &shared(FileId id) const {
    if (id.index < files_.size())
      return files_[id.index];
    return adopted_.find(id.index)->second;
  }
  bool has(FileId id) const {
    return id.index < files_.size() ? files_[id.index] != nullptr : adopted_.count(id.index) != 0;
  }
  // Files added with add() (adopted ones are not counted).
  size_t size() const { return files_.size(); }
  LineCol lineCol(FileId id, uint32_t offset) const { return file(id).lineCol(offset); }
  llvm::StringRef text(Span span) const {
    return file(span.file).text().substr(span.begin, span.length());
  }

private:
  std::vector<std::shared_ptr<const SourceFile>> files_;
  llvm::DenseMap<uint32_t, std::shared_ptr<const SourceFile>> adopted_;
};

} // namespace cairn
