#include "case_file.h"

#include <filesystem>

namespace cairn::filetest {
namespace {

constexpr std::string_view kArgsPrefix = "// ARGS:";
constexpr std::string_view kSplitPrefix = "// --- ";
constexpr std::string_view kCheckPrefix = "// CHECK:";
constexpr std::string_view kExitPrefix = "// CHECK:EXIT:";
constexpr std::string_view kStdoutPrefix = "// CHECK:STDOUT:";
constexpr std::string_view kStderrPrefix = "// CHECK:STDERR:";
const char *const kDefaultArgs = "build --diagnostics=compact %s";

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The rest of a CHECK line after its prefix and one optional space.
std::string checkPayload(std::string_view line, std::string_view prefix) {
  std::string_view rest = line.substr(prefix.size());
  if (!rest.empty() && rest.front() == ' ')
    rest.remove_prefix(1);
  return std::string(rest);
}

std::string trimmed(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

// Reads the CHECK lines into `expected`; returns the text without them,
// trailing blank lines removed, ending in one newline.
std::string stripChecks(const std::string &text, Expectation &expected) {
  std::string body;
  for (const std::string &line : splitLines(text)) {
    if (startsWith(line, kExitPrefix)) {
      expected.exitCode = std::atoi(checkPayload(line, kExitPrefix).c_str());
    } else if (startsWith(line, kStdoutPrefix)) {
      expected.stdoutLines.push_back(checkPayload(line, kStdoutPrefix));
    } else if (startsWith(line, kStderrPrefix)) {
      expected.stderrLines.push_back(checkPayload(line, kStderrPrefix));
    } else if (!startsWith(line, kCheckPrefix)) {
      body += line;
      body += '\n';
    }
  }
  // The blank line renderCase puts before the CHECK lines is not input.
  while (body.size() >= 2 && body.compare(body.size() - 2, 2, "\n\n") == 0)
    body.pop_back();
  if (body == "\n")
    body.clear();
  return body;
}

bool isSafeRelativePath(const std::string &name) {
  std::filesystem::path p(name);
  if (name.empty() || p.is_absolute())
    return false;
  for (const auto &part : p)
    if (part == "..")
      return false;
  return true;
}

} // namespace

std::vector<std::string> splitLines(const std::string &text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::optional<std::vector<std::string>> splitArgs(const std::string &line, const std::string &mainFile) {
  std::vector<std::string> args;
  std::string current;
  bool inToken = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == ' ' || c == '\t') {
      if (inToken)
        args.push_back(std::move(current));
      current.clear();
      inToken = false;
    } else if (c == '\'' || c == '"') {
      size_t close = i + 1;
      for (; close < line.size() && line[close] != c; ++close) {
        if (c == '"' && line[close] == '\\' && close + 1 < line.size() &&
            (line[close + 1] == '"' || line[close + 1] == '\\'))
          ++close;
        current += line[close];
      }
      if (close >= line.size())
        return std::nullopt;
      i = close;
      inToken = true;
    } else if (c == '%' && i + 1 < line.size() && line[i + 1] == 's') {
      current += mainFile;
      ++i;
      inToken = true;
    } else {
      current += c;
      inToken = true;
    }
  }
  if (inToken)
    args.push_back(std::move(current));
  return args;
}

ParsedCase parseCase(const std::string &relativePath, const std::string &text) {
  TestCase tc;
  tc.path = relativePath;
  tc.mainFile = std::filesystem::path(relativePath).filename().string();
  tc.mustFail = startsWith(tc.mainFile, "fail_");
  tc.body = stripChecks(text, tc.expected);

  std::string argsLine = kDefaultArgs;
  bool inHeader = true;
  CaseFile *current = &tc.files.emplace_back(CaseFile{tc.mainFile, {}});
  std::string *target = &current->text;
  for (const std::string &line : splitLines(tc.body)) {
    if (inHeader && startsWith(line, kArgsPrefix))
      argsLine = trimmed(std::string_view(line).substr(kArgsPrefix.size()));
    inHeader = inHeader && startsWith(line, "//");
    if (startsWith(line, kSplitPrefix)) {
      std::string name = trimmed(std::string_view(line).substr(kSplitPrefix.size()));
      if (name == "STDIN") {
        tc.stdinText.emplace();
        target = &*tc.stdinText;
        continue;
      }
      if (!isSafeRelativePath(name))
        return {std::nullopt, "bad file name in split line: " + line};
      current = &tc.files.emplace_back(CaseFile{name, {}});
      target = &current->text;
      continue;
    }
    *target += line;
    *target += '\n';
  }
  std::optional<std::vector<std::string>> args = splitArgs(argsLine, tc.mainFile);
  if (!args)
    return {std::nullopt, "unbalanced quotes in ARGS: " + argsLine};
  tc.args = std::move(*args);
  return {std::move(tc), {}};
}

std::string renderCase(const std::string &body, int exitCode, const std::string &stdoutText,
                       const std::string &stderrText) {
  std::string out = body;
  out += "\n// CHECK:EXIT: " + std::to_string(exitCode) + "\n";
  auto append = [&out](std::string_view prefix, const std::string &text) {
    for (const std::string &line : splitLines(text)) {
      out += prefix;
      if (!line.empty())
        out += ' ' + line;
      out += '\n';
    }
  };
  append(kStdoutPrefix, stdoutText);
  append(kStderrPrefix, stderrText);
  return out;
}

} // namespace cairn::filetest
