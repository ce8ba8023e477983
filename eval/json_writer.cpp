// JSON for one value, 2-space indent, written straight into a string (no
// JSON DOM: building an nlohmann::ordered_json tree first would double the
// memory of a large build and do a linear key search per inserted field).
// Ints are written as integers, floats as the shortest text that reads back
// as the same double (always with a `.`: `1.0`).
#include <cmath>

#include "eval/text_format.h"
#include "eval/value_writer.h"
#include "eval/write_failure.h"

namespace cairn::eval {
namespace {

using eval::Value;
using eval::ValueKind;

class JsonWriter {
public:
  JsonWriter(std::string &out, const WriteOptions &options, unsigned baseIndent)
      : out_(out), options_(options), baseIndent_(baseIndent) {}

  bool write(const Value &value) { return writeValue(value, 0, true); }
  const WriteFailure &failure() const { return failure_; }

private:
  bool writeValue(const Value &value, unsigned depth, bool topLevel);
  bool writeObject(const eval::ObjectData &object, unsigned depth, bool topLevel);
  bool writeArray(llvm::ArrayRef<Value> items, unsigned depth);
  bool writeFloat(const Value &value);
  void newline(unsigned depth) {
    if (options_.compactJson)
      return;
    out_ += '\n';
    out_.append(baseIndent_ + 2 * depth, ' ');
  }
  bool fail(const Value &value, std::string what) {
    failure_.span = value.span();
    failure_.what = std::move(what);
    return false;
  }
  // Checked before each element and field: past the bound, stop writing.
  bool overBudget(const Value &value) {
    if (out_.size() <= options_.maxBytes)
      return false;
    failure_.span = value.span();
    failure_.tooLargeLimit = options_.maxBytes;
    return true;
  }

  std::string &out_;
  const WriteOptions &options_;
  unsigned baseIndent_;
  WriteFailure failure_;
};

bool JsonWriter::writeValue(const Value &value, unsigned depth, bool topLevel) {
  switch (value.kind()) {
  case ValueKind::Null: out_ += "null"; return true;
  case ValueKind::Bool: out_ += value.asBool() ? "true" : "false"; return true;
  case ValueKind::Int: appendInt(out_, value.asInt()); return true;
  case ValueKind::Float: return writeFloat(value);
  case ValueKind::String: appendJsonString(out_, value.asString()); return true;
  case ValueKind::List: return writeArray(value.asList(), depth);
  case ValueKind::Object: return writeObject(value.asObject(), depth, topLevel);
  case ValueKind::Function: return fail(value, "a function");
  }
  return fail(value, "a value of unknown kind");
}

bool JsonWriter::writeFloat(const Value &value) {
  double f = value.asFloat();
  if (std::isnan(f))
    return fail(value, "the float `nan`");
  if (std::isinf(f))
    return fail(value, f < 0 ? "the float `-inf`" : "the float `inf`");
  appendFiniteFloat(out_, f);
  return true;
}

bool JsonWriter::writeObject(const eval::ObjectData &object, unsigned depth, bool topLevel) {
  auto fields = outputFields(object, topLevel, options_);
  if (fields.empty()) {
    out_ += "{}";
    return true;
  }
  out_ += '{';
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0)
      out_ += ',';
    newline(depth + 1);
    appendJsonString(out_, fields[i]->name);
    out_ += options_.compactJson ? ":" : ": ";
    if (overBudget(fields[i]->value) || !writeValue(fields[i]->value, depth + 1, false)) {
      failure_.addKey(fields[i]->name);
      return false;
    }
  }
  newline(depth);
  out_ += '}';
  return true;
}

bool JsonWriter::writeArray(llvm::ArrayRef<Value> items, unsigned depth) {
  if (items.empty()) {
    out_ += "[]";
    return true;
  }
  out_ += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out_ += ',';
    newline(depth + 1);
    if (overBudget(items[i]) || !writeValue(items[i], depth + 1, false)) {
      failure_.addIndex(i);
      return false;
    }
  }
  newline(depth);
  out_ += ']';
  return true;
}

} // namespace

bool appendJson(std::string &out, const eval::Value &value, DiagnosticSink &diags, const WriteOptions &options,
                unsigned baseIndent) {
  JsonWriter writer(out, options, baseIndent);
  if (writer.write(value))
    return true;
  writer.failure().report(diags, "JSON");
  return false;
}

} // namespace cairn::eval
