// What a name in the source stands for: every occurrence of a declared thing
// (top-level declarations, import aliases, locals, schema fields, imported
// modules, builtins) resolved to a Symbol with a stable identity, so that
// definition, references, highlights and rename agree on what is "the same".
#pragma once

#include <cstdint>
#include <optional>

#include <llvm/ADT/STLFunctionalExtras.h>
#include <llvm/ADT/StringRef.h>

#include "lsp/snapshot.h"

namespace cairn::lsp {

enum class SymbolKind : uint8_t {
  Decl,    // top-level let/param/fn/schema/type alias/policy: module + DeclId
  Import,  // an import alias: importing module + index into its imports
  Local,   // fn/lambda parameter, `let (...)`, comprehension variable, policy param: module + declaring span
  Field,   // a schema field: the declaring (owner) schema + the field name
  Module,  // an imported module (the path string of an import): the module itself
  Builtin, // a builtin function: no declaration in source
};

struct Symbol {
  SymbolKind kind = SymbolKind::Decl;
  uint32_t module = types::kNone; // declaring module (Module: the module itself)
  uint32_t index = types::kNone;  // Decl: DeclId; Import: import index; Field: owner schema; Builtin: id
  Span declSpan;                  // the declaring name (Module: start of its file; Builtin: invalid)
  llvm::StringRef name;

  friend bool operator==(const Symbol &a, const Symbol &b);
  friend bool operator!=(const Symbol &a, const Symbol &b) { return !(a == b); }
};

enum class OccurrenceRole : uint8_t {
  Declaration, // where the symbol is declared
  Write,       // a field set in an object literal (`replicas = 3`, `spec { ... }`)
  Read,        // any other use
};

struct Occurrence {
  Symbol symbol;
  Span span;               // the name as written (a quoted key includes its quotes)
  OccurrenceRole role = OccurrenceRole::Read;
  ast::ExprId expr;        // the NameRef / MemberExpr / typeRef of a use, when there is one
};

// Called for every occurrence; return false to stop the walk.
using OccurrenceVisitor = llvm::function_ref<bool(const Occurrence &)>;

// Visits the occurrences of `module` in source order. With `focus`, only the
// declarations and expressions whose span contains that offset are entered
// (what a single-position request needs).
void walkOccurrences(const Snapshot &snapshot, uint32_t module, std::optional<uint32_t> focus,
                     OccurrenceVisitor visit);

// The occurrence at `offset` (a name touching the offset from either side;
// the one starting there wins), if any.
std::optional<Occurrence> symbolAt(const Snapshot &snapshot, uint32_t module, uint32_t offset);

// The local called `name` in scope at the use at `offset` (the first
// non-declaring occurrence there), if any: what that name would mean there.
std::optional<Symbol> localInScopeAt(const Snapshot &snapshot, uint32_t module, uint32_t offset,
                                     llvm::StringRef name);

// The symbol of field `name` as seen through schema `schema` (inherited
// fields belong to the schema declaring them); nullopt when there is none.
std::optional<Symbol> fieldSymbol(const Snapshot &snapshot, uint32_t schema, llvm::StringRef name);
// The symbol of a top-level declaration.
std::optional<Symbol> declSymbol(const Snapshot &snapshot, uint32_t module, ast::DeclId decl);

// The whole declaration of a symbol (a `let` with its value, a field with
// its type); the declaring name for locals; invalid for builtins.
Span declarationExtent(const Snapshot &snapshot, const Symbol &symbol);
// True when the symbol is declared in a standard-library module.
bool isStdlibSymbol(const Snapshot &snapshot, const Symbol &symbol);

// The schema a value of `type` has when `fieldName` is read from it or set in
// it: the schema itself, or the schema member of a union (`T?`) having that
// field; kNone otherwise.
uint32_t schemaOfType(const Snapshot &snapshot, types::TypeId type, llvm::StringRef fieldName);

} // namespace cairn::lsp
