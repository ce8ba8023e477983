// What `cairn lint` runs and how: the `lint:` section of the project file
// (`cairn.yaml`), the command-line flags on top of it, which checks are
// selected, and which input paths are ignored. Reading only: nothing here
// runs a policy.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "frontend/diagnostic.h"
#include "frontend/source.h"
#include "lint/finding.h"

namespace cairn::lint {

struct CheckSelection {
  bool all = false;                 // run every check, off-by-default ones too
  std::vector<std::string> only;    // non-empty: run only these (include and defaults are ignored)
  std::vector<std::string> include; // also run these
  std::vector<std::string> exclude; // never run these (wins over everything)
  // Where each name of the lists above is written in the project file; a
  // name given only by a flag has no entry (its errors name the flag).
  std::map<std::string, Span> onlySpans, includeSpans, excludeSpans;
};

struct LintConfig {
  CheckSelection checks;
  // check name -> param name -> value (as JSON; the engine converts it to the param's type)
  std::map<std::string, std::map<std::string, nlohmann::ordered_json>> params;
  // Where each value was set (for errors); an invalid span for values from `--check-param`.
  std::map<std::string, std::map<std::string, Span>> paramSpans;
  // Where each check of `params` is named in the project file (absent for `--check-param`).
  std::map<std::string, Span> paramCheckSpans;
  std::vector<std::string> ignorePaths; // globs, relative to baseDir (see pathIgnored)
  // The directory globs and policy paths are relative to: the project file's
  // directory, or the working directory when there is no project file.
  std::filesystem::path baseDir;
  std::optional<Level> failOn;          // unset: the default, `warning`
  bool failOnNone = false;              // `failOn: none` / `--fail-on none`: findings never fail the run
  std::vector<std::filesystem::path> policies; // absolute (resolved against baseDir or the working directory)
  bool defaultPolicies = true;
  std::filesystem::path file;           // the project file read, empty when none
};

// The nearest `cairn.yaml` in `start` (a directory; a file means its
// directory) or its ancestors; the result is absolute.
std::optional<std::filesystem::path> findProjectFile(const std::filesystem::path &start);

// Reads the `lint:` section of a project file (added to `sources` so errors
// can point into it). Every span in `out` points into `sources`: pass the
// SourceManager that later diagnostics are rendered with (for `cairn lint`,
// the request's manifestSources, which becomes the program's sources), or
// errors found later (unknown checks, bad parameter values) show the wrong file. A file without the section, or an empty file, gives the
// defaults; other top-level keys belong to other tools and are not checked.
// Unknown keys, wrong types, a bad `failOn` and policy modules that do not
// exist are errors with file:line:col and a hint (did you mean); returns
// false after reporting errors. Sets `out.baseDir` to the file's directory.
bool loadLintConfig(const std::filesystem::path &file, SourceManager &sources, DiagnosticSink &diags,
                    LintConfig &out);
// The same for a file whose text is already in `sources` (tests, stdin).
bool loadLintConfigText(FileId file, const std::filesystem::path &baseDir, const SourceManager &sources,
                        DiagnosticSink &diags, LintConfig &out);

// The command-line flags of `cairn lint` that change the configuration.
struct LintFlags {
  bool all = false;
  std::vector<std::string> only, include, exclude; // each item may be a comma-separated list
  std::vector<std::string> params;                 // `--check-param CHECK.NAME=VALUE`
  std::vector<std::string> ignorePaths;            // globs relative to the working directory
  std::vector<std::string> policies;               // paths relative to the working directory
  std::optional<std::string> failOn;               // "error" | "warning" | "info" | "none"
  bool noDefaultPolicies = false;
};

// Command-line settings on top of the file: `--check-param CHECK.NAME=VALUE` (VALUE
// parsed as JSON, falling back to a plain string), lists appended, --fail-on
// and --no-default-policies win. When `config.baseDir` is empty (no project
// file) it becomes `workingDir`; flag globs are rewritten to be relative to
// baseDir. Returns false with a one-line message in `error` for a malformed
// --check-param or --fail-on (the config is then partly updated: do not use it).
bool applyFlags(const LintFlags &flags, const std::filesystem::path &workingDir, LintConfig &config,
                std::string &error);

// Which of `policies` run (one flag per policy, same order): `only` when
// non-empty, else the checks enabled by default (every check with `all`) plus
// `include`; minus `exclude`. Unknown names in only/include/exclude and in the
// keys of `params` are reported to `diags` as E0905 (with "did you mean" among
// the policy names and a note saying where the name was written).
std::vector<bool> selectChecks(const std::vector<PolicyDescriptor> &policies, const LintConfig &config,
                               DiagnosticSink &diags);

// Whether a file (path relative to config.baseDir, '/'-separated) matches an
// ignore glob. Globs are anchored at baseDir: `*` matches within one path
// component, `?` one character of a component, `**` any number of whole
// components (`**/x.yaml` also matches `x.yaml`). A glob that matches a
// directory ignores everything below it (`vendor`, `vendor/`, `vendor/**`).
// A leading `./` of a glob or a path is ignored.
bool pathIgnored(const std::string &relativePath, const std::vector<std::string> &globs);

// Whether counted (not suppressed) findings make the run fail under the
// configured `failOn` (default `warning`; never with `none`).
bool failsRun(const LintConfig &config, const std::vector<Finding> &findings);

} // namespace cairn::lint
