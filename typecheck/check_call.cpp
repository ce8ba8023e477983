// Calls of functions and function values (E0305, E0308), and lambdas whose
// parameter types come from annotations or from the expected function type (E0313).
#include <fmt/format.h>

#include "typecheck/check_context.h"

namespace cairn::types {

namespace {

std::string argumentCount(size_t n) {
  if (n == 0)
    return "no arguments";
  return n == 1 ? "1 argument" : fmt::format("{} arguments", n);
}

std::string acceptedCounts(size_t minArgs, size_t maxArgs) {
  if (minArgs == maxArgs)
    return argumentCount(minArgs);
  if (maxArgs == minArgs + 1)
    return fmt::format("{} or {} arguments", minArgs, maxArgs);
  return fmt::format("{} to {} arguments", minArgs, maxArgs);
}

std::string givenCount(size_t n) {
  if (n == 0)
    return "none was";
  return n == 1 ? "1 was" : fmt::format("{} were", n);
}

} // namespace

std::string Checker::calleeName(ast::ExprId callee) const {
  const ast::Expr &e = ast().expr(callee);
  if (auto *ref = e.as<ast::NameRef>())
    return ref->name.text.str();
  std::string text = sourceText(e.span);
  return text.size() <= 40 && text.find('\n') == std::string::npos ? text : "this expression";
}

bool Checker::checkArity(ast::ExprId callExpr, const ast::CallExpr &call, llvm::StringRef name,
                         size_t minArgs, size_t maxArgs, Span declaredAt) {
  size_t n = call.args.size();
  if (n >= minArgs && n <= maxArgs)
    return true;
  Span span = expr(callExpr).span;
  if (n > maxArgs)
    span = expr(call.args[maxArgs]).span.to(expr(call.args.back()).span);
  Diagnostic &d = report(DiagKind::WrongArity, span, name, acceptedCounts(minArgs, maxArgs),
                         givenCount(n));
  if (declaredAt.valid())
    d.label(declaredAt, "defined here");
  return false;
}

TypeId Checker::checkCall(ast::ExprId e, const ast::CallExpr &call, const Expected &expected) {
  TypeId calleeType = checkExpr(call.callee, Expected::none());
  Binding binding = table().bindings[call.callee.index];
  if (binding.kind == BindingKind::Builtin)
    return checkBuiltinCall(e, static_cast<BuiltinId>(binding.index), call);
  auto checkArgsAlone = [&] {
    for (ast::ExprId arg : call.args)
      checkExpr(arg, Expected::none());
  };
  TypeId fn = store().strip(calleeType);
  if (rel_.isUnknown(fn)) {
    checkArgsAlone();
    return fn;
  }
  if (store().kind(fn) != TypeKind::Function) {
    report(DiagKind::NotCallable, expr(call.callee).span, calleeName(call.callee))
        .note(fmt::format("its type is `{}`", show(calleeType)));
    checkArgsAlone();
    return store().error();
  }
  std::vector<TypeId> params = store().get(fn).members;
  TypeId result = store().get(fn).result;
  const ast::FnDecl *decl = nullptr;
  if (binding.kind == BindingKind::Fn)
    decl = astOf(binding.module).decl(ast::DeclId{binding.index}).as<ast::FnDecl>();
  if (!checkArity(e, call, calleeName(call.callee), params.size(), params.size(),
                  decl ? decl->name.span : Span{})) {
    checkArgsAlone();
    return result;
  }
  for (size_t i = 0; i < params.size(); ++i) {
    Expected expectedArg = Expected::of(params[i]);
    if (decl && decl->params[i].type.valid()) {
      expectedArg.reasonSpan = astOf(binding.module).type(decl->params[i].type).span;
      expectedArg.reason = "expected because of this parameter's type";
    }
    checkAgainst(call.args[i], expectedArg);
  }
  return result;
}

TypeId Checker::checkLambda(const ast::LambdaExpr &lambda, const Expected &expected) {
  std::vector<TypeId> expectedParams;
  TypeId expectedResult;
  if (TypeId fn = expectedMember(expected, TypeKind::Function); fn.valid()) {
    const Type &t = store().get(store().strip(fn));
    if (t.members.size() == lambda.params.size()) {
      expectedParams = t.members;
      expectedResult = t.result;
    }
  }
  std::vector<TypeId> params;
  bool fitsExpected = expectedResult.valid(); // then the whole needs no second check
  for (size_t i = 0; i < lambda.params.size(); ++i) {
    const ast::LambdaParam &p = lambda.params[i];
    if (p.type.valid()) {
      params.push_back(resolveType(pos_.module, p.type));
      fitsExpected = fitsExpected && rel_.assignable(expectedParams[i], params.back());
    } else if (!expectedParams.empty()) {
      params.push_back(expectedParams[i]);
    } else {
      if (p.name.valid())
        report(DiagKind::CannotInferParameter, p.name.span, p.name.text);
      params.push_back(store().error());
    }
  }
  LocalScope scope(*this);
  for (size_t i = 0; i < lambda.params.size(); ++i)
    scope.add(lambda.params[i].name.text, params[i]);
  ++pos_.lambdaDepth;
  bool checkResult = expectedResult.valid() && !rel_.isAny(expectedResult);
  TypeId result = checkAgainst(lambda.body, checkResult ? Expected::of(expectedResult) : Expected::none());
  --pos_.lambdaDepth;
  consumed_ = fitsExpected;
  return store().function(params, result);
}

} // namespace cairn::types
