// Parsed files kept between loads. The language server analyses the
// workspace again after every edit; with this cache only the edited buffers
// are parsed again, not the standard library or the files that did not change
// (parsing runs at a few MB/s: design/performance-notes).
//
// Each canonical path gets one FileId for the cache's lifetime (above
// SourceManager::kFirstSharedId, clear of the ids add() gives), so the spans in
// a cached AST stay valid in every program that adopts the file; a new text
// for a path replaces the entry under the same id. Thread-safe.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/STLFunctionalExtras.h>
#include <llvm/ADT/StringMap.h>

#include "frontend/ast.h"
#include "frontend/diagnostic.h"
#include "frontend/stdlib_image.h"

namespace cairn {

class ParseCache {
public:
  struct Entry {
    FileId file;
    std::shared_ptr<const SourceFile> source;
    ast::Module ast{FileId{}};
    std::vector<Diagnostic> diagnostics; // syntax errors, reported again on every load
  };

  // Builds a module without parsing (from the standard-library image) for
  // the file id and text, or returns nothing to have the text parsed.
  using Precompiled = llvm::function_ref<std::optional<ast::Module>(FileId, llvm::StringRef text)>;

  // The module parsed from `text` at `canonicalPath` (shown as `display`),
  // parsed now (or taken from `precompiled`) unless the cache holds exactly
  // that text. Returned by value: copies share the AST.
  Entry get(const std::string &canonicalPath, const std::string &display, std::string text,
            Precompiled precompiled = {});

  // Drops the entries of files no longer wanted (closed, deleted); their ids
  // are not reused.
  void forget(const std::string &canonicalPath);

  size_t parses() const; // files parsed so far, not counting precompiled ones (for tests and benchmarks)

  // The standard-library images of the loads using this cache, opened once
  // for the cache's lifetime (LoadOptions::stdlibImages).
  StdlibImages &stdlibImages() { return images_; }

private:
  mutable std::mutex mutex_;
  llvm::StringMap<Entry> entries_;
  llvm::StringMap<uint32_t> ids_; // canonical path -> its FileId, never reassigned
  uint32_t nextId_ = SourceManager::kFirstSharedId;
  size_t parses_ = 0;
  StdlibImages images_;
};

} // namespace cairn
