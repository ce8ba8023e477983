#include "cli/options.h"

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>

#include <array>
#include <utility>

#include <fmt/format.h>

#include "frontend/diagnostic.h"

namespace cairn::cli {
namespace {

// Which commands accept a flag, as a bit set over Command.
constexpr unsigned bit(Command c) { return 1u << static_cast<unsigned>(c); }
constexpr unsigned kCompileCommands = bit(Command::Build) | bit(Command::Check) | bit(Command::Eval) | bit(Command::Lint);
constexpr unsigned kReadingCommands =
    kCompileCommands | bit(Command::Validate) | bit(Command::Import) | bit(Command::Fmt);

using Applier = std::optional<std::string> (*)(Options &, const std::string &value);

struct FlagSpec {
  const char *longName; // without the leading "--"
  char shortName;       // 0: none
  bool takesValue;
  unsigned commands;
  Applier apply;
};

std::optional<std::string> applyFormat(Options &o, const std::string &v);

std::optional<std::string> applyOutput(Options &o, const std::string &v) {
  // `validate -o json`: kubeconform's spelling of the report format.
  if (o.command == Command::Validate)
    return applyFormat(o, v);
  if (v.empty())
    return "`-o` needs a non-empty path";
  if (v == "-")
    o.outputPath.reset(); // `-o -`: standard output, as without -o
  else
    o.outputPath = v;
  return std::nullopt;
}

std::optional<std::string> applyFormat(Options &o, const std::string &v) {
  // Build formats come from the emitter registry and are checked by the build
  // command; `eval` prints one value, which only the stream formats can show.
  if (o.command == Command::Eval && v != "yaml" && v != "json")
    return fmt::format("unknown format `{}` for `eval`; expected `yaml` or `json`", v);
  if (o.command == Command::Validate && v != "text" && v != "json" && v != "junit" && v != "tap")
    return fmt::format("unknown format `{}` for `validate`; expected `text`, `json`, `junit` or `tap`", v);
  // `markdown` is for `--list-checks` only (docs/policies.md is made with it).
  if (o.command == Command::Lint && v != "text" && v != "json" && v != "sarif" && v != "github" && v != "markdown")
    return fmt::format("unknown format `{}` for `lint`; expected `text`, `json`, `sarif` or `github`", v);
  o.format = v;
  o.formatGiven = true;
  return std::nullopt;
}

std::optional<std::string> applyParam(Options &o, const std::string &v) {
  size_t eq = v.find('=');
  if (eq == std::string::npos)
    return fmt::format("`-p {}` needs the form `name=value`", v);
  if (eq == 0)
    return fmt::format("`-p {}` has no parameter name before `=`", v);
  o.params.push_back({v.substr(0, eq), v.substr(eq + 1)});
  return std::nullopt;
}

std::optional<std::string> applyValues(Options &o, const std::string &v) {
  if (v.empty())
    return "`--values` needs a non-empty path";
  o.valuesFiles.push_back(v);
  return std::nullopt;
}

std::optional<std::string> applyDiagnostics(Options &o, const std::string &v) {
  if (v == "human")
    o.diagnostics = DiagFormat::Human;
  else if (v == "compact")
    o.diagnostics = DiagFormat::Compact;
  else if (v == "json")
    o.diagnostics = DiagFormat::Json;
  else
    return fmt::format("unknown diagnostics format `{}`; expected `human`, `compact` or `json`", v);
  return std::nullopt;
}

std::optional<std::string> applyRoot(Options &o, const std::string &v) {
  if (v.empty())
    return "`--root` needs a non-empty directory";
  o.root = v;
  return std::nullopt;
}

std::optional<std::string> applyExpression(Options &o, const std::string &v) {
  o.expression = v;
  return std::nullopt;
}

std::optional<std::string> parseLimit(const char *flag, const std::string &v, std::optional<uint64_t> &out) {
  uint64_t n = 0;
  if (llvm::StringRef(v).getAsInteger(10, n) || n == 0)
    return fmt::format("`--{}` needs a positive whole number, found `{}`", flag, v);
  out = n;
  return std::nullopt;
}

std::optional<std::string> applyMaxDepth(Options &o, const std::string &v) {
  return parseLimit("max-depth", v, o.maxDepth);
}

std::optional<std::string> applyMaxSteps(Options &o, const std::string &v) {
  return parseLimit("max-steps", v, o.maxSteps);
}

// A byte count: a whole number, optionally with K, M, G (or KiB, MiB, GiB:
// powers of 1024): `--max-output 512M`.
std::optional<std::string> parseByteLimit(const char *flag, const std::string &v, std::optional<uint64_t> &out) {
  llvm::StringRef text(v);
  uint64_t scale = 1;
  for (auto [suffix, factor] : {std::pair{"KiB", 1ull << 10}, {"MiB", 1ull << 20}, {"GiB", 1ull << 30},
                                {"K", 1ull << 10}, {"M", 1ull << 20}, {"G", 1ull << 30}})
    if (text.consume_back(suffix)) {
      scale = factor;
      break;
    }
  uint64_t n = 0;
  if (text.getAsInteger(10, n) || n == 0 || n > UINT64_MAX / scale)
    return fmt::format("`--{}` needs a positive number of bytes such as `1048576` or `64M`, found `{}`", flag, v);
  out = n * scale;
  return std::nullopt;
}

std::optional<std::string> applyMaxOutput(Options &o, const std::string &v) {
  return parseByteLimit("max-output", v, o.maxOutput);
}

std::optional<std::string> applyMaxMemory(Options &o, const std::string &v) {
  return parseByteLimit("max-memory", v, o.maxMemory);
}

std::optional<std::string> applyMaxString(Options &o, const std::string &v) {
  return parseByteLimit("max-string", v, o.maxString);
}

std::optional<std::string> applyMaxObjects(Options &o, const std::string &v) {
  return parseLimit("max-objects", v, o.maxObjects);
}

std::optional<std::string> applyMaxFileSize(Options &o, const std::string &v) {
  return parseByteLimit("max-file-size", v, o.maxFileSize);
}

std::optional<std::string> applyAllowImportDir(Options &o, const std::string &v) {
  if (v.empty())
    return "`--allow-import-dir` needs a directory";
  o.allowImportDirs.push_back(v);
  return std::nullopt;
}

// `--skip Secret,ConfigMap` and repeated flags both add to the list.
std::optional<std::string> appendKinds(const char *flag, const std::string &v, std::vector<std::string> &out) {
  llvm::SmallVector<llvm::StringRef, 4> parts;
  llvm::StringRef(v).split(parts, ',', -1, false);
  if (parts.empty())
    return fmt::format("`--{}` needs a kind, e.g. `--{} Secret`", flag, flag);
  for (llvm::StringRef part : parts)
    out.push_back(part.trim().str());
  return std::nullopt;
}

std::optional<std::string> applySkip(Options &o, const std::string &v) { return appendKinds("skip", v, o.skipKinds); }
std::optional<std::string> applyReject(Options &o, const std::string &v) { return appendKinds("reject", v, o.rejectKinds); }
std::optional<std::string> applyStrict(Options &o, const std::string &) { o.strict = true; return std::nullopt; }
std::optional<std::string> applyIgnoreMissing(Options &o, const std::string &) {
  o.ignoreMissingSchemas = true;
  return std::nullopt;
}
std::optional<std::string> applySummary(Options &o, const std::string &) { o.summary = true; return std::nullopt; }
std::optional<std::string> applyVerbose(Options &o, const std::string &) { o.verbose = true; return std::nullopt; }

std::optional<std::string> applySchemaLocation(Options &o, const std::string &v) {
  if (v.empty())
    return "`--schema-location` needs a non-empty directory";
  o.schemaLocations.push_back(v);
  return std::nullopt;
}

std::optional<std::string> applyEnrich(Options &o, const std::string &v) {
  if (v.empty())
    return "`--enrich` needs a non-empty path";
  o.enrichFiles.push_back(v);
  return std::nullopt;
}

std::optional<std::string> applyFailOn(Options &o, const std::string &v) {
  if (v != "error" && v != "warning" && v != "info" && v != "none")
    return fmt::format("unknown level `{}` for `--fail-on`; expected `error`, `warning`, `info` or `none`", v);
  o.failOn = v;
  return std::nullopt;
}

std::optional<std::string> appendCheck(const char *flag, const std::string &v, std::vector<std::string> &out) {
  if (llvm::StringRef(v).trim().empty())
    return fmt::format("`--{}` needs a check name, e.g. `--{} latest-tag`", flag, flag);
  out.push_back(v);
  return std::nullopt;
}

std::optional<std::string> applyOnly(Options &o, const std::string &v) { return appendCheck("only", v, o.lintOnly); }
std::optional<std::string> applyInclude(Options &o, const std::string &v) { return appendCheck("include", v, o.lintInclude); }
std::optional<std::string> applyExclude(Options &o, const std::string &v) { return appendCheck("exclude", v, o.lintExclude); }
std::optional<std::string> applyAll(Options &o, const std::string &) { o.lintAll = true; return std::nullopt; }
std::optional<std::string> applyCheckParam(Options &o, const std::string &v) {
  o.checkParams.push_back(v); // its form is checked with the configuration (lint/config.h)
  return std::nullopt;
}
std::optional<std::string> applyPolicy(Options &o, const std::string &v) {
  if (v.empty())
    return "`--policy` needs a non-empty path";
  o.policyFiles.push_back(v);
  return std::nullopt;
}
std::optional<std::string> applyNoDefaultPolicies(Options &o, const std::string &) {
  o.noDefaultPolicies = true;
  return std::nullopt;
}
std::optional<std::string> applyIgnorePath(Options &o, const std::string &v) {
  if (v.empty())
    return "`--ignore-path` needs a non-empty glob";
  o.ignorePaths.push_back(v);
  return std::nullopt;
}
std::optional<std::string> applyConfig(Options &o, const std::string &v) {
  if (v.empty())
    return "`--config` needs a non-empty path";
  o.configFile = v;
  return std::nullopt;
}
std::optional<std::string> applyListChecks(Options &o, const std::string &) { o.listChecks = true; return std::nullopt; }

std::optional<std::string> applyFmtCheck(Options &o, const std::string &) { o.fmtCheck = true; return std::nullopt; }
std::optional<std::string> applyFmtWrite(Options &o, const std::string &) { o.fmtWrite = true; return std::nullopt; }
// LSP clients start servers with `--stdio`; stdio is the only transport.
std::optional<std::string> applyStdio(Options &, const std::string &) { return std::nullopt; }
std::optional<std::string> applyClientProcessId(Options &o, const std::string &v) {
  int64_t pid = 0;
  if (llvm::StringRef(v).getAsInteger(10, pid) || pid <= 0)
    return fmt::format("`--clientProcessId` needs a process id, found `{}`", v);
  o.clientProcessId = pid;
  return std::nullopt;
}

std::optional<std::string> applyHelp(Options &o, const std::string &) {
  o.showHelp = true;
  return std::nullopt;
}

// A plain array: its size follows the entries (a std::array with a size
// larger than its initialiser gets an empty entry that crashes lookups).
constexpr FlagSpec kFlags[] = {
    {"output", 'o', true, bit(Command::Build) | bit(Command::Import) | bit(Command::Validate), applyOutput},
    {"format", 0, true, bit(Command::Build) | bit(Command::Eval) | bit(Command::Validate) | bit(Command::Lint), applyFormat},
    {"strict", 0, false, bit(Command::Validate), applyStrict},
    {"ignore-missing-schemas", 0, false, bit(Command::Validate), applyIgnoreMissing},
    {"skip", 0, true, bit(Command::Validate), applySkip},
    {"reject", 0, true, bit(Command::Validate), applyReject},
    {"summary", 0, false, bit(Command::Validate), applySummary},
    {"verbose", 'v', false, bit(Command::Validate), applyVerbose},
    {"schema-location", 0, true, bit(Command::Validate) | bit(Command::Import) | bit(Command::Lint), applySchemaLocation},
    {"fail-on", 0, true, bit(Command::Lint), applyFailOn},
    {"only", 0, true, bit(Command::Lint), applyOnly},
    {"include", 0, true, bit(Command::Lint), applyInclude},
    {"exclude", 0, true, bit(Command::Lint), applyExclude},
    {"all", 0, false, bit(Command::Lint), applyAll},
    {"check-param", 0, true, bit(Command::Lint), applyCheckParam},
    {"policy", 0, true, bit(Command::Lint), applyPolicy},
    {"no-default-policies", 0, false, bit(Command::Lint), applyNoDefaultPolicies},
    {"ignore-path", 0, true, bit(Command::Lint), applyIgnorePath},
    {"config", 0, true, bit(Command::Lint), applyConfig},
    {"list-checks", 0, false, bit(Command::Lint), applyListChecks},
    {"check", 0, false, bit(Command::Fmt), applyFmtCheck},
    {"write", 'w', false, bit(Command::Fmt), applyFmtWrite},
    {"stdio", 0, false, bit(Command::Lsp), applyStdio},
    {"clientProcessId", 0, true, bit(Command::Lsp), applyClientProcessId},
    {"enrich", 0, true, bit(Command::Import), applyEnrich},
    {"param", 'p', true, kCompileCommands, applyParam},
    {"values", 0, true, kCompileCommands, applyValues},
    {"diagnostics", 0, true, kCompileCommands, applyDiagnostics},
    {"root", 0, true, kCompileCommands, applyRoot},
    {"expr", 'e', true, bit(Command::Eval), applyExpression},
    {"max-depth", 0, true, kCompileCommands, applyMaxDepth},
    {"max-steps", 0, true, kCompileCommands, applyMaxSteps},
    {"max-output", 0, true, bit(Command::Build), applyMaxOutput},
    {"max-memory", 0, true, kCompileCommands, applyMaxMemory},
    {"max-string", 0, true, kCompileCommands, applyMaxString},
    {"max-objects", 0, true, bit(Command::Build) | bit(Command::Check), applyMaxObjects},
    {"max-file-size", 0, true, kReadingCommands, applyMaxFileSize},
    {"allow-import-dir", 0, true, kCompileCommands, applyAllowImportDir},
    {"help", 'h', false, ~0u, applyHelp},
};

const FlagSpec *findLong(const std::string &name) {
  for (const FlagSpec &f : kFlags)
    if (name == f.longName)
      return &f;
  return nullptr;
}

const FlagSpec *findShort(char c) {
  for (const FlagSpec &f : kFlags)
    if (f.shortName == c)
      return &f;
  return nullptr;
}

std::string flagSpelling(const FlagSpec &f) {
  return f.shortName ? fmt::format("-{}/--{}", f.shortName, f.longName) : fmt::format("--{}", f.longName);
}

// Flags of `command` that are close to the mistyped `name`, for "did you mean".
std::string suggestFlag(const std::string &name, Command command) {
  std::vector<llvm::StringRef> candidates;
  for (const FlagSpec &f : kFlags)
    if (f.commands & bit(command))
      candidates.push_back(f.longName);
  std::string best = closestMatch(name, candidates);
  return best.empty() ? std::string() : fmt::format("did you mean `--{}`?", best);
}

UsageError usage(const Options &o, std::string message, std::string hint = {}) {
  return {std::move(message), std::move(hint), commandName(o.command)};
}

// Parses one flag at args[i] (which starts with '-'); may consume args[i+1].
std::optional<UsageError> parseFlag(Options &o, const std::vector<std::string> &args, size_t &i) {
  const std::string &arg = args[i];
  const FlagSpec *spec = nullptr;
  std::optional<std::string> inlineValue;
  std::string shown;
  if (arg.rfind("--", 0) == 0) {
    std::string body = arg.substr(2);
    size_t eq = body.find('=');
    if (eq != std::string::npos) {
      inlineValue = body.substr(eq + 1);
      body.resize(eq);
    }
    spec = findLong(body);
    shown = "--" + body;
    if (!spec)
      return usage(o, fmt::format("unknown flag `{}`", shown), suggestFlag(body, o.command));
  } else {
    spec = findShort(arg[1]);
    shown = arg.substr(0, 2);
    if (!spec)
      return usage(o, fmt::format("unknown flag `{}`", arg));
    if (arg.size() > 2) {
      if (!spec->takesValue)
        return usage(o, fmt::format("unknown flag `{}`", arg));
      inlineValue = arg.substr(2); // `-penv=prod`, `-oout.yaml`
    }
  }
  if (!(spec->commands & bit(o.command)))
    return usage(o, fmt::format("`{}` does not accept `{}`", commandName(o.command), shown));
  std::string value;
  if (spec->takesValue) {
    if (inlineValue) {
      value = *inlineValue;
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return usage(o, fmt::format("`{}` needs a value", flagSpelling(*spec)));
    }
  } else if (inlineValue) {
    return usage(o, fmt::format("`{}` does not take a value", shown));
  }
  if (auto error = spec->apply(o, value))
    return usage(o, *error);
  return std::nullopt;
}

std::optional<UsageError> checkPositionals(const Options &o) {
  if (o.showHelp)
    return std::nullopt;
  size_t n = o.inputs.size();
  switch (o.command) {
  case Command::Build:
  case Command::Check:
    if (n == 0)
      return usage(o, fmt::format("`{}` needs at least one input file (`-` for standard input)",
                                  commandName(o.command)));
    break;
  case Command::Eval:
    if (n != 1)
      return usage(o, n == 0 ? "`eval` needs an input file (`-` for standard input)"
                             : "`eval` takes exactly one input file");
    break;
  case Command::Validate:
    if (n == 0)
      return usage(o, "`validate` needs at least one file or directory (`-` for standard input)");
    break;
  case Command::Lint:
    if (n == 0 && !o.listChecks)
      return usage(o, "`lint` needs at least one file or directory (`-` for standard input)");
    break;
  case Command::Fmt:
    if (n == 0)
      return usage(o, "`fmt` needs at least one file or directory (`-` for standard input)");
    if (o.fmtCheck && o.fmtWrite)
      return usage(o, "`--check` and `--write` cannot be combined: `--check` changes no file");
    break;
  case Command::Lsp:
    if (n != 0)
      return usage(o, fmt::format("`lsp` takes no arguments, found `{}`; the editor talks to it over stdin/stdout", o.inputs[0]));
    break;
  case Command::Import:
    if (n == 0)
      return usage(o, "`import` needs a source: `openapi`, `crd` or `yaml`");
    if (o.inputs[0] != "openapi" && o.inputs[0] != "crd" && o.inputs[0] != "yaml") {
      std::vector<llvm::StringRef> sources{"openapi", "crd", "yaml"};
      std::string best = closestMatch(o.inputs[0], sources);
      return UsageError{fmt::format("unknown import source `{}`; expected `openapi`, `crd` or `yaml`", o.inputs[0]),
                        best.empty() ? std::string() : fmt::format("did you mean `{}`?", best), "import"};
    }
    if (n == 1)
      return usage(o, fmt::format("`import {}` needs at least one input file", o.inputs[0]));
    if (o.inputs[0] == "openapi" && n != 2)
      return usage(o, "`import openapi` takes exactly one OpenAPI document");
    if (!o.outputPath)
      return usage(o, fmt::format("`import {}` needs `-o DIR`, the directory to write the modules to", o.inputs[0]));
    break;
  case Command::Version:
    if (n != 0)
      return usage(o, fmt::format("`version` takes no arguments, found `{}`", o.inputs[0]));
    break;
  case Command::Help:
    if (n > 1)
      return usage(o, "`help` takes at most one command name");
    break;
  }
  size_t stdinUses = 0;
  for (const std::string &in : o.inputs)
    stdinUses += in == "-";
  for (const std::string &v : o.valuesFiles)
    stdinUses += v == "-";
  if (stdinUses > 1)
    return usage(o, "standard input (`-`) can be read only once");
  return std::nullopt;
}

UsageError unknownCommand(const std::string &name) {
  std::vector<llvm::StringRef> names{"build", "check", "eval", "validate", "import", "lint", "fmt", "lsp", "version", "help"};
  std::string best = closestMatch(name, names);
  return {fmt::format("unknown command `{}`", name),
          best.empty() ? std::string() : fmt::format("did you mean `{}`?", best), ""};
}

} // namespace

const char *commandName(Command command) {
  switch (command) {
  case Command::Build: return "build";
  case Command::Check: return "check";
  case Command::Eval: return "eval";
  case Command::Validate: return "validate";
  case Command::Import: return "import";
  case Command::Lint: return "lint";
  case Command::Fmt: return "fmt";
  case Command::Lsp: return "lsp";
  case Command::Version: return "version";
  case Command::Help: return "help";
  }
  return "help";
}

std::optional<Command> commandFromName(const std::string &name) {
  for (Command c : {Command::Build, Command::Check, Command::Eval, Command::Validate, Command::Import,
                    Command::Lint, Command::Fmt, Command::Lsp, Command::Version, Command::Help})
    if (name == commandName(c))
      return c;
  return std::nullopt;
}

ParseResult parseCommandLine(const std::vector<std::string> &args) {
  Options o;
  if (args.empty())
    return UsageError{"missing command", "", ""};
  const std::string &first = args[0];
  if (first == "--help" || first == "-h")
    return o; // Command::Help without a topic: the overview
  if (first == "--version") {
    o.command = Command::Version;
    return o;
  }
  std::optional<Command> command = commandFromName(first);
  if (!command)
    return first.size() > 1 && first[0] == '-'
               ? UsageError{fmt::format("unknown flag `{}`; flags come after the command", first), "", ""}
               : unknownCommand(first);
  o.command = *command;
  bool flagsEnded = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string &arg = args[i];
    if (!flagsEnded && arg == "--") {
      flagsEnded = true;
    } else if (!flagsEnded && arg.size() > 1 && arg[0] == '-') {
      if (auto error = parseFlag(o, args, i))
        return *error;
    } else {
      o.inputs.push_back(arg);
    }
  }
  if (auto error = checkPositionals(o))
    return *error;
  if (o.command == Command::Import && !o.showHelp) {
    o.importSource = o.inputs[0];
    o.inputs.erase(o.inputs.begin());
  }
  if ((o.command == Command::Validate || o.command == Command::Lint) && !o.formatGiven)
    o.format = "text";
  if (o.command == Command::Help && !o.inputs.empty()) {
    o.helpTopic = o.inputs[0];
    o.inputs.clear();
    if (!commandFromName(o.helpTopic))
      return unknownCommand(o.helpTopic);
  }
  return o;
}

} // namespace cairn::cli
