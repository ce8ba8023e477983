// CRD `pattern`s as Cairn regexes. A CRD pattern is a Go RE2 regex that
// matches anywhere in the string (JSON Schema semantics); a Cairn regex is
// ECMAScript (std::regex) and must match the whole string. The translation
// keeps the meaning: RE2-only syntax is rewritten where ECMAScript has an
// equivalent, and unanchored patterns are wrapped in `[\s\S]*`.
#pragma once

#include <string>

namespace cairn::importers {

struct TranslatedPattern {
  std::string regex; // the Cairn regex; empty when `error` is set
  std::string error; // why the pattern cannot be kept ("inline flags `(?i)` ...")
};

TranslatedPattern translateCrdPattern(const std::string &re2Pattern);

// Whether std::regex accepts `regex` with the options Cairn compiles it with.
bool cairnRegexCompiles(const std::string &regex, std::string &error);

} // namespace cairn::importers
