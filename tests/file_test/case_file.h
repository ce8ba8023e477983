// One file test (tests/cases/**/*.cairn) as data: the command line, the files
// to write, standard input, and the expected results from the CHECK lines.
// The format is described in tests/file_test/README.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cairn::filetest {

struct CaseFile {
  std::string relativePath; // "main.cairn", "lib/util.cairn", "values.yaml"
  std::string text;
};

struct Expectation {
  std::optional<int> exitCode;     // `// CHECK:EXIT: N`
  std::vector<std::string> stdoutLines; // `// CHECK:STDOUT: ...`
  std::vector<std::string> stderrLines; // `// CHECK:STDERR: ...`
};

struct TestCase {
  std::string path;            // the case file, relative to the cases root ("cli/fail_x.cairn")
  std::string mainFile;        // the main file's name ("fail_x.cairn")
  std::vector<std::string> args; // after `cairn`, with %s replaced
  std::vector<CaseFile> files; // the main file first
  std::optional<std::string> stdinText;
  Expectation expected;
  std::string body;            // the case file without CHECK lines, for --autoupdate
  bool mustFail = false;       // the name starts with `fail_`
};

// Parses the text of a case file. Returns an error message for a malformed
// case (bad ARGS quoting, a split with an empty or escaping name).
struct ParsedCase {
  std::optional<TestCase> testCase;
  std::string error;
};
ParsedCase parseCase(const std::string &relativePath, const std::string &text);

// Splits an ARGS line like a shell: whitespace separates, '...' is literal,
// "..." allows \" and \\; `%s` becomes `mainFile`. Empty optional on bad quoting.
std::optional<std::vector<std::string>> splitArgs(const std::string &line, const std::string &mainFile);

// The case file with `actual` results as its CHECK lines.
std::string renderCase(const std::string &body, int exitCode, const std::string &stdoutText,
                       const std::string &stderrText);

// Output text as lines: split on '\n', without an empty last line for a final newline.
std::vector<std::string> splitLines(const std::string &text);

} // namespace cairn::filetest
