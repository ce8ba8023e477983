#include "eval/evaluator.h"

#include "eval/value_ops.h"

namespace cairn::eval {
namespace {

// The position of T among the alternatives of ast::ExprData, for a switch.
template <typename T, typename... Ts> constexpr size_t indexIn(const std::variant<Ts...> *) {
  size_t index = 0;
  bool found = false;
  ((found = found || std::is_same_v<T, Ts>, index += found ? 0 : 1), ...);
  return index;
}
template <typename T> constexpr size_t kExprKind = indexIn<T>(static_cast<const ast::ExprData *>(nullptr));

} // namespace

// Any `secret param` in the program: without one (and outside lint) no
// value can be secret, and the taint checks cost nothing.
static bool declaresSecretParam(const Program &program) {
  for (const ProgramModule &module : program.modules)
    for (ast::DeclId decl : module.ast.decls())
      if (const auto *param = module.ast.decl(decl).as<ast::ParamDecl>(); param && param->isSecret())
        return true;
  return false;
}

Evaluator::Evaluator(const Program &program, const types::CheckedProgram &checked,
                     const EvalOptions &options, DiagnosticSink &diags, ValueArena &arena)
    : program_(program), checked_(checked), options_(options), diags_(diags), arena_(arena),
      purity_(program, checked), constantExprs_(program, checked, purity_) {
  modules_.resize(program.modules.size());
  for (size_t m = 0; m < program.modules.size(); ++m) {
    size_t decls = program.modules[m].ast.declCount();
    modules_[m].lets.resize(decls);
    modules_[m].params.resize(decls);
  }
  secretsPossible_ = options.secretInputs || declaresSecretParam(program);
}

Value Evaluator::eval(ast::ExprId id, const Scope &scope) {
  const ast::Expr &expr = ast(scope.module).expr(id);
  if (++steps_ > options_.limits.maxSteps)
    chargeSteps(0, expr.span);
  if (stack_.exhausted())
    stackExhausted(expr.span);
  const ast::ExprData &data = expr.data;
  switch (data.index()) {
  case kExprKind<ast::NullLit>: return Value::null(expr.span);
  case kExprKind<ast::BoolLit>: return Value::boolean(std::get<ast::BoolLit>(data).value, expr.span);
  case kExprKind<ast::IntLit>: return Value::integer(std::get<ast::IntLit>(data).value, expr.span);
  case kExprKind<ast::FloatLit>: return Value::real(std::get<ast::FloatLit>(data).value, expr.span);
  case kExprKind<ast::StringLit>: return evalString(std::get<ast::StringLit>(data), expr.span, scope);
  case kExprKind<ast::NameRef>: {
    const ast::Name &name = std::get<ast::NameRef>(data).name;
    return evalName(checkedModule(scope.module).bindings[id.index], name.text, expr.span, scope);
  }
  case kExprKind<ast::ListLit>:
    if (constantExprs_.isConstant(scope.module, id))
      return constantValue(id, scope);
    return evalList(std::get<ast::ListLit>(data), expr.span, scope);
  case kExprKind<ast::ListComp>: return evalListComp(std::get<ast::ListComp>(data), expr.span, scope);
  case kExprKind<ast::MapComp>: return evalMapComp(std::get<ast::MapComp>(data), expr.span, scope);
  case kExprKind<ast::ObjectLit>:
    if (constantExprs_.isConstant(scope.module, id))
      return constantValue(id, scope);
    return evalObjectLit(std::get<ast::ObjectLit>(data), id, expr.span, scope);
  case kExprKind<ast::MemberExpr>: return evalMember(std::get<ast::MemberExpr>(data), id, expr.span, scope);
  case kExprKind<ast::IndexExpr>: return evalIndex(std::get<ast::IndexExpr>(data), expr.span, scope);
  case kExprKind<ast::CallExpr>: return evalCall(std::get<ast::CallExpr>(data), expr.span, scope);
  case kExprKind<ast::LambdaExpr>: return evalLambda(std::get<ast::LambdaExpr>(data), id, expr.span, scope);
  case kExprKind<ast::UnaryExpr>: return evalUnary(std::get<ast::UnaryExpr>(data), expr.span, scope);
  case kExprKind<ast::BinaryExpr>: return evalBinary(std::get<ast::BinaryExpr>(data), expr.span, scope);
  case kExprKind<ast::IfExpr>: return evalIf(std::get<ast::IfExpr>(data), scope);
  case kExprKind<ast::LetExpr>: return evalLetIn(std::get<ast::LetExpr>(data), scope);
  case kExprKind<ast::WithExpr>:
    if (constantExprs_.isConstant(scope.module, id))
      return constantValue(id, scope);
    return evalWith(std::get<ast::WithExpr>(data), id, expr.span, scope);
  default:
    // An ErrorExpr: the parser already reported it and such programs are
    // never evaluated; stop quietly rather than invent a value.
    abortEvaluation();
  }
}

Value Evaluator::evalIf(const ast::IfExpr &e, const Scope &scope) {
  Value cond = eval(e.cond, scope);
  if (cond.kind() != ValueKind::Bool)
    raiseKind(cond, "bool", ast(scope.module).expr(e.cond).span);
  return eval(cond.asBool() ? e.thenExpr : e.elseExpr, scope);
}

Value Evaluator::evalLetIn(const ast::LetExpr &e, const Scope &scope) {
  Value value = eval(e.value, scope);
  if (e.type.valid()) {
    types::TypeId declared = checkedModule(scope.module).localTypes[e.type.index];
    checkSlot(value, declared, exprType(scope.module, e.value), ast(scope.module).expr(e.value).span,
              ast(scope.module).type(e.type).span);
  }
  Frame frame{scope.locals, e.name.text, value};
  Scope inner = scope;
  inner.locals = &frame;
  return eval(e.body, inner);
}

const Frame *Evaluator::persistFrames(const Frame *frames) {
  if (!frames)
    return nullptr;
  const Frame *parent = persistFrames(frames->parent);
  return new (arena_.allocator().Allocate<Frame>()) Frame{parent, frames->name, frames->value};
}

Value Evaluator::evalName(const types::Binding &binding, llvm::StringRef name, Span span,
                          const Scope &scope) {
  using types::BindingKind;
  switch (binding.kind) {
  case BindingKind::Local: return lookupLocal(name, span, scope);
  case BindingKind::Let: return topLevelLet(binding.module, ast::DeclId{binding.index}, span);
  case BindingKind::Param: return paramValue(binding.module, ast::DeclId{binding.index}, span);
  case BindingKind::SchemaField: return schemaFieldValue(binding, name, span, scope);
  case BindingKind::Fn:
    return functionValue(FunctionData::Kind::Declared, binding.module, binding.index, {}, name, span);
  case BindingKind::Builtin: {
    auto id = static_cast<types::BuiltinId>(binding.index);
    return functionValue(FunctionData::Kind::Builtin, 0, binding.index, id, types::builtinInfo(id).name, span);
  }
  default:
    // Types, import aliases and unresolved names are not values; the checker
    // reported them, and a program with errors is never evaluated.
    raise(DiagKind::NotAValue, span, name.str());
  }
}

Value Evaluator::lookupLocal(llvm::StringRef name, Span span, const Scope &scope) {
  for (const Frame *frame = scope.locals; frame; frame = frame->parent)
    if (frame->name == name)
      return frame->value;
  raise(DiagKind::UnknownName, span, name.str());
}

Value Evaluator::functionValue(FunctionData::Kind kind, uint32_t module, uint32_t node,
                               types::BuiltinId builtin, llvm::StringRef name, Span span) {
  uint64_t key = (static_cast<uint64_t>(kind) << 62) | (static_cast<uint64_t>(module) << 32) | node;
  const FunctionData *&cached = functionCache_[key];
  if (!cached) {
    auto *fn = new (arena_.allocator().Allocate<FunctionData>()) FunctionData();
    fn->kind = kind;
    fn->module = module;
    fn->node = node;
    fn->builtin = builtin;
    fn->name = name;
    cached = fn;
  }
  return Value::function(cached, span);
}

Value Evaluator::topLevelLet(uint32_t module, ast::DeclId decl, Span useSpan) {
  LetSlot &slot = modules_[module].lets[decl.index];
  switch (slot.state) {
  case LetSlot::Done: return slot.value;
  case LetSlot::Failed: abortEvaluation();
  case LetSlot::Evaluating: {
    const auto *let = ast(module).decl(decl).as<ast::LetDecl>();
    raise(DiagKind::CyclicDefinition, useSpan, let ? let->name.text.str() : std::string("let"));
  }
  case LetSlot::Unevaluated: break;
  }
  const auto &let = std::get<ast::LetDecl>(ast(module).decl(decl).data);
  slot.state = LetSlot::Evaluating;
  try {
    Value value = evalDeclared(module, let.value, let.type);
    slot.value = value;
    slot.state = LetSlot::Done;
    return value;
  } catch (EvalAbort &) {
    slot.state = LetSlot::Failed;
    throw;
  }
}

// A top-level initializer (`let x: T = e`, `param p: T = e`): evaluated in
// the module scope, then checked against the declared type, if any.
Value Evaluator::evalDeclared(uint32_t module, ast::ExprId value, ast::TypeExprId type) {
  Value result = eval(value, Scope{nullptr, nullptr, module});
  if (type.valid())
    checkSlot(result, checkedModule(module).localTypes[type.index], exprType(module, value),
              ast(module).expr(value).span, ast(module).type(type).span);
  return result;
}

types::TypeId Evaluator::exprType(uint32_t module, ast::ExprId expr) const {
  const auto &exprTypes = checkedModule(module).exprTypes;
  return expr.index < exprTypes.size() ? exprTypes[expr.index] : types::TypeId{};
}

llvm::StringRef Evaluator::sourceText(Span span) const {
  if (!span.valid() || !program_.sources.has(span.file))
    return {};
  return program_.sources.text(span);
}

Span Evaluator::fieldTypeSpan(const types::FieldInfo &field) const {
  if (field.ownerSchema == types::kNone || field.module == types::kNone)
    return field.span;
  const types::SchemaInfo &owner = checked_.schemas[field.ownerSchema];
  const auto *decl = ast(field.module).decl(owner.decl).as<ast::SchemaDecl>();
  if (decl)
    for (const ast::SchemaField &f : decl->fields)
      if (f.name.text == field.name && f.type.valid())
        return ast(field.module).type(f.type).span;
  return field.span;
}

// ---------------------------------------------------------------- limits

Value Evaluator::makeString(llvm::StringRef text, Span span) {
  checkStringSize(text.size(), span);
  reserveBytes(text.size(), span);
  return Value::string(arena_.copyString(text), span);
}

Value Evaluator::makeList(llvm::ArrayRef<Value> items, Span span) {
  reserveBytes(items.size() * sizeof(Value), span);
  return Value::list(arena_.copyList(items), span);
}

const ObjectData *Evaluator::makeObject(uint32_t schema, llvm::StringRef typeName,
                                        llvm::ArrayRef<ObjectField> fields,
                                        llvm::ArrayRef<ObjectField> explicitNulls) {
  return arena_.makeObject(schema, typeName, fields, explicitNulls);
}

void Evaluator::reserveBytes(uint64_t bytes, Span span) {
  uint64_t limit = options_.limits.maxValueBytes;
  if (arena_.bytesAllocated() - byteBaseline_ - memoBytes_ + phantomBytes_ + bytes > limit) {
    fatal_ = true;
    raiseLimit(DiagKind::ValueTooLarge, span, "--max-memory BYTES", "the memory used by values",
               fmt::format("{} bytes", limit));
  }
}

void Evaluator::checkStringSize(uint64_t bytes, Span span) {
  uint64_t limit = options_.limits.maxStringBytes;
  if (bytes > limit)
    raiseLimit(DiagKind::ValueTooLarge, span, "--max-string BYTES", fmt::format("a string of {} bytes", bytes),
               fmt::format("{} bytes", limit));
}

void Evaluator::chargeSteps(uint64_t steps, Span span) {
  steps_ += steps;
  if (steps_ > options_.limits.maxSteps) {
    fatal_ = true;
    raiseLimit(DiagKind::StepLimit, span, "--max-steps N", options_.limits.maxSteps);
  }
}

CallDepthGuard::CallDepthGuard(Evaluator &ev, Span span) : ev_(ev) {
  if (++ev_.depth_ > ev_.options_.limits.maxCallDepth) {
    --ev_.depth_;
    ev_.raiseLimit(DiagKind::RecursionLimit, span, "--max-depth N", ev_.options_.limits.maxCallDepth);
  }
  ev_.peakDepth_ = std::max(ev_.peakDepth_, ev_.depth_);
}

void Evaluator::stackExhausted(Span span) {
  raise(DiagKind::RecursionLimit, span, depth_);
}

// ---------------------------------------------------------------- diagnostics

bool Evaluator::firstReport(DiagKind kind, Span span, const std::string &message) {
  std::string key = fmt::format("{}:{}:{}:{}:{}", static_cast<int>(kind), span.file.index, span.begin,
                                span.end, message);
  return reported_.insert(key).second;
}

void Evaluator::raiseKind(Value value, llvm::StringRef expected, Span span) {
  raise(DiagKind::RuntimeTypeMismatch, span, expected.str(), describeValue(value));
}

} // namespace cairn::eval
