// A parsed module as bytes and back, so the standard library can be shipped
// precompiled (frontend/stdlib_image.h) instead of being parsed by every run.
//
// The bytes hold every node of the module's arenas in id order, spans as
// offsets (their file is the module's own), and strings either as an offset
// and length into the source text (names, most literals) or inline (decoded
// strings the parser saved in the module's arena). Reading them back therefore
// needs the exact source text the module was parsed from, and gives a module
// whose source strings point into that text, like a fresh parse.
#pragma once

#include <optional>
#include <string>

#include "frontend/ast.h"

namespace cairn {

// Bumped whenever the encoding or an AST node changes shape.
inline constexpr uint32_t kAstFormatVersion = 2;

// The module's bytes: a checksum, then the body. Nothing when the module
// cannot be stored (a span into another file, declarations out of order).
std::optional<std::string> serializeModule(const ast::Module &module, llvm::StringRef sourceText);

// The module stored in `bytes`, its spans in `file`, its source strings in
// `sourceText`. Nothing when the bytes are corrupt or truncated: the checksum
// must match, and the body is decoded with every read, count, id and string
// bounds-checked.
std::optional<ast::Module> deserializeModule(llvm::StringRef bytes, llvm::StringRef sourceText, FileId file);

// The body decoder alone, without the checksum (exposed so tests can reach
// the bounds checks with corrupt bodies).
std::optional<ast::Module> decodeModuleBody(llvm::StringRef body, llvm::StringRef sourceText, FileId file);

} // namespace cairn
