// The precompiled standard library: one file holding every module of a
// standard-library directory already parsed (frontend/ast_serialize.h), so a
// build that imports `k8s/apps/v1` reads its AST instead of running the
// parser over the Kubernetes modules (most of a small build's time).
//
// It is only a cache. Each module is keyed by its path relative to the
// directory ("k8s/apps/v1.cairn") with the length and xxHash64 of the exact
// source text it was parsed from; the loader still reads the source (spans,
// diagnostics and hover need it) and uses the stored module only when the text
// matches. A missing, stale, truncated or corrupt image is ignored and the
// file parsed as before. Built by tools/stdlib_image (CMake: `<build>/stdlib.image`
// beside `<build>/stdlib`, installed as share/cairn/stdlib.image).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/StringMap.h>
#include <llvm/Support/MemoryBuffer.h>

#include "frontend/ast.h"

namespace cairn {

// Bumped whenever the file layout changes (the AST encoding has its own).
inline constexpr uint32_t kStdlibImageVersion = 1;

// One image file, read-only once opened; safe to share between threads.
class StdlibImage {
public:
  // The image in `path`; nothing when it is missing or its header or index
  // is invalid (wrong magic or version, bad checksum, truncated).
  static std::unique_ptr<StdlibImage> open(const std::filesystem::path &path);
  static std::unique_ptr<StdlibImage> fromBytes(std::unique_ptr<llvm::MemoryBuffer> bytes);

  // The module stored for `relativePath` (generic separators) if it was
  // built from exactly `text`, with its spans in `file` and its source
  // strings pointing into `text`; nothing otherwise.
  std::optional<ast::Module> load(llvm::StringRef relativePath, llvm::StringRef text, FileId file) const;

  size_t moduleCount() const { return entries_.size(); }
  bool contains(llvm::StringRef relativePath) const { return entries_.count(relativePath) != 0; }

private:
  struct Entry {
    uint64_t sourceSize = 0;
    uint64_t sourceHash = 0;
    llvm::StringRef module; // serialized, checksummed by ast_serialize
  };
  explicit StdlibImage(std::unique_ptr<llvm::MemoryBuffer> bytes) : bytes_(std::move(bytes)) {}
  bool readIndex();

  std::unique_ptr<llvm::MemoryBuffer> bytes_;
  llvm::StringMap<Entry> entries_;
};

// Builds an image (tools/stdlib_image, tests).
class StdlibImageWriter {
public:
  // Adds a module parsed from `text`. False when it cannot be serialized.
  bool add(llvm::StringRef relativePath, llvm::StringRef text, const ast::Module &module);
  std::string finish() const;

private:
  struct Stored {
    uint64_t sourceSize;
    uint64_t sourceHash;
    std::string module;
  };
  std::map<std::string, Stored> modules_; // sorted: the same sources give the same bytes
};

// Parses every module under `dir` (recursively, "*.cairn") with the real
// parser and stores those without any diagnostic. Throws
// std::filesystem::filesystem_error when the directory or a file cannot be read.
struct StdlibImageBuild {
  std::string bytes;
  std::vector<std::string> stored;  // relative paths
  std::vector<std::string> leftOut; // "path: why"
};
StdlibImageBuild buildStdlibImage(const std::filesystem::path &dir);

// The images of the standard-library directories of a load, each opened on
// first use and then kept: one per process when the caller keeps this object
// (LoadOptions::stdlibImages, ParseCache). Thread-safe.
class StdlibImages {
public:
  // `DIR.image` beside `dir` ("build/stdlib" -> "build/stdlib.image").
  static std::filesystem::path defaultPath(const std::filesystem::path &dir);

  // Reads the image of `dir` from `imagePath` instead of the default place
  // (call it before the first forDirectory(dir)).
  void setPath(const std::filesystem::path &dir, std::filesystem::path imagePath);
  // The image of `dir` (as given in LoadOptions::stdlibDirs); null when there
  // is none or it cannot be used.
  const StdlibImage *forDirectory(const std::filesystem::path &dir);

private:
  static std::string key(const std::filesystem::path &dir);

  std::mutex mutex_;
  std::map<std::string, std::filesystem::path> paths_;
  std::map<std::string, std::unique_ptr<StdlibImage>> opened_; // null: tried, unusable
};

} // namespace cairn
