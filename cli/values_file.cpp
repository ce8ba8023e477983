#include "cli/values_file.h"

#include <cmath>
#include <limits>
#include <regex>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace cairn::cli {
namespace {

// A syntax error in a values file, at a byte offset of its text.
struct SyntaxError {
  std::string message;
  size_t offset = 0;
};

bool isNullScalar(const std::string &s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

std::optional<bool> boolScalar(const std::string &s) {
  if (s == "true" || s == "True" || s == "TRUE")
    return true;
  if (s == "false" || s == "False" || s == "FALSE")
    return false;
  return std::nullopt;
}

// An integer in decimal, 0o octal or 0x hex. `tooLarge` is set for an
// integer that does not fit in 64 bits (kept as text rather than rounded).
std::optional<int64_t> intScalar(const std::string &s, bool &tooLarge) {
  static const std::regex decimal("[-+]?[0-9]+");
  static const std::regex octal("0o[0-7]+");
  static const std::regex hex("0x[0-9a-fA-F]+");
  try {
    if (std::regex_match(s, decimal))
      return std::stoll(s, nullptr, 10);
    if (std::regex_match(s, octal))
      return std::stoll(s.substr(2), nullptr, 8);
    if (std::regex_match(s, hex))
      return std::stoll(s.substr(2), nullptr, 16);
  } catch (const std::out_of_range &) {
    tooLarge = true;
  }
  return std::nullopt;
}

std::optional<double> floatScalar(const std::string &s) {
  static const std::regex number(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (std::regex_match(s, number))
    return std::stod(s);
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "+.Inf" || s == "+.INF")
    return std::numeric_limits<double>::infinity();
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF")
    return -std::numeric_limits<double>::infinity();
  if (s == ".nan" || s == ".NaN" || s == ".NAN")
    return std::nan("");
  return std::nullopt;
}

nlohmann::ordered_json plainScalar(const std::string &s) {
  if (isNullScalar(s))
    return nullptr;
  if (auto b = boolScalar(s))
    return *b;
  bool tooLarge = false;
  if (auto i = intScalar(s, tooLarge))
    return *i;
  if (tooLarge)
    return s;
  if (auto f = floatScalar(s))
    return *f;
  return s;
}

nlohmann::ordered_json nodeToJson(const YAML::Node &node) {
  switch (node.Type()) {
  case YAML::NodeType::Undefined:
  case YAML::NodeType::Null:
    return nullptr;
  case YAML::NodeType::Scalar:
    // "!" marks a quoted (non-plain) scalar: always a string.
    return node.Tag() == "!" ? nlohmann::ordered_json(node.Scalar()) : plainScalar(node.Scalar());
  case YAML::NodeType::Sequence: {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const YAML::Node &item : node)
      array.push_back(nodeToJson(item));
    return array;
  }
  case YAML::NodeType::Map: {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const auto &entry : node)
      object[entry.first.as<std::string>()] = nodeToJson(entry.second);
    return object;
  }
  }
  return nullptr;
}

// "[json.exception.parse_error.101] parse error at line 2, column 10: syntax
// error while parsing value - invalid literal; last read: '...'" -> the part
// after the position, without the echo of the input (the span shows where).
std::string jsonErrorMessage(const std::string &what) {
  size_t column = what.find("column ");
  size_t start = what.find(": ", column == std::string::npos ? 0 : column);
  std::string message = start == std::string::npos ? what : what.substr(start + 2);
  size_t echo = message.find("; last read");
  return echo == std::string::npos ? message : message.substr(0, echo);
}

bool looksLikeJson(const std::string &displayName) {
  return displayName.size() >= 5 && displayName.compare(displayName.size() - 5, 5, ".json") == 0;
}

// Flow collections (`[`, `{`) nested deeper than this are refused before
// parsing: both parsers and the conversions after them recurse once per level.
constexpr uint32_t kMaxValuesNesting = 256;

// The offset of the first bracket past kMaxValuesNesting, skipping quoted
// strings and YAML comments; npos when the text stays within it.
size_t tooDeeplyNested(const std::string &text, bool json) {
  uint32_t depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"' || (c == '\'' && !json)) {
      for (++i; i < text.size() && text[i] != c; ++i)
        if (text[i] == '\\' && c == '"')
          ++i;
    } else if (c == '#' && !json && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')) {
      i = text.find('\n', i);
      if (i == std::string::npos)
        break;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxValuesNesting)
        return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string::npos;
}

std::variant<nlohmann::ordered_json, SyntaxError> parseValuesText(const std::string &text, bool json) {
  if (size_t at = tooDeeplyNested(text, json); at != std::string::npos)
    return SyntaxError{fmt::format("nested more than {} levels deep", kMaxValuesNesting), at};
  if (json) {
    try {
      return nlohmann::ordered_json::parse(text);
    } catch (const nlohmann::ordered_json::parse_error &e) {
      // e.byte is 1-based and may point one past the end.
      size_t offset = e.byte > 0 ? e.byte - 1 : 0;
      return SyntaxError{jsonErrorMessage(e.what()), offset};
    }
  }
  try {
    return nodeToJson(YAML::Load(text));
  } catch (const YAML::Exception &e) {
    return SyntaxError{e.msg, e.mark.pos < 0 ? 0 : static_cast<size_t>(e.mark.pos)};
  }
}

Span spanAt(const SourceManager &sources, FileId file, size_t offset) {
  uint32_t size = static_cast<uint32_t>(sources.file(file).text().size());
  uint32_t begin = static_cast<uint32_t>(std::min<size_t>(offset, size));
  return {file, begin, std::min(begin + 1, size)};
}

} // namespace

nlohmann::ordered_json yamlToJson(const std::string &text) {
  auto parsed = parseValuesText(text, false);
  if (auto *error = std::get_if<SyntaxError>(&parsed))
    throw std::runtime_error(error->message);
  return std::get<nlohmann::ordered_json>(std::move(parsed));
}

std::vector<eval::ParamInput> paramsFromValuesFile(const SourceManager &sources, FileId file,
                                                   const std::string &displayName,
                                                   DiagnosticSink &diags) {
  std::string text = sources.file(file).text().str();
  auto parsed = parseValuesText(text, looksLikeJson(displayName));
  if (auto *error = std::get_if<SyntaxError>(&parsed)) {
    diags.report(DiagKind::InvalidValuesFile, spanAt(sources, file, error->offset), displayName,
                 error->message);
    return {};
  }
  const nlohmann::ordered_json &root = std::get<nlohmann::ordered_json>(parsed);
  if (root.is_null())
    return {}; // an empty file sets nothing
  if (!root.is_object()) {
    diags.report(DiagKind::InvalidValuesFile, spanAt(sources, file, 0), displayName,
                 fmt::format("expected a mapping from parameter names to values, found {}",
                             root.type_name()))
        .withHint("write one `name: value` line per parameter");
    return {};
  }
  std::vector<eval::ParamInput> inputs;
  for (const auto &[name, value] : root.items()) {
    eval::ParamInput input;
    input.name = name;
    input.fromText = false;
    input.json = std::make_shared<const nlohmann::ordered_json>(value);
    input.origin = displayName;
    inputs.push_back(std::move(input));
  }
  return inputs;
}

} // namespace cairn::cli
