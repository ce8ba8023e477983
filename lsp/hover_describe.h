// Text that explains a declaration, a schema field, a builtin or a type to
// an editor user: a one-line signature in Cairn syntax, the constraints a
// type carries in words, and the doc comment. Shared by hover, completion
// documentation and signature help.
#pragma once

#include <string>

#include "lsp/snapshot.h"

namespace cairn::lsp {

struct Description {
  std::string signature;   // Cairn source: `replicas?: int(0..) = 1`
  std::string constraints; // "an int from 0", "one of "Always", "IfNotPresent", "Never""
  std::string doc;         // the doc comment, as written
  std::string note;        // where it comes from: "field of Container (k8s/core/v1)"
};

// Renders as Markdown (signature in a code block) or plain text.
std::string render(const Description &description, bool markdown);

// The source text of an expression (a default value), shortened to one line.
std::string exprText(const Snapshot &snapshot, uint32_t module, ast::ExprId expr);

Description describeField(const Snapshot &snapshot, const types::FieldInfo &field);
Description describeDecl(const Snapshot &snapshot, uint32_t module, ast::DeclId decl);
Description describeSchema(const Snapshot &snapshot, uint32_t schema);
Description describeBuiltin(types::BuiltinId builtin);
// Refinements of `type` in words (ranges, regexes, literal unions); empty if none.
std::string constraintsOf(const Snapshot &snapshot, types::TypeId type);
// The doc comment text without leading spaces on each line.
std::string cleanDoc(llvm::StringRef doc);

} // namespace cairn::lsp
