// Rendering diagnostics for people and tools. Three forms over the same data:
//   human   rustc/Pkl style: header, `-->` location, source excerpt with `^^^`
//           under the primary span and `---` under labels, then `= note:` and
//           `= hint:` lines; ANSI colour only when asked for.
//   compact one line per diagnostic (`file:line:col: error[E0401]: ...`) plus
//           indented note, hint and label lines; what file tests compare.
//   json    an array of objects for CI and editors (fields documented at
//           diagnosticToJson).
// Rendering never fails: invalid spans, spans past the end of a file and empty
// spans all produce sensible output.
#pragma once

#include <string>
#include <vector>

#include <llvm/ADT/ArrayRef.h>
#include <nlohmann/json.hpp>

#include "frontend/diagnostic.h"
#include "frontend/source.h"

namespace cairn {

enum class DiagRenderFormat { Human, Compact, Json };

struct DiagRenderOptions {
  bool color = false;         // ANSI escapes in the human form
  unsigned tabWidth = 4;      // a tab in an excerpt is shown as this many spaces
  unsigned maxLineWidth = 120; // longer excerpt lines are cut around the span
};

// Colour only on a terminal, and never when NO_COLOR is set to a non-empty
// value (https://no-color.org); the driver passes both facts in.
bool shouldUseColor(bool streamIsTerminal, bool noColorSet);

// Sorts by file path, then start offset, stably. Diagnostics without a location
// (invalid span) come first: they concern the whole run.
void sortDiagnostics(std::vector<Diagnostic> &diags, const SourceManager &sources);

std::string renderHuman(const Diagnostic &diag, const SourceManager &sources,
                        const DiagRenderOptions &options = {});
std::string renderCompact(const Diagnostic &diag, const SourceManager &sources);
nlohmann::ordered_json diagnosticToJson(const Diagnostic &diag, const SourceManager &sources);

// Every diagnostic in `diags`, in the given order, in one of the forms. Human
// diagnostics are separated by a blank line; json is one array (2-space indent)
// followed by a newline, `[]` when there is nothing to report.
std::string renderDiagnostics(llvm::ArrayRef<Diagnostic> diags, const SourceManager &sources,
                              DiagRenderFormat format, const DiagRenderOptions &options = {});

// "error: 2 errors, 1 warning" / "warning: 1 warning"; empty when nothing was
// reported. Notes are not counted. Ends without a newline.
std::string diagnosticSummary(llvm::ArrayRef<Diagnostic> diags, bool color = false);

} // namespace cairn
