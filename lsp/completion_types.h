// The types editor features expect at a cursor: the schema of the object
// body around it, the type a value position wants, the type of a name or a
// dotted chain. It reads the checker's tables where the AST is intact and
// falls back to the token stream (cursor_context.h) where it is not, so that
// `apps.Deployment { spec { template { spec { containers = [{ ^` knows it is
// in a Container even when nothing after `^` parses.
#pragma once

#include <optional>

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/DenseMap.h>

#include "lsp/cursor_context.h"
#include "lsp/cursor_context_ast.h"

namespace cairn::lsp {

// A type as far as it is known: a TypeId, or just a schema (a schema named
// in the text need not have an interned TypeId, and the snapshot is read-only).
struct TypeRef {
  types::TypeId id;
  uint32_t schema = types::kNone;
  bool known() const { return id.valid() || schema != types::kNone; }
};

class TypeQueries {
public:
  TypeQueries(const Snapshot &snapshot, uint32_t module, const CursorContext &cx);

  // The type of the object whose body is opened by `cx.frames[frame]`.
  TypeRef objectFrameType(size_t frame);
  // The type expected for an expression starting at token `index`, inside
  // `cx.frames[0, frameCount)`.
  TypeRef expectedAt(size_t index, size_t frameCount);

  TypeRef fieldType(TypeRef object, llvm::StringRef name) const;
  TypeRef walkPath(TypeRef object, llvm::ArrayRef<llvm::StringRef> path) const;
  // The schema of a type, through aliases and `T?`; kNone if it is not one.
  uint32_t schemaOf(TypeRef type) const;
  TypeRef elementOf(TypeRef list) const;
  // `int`, `Service`, `apps.Deployment` as seen from the module.
  TypeRef resolveTypeName(llvm::StringRef qualifier, llvm::StringRef name) const;
  // A name in an expression at the cursor: a local, a let, a param or a fn.
  TypeRef valueNameType(llvm::StringRef name);
  // `a.b.c` as an expression (`alias.member...` included).
  TypeRef chainType(llvm::ArrayRef<llvm::StringRef> chain);
  // The type the checker gave the expression spanning [begin, end), if any.
  std::optional<types::TypeId> exprTypeBetween(uint32_t begin, uint32_t end) const;

  const std::vector<LocalName> &locals();
  const Snapshot &snapshot() const { return s_; }
  uint32_t module() const { return module_; }

private:
  // Names `a.b.c` ending at token `last` (inclusive); returns the first token's index.
  size_t chainEndingAt(size_t last, std::vector<llvm::StringRef> &chain) const;
  TypeRef topLevelDeclType(size_t assign);
  TypeRef callArgumentType(size_t frame, size_t index);
  TypeRef declType(uint32_t module, ast::DeclId decl) const;
  bool isBlockHeader(size_t frame, size_t chainStart) const;

  const Snapshot &s_;
  uint32_t module_;
  const CursorContext &cx_;
  std::optional<std::vector<LocalName>> locals_;
  std::optional<llvm::DenseMap<uint32_t, ast::ExprId>> objectsByBrace_;
};

} // namespace cairn::lsp
