// Helpers of the formatter tests: format a text, check a layout, apply edits.
#pragma once

#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "format/format.h"

namespace cairn::format::testing {

// The formatted text, or nullopt (with the number of errors in `errors`).
inline std::optional<std::string> formatText(const std::string &text, FormatOptions options = {},
                                      size_t *errors = nullptr) {
  SourceManager sources;
  DiagnosticSink diags;
  FileId file = sources.add("test.cairn", text);
  std::optional<std::string> out = formatSource(sources, file, diags, options);
  if (errors)
    *errors = diags.errorCount();
  return out;
}

// `input` formats to `expected`, and `expected` is a fixed point.
inline void expectFormat(const std::string &input, const std::string &expected, FormatOptions options = {}) {
  std::optional<std::string> out = formatText(input, options);
  ASSERT_TRUE(out.has_value()) << input;
  EXPECT_EQ(*out, expected);
  std::optional<std::string> again = formatText(*out, options);
  ASSERT_TRUE(again.has_value()) << *out;
  EXPECT_EQ(*again, *out) << "not a fixed point";
}

inline std::string applyEdits(const std::string &text, const std::vector<Edit> &edits) {
  std::string out;
  uint32_t at = 0;
  for (const Edit &edit : edits) {
    out.append(text, at, edit.begin - at);
    out += edit.text;
    at = edit.end;
  }
  out.append(text, at, std::string::npos);
  return out;
}

} // namespace cairn::format::testing
