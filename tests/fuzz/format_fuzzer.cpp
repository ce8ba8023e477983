// libFuzzer target: the formatter. Any text that parses must format; the
// result must parse to the same AST with the same comments, and formatting it
// again must change nothing. Text with syntax errors must be refused, never
// formatted. Any violation aborts (a finding).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "format/format.h"
#include "frontend/ast_dump.h"
#include "frontend/parse.h"

namespace {

struct Parsed {
  bool ok;
  std::string ast;
  std::vector<std::string> comments;
};

Parsed parse(const std::string &text) {
  cairn::SourceManager sources;
  cairn::DiagnosticSink diags;
  cairn::FileId file = sources.add("fuzz.cairn", text);
  cairn::ast::Module module = cairn::parseModule(sources, file, diags);
  Parsed parsed{!diags.hasErrors(), cairn::dumpAst(module), {}};
  for (cairn::Span span : module.comments)
    parsed.comments.push_back(llvm::StringRef(sources.text(span)).rtrim(" \t\r").str());
  return parsed;
}

std::optional<std::string> format(const std::string &text) {
  cairn::SourceManager sources;
  cairn::DiagnosticSink diags;
  cairn::FileId file = sources.add("fuzz.cairn", text);
  std::optional<std::string> out = cairn::format::formatSource(sources, file, diags);
  if (!out && !diags.hasErrors())
    std::abort(); // refused without saying why
  return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  Parsed before = parse(text);
  std::optional<std::string> once = format(text);
  if (!before.ok) {
    if (once)
      std::abort(); // a text with syntax errors was formatted
    return 0;
  }
  if (!once)
    std::abort();
  Parsed after = parse(*once);
  if (!after.ok || after.ast != before.ast || after.comments != before.comments)
    std::abort();
  std::optional<std::string> twice = format(*once);
  if (!twice || *twice != *once)
    std::abort();
  return 0;
}
