// Cutting a YAML stream into documents before parsing, so that one malformed
// document cannot hide the others (yaml-cpp stops at the first error).
#pragma once

#include <cstdint>
#include <vector>

#include <llvm/ADT/StringRef.h>

namespace cairn::manifest {

struct StreamPiece {
  uint32_t begin = 0, end = 0; // byte range in the stream
  bool hasContent = false;     // false: only blank lines, comments and markers
};

// Cuts before every line that starts with the document marker `---` at
// column 0 (a marker there ends any open scalar, by the YAML spec) and before
// directive lines (`%YAML`), keeping directives with the document they
// precede. The pieces cover the text exactly, in order.
std::vector<StreamPiece> splitStream(llvm::StringRef text);

// The offset of the first byte that is not part of well-formed UTF-8
// (overlong forms, surrogates and code points above U+10FFFF included), or
// of the first NUL byte; SIZE_MAX when there is none. `isNul` tells which.
size_t findInvalidByte(llvm::StringRef text, bool &isNul);

} // namespace cairn::manifest
