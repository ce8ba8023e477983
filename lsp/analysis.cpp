#include "lsp/analysis.h"

#include <algorithm>
#include <set>

#include "eval/eval.h"

#include "lsp/diagnostics_lint.h"

namespace cairn::lsp {
namespace {

std::shared_ptr<Snapshot> loadAndCheck(const AnalysisRequest &request, DiagnosticSink &diags) {
  auto snapshot = std::make_shared<Snapshot>();
  std::vector<EntryInput> entries;
  for (const std::string &file : request.files)
    entries.push_back({file, {}, {}});
  LoadOptions load;
  load.workingDir = request.workingDir;
  load.stdlibDirs = request.stdlibDirs;
  load.overlay = request.overlay;
  load.parseCache = request.parseCache;
  snapshot->stdlibDirs = request.stdlibDirs;
  snapshot->program = loadProgram(entries, load, diags);
  snapshot->checked = types::checkProgram(snapshot->program, diags);
  for (uint32_t i = 0; i < snapshot->program.modules.size(); ++i) {
    const ProgramModule &module = snapshot->program.modules[i];
    if (!module.canonicalPath.empty())
      snapshot->moduleByPath[module.canonicalPath] = i;
    snapshot->moduleByFile[module.file.index] = i;
  }
  return snapshot;
}

// A document worth evaluating: it emits something and every param has a
// default (in the editor a required param is not an error, only a reason
// not to evaluate).
bool emitsWithoutRequiredParams(const ast::Module &module) {
  bool emits = false;
  for (ast::DeclId id : module.decls()) {
    const ast::Decl &decl = module.decl(id);
    if (decl.as<ast::EmitDecl>())
      emits = true;
    if (const auto *param = decl.as<ast::ParamDecl>(); param && !param->defaultValue.valid())
      return false;
  }
  return emits;
}

// Modules that have an error themselves or import one that does.
std::vector<bool> modulesReachingErrors(const Snapshot &snapshot, const std::vector<Diagnostic> &diags) {
  const Program &program = snapshot.program;
  std::vector<bool> broken(program.modules.size(), false);
  for (const Diagnostic &d : diags)
    if (d.severity == Severity::Error && d.span.valid())
      if (auto module = snapshot.moduleOfFile(d.span.file))
        broken[*module] = true;
  // program.order lists every module after the modules it imports.
  for (uint32_t m : program.order)
    for (const ModuleImport &import : program.modules[m].imports)
      if (import.module == kNoModule || broken[import.module])
        broken[m] = true;
  return broken;
}

std::vector<uint32_t> evaluableEntries(const Snapshot &snapshot, const std::vector<Diagnostic> &diags,
                                       const std::vector<std::string> &wanted) {
  std::vector<bool> broken = modulesReachingErrors(snapshot, diags);
  std::vector<uint32_t> entries;
  for (uint32_t m : snapshot.program.entries) {
    const ProgramModule &module = snapshot.program.modules[m];
    if (broken[m] || std::find(wanted.begin(), wanted.end(), module.canonicalPath) == wanted.end())
      continue;
    if (emitsWithoutRequiredParams(module.ast))
      entries.push_back(m);
  }
  return entries;
}

// Evaluates `entries` only (the program's entry list is restored after).
bool evaluateEntries(Snapshot &snapshot, const std::vector<uint32_t> &entries, DiagnosticSink &diags) {
  std::vector<uint32_t> allEntries = snapshot.program.entries;
  snapshot.program.entries = entries;
  eval::EvalResult result = eval::evaluateProgram(snapshot.program, snapshot.checked, {}, diags);
  snapshot.program.entries = std::move(allEntries);
  return result.ok;
}

} // namespace

std::shared_ptr<const Snapshot> analyze(const AnalysisRequest &request) {
  DiagnosticSink diags;
  std::shared_ptr<Snapshot> snapshot = loadAndCheck(request, diags);
  snapshot->diagnostics = diags.take();
  return snapshot;
}

Analysis analyzeForDiagnostics(const AnalysisRequest &request) {
  Analysis analysis;
  DiagnosticSink diags;
  std::shared_ptr<Snapshot> snapshot = loadAndCheck(request, diags);
  auto publish = [&] {
    snapshot->diagnostics = diags.take();
    analysis.snapshot = std::move(snapshot);
    return std::move(analysis);
  };
  std::vector<uint32_t> entries;
  if (!request.evaluate.empty())
    entries = evaluableEntries(*snapshot, diags.diagnostics(), request.evaluate);
  if (entries.empty())
    return publish();
  if (request.superseded && request.superseded()) {
    analysis.superseded = true;
    return publish();
  }
  // Evaluation errors of one entry must not hide the others' policy findings:
  // lint only the entries that evaluated cleanly, one by one if some failed.
  size_t before = diags.diagnostics().size();
  bool ok = evaluateEntries(*snapshot, entries, diags);
  if (!request.lint)
    return publish();
  std::vector<uint32_t> clean = entries;
  if (!ok) {
    std::vector<bool> broken = modulesReachingErrors(*snapshot, {diags.diagnostics().begin() + before,
                                                                 diags.diagnostics().end()});
    clean.erase(std::remove_if(clean.begin(), clean.end(), [&](uint32_t m) { return broken[m]; }), clean.end());
  }
  if (clean.empty())
    return publish();
  if (request.superseded && request.superseded()) {
    analysis.superseded = true;
    return publish();
  }
  std::vector<std::string> paths;
  for (uint32_t m : clean)
    paths.push_back(snapshot->program.modules[m].canonicalPath);
  lintDocuments(request, paths, analysis);
  return publish();
}

} // namespace cairn::lsp
