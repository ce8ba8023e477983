// The occurrence walker shared by symbol_at_walk.cpp (declarations, types,
// name lookups) and symbol_at_walk_exprs.cpp (expressions): one pass over a
// module's AST resolving every name. Private to the navigation features.
#pragma once

#include <optional>
#include <vector>

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringMap.h>

#include "lsp/symbol_at.h"

namespace cairn::lsp::detail {

using types::Binding;
using types::BindingKind;
using types::kNone;

template <typename T, typename Id> T at(const std::vector<T> &table, Id id, T fallback = T{}) {
  return id.valid() && id.index < table.size() ? table[id.index] : fallback;
}

inline bool touches(Span span, uint32_t offset) { return span.begin <= offset && offset <= span.end; }

class Walker {
public:
  Walker(const Snapshot &snapshot, uint32_t module, std::optional<uint32_t> focus, OccurrenceVisitor visit)
      : snap_(snapshot), module_(module), ast_(snapshot.ast(module)), types_(snapshot.types(module)),
        focus_(focus), visit_(visit) {}

  // While walking to the focus: the local called `name` in scope at the first
  // occurrence touching the focus.
  void probeLocal(llvm::StringRef name) { probeName_ = name; }
  std::optional<Symbol> probed() const { return probed_; }

  void run();

private:
  struct LocalName {
    llvm::StringRef name;
    Symbol symbol;
  };

  void emit(const Symbol &symbol, Span span, OccurrenceRole role, ast::ExprId expr = {}) {
    if (stopped_ || !span.valid())
      return;
    if (focus_ && !touches(span, *focus_))
      return;
    if (!probeName_.empty() && !probed_ && role != OccurrenceRole::Declaration)
      probed_ = findLocal(probeName_);
    if (!visit_(Occurrence{symbol, span, role, expr}))
      stopped_ = true;
  }
  bool skip(Span span) const { return stopped_ || (focus_ && !touches(span, *focus_)); }

  // ------------------------------------------------------------ scopes

  void declareLocal(const ast::Name &name) {
    if (!name.valid()) {
      locals_.push_back({{}, {}});
      return;
    }
    Symbol symbol{SymbolKind::Local, module_, kNone, name.span, name.text};
    locals_.push_back({name.text, symbol});
    emit(symbol, name.span, OccurrenceRole::Declaration);
  }
  std::optional<Symbol> findLocal(llvm::StringRef name) const {
    for (auto it = locals_.rbegin(); it != locals_.rend(); ++it)
      if (!it->name.empty() && it->name == name)
        return it->symbol;
    return std::nullopt;
  }

  // ------------------------------------------------------------ lookups
  std::optional<uint32_t> importIndex(llvm::StringRef alias) const;
  std::optional<Symbol> importSymbol(uint32_t index) const;
  // The type declarations (schemas, aliases) of a module by name, built on first use.
  const llvm::StringMap<ast::DeclId> &typeDecls(uint32_t module);
  // A type name, optionally qualified by an import alias.
  void typeName(const ast::Name &qualifier, const ast::Name &name);
  // Field symbols by (schema, field index): a module sets the same fields over and over.
  std::optional<Symbol> field(uint32_t schema, llvm::StringRef name);
  std::optional<Symbol> bindingSymbol(const Binding &b);
  // ------------------------------------------------------------ declarations
  void declName(ast::DeclId id);
  void walkDecl(ast::DeclId id, const ast::Decl &decl);
  void walkImport(ast::DeclId id, const ast::ImportDecl &imp);
  void walkSchema(ast::DeclId id, const ast::SchemaDecl &schema);
  void walkPolicy(ast::DeclId id, const ast::PolicyDecl &policy);
  // ------------------------------------------------------------ types
  void walkType(ast::TypeExprId id);

  // ------------------------------------------------------------ expressions

  void walkExpr(ast::ExprId id);
  void walkExprData(ast::ExprId id, const ast::Expr &e);
  void walkNameRef(ast::ExprId id, const ast::NameRef &ref);
  void walkMember(ast::ExprId id, const ast::MemberExpr &member);
  void walkObject(ast::ExprId id, const ast::ObjectLit &object);
  void walkObjectBody(const ast::ObjectLit &object, types::TypeId built);
  void walkClauses(const std::vector<ast::CompClause> &clauses);

  const Snapshot &snap_;
  uint32_t module_;
  const ast::Module &ast_;
  const types::CheckedModule &types_;
  std::optional<uint32_t> focus_;
  OccurrenceVisitor visit_;
  bool stopped_ = false;
  std::vector<LocalName> locals_;
  llvm::DenseMap<uint32_t, llvm::StringMap<ast::DeclId>> typeDecls_;
  llvm::DenseMap<uint64_t, std::optional<Symbol>> fieldCache_;
  llvm::StringRef probeName_;
  std::optional<Symbol> probed_;
};

} // namespace cairn::lsp::detail
