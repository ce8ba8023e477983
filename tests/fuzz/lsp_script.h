// The input format of the LSP fuzz target: a script of editor actions that
// becomes a stream of framed JSON-RPC messages for cairn::lsp::Server.
//
// A script is a sequence of records; a record starts with a line beginning
// with `@`: `@NAME ARG...`, then its text (the lines up to the next `@` line,
// newlines included). Text before the first record opens document 0, so any
// Cairn source is also a script. ARGs are integers (any size or sign, so
// positions may be out of range); missing ones are 0. D is a document index
// (taken modulo 4: main.cairn, lib.cairn, sub/util.cairn, cairn.yaml).
//   @open D / @change D / @close D / @save D       the text is the document's
//   @edit D L1 C1 L2 C2                            a ranged didChange
//   @completion D L C (also hover, signatureHelp, definition, declaration,
//     typeDefinition, references, documentHighlight, prepareRename,
//     rename [newName = text], selectionRange [two positions L C L2 C2])
//   @codeAction D L1 C1 L2 C2 [a diagnostic whose code is the text]
//     (also semanticTokensRange, inlayHint, rangeFormatting)
//   @documentSymbol D (also semanticTokens, foldingRange, documentLink,
//     formatting, diagnostic)
//   @symbol [query = text] / @workspaceDiagnostic / @shutdown
//   @cancel                                        cancels the previous request
//   @body                                          the text framed as one message
//   @raw                                           the text written as is (frames, garbage)
//   @noinit                                        (first only) no initialize
// Unknown names are skipped. Text goes into JSON strings byte for byte, so
// invalid UTF-8 stays invalid and NUL becomes \u0000.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cairn::fuzz {

struct LspScript {
  std::string stream;                  // every framed message, initialize to exit
  std::vector<std::string> requestIds; // the script's requests ("fuzz-N"), shutdown last
  // The requests that must be answered when the shutdown is: those whose body
  // is valid JSON (invalid UTF-8 is a parse error, answered with id null)
  // and that come before any @raw record (whose bytes may swallow frames).
  std::vector<std::string> mustAnswer;
};

// The workspace the documents live in (never created on disk).
inline constexpr std::string_view kLspFuzzRoot = "file:///cairn-lsp-fuzz";

LspScript decodeLspScript(std::string_view input);

} // namespace cairn::fuzz
