#include "cli/help.h"

#include <fmt/format.h>

#include "cli/commands.h"

#ifndef CAIRN_VERSION
#error "CAIRN_VERSION is set by cli/CMakeLists.txt from the project version"
#endif

namespace cairn::cli {
namespace {

constexpr const char *kExitCodes = R"(Exit codes:
  0  success (warnings may have been printed)
  1  errors in the input: diagnostics were printed, nothing was written
  2  bad usage: unknown command or flag, missing argument
  3  the output could not be written
  4  internal error in cairn (please report it)
)";

constexpr const char *kCompileFlags = R"(  -p, --param NAME=VALUE   set a `param` of the entry files (repeatable; wins over --values)
      --values FILE        set params from a YAML or JSON mapping (repeatable; later files win)
      --diagnostics FORMAT human (default), compact (one line each) or json
      --root DIR           project root: relative imports may not leave it
                           (default: nearest directory with a cairn.yaml, else the entry's directory)
      --max-depth N        at most N nested function calls (default 1000)
      --max-steps N        at most N evaluation steps (default 200000000)
  -h, --help               show this help
)";

constexpr const char *kBuildUsage = R"(Usage: cairn build FILE... [flags]

Compiles the Cairn files (`-` reads standard input) and writes the objects they
`emit`: checks types, schemas and checks, evaluates, then renders the output.
Nothing is written when there are errors.

Flags:
  -o, --output PATH        write to PATH instead of standard output; the file is
                           replaced atomically and left untouched on failure
                           (a directory for --format dir)
      --format FORMAT      yaml (default): a YAML stream, one document per object
                           json: the object, or a Kubernetes List of several
                           dir: one YAML file per object under the -o directory
      --max-output BYTES   refuse to write more than BYTES of output (default 1 GiB)
)";

constexpr const char *kCheckUsage = R"(Usage: cairn check FILE... [flags]

Does everything `build` does except writing output: parses, type-checks and
evaluates (so failed `check` clauses and run-time errors are reported).
Prints only diagnostics; exit code 0 means `build` would succeed.

Flags:
)";

constexpr const char *kEvalUsage = R"(Usage: cairn eval FILE [-e EXPR] [flags]

Prints values of a Cairn file. Without -e: the file's top-level `let`s as one
object. With -e: the value of EXPR, evaluated with the file's top-level names in
scope (e.g. `cairn eval app.cairn -e 'services[0].port'`).

Flags:
  -e, --expr EXPR          evaluate EXPR in the scope of FILE
      --format FORMAT      yaml (default) or json
)";

constexpr const char *kVersionUsage = R"(Usage: cairn version

Prints the version of cairn.
)";

constexpr const char *kHelpUsage = R"(Usage: cairn help [COMMAND]

Shows the overview, or the help of COMMAND (same as `cairn COMMAND --help`).
)";

} // namespace

std::string overviewHelp() {
  return fmt::format(R"(cairn - typed configuration for Kubernetes

Usage: cairn COMMAND [flags] [FILE...]

Commands:
  build    compile Cairn files and write the objects they emit (YAML, JSON, a directory)
  check    compile and evaluate without writing output; report every problem
  eval     print the values of a file's `let`s, or of an expression (-e)
  validate check Kubernetes YAML/JSON manifests against the built-in and imported types
  import   generate Cairn modules from an OpenAPI document or CRDs, or Cairn from YAML manifests
  lint     check policies on Cairn output and on YAML/JSON manifests (default pack included)
  fmt      format Cairn files in the one canonical layout (--check for CI, -w to rewrite)
  lsp      run the language server for editors (JSON-RPC over stdin/stdout)
  version  print the version
  help     show help for a command

Run `cairn help COMMAND` or `cairn COMMAND --help` for the flags of a command.
`-` as a FILE reads standard input.

{})",
                     kExitCodes);
}

std::string commandHelp(Command command) {
  switch (command) {
  case Command::Build: return fmt::format("{}{}\n{}", kBuildUsage, kCompileFlags, kExitCodes);
  case Command::Check: return fmt::format("{}{}\n{}", kCheckUsage, kCompileFlags, kExitCodes);
  case Command::Eval: return fmt::format("{}{}\n{}", kEvalUsage, kCompileFlags, kExitCodes);
  case Command::Validate: return fmt::format("{}\n{}", validateUsage(), kExitCodes);
  case Command::Import: return fmt::format("{}\n{}", importUsage(), kExitCodes);
  case Command::Lint: return lintUsage();
  case Command::Fmt: return fmtUsage();
  case Command::Lsp: return lspUsage();
  case Command::Version: return kVersionUsage;
  case Command::Help: return kHelpUsage;
  }
  return overviewHelp();
}

std::string versionText() { return fmt::format("cairn {}\n", CAIRN_VERSION); }

} // namespace cairn::cli
