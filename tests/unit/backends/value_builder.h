// Building eval::Values in tests: terse constructors over a ValueArena, and a
// converter from (ordered) JSON for golden inputs.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "eval/value.h"

namespace cairn::backends::testing {

class ValueBuilder {
public:
  using Value = eval::Value;

  Value null() const { return Value::null(span_); }
  Value boolean(bool b) const { return Value::boolean(b, span_); }
  Value integer(int64_t i) const { return Value::integer(i, span_); }
  Value real(double f) const { return Value::real(f, span_); }
  Value str(llvm::StringRef s) { return Value::string(arena_.copyString(s), span_); }
  Value list(std::initializer_list<Value> items) { return list(std::vector<Value>(items)); }
  Value list(const std::vector<Value> &items) { return Value::list(arena_.copyList(items), span_); }
  // A map / open object, fields in the given order.
  Value map(std::initializer_list<std::pair<const char *, Value>> fields) { return object(eval::kNoSchema, "", fields); }
  // A schema instance (schema index 0, display name `type`).
  Value instance(llvm::StringRef type, std::initializer_list<std::pair<const char *, Value>> fields) {
    return object(0, type, fields);
  }
  Value object(uint32_t schema, llvm::StringRef type, const std::vector<std::pair<std::string, Value>> &fields) {
    std::vector<eval::ObjectField> stored;
    for (const auto &[name, value] : fields)
      stored.push_back({arena_.copyString(name), value, span_, true});
    return Value::object(arena_.makeObject(schema, arena_.copyString(type), stored), span_);
  }
  Value object(uint32_t schema, llvm::StringRef type, std::initializer_list<std::pair<const char *, Value>> fields) {
    std::vector<std::pair<std::string, Value>> named;
    for (const auto &[name, value] : fields)
      named.emplace_back(name, value);
    return object(schema, type, named);
  }
  // A function value: emitters must refuse it. Its data pointer is never read.
  Value function() const { return Value::function(nullptr, span_); }

  // JSON -> Value: objects keep their key order (use ordered_json), integers
  // stay ints and numbers with a fraction or exponent become floats.
  Value fromJson(const nlohmann::ordered_json &json) {
    using T = nlohmann::ordered_json::value_t;
    switch (json.type()) {
    case T::null: return null();
    case T::boolean: return boolean(json.get<bool>());
    case T::number_integer: return integer(json.get<int64_t>());
    case T::number_unsigned: return integer(static_cast<int64_t>(json.get<uint64_t>()));
    case T::number_float: return real(json.get<double>());
    case T::string: return str(json.get_ref<const std::string &>());
    case T::array: {
      std::vector<Value> items;
      for (const auto &item : json)
        items.push_back(fromJson(item));
      return list(items);
    }
    case T::object: {
      std::vector<std::pair<std::string, Value>> fields;
      for (auto it = json.begin(); it != json.end(); ++it)
        fields.emplace_back(it.key(), fromJson(it.value()));
      return object(eval::kNoSchema, "", fields);
    }
    default: return null();
    }
  }

  void setSpan(Span span) { span_ = span; }
  eval::ValueArena &arena() { return arena_; }

private:
  eval::ValueArena arena_;
  Span span_;
};

} // namespace cairn::backends::testing
