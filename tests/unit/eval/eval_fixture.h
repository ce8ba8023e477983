// Test helpers: load, check and evaluate Cairn source text, then look at the
// values, spans and diagnostics the evaluator produced.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "eval/eval.h"
#include "frontend/program.h"
#include "typecheck/checked_program.h"

namespace cairn::evaltest {

struct EvalRun {
  Program program;
  DiagnosticSink diags;
  types::CheckedProgram checked;
  eval::EvalResult result;
  bool checkedCleanly = false; // no error before evaluation

  // Codes of every diagnostic, in report order.
  std::vector<std::string> codes() const;
  // Every diagnostic as "line:col CODE message".
  std::vector<std::string> lines() const;
  const Diagnostic *first(const char *code) const;
  std::string spanText(const Span &span) const;
  // "line:col" of the start of a span.
  std::string where(const Span &span) const;

  // A top-level let of the entry module (collected for `cairn eval`).
  eval::Value let(const std::string &name) const;
  // The let rendered as compact JSON-like text (see render).
  std::string show(const std::string &name) const;
  // Every emitted document, rendered.
  std::vector<std::string> documents() const;
};

// Values as compact text for assertions: `{"a":1,"b":[true,null]}`, floats
// with Cairn's formatting, functions as `<fn>`.
std::string render(eval::Value value);

struct RunOptions {
  std::vector<eval::ParamInput> params;
  eval::EvalLimits limits;
  bool evaluate = true; // false: load and check only
};

// Evaluates `text` as the only entry module.
std::unique_ptr<EvalRun> run(const std::string &text, const RunOptions &options = {});
// Writes `files` into a fresh directory and evaluates the `entries` in order.
std::unique_ptr<EvalRun> runFiles(const std::map<std::string, std::string> &files,
                                  const std::vector<std::string> &entries = {"main.cairn"},
                                  const RunOptions &options = {});

// A `-p name=text` parameter.
eval::ParamInput textParam(const std::string &name, const std::string &text);

} // namespace cairn::evaltest
