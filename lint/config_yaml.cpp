#include "lint/config_yaml.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace cairn::lint::detail {
namespace {

bool isNullText(const std::string &s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

std::optional<bool> boolText(const std::string &s) {
  if (s == "true" || s == "True" || s == "TRUE")
    return true;
  if (s == "false" || s == "False" || s == "FALSE")
    return false;
  return std::nullopt;
}

// Decimal (`[-+]?[0-9]+`), `0o` octal or `0x` hex; nullopt for anything else
// and for integers outside 64 bits (those stay strings rather than round).
std::optional<int64_t> intText(const std::string &s) {
  int base = 10;
  size_t start = 0;
  bool negative = false;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
    base = s[1] == 'o' ? 8 : 16;
    start = 2;
  } else if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    start = 1;
  }
  if (start >= s.size())
    return std::nullopt;
  uint64_t magnitude = 0;
  auto [end, ec] = std::from_chars(s.data() + start, s.data() + s.size(), magnitude, base);
  if (ec != std::errc() || end != s.data() + s.size())
    return std::nullopt;
  uint64_t limit = static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + (negative ? 1 : 0);
  if (magnitude > limit)
    return std::nullopt;
  return negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
}

// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` and the .inf/.nan forms.
std::optional<double> floatText(const std::string &s) {
  for (const char *inf : {".inf", ".Inf", ".INF"}) {
    if (s == inf || s == std::string("+") + inf)
      return std::numeric_limits<double>::infinity();
    if (s == std::string("-") + inf)
      return -std::numeric_limits<double>::infinity();
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN")
    return std::nan("");
  size_t i = s.empty() || (s[0] != '-' && s[0] != '+') ? 0 : 1;
  auto digits = [&] {
    size_t from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
      ++i;
    return i - from;
  };
  size_t whole = digits(), fraction = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    fraction = digits();
  }
  if (whole == 0 && fraction == 0)
    return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+'))
      ++i;
    if (digits() == 0)
      return std::nullopt;
  }
  if (i != s.size())
    return std::nullopt;
  return std::strtod(s.c_str(), nullptr);
}

nlohmann::ordered_json plainScalar(const std::string &s) {
  if (isNullText(s))
    return nullptr;
  if (auto b = boolText(s))
    return *b;
  if (auto i = intText(s))
    return *i;
  if (auto f = floatText(s))
    return *f;
  return s;
}

// Plain scalars are tagged "?"; quoted ones "!"; explicit tags (`!!str`) keep
// their text as a string.
bool isPlain(const YAML::Node &node) { return node.Tag() == "?" || node.Tag().empty(); }

} // namespace

Span YamlSpans::ofMark(const YAML::Mark &mark) const {
  llvm::StringRef text = sources_.file(file_).text();
  if (mark.is_null() || mark.pos < 0)
    return Span{file_, 0, 0};
  // yaml-cpp does not count a byte order mark in its positions.
  size_t bom = text.startswith("\xEF\xBB\xBF") ? 3 : 0;
  auto begin = static_cast<uint32_t>(std::min<size_t>(static_cast<size_t>(mark.pos) + bom, text.size()));
  size_t end = begin;
  while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\r' && text[end] != '\n' &&
         text[end] != ',' && text[end] != ':')
    ++end;
  end = std::max<size_t>(end, begin + (begin < text.size() ? 1 : 0));
  return Span{file_, begin, static_cast<uint32_t>(end)};
}

Span YamlSpans::of(const YAML::Node &node) const {
  Span s = ofMark(node.Mark());
  if (!node.IsScalar())
    return Span{file_, s.begin, std::min(s.end, s.begin + 1)};
  llvm::StringRef rest = sources_.file(file_).text().substr(s.begin);
  const std::string &value = node.Scalar();
  if (!value.empty() && rest.startswith(value))
    return Span{file_, s.begin, static_cast<uint32_t>(s.begin + value.size())};
  if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'')) {
    size_t close = rest.find(rest[0], 1);
    if (close != llvm::StringRef::npos && close < rest.find_first_of("\r\n"))
      return Span{file_, s.begin, static_cast<uint32_t>(s.begin + close + 1)};
  }
  return s;
}

const char *yamlShape(const YAML::Node &node) {
  switch (node.Type()) {
  case YAML::NodeType::Map: return "a mapping";
  case YAML::NodeType::Sequence: return "a list";
  case YAML::NodeType::Scalar: {
    if (!isPlain(node))
      return "a string";
    nlohmann::ordered_json value = plainScalar(node.Scalar());
    if (value.is_null())
      return "null";
    if (value.is_boolean())
      return "a boolean";
    return value.is_number() ? "a number" : "a string";
  }
  default: return "null";
  }
}

bool isYamlString(const YAML::Node &node) {
  return node.IsScalar() && (!isPlain(node) || plainScalar(node.Scalar()).is_string());
}

bool yamlToJson(const YAML::Node &node, size_t &budget, nlohmann::ordered_json &out) {
  if (budget == 0)
    return false;
  --budget;
  switch (node.Type()) {
  case YAML::NodeType::Scalar:
    out = isPlain(node) ? plainScalar(node.Scalar()) : nlohmann::ordered_json(node.Scalar());
    return true;
  case YAML::NodeType::Sequence:
    out = nlohmann::ordered_json::array();
    for (const YAML::Node &item : node) {
      nlohmann::ordered_json value;
      if (!yamlToJson(item, budget, value))
        return false;
      out.push_back(std::move(value));
    }
    return true;
  case YAML::NodeType::Map:
    out = nlohmann::ordered_json::object();
    for (const auto &entry : node) {
      nlohmann::ordered_json value;
      if (!yamlToJson(entry.second, budget, value))
        return false;
      // JSON keys are strings: a non-scalar key is written as its YAML text.
      out[entry.first.IsScalar() ? entry.first.Scalar() : YAML::Dump(entry.first)] = std::move(value);
    }
    return true;
  default:
    out = nullptr;
    return true;
  }
}

} // namespace cairn::lint::detail
