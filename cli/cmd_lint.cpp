// `cairn lint INPUT...`: policies on Cairn output and on plain manifests.
// Configuration comes from the project file (cairn.yaml `lint:`) and flags;
// findings go to standard output in the chosen report format, problems
// (unreadable inputs, compile errors, failing policies) to standard error.
#include <filesystem>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/io.h"
#include "cli/manifest_inputs.h"
#include "cli/pipeline.h"
#include "cli/values_file.h"
#include "frontend/diag_render.h"
#include "lint/engine.h"
#include "lint/report.h"

#ifndef CAIRN_VERSION
#error "CAIRN_VERSION is set by cli/CMakeLists.txt from the project version"
#endif

namespace cairn::cli {
namespace {

namespace fs = std::filesystem;

// The project file and the flags; false after printing a problem (exit 2).
// The file goes into `sources`, which become the lint program's, so later
// problems (an unknown check, a bad parameter) can point into it.
bool loadConfig(const Options &options, DriverIO &io, SourceManager &sources, lint::LintConfig &config) {
  std::optional<fs::path> file;
  if (options.configFile)
    file = resolvePath(io.workingDir, *options.configFile);
  else
    file = lint::findProjectFile(io.workingDir);
  if (file) {
    DiagnosticSink diags;
    if (!lint::loadLintConfig(*file, sources, diags, config)) {
      printHumanDiagnostics(diags.take(), sources, io);
      return false;
    }
    if (!diags.diagnostics().empty())
      printHumanDiagnostics(diags.take(), sources, io);
  }
  lint::LintFlags flags;
  flags.all = options.lintAll;
  flags.only = options.lintOnly;
  flags.include = options.lintInclude;
  flags.exclude = options.lintExclude;
  flags.params = options.checkParams;
  flags.ignorePaths = options.ignorePaths;
  flags.policies = options.policyFiles;
  flags.failOn = options.failOn;
  flags.noDefaultPolicies = options.noDefaultPolicies;
  std::string error;
  if (!lint::applyFlags(flags, io.workingDir, config, error)) {
    *io.err << "error: " << error << "\n";
    return false;
  }
  return true;
}

// The path of `path` relative to the configuration's base directory, for ignore globs.
std::string relativeToBase(const fs::path &path, const lint::LintConfig &config) {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(path, ec);
  fs::path base = fs::weakly_canonical(config.baseDir, ec);
  return absolute.lexically_relative(base).generic_string();
}

// Splits the inputs: `.cairn` files are compiled, everything else is a
// manifest; ignored paths are dropped (from directories and explicit files).
void collectInputs(const Options &options, DriverIO &io, const lint::LintConfig &config,
                   lint::LintRequest &request, DiagnosticSink &problems) {
  InputFilter filter;
  filter.cairnFiles = &request.cairnFiles;
  if (!config.ignorePaths.empty())
    filter.ignored = [&](const fs::path &path) {
      return lint::pathIgnored(relativeToBase(path, config), config.ignorePaths);
    };
  collectManifestInputs(options.inputs, io, request.manifestSources, request.manifestFiles, problems,
                        maxDataBytes(options), filter);
}

std::vector<eval::ParamInput> lintParams(const Options &options, DriverIO &io, lint::LintRequest &request,
                                         DiagnosticSink &problems) {
  std::vector<eval::ParamInput> fromFiles;
  for (const std::string &name : options.valuesFiles) {
    ReadResult read = readTextFile(resolvePath(io.workingDir, name), maxDataBytes(options));
    if (!read.text) {
      problems.report(DiagKind::InvalidValuesFile, Span{}, name, read.error);
      continue;
    }
    FileId file = request.manifestSources.add(name, std::move(*read.text));
    for (eval::ParamInput &p : paramsFromValuesFile(request.manifestSources, file, name, problems))
      fromFiles.push_back(std::move(p));
  }
  return mergeParams(std::move(fromFiles), options.params);
}

void printProblems(const lint::LintResult &result, const DiagnosticSink &early, const Options &options,
                   DriverIO &io) {
  std::vector<Diagnostic> diags = early.diagnostics();
  for (const Diagnostic &d : result.diags.diagnostics())
    diags.push_back(d);
  if (diags.empty())
    return;
  sortDiagnostics(diags, result.program.sources);
  DiagRenderOptions render;
  render.color = shouldUseColor(io.stderrIsTerminal, io.noColorEnv);
  DiagRenderFormat format = options.diagnostics == DiagFormat::Json      ? DiagRenderFormat::Json
                            : options.diagnostics == DiagFormat::Compact ? DiagRenderFormat::Compact
                                                                         : DiagRenderFormat::Human;
  *io.err << renderDiagnostics(diags, result.program.sources, format, render);
  if (format == DiagRenderFormat::Human)
    if (std::string summary = diagnosticSummary(diags, render.color); !summary.empty())
      *io.err << summary << "\n";
  io.err->flush();
}

// docs/policies.md: one section per check, in load order.
std::string checkListMarkdown(const lint::LintResult &result) {
  std::string out;
  for (const lint::PolicyDescriptor &p : result.policies) {
    out += fmt::format("## {}\n\n", p.name);
    out += fmt::format("Level: {} · {} · on `{}`", lint::levelName(p.level),
                       p.enabledByDefault ? "on by default" : "off by default (`--include " + p.name + "`)",
                       p.target);
    if (!p.tags.empty())
      out += fmt::format(" · tags: {}", fmt::join(p.tags, ", "));
    out += "\n\n";
    for (const std::string &param : p.params)
      out += fmt::format("- parameter `{}`: set it with `--check-param {}.{}=VALUE` or `lint.params`\n", param,
                         p.name, llvm::StringRef(param).split(':').first.trim().str());
    if (!p.params.empty())
      out += "\n";
    if (!p.description.empty())
      out += p.description + "\n\n";
    if (!p.remediation.empty())
      out += "Fix: " + p.remediation + "\n\n";
  }
  while (out.size() > 1 && out.compare(out.size() - 2, 2, "\n\n") == 0)
    out.pop_back();
  return out;
}

std::string checkList(const lint::LintResult &result, const std::string &format) {
  if (format == "markdown")
    return checkListMarkdown(result);
  if (format == "json") {
    nlohmann::ordered_json checks = nlohmann::ordered_json::array();
    for (const lint::PolicyDescriptor &p : result.policies)
      checks.push_back({{"name", p.name},
                        {"level", lint::levelName(p.level)},
                        {"enabledByDefault", p.enabledByDefault},
                        {"on", p.target},
                        {"tags", p.tags},
                        {"params", p.params},
                        {"description", p.description},
                        {"remediation", p.remediation},
                        {"module", p.module}});
    return checks.dump(2) + "\n";
  }
  std::string out;
  for (const lint::PolicyDescriptor &p : result.policies) {
    const std::string &summary = p.summary;
    out += fmt::format("{:<36} {:<8} {:<4} {}\n", p.name, lint::levelName(p.level),
                       p.enabledByDefault ? "on" : "off", summary);
  }
  return out;
}

// A problem in the reports' finding form: its code as the check.
lint::Finding problemFinding(const Diagnostic &d) {
  lint::Finding f;
  f.check = d.code();
  f.level = d.severity == Severity::Error ? lint::Level::Error : lint::Level::Warning;
  f.message = d.message;
  if (!d.hint.empty())
    f.remediation = d.hint;
  f.span = d.span;
  f.file = d.span.file;
  return f;
}

} // namespace

int runLint(const Options &options, DriverIO &io) {
  lint::LintRequest request;
  if (!loadConfig(options, io, request.manifestSources, request.config))
    return kExitUsage;
  DiagnosticSink problems;
  if (!options.listChecks)
    collectInputs(options, io, request.config, request, problems);
  request.workingDir = io.workingDir;
  if (options.root)
    request.root = resolvePath(io.workingDir, *options.root);
  request.stdlibDirs = io.stdlibDirs;
  for (const std::string &location : options.schemaLocations)
    request.schemaLocations.emplace_back(location);
  request.params = lintParams(options, io, request, problems);
  request.limits = evalLimits(options);
  request.allowedImportDirs = loadOptions(options, io).allowedImportDirs;
  request.maxSourceBytes = maxSourceBytes(options);
  lint::LintConfig config = request.config;

  std::unique_ptr<lint::LintResult> result = lint::runLint(std::move(request));
  printProblems(*result, problems, options, io);
  if (result->stop == lint::LintResult::Stop::Config)
    return kExitUsage;
  if (options.listChecks)
    return result->stop == lint::LintResult::Stop::Input ? kExitInputErrors
                                                         : writeStdout(checkList(*result, options.format), io);
  if (options.format == "markdown") {
    *io.err << "cairn: error: `--format markdown` is only for `--list-checks`\n";
    return kExitUsage;
  }

  // The report is written even when an input failed, so that tools reading
  // it (code scanning uploads) get a valid file that lists the problems.
  lint::ReportFormat format = lint::ReportFormat::Text;
  lint::parseReportFormat(options.format, format);
  lint::ReportContext context{result->program.sources, {}, result->objects, result->files};
  for (size_t i = 0; i < result->policies.size() && i < result->selected.size(); ++i)
    if (result->selected[i])
      context.policies.push_back(result->policies[i]);
  for (const DiagnosticSink *sink : {&problems, &result->diags})
    for (const Diagnostic &d : sink->diagnostics())
      if (d.severity != Severity::Note)
        context.problems.push_back(problemFinding(d));
  context.color = format == lint::ReportFormat::Text && shouldUseColor(io.stdoutIsTerminal, io.noColorEnv);
  context.toolVersion = CAIRN_VERSION;
  context.sourceRoot = io.workingDir;
  int written = writeStdout(lint::renderReport(format, result->findings, context), io);
  if (written != kExitOk)
    return written;
  bool inputFailed = result->stop == lint::LintResult::Stop::Input || problems.hasErrors() || result->diags.hasErrors();
  return inputFailed || lint::failsRun(config, result->findings) ? kExitInputErrors : kExitOk;
}

} // namespace cairn::cli

namespace cairn::cli {

std::string lintUsage() {
  return R"(Usage: cairn lint FILE...|DIR|- [flags]

Runs policies on Kubernetes objects before they are applied: the objects a
Cairn file emits (FILE.cairn, compiled like `build`), and plain YAML or JSON
manifests (files, directories searched for *.yaml, *.yml and *.json, or `-`),
e.g. `helm template ./chart | cairn lint -`. The default policy pack is in the
standard library (`cairn lint --list-checks`); projects add their own
`policy` declarations with --policy or in cairn.yaml.

Flags:
      --format FORMAT      text (default), json, sarif (SARIF 2.1.0 for code
                           scanning) or github (workflow annotations)
      --fail-on LEVEL      error, warning (default), info or none: exit 1 when a
                           finding at or above LEVEL is not suppressed
      --only CHECK,...     run only these checks
      --include CHECK,...  also run these (checks that are off by default)
      --exclude CHECK,...  do not run these
      --all                run every check, including those off by default
      --check-param CHECK.NAME=VALUE
                           set a parameter of a check (VALUE is JSON, or text)
      --policy FILE        load the policies of a Cairn module (repeatable)
      --no-default-policies
                           do not load the default policy pack
      --ignore-path GLOB   skip input files matching GLOB (`**` for any depth)
      --config FILE        the project file (default: the nearest cairn.yaml)
      --list-checks        print every check with its level and default, then exit
      --schema-location DIR
                           more kinds for manifests: a directory of Cairn modules
  -p, --param NAME=VALUE   set a `param` of the Cairn entry files
      --values FILE        set params of the Cairn entry files from a YAML/JSON file
      --diagnostics FORMAT how problems (not findings) are printed on stderr:
                           human (default), compact or json
      --root DIR           project root for the Cairn entry files
      --max-depth N, --max-steps N
                           evaluation limits, as for `build`
  -h, --help               show this help

Suppress a finding with the annotation `cairn.dev/ignore: "check-a,check-b"`
(reason in `cairn.dev/ignore-reason`), kube-linter's
`ignore-check.kube-linter.io/<check>`, or in Cairn source with a comment
`// cairn:ignore check-a -- reason` on or above the line of the finding or the object.

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on, or inputs that could not be read or compiled
  2  bad usage or configuration: unknown flag or check, bad parameter
  3  the report could not be written
  4  internal error in cairn (please report it)
)";
}

} // namespace cairn::cli
