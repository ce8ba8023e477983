#include "importers/crd_pattern.h"

#include <regex>
#include <vector>

#include <fmt/format.h>

#include "importers/crd_re2_syntax.h"

namespace cairn::importers {
namespace {

bool endsWithUnescapedDollar(const std::string &s) {
  if (s.empty() || s.back() != '$')
    return false;
  size_t backslashes = 0;
  for (size_t i = s.size() - 1; i > 0 && s[i - 1] == '\\'; --i)
    ++backslashes;
  return backslashes % 2 == 0;
}

const char *const kAnything = "[\\s\\S]*";

// A JSON-schema pattern matches anywhere: each alternative keeps its explicit
// anchors and gets `[\s\S]*` where it has none; the whole is then anchored
// once (`^(?:us-.*|eu-.*)$` for `^us-.*$|^eu-.*$`). Dropping an
// alternative's leading `^` or trailing `$` is safe because the alternative
// then starts or ends the match.
std::string anchorWholeString(const std::string &regex, const std::vector<size_t> &bars) {
  std::vector<std::string> pieces;
  size_t start = 0;
  for (size_t i = 0; i <= bars.size(); ++i) {
    size_t end = i < bars.size() ? bars[i] : regex.size();
    std::string alt = regex.substr(start, end - start);
    bool anchoredStart = !alt.empty() && alt.front() == '^';
    if (anchoredStart)
      alt.erase(0, 1);
    bool anchoredEnd = endsWithUnescapedDollar(alt);
    if (anchoredEnd)
      alt.pop_back();
    if (alt.empty() && !(anchoredStart && anchoredEnd))
      pieces.push_back(kAnything);
    else
      pieces.push_back(fmt::format("{}{}{}", anchoredStart ? "" : kAnything, alt, anchoredEnd ? "" : kAnything));
    start = end + 1;
  }
  if (pieces.size() == 1)
    return "^" + pieces[0] + "$";
  std::string joined;
  for (const std::string &piece : pieces)
    joined += (joined.empty() ? "" : "|") + piece;
  return "^(?:" + joined + ")$";
}

} // namespace

bool cairnRegexCompiles(const std::string &regex, std::string &error) {
  try {
    // The same options as the checker (typecheck/type_store.cpp).
    std::regex compiled(regex, std::regex::ECMAScript | std::regex_constants::__polynomial);
    return true;
  } catch (const std::regex_error &e) {
    error = e.what();
    return false;
  }
}

TranslatedPattern translateCrdPattern(const std::string &re2Pattern) {
  Re2Translation translated = translateRe2Syntax(re2Pattern);
  if (!translated.error.empty())
    return {"", translated.error};
  std::string regex = anchorWholeString(translated.regex, translated.topLevelBars);
  std::string error;
  if (!cairnRegexCompiles(regex, error))
    return {"", fmt::format("std::regex cannot compile it: {}", error)};
  return {regex, ""};
}

} // namespace cairn::importers
