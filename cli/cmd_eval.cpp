// `cairn eval FILE [-e EXPR]`: prints the file's top-level lets as one
// object, or the value of EXPR evaluated in the file's scope.
#include "eval/value_writer.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "cli/pipeline.h"

namespace cairn::cli {
namespace {

// The entry's top-level lets as one map, in declaration order. Functions are
// left out: they are not data and cannot be printed.
eval::Value letsAsObject(eval::EvalResult &evaluation, const Compilation &c) {
  uint32_t entry = c.program.entries.front();
  std::vector<eval::ObjectField> fields;
  for (const eval::NamedValue &let : evaluation.lets) {
    if (let.module != entry || let.value.kind() == eval::ValueKind::Function)
      continue;
    fields.push_back({let.name, let.value, let.value.span(), true});
  }
  Span fileStart{c.program.modules[entry].file, 0, 0};
  return eval::Value::object(evaluation.arena->makeObject(eval::kNoSchema, {}, fields), fileStart);
}

// The value of the `-e` expression: the one let of the synthetic module.
std::optional<eval::Value> expressionValue(const eval::EvalResult &evaluation, const Compilation &c) {
  for (const eval::NamedValue &let : evaluation.lets)
    if (let.module == c.expressionModule && let.name == kExpressionLetName)
      return let.value;
  return std::nullopt;
}

} // namespace

int runEval(const Options &options, DriverIO &io) {
  std::unique_ptr<Compilation> c = compile(options, io, /*collectLetsOfEntry=*/true);
  std::string text;
  bool written = false;
  if (c->ok()) {
    std::optional<eval::Value> value = c->expressionModule == kNoModule
                                           ? letsAsObject(*c->evaluation, *c)
                                           : expressionValue(*c->evaluation, *c);
    if (!value)
      throw std::logic_error("the evaluator returned no value for the `-e` expression");
    written = options.format == "json" ? eval::appendJson(text, *value, c->diags)
                                       : eval::appendYaml(text, *value, c->diags);
    if (written && options.format == "json")
      text += '\n';
  }
  printDiagnostics(*c, options, io);
  if (!written)
    return kExitInputErrors;
  return writeStdout(text, io);
}

} // namespace cairn::cli
