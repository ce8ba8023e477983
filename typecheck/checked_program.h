// The result of the static checker: the typed IR that the evaluator runs.
// It is kept beside the AST in side tables indexed by the AST's ids (the AST
// is never modified), plus the schemas with their inherited fields resolved.
#pragma once

#include <vector>

#include <llvm/ADT/StringMap.h>

#include "frontend/program.h"
#include "typecheck/builtins.h"
#include "typecheck/types.h"

namespace cairn::types {

inline constexpr uint32_t kNone = UINT32_MAX;

enum class FieldPresence : uint8_t {
  Required,  // no default, not optional, not nullable
  Optional,  // `name?: T`: absent unless set; absent fields are not output
  Defaulted, // has a default; a nullable field `name: T?` without one defaults to null
};

struct FieldInfo {
  llvm::StringRef name;
  TypeId type;
  FieldPresence presence = FieldPresence::Required;
  uint32_t module = kNone;   // module of the declaring schema (where defaultValue lives)
  ast::ExprId defaultValue;  // invalid for Defaulted means null
  Span span;                 // the field declaration
  uint32_t ownerSchema = kNone;
  llvm::StringRef doc;
};

struct CheckInfo {
  uint32_t module = kNone;
  ast::ExprId cond;
  ast::ExprId message; // invalid: none
  Span span;
  uint32_t ownerSchema = kNone;
};

struct SchemaInfo {
  llvm::StringRef name;
  uint32_t module = kNone;
  ast::DeclId decl;
  Span span;                    // the schema's name
  uint32_t parent = kNone;      // `extends`
  std::vector<FieldInfo> fields;  // inherited fields first, in declaration order
  std::vector<CheckInfo> checks;  // inherited checks first
  llvm::StringMap<uint32_t> fieldIndex;

  const FieldInfo *field(llvm::StringRef fieldName) const {
    auto it = fieldIndex.find(fieldName);
    return it == fieldIndex.end() ? nullptr : &fields[it->second];
  }
};

enum class BindingKind : uint8_t {
  None,        // unresolved (an error was reported)
  Let,         // top-level let: module, index = DeclId
  Param,       // param: module, index = DeclId
  Fn,          // named function: module, index = DeclId
  Builtin,     // index = BuiltinId
  Local,       // fn parameter, lambda parameter, `let ... in`, comprehension variable:
               // the evaluator finds it by name in its lexical environment
  SchemaField, // a sibling field inside a schema default or check: module = schema index, index = field index
  Schema,      // a schema used as a type (typed object literal): index = schema index
  TypeAlias,   // a `type` alias used where a type goes: module, index = DeclId
  Import,      // an import alias: module = imported module index
};

struct Binding {
  BindingKind kind = BindingKind::None;
  uint32_t module = kNone;
  uint32_t index = kNone;
};

struct CheckedModule {
  std::vector<TypeId> exprTypes;    // per ExprId: the expression's type (Error where it did not check)
  std::vector<Binding> bindings;    // per ExprId: set for NameRef, and for MemberExpr naming a module member (`apps.Deployment`, `lib.f`)
  std::vector<TypeId> objectTypes;  // per ExprId: for ObjectLit and WithExpr, the type built: Schema, Map or Any (open object)
  std::vector<TypeId> declTypes;    // per DeclId: let/param type, fn type (Function), alias target
  std::vector<uint32_t> declSchemas; // per DeclId: schema index of a SchemaDecl, else kNone
  std::vector<TypeId> localTypes;   // per TypeExprId: the resolved type of every type expression
};

struct PolicyParamInfo {
  llvm::StringRef name;
  TypeId type;
  ast::ExprId defaultValue;
  Span span;
};

// A `policy` declaration, checked. Settings are expressions evaluated once by
// the linter (invalid when not set: the defaults are "warning", no
// remediation, no tags, enabled).
struct PolicyInfo {
  llvm::StringRef name;        // the check's id: "latest-tag"
  uint32_t module = kNone;
  ast::DeclId decl;
  Span nameSpan;
  TypeId target;               // a schema type, or `any`
  uint32_t targetSchema = kNone; // kNone for `any`
  std::vector<PolicyParamInfo> params;
  ast::ExprId level, remediation, tags, enabled;
  llvm::StringRef doc;         // the `///` comment above the policy
};

struct CheckedProgram {
  TypeStore types;
  std::vector<SchemaInfo> schemas;
  std::vector<PolicyInfo> policies; // in module checking order, then source order
  std::vector<CheckedModule> modules; // parallel to Program::modules

  std::string display(TypeId type) const { return types.display(type, schemas); }
};

// Checks every module of the program (in Program::order). Reports all
// problems to `diags`; the result is usable for editor features even when
// there are errors, but must not be evaluated then.
CheckedProgram checkProgram(const Program &program, DiagnosticSink &diags);

} // namespace cairn::types
