// Plain scalars as the Kubernetes API server reads them. kubectl and the API
// server turn YAML into JSON with sigs.k8s.io/yaml, which resolves plain
// scalars with go-yaml v2's YAML 1.1 rules: `yes`/`no`/`on`/`off`/`y`/`n` are
// booleans, `0777` is octal, `1_000` is an int. Quoted scalars are strings.
#include <cmath>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "manifest/documents.h"

namespace cairn::manifest {
namespace {

std::optional<bool> yaml11Bool(llvm::StringRef s) {
  for (const char *t : {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})
    if (s == t)
      return true;
  for (const char *f : {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})
    if (s == f)
      return false;
  return std::nullopt;
}

bool isNull(llvm::StringRef s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

int digitValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return 99;
}

// Go's strconv.ParseInt(s, 0, 64) after underscores are removed: a sign, then
// 0x / 0o / 0b / leading-0 octal / decimal. `tooLarge` for a valid integer
// outside int64.
bool parseGoInt(llvm::StringRef s, int64_t &value, bool &tooLarge) {
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s = s.drop_front();
  }
  unsigned base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16, s = s.drop_front(2);
  } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) {
    base = 8, s = s.drop_front(2);
  } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
    base = 2, s = s.drop_front(2);
  } else if (s.size() > 1 && s[0] == '0') {
    base = 8, s = s.drop_front(1);
  }
  if (s.empty())
    return false;
  unsigned __int128 magnitude = 0;
  for (char c : s) {
    int d = digitValue(c);
    if (d >= static_cast<int>(base))
      return false;
    magnitude = magnitude * base + static_cast<unsigned>(d);
    if (magnitude > (static_cast<unsigned __int128>(1) << 64))
      magnitude = static_cast<unsigned __int128>(1) << 64; // saturate: only "too large" matters
  }
  unsigned __int128 limit = negative ? (static_cast<unsigned __int128>(1) << 63)
                                     : (static_cast<unsigned __int128>(1) << 63) - 1;
  if (magnitude > limit) {
    tooLarge = true;
    return true;
  }
  value = negative ? static_cast<int64_t>(-static_cast<__int128>(magnitude)) : static_cast<int64_t>(magnitude);
  return true;
}

// go-yaml's yamlStyleFloat: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool isYamlFloat(llvm::StringRef s) {
  size_t i = 0, n = s.size();
  auto digits = [&] {
    size_t start = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
      ++i;
    return i - start;
  };
  if (i < n && (s[i] == '+' || s[i] == '-'))
    ++i;
  if (i < n && s[i] == '.') {
    ++i;
    if (digits() == 0)
      return false;
  } else {
    if (digits() == 0)
      return false;
    if (i < n && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-'))
      ++i;
    if (digits() == 0)
      return false;
  }
  return i == n;
}

ScalarValue numberScalar(llvm::StringRef text) {
  ScalarValue v;
  std::string plain;
  plain.reserve(text.size());
  for (char c : text)
    if (c != '_')
      plain += c;
  bool tooLarge = false;
  int64_t i = 0;
  if (parseGoInt(plain, i, tooLarge)) {
    v.type = ScalarType::Int;
    v.intValue = i;
    v.intTooLarge = tooLarge;
    if (tooLarge)
      v.floatValue = std::strtod(plain.c_str(), nullptr);
    return v;
  }
  if (isYamlFloat(plain)) {
    v.type = ScalarType::Float;
    v.floatValue = std::strtod(plain.c_str(), nullptr);
  }
  return v;
}

} // namespace

ScalarValue resolveScalar(llvm::StringRef text, bool quoted) {
  ScalarValue v;
  if (quoted)
    return v;
  if (text.empty()) {
    v.type = ScalarType::Null;
    return v;
  }
  // Only these first characters can start anything but a string (go-yaml's resolve table).
  char first = text[0];
  if (llvm::StringRef("0123456789+-.~yYnNtTfFoO").find(first) == llvm::StringRef::npos)
    return v;
  if (text.size() <= 5) { // the longest null or boolean word is "false"
    if (isNull(text)) {
      v.type = ScalarType::Null;
      return v;
    }
    if (auto b = yaml11Bool(text)) {
      v.type = ScalarType::Bool;
      v.boolValue = *b;
      return v;
    }
  }
  if (first == '.' || first == '+' || first == '-') {
    if (text == ".nan" || text == ".NaN" || text == ".NAN") {
      v.type = ScalarType::Float;
      v.floatValue = std::numeric_limits<double>::quiet_NaN();
      return v;
    }
    for (llvm::StringRef inf : {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"})
      if (text == inf) {
        v.type = ScalarType::Float;
        v.floatValue = first == '-' ? -std::numeric_limits<double>::infinity()
                                    : std::numeric_limits<double>::infinity();
        return v;
      }
  }
  if ((first >= '0' && first <= '9') || first == '+' || first == '-')
    return numberScalar(text);
  if (first == '.' && isYamlFloat(text)) {
    v.type = ScalarType::Float;
    v.floatValue = std::strtod(text.str().c_str(), nullptr);
  }
  return v;
}

bool keyString(llvm::StringRef text, bool quoted, std::string &out) {
  ScalarValue v = resolveScalar(text, quoted);
  switch (v.type) {
  case ScalarType::Null: return false;
  case ScalarType::Bool: out = v.boolValue ? "true" : "false"; return true;
  case ScalarType::Int:
    out = v.intTooLarge ? text.str() : std::to_string(v.intValue);
    return true;
  case ScalarType::Float:
    // sigs.k8s.io/yaml: strconv.FormatFloat(f, 'g', -1, 32).
    if (std::isnan(v.floatValue))
      out = ".nan";
    else if (std::isinf(v.floatValue))
      out = v.floatValue < 0 ? "-.inf" : ".inf";
    else
      out = fmt::format("{}", static_cast<float>(v.floatValue));
    return true;
  case ScalarType::String: out = text.str(); return true;
  }
  return true;
}

} // namespace cairn::manifest

namespace cairn::manifest {

std::optional<llvm::StringRef> keyRef(llvm::StringRef text, bool quoted, std::string &storage) {
  if (quoted || resolveScalar(text, false).type == ScalarType::String)
    return text;
  if (!keyString(text, quoted, storage))
    return std::nullopt;
  return llvm::StringRef(storage);
}

} // namespace cairn::manifest
