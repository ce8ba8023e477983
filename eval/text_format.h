// Byte-level text helpers shared by the YAML and JSON writers: numbers,
// UTF-8 decoding and JSON string escaping. All append to a std::string, which
// is the only buffer the writers use (no streams: 16 MB of output must take
// well under a second).
#pragma once

#include <cstdint>
#include <string>

#include <llvm/ADT/StringRef.h>

namespace cairn::eval {

void appendInt(std::string &out, int64_t value);

// The shortest text that reads back as the same double, and always as a
// float: it has a `.` in the mantissa ("1.0", "0.5", "1.0e+20"), which YAML
// 1.1 and 1.2 parsers and JSON all accept as a float. Non-finite values are
// written by the caller (YAML `.inf`/`.nan`; JSON cannot hold them).
void appendFiniteFloat(std::string &out, double value);

// The UTF-8 sequence at `text[i]`: its code point and length in bytes, or
// length 0 when the bytes there are not valid UTF-8 (overlong, surrogate,
// truncated, above U+10FFFF).
struct CodePoint {
  uint32_t value;
  unsigned length;
};
CodePoint decodeUtf8(llvm::StringRef text, size_t i);

// `text` as a JSON string literal with quotes. Control characters are escaped;
// other valid UTF-8 is copied; invalid bytes become U+FFFD.
void appendJsonString(std::string &out, llvm::StringRef text);

} // namespace cairn::eval
