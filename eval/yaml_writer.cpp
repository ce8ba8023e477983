// Block-style YAML for one value. Layout:
//   key: scalar          key: {}          key:            list:
//   key:                 key: []            nested: 1       - a
//     - name: x                                             - b: 1
//       port: 80                                              c: 2
// Sequences are indented under their key; a mapping inside a sequence item
// starts on the dash's line; a long key (over 1000 bytes, past YAML's limit
// for implicit keys) uses the explicit `? key` form.
#include <array>
#include <cmath>

#include "eval/text_format.h"
#include "eval/value_writer.h"
#include "eval/write_failure.h"
#include "eval/yaml_scalar.h"

namespace cairn::eval {
namespace {

using eval::Value;
using eval::ValueKind;

// Where a value starts: a fresh document, after `key:`, or after `- `.
enum class Position { Document, AfterKey, AfterDash };

class YamlWriter {
public:
  YamlWriter(std::string &out, const WriteOptions &options) : out_(out), options_(options) {}

  bool write(const Value &value) { return writeValue(value, 0, Position::Document, true); }
  const WriteFailure &failure() const { return failure_; }

private:
  // `indent` is the column of the value's lines when it does not fit inline.
  bool writeValue(const Value &value, unsigned indent, Position position, bool topLevel);
  bool writeMapping(const eval::ObjectData &object, unsigned indent, Position position, bool topLevel);
  bool writeSequence(llvm::ArrayRef<Value> items, unsigned indent, Position position);
  void writeString(llvm::StringRef text, unsigned indent, Position position);
  void writeKey(llvm::StringRef key, unsigned indent);
  void writeFloat(double value);
  void beginInline(Position position) {
    if (position == Position::AfterKey)
      out_ += ' ';
  }
  bool fail(const Value &value, std::string what) {
    failure_.span = value.span();
    failure_.what = std::move(what);
    return false;
  }
  // Checked before each item and field: past the bound, stop writing.
  bool overBudget(const Value &value) {
    if (out_.size() <= options_.maxBytes)
      return false;
    failure_.span = value.span();
    failure_.tooLargeLimit = options_.maxBytes;
    return true;
  }

  bool plainKey(llvm::StringRef key);

  struct KeyStyle {
    const char *data = nullptr;
    size_t size = 0;
    bool plain = false;
  };
  std::string &out_;
  const WriteOptions &options_;
  WriteFailure failure_;
  std::array<KeyStyle, 64> keyStyles_{};
};

bool YamlWriter::writeValue(const Value &value, unsigned indent, Position position, bool topLevel) {
  switch (value.kind()) {
  case ValueKind::Null: beginInline(position); out_ += "null\n"; return true;
  case ValueKind::Bool: beginInline(position); out_ += value.asBool() ? "true\n" : "false\n"; return true;
  case ValueKind::Int: beginInline(position); appendInt(out_, value.asInt()); out_ += '\n'; return true;
  case ValueKind::Float: beginInline(position); writeFloat(value.asFloat()); out_ += '\n'; return true;
  case ValueKind::String: writeString(value.asString(), indent, position); return true;
  case ValueKind::List: return writeSequence(value.asList(), indent, position);
  case ValueKind::Object: return writeMapping(value.asObject(), indent, position, topLevel);
  case ValueKind::Function: return fail(value, "a function");
  }
  return fail(value, "a value of unknown kind");
}

void YamlWriter::writeFloat(double value) {
  if (std::isnan(value))
    out_ += ".nan";
  else if (std::isinf(value))
    out_ += value < 0 ? "-.inf" : ".inf";
  else
    appendFiniteFloat(out_, value);
}

void YamlWriter::writeString(llvm::StringRef text, unsigned indent, Position position) {
  beginInline(position);
  switch (yamlValueStyle(text)) {
  case YamlStringStyle::Plain: out_.append(text.data(), text.size()); break;
  case YamlStringStyle::DoubleQuoted: appendYamlDoubleQuoted(out_, text); break;
  case YamlStringStyle::Literal: appendYamlLiteral(out_, text, std::max(indent, 2u)); return;
  }
  out_ += '\n';
}

bool YamlWriter::plainKey(llvm::StringRef key) {
  // Keys are mostly schema field names, the same few strings in memory over
  // and over: their style is remembered by address (scanning each key was a
  // tenth of rendering fleet(10000)).
  KeyStyle &slot = keyStyles_[(reinterpret_cast<uintptr_t>(key.data()) >> 3) % keyStyles_.size()];
  if (slot.data == key.data() && slot.size == key.size())
    return slot.plain;
  slot = KeyStyle{key.data(), key.size(), yamlKeyStyle(key) == YamlStringStyle::Plain};
  return slot.plain;
}

void YamlWriter::writeKey(llvm::StringRef key, unsigned indent) {
  bool plain = plainKey(key);
  bool explicitKey = key.size() > 1000;
  if (explicitKey)
    out_ += "? ";
  if (plain)
    out_.append(key.data(), key.size());
  else
    appendYamlDoubleQuoted(out_, key);
  if (explicitKey) {
    out_ += '\n';
    out_.append(indent, ' ');
  }
  out_ += ':';
}

bool YamlWriter::writeMapping(const eval::ObjectData &object, unsigned indent, Position position, bool topLevel) {
  bool first = true;
  auto writeField = [&](const eval::ObjectField &field) {
    if (first && position == Position::AfterKey)
      out_ += '\n';
    if (!(first && position == Position::AfterDash))
      out_.append(indent, ' ');
    first = false;
    writeKey(field.name, indent);
    if (!overBudget(field.value) && writeValue(field.value, indent + 2, Position::AfterKey, false))
      return true;
    failure_.addKey(field.name);
    return false;
  };
  // Only a document's root is reordered; below it, fields are written as
  // they are (the common case, taken without building a list: perf).
  if (topLevel && options_.kubernetesKeyOrder) {
    for (const eval::ObjectField *field : outputFields(object, topLevel, options_))
      if (!writeField(*field))
        return false;
  } else {
    for (const eval::ObjectField &field : object.fields)
      if (!(options_.omitNullFields && field.value.isNull()) && !writeField(field))
        return false;
  }
  if (first) {
    beginInline(position);
    out_ += "{}\n";
  }
  return true;
}

bool YamlWriter::writeSequence(llvm::ArrayRef<Value> items, unsigned indent, Position position) {
  if (items.empty()) {
    beginInline(position);
    out_ += "[]\n";
    return true;
  }
  if (position == Position::AfterKey)
    out_ += '\n';
  for (size_t i = 0; i < items.size(); ++i) {
    if (!(i == 0 && position == Position::AfterDash))
      out_.append(indent, ' ');
    out_ += "- ";
    if (overBudget(items[i]) || !writeValue(items[i], indent + 2, Position::AfterDash, false)) {
      failure_.addIndex(i);
      return false;
    }
  }
  return true;
}

} // namespace

bool appendYaml(std::string &out, const eval::Value &value, DiagnosticSink &diags, const WriteOptions &options) {
  YamlWriter writer(out, options);
  if (writer.write(value))
    return true;
  writer.failure().report(diags, "YAML");
  return false;
}

} // namespace cairn::eval
