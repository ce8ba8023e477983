// The comments of one Cairn source file, found by the real lexer: `//` inside
// a string or a regex literal is not a comment, and a comment that starts in an
// interpolation (`"${ x // y }"`) is found where the lexer finds it. Used by
// tools that read comments without parsing the file (lint's `cairn:ignore`
// directives).
#pragma once

#include <vector>

#include "frontend/source.h"

namespace cairn {

// Every `//`, `///` and `/* */` comment of `file`, in source order; each span
// covers the comment from its first slash to its last character (without the
// line terminator). Empty when the file is not valid UTF-8.
std::vector<Span> commentSpans(const SourceManager &sources, FileId file);

} // namespace cairn
