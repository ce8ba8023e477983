#include "importers/crd_yaml.h"

#include "frontend/cairn_text.h"

#include <cmath>

#include <fmt/format.h>

#include "importers/schema_model.h"

namespace cairn::importers {
namespace {

const char *shapeName(const YAML::Node &node) {
  switch (node.Type()) {
  case YAML::NodeType::Map: return "a mapping";
  case YAML::NodeType::Sequence: return "a list";
  case YAML::NodeType::Scalar: return "a scalar";
  default: return "null";
  }
}

} // namespace

bool yamlIsNull(const YAML::Node &node) {
  if (node.IsNull())
    return true;
  if (!node.IsScalar() || node.Tag() == "!")
    return false;
  const std::string &s = node.Scalar();
  return s == "null" || s == "Null" || s == "NULL" || s == "~";
}

Span CrdYamlFile::spanOfMark(const YAML::Mark &mark) const {
  llvm::StringRef text = sources_.file(file_).text();
  if (mark.is_null() || mark.pos < 0)
    return Span{file_, 0, 0};
  // yaml-cpp does not count a byte order mark in its positions.
  size_t bom = text.substr(base_).startswith("\xEF\xBB\xBF") ? 3 : 0;
  uint32_t begin =
      static_cast<uint32_t>(std::min<size_t>(base_ + static_cast<size_t>(mark.pos) + bom, text.size()));
  size_t lineEnd = text.find_first_of("\r\n", begin);
  if (lineEnd == llvm::StringRef::npos)
    lineEnd = text.size();
  size_t end = begin;
  while (end < lineEnd && text[end] != ' ' && text[end] != '\t')
    ++end;
  return Span{file_, begin, static_cast<uint32_t>(std::max<size_t>(end, begin + (begin < text.size() ? 1 : 0)))};
}

Span CrdYamlFile::span(const YAML::Node &node) const {
  Span s = spanOfMark(node.Mark());
  if (!node.IsScalar())
    return s;
  llvm::StringRef text = sources_.file(file_).text();
  llvm::StringRef rest = text.substr(s.begin);
  const std::string &value = node.Scalar();
  if (!value.empty() && rest.startswith(value))
    return Span{file_, s.begin, static_cast<uint32_t>(s.begin + value.size())};
  if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'')) {
    size_t close = rest.find(rest[0], 1);
    size_t lineEnd = rest.find_first_of("\r\n");
    if (close != llvm::StringRef::npos && close < lineEnd)
      return Span{file_, s.begin, static_cast<uint32_t>(s.begin + close + 1)};
  }
  return s;
}

std::optional<YAML::Node> CrdYamlFile::child(const YAML::Node &map, const char *key) {
  if (!map.IsMap())
    return std::nullopt;
  YAML::Node value = map[key];
  if (!value.IsDefined() || yamlIsNull(value))
    return std::nullopt;
  return value;
}

Diagnostic &CrdYamlFile::invalid(const YAML::Node &node, const std::string &message) const {
  return diags_.report(DiagKind::CrdInvalid, span(node), message);
}

std::optional<std::string> CrdYamlFile::string(const YAML::Node &map, const char *key,
                                               const std::string &what) const {
  std::optional<YAML::Node> value = child(map, key);
  if (!value)
    return std::nullopt;
  if (!value->IsScalar()) {
    invalid(*value, fmt::format("`{}` must be a string, found {}", what, shapeName(*value)));
    return std::nullopt;
  }
  return value->Scalar();
}

std::optional<bool> CrdYamlFile::boolean(const YAML::Node &map, const char *key, const std::string &what) const {
  std::optional<YAML::Node> value = child(map, key);
  if (!value)
    return std::nullopt;
  bool result = false;
  if (!value->IsScalar() || !YAML::convert<bool>::decode(*value, result)) {
    invalid(*value, fmt::format("`{}` must be `true` or `false`", what));
    return std::nullopt;
  }
  return result;
}

std::optional<double> CrdYamlFile::number(const YAML::Node &map, const char *key, const std::string &what) const {
  std::optional<YAML::Node> value = child(map, key);
  if (!value)
    return std::nullopt;
  double result = 0;
  if (!value->IsScalar() || !YAML::convert<double>::decode(*value, result) || !std::isfinite(result)) {
    invalid(*value, fmt::format("`{}` must be a finite number", what));
    return std::nullopt;
  }
  return result;
}

std::optional<int64_t> CrdYamlFile::integer(const YAML::Node &map, const char *key, const std::string &what) const {
  std::optional<YAML::Node> value = child(map, key);
  if (!value)
    return std::nullopt;
  int64_t result = 0;
  if (!value->IsScalar() || !YAML::convert<int64_t>::decode(*value, result)) {
    invalid(*value, fmt::format("`{}` must be an integer", what));
    return std::nullopt;
  }
  return result;
}

std::optional<YAML::Node> CrdYamlFile::mapping(const YAML::Node &map, const char *key, const std::string &what) const {
  std::optional<YAML::Node> value = child(map, key);
  if (value && !value->IsMap()) {
    invalid(*value, fmt::format("`{}` must be a mapping, found {}", what, shapeName(*value)));
    return std::nullopt;
  }
  return value;
}

std::optional<YAML::Node> CrdYamlFile::sequence(const YAML::Node &map, const char *key, const std::string &what) const {
  std::optional<YAML::Node> value = child(map, key);
  if (value && !value->IsSequence()) {
    invalid(*value, fmt::format("`{}` must be a list, found {}", what, shapeName(*value)));
    return std::nullopt;
  }
  return value;
}

std::string yamlScalarLiteral(const YAML::Node &scalar, bool asString) {
  if (yamlIsNull(scalar))
    return "null";
  const std::string &text = scalar.Scalar();
  if (asString || scalar.Tag() == "!")
    return cairnString(text);
  int64_t i = 0;
  if (YAML::convert<int64_t>::decode(scalar, i))
    return std::to_string(i);
  double d = 0;
  if (YAML::convert<double>::decode(scalar, d) && std::isfinite(d))
    return fmt::format("{}", d);
  if (text == "true" || text == "false")
    return text;
  return cairnString(text);
}

std::string yamlInline(const YAML::Node &node) {
  YAML::Emitter out;
  out.SetMapFormat(YAML::Flow);
  out.SetSeqFormat(YAML::Flow);
  out << node;
  std::string text = out.c_str();
  for (char &c : text)
    if (c == '\n')
      c = ' ';
  return text.size() > 120 ? text.substr(0, 117) + "..." : text;
}

} // namespace cairn::importers
