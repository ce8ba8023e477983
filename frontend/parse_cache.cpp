#include "frontend/parse_cache.h"

#include "frontend/parse.h"

namespace cairn {

ParseCache::Entry ParseCache::get(const std::string &canonicalPath, const std::string &display, std::string text,
                                  Precompiled precompiled) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = entries_.find(canonicalPath);
  if (found != entries_.end() && found->second.source->text() == text && found->second.source->path() == display)
    return found->second;
  auto [idIt, isNew] = ids_.try_emplace(canonicalPath, nextId_);
  if (isNew)
    ++nextId_;
  FileId file{idIt->second};
  // Parse against a manager holding just this file, at its permanent id.
  SourceManager sources;
  auto source = std::make_shared<const SourceFile>(display, std::move(text));
  sources.adopt(file, source);
  std::optional<ast::Module> ready = precompiled ? precompiled(file, source->text()) : std::nullopt;
  DiagnosticSink diags;
  if (!ready) {
    ready.emplace(parseModule(sources, file, diags));
    ++parses_;
  }
  Entry entry{file, source, std::move(*ready), diags.take()};
  entries_[canonicalPath] = entry;
  return entry;
}

void ParseCache::forget(const std::string &canonicalPath) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.erase(canonicalPath);
}

size_t ParseCache::parses() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return parses_;
}

} // namespace cairn
