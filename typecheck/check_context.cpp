// Setup of the checker's tables and the order of its phases.
#include "typecheck/check_context.h"

#include <fmt/format.h>

namespace cairn::types {

Checker::Checker(const Program &program, DiagnosticSink &diags, CheckedProgram &out)
    : program_(program), diags_(diags), out_(out), rel_(out.types, out.schemas) {}

namespace {

// Program::order, plus any module it does not list (defensive: each is checked once).
std::vector<uint32_t> checkingOrder(const Program &program) {
  std::vector<uint32_t> order;
  std::vector<bool> seen(program.modules.size(), false);
  for (uint32_t m : program.order)
    if (m < program.modules.size() && !seen[m]) {
      seen[m] = true;
      order.push_back(m);
    }
  for (uint32_t m = 0; m < program.modules.size(); ++m)
    if (!seen[m])
      order.push_back(m);
  return order;
}

} // namespace

void Checker::run() {
  size_t count = program_.modules.size();
  out_.modules.resize(count);
  scopes_.resize(count);
  declProgress_.resize(count);
  for (size_t m = 0; m < count; ++m) {
    const ast::Module &module = astOf(static_cast<uint32_t>(m));
    CheckedModule &t = out_.modules[m];
    t.exprTypes.assign(module.exprCount(), store().error());
    t.bindings.assign(module.exprCount(), Binding{});
    t.objectTypes.assign(module.exprCount(), TypeId{});
    t.declTypes.assign(module.declCount(), TypeId{});
    t.declSchemas.assign(module.declCount(), kNone);
    t.localTypes.assign(module.typeCount(), store().error());
    declProgress_[m].assign(module.declCount(), Progress::NotStarted);
  }

  std::vector<uint32_t> order = checkingOrder(program_);
  for (uint32_t m : order)
    registerModule(m);
  resolveSchemaParents();
  for (uint32_t s = 0; s < out_.schemas.size(); ++s)
    buildSchemaFields(s);
  for (uint32_t m : order)
    checkModuleDecls(m);
  checkDefaultCycles();
  checkLetCycles();
  reportUnusedImports();

  for (CheckedModule &t : out_.modules)
    for (TypeId &type : t.declTypes)
      if (!type.valid())
        type = store().error();
  typeUnreachedLiterals();
}

// The parser keeps some literals no expression contains (the bounds of a
// refinement): give them their types so that every literal has one.
void Checker::typeUnreachedLiterals() {
  for (uint32_t m = 0; m < out_.modules.size(); ++m) {
    const ast::Module &module = astOf(m);
    std::vector<TypeId> &types = out_.modules[m].exprTypes;
    for (uint32_t i = 0; i < module.exprCount(); ++i) {
      if (!rel_.isError(types[i]))
        continue;
      const ast::Expr &e = module.expr(ast::ExprId{i});
      if (e.is<ast::IntLit>()) types[i] = store().integer();
      else if (e.is<ast::FloatLit>()) types[i] = store().floating();
      else if (e.is<ast::BoolLit>()) types[i] = store().boolean();
      else if (e.is<ast::NullLit>()) types[i] = store().null();
      else if (auto *s = e.as<ast::StringLit>(); s && s->isConstant()) types[i] = store().string();
    }
  }
}

void Checker::suggest(Diagnostic &d, llvm::StringRef name, Span span,
                      const std::vector<llvm::StringRef> &candidates) {
  std::string match = closestMatch(name, candidates);
  if (match.empty() || match == name)
    return;
  d.withHint(fmt::format("did you mean `{}`?", match));
  d.fix(fmt::format("replace with `{}`", match), span, match);
}

CheckedProgram checkProgram(const Program &program, DiagnosticSink &diags) {
  CheckedProgram out;
  Checker checker(program, diags, out);
  checker.run();
  return out;
}

} // namespace cairn::types
