// libFuzzer target: the language server in-process, fed a conversation
// decoded from the input (format in lsp_script.h): opens, full and ranged
// edits, closes, every request at any position, raw and malformed frames,
// always ending with shutdown and exit. The server's three threads must all
// stop when run() returns and the server is destroyed. Findings (abort):
//   - a request answered with InternalError, or an analysis that threw;
//   - when our shutdown was answered (so the stream was read to the end and
//     every earlier message handled in order), a request of ours with no
//     answer (LspScript::mustAnswer says which must have one).
// CAIRN_LSP_FUZZ_TRACE=1 prints the conversation to stderr.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>

#include "lsp/server.h"
#include "lsp/transport.h"
#include "lsp_script.h"

namespace {

[[noreturn]] void finding(const std::string &what, const std::string &detail) {
  std::fprintf(stderr, "lsp fuzzer: %s\n%s\n", what.c_str(), detail.c_str());
  std::abort();
}

// The ids the server answered; aborts on an InternalError answer.
std::set<std::string> answeredIds(const std::string &output) {
  std::istringstream in(output);
  std::ostringstream unused;
  cairn::lsp::Transport reader(in, unused);
  std::set<std::string> ids;
  while (true) {
    cairn::lsp::IncomingMessage message = reader.read();
    if (message.kind == cairn::lsp::IncomingMessage::Kind::Eof)
      return ids;
    if (message.kind != cairn::lsp::IncomingMessage::Kind::Message)
      finding("the server wrote a malformed frame", message.error);
    const nlohmann::json &json = message.json;
    if (json.contains("error") && json["error"].value("code", 0) == cairn::lsp::kInternalError)
      finding("a request ended in an internal error", json.dump());
    if (json.contains("id") && json["id"].is_string() && !json.contains("method"))
      ids.insert(json["id"].get<std::string>());
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cairn::fuzz::LspScript script =
      cairn::fuzz::decodeLspScript(std::string_view(reinterpret_cast<const char *>(data), size));
  std::istringstream in(script.stream);
  std::ostringstream out, log;
  {
    cairn::lsp::ServerOptions options;
    options.debounce = std::chrono::milliseconds(1);
    options.stdlibDirs = {CAIRN_STDLIB_DIR}; // so `import "k8s/apps/v1"` resolves
    options.log = &log;
    cairn::lsp::Server server(in, out, std::move(options));
    server.run();
  } // the destructor joins the worker, diagnostics and client-watcher threads

  if (std::getenv("CAIRN_LSP_FUZZ_TRACE")) // to read a finding: what went in, what came out
    std::fprintf(stderr, "--- sent\n%s\n--- received\n%s\n--- log\n%s\n", script.stream.c_str(), out.str().c_str(),
                 log.str().c_str());
  std::string logText = log.str();
  for (const char *problem : {"analysis failed", "internal error"})
    if (logText.find(problem) != std::string::npos)
      finding(std::string("the log reports `") + problem + "`", logText);
  std::set<std::string> answered = answeredIds(out.str());
  if (!answered.count(script.requestIds.back()))
    return 0; // the input cut the stream short (an early `exit`, a frame swallowing the rest)
  for (const std::string &id : script.mustAnswer)
    if (!answered.count(id))
      finding("request " + id + " was never answered", out.str());
  return 0;
}
