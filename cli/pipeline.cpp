#include "cli/pipeline.h"

#include <algorithm>

#include <fmt/format.h>

#include "cli/io.h"
#include "cli/values_file.h"
#include "frontend/diag_render.h"

namespace cairn::cli {
namespace {

// Standard input (`-`) is read here, under the source bound; a failed read
// is E0705 and leaves the entry out.
std::vector<EntryInput> entryInputs(const Options &options, DriverIO &io, DiagnosticSink &diags) {
  std::vector<EntryInput> entries;
  for (const std::string &input : options.inputs) {
    EntryInput entry{input, {}};
    if (input == "-") {
      ReadResult read = readStdinText(io, maxSourceBytes(options));
      if (!read.text) {
        diags.report(DiagKind::CannotReadInput, Span{}, "<stdin>", read.error);
        continue;
      }
      entry.text = std::move(*read.text);
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

// Reads every --values file into the program's sources (so diagnostics can
// point into them) and returns their parameters, in order.
std::vector<eval::ParamInput> valuesFileParams(const Options &options, DriverIO &io,
                                               Compilation &c) {
  std::vector<eval::ParamInput> params;
  for (const std::string &name : options.valuesFiles) {
    std::string text;
    ReadResult read = name == "-" ? readStdinText(io, maxDataBytes(options))
                                  : readTextFile(resolvePath(io.workingDir, name), maxDataBytes(options));
    if (!read.text) {
      c.diags.report(DiagKind::InvalidValuesFile, Span{}, name, read.error);
      continue;
    }
    text = std::move(*read.text);
    std::string display = name == "-" ? "<stdin>" : name;
    FileId file = c.program.sources.add(display, std::move(text));
    for (eval::ParamInput &p : paramsFromValuesFile(c.program.sources, file, display, c.diags))
      params.push_back(std::move(p));
  }
  return params;
}

} // namespace

LoadOptions loadOptions(const Options &options, const DriverIO &io) {
  LoadOptions load;
  load.workingDir = io.workingDir;
  if (options.root)
    load.projectRoot = resolvePath(io.workingDir, *options.root);
  load.stdlibDirs = io.stdlibDirs;
  load.maxSourceBytes = maxSourceBytes(options);
  for (const std::string &dir : options.allowImportDirs)
    load.allowedImportDirs.push_back(resolvePath(io.workingDir, dir));
  return load;
}

eval::EvalLimits evalLimits(const Options &options) {
  eval::EvalLimits limits;
  if (options.maxDepth)
    limits.maxCallDepth = static_cast<uint32_t>(std::min<uint64_t>(*options.maxDepth, UINT32_MAX));
  if (options.maxSteps)
    limits.maxSteps = *options.maxSteps;
  if (options.maxMemory)
    limits.maxValueBytes = *options.maxMemory;
  if (options.maxString)
    limits.maxStringBytes = *options.maxString;
  if (options.maxObjects)
    limits.maxDocuments = *options.maxObjects;
  return limits;
}

std::vector<eval::ParamInput> mergeParams(std::vector<eval::ParamInput> fromFiles,
                                          const std::vector<ParamArg> &fromFlags) {
  std::vector<eval::ParamInput> all = std::move(fromFiles);
  for (const ParamArg &arg : fromFlags) {
    eval::ParamInput input;
    input.name = arg.name;
    input.fromText = true;
    input.text = arg.text;
    input.origin = fmt::format("-p {}={}", arg.name, arg.text);
    all.push_back(std::move(input));
  }
  std::vector<eval::ParamInput> merged;
  for (size_t i = 0; i < all.size(); ++i) {
    bool overridden = std::any_of(all.begin() + i + 1, all.end(),
                                  [&](const eval::ParamInput &later) { return later.name == all[i].name; });
    if (!overridden)
      merged.push_back(std::move(all[i]));
  }
  return merged;
}

namespace {

DiagRenderFormat renderFormat(DiagFormat format) {
  switch (format) {
  case DiagFormat::Human: return DiagRenderFormat::Human;
  case DiagFormat::Compact: return DiagRenderFormat::Compact;
  case DiagFormat::Json: return DiagRenderFormat::Json;
  }
  return DiagRenderFormat::Human;
}

} // namespace

std::unique_ptr<Compilation> compile(const Options &options, DriverIO &io, bool collectLetsOfEntry) {
  auto c = std::make_unique<Compilation>();
  std::vector<EntryInput> entries = entryInputs(options, io, c->diags);
  c->program = loadProgram(entries, loadOptions(options, io), c->diags);
  if (options.expression && !c->program.entries.empty())
    c->expressionModule =
        addExpressionModule(c->program, c->program.entries.front(), *options.expression, c->diags);
  std::vector<eval::ParamInput> params =
      mergeParams(valuesFileParams(options, io, *c), options.params);
  if (c->diags.hasErrors())
    return c;

  c->checked = types::checkProgram(c->program, c->diags);
  if (c->diags.hasErrors())
    return c;

  eval::EvalOptions evalOptions;
  evalOptions.params = std::move(params);
  evalOptions.limits = evalLimits(options);
  if (c->expressionModule != kNoModule)
    evalOptions.collectLetsOf.push_back(c->expressionModule);
  else if (collectLetsOfEntry)
    evalOptions.collectLetsOf.push_back(c->program.entries.front());
  c->evaluation = eval::evaluateProgram(c->program, *c->checked, evalOptions, c->diags);
  return c;
}

void printDiagnostics(const Compilation &c, const Options &options, DriverIO &io) {
  std::vector<Diagnostic> diags = c.diags.diagnostics();
  if (diags.empty() && options.diagnostics != DiagFormat::Json)
    return;
  sortDiagnostics(diags, c.program.sources);
  DiagRenderOptions renderOptions;
  renderOptions.color = shouldUseColor(io.stderrIsTerminal, io.noColorEnv);
  *io.err << renderDiagnostics(diags, c.program.sources, renderFormat(options.diagnostics),
                               renderOptions);
  if (options.diagnostics == DiagFormat::Human)
    *io.err << diagnosticSummary(diags, renderOptions.color) << '\n';
  io.err->flush();
}

} // namespace cairn::cli
