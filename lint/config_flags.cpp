// Command-line flags of `cairn lint` on top of the project file.
#include <algorithm>
#include <fmt/format.h>
#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/ADT/StringRef.h>

#include "lint/config.h"

namespace cairn::lint {
namespace {

namespace fs = std::filesystem;

// `a,b, c` -> a, b, c (empty items dropped).
void appendNames(const std::vector<std::string> &args, std::vector<std::string> &out) {
  for (const std::string &arg : args) {
    llvm::SmallVector<llvm::StringRef, 4> parts;
    llvm::StringRef(arg).split(parts, ',');
    for (llvm::StringRef part : parts)
      if (!part.trim().empty())
        out.push_back(part.trim().str());
  }
}

bool isCheckName(llvm::StringRef name) {
  return !name.empty() && llvm::all_of(name, [](char c) { return (c >= 'a' && c <= 'z') || llvm::isDigit(c) || c == '-'; });
}

bool isParamName(llvm::StringRef name) {
  return !name.empty() && !llvm::isDigit(name.front()) &&
         llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

// `--check-param CHECK.NAME=VALUE`: VALUE is JSON when it parses as JSON (`3`, `true`,
// `["a","b"]`, `"text"`), else the text itself (`registry.example.com`).
bool applyParam(const std::string &arg, LintConfig &config, std::string &error) {
  llvm::StringRef text(arg);
  auto [key, value] = text.split('=');
  auto [check, name] = key.split('.');
  if (key.size() == text.size() || !isCheckName(check) || !isParamName(name)) {
    error = fmt::format("invalid --check-param `{}`: expected CHECK.NAME=VALUE, such as "
                        "`--check-param minimum-replicas.min=2` or `--check-param required-labels.labels='[\"owner\"]'`",
                        arg);
    return false;
  }
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(value.begin(), value.end(), nullptr, false);
  if (json.is_discarded())
    json = value.str();
  config.params[check.str()][name.str()] = std::move(json);
  config.paramSpans[check.str()][name.str()] = Span{};
  return true;
}

// A glob given relative to the working directory, made relative to baseDir
// (both are absolute and lexically normal).
std::string rebaseGlob(const std::string &glob, const fs::path &workingDir, const fs::path &baseDir) {
  fs::path g(glob);
  fs::path absolute = (g.is_absolute() ? g : workingDir / g).lexically_normal();
  fs::path relative = absolute.lexically_relative(baseDir);
  std::string out = relative.empty() ? absolute.generic_string() : relative.generic_string();
  // `vendor/` normalises to `vendor/`; `.` (the base itself) means everything.
  return out == "." ? "**" : out;
}

} // namespace

bool applyFlags(const LintFlags &flags, const fs::path &workingDir, LintConfig &config, std::string &error) {
  std::error_code ec;
  fs::path cwd = fs::absolute(workingDir, ec).lexically_normal();
  if (config.baseDir.empty())
    config.baseDir = cwd;
  config.checks.all = config.checks.all || flags.all;
  // Flags win over the project file: `--only` replaces the file's `only`,
  // and a check named by `--only` or `--include` is no longer excluded by it.
  std::vector<std::string> only, include, exclude;
  appendNames(flags.only, only);
  appendNames(flags.include, include);
  appendNames(flags.exclude, exclude);
  if (!only.empty())
    config.checks.only = only;
  std::vector<std::string> &fileExclude = config.checks.exclude;
  for (const std::vector<std::string> *named : {&only, &include})
    for (const std::string &name : *named)
      if (std::find(exclude.begin(), exclude.end(), name) == exclude.end())
        fileExclude.erase(std::remove(fileExclude.begin(), fileExclude.end(), name), fileExclude.end());
  config.checks.include.insert(config.checks.include.end(), include.begin(), include.end());
  fileExclude.insert(fileExclude.end(), exclude.begin(), exclude.end());
  for (const std::string &param : flags.params)
    if (!applyParam(param, config, error))
      return false;
  fs::path base = fs::absolute(config.baseDir, ec).lexically_normal();
  for (const std::string &glob : flags.ignorePaths)
    config.ignorePaths.push_back(rebaseGlob(glob, cwd, base));
  for (const std::string &policy : flags.policies) {
    fs::path p(policy);
    config.policies.push_back((p.is_absolute() ? p : cwd / p).lexically_normal());
  }
  if (flags.failOn) {
    Level level;
    if (*flags.failOn == "none") {
      config.failOn.reset();
      config.failOnNone = true;
    } else if (parseLevel(*flags.failOn, level)) {
      config.failOn = level;
      config.failOnNone = false;
    } else {
      error = fmt::format("invalid --fail-on `{}`: expected error, warning, info or none", *flags.failOn);
      return false;
    }
  }
  if (flags.noDefaultPolicies)
    config.defaultPolicies = false;
  return true;
}

} // namespace cairn::lint
