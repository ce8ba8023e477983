// Test helpers: parse and check Cairn source text, then ask about the result.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "frontend/program.h"
#include "typecheck/checked_program.h"

namespace cairn::checktest {

struct CheckResult {
  Program program;
  DiagnosticSink diags;
  types::CheckedProgram checked;

  // Codes of every diagnostic, in report order ("E0401", "W0301").
  std::vector<std::string> codes() const;
  // Diagnostics other than those of the parser, as "line:col code message".
  std::vector<std::string> lines() const;
  const Diagnostic *first(const char *code) const;
  // The source text a diagnostic's span covers.
  std::string spanText(const Span &span) const;
  // The type of a top-level declaration of the entry module, as displayed.
  std::string declType(const std::string &name) const;
  // The type of the first expression whose source text is exactly `text`.
  std::string exprType(const std::string &text) const;
  uint32_t entry() const { return program.entries.front(); }
};

// Checks `text` as the only entry module (read from "standard input").
std::unique_ptr<CheckResult> check(const std::string &text);
// Writes `files` into a fresh directory and checks `entry` with its imports.
std::unique_ptr<CheckResult> checkFiles(const std::map<std::string, std::string> &files,
                                        const std::string &entry = "main.cairn");

} // namespace cairn::checktest
