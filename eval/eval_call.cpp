// Calls of declared functions, lambdas and builtins.
#include "eval/evaluator.h"

namespace cairn::eval {
namespace {

std::string countArguments(size_t n) { return n == 1 ? "1 argument" : std::to_string(n) + " arguments"; }

} // namespace

Value Evaluator::evalCall(const ast::CallExpr &e, Span span, const Scope &scope) {
  const ast::Expr &callee = ast(scope.module).expr(e.callee);
  types::Binding binding;
  if (callee.is<ast::NameRef>() || callee.is<ast::MemberExpr>())
    binding = checkedModule(scope.module).bindings[e.callee.index];
  bool direct = binding.kind == types::BindingKind::Fn || binding.kind == types::BindingKind::Builtin;
  Value function = direct ? Value() : eval(e.callee, scope);

  llvm::SmallVector<Value, 4> args;
  args.reserve(e.args.size());
  for (ast::ExprId arg : e.args)
    args.push_back(eval(arg, scope));

  if (binding.kind == types::BindingKind::Fn) {
    ArgSources sources{scope.module, e.args};
    return callDeclared(binding.module, ast::DeclId{binding.index}, args, span, &sources);
  }
  if (binding.kind == types::BindingKind::Builtin)
    return callBuiltinChecked(static_cast<types::BuiltinId>(binding.index), args, span);
  return callValue(function, args, span);
}

Value Evaluator::callValue(Value callee, llvm::ArrayRef<Value> args, Span callSpan) {
  if (callee.kind() != ValueKind::Function)
    raiseKind(callee, "function", callSpan);
  const FunctionData &fn = *callee.asFunction();
  switch (fn.kind) {
  case FunctionData::Kind::Declared: return callDeclared(fn.module, ast::DeclId{fn.node}, args, callSpan, nullptr);
  case FunctionData::Kind::Lambda: return callLambda(fn, args, callSpan);
  case FunctionData::Kind::Builtin: return callBuiltinChecked(fn.builtin, args, callSpan);
  }
  abortEvaluation();
}

Value Evaluator::callBuiltinChecked(types::BuiltinId id, llvm::ArrayRef<Value> args, Span callSpan) {
  const types::BuiltinInfo &info = types::builtinInfo(id);
  if (args.size() < info.minArgs || args.size() > info.maxArgs) {
    std::string takes = info.minArgs == info.maxArgs
                            ? countArguments(info.minArgs)
                            : fmt::format("{} to {} arguments", info.minArgs, info.maxArgs);
    raise(DiagKind::WrongArity, callSpan, info.name.str(), takes, args.size());
  }
  return taintFrom(callBuiltin(*this, id, args, callSpan), args);
}

void Evaluator::checkArity(llvm::StringRef name, size_t expected, size_t given, Span callSpan) {
  if (expected != given)
    raise(DiagKind::WrongArity, callSpan, name.str(), countArguments(expected), given);
}

Value Evaluator::callDeclared(uint32_t module, ast::DeclId decl, llvm::ArrayRef<Value> args, Span callSpan,
                              const ArgSources *sources) {
  if (!purity_.isPure(module, decl))
    return runDeclared(module, decl, args, callSpan, sources);
  if (const MemoEntry *hit = memo_.find(module, decl, args); hit && chargeReuse(hit->cost, callSpan))
    return hit->result;
  CostMark mark = beginCost();
  Value result = runDeclared(module, decl, args, callSpan, sources);
  MemoEntry entry;
  entry.module = module;
  entry.decl = decl.index;
  entry.result = result;
  entry.cost = endCost(mark);
  auto *copy = arena_.allocator().Allocate<Value>(args.empty() ? 1 : args.size());
  std::uninitialized_copy(args.begin(), args.end(), copy);
  memoBytes_ += (args.empty() ? 1 : args.size()) * sizeof(Value);
  entry.args = llvm::ArrayRef<Value>(copy, args.size());
  memo_.insert(entry);
  return result;
}

Evaluator::CostMark Evaluator::beginCost() {
  CostMark mark{steps_, arena_.bytesAllocated() - memoBytes_ + phantomBytes_, peakDepth_};
  peakDepth_ = depth_;
  return mark;
}

RecordedCost Evaluator::endCost(const CostMark &mark) {
  RecordedCost cost;
  cost.steps = steps_ - mark.steps;
  cost.bytes = arena_.bytesAllocated() - memoBytes_ + phantomBytes_ - mark.bytes;
  cost.depth = peakDepth_ - depth_;
  peakDepth_ = std::max(mark.outerPeak, peakDepth_);
  return cost;
}

bool Evaluator::chargeReuse(const RecordedCost &cost, Span span) {
  // Where the computation would now go deeper than the limit allows, it
  // runs again and fails the way it would have without reuse.
  if (depth_ + cost.depth > options_.limits.maxCallDepth)
    return false;
  steps_ += cost.steps;
  if (steps_ > options_.limits.maxSteps)
    chargeSteps(0, span);
  phantomBytes_ += cost.bytes;
  reserveBytes(0, span);
  return true;
}

Value Evaluator::constantValue(ast::ExprId id, const Scope &scope) {
  uint64_t key = (uint64_t(scope.module) << 32) | id.index;
  auto found = constants_.find(key);
  Span span = ast(scope.module).expr(id).span;
  if (found != constants_.end() && chargeReuse(found->second.cost, span))
    return found->second.value;
  CostMark mark = beginCost();
  const ast::ExprData &data = ast(scope.module).expr(id).data;
  Value value;
  if (const auto *object = std::get_if<ast::ObjectLit>(&data))
    value = evalObjectLit(*object, id, span, scope);
  else if (const auto *with = std::get_if<ast::WithExpr>(&data))
    value = evalWith(*with, id, span, scope);
  else
    value = evalList(std::get<ast::ListLit>(data), span, scope);
  constants_[key] = RememberedValue{value, endCost(mark)};
  return value;
}

Value Evaluator::runDeclared(uint32_t module, ast::DeclId decl, llvm::ArrayRef<Value> args, Span callSpan,
                             const ArgSources *sources) {
  const auto &fn = std::get<ast::FnDecl>(ast(module).decl(decl).data);
  checkArity(fn.name.text, fn.params.size(), args.size(), callSpan);
  CallDepthGuard guard(*this, callSpan);
  const types::CheckedModule &checked = checkedModule(module);
  llvm::SmallVector<Frame, 4> frames; // the parameters live in this C++ frame (see Frame)
  frames.reserve(args.size());        // no reallocation: frames point at each other
  for (size_t i = 0; i < args.size(); ++i) {
    const ast::FnParam &param = fn.params[i];
    if (param.type.valid()) {
      types::TypeId source = sources ? exprType(sources->module, sources->args[i]) : types::TypeId{};
      Span site = sources ? ast(sources->module).expr(sources->args[i]).span : callSpan;
      checkSlot(args[i], checked.localTypes[param.type.index], source, site, ast(module).type(param.type).span);
    }
    frames.push_back(Frame{i ? &frames[i - 1] : nullptr, param.name.text, args[i]});
  }
  Value result = eval(fn.body, Scope{frames.empty() ? nullptr : &frames.back(), nullptr, module});
  if (fn.result.valid())
    checkSlot(result, checked.localTypes[fn.result.index], exprType(module, fn.body), ast(module).expr(fn.body).span,
              ast(module).type(fn.result).span);
  return result;
}

Value Evaluator::callLambda(const FunctionData &fn, llvm::ArrayRef<Value> args, Span callSpan) {
  const auto &lambda = std::get<ast::LambdaExpr>(ast(fn.module).expr(ast::ExprId{fn.node}).data);
  checkArity("fn", lambda.params.size(), args.size(), callSpan);
  CallDepthGuard guard(*this, callSpan);
  Scope inner = fn.captured;
  llvm::SmallVector<Frame, 2> frames;
  frames.reserve(args.size());
  for (size_t i = 0; i < args.size(); ++i) {
    const ast::LambdaParam &param = lambda.params[i];
    if (param.type.valid())
      checkSlot(args[i], checkedModule(fn.module).localTypes[param.type.index], {}, callSpan,
                ast(fn.module).type(param.type).span);
    frames.push_back(Frame{inner.locals, param.name.text, args[i]});
    inner.locals = &frames.back();
  }
  return eval(lambda.body, inner);
}

Value Evaluator::evalLambda(const ast::LambdaExpr &e, ast::ExprId id, Span span, const Scope &scope) {
  auto *fn = new (arena_.allocator().Allocate<FunctionData>()) FunctionData();
  fn->kind = FunctionData::Kind::Lambda;
  fn->module = scope.module;
  fn->node = id.index;
  fn->captured = scope;
  fn->captured.locals = persistFrames(scope.locals); // the lambda may outlive them
  fn->captured.schema = persistSchemaScope(scope.schema);
  fn->name = "fn";
  return Value::function(fn, span);
}

} // namespace cairn::eval
