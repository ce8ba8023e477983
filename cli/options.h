// The command line as data: parsing `cairn <command> [flags] [inputs]` into
// Options, with usage errors (exit code 2) as values rather than exceptions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cairn::cli {

enum class Command { Build, Check, Eval, Validate, Import, Lint, Fmt, Lsp, Version, Help };
enum class DiagFormat { Human, Compact, Json };

// `-p name=value`, split; the text is converted to the parameter's type later.
struct ParamArg {
  std::string name;
  std::string text;
};

struct Options {
  Command command = Command::Help;
  bool showHelp = false;                // `--help` / `-h` on a command
  std::string helpTopic;                // `cairn help build`: "build"
  std::vector<std::string> inputs;      // entry files; "-" is standard input
  std::optional<std::string> outputPath; // -o
  std::string format = "yaml";          // --format; checked against the emitters by the command
  std::vector<ParamArg> params;         // -p, in command-line order
  std::vector<std::string> valuesFiles; // --values, in command-line order
  DiagFormat diagnostics = DiagFormat::Human;
  std::optional<std::string> root;      // --root
  std::optional<std::string> expression; // eval -e
  // Resource bounds (docs/cli.md); unset means the evaluator's defaults.
  std::optional<uint64_t> maxDepth;     // --max-depth: nested calls
  std::optional<uint64_t> maxSteps;     // --max-steps: evaluation steps
  std::optional<uint64_t> maxOutput;    // --max-output: bytes of output
  std::optional<uint64_t> maxMemory;    // --max-memory: bytes of values
  std::optional<uint64_t> maxString;    // --max-string: bytes of one string
  std::optional<uint64_t> maxObjects;   // --max-objects: objects emitted
  std::optional<uint64_t> maxFileSize;  // --max-file-size: bytes of one input file (every reading command)
  std::vector<std::string> allowImportDirs; // --allow-import-dir DIR: imports may also reach DIR
  bool formatGiven = false;             // --format was on the command line

  // `validate`
  bool strict = false;                  // --strict: unknown fields are errors
  bool ignoreMissingSchemas = false;    // --ignore-missing-schemas: unknown kinds are skipped
  bool summary = false;                 // --summary: totals after the results
  bool verbose = false;                 // --verbose: report valid objects too
  std::vector<std::string> skipKinds;   // --skip KIND[,KIND...]: not validated
  std::vector<std::string> rejectKinds; // --reject KIND[,KIND...]: always invalid
  // --schema-location DIR (validate, import yaml): directories of Cairn
  // modules holding more kinds, e.g. the output of `cairn import crd`.
  std::vector<std::string> schemaLocations;

  // `lint` (the names of checks may be comma-separated lists)
  std::optional<std::string> failOn;       // --fail-on error|warning|info|none
  std::vector<std::string> lintOnly;       // --only CHECK
  std::vector<std::string> lintInclude;    // --include CHECK
  std::vector<std::string> lintExclude;    // --exclude CHECK
  bool lintAll = false;                    // --all
  std::vector<std::string> checkParams;    // --check-param CHECK.NAME=VALUE
  std::vector<std::string> policyFiles;    // --policy FILE
  bool noDefaultPolicies = false;          // --no-default-policies
  std::vector<std::string> ignorePaths;    // --ignore-path GLOB
  std::optional<std::string> configFile;   // --config FILE (default: the nearest cairn.yaml)
  bool listChecks = false;                 // --list-checks

  // `fmt`
  bool fmtCheck = false;                   // --check: list files that would change, exit 1 if any
  bool fmtWrite = false;                   // -w/--write: rewrite the files in place

  // `lsp`
  std::optional<int64_t> clientProcessId;  // --clientProcessId N: exit when that process is gone

  // `import SOURCE`: "openapi", "crd" or "yaml" (the first positional).
  std::string importSource;
  std::vector<std::string> enrichFiles; // import openapi --enrich FILE
};

struct UsageError {
  std::string message; // "unknown flag `--fromat`"
  std::string hint;    // "did you mean `--format`?", may be empty
  std::string command; // the command whose --help to suggest; empty for the top level
};

using ParseResult = std::variant<Options, UsageError>;

// `args` excludes the program name.
ParseResult parseCommandLine(const std::vector<std::string> &args);

const char *commandName(Command command);
std::optional<Command> commandFromName(const std::string &name);

} // namespace cairn::cli
