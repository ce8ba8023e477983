#include "check_fixture.h"

#include <fstream>
#include <random>

#include <fmt/format.h>

namespace cairn::checktest {

namespace fs = std::filesystem;

std::vector<std::string> CheckResult::codes() const {
  std::vector<std::string> out;
  for (const Diagnostic &d : diags.diagnostics())
    out.push_back(d.code());
  return out;
}

std::vector<std::string> CheckResult::lines() const {
  std::vector<std::string> out;
  for (const Diagnostic &d : diags.diagnostics()) {
    LineCol lc = d.span.valid() ? program.sources.lineCol(d.span.file, d.span.begin) : LineCol{};
    out.push_back(fmt::format("{}:{} {} {}", lc.line, lc.column, d.code(), d.message));
  }
  return out;
}

const Diagnostic *CheckResult::first(const char *code) const {
  for (const Diagnostic &d : diags.diagnostics())
    if (std::string(d.code()) == code)
      return &d;
  return nullptr;
}

std::string CheckResult::spanText(const Span &span) const {
  return span.valid() ? program.sources.text(span).str() : "<no span>";
}

std::string CheckResult::declType(const std::string &name) const {
  const ast::Module &module = program.modules[entry()].ast;
  for (ast::DeclId id : module.decls()) {
    const ast::Decl &decl = module.decl(id);
    llvm::StringRef declName;
    if (auto *d = decl.as<ast::LetDecl>()) declName = d->name.text;
    if (auto *d = decl.as<ast::ParamDecl>()) declName = d->name.text;
    if (auto *d = decl.as<ast::FnDecl>()) declName = d->name.text;
    if (auto *d = decl.as<ast::TypeAliasDecl>()) declName = d->name.text;
    if (auto *d = decl.as<ast::SchemaDecl>()) declName = d->name.text;
    if (declName == name)
      return checked.display(checked.modules[entry()].declTypes[id.index]);
  }
  return "<no declaration " + name + ">";
}

std::string CheckResult::exprType(const std::string &text) const {
  const ast::Module &module = program.modules[entry()].ast;
  for (uint32_t i = 0; i < module.exprCount(); ++i) {
    const ast::Expr &e = module.expr(ast::ExprId{i});
    if (program.sources.text(e.span) == text)
      return checked.display(checked.modules[entry()].exprTypes[i]);
  }
  return "<no expression " + text + ">";
}

std::unique_ptr<CheckResult> check(const std::string &text) {
  auto result = std::make_unique<CheckResult>();
  LoadOptions options;
  options.workingDir = fs::temp_directory_path();
  result->program = loadProgram({{"-", text}}, options, result->diags);
  result->checked = types::checkProgram(result->program, result->diags);
  return result;
}

std::unique_ptr<CheckResult> checkFiles(const std::map<std::string, std::string> &files,
                                        const std::string &entry) {
  std::random_device random;
  fs::path dir = fs::temp_directory_path() / fmt::format("cairn-typecheck-{}", random());
  for (const auto &[name, text] : files) {
    fs::create_directories((dir / name).parent_path());
    std::ofstream(dir / name) << text;
  }
  auto result = std::make_unique<CheckResult>();
  LoadOptions options;
  options.workingDir = dir;
  result->program = loadProgram({{entry, ""}}, options, result->diags);
  result->checked = types::checkProgram(result->program, result->diags);
  fs::remove_all(dir);
  return result;
}

} // namespace cairn::checktest
