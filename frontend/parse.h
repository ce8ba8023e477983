// Text -> AST for one file. Syntax errors are reported to the sink and become
// error nodes; the returned module is always complete enough to check.
#pragma once

#include "frontend/ast.h"
#include "frontend/diagnostic.h"

namespace cairn {

ast::Module parseModule(const SourceManager &sources, FileId file, DiagnosticSink &diags);

// The file holds one expression (`cairn eval -e`); the module gets a single
// `let letName = <expression>`.
ast::Module parseExpressionModule(const SourceManager &sources, FileId file, llvm::StringRef letName,
                                  DiagnosticSink &diags);

} // namespace cairn
