#include "eval/write_failure.h"

#include <cctype>

#include <fmt/format.h>


namespace cairn::eval {
namespace {

bool isIdentifierLike(llvm::StringRef key) {
  if (key.empty() || !(std::isalpha(static_cast<unsigned char>(key[0])) || key[0] == '_'))
    return false;
  for (char c : key)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'))
      return false;
  return true;
}

} // namespace

void WriteFailure::addKey(llvm::StringRef key) {
  if (isIdentifierLike(key))
    segments.push_back("." + key.str());
  else
    segments.push_back(fmt::format("[\"{}\"]", key.str()));
}

void WriteFailure::addIndex(size_t index) { segments.push_back(fmt::format("[{}]", index)); }

std::string WriteFailure::path() const {
  std::string text;
  for (auto it = segments.rbegin(); it != segments.rend(); ++it)
    text += *it;
  return !text.empty() && text[0] == '.' ? text.substr(1) : text;
}

void WriteFailure::report(DiagnosticSink &diags, llvm::StringRef format) const {
  if (tooLargeLimit != 0) {
    diags.report(DiagKind::OutputTooLarge, span, tooLargeLimit).withHint("`--max-output BYTES` raises the limit");
    return;
  }
  std::string where = path();
  std::string subject = where.empty() ? what : fmt::format("{} at `{}`", what, where);
  diags.report(DiagKind::UnrepresentableValue, span, subject, format.str());
}

} // namespace cairn::eval
