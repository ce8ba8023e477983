// What the (possibly partial) AST says about a cursor: the chain of
// expressions around it, the local names in scope there, and lookups of
// top-level declarations and imports by name. Every walk is confined to the
// one module and to the declaration holding the cursor.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lsp/snapshot.h"

namespace cairn::lsp {

// Calls `f` for each direct child expression of `expr`.
void forEachChildExpr(const ast::Module &module, ast::ExprId expr,
                      const std::function<void(ast::ExprId)> &f);

// The top-level declaration whose span holds `offset` (end inclusive), if any.
std::optional<ast::DeclId> declAt(const ast::Module &module, uint32_t offset);
// The expressions of `decl` holding `offset`, outermost first.
// With `text` given, an expression also holds an offset separated from its
// end by white space only (a `let (...)` or lambda whose body is not typed yet).
std::vector<ast::ExprId> exprPathAt(const ast::Module &module, ast::DeclId decl, uint32_t offset,
                                    llvm::StringRef text = {});

// A local name visible at a point: a fn or lambda parameter, a `let (...)`
// name or a comprehension variable, with its type when the checker knew it.
struct LocalName {
  llvm::StringRef name;
  Span span;
  types::TypeId type;
  const char *what; // "parameter", "local", "loop variable"
};
// Innermost first, so the first match of a name is the one in scope.
std::vector<LocalName> localsAt(const Snapshot &snapshot, uint32_t module, uint32_t offset);

// Top-level declaration named `name` in `module` (the first one).
std::optional<ast::DeclId> findDecl(const ast::Module &module, llvm::StringRef name);
llvm::StringRef declName(const ast::Decl &decl);
// The module imported under `alias` by `module`, if it loaded.
std::optional<uint32_t> importedModule(const Snapshot &snapshot, uint32_t module, llvm::StringRef alias);

// The object literal whose body opens with the `{` at `braceOffset`, and the
// `with` it overrides (if any); both invalid when the AST has none there.
struct ObjectAtBrace {
  ast::ExprId object;
  ast::ExprId withExpr;
};
ObjectAtBrace objectAtBrace(const ast::Module &module, uint32_t braceOffset);

} // namespace cairn::lsp
