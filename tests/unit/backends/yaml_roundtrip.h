// Checks that YAML we emit reads back as what we meant, with yaml-cpp as the
// parser plus the YAML 1.1 and 1.2 resolver rules (yaml-cpp alone would read
// a plain `yes` back as the text "yes" and miss that PyYAML or go-yaml read
// a boolean).
#pragma once

#include <regex>
#include <string>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

namespace cairn::backends::testing {

// True if a plain scalar with this text would be read as something other
// than a string by a YAML 1.1 or YAML 1.2 (core schema) parser.
inline bool resolvesToNonString(const std::string &text) {
  static const std::regex kNonString(
      // YAML 1.1 and 1.2 null and bool (any case, as the brief demands)
      "(?:~|null|y|yes|n|no|true|false|on|off)|"
      // YAML 1.1 ints: binary, octal, decimal, hex, sexagesimal
      "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-f_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+|"
      // YAML 1.1 floats
      "[-+]?(?:[0-9][0-9_]*)?\\.[0-9.]*(?:e[-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|"
      "[-+]?\\.inf|\\.nan|"
      // YAML 1.2 core ints and floats
      "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-f]+|[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:e[-+]?[0-9]+)?|"
      // YAML 1.1 timestamps, merge and value keys
      "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:t|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}.*|<<|=",
      std::regex::icase | std::regex::optimize);
  return text.empty() || std::regex_match(text, kNonString);
}

// A scalar node read back from our output: its text must be `expected`; if
// it was written plain, no resolver may take it for a non-string.
inline ::testing::AssertionResult readsBackAsString(const YAML::Node &node, const std::string &expected) {
  if (!node.IsScalar())
    return ::testing::AssertionFailure() << "not a scalar";
  if (node.Scalar() != expected)
    return ::testing::AssertionFailure() << "read back [" << node.Scalar() << "], wanted [" << expected << "]";
  if (node.Tag() == "?" && resolvesToNonString(expected))
    return ::testing::AssertionFailure() << "[" << expected << "] was written plain but reads as a non-string";
  return ::testing::AssertionSuccess();
}

} // namespace cairn::backends::testing
