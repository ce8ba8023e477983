#include "importers/yaml_import_text.h"

#include <array>
#include <cctype>

#include <fmt/format.h>

#include "frontend/cairn_text.h"
#include "typecheck/types.h"

namespace cairn::importers {
namespace {

} // namespace

std::string cairnKey(llvm::StringRef key) { return isCairnName(key) ? key.str() : cairnString(key); }

bool prefersMultiline(llvm::StringRef text) {
  size_t firstBreak = text.find('\n');
  if (firstBreak == llvm::StringRef::npos || firstBreak + 1 >= text.size())
    return false; // one line, perhaps with a trailing newline: `"text\n"` is clearer
  bool hasContent = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' || isControlByte(static_cast<unsigned char>(c)))
      return false;
    // White space at the end of a line would be invisible in a block, and
    // editors that trim it would change the value: keep the escaped form.
    bool lineEnds = i + 1 == text.size() || text[i + 1] == '\n';
    if ((c == ' ' || c == '\t') && lineEnds)
      return false;
    hasContent = hasContent || !std::isspace(static_cast<unsigned char>(c));
  }
  return hasContent;
}

void appendMultiline(std::string &out, llvm::StringRef text, unsigned indent) {
  std::string pad(indent, ' ');
  out += "\"\"\"\n";
  bool lineStart = true;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      out += '\n';
      lineStart = true;
      continue;
    }
    if (lineStart) {
      out += pad; // empty lines stay empty: no trailing white space
      lineStart = false;
    }
    if (appendCommonEscape(out, text, i))
      continue;
    // `"""` anywhere closes the block: escape a quote that starts such a run.
    if (c == '"' && text.substr(i + 1, 2) == "\"\"") {
      out += "\\\"";
      continue;
    }
    out += c;
  }
  // The line break before the closing quotes is not part of the value, so a
  // trailing newline in `text` shows as an empty last line.
  out += '\n';
  out += pad;
  out += "\"\"\"";
}

std::string cairnInt(int64_t value) {
  if (value == INT64_MIN)
    return "(-9223372036854775807 - 1)"; // the literal 9223372036854775808 does not fit
  return std::to_string(value);
}

std::string cairnFloat(double value) { return types::formatFloat(value); }

std::string camelName(llvm::StringRef text) {
  std::string out;
  bool upperNext = false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upperNext = !out.empty();
      continue;
    }
    if (out.empty())
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else
      out += upperNext ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upperNext = false;
  }
  if (out.empty())
    return "object";
  if (std::isdigit(static_cast<unsigned char>(out[0])))
    out.insert(out.begin(), '_');
  if (isCairnKeyword(out))
    out += '_';
  return out;
}

} // namespace cairn::importers
