// The abstract syntax tree of one Cairn module, stored in arenas and referred
// to by typed ids. Parse errors become explicit ErrorExpr / ErrorType nodes, so
// later phases never meet a null child. Nothing here depends on ANTLR.
#pragma once

#include <cstdint>
#include <memory>
#include <variant>
#include <vector>

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Allocator.h>
#include <llvm/Support/StringSaver.h>

#include "frontend/source.h"

namespace cairn::ast {

template <typename Tag> struct Id {
  uint32_t index = UINT32_MAX;
  bool valid() const { return index != UINT32_MAX; }
  friend bool operator==(Id a, Id b) { return a.index == b.index; }
  friend bool operator!=(Id a, Id b) { return a.index != b.index; }
};
using ExprId = Id<struct ExprTag>;
using TypeExprId = Id<struct TypeExprTag>;
using DeclId = Id<struct DeclTag>;

// An identifier with its span. `text` is empty when the parser had to invent it.
struct Name {
  llvm::StringRef text;
  Span span;
  bool valid() const { return !text.empty(); }
};

// ------------------------------------------------------------------ expressions

enum class BinaryOp : uint8_t { Add, Sub, Mul, Div, Mod, Eq, Ne, Lt, Le, Gt, Ge, And, Or, Coalesce };
enum class UnaryOp : uint8_t { Neg, Not };
const char *spelling(BinaryOp op);
const char *spelling(UnaryOp op);

struct ErrorExpr {};
struct NullLit {};
struct BoolLit { bool value; };
struct IntLit { int64_t value; };
struct FloatLit { double value; };

// A string is a sequence of literal text (escapes already decoded) and
// interpolations. `expr` is valid for `${...}` parts, `text` for the rest.
struct StringPart {
  llvm::StringRef text;
  ExprId expr;
  Span span;
};
struct StringLit {
  llvm::SmallVector<StringPart, 1> parts;
  bool multiline = false;
  // True when no part is an interpolation; the value is then the concatenation.
  bool isConstant() const;
  std::string constantText() const;
};

struct NameRef { Name name; };
struct ListLit { std::vector<ExprId> items; };

// `for a in xs`, `for a, b in xs`, or `if cond` inside a comprehension.
struct CompClause {
  enum Kind : uint8_t { For, If } kind;
  Name first;     // For: the element (or index / key when `second` is set)
  Name second;    // For: optional second variable
  ExprId expr;    // For: the iterated value; If: the filter
  Span span;
};
struct ListComp {
  std::vector<CompClause> clauses; // the first is always a For
  ExprId body;
};
struct MapComp {
  std::vector<CompClause> clauses;
  ExprId key;
  ExprId value;
};

// One entry of an object body: `a.b.c = value` or the block `a.b { ... }`.
// For a block, `value` is an untyped ObjectLit. In a literal, a block and an
// assignment both set the field; under `with`, a block merges into the base
// value and an assignment replaces it.
struct FieldInit {
  llvm::SmallVector<Name, 2> path;
  bool block = false;
  ExprId value;
  Span span;
};
// `T { ... }` when `typeRef` is valid (an expression naming a schema or a type,
// e.g. `Service` or `apps.Deployment`), else `{ ... }` typed from context.
struct ObjectLit {
  ExprId typeRef;
  std::vector<FieldInit> fields;
  Span bodySpan; // from `{` to `}`
};

struct MemberExpr { ExprId object; Name member; bool optional = false; };
struct IndexExpr { ExprId object; ExprId index; };
struct CallExpr { ExprId callee; std::vector<ExprId> args; };
struct LambdaParam { Name name; TypeExprId type; /* invalid: inferred */ };
struct LambdaExpr { std::vector<LambdaParam> params; ExprId body; };
struct UnaryExpr { UnaryOp op; ExprId operand; Span opSpan; };
struct BinaryExpr { BinaryOp op; ExprId lhs; ExprId rhs; Span opSpan; };
struct IfExpr { ExprId cond; ExprId thenExpr; ExprId elseExpr; };
struct LetExpr { Name name; TypeExprId type; ExprId value; ExprId body; };
// `base with { ... }`; `overrides` is an untyped ObjectLit.
struct WithExpr { ExprId base; ExprId overrides; };

using ExprData = std::variant<ErrorExpr, NullLit, BoolLit, IntLit, FloatLit, StringLit, NameRef,
                              ListLit, ListComp, MapComp, ObjectLit, MemberExpr, IndexExpr,
                              CallExpr, LambdaExpr, UnaryExpr, BinaryExpr, IfExpr, LetExpr,
                              WithExpr>;

struct Expr {
  Span span;
  ExprData data;
  template <typename T> const T *as() const { return std::get_if<T>(&data); }
  template <typename T> bool is() const { return std::holds_alternative<T>(data); }
};

// ------------------------------------------------------------------ types

struct ErrorType {};

struct NumberBound {
  bool isFloat = false;
  int64_t intValue = 0;
  double floatValue = 0;
  double asDouble() const { return isFloat ? floatValue : static_cast<double>(intValue); }
};
// `(lo..hi)` and/or `(/regex/)` after a named type. On `string` a range limits
// the length. Bounds are inclusive; a missing bound is unbounded.
struct Refinement {
  bool hasRange = false;
  bool hasLow = false, hasHigh = false;
  NumberBound low, high;
  Span rangeSpan;
  llvm::StringRef regex; // without the slashes; empty if none
  Span regexSpan;
  Span span;             // the whole `( ... )`
};
// `int`, `Port`, `apps.Deployment`, `int(1..65535)`. `qualifier` is the import
// alias for a qualified name and invalid otherwise.
struct NamedType {
  Name qualifier;
  Name name;
  bool hasRefinement = false;
  Refinement refinement;
};
struct ListType { TypeExprId element; };
struct MapType { TypeExprId key; TypeExprId value; };
struct OptionalType { TypeExprId inner; };
struct UnionType { std::vector<TypeExprId> members; };
// A literal type; `literal` is a NullLit, BoolLit, IntLit, FloatLit or constant StringLit.
struct LiteralType { ExprId literal; };
struct FnType { std::vector<TypeExprId> params; TypeExprId result; };

using TypeExprData = std::variant<ErrorType, NamedType, ListType, MapType, OptionalType, UnionType,
                                  LiteralType, FnType>;

struct TypeExpr {
  Span span;
  TypeExprData data;
  template <typename T> const T *as() const { return std::get_if<T>(&data); }
};

// ------------------------------------------------------------------ declarations

struct ImportDecl {
  llvm::StringRef path; // as written, without quotes
  Span pathSpan;
  Name alias;           // explicit `as NAME`, else invalid (derived by the loader)
};
// `secret param`: the value (and every value computed from it) is redacted in
// diagnostics and editor results; `secretMark` is the span of the word.
struct ParamDecl {
  Name name;
  TypeExprId type;
  ExprId defaultValue; // invalid: required
  Span secretMark;     // invalid: not secret
  bool isSecret() const { return secretMark.valid(); }
};
struct LetDecl { Name name; TypeExprId type; /* invalid: inferred */ ExprId value; };
struct FnParam { Name name; TypeExprId type; };
struct FnDecl {
  Name name;
  std::vector<FnParam> params;
  TypeExprId result; // invalid: inferred
  ExprId body;
};
struct TypeAliasDecl { Name name; TypeExprId type; };
struct SchemaField {
  Name name;
  bool optional = false;  // `name?: T`: may be absent
  TypeExprId type;
  ExprId defaultValue;    // invalid: none (required unless optional or nullable)
  Span span;
  llvm::StringRef docComment;
};
struct SchemaCheck {
  ExprId cond;
  ExprId message; // invalid: none given
  Span span;
};
struct SchemaDecl {
  Name name;
  Name parentQualifier; // import alias of the parent, if qualified
  Name parent;          // invalid: no `extends`
  std::vector<SchemaField> fields;
  std::vector<SchemaCheck> checks;
};
struct EmitDecl { ExprId value; };

// `level = "error"`, `remediation = "..."`, `tags = [...]`, `enabled = false`.
struct PolicySetting { Name name; ExprId value; Span span; };
// `param registries: [string] = []`: set from the lint configuration.
struct PolicyParam { Name name; TypeExprId type; ExprId defaultValue; Span span; };
// `check cond, "message" at value`; `message` and `at` may be invalid.
struct PolicyCheck { ExprId cond; ExprId message; ExprId at; Span span; };
// `policy "name" on Type { ... }`: runs on every value of Type in the linted objects.
struct PolicyDecl {
  llvm::StringRef name; // the check's id, without quotes; empty if it was not a constant
  Span nameSpan;
  TypeExprId target;
  std::vector<PolicySetting> settings;
  std::vector<PolicyParam> params;
  std::vector<PolicyCheck> checks;
};

using DeclData = std::variant<ImportDecl, ParamDecl, LetDecl, FnDecl, TypeAliasDecl, SchemaDecl,
                              EmitDecl, PolicyDecl>;

struct Decl {
  Span span;
  DeclData data;
  llvm::StringRef docComment; // `///` lines right above, without the slashes
  template <typename T> const T *as() const { return std::get_if<T>(&data); }
};

// ------------------------------------------------------------------ module

// One parsed file. Owns every node and every decoded string of the file.
// Copies share the nodes (a parse cache hands one parsed file to many
// programs), so a module is built by one owner and never changed once it
// has been copied.
class Module {
public:
  explicit Module(FileId file) : file_(file), nodes_(std::make_shared<Nodes>()) {}

  FileId file() const { return file_; }
  const std::vector<DeclId> &decls() const { return nodes_->declOrder; }

  const Expr &expr(ExprId id) const { return nodes_->exprs[id.index]; }
  const TypeExpr &type(TypeExprId id) const { return nodes_->types[id.index]; }
  const Decl &decl(DeclId id) const { return nodes_->decls[id.index]; }
  size_t exprCount() const { return nodes_->exprs.size(); }
  size_t typeCount() const { return nodes_->types.size(); }
  size_t declCount() const { return nodes_->decls.size(); }

  ExprId addExpr(Span span, ExprData data) {
    nodes_->exprs.push_back({span, std::move(data)});
    return ExprId{static_cast<uint32_t>(nodes_->exprs.size() - 1)};
  }
  TypeExprId addType(Span span, TypeExprData data) {
    nodes_->types.push_back({span, std::move(data)});
    return TypeExprId{static_cast<uint32_t>(nodes_->types.size() - 1)};
  }
  DeclId addDecl(Span span, DeclData data, llvm::StringRef doc = {}) {
    nodes_->decls.push_back({span, std::move(data), doc});
    nodes_->declOrder.push_back(DeclId{static_cast<uint32_t>(nodes_->decls.size() - 1)});
    return nodes_->declOrder.back();
  }
  // Copies `text` into the module's arena (for decoded strings).
  llvm::StringRef save(llvm::StringRef text) { return nodes_->saver.save(text); }

  // Comments, in source order (for the formatter and doc comments).
  std::vector<Span> comments;

private:
  struct Nodes {
    std::vector<Expr> exprs;
    std::vector<TypeExpr> types;
    std::vector<Decl> decls;
    std::vector<DeclId> declOrder;
    llvm::BumpPtrAllocator alloc;
    llvm::StringSaver saver{alloc};
  };
  FileId file_;
  std::shared_ptr<Nodes> nodes_;
};

} // namespace cairn::ast
