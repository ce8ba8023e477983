#include "eval_fixture.h"

#include <filesystem>
#include <fstream>
#include <random>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace cairn::evaltest {

namespace fs = std::filesystem;

std::vector<std::string> EvalRun::codes() const {
  std::vector<std::string> out;
  for (const Diagnostic &d : diags.diagnostics())
    out.push_back(d.code());
  return out;
}

std::vector<std::string> EvalRun::lines() const {
  std::vector<std::string> out;
  for (const Diagnostic &d : diags.diagnostics())
    out.push_back(fmt::format("{} {} {}", where(d.span), d.code(), d.message));
  return out;
}

const Diagnostic *EvalRun::first(const char *code) const {
  for (const Diagnostic &d : diags.diagnostics())
    if (std::string(d.code()) == code)
      return &d;
  return nullptr;
}

std::string EvalRun::spanText(const Span &span) const {
  return span.valid() ? program.sources.text(span).str() : "<no span>";
}

std::string EvalRun::where(const Span &span) const {
  if (!span.valid())
    return "-";
  LineCol lc = program.sources.lineCol(span.file, span.begin);
  return fmt::format("{}:{}", lc.line, lc.column);
}

eval::Value EvalRun::let(const std::string &name) const {
  for (const eval::NamedValue &named : result.lets)
    if (named.name == name)
      return named.value;
  ADD_FAILURE_AT(__FILE__, __LINE__);
  return {};
}

std::string EvalRun::show(const std::string &name) const {
  for (const eval::NamedValue &named : result.lets)
    if (named.name == name)
      return render(named.value);
  return "<no value for " + name + ">";
}

std::vector<std::string> EvalRun::documents() const {
  std::vector<std::string> out;
  for (eval::Value doc : result.documents)
    out.push_back(render(doc));
  return out;
}

static void renderString(llvm::StringRef text, std::string &out) {
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    out += c == '\n' ? std::string("\\n") : std::string(1, c);
  }
  out += '"';
}

static void renderInto(eval::Value value, std::string &out) {
  using eval::ValueKind;
  switch (value.kind()) {
  case ValueKind::Null: out += "null"; break;
  case ValueKind::Bool: out += value.asBool() ? "true" : "false"; break;
  case ValueKind::Int: out += std::to_string(value.asInt()); break;
  case ValueKind::Float: out += eval::formatFloat(value.asFloat()); break;
  case ValueKind::String: renderString(value.asString(), out); break;
  case ValueKind::List: {
    out += '[';
    bool first = true;
    for (eval::Value item : value.asList()) {
      if (!first)
        out += ',';
      first = false;
      renderInto(item, out);
    }
    out += ']';
    break;
  }
  case ValueKind::Object: {
    if (!value.asObject().typeName.empty())
      out += value.asObject().typeName.str();
    out += '{';
    bool first = true;
    for (const eval::ObjectField &field : value.asObject().fields) {
      if (!first)
        out += ',';
      first = false;
      out += field.name.str() + ":";
      renderInto(field.value, out);
    }
    out += '}';
    break;
  }
  case ValueKind::Function: out += "<fn>"; break;
  }
}

std::string render(eval::Value value) {
  std::string out;
  renderInto(value, out);
  return out;
}

static void evaluate(EvalRun &run, const RunOptions &options) {
  run.checked = types::checkProgram(run.program, run.diags);
  run.checkedCleanly = !run.diags.hasErrors() && !run.program.entries.empty();
  if (!run.checkedCleanly || !options.evaluate)
    return;
  eval::EvalOptions evalOptions;
  evalOptions.params = options.params;
  evalOptions.limits = options.limits;
  evalOptions.collectLetsOf.push_back(run.program.entries.front());
  run.result = eval::evaluateProgram(run.program, run.checked, evalOptions, run.diags);
}

std::unique_ptr<EvalRun> run(const std::string &text, const RunOptions &options) {
  auto result = std::make_unique<EvalRun>();
  LoadOptions load;
  load.workingDir = fs::temp_directory_path();
  result->program = loadProgram({{"-", text}}, load, result->diags);
  evaluate(*result, options);
  return result;
}

std::unique_ptr<EvalRun> runFiles(const std::map<std::string, std::string> &files,
                                  const std::vector<std::string> &entries, const RunOptions &options) {
  std::random_device random;
  fs::path dir = fs::temp_directory_path() / fmt::format("cairn-eval-{}", random());
  for (const auto &[name, text] : files) {
    fs::create_directories((dir / name).parent_path());
    std::ofstream(dir / name) << text;
  }
  auto result = std::make_unique<EvalRun>();
  LoadOptions load;
  load.workingDir = dir;
  load.projectRoot = dir;
  std::vector<EntryInput> inputs;
  for (const std::string &entry : entries)
    inputs.push_back({(dir / entry).string(), ""});
  result->program = loadProgram(inputs, load, result->diags);
  evaluate(*result, options);
  fs::remove_all(dir);
  return result;
}

eval::ParamInput textParam(const std::string &name, const std::string &text) {
  eval::ParamInput input;
  input.name = name;
  input.text = text;
  input.origin = "-p " + name + "=" + text;
  return input;
}

} // namespace cairn::evaltest
