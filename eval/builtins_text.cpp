// Builtins on strings, and conversions from strings.
#include <charconv>
#include <cmath>

#include <llvm/ADT/SmallString.h>

#include "eval/builtins_impl.h"
#include "eval/value_ops.h"

namespace cairn::eval {
namespace {

constexpr llvm::StringLiteral kSpace = " \t\n\r\f\v";

Value toInt(BuiltinCall &call) {
  Value v = call.args[0];
  switch (v.kind()) {
  case ValueKind::Int: return v.withSpan(call.span);
  case ValueKind::Float: {
    double f = std::trunc(v.asFloat());
    if (!std::isfinite(f) || f < -9223372036854775808.0 || f >= 9223372036854775808.0)
      call.fail(formatFloat(v.asFloat()) + " does not fit in an int");
    return call.integerValue(int64_t(f));
  }
  case ValueKind::String: {
    llvm::StringRef text = v.asString();
    llvm::StringRef digits = text.startswith("+") ? text.drop_front() : text;
    int64_t result = 0;
    auto [end, ec] = std::from_chars(digits.begin(), digits.end(), result);
    if (digits.empty() || ec != std::errc() || end != digits.end())
      call.fail(showValue(v) + " is not an int");
    return call.integerValue(result);
  }
  default: call.wrongKind(0, "string | int | float");
  }
}

Value toFloat(BuiltinCall &call) {
  Value v = call.args[0];
  switch (v.kind()) {
  case ValueKind::Int:
  case ValueKind::Float: return Value::real(v.asNumber(), call.span);
  case ValueKind::String: {
    llvm::StringRef text = v.asString();
    llvm::StringRef digits = text.startswith("+") ? text.drop_front() : text;
    double result = 0;
    auto [end, ec] = std::from_chars(digits.begin(), digits.end(), result);
    if (digits.empty() || ec != std::errc() || end != digits.end() || !std::isfinite(result))
      call.fail(showValue(v) + " is not a number");
    return Value::real(result, call.span);
  }
  default: call.wrongKind(0, "string | int | float");
  }
}

Value changeCase(BuiltinCall &call, bool upper) {
  llvm::StringRef text = call.string(0);
  std::string out = upper ? text.upper() : text.lower();
  return call.text(out);
}

Value split(BuiltinCall &call) {
  llvm::StringRef text = call.string(0);
  llvm::StringRef separator = call.string(1);
  llvm::SmallVector<Value, 16> parts;
  // Parts point into the (immutable) original text: no copies.
  if (separator.empty()) {
    for (size_t i = 0; i < text.size();) {
      size_t n = 1;
      while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80)
        ++n; // keep UTF-8 sequences whole
      parts.push_back(Value::string(text.substr(i, n), call.span));
      i += n;
    }
    return call.listValue(parts);
  }
  llvm::StringRef rest = text;
  while (true) {
    size_t at = rest.find(separator);
    parts.push_back(Value::string(rest.substr(0, at), call.span));
    if (at == llvm::StringRef::npos)
      break;
    rest = rest.substr(at + separator.size());
  }
  return call.listValue(parts);
}

Value join(BuiltinCall &call) {
  llvm::ArrayRef<Value> items = call.list(0);
  llvm::StringRef separator = call.string(1);
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].kind() != ValueKind::String)
      call.ev.raiseKind(items[i], "string", call.span);
    if (i)
      out += separator;
    out += items[i].asString();
    call.ev.checkStringSize(out.size(), call.span);
  }
  return call.text(out);
}

Value replace(BuiltinCall &call) {
  llvm::StringRef text = call.string(0), from = call.string(1), to = call.string(2);
  if (from.empty())
    call.fail("the text to replace is empty");
  std::string out;
  llvm::StringRef rest = text;
  for (size_t at; (at = rest.find(from)) != llvm::StringRef::npos; rest = rest.substr(at + from.size())) {
    out += rest.substr(0, at);
    out += to;
    call.ev.checkStringSize(out.size(), call.span);
  }
  out += rest;
  return call.text(out);
}

// Positions and lengths count characters, like `len`.
Value substr(BuiltinCall &call) {
  llvm::StringRef text = call.string(0);
  int64_t start = call.integer(1);
  size_t characters = codePointCount(text);
  if (start < 0 || uint64_t(start) > characters)
    call.fail(fmt::format("start {} is outside a string of {} characters", start, characters));
  int64_t length = call.args.size() == 3 ? call.integer(2) : int64_t(characters) - start;
  if (length < 0 || uint64_t(start) + uint64_t(length) > characters)
    call.fail(fmt::format("length {} from {} goes past the end of a string of {} characters", length, start,
                          characters));
  size_t begin = byteOffsetOfCodePoint(text, size_t(start));
  size_t end = byteOffsetOfCodePoint(text, size_t(start + length));
  return Value::string(text.slice(begin, end), call.span);
}

Value matches(BuiltinCall &call) {
  llvm::StringRef text = call.string(0);
  std::string error;
  const std::regex *re = call.ev.compiledRegex(call.string(1), error);
  if (!re)
    call.fail("invalid regular expression: " + error);
  return call.boolean(call.ev.regexMatches(*re, call.string(1), text));
}

} // namespace

const std::regex *Evaluator::compiledRegex(llvm::StringRef pattern, std::string &error) const {
  auto it = regexCache_.find(pattern);
  if (it != regexCache_.end() && it->second)
    return it->second.get();
  std::shared_ptr<std::regex> compiled;
  try {
    compiled = std::make_shared<std::regex>(pattern.begin(), pattern.end(),
                                            std::regex::ECMAScript | std::regex_constants::__polynomial);
  } catch (const std::regex_error &e) {
    error = e.what();
  }
  regexCache_[pattern] = compiled;
  return compiled.get();
}

bool Evaluator::regexMatches(const std::regex &re, llvm::StringRef pattern, llvm::StringRef text) const {
  constexpr size_t kMaxRemembered = 8192;
  llvm::SmallString<128> key(pattern);
  key.push_back('\0');
  key.append(text);
  auto found = regexResults_.find(key);
  if (found != regexResults_.end())
    return found->second;
  bool matched = std::regex_match(text.begin(), text.end(), re);
  if (regexResults_.size() >= kMaxRemembered)
    regexResults_.clear();
  regexResults_[key] = matched;
  return matched;
}

Value textBuiltin(BuiltinCall &call) {
  using types::BuiltinId;
  switch (call.id) {
  case BuiltinId::ToInt: return toInt(call);
  case BuiltinId::ToFloat: return toFloat(call);
  case BuiltinId::Upper: return changeCase(call, true);
  case BuiltinId::Lower: return changeCase(call, false);
  case BuiltinId::Trim: return Value::string(call.string(0).trim(kSpace), call.span);
  case BuiltinId::Split: return split(call);
  case BuiltinId::Join: return join(call);
  case BuiltinId::Replace: return replace(call);
  case BuiltinId::StartsWith: return call.boolean(call.string(0).startswith(call.string(1)));
  case BuiltinId::EndsWith: return call.boolean(call.string(0).endswith(call.string(1)));
  case BuiltinId::Substr: return substr(call);
  case BuiltinId::Matches: return matches(call);
  default: call.fail("not a text builtin");
  }
}

} // namespace cairn::eval
