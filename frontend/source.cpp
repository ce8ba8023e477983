#include "frontend/source.h"

#include <stdexcept>

#include <algorithm>

namespace cairn {

size_t codePointCount(llvm::StringRef text) {
  size_t count = 0;
  for (unsigned char c : text)
    count += (c & 0xC0) != 0x80;
  return count;
}

size_t byteOffsetOfCodePoint(llvm::StringRef text, size_t index) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == index)
      return i;
  return seen == index ? text.size() : SIZE_MAX;
}

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n')
      lineStarts_.push_back(i + 1);
}

LineCol SourceFile::lineCol(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - lineStarts_.begin());
  return {line, offset - lineStarts_[line - 1] + 1};
}

llvm::StringRef SourceFile::lineText(uint32_t line) const {
  if (line == 0 || line > lineStarts_.size())
    return {};
  uint32_t begin = lineStarts_[line - 1];
  uint32_t end = line < lineStarts_.size() ? lineStarts_[line] : static_cast<uint32_t>(text_.size());
  llvm::StringRef text = llvm::StringRef(text_).slice(begin, end);
  return text.rtrim("\r\n");
}

FileId SourceManager::add(std::string path, std::string text) {
  if (files_.size() >= kFirstSharedId)
    throw std::length_error("too many source files");
  files_.push_back(std::make_shared<const SourceFile>(std::move(path), std::move(text)));
  return FileId{static_cast<uint32_t>(files_.size() - 1)};
}

void SourceManager::adopt(FileId id, std::shared_ptr<const SourceFile> file) {
  if (id.index < kFirstSharedId)
    throw std::logic_error("SourceManager::adopt: ids below kFirstSharedId belong to add()");
  auto [it, inserted] = adopted_.try_emplace(id.index, file);
  if (!inserted && it->second != file)
    throw std::logic_error("SourceManager::adopt: the file id is already in use");
}

} // namespace cairn
