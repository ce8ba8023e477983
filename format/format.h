// The Cairn formatter: source text -> the one canonical layout, every comment
// kept, meaning unchanged. Used by `cairn fmt` and by the language server's
// formatting requests. The layout rules are documented in docs/formatting.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>

#include "frontend/diagnostic.h"
#include "frontend/source.h"

namespace cairn::format {

struct FormatOptions {
  unsigned indentWidth = 2;
  unsigned maxLineWidth = 100;
};

// The canonical layout of the text of `file`. A text with syntax errors is
// never reformatted: returns nullopt and reports the parse diagnostics (spans
// in `sources`).
std::optional<std::string> formatSource(const SourceManager &sources, FileId file,
                                        DiagnosticSink &diags, const FormatOptions &options = {});

// One replacement: bytes [begin, end) of the ORIGINAL text become `text`.
struct Edit {
  uint32_t begin = 0, end = 0;
  std::string text;
};

// Minimal line-based edits turning `original` into `formatted`, in increasing,
// non-overlapping order. Empty when the texts are equal.
std::vector<Edit> diffEdits(llvm::StringRef original, llvm::StringRef formatted);

// Range formatting (LSP textDocument/rangeFormatting): formats the whole file
// and keeps only the edits that touch the lines of [begin, end). A range that
// starts or ends mid-line covers those whole lines, widened to whole top-level
// declarations so that the result is always a valid file. nullopt (and the
// parse diagnostics) when the text has syntax errors.
std::optional<std::vector<Edit>> formatRange(const SourceManager &sources, FileId file, uint32_t begin,
                                             uint32_t end, DiagnosticSink &diags,
                                             const FormatOptions &options = {});

} // namespace cairn::format
