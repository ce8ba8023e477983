// The static checker's state and its operations. One Checker checks one
// Program; its member functions live in one file per construct:
//   check_context.cpp    setup, tables, the order of phases
//   resolve_names.cpp    values, types and module members by name
//   check_types.cpp      type expressions, aliases, refinements
//   check_schema.cpp     schemas: inheritance, fields, defaults, checks
//   check_decls.cpp      let / param / fn / emit, let cycles, unused imports
//   check_expr.cpp       expressions (dispatch, literals, lists, if, let, ...)
//   check_access.cpp     member access, indexing, comprehensions, interpolation
//   check_operators.cpp  unary and binary operators
//   check_call.cpp       calls and lambdas
//   builtin_types.cpp    calls to built-in functions
//   check_object.cpp     object literals and `with`
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/DenseSet.h>
#include <llvm/ADT/StringMap.h>

#include "typecheck/assignable.h"
#include "typecheck/checked_program.h"

namespace cairn::types {

// What an expression is checked against, and why (for the secondary label).
struct Expected {
  TypeId type;                  // invalid: nothing expected, the type is inferred
  Span reasonSpan;              // e.g. the field's type in the schema
  const char *reason = nullptr; // "expected because of this field's type"

  bool has() const { return type.valid(); }
  static Expected none() { return {}; }
  static Expected of(TypeId type, Span reasonSpan = {}, const char *reason = nullptr) {
    return {type, reasonSpan, reason};
  }
  Expected withType(TypeId t) const { return {t, reasonSpan, reason}; }
};

enum class Progress : uint8_t { NotStarted, InProgress, Done };

struct LocalVar {
  llvm::StringRef name;
  TypeId type;
  bool used = false; // for W0302 on `let (x = e) body`
};

// The top-level names of one module, in its two namespaces.
struct ModuleScope {
  llvm::StringMap<ast::DeclId> values; // let, param, fn
  llvm::StringMap<ast::DeclId> types;  // schema, type alias
  llvm::StringMap<uint32_t> imports;   // alias -> index into ProgramModule::imports
  std::vector<uint32_t> openModules;   // `cairn eval -e`: modules in scope unqualified
  std::vector<bool> importUsed;        // per ProgramModule::imports entry
};

// Where the checker is: which module, which locals, which schema body, which let.
struct CheckPosition {
  uint32_t module = kNone;
  std::vector<LocalVar> locals;
  uint32_t schema = kNone;       // inside a default or check of this schema
  uint32_t defaultField = kNone; // inside the default of this field (index in the schema)
  ast::DeclId let;               // inside the value of this top-level let
  unsigned lambdaDepth = 0;
  // Inside a policy's checks: the values come from manifests that need not
  // match their types, so `?.` on a required field is a fair guard there.
  bool policy = false;
  // Inside the default of a `secret param`: a constant that breaks the type
  // is not quoted in the message (eval/secret.h).
  bool secret = false;
};

// An import alias: the import `index` of module `owner`, naming module `target`.
struct ImportRef {
  uint32_t owner, index, target;
  Binding binding() const { return Binding{BindingKind::Import, target, index}; }
};

// A use of one top-level let inside the value of another (for E0309).
struct LetReference {
  uint64_t from, to; // key(module, decl)
  Span span;
};

// A type's declaration site, for "required by this refinement" labels.
struct TypeOrigin {
  Span span;
  const char *what;
};

// One entry of an object body seen from a nested object: `depth` path
// components of `init` are consumed by the enclosing objects.
struct EntryRef {
  const ast::FieldInit *init;
  size_t depth;
  const ast::Name &name() const { return init->path[depth]; }
  bool isLeaf() const { return depth + 1 == init->path.size() && !init->block; }
};

class Checker {
public:
  Checker(const Program &program, DiagnosticSink &diags, CheckedProgram &out);
  void run();
  void typeUnreachedLiterals();

  // ---------------------------------------------------------------- context
  const ast::Module &astOf(uint32_t module) const { return program_.modules[module].ast; }
  bool isStdlibModule(uint32_t module) const { return program_.modules[module].isStdlib; }
  const ast::Module &ast() const { return astOf(pos_.module); }
  const ast::Expr &expr(ast::ExprId id) const { return ast().expr(id); }
  CheckedModule &table() { return out_.modules[pos_.module]; }
  TypeStore &store() { return out_.types; }
  std::string show(TypeId type) const { return out_.display(type); }
  std::string sourceText(Span span) const { return program_.sources.text(span).str(); }
  TypeId record(ast::ExprId e, TypeId type) { return table().exprTypes[e.index] = type; }
  void bind(ast::ExprId e, Binding binding) { table().bindings[e.index] = binding; }
  template <typename... Args> Diagnostic &report(DiagKind kind, Span span, const Args &...args) {
    return diags_.report(kind, span, args...);
  }
  // "did you mean" hint and a fix replacing `span` with the suggestion, if one is close.
  void suggest(Diagnostic &d, llvm::StringRef name, Span span,
               const std::vector<llvm::StringRef> &candidates);

  // ---------------------------------------------------------------- names (resolve_names.cpp)
  // A value by name from the current position; `localType` receives a local's type.
  std::optional<Binding> lookupValue(llvm::StringRef name, TypeId *localType);
  // Whether `name` names a type in `module` (for "is a type, not a value").
  bool isTypeName(uint32_t module, llvm::StringRef name) const;
  TypeId typeDeclType(uint32_t module, ast::DeclId decl, Binding *binding);
  TypeId typeOfBinding(const Binding &binding, Span use);
  TypeId checkNameRef(ast::ExprId e, const ast::NameRef &ref);
  // `alias.member` where `alias` names an import: records both bindings.
  TypeId checkModuleMember(ast::ExprId e, ast::ExprId aliasExpr, const ImportRef &import,
                           const ast::Name &member);
  // Resolves `Name` / `alias.Name` in the type namespace of `module`; reports problems.
  TypeId resolveTypeName(uint32_t module, const ast::Name &qualifier, const ast::Name &name,
                         Binding *binding = nullptr);
  // `T` of `T { ... }`: an expression naming a type.
  TypeId resolveTypeRef(ast::ExprId typeRef);
  // The import an alias names in `module` (or in a module open in it, for
  // `cairn eval -e`); marks the import used.
  std::optional<ImportRef> findImport(uint32_t module, llvm::StringRef alias);
  std::vector<llvm::StringRef> valueCandidates(uint32_t module) const;
  std::vector<llvm::StringRef> typeCandidates(uint32_t module) const;

  // ---------------------------------------------------------------- types (check_types.cpp)
  TypeId resolveType(uint32_t module, ast::TypeExprId id);
  TypeId aliasType(uint32_t module, ast::DeclId decl);
  void noteTypeOrigin(TypeId type, Span span, const char *what);
  const TypeOrigin *typeOrigin(TypeId type) const;

  // ---------------------------------------------------------------- schemas (check_schema.cpp)
  void registerSchema(uint32_t module, ast::DeclId decl);
  void resolveSchemaParents();
  void buildSchemaFields(uint32_t schema);
  void checkSchemaBodies(uint32_t schema);
  void checkDefaultCycles();
  TypeId fieldAccessType(const FieldInfo &field);
  Span fieldTypeSpan(uint32_t schema, const FieldInfo &field) const;

  // ---------------------------------------------------------------- declarations (check_decls.cpp)
  void registerModule(uint32_t module);
  void checkModuleDecls(uint32_t module);
  void checkAnnotatedLet(uint32_t module, ast::DeclId decl, const ast::LetDecl &let);
  void checkFnBody(uint32_t module, ast::DeclId decl, const ast::FnDecl &fn);
  TypeId letType(uint32_t module, ast::DeclId decl);
  TypeId paramType(uint32_t module, ast::DeclId decl);
  TypeId fnType(uint32_t module, ast::DeclId decl, Span use);
  // Whether `emit` may output a value of this type (objects or lists of them).
  bool emittable(TypeId type) const;
  // policies (check_policy.cpp)
  void checkPolicy(uint32_t m, ast::DeclId id, const ast::PolicyDecl &policy);
  void checkPolicySetting(PolicyInfo &info, const ast::PolicySetting &setting);
  void checkLetCycles();
  void reportUnusedImports();
  static uint64_t key(uint32_t module, uint32_t index) {
    return (static_cast<uint64_t>(module) << 32) | index;
  }

  // ---------------------------------------------------------------- expressions
  TypeId checkExpr(ast::ExprId e, const Expected &expected);
  // checkExpr, then a mismatch with `expected` is reported once (E0302 / E0310).
  TypeId checkAgainst(ast::ExprId e, const Expected &expected);
  bool requireAssignable(ast::ExprId e, TypeId actual, const Expected &expected);
  // A condition (`if`, comprehension filter, check): must be bool (E0315).
  void checkCondition(ast::ExprId e);
  TypeId checkString(const ast::StringLit &lit);
  TypeId checkList(const ast::ListLit &list, const Expected &expected);
  TypeId checkIf(const ast::IfExpr &ifExpr, const Expected &expected);
  TypeId checkLet(const ast::LetExpr &let, const Expected &expected);
  // The member of `expected` of kind `kind` (a list or function type), if any.
  TypeId expectedMember(const Expected &expected, TypeKind kind);

  // check_access.cpp
  TypeId checkMember(ast::ExprId e, const ast::MemberExpr &member);
  TypeId memberOf(TypeId objectType, const ast::Name &member);
  TypeId checkIndex(const ast::IndexExpr &index);
  // Pushes the variables of the comprehension's clauses (the caller's LocalScope pops them).
  void checkClauses(const std::vector<ast::CompClause> &clauses);
  TypeId checkListComp(const ast::ListComp &comp, const Expected &expected);
  TypeId checkMapComp(const ast::MapComp &comp, const Expected &expected);

  // check_operators.cpp
  TypeId checkUnary(const ast::UnaryExpr &unary);
  TypeId checkBinary(ast::ExprId e, const ast::BinaryExpr &binary, const Expected &expected);
  TypeId arithmeticResult(const ast::BinaryExpr &binary, TypeId lhs, TypeId rhs);

  // check_call.cpp
  TypeId checkCall(ast::ExprId e, const ast::CallExpr &call, const Expected &expected);
  TypeId checkLambda(const ast::LambdaExpr &lambda, const Expected &expected);
  // Reports E0305 when the number of arguments is outside [minArgs, maxArgs].
  bool checkArity(ast::ExprId callExpr, const ast::CallExpr &call, llvm::StringRef name,
                  size_t minArgs, size_t maxArgs, Span declaredAt);
  std::string calleeName(ast::ExprId callee) const;

  // builtin_types.cpp
  TypeId checkBuiltinCall(ast::ExprId e, BuiltinId id, const ast::CallExpr &call);

  // check_object.cpp
  TypeId checkObjectLit(ast::ExprId e, const ast::ObjectLit &object, const Expected &expected);
  TypeId checkWith(ast::ExprId e, const ast::WithExpr &with, const Expected &expected);

  // ---------------------------------------------------------------- state
  const Program &program_;
  DiagnosticSink &diags_;
  CheckedProgram &out_;
  TypeRelations rel_;
  CheckPosition pos_;

  std::vector<ModuleScope> scopes_;
  std::vector<std::vector<Progress>> declProgress_;  // per module, per DeclId
  std::vector<Progress> schemaProgress_;             // per schema: fields built
  std::vector<std::vector<Span>> fieldTypeSpans_;    // per schema, per field: the type expression
  std::vector<LetReference> letReferences_;
  // Per default expression (key(module, expr)): sibling fields it uses.
  llvm::DenseMap<uint64_t, std::vector<std::pair<llvm::StringRef, Span>>> defaultUses_;
  llvm::DenseMap<uint32_t, TypeOrigin> typeOrigins_;
  // Set by a construct that checked its parts against the expected type
  // itself (`if` branches, list items...), so the whole is not checked again;
  // checkExpr moves it into expectationMet_ for checkAgainst.
  bool consumed_ = false;
  bool expectationMet_ = false;
  llvm::DenseSet<uint64_t> reportedCycles_;          // key(module, decl): E0318 / E0321 given

private:
  // Object literal helpers (check_object.cpp).
  // The object type to build for `target`: a Schema, Map or Any type, Error,
  // or invalid when `target` cannot be built with `{ }`. Picks a union's member (E0405).
  TypeId chooseObjectType(TypeId target, llvm::ArrayRef<EntryRef> entries, Span at);
  // Checks entries against `target` (Schema, Map, Any or Error), or infers a
  // map type when `target` is invalid. Returns the type of the object built.
  TypeId checkEntries(TypeId target, llvm::ArrayRef<EntryRef> entries, bool partial,
                      Span missingAt, const ast::ObjectLit *body);
  // The entries setting one name; returns the type of the value they set.
  TypeId checkGroup(TypeId target, llvm::ArrayRef<EntryRef> group, bool partial);
  // The type a name of `target` holds (E0401 if none), and what its value is checked against.
  TypeId fieldTarget(TypeId target, const EntryRef &first, Expected &expected);
  // Types an entry that cannot be checked against anything (after an error).
  void checkEntryAlone(const EntryRef &entry);
  void reportMissingFields(TypeId target, const llvm::StringMap<bool> &set, Span at,
                           const ast::ObjectLit *body);
};

// Switches the checker to another position for the lifetime of the object.
class EnterPosition {
public:
  EnterPosition(Checker &checker, CheckPosition position)
      : checker_(checker), saved_(std::exchange(checker.pos_, std::move(position))) {}
  ~EnterPosition() { checker_.pos_ = std::move(saved_); }
  EnterPosition(const EnterPosition &) = delete;
  EnterPosition &operator=(const EnterPosition &) = delete;

private:
  Checker &checker_;
  CheckPosition saved_;
};

// Locals pushed while the object lives are popped when it dies.
class LocalScope {
public:
  explicit LocalScope(Checker &checker) : checker_(checker), size_(checker.pos_.locals.size()) {}
  ~LocalScope() { checker_.pos_.locals.resize(size_); }
  void add(llvm::StringRef name, TypeId type) {
    if (!name.empty())
      checker_.pos_.locals.push_back({name, type});
  }
  // Whether the local added last under `name` has been used.
  bool used(llvm::StringRef name) const {
    for (size_t i = checker_.pos_.locals.size(); i > size_; --i)
      if (checker_.pos_.locals[i - 1].name == name)
        return checker_.pos_.locals[i - 1].used;
    return true;
  }

private:
  Checker &checker_;
  size_t size_;
};

} // namespace cairn::types
