// Builds the completion items of each kind (fields, values, names, types,
// keywords), filtered by the word being typed so that a large module does
// not cost a description per declaration on every keystroke.
#pragma once

#include <llvm/ADT/StringSet.h>

#include "lsp/completion.h"
#include "lsp/completion_types.h"

namespace cairn::lsp {

class ItemBuilder {
public:
  ItemBuilder(const Snapshot &s, uint32_t module, uint32_t replaceBegin, uint32_t replaceEnd,
              const CompletionOptions &options);

  // A schema field; `asEntry` inserts `name = ` (or a `name { }` block)
  // rather than the bare name after a dotted path.
  void field(const types::FieldInfo &field, bool asEntry);
  void moduleMembers(uint32_t module, bool typesOnly);
  // `"Always"`, `true`, `null`... the constant values of `expected`.
  void literalValues(TypeRef expected, const TypeQueries &types);
  // Inside a string: the string literals of `expected`, without quotes.
  void stringLiterals(TypeRef expected, const TypeQueries &types);
  // Locals, the module's declarations, import aliases and builtins; those
  // whose type fits `expected` first.
  void namesInScope(TypeQueries &types, TypeRef expected);
  void typeNamesInScope();
  void expressionKeywords(bool listStart);
  void topLevelKeywords();
  void schemaBodyKeywords(bool policy);

  std::vector<CompletionItem> take() { return std::move(items_); }

private:
  // Whether `label` can match the word typed so far (a case-insensitive
  // subsequence starting with the same letter); records it once.
  bool accept(llvm::StringRef label);
  CompletionItem &add(std::string label, CompletionKind kind, std::string sortGroup);
  bool fits(types::TypeId from, TypeRef expected, const TypeQueries &types) const;
  void keyword(llvm::StringRef word, llvm::StringRef snippet, const char *group);
  void declItem(uint32_t module, ast::DeclId decl, const char *group, TypeRef expected, const TypeQueries *types);

  const Snapshot &s_;
  uint32_t module_;
  uint32_t replaceBegin_, replaceEnd_;
  llvm::StringRef typed_;
  CompletionOptions options_;
  std::vector<CompletionItem> items_;
  llvm::StringSet<> seen_;
};

} // namespace cairn::lsp
