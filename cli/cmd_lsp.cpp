// `cairn lsp`: the language server over standard input and output.
#include <cstdlib>

#include "cli/commands.h"
#include "lsp/server.h"

namespace cairn::cli {

int runLsp(const Options &options, DriverIO &io) {
  if (!io.in || !io.out) {
    *io.err << "cairn lsp: error: no standard input or output to talk to the editor over\n";
    return kExitUsage;
  }
  lsp::ServerOptions serverOptions;
  serverOptions.stdlibDirs = io.stdlibDirs;
  serverOptions.clientProcessId = options.clientProcessId;
  serverOptions.version = CAIRN_VERSION;
  serverOptions.log = io.err;
  // The reader is blocked on a standard input that nobody may ever close:
  // leaving the process is the only way out once the editor is gone.
  serverOptions.onClientGone = [] { std::_Exit(1); };
  lsp::Server server(*io.in, *io.out, std::move(serverOptions));
  return server.run();
}

std::string lspUsage() {
  return R"(Usage: cairn lsp [--stdio] [--clientProcessId PID]

Runs the Cairn language server: JSON-RPC 2.0 (Language Server Protocol 3.17)
over standard input and output, for editors. It gives diagnostics as you type
(the errors of `cairn check` and the findings of `cairn lint`), completion,
hover, go to definition, references, rename, symbols, formatting (the layout
of `cairn fmt`) and more. Logs go to standard error. Editor setup:
docs/editors.md.

Flags:
      --stdio                talk over standard input/output (the default; accepted
                             for clients that always pass it)
      --clientProcessId PID  exit when the editor process PID is gone

Exit codes:
  0  the editor sent `shutdown` then `exit`
  1  the input ended or `exit` came without `shutdown`, or the editor is gone
  2  bad usage
)";
}

} // namespace cairn::cli
