// Reading the `lint:` section of a project file into a LintConfig.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "lint/config.h"
#include "lint/config_yaml.h"

namespace cairn::lint {
namespace {

namespace fs = std::filesystem;
using detail::YamlSpans;

// More nodes than any sensible `params` value; stops alias bombs.
constexpr size_t kMaxParamNodes = 100000;

class LintSectionReader {
public:
  LintSectionReader(const SourceManager &sources, FileId file, const fs::path &baseDir, DiagnosticSink &diags,
                    LintConfig &out)
      : spans_(sources, file), baseDir_(baseDir), diags_(diags), out_(out),
        fileName_(fs::path(sources.file(file).path()).filename().string()) {}

  void readRoot(const YAML::Node &root);
  bool ok() const { return ok_; }

private:
  using Handler = void (LintSectionReader::*)(const YAML::Node &key, const YAML::Node &value, const std::string &path);
  struct KeyHandler {
    const char *name;
    Handler handler;
  };

  void readMapping(const YAML::Node &map, const std::string &path, const std::vector<KeyHandler> &handlers);
  void readChecks(const YAML::Node &key, const YAML::Node &value, const std::string &path);
  void readParams(const YAML::Node &key, const YAML::Node &value, const std::string &path);
  void readIgnorePaths(const YAML::Node &key, const YAML::Node &value, const std::string &path);
  void readFailOn(const YAML::Node &key, const YAML::Node &value, const std::string &path);
  void readPolicies(const YAML::Node &key, const YAML::Node &value, const std::string &path);
  void readDefaultPolicies(const YAML::Node &key, const YAML::Node &value, const std::string &path);
  void readAll(const YAML::Node &key, const YAML::Node &value, const std::string &path);
  void readOnly(const YAML::Node &key, const YAML::Node &value, const std::string &path);
  void readInclude(const YAML::Node &key, const YAML::Node &value, const std::string &path);
  void readExclude(const YAML::Node &key, const YAML::Node &value, const std::string &path);

  // The strings of a list (reporting items that are not strings), with spans.
  std::vector<std::pair<std::string, Span>> stringList(const YAML::Node &key, const YAML::Node &value,
                                                       const std::string &path, const char *what);
  void readNameList(const YAML::Node &key, const YAML::Node &value, const std::string &path,
                    std::vector<std::string> &names, std::map<std::string, Span> &spans);
  std::optional<bool> boolean(const YAML::Node &key, const YAML::Node &value, const std::string &path);
  Diagnostic &wrongType(const YAML::Node &key, const YAML::Node &value, const std::string &path,
                        const char *expected);

  YamlSpans spans_;
  fs::path baseDir_;
  DiagnosticSink &diags_;
  LintConfig &out_;
  std::string fileName_;
  bool ok_ = true;
};

bool isNull(const YAML::Node &node) {
  return !node.IsDefined() || node.IsNull() || (node.IsScalar() && std::string(detail::yamlShape(node)) == "null");
}

void LintSectionReader::readRoot(const YAML::Node &root) {
  if (isNull(root))
    return;
  if (!root.IsMap()) {
    ok_ = false;
    diags_.report(DiagKind::LintConfigWrongType, spans_.of(root), fileName_, "a mapping", detail::yamlShape(root))
        .withHint("a project file is a mapping of sections, such as `lint:`");
    return;
  }
  for (const auto &entry : root) {
    if (!entry.first.IsScalar() || entry.first.Scalar() != "lint")
      continue; // other sections belong to other tools
    if (isNull(entry.second))
      return;
    readMapping(entry.second, "lint",
                {{"checks", &LintSectionReader::readChecks},
                 {"params", &LintSectionReader::readParams},
                 {"ignorePaths", &LintSectionReader::readIgnorePaths},
                 {"failOn", &LintSectionReader::readFailOn},
                 {"policies", &LintSectionReader::readPolicies},
                 {"defaultPolicies", &LintSectionReader::readDefaultPolicies}});
  }
}

void LintSectionReader::readMapping(const YAML::Node &map, const std::string &path,
                                    const std::vector<KeyHandler> &handlers) {
  if (!map.IsMap()) {
    wrongType(map, map, path, "a mapping");
    return;
  }
  std::vector<llvm::StringRef> names;
  for (const KeyHandler &h : handlers)
    names.push_back(h.name);
  for (const auto &entry : map) {
    const YAML::Node &key = entry.first;
    std::string name = key.IsScalar() ? key.Scalar() : "";
    auto handler = std::find_if(handlers.begin(), handlers.end(), [&](const KeyHandler &h) { return name == h.name; });
    if (handler != handlers.end()) {
      if (!isNull(entry.second))
        (this->*handler->handler)(key, entry.second, path + "." + name);
      continue;
    }
    ok_ = false;
    Diagnostic &d = diags_.report(DiagKind::LintConfigUnknownKey, spans_.of(key), name, path);
    std::string suggestion = closestMatch(name, names);
    if (!suggestion.empty())
      d.withHint(fmt::format("did you mean `{}`?", suggestion)).fix("use `" + suggestion + "`", spans_.of(key), suggestion);
    else
      d.withHint(fmt::format("`{}` has the keys {}", path, [&] {
        std::string list;
        for (size_t i = 0; i < names.size(); ++i)
          list += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + ("`" + names[i].str() + "`");
        return list;
      }()));
  }
}

Diagnostic &LintSectionReader::wrongType(const YAML::Node &key, const YAML::Node &value, const std::string &path,
                                         const char *expected) {
  ok_ = false;
  // A scalar is shown where it is; a collection by the key that holds it.
  Span span = value.IsScalar() ? spans_.of(value) : spans_.of(key);
  return diags_.report(DiagKind::LintConfigWrongType, span, path, expected, detail::yamlShape(value));
}

std::optional<bool> LintSectionReader::boolean(const YAML::Node &key, const YAML::Node &value,
                                               const std::string &path) {
  if (value.IsScalar() && std::string(detail::yamlShape(value)) == "a boolean") {
    const std::string &s = value.Scalar();
    return s == "true" || s == "True" || s == "TRUE";
  }
  wrongType(key, value, path, "`true` or `false`");
  return std::nullopt;
}

std::vector<std::pair<std::string, Span>> LintSectionReader::stringList(const YAML::Node &key, const YAML::Node &value,
                                                                        const std::string &path, const char *what) {
  std::vector<std::pair<std::string, Span>> items;
  if (!value.IsSequence()) {
    Diagnostic &d = wrongType(key, value, path, fmt::format("a list of {}", what).c_str());
    if (value.IsScalar())
      d.withHint(fmt::format("write a list, even for one item: `{}: [{}]`", key.Scalar(), value.Scalar()));
    return items;
  }
  size_t index = 0;
  for (const YAML::Node &item : value) {
    std::string itemPath = fmt::format("{}[{}]", path, index++);
    // Numbers and booleans are fine as text (`[v1, 2024]`); only collections and null are wrong.
    if (!item.IsScalar() || isNull(item)) {
      wrongType(item, item, itemPath, "a string");
      continue;
    }
    items.emplace_back(item.Scalar(), spans_.of(item));
  }
  return items;
}

void LintSectionReader::readNameList(const YAML::Node &key, const YAML::Node &value, const std::string &path,
                                     std::vector<std::string> &names, std::map<std::string, Span> &spans) {
  for (auto &[name, span] : stringList(key, value, path, "check names")) {
    spans.emplace(name, span);
    names.push_back(std::move(name));
  }
}

void LintSectionReader::readChecks(const YAML::Node &, const YAML::Node &value, const std::string &path) {
  readMapping(value, path,
              {{"all", &LintSectionReader::readAll},
               {"only", &LintSectionReader::readOnly},
               {"include", &LintSectionReader::readInclude},
               {"exclude", &LintSectionReader::readExclude}});
}

void LintSectionReader::readAll(const YAML::Node &key, const YAML::Node &value, const std::string &path) {
  if (auto b = boolean(key, value, path))
    out_.checks.all = *b;
}

void LintSectionReader::readOnly(const YAML::Node &key, const YAML::Node &value, const std::string &path) {
  readNameList(key, value, path, out_.checks.only, out_.checks.onlySpans);
}

void LintSectionReader::readInclude(const YAML::Node &key, const YAML::Node &value, const std::string &path) {
  readNameList(key, value, path, out_.checks.include, out_.checks.includeSpans);
}

void LintSectionReader::readExclude(const YAML::Node &key, const YAML::Node &value, const std::string &path) {
  readNameList(key, value, path, out_.checks.exclude, out_.checks.excludeSpans);
}

void LintSectionReader::readParams(const YAML::Node &key, const YAML::Node &value, const std::string &path) {
  if (!value.IsMap()) {
    wrongType(key, value, path, "a mapping from check names to parameters")
        .withHint("write `params: {check-name: {param: value}}`");
    return;
  }
  size_t budget = kMaxParamNodes;
  for (const auto &check : value) {
    std::string checkName = check.first.IsScalar() ? check.first.Scalar() : "";
    std::string checkPath = path + "." + checkName;
    out_.paramCheckSpans.emplace(checkName, spans_.of(check.first));
    if (!check.second.IsMap()) {
      wrongType(check.first, check.second, checkPath, "a mapping from parameter names to values")
          .withHint(fmt::format("write `{}: {{param: value}}`", checkName));
      continue;
    }
    for (const auto &param : check.second) {
      std::string paramName = param.first.IsScalar() ? param.first.Scalar() : "";
      nlohmann::ordered_json json;
      if (!detail::yamlToJson(param.second, budget, json)) {
        ok_ = false;
        diags_.report(DiagKind::LintConfigSyntax, spans_.of(param.first),
                      fmt::format("the parameters expand to more than {} values through aliases", kMaxParamNodes));
        return;
      }
      Span span = isNull(param.second) ? spans_.of(param.first) : spans_.of(param.second);
      out_.params[checkName][paramName] = std::move(json);
      out_.paramSpans[checkName][paramName] = span;
    }
  }
}

void LintSectionReader::readIgnorePaths(const YAML::Node &key, const YAML::Node &value, const std::string &path) {
  for (auto &[glob, span] : stringList(key, value, path, "path globs")) {
    fs::path g(glob);
    // An absolute glob is made relative to the project directory, where the others are.
    if (g.is_absolute()) {
      fs::path relative = g.lexically_normal().lexically_relative(baseDir_);
      glob = relative.empty() ? g.generic_string() : relative.generic_string();
    }
    out_.ignorePaths.push_back(glob);
  }
}

void LintSectionReader::readFailOn(const YAML::Node &key, const YAML::Node &value, const std::string &path) {
  if (!value.IsScalar()) {
    wrongType(key, value, path, "a string");
    return;
  }
  const std::string &text = value.Scalar();
  Level level;
  if (text == "none") {
    out_.failOn.reset();
    out_.failOnNone = true;
  } else if (parseLevel(text, level)) {
    out_.failOn = level;
    out_.failOnNone = false;
  } else {
    ok_ = false;
    Diagnostic &d = diags_.report(DiagKind::LintConfigBadFailOn, spans_.of(value), text);
    std::string suggestion = closestMatch(text, {"error", "warning", "info", "none"});
    // `warn`, `err`: an abbreviation is as likely as a typo.
    for (const char *level : {"error", "warning", "info", "none"})
      if (suggestion.empty() && text.size() >= 3 && llvm::StringRef(level).startswith_insensitive(text))
        suggestion = level;
    if (!suggestion.empty())
      d.withHint(fmt::format("did you mean `{}`?", suggestion)).fix("use `" + suggestion + "`", spans_.of(value), suggestion);
  }
}

void LintSectionReader::readPolicies(const YAML::Node &key, const YAML::Node &value, const std::string &path) {
  for (auto &[text, span] : stringList(key, value, path, "policy module paths")) {
    fs::path resolved = (baseDir_ / text).lexically_normal();
    std::error_code ec;
    if (!fs::is_regular_file(resolved, ec)) {
      ok_ = false;
      diags_.report(DiagKind::LintPolicyNotFound, span, text)
          .note(fmt::format("looked for `{}`", resolved.string()))
          .withHint(fmt::format("paths in `{}` are relative to the directory of {}", path, fileName_));
      continue;
    }
    out_.policies.push_back(resolved);
  }
}

void LintSectionReader::readDefaultPolicies(const YAML::Node &key, const YAML::Node &value, const std::string &path) {
  if (auto b = boolean(key, value, path))
    out_.defaultPolicies = *b;
}

} // namespace

bool loadLintConfigText(FileId file, const fs::path &baseDir, const SourceManager &sources, DiagnosticSink &diags,
                        LintConfig &out) {
  out.baseDir = baseDir;
  YamlSpans spans(sources, file);
  YAML::Node root;
  try {
    root = YAML::Load(sources.file(file).text().str());
  } catch (const YAML::Exception &e) {
    diags.report(DiagKind::LintConfigSyntax, spans.ofMark(e.mark), e.msg);
    return false;
  }
  LintSectionReader reader(sources, file, baseDir, diags, out);
  try {
    reader.readRoot(root);
  } catch (const YAML::Exception &e) { // yaml-cpp's accessors throw on malformed nodes
    diags.report(DiagKind::LintConfigSyntax, spans.ofMark(e.mark), e.msg);
    return false;
  }
  return reader.ok();
}

} // namespace cairn::lint
