// The tree-walking evaluator. One instance per evaluateProgram call; the
// member functions are spread over eval_*.cpp files by concern. Every
// run-time error is reported once, then unwinds as EvalAbort.
#pragma once

#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringMap.h>
#include <llvm/ADT/StringSet.h>
#include <llvm/Support/Compiler.h>

#include <nlohmann/json_fwd.hpp>

#include "eval/eval.h"
#include "eval/runtime.h"
#include "frontend/stack_guard.h"
#include "eval/call_memo.h"
#include "eval/constant_exprs.h"
#include "eval/function_purity.h"
#include "eval/policy_eval.h"
#include "eval/secret.h"
#include "eval/slot_stack.h"

namespace cairn::eval {

// A value that did not conform to a type: the innermost offending value and
// the type it failed, and whether only a refinement / literal failed (E0501)
// rather than the kind of value (E0510).
struct Mismatch {
  Value value;
  types::TypeId type;
  bool refinementOnly = false;
};

class Evaluator {
public:
  Evaluator(const Program &program, const types::CheckedProgram &checked, const EvalOptions &options,
            DiagnosticSink &diags, ValueArena &arena);

  // ---- top level (params.cpp, emit_collect.cpp)
  void applyParams();
  void collectDocuments(std::vector<Value> &documents, std::vector<Span> &emits);
  void collectLets(uint32_t module, std::vector<NamedValue> &lets);
  // Whether some emit or let was abandoned (normally after an error it reported).
  bool abandonedAny() const { return abandoned_; }

  // ---- expressions (evaluator.cpp dispatches to the files by concern)
  Value eval(ast::ExprId id, const Scope &scope);
  Value callValue(Value callee, llvm::ArrayRef<Value> args, Span callSpan);
  Value topLevelLet(uint32_t module, ast::DeclId decl, Span useSpan);

  // ---- objects (eval_object.cpp, eval_schema.cpp)
  // Builds the object `group` describes, according to group.type.
  Value buildGroup(InputGroup &group);
  Value instantiateSchema(uint32_t schemaIndex, InputGroup &group);
  // The object type to build for `type` (Schema, Map or Any), choosing among
  // union members by the keys of `group` when needed; invalid if none.
  types::TypeId objectTypeFor(types::TypeId type, const InputGroup *group) const;
  // The type of entry `name` in an object of type `objectType` (`any` if unknown).
  types::TypeId memberType(types::TypeId objectType, llvm::StringRef name) const;

  // ---- conformance (conformance.cpp)
  bool conforms(Value value, types::TypeId type, Mismatch &mismatch) const;
  // A value enters a slot of type `slot` from an expression of static type
  // `source` (invalid: unknown) written at `site`. Checked when the static
  // check was deferred; `typeSpan` is where the slot's type is written.
  void checkSlot(Value value, types::TypeId slot, types::TypeId source, Span site, Span typeSpan);
  Value evalDeclared(uint32_t module, ast::ExprId value, ast::TypeExprId type);
  bool needsRuntimeCheck(types::TypeId type) const;
  bool slotNeedsCheck(types::TypeId slot, types::TypeId source) const {
    return slot.valid() && (needsRuntimeCheck(slot) || (source.valid() && containsAny(source)));
  }
  bool containsAny(types::TypeId type) const;
  // Reports a failed conformance (E0501 or E0510) at the offending value
  // (else at `site`) without aborting; null if it was reported before.
  Diagnostic *reportMismatch(const Mismatch &mismatch, Span site, Span typeSpan);

  // ---- policies (eval_policy.cpp)
  // Runs the checks of `policy` on `target` with the parameters' values;
  // appends one outcome per failed check. Throws EvalAbort after reporting
  // an error in a check.
  void runPolicyChecks(const types::PolicyInfo &policy, Value target, llvm::ArrayRef<Value> params,
                       std::vector<CheckFailure> &failures);
  // Each policy run on each value gets the whole step and value-memory
  // budget: findings must not depend on how many objects came before (or
  // on how the objects were split between threads).
  void beginPolicyRun() {
    steps_ = 0;
    fatal_ = false;
    byteBaseline_ = arena_.bytesAllocated();
    memoBytes_ = 0;
    phantomBytes_ = 0;
  }
  // `selectPods` results by namespace and selector: policies ask the same
  // question for every Service and PodDisruptionBudget selecting one app.
  llvm::StringMap<Value> &selectPodsCache() { return selectPodsCache_; }
  // An expression of `module` evaluated at top level (no locals).
  Value evalTopLevel(uint32_t module, ast::ExprId expr) { return eval(expr, Scope{nullptr, nullptr, module}); }

  // ---- values with limits
  Value makeString(llvm::StringRef text, Span span);
  Value makeList(llvm::ArrayRef<Value> items, Span span);
  const ObjectData *makeObject(uint32_t schema, llvm::StringRef typeName,
                               llvm::ArrayRef<ObjectField> fields,
                               llvm::ArrayRef<ObjectField> explicitNulls = {});
  // Fails with E0512 if `bytes` more would exceed the value memory limit.
  void reserveBytes(uint64_t bytes, Span span);
  void checkStringSize(uint64_t bytes, Span span);
  void chargeSteps(uint64_t steps, Span span);

  // ---- diagnostics
  // Reports unless an identical diagnostic was already reported (the same
  // failing function can be reached from many `emit`s); null then.
  template <typename... Args> Diagnostic *report(DiagKind kind, Span span, const Args &...args) {
    std::string message = fmt::format(fmt::runtime(diagInfo(kind).format), args...);
    if (!firstReport(kind, span, message))
      return nullptr;
    return &diags_.report(kind, span, args...);
  }
  template <typename... Args> [[noreturn]] void raise(DiagKind kind, Span span, const Args &...args) {
    report(kind, span, args...);
    throw EvalAbort{};
  }
  // A resource bound was hit: the diagnostic names the flag that raises it.
  template <typename... Args>
  [[noreturn]] void raiseLimit(DiagKind kind, Span span, const char *flag, const Args &...args) {
    if (Diagnostic *d = report(kind, span, args...))
      d->withHint(fmt::format("`{}` raises the limit", flag));
    throw EvalAbort{};
  }
  [[noreturn]] void abortEvaluation() { throw EvalAbort{}; }
  // A regular expression (`matches`, string refinements), compiled once in
  // libstdc++'s polynomial mode, whose matcher does not recurse once per
  // input character (the default one overflows the stack on long strings).
  // Null, and `error` set, when it does not compile (back-references).
  const std::regex *compiledRegex(llvm::StringRef pattern, std::string &error) const;
  // regex_match of `text` against `re` (compiled from `pattern`), remembered:
  // std::regex takes microseconds per match, and the same values (`100m`,
  // `TCP`, names) are checked against the same patterns over and over.
  bool regexMatches(const std::regex &re, llvm::StringRef pattern, llvm::StringRef text) const;

  // ---- secrets (eval/secret.h)
  // `value` marked secret (deeply), its scalars' texts recorded for scrubbing.
  Value taint(Value value);
  // `result` tainted when any of `sources` holds a secret (a builtin's result
  // from its arguments). Free when the program can hold no secret.
  Value taintFrom(Value result, llvm::ArrayRef<Value> sources) {
    return secretsPossible_ && anyContainsSecret(sources) ? taint(result) : result;
  }
  // Values may be secret from now on (a Secret is checked by a policy).
  void expectSecrets() { secretsPossible_ = true; }
  // A message made from `text` (a check or `fail` message), with the secrets
  // in it replaced; `context` holds more values whose secrets to look for
  // (the object a policy checks).
  std::string messageText(Value text, llvm::ArrayRef<Value> context = {});
  // `why` with the secrets of `args` (and those met before) replaced.
  std::string scrubbed(const std::string &why, llvm::ArrayRef<Value> args);

  // E0510 for a value of the wrong kind where `expected` was needed.
  [[noreturn]] void raiseKind(Value value, llvm::StringRef expected, Span span);

  // ---- program access
  const Program &program() const { return program_; }
  const types::CheckedProgram &checked() const { return checked_; }
  const types::TypeStore &types() const { return checked_.types; }
  const ast::Module &ast(uint32_t module) const { return program_.modules[module].ast; }
  const types::CheckedModule &checkedModule(uint32_t module) const { return checked_.modules[module]; }
  const EvalLimits &limits() const { return options_.limits; }
  const EvalOptions &options() const { return options_; }
  ValueArena &arena() { return arena_; }
  std::string display(types::TypeId type) const { return checked_.display(type); }
  llvm::StringRef sourceText(Span span) const;
  types::TypeId exprType(uint32_t module, ast::ExprId expr) const;
  // The span of the type written for a schema field (for "required by this type" labels).
  Span fieldTypeSpan(const types::FieldInfo &field) const;

private:
  friend class CallDepthGuard;

  // evaluator.cpp
  Value evalName(const types::Binding &binding, llvm::StringRef name, Span span, const Scope &scope);
  Value lookupLocal(llvm::StringRef name, Span span, const Scope &scope);
  Value functionValue(FunctionData::Kind kind, uint32_t module, uint32_t node, types::BuiltinId builtin,
                      llvm::StringRef name, Span span);
  LLVM_ATTRIBUTE_NOINLINE Value evalIf(const ast::IfExpr &e, const Scope &scope);
  LLVM_ATTRIBUTE_NOINLINE Value evalLetIn(const ast::LetExpr &e, const Scope &scope);
  // Copies a chain of frames from the C++ stack into the arena (for a lambda).
  const Frame *persistFrames(const Frame *frames);
  bool firstReport(DiagKind kind, Span span, const std::string &message);
  [[noreturn]] LLVM_ATTRIBUTE_NOINLINE void stackExhausted(Span span);

  // eval_ops.cpp
  LLVM_ATTRIBUTE_NOINLINE Value evalString(const ast::StringLit &e, Span span, const Scope &scope);
  LLVM_ATTRIBUTE_NOINLINE Value evalUnary(const ast::UnaryExpr &e, Span span, const Scope &scope);
  Value applyUnary(ast::UnaryOp op, Value operand, Span span);
  LLVM_ATTRIBUTE_NOINLINE Value evalBinary(const ast::BinaryExpr &e, Span span, const Scope &scope);
  Value arithmetic(ast::BinaryOp op, Value lhs, Value rhs, Span span);
  Value intArithmetic(ast::BinaryOp op, int64_t a, int64_t b, Span span);
  Value comparison(ast::BinaryOp op, Value lhs, Value rhs, Span span);
  Value concatenate(Value lhs, Value rhs, Span span);

  // eval_access.cpp
  LLVM_ATTRIBUTE_NOINLINE Value evalMember(const ast::MemberExpr &e, ast::ExprId id, Span span, const Scope &scope);
  LLVM_ATTRIBUTE_NOINLINE Value evalIndex(const ast::IndexExpr &e, Span span, const Scope &scope);
  LLVM_ATTRIBUTE_NOINLINE Value evalList(const ast::ListLit &e, Span span, const Scope &scope);
  LLVM_ATTRIBUTE_NOINLINE Value evalListComp(const ast::ListComp &e, Span span, const Scope &scope);
  LLVM_ATTRIBUTE_NOINLINE Value evalMapComp(const ast::MapComp &e, Span span, const Scope &scope);
  template <typename Body>
  void runClauses(llvm::ArrayRef<ast::CompClause> clauses, const Scope &scope, Body &body);

  // eval_call.cpp
  LLVM_ATTRIBUTE_NOINLINE Value evalCall(const ast::CallExpr &e, Span span, const Scope &scope);
  LLVM_ATTRIBUTE_NOINLINE Value evalLambda(const ast::LambdaExpr &e, ast::ExprId id, Span span, const Scope &scope);
  // Where the arguments of a direct call come from (their static types
  // decide whether a value out of `any` must be checked).
  struct ArgSources {
    uint32_t module;
    llvm::ArrayRef<ast::ExprId> args;
  };
  Value callDeclared(uint32_t module, ast::DeclId decl, llvm::ArrayRef<Value> args, Span callSpan,
                     const ArgSources *sources);
  // callDeclared without the memo.
  Value runDeclared(uint32_t module, ast::DeclId decl, llvm::ArrayRef<Value> args, Span callSpan,
                    const ArgSources *sources);
  // Reusing values (memoized calls, constant literals): what the first
  // computation cost is recorded and charged again on each reuse.
  struct CostMark {
    uint64_t steps, bytes;
    uint32_t outerPeak;
  };
  CostMark beginCost();
  RecordedCost endCost(const CostMark &mark);
  // False (nothing charged) when reuse here would pass the depth limit.
  bool chargeReuse(const RecordedCost &cost, Span span);
  // An object or list literal that is constant (constant_exprs.h), built once.
  Value constantValue(ast::ExprId id, const Scope &scope);
  Value callBuiltinChecked(types::BuiltinId id, llvm::ArrayRef<Value> args, Span callSpan);
  Value callLambda(const FunctionData &fn, llvm::ArrayRef<Value> args, Span callSpan);
  void checkArity(llvm::StringRef name, size_t expected, size_t given, Span callSpan);

  // eval_object.cpp
  LLVM_ATTRIBUTE_NOINLINE Value evalObjectLit(const ast::ObjectLit &e, ast::ExprId id, Span span, const Scope &scope);
  LLVM_ATTRIBUTE_NOINLINE Value evalWith(const ast::WithExpr &e, ast::ExprId id, Span span, const Scope &scope);
  void addEntries(InputGroup &group, const ast::ObjectLit &lit, const Scope &scope, InputGroups &groups);
  InputGroup *nestedGroup(InputGroup &parent, const ast::Name &name, Span span, InputGroups &groups);
  Value buildMap(InputGroup &group, types::TypeId element);
  // The value of one input for a slot of type `slot` (`field`, if any, gives
  // the type's span for messages).
  Value inputValue(const FieldInput &input, types::TypeId slot, const types::FieldInfo *field);
  void mergeBaseInputs(InputGroup &group);
  types::TypeId objectTypeAt(uint32_t module, ast::ExprId expr) const;

  // eval_schema.cpp
  Value forceField(SchemaScope &scope, uint32_t index);
  Value schemaFieldValue(const types::Binding &binding, llvm::StringRef name, Span span, const Scope &scope);
  LLVM_ATTRIBUTE_NOINLINE Value finishInstance(SchemaScope &scope, const InputGroup &group);
  // The arena twin of `scope` that a lambda may keep (see SchemaScope).
  SchemaScope *persistSchemaScope(SchemaScope *scope);
  FieldSlot *copySlots(const FieldSlot *slots, size_t count);
  void runChecks(SchemaScope &scope, Value instance);
  Value evalFieldDefault(SchemaScope &scope, const types::FieldInfo &field);

  struct LetSlot {
    enum State : uint8_t { Unevaluated, Evaluating, Done, Failed } state = Unevaluated;
    Value value;
  };
  struct ParamSlot {
    enum State : uint8_t { Unset, Given, Done, Failed } state = Unset;
    Value value;
  };
  struct ModuleState {
    std::vector<LetSlot> lets;     // per DeclId
    std::vector<ParamSlot> params; // per DeclId
  };

  // params.cpp
  Value paramValue(uint32_t module, ast::DeclId decl, Span useSpan);
  void reportUnknownParam(const ParamInput &input);
  bool isSecretParamName(llvm::StringRef name) const;

  const Program &program_;
  const types::CheckedProgram &checked_;
  const EvalOptions &options_;
  DiagnosticSink &diags_;
  ValueArena &arena_;

  std::vector<ModuleState> modules_;
  llvm::DenseMap<uint64_t, const FunctionData *> functionCache_;
  llvm::StringSet<> reported_;
  mutable llvm::StringMap<std::shared_ptr<std::regex>> regexCache_; // null: does not compile
  mutable llvm::StringMap<bool> regexResults_; // pattern NUL text -> matched (bounded)
  mutable std::vector<uint8_t> typeFlags_; // per TypeId, see conformance.cpp
  uint64_t steps_ = 0;
  llvm::StringMap<Value> selectPodsCache_;
  SlotStack slots_; // slots of the schema instances being built
  InputGroupPool groupPool_;
  uint64_t byteBaseline_ = 0; // arena bytes not counted against the value limit (earlier policy runs)
  FunctionPurity purity_;
  CallMemo memo_;
  ConstantExprs constantExprs_;
  struct RememberedValue {
    Value value;
    RecordedCost cost;
  };
  llvm::DenseMap<uint64_t, RememberedValue> constants_; // module << 32 | ExprId
  uint64_t memoBytes_ = 0;    // arena bytes of the memo's own bookkeeping (not values)
  uint64_t phantomBytes_ = 0; // value bytes memo hits would have allocated
  uint32_t peakDepth_ = 0;    // deepest call nesting so far (for the memo's depth record)
  uint32_t depth_ = 0;
  SecretTexts secretTexts_;
  // Whether values may be secret: the program declares a `secret param`, or
  // objects from outside hold secrets (lint), or a Secret was met.
  bool secretsPossible_ = false;
  bool fatal_ = false; // a limit was hit: evaluate nothing more
  bool abandoned_ = false;
  // Any recursion the call limit misses (or a small thread stack) becomes E0507.
  StackGuard stack_;
};

// Counts one level of user-visible nesting (a call, or a default that may
// instantiate its own schema again) and fails with E0507 past the limit.
class CallDepthGuard {
public:
  CallDepthGuard(Evaluator &ev, Span span);
  ~CallDepthGuard() { --ev_.depth_; }
  CallDepthGuard(const CallDepthGuard &) = delete;
  CallDepthGuard &operator=(const CallDepthGuard &) = delete;

private:
  Evaluator &ev_;
};

// A JSON value (values files, lint parameters) as a value of `type`, built
// like a literal of it (params.cpp). `secret`: for a `secret param`, every
// scalar is marked before the schemas it builds check it.
Value jsonToValue(Evaluator &ev, const nlohmann::ordered_json &data, types::TypeId type, Span span,
                  bool secret = false);

// Builtins (builtins.cpp): `args` already evaluated.
Value callBuiltin(Evaluator &ev, types::BuiltinId id, llvm::ArrayRef<Value> args, Span callSpan);

} // namespace cairn::eval
