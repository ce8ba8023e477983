// libFuzzer target: source text -> tokens -> parse tree -> AST. Any input must
// give a module plus diagnostics, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "frontend/ast_dump.h"
#include "frontend/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cairn::SourceManager sources;
  cairn::DiagnosticSink diags;
  cairn::FileId file = sources.add("fuzz.cairn", std::string(reinterpret_cast<const char *>(data), size));
  cairn::ast::Module module = cairn::parseModule(sources, file, diags);
  // Walk every node: the dump touches each child id, so a dangling id shows here.
  (void)cairn::dumpAst(module);
  return 0;
}
