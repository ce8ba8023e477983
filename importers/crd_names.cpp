#include "importers/crd_names.h"

#include <algorithm>
#include <cctype>

#include <llvm/ADT/StringRef.h>

namespace cairn::importers {

std::string DefinitionNames::allocate(const std::string &wanted) {
  if (reserve(wanted))
    return wanted;
  for (int n = 2;; ++n)
    if (std::string candidate = wanted + std::to_string(n); reserve(candidate))
      return candidate;
}

std::string pascalCase(const std::string &name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out.empty() ? "Field" : out;
}

std::string itemName(const std::string &listName) {
  auto endsWith = [&](const char *suffix) { return llvm::StringRef(listName).endswith(suffix); };
  std::string stem = listName;
  if (endsWith("ies") && listName.size() > 4)
    return stem.substr(0, stem.size() - 3) + "y";
  for (const char *suffix : {"sses", "xes", "ches", "shes", "zes"})
    if (endsWith(suffix))
      return stem.substr(0, stem.size() - 2);
  if (endsWith("s") && !endsWith("ss") && !endsWith("us") && !endsWith("is") && listName.size() > 2)
    return stem.substr(0, stem.size() - 1);
  return stem + "Item";
}

std::string tidyDoc(const std::string &text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos)
      end = text.size();
    std::string line = text.substr(start, end - start);
    line.erase(std::remove(line.begin(), line.end(), '\r'), line.end());
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
      line.pop_back();
    out += line + "\n";
    start = end + 1;
  }
  while (!out.empty() && out.back() == '\n')
    out.pop_back();
  return out;
}

} // namespace cairn::importers
