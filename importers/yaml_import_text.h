// Cairn source text for values read from manifests: string literals with
// the escapes the lexer needs (`${` starts interpolation), `"""` blocks for
// multi-line text, object keys quoted where they are not names, and names
// for generated declarations.
#pragma once

#include <cstdint>
#include <string>

#include <llvm/ADT/StringRef.h>

#include "frontend/cairn_text.h"

namespace cairn::importers {

// Names, keywords and one-line strings: frontend/cairn_text.h.
using cairn::cairnString;
using cairn::isCairnKeyword;
using cairn::isCairnName;
// An object key: bare when it is a name (keywords included), else quoted.
std::string cairnKey(llvm::StringRef key);

// Whether `text` reads better as a `"""` block: two or more lines, and no
// characters that only an escape shows clearly (carriage returns, controls,
// white space at the end of a line).
bool prefersMultiline(llvm::StringRef text);
// Appends a `"""` block for `text` whose lines and closing quotes are indented
// by `indent` spaces (the lexer strips exactly that). A trailing newline of
// `text` becomes an empty line before the closing `"""`.
void appendMultiline(std::string &out, llvm::StringRef text, unsigned indent);

std::string cairnInt(int64_t value);
std::string cairnFloat(double value); // finite values only

// A readable lowerCamel name from free text ("web-config" -> "webConfig",
// "2nd" -> "_2nd"); never empty, never a keyword.
std::string camelName(llvm::StringRef text);

} // namespace cairn::importers
