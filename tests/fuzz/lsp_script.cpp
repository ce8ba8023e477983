#include "lsp_script.h"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace cairn::fuzz {
namespace {

constexpr std::array<std::string_view, 4> kDocuments = {"main.cairn", "lib.cairn", "sub/util.cairn", "cairn.yaml"};
// Records after this many are ignored: each one is a message or two, and a
// fuzz iteration must stay short.
constexpr size_t kMaxRecords = 64;

struct Record {
  std::string_view name;
  std::vector<int64_t> args;
  std::string_view text;
  int64_t arg(size_t i) const { return i < args.size() ? args[i] : 0; }
};

// A JSON string literal holding `text` byte for byte (only `"`, `\` and
// control characters escaped; invalid UTF-8 is left for the server to refuse).
std::string jsonString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      static const char *hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[byte >> 4];
      out += hex[byte & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

bool validUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    size_t length = byte < 0x80 ? 1 : (byte >> 5) == 6 ? 2 : (byte >> 4) == 14 ? 3 : (byte >> 3) == 30 ? 4 : 0;
    if (length == 0 || i + length > text.size())
      return false;
    uint32_t codePoint = length == 1 ? byte : byte & (0x7f >> length);
    for (size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80)
        return false;
      codePoint = codePoint << 6 | (next & 0x3f);
    }
    static constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (codePoint < kSmallest[length] || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
      return false;
    i += length;
  }
  return true;
}

std::string_view trimNewline(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

std::vector<int64_t> parseArgs(std::string_view rest) {
  std::vector<int64_t> args;
  size_t i = 0;
  while (i < rest.size() && args.size() < 8) {
    while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t' || rest[i] == '\r'))
      ++i;
    size_t start = i;
    while (i < rest.size() && rest[i] != ' ' && rest[i] != '\t' && rest[i] != '\r')
      ++i;
    if (i > start) // strtoll saturates, so huge numbers stay huge
      args.push_back(std::strtoll(std::string(rest.substr(start, i - start)).c_str(), nullptr, 10));
  }
  return args;
}

// Splits the input into records; text before the first `@` line opens document 0.
std::vector<Record> parseRecords(std::string_view input) {
  std::vector<Record> records;
  size_t pos = 0;
  auto nextRecordStart = [&](size_t from) {
    for (size_t i = from; i < input.size(); ++i)
      if (input[i] == '@' && (i == 0 || input[i - 1] == '\n'))
        return i;
    return input.size();
  };
  size_t first = nextRecordStart(0);
  if (first > 0)
    records.push_back({"open", {0}, input.substr(0, first)});
  pos = first;
  while (pos < input.size() && records.size() < kMaxRecords) {
    size_t lineEnd = input.find('\n', pos);
    if (lineEnd == std::string_view::npos)
      lineEnd = input.size();
    std::string_view header = input.substr(pos + 1, lineEnd - pos - 1);
    size_t nameEnd = header.find_first_of(" \t\r");
    Record record;
    record.name = header.substr(0, nameEnd);
    if (nameEnd != std::string_view::npos)
      record.args = parseArgs(header.substr(nameEnd));
    size_t textStart = std::min(lineEnd + 1, input.size());
    size_t next = nextRecordStart(textStart);
    record.text = input.substr(textStart, next - textStart);
    records.push_back(record);
    pos = next;
  }
  return records;
}

class ScriptWriter {
public:
  LspScript script;

  void frame(const std::string &body) {
    script.stream += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }
  void notify(std::string_view method, const std::string &params) {
    frame(R"({"jsonrpc":"2.0","method":")" + std::string(method) + R"(","params":)" + params + "}");
  }
  void request(std::string_view method, const std::string &params) {
    std::string id = "fuzz-" + std::to_string(script.requestIds.size() + 1);
    script.requestIds.push_back(id);
    if (!afterRaw_ && validUtf8(params))
      script.mustAnswer.push_back(id);
    frame(R"({"jsonrpc":"2.0","id":")" + id + R"(","method":")" + std::string(method) + R"(","params":)" + params +
          "}");
  }
  void initialize() {
    std::string root(kLspFuzzRoot);
    request("initialize", R"({"processId":null,"rootUri":")" + root +
                              R"(","capabilities":{"textDocument":{"publishDiagnostics":{"relatedInformation":true},)"
                              R"("completion":{"completionItem":{"snippetSupport":true}}}}})");
    notify("initialized", "{}");
  }
  void shutdownAndExit() {
    request("shutdown", "null");
    frame(R"({"jsonrpc":"2.0","method":"exit"})");
  }

  void apply(const Record &r);

private:
  int64_t version_ = 0;
  bool afterRaw_ = false;

  static std::string uri(int64_t doc) {
    return std::string(kLspFuzzRoot) + "/" + std::string(kDocuments[static_cast<uint64_t>(doc) % kDocuments.size()]);
  }
  static std::string textDocument(int64_t doc) { return R"({"uri":")" + uri(doc) + R"("})"; }
  static std::string position(int64_t line, int64_t character) {
    return R"({"line":)" + std::to_string(line) + R"(,"character":)" + std::to_string(character) + "}";
  }
  static std::string range(const Record &r) {
    return R"({"start":)" + position(r.arg(1), r.arg(2)) + R"(,"end":)" + position(r.arg(3), r.arg(4)) + "}";
  }
  static std::string at(const Record &r, const std::string &extra = "") {
    return R"({"textDocument":)" + textDocument(r.arg(0)) + R"(,"position":)" + position(r.arg(1), r.arg(2)) +
           extra + "}";
  }
  static std::string over(const Record &r, const std::string &extra = "") {
    return R"({"textDocument":)" + textDocument(r.arg(0)) + R"(,"range":)" + range(r) + extra + "}";
  }
  static std::string whole(const Record &r, const std::string &extra = "") {
    return R"({"textDocument":)" + textDocument(r.arg(0)) + extra + "}";
  }
  bool documentAction(const Record &r);
  bool positionRequest(const Record &r);
  bool documentRequest(const Record &r);
};

bool ScriptWriter::documentAction(const Record &r) {
  std::string doc = R"({"uri":")" + uri(r.arg(0)) + R"(","version":)" + std::to_string(++version_);
  if (r.name == "open")
    notify("textDocument/didOpen", R"({"textDocument":)" + doc + R"(,"languageId":"cairn","text":)" +
                                       jsonString(r.text) + "}}");
  else if (r.name == "change")
    notify("textDocument/didChange",
           R"({"textDocument":)" + doc + R"(},"contentChanges":[{"text":)" + jsonString(r.text) + "}]}");
  else if (r.name == "edit")
    notify("textDocument/didChange", R"({"textDocument":)" + doc + R"(},"contentChanges":[{"range":)" + range(r) +
                                         R"(,"text":)" + jsonString(r.text) + "}]}");
  else if (r.name == "close")
    notify("textDocument/didClose", whole(r));
  else if (r.name == "save")
    notify("textDocument/didSave", whole(r));
  else
    return false;
  return true;
}

bool ScriptWriter::positionRequest(const Record &r) {
  static const std::array<std::string_view, 9> simple = {
      "completion",     "hover",      "signatureHelp",     "definition",   "declaration",
      "typeDefinition", "references", "documentHighlight", "prepareRename"};
  for (std::string_view name : simple)
    if (r.name == name) {
      std::string extra = name == "references" ? R"(,"context":{"includeDeclaration":true})" : "";
      request("textDocument/" + std::string(name), at(r, extra));
      return true;
    }
  if (r.name == "rename")
    request("textDocument/rename", at(r, R"(,"newName":)" + jsonString(trimNewline(r.text))));
  else if (r.name == "selectionRange")
    request("textDocument/selectionRange", whole(r, R"(,"positions":[)" + position(r.arg(1), r.arg(2)) + "," +
                                                        position(r.arg(3), r.arg(4)) + "]"));
  else
    return false;
  return true;
}

bool ScriptWriter::documentRequest(const Record &r) {
  const std::string options = R"(,"options":{"tabSize":2,"insertSpaces":true})";
  std::string_view code = trimNewline(r.text);
  if (r.name == "codeAction") {
    std::string diagnostics = code.empty() ? "[]"
                                           : R"([{"range":)" + range(r) + R"(,"code":)" + jsonString(code) +
                                                 R"(,"source":"cairn","message":"fuzz"}])";
    request("textDocument/codeAction", over(r, R"(,"context":{"diagnostics":)" + diagnostics + "}"));
  } else if (r.name == "semanticTokensRange")
    request("textDocument/semanticTokens/range", over(r));
  else if (r.name == "inlayHint")
    request("textDocument/inlayHint", over(r));
  else if (r.name == "rangeFormatting")
    request("textDocument/rangeFormatting", over(r, options));
  else if (r.name == "formatting")
    request("textDocument/formatting", whole(r, options));
  else if (r.name == "semanticTokens")
    request("textDocument/semanticTokens/full", whole(r));
  else if (r.name == "documentSymbol" || r.name == "foldingRange" || r.name == "documentLink" ||
           r.name == "diagnostic")
    request("textDocument/" + std::string(r.name), whole(r));
  else
    return false;
  return true;
}

void ScriptWriter::apply(const Record &r) {
  if (documentAction(r) || positionRequest(r) || documentRequest(r))
    return;
  if (r.name == "symbol")
    request("workspace/symbol", R"({"query":)" + jsonString(trimNewline(r.text)) + "}");
  else if (r.name == "workspaceDiagnostic")
    request("workspace/diagnostic", R"({"previousResultIds":[]})");
  else if (r.name == "shutdown")
    request("shutdown", "null");
  else if (r.name == "cancel" && !script.requestIds.empty())
    notify("$/cancelRequest", R"({"id":")" + script.requestIds.back() + R"("})");
  else if (r.name == "body")
    frame(std::string(r.text));
  else if (r.name == "raw") {
    script.stream += r.text;
    afterRaw_ = true;
  }
}

} // namespace

LspScript decodeLspScript(std::string_view input) {
  std::vector<Record> records = parseRecords(input);
  ScriptWriter writer;
  bool initialize = records.empty() || records.front().name != "noinit";
  if (initialize)
    writer.initialize();
  for (const Record &record : records)
    writer.apply(record);
  writer.shutdownAndExit();
  return std::move(writer.script);
}

} // namespace cairn::fuzz
