// Single-line quoted scalars decoded as yaml-cpp decodes them, for the fast
// block-YAML reader (block_reader.h). Whatever these decline is left to
// yaml-cpp, so they only need to be right for what they accept.
#pragma once

#include <string>

#include <llvm/ADT/StringRef.h>

namespace cairn::manifest {

// False for bytes yaml-cpp might read differently from plain text: C0
// controls (tab and CR included), DEL, and the starts of a BOM, NEL, LS, PS.
bool isPlainByte(llvm::StringRef text, size_t i);

// The quoted scalar opening at text[open] (`'` or `"`), closed on the same
// line: sets `end` one past the closing quote and `value` (a slice of
// `text`, or `buffer` when escapes had to be decoded). False when it is not
// closed on its line, holds an escape outside the common set (`\N`, `\_`,
// `\L`, `\P`, a line break) or a byte isPlainByte rejects.
bool readQuotedScalar(llvm::StringRef text, size_t open, size_t &end, llvm::StringRef &value, std::string &buffer);

} // namespace cairn::manifest
