// The edge between LSP JSON and cairn's data: URIs <-> paths, LSP positions
// <-> byte offsets (through LineIndex), spans -> ranges and locations, the
// client's capabilities, and the error codes of JSON-RPC and LSP.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include <llvm/ADT/StringRef.h>
#include <nlohmann/json.hpp>

#include "lsp/positions.h"
#include "lsp/snapshot.h"

namespace cairn::lsp {

using json = nlohmann::json;

// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestFailed = -32803,
  kServerCancelled = -32802,
  kContentModified = -32801,
  kRequestCancelled = -32800,
};

// Thrown by handlers for a request they cannot answer; the dispatcher turns
// it into a JSON-RPC error response (never a crash).
struct ProtocolError : std::runtime_error {
  ProtocolError(int code, const std::string &message) : std::runtime_error(message), code(code) {}
  int code;
};

// What the client said it supports in `initialize` (defaults: the LSP
// defaults for a client that said nothing).
struct ClientCapabilities {
  bool snippets = false;             // completionItem.snippetSupport
  bool markdownHover = false;        // hover.contentFormat contains "markdown"
  bool markdownCompletionDocs = false;
  bool hierarchicalSymbols = false;  // documentSymbol.hierarchicalDocumentSymbolSupport
  bool relatedInformation = false;   // publishDiagnostics.relatedInformation
  bool codeDescription = false;      // publishDiagnostics.codeDescriptionSupport
  bool diagnosticPull = false;       // textDocument.diagnostic
  bool workDoneProgress = false;
  bool labelOffsets = false;         // signatureHelp parameterInformation.labelOffsetSupport
  bool prepareRename = false;        // rename.prepareSupport
  bool codeActionLiterals = false;   // codeAction.codeActionLiteralSupport
  bool insertReplace = false;        // completionItem.insertReplaceSupport
  bool definitionLinks = false;      // definition.linkSupport: LocationLinks
  bool documentChanges = false;      // workspace.workspaceEdit.documentChanges
  bool multilineTokens = false;      // semanticTokens.multilineTokenSupport
  bool lineFoldingOnly = false;      // foldingRange.lineFoldingOnly
};

// A request on one document, as the features see it: the snapshot that
// includes the document's current text, the document's module in it, and a
// flag set when the client cancelled (long features poll it).
struct FeatureContext {
  const Snapshot &snapshot;
  uint32_t module;
  const ClientCapabilities &capabilities;
  const std::atomic<bool> *cancelled = nullptr;
  bool isCancelled() const { return cancelled && cancelled->load(std::memory_order_relaxed); }
};

// `name` (a method, a URI) cut to a length fit for a log line or a message.
std::string shortened(llvm::StringRef name);

// file:// URIs, percent-encoded as VS Code does; nullopt for other schemes.
std::string pathToUri(llvm::StringRef absolutePath);
std::optional<std::string> uriToPath(llvm::StringRef uri);

json toJson(Position position);
json toJson(Range range);
// Reads {"line": L, "character": C}; throws ProtocolError(kInvalidParams) when malformed.
Position positionFromJson(const json &position);

// Spans of the snapshot as LSP data (the span's file must belong to a module
// with a path, or be a text the snapshot holds).
Range rangeOf(const Snapshot &snapshot, Span span);
json rangeJson(const Snapshot &snapshot, Span span);
json locationJson(const Snapshot &snapshot, Span span); // {"uri", "range"}
// The URI of the file holding `file` (stdlib files included).
std::string uriOf(const Snapshot &snapshot, FileId file);
// The byte offset in `module`'s text of an LSP position (clamped).
uint32_t offsetOf(const Snapshot &snapshot, uint32_t module, Position position);
uint32_t offsetOf(const Snapshot &snapshot, uint32_t module, const json &position);

} // namespace cairn::lsp
