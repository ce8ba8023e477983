// Byte-level encoding shared by the AST serializer and the standard-library
// image: LEB128 integers (llvm/Support/LEB128.h), little-endian fixed-width
// words, length-prefixed bytes. The reader is bounds-checked: past the end or
// on a malformed number it latches a failure and returns zeros from then on,
// so a decoder can read a whole record and check ok() once.
#pragma once

#include <cstdint>
#include <string>

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Endian.h>
#include <llvm/Support/LEB128.h>

namespace cairn::binary {

class ByteWriter {
public:
  void u(uint64_t value) {
    uint8_t buffer[10];
    unsigned n = llvm::encodeULEB128(value, buffer);
    out_.append(reinterpret_cast<const char *>(buffer), n);
  }
  void s(int64_t value) {
    uint8_t buffer[10];
    unsigned n = llvm::encodeSLEB128(value, buffer);
    out_.append(reinterpret_cast<const char *>(buffer), n);
  }
  void u32le(uint32_t value) {
    char buffer[4];
    llvm::support::endian::write32le(buffer, value);
    out_.append(buffer, 4);
  }
  void u64le(uint64_t value) {
    char buffer[8];
    llvm::support::endian::write64le(buffer, value);
    out_.append(buffer, 8);
  }
  void raw(llvm::StringRef bytes) { out_.append(bytes.data(), bytes.size()); }
  void bytes(llvm::StringRef bytes) {
    u(bytes.size());
    raw(bytes);
  }
  size_t size() const { return out_.size(); }
  std::string take() { return std::move(out_); }

private:
  std::string out_;
};

class ByteReader {
public:
  explicit ByteReader(llvm::StringRef bytes)
      : p_(reinterpret_cast<const uint8_t *>(bytes.data())), end_(p_ + bytes.size()) {}

  bool ok() const { return ok_; }
  bool atEnd() const { return p_ == end_; }
  size_t remaining() const { return static_cast<size_t>(end_ - p_); }
  void fail() {
    ok_ = false;
    p_ = end_;
  }

  uint64_t u() {
    if (!ok_)
      return 0;
    unsigned n = 0;
    const char *error = nullptr;
    uint64_t value = llvm::decodeULEB128(p_, &n, end_, &error);
    if (error != nullptr) {
      fail();
      return 0;
    }
    p_ += n;
    return value;
  }
  int64_t s() {
    if (!ok_)
      return 0;
    unsigned n = 0;
    const char *error = nullptr;
    int64_t value = llvm::decodeSLEB128(p_, &n, end_, &error);
    if (error != nullptr) {
      fail();
      return 0;
    }
    p_ += n;
    return value;
  }
  uint32_t u32le() {
    const uint8_t *at = take(4);
    return at ? llvm::support::endian::read32le(at) : 0;
  }
  uint64_t u64le() {
    const uint8_t *at = take(8);
    return at ? llvm::support::endian::read64le(at) : 0;
  }
  // `size` raw bytes; empty (and failed) when fewer remain.
  llvm::StringRef raw(uint64_t size) {
    const uint8_t *at = take(size);
    return at ? llvm::StringRef(reinterpret_cast<const char *>(at), size) : llvm::StringRef();
  }
  llvm::StringRef bytes() { return raw(u()); }
  // A count of items that each take at least one byte: more than the bytes
  // left means corruption, and checking it first keeps a decoder from
  // reserving or looping for a count it can never satisfy.
  uint64_t count() {
    uint64_t n = u();
    if (n > remaining())
      fail();
    return ok_ ? n : 0;
  }

private:
  const uint8_t *take(uint64_t size) {
    if (!ok_ || size > remaining()) {
      fail();
      return nullptr;
    }
    const uint8_t *at = p_;
    p_ += size;
    return at;
  }

  const uint8_t *p_;
  const uint8_t *end_;
  bool ok_ = true;
};

} // namespace cairn::binary
