// Diagnostics as plain data: a kind from the catalogue (diagnostics.def), a
// primary span, labelled secondary spans, notes, a hint and alternative fixes.
// Rendering (human, compact, JSON, LSP) is separate: see diag_render.h.
#pragma once

#include <string>
#include <vector>

#include <fmt/format.h>

#include "frontend/source.h"

namespace cairn {

enum class Severity : uint8_t { Error, Warning, Note };

enum class DiagKind : uint16_t {
#define CAIRN_DIAG(code, name, severity, format) name,
#include "frontend/diagnostics.def"
#undef CAIRN_DIAG
};

struct DiagInfo {
  const char *code;   // "E0301"
  const char *name;   // "UnknownName"
  Severity severity;
  const char *format; // fmt format string with positional arguments
};

const DiagInfo &diagInfo(DiagKind kind);
// All catalogue entries, in declaration order.
const std::vector<DiagInfo> &diagCatalogue();
const char *severityName(Severity severity);

// What a message shows instead of a secret value (a `secret param`, a
// Kubernetes Secret's data, or anything computed from them).
inline constexpr llvm::StringLiteral kSecretPlaceholder = "<secret>";

struct Label {
  Span span;
  std::string message;
};

struct TextEdit {
  Span span;               // replaced range; empty range = insertion
  std::string replacement;
};

// One alternative way to fix the problem (an editor code action).
struct Fix {
  std::string message;
  std::vector<TextEdit> edits;
};

struct Diagnostic {
  DiagKind kind;
  Severity severity;
  Span span;
  std::string message;
  std::vector<Label> labels; // secondary spans ("defined here", "check declared here")
  std::vector<std::string> notes;
  std::string hint;          // how to fix it, in words ("did you mean `replicas`?")
  std::vector<Fix> fixes;
  // The source at `span` holds a secret (a Secret's data in a YAML file):
  // renderers name the place but show no excerpt of it.
  bool secretSource = false;

  const char *code() const { return diagInfo(kind).code; }
  Diagnostic &label(Span s, std::string msg) {
    labels.push_back({s, std::move(msg)});
    return *this;
  }
  Diagnostic &note(std::string msg) {
    notes.push_back(std::move(msg));
    return *this;
  }
  Diagnostic &withHint(std::string msg) {
    hint = std::move(msg);
    return *this;
  }
  Diagnostic &fix(std::string msg, Span span, std::string replacement) {
    fixes.push_back({std::move(msg), {{span, std::move(replacement)}}});
    return *this;
  }
};

// Collects the diagnostics of one compilation. One per compilation, never
// shared between threads.
class DiagnosticSink {
public:
  template <typename... Args>
  Diagnostic &report(DiagKind kind, Span span, const Args &...args) {
    const DiagInfo &info = diagInfo(kind);
    Diagnostic d{kind, info.severity, span,
                 fmt::format(fmt::runtime(info.format), args...), {}, {}, {}, {}};
    if (info.severity == Severity::Error)
      ++errors_;
    diags_.push_back(std::move(d));
    return diags_.back();
  }

  // A diagnostic made elsewhere (another sink, a renderer's input).
  Diagnostic &add(Diagnostic d) {
    if (d.severity == Severity::Error)
      ++errors_;
    diags_.push_back(std::move(d));
    return diags_.back();
  }

  bool hasErrors() const { return errors_ > 0; }
  size_t errorCount() const { return errors_; }
  const std::vector<Diagnostic> &diagnostics() const { return diags_; }
  std::vector<Diagnostic> take() {
    errors_ = 0;
    return std::move(diags_);
  }

private:
  std::vector<Diagnostic> diags_;
  size_t errors_ = 0;
};

// "did you mean" support: the candidate closest to `name` by edit distance,
// or empty if none is close enough to be a plausible typo.
std::string closestMatch(llvm::StringRef name, const std::vector<llvm::StringRef> &candidates);

} // namespace cairn
