// Image layout (integers LEB128 unless marked "le"):
//   "CAIRNIMG"  u32le image version  u32le AST version
//   u64le xxHash64 of the index  u64le index size
//   index: count, then per module: path bytes, source size, u64le source
//          hash, module offset (into the data after the index), module size
//   data:  the serialized modules (each checksummed by ast_serialize)
// The index is checked whole when the image is opened; a module's bytes only
// when it is loaded, so a build touching three modules reads three.
#include "frontend/stdlib_image.h"

#include <llvm/Support/xxhash.h>

#include "frontend/ast_serialize.h"
#include "frontend/binary_io.h"

namespace cairn {

namespace fs = std::filesystem;

namespace {
constexpr llvm::StringLiteral kMagic = "CAIRNIMG";
constexpr size_t kHeaderSize = 8 + 4 + 4 + 8 + 8;
} // namespace

// ------------------------------------------------------------------ reading

std::unique_ptr<StdlibImage> StdlibImage::open(const fs::path &path) {
  // Not memory-mapped: the build regenerates the image in place, and a
  // mapping of a file replaced under a running server could change.
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> bytes =
      llvm::MemoryBuffer::getFile(path.string(), /*IsText=*/false, /*RequiresNullTerminator=*/false,
                                  /*IsVolatile=*/true);
  if (!bytes)
    return nullptr;
  return fromBytes(std::move(*bytes));
}

std::unique_ptr<StdlibImage> StdlibImage::fromBytes(std::unique_ptr<llvm::MemoryBuffer> bytes) {
  std::unique_ptr<StdlibImage> image(new StdlibImage(std::move(bytes)));
  if (!image->readIndex())
    return nullptr;
  return image;
}

bool StdlibImage::readIndex() {
  binary::ByteReader header(bytes_->getBuffer());
  if (header.raw(kMagic.size()) != kMagic || header.u32le() != kStdlibImageVersion ||
      header.u32le() != kAstFormatVersion)
    return false;
  uint64_t indexHash = header.u64le();
  uint64_t indexSize = header.u64le();
  llvm::StringRef index = header.raw(indexSize);
  if (!header.ok() || llvm::xxHash64(index) != indexHash)
    return false;
  llvm::StringRef data = bytes_->getBuffer().drop_front(kHeaderSize + indexSize);
  binary::ByteReader in(index);
  for (uint64_t n = in.count(); n > 0 && in.ok(); --n) {
    llvm::StringRef path = in.bytes();
    Entry entry;
    entry.sourceSize = in.u();
    entry.sourceHash = in.u64le();
    uint64_t offset = in.u(), size = in.u();
    if (offset > data.size() || size > data.size() - offset)
      return false;
    entry.module = data.substr(offset, size);
    if (in.ok())
      entries_[path] = entry;
  }
  return in.ok() && in.atEnd();
}

std::optional<ast::Module> StdlibImage::load(llvm::StringRef relativePath, llvm::StringRef text,
                                             FileId file) const {
  auto found = entries_.find(relativePath);
  if (found == entries_.end())
    return std::nullopt;
  const Entry &entry = found->second;
  if (entry.sourceSize != text.size() || entry.sourceHash != llvm::xxHash64(text))
    return std::nullopt;
  return deserializeModule(entry.module, text, file);
}

// ------------------------------------------------------------------ writing

bool StdlibImageWriter::add(llvm::StringRef relativePath, llvm::StringRef text, const ast::Module &module) {
  std::optional<std::string> bytes = serializeModule(module, text);
  if (!bytes)
    return false;
  modules_[relativePath.str()] = {text.size(), llvm::xxHash64(text), std::move(*bytes)};
  return true;
}

std::string StdlibImageWriter::finish() const {
  binary::ByteWriter index;
  index.u(modules_.size());
  uint64_t offset = 0;
  for (const auto &[path, stored] : modules_) {
    index.bytes(path);
    index.u(stored.sourceSize);
    index.u64le(stored.sourceHash);
    index.u(offset);
    index.u(stored.module.size());
    offset += stored.module.size();
  }
  std::string indexBytes = index.take();
  binary::ByteWriter out;
  out.raw(kMagic);
  out.u32le(kStdlibImageVersion);
  out.u32le(kAstFormatVersion);
  out.u64le(llvm::xxHash64(indexBytes));
  out.u64le(indexBytes.size());
  out.raw(indexBytes);
  for (const auto &entry : modules_)
    out.raw(entry.second.module);
  return out.take();
}

// ------------------------------------------------------------------ per directory

fs::path StdlibImages::defaultPath(const fs::path &dir) {
  fs::path normal = dir.lexically_normal();
  if (!normal.has_filename())
    normal = normal.parent_path(); // "stdlib/" -> "stdlib"
  return normal.parent_path() / (normal.filename().string() + ".image");
}

std::string StdlibImages::key(const fs::path &dir) { return dir.lexically_normal().generic_string(); }

void StdlibImages::setPath(const fs::path &dir, fs::path imagePath) {
  std::lock_guard<std::mutex> lock(mutex_);
  paths_[key(dir)] = std::move(imagePath);
}

const StdlibImage *StdlibImages::forDirectory(const fs::path &dir) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string k = key(dir);
  auto opened = opened_.find(k);
  if (opened != opened_.end())
    return opened->second.get();
  auto configured = paths_.find(k);
  fs::path path = configured != paths_.end() ? configured->second : defaultPath(dir);
  return (opened_[k] = StdlibImage::open(path)).get();
}

} // namespace cairn
