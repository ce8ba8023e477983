#include "importers/cairn_writer.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "backends/output_writer.h"
#include "frontend/cairn_text.h"

namespace cairn::importers {
namespace {

namespace fs = std::filesystem;

bool isVersionComponent(const std::string &part) {
  return part.size() >= 2 && part[0] == 'v' && std::isdigit(static_cast<unsigned char>(part[1]));
}

std::vector<std::string> splitPath(const std::string &path) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1)
    parts.push_back(path.substr(start, slash - start));
  parts.push_back(path.substr(start));
  return parts;
}

// An identifier from any text: `cert-manager.io` -> `cert_manager_io`.
std::string sanitize(const std::string &text) {
  std::string out;
  for (char c : text)
    out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0])))
    out = "m_" + out;
  return out;
}

// Readable, unique import aliases: `meta` for k8s/meta/v1, `meta_v1` when two
// versions of a package meet, never a keyword.
std::map<std::string, std::string> chooseAliases(const std::set<std::string> &modulePaths) {
  std::map<std::string, std::string> aliases;
  std::set<std::string> taken;
  for (const std::string &path : modulePaths) {
    std::vector<std::string> parts = splitPath(path);
    std::string last = parts.back();
    std::string package = parts.size() > 1 && isVersionComponent(last) ? parts[parts.size() - 2] : last;
    std::vector<std::string> candidates{sanitize(package)};
    if (package != last)
      candidates.push_back(sanitize(package + "_" + last));
    candidates.push_back(sanitize(path));
    std::string chosen;
    for (const std::string &c : candidates)
      if (!isCairnKeyword(c) && !taken.count(c)) {
        chosen = c;
        break;
      }
    for (int n = 2; chosen.empty(); ++n)
      if (std::string c = fmt::format("{}_{}", sanitize(path), n); !taken.count(c))
        chosen = c;
    taken.insert(chosen);
    aliases[path] = chosen;
  }
  return aliases;
}

void collectRefs(const ModelType &type, const std::string &self, std::set<std::string> &out) {
  if (type.kind == ModelType::Kind::Ref && !type.refModule.empty() && type.refModule != self)
    out.insert(type.refModule);
  for (const ModelType &item : type.items)
    collectRefs(item, self, out);
}

std::string relativeImport(const std::string &from, const std::string &to) {
  fs::path rel = fs::path(to).lexically_relative(fs::path(from).parent_path());
  std::string text = rel.generic_string();
  return text.rfind("../", 0) == 0 ? text : "./" + text;
}

std::string formatBound(double value) {
  std::string text = fmt::format("{}", value);
  return text;
}

class ModuleWriter {
public:
  ModuleWriter(const ModelModule &module, const WriterOptions &options, std::vector<std::string> &warnings)
      : module_(module), options_(options), warnings_(warnings) {}

  std::string write() {
    for (const std::string &line : module_.header)
      out_ += line.empty() ? "//\n" : "// " + line + "\n";
    std::set<std::string> refs;
    for (const ModelDefinition &def : module_.definitions) {
      collectRefs(def.aliased, module_.path, refs);
      for (const ModelField &field : def.fields)
        collectRefs(field.type, module_.path, refs);
    }
    aliases_ = chooseAliases(refs);
    if (!module_.header.empty() && !refs.empty())
      out_ += '\n';
    for (const std::string &path : refs) {
      bool relative = options_.relativeImports && path.rfind("k8s/", 0) != 0;
      out_ += fmt::format("import \"{}\" as {}\n", relative ? relativeImport(module_.path, path) : path,
                          aliases_[path]);
    }
    for (const ModelDefinition &def : module_.definitions) {
      if (!out_.empty())
        out_ += '\n';
      writeDefinition(def);
    }
    return out_;
  }

private:
  void writeDoc(const std::string &doc, const char *indent) {
    if (doc.empty())
      return;
    size_t start = 0;
    while (start <= doc.size()) {
      size_t end = doc.find('\n', start);
      if (end == std::string::npos)
        end = doc.size();
      std::string line = doc.substr(start, end - start);
      out_ += line.empty() ? fmt::format("{}///\n", indent) : fmt::format("{}/// {}\n", indent, line);
      start = end + 1;
    }
  }

  void writeDefinition(const ModelDefinition &def) {
    writeDoc(def.doc, "");
    if (def.kind == ModelDefinition::Kind::Alias) {
      out_ += fmt::format("type {} = {}\n", def.name, typeText(def.aliased, def.name));
      return;
    }
    if (def.fields.empty()) {
      out_ += fmt::format("schema {} {{}}\n", def.name);
      return;
    }
    out_ += fmt::format("schema {} {{\n", def.name);
    for (const ModelField &field : def.fields) {
      writeDoc(field.doc, "  ");
      std::string name = isBareFieldName(field.name) ? field.name : cairnString(field.name);
      bool optional = !field.required && !field.defaultValue;
      out_ += fmt::format("  {}{}: {}", name, optional ? "?" : "", typeText(field.type, def.name + "." + field.name));
      if (field.defaultValue)
        out_ += " = " + *field.defaultValue;
      out_ += '\n';
    }
    out_ += "}\n";
  }

  std::string regexText(const std::string &pattern, const std::string &where) {
    try {
      // The same flags as the checker (typecheck/type_store.cpp), so that a
      // pattern written here is one the checker can use.
      std::regex check(pattern, std::regex::ECMAScript | std::regex_constants::__polynomial);
    } catch (const std::regex_error &) {
      warnings_.push_back(fmt::format("{}: {}: the pattern `{}` is not an ECMAScript regex; it was left out",
                                      module_.path, where, pattern));
      return {};
    }
    std::string out = "/";
    for (char c : pattern) {
      if (c == '/')
        out += "\\/";
      else if (c == '\n')
        out += "\\n";
      else if (c == '\r')
        out += "\\r";
      else
        out += c;
    }
    return out + "/";
  }

  std::string refinement(std::optional<std::string> range, std::string regex) {
    std::vector<std::string> args;
    if (range)
      args.push_back(*range);
    if (!regex.empty())
      args.push_back(std::move(regex));
    if (args.empty())
      return {};
    std::string text = "(" + args[0];
    for (size_t i = 1; i < args.size(); ++i)
      text += ", " + args[i];
    return text + ")";
  }

  std::optional<std::string> intRange(const std::optional<int64_t> &lo, const std::optional<int64_t> &hi) {
    if (!lo && !hi)
      return std::nullopt;
    return fmt::format("{}..{}", lo ? std::to_string(*lo) : "", hi ? std::to_string(*hi) : "");
  }

  std::string typeText(const ModelType &type, const std::string &where) {
    using K = ModelType::Kind;
    switch (type.kind) {
    case K::Any: return "any";
    case K::Bool: return "bool";
    case K::Null: return "null";
    case K::Int: return "int" + refinement(intRange(type.minInt, type.maxInt), {});
    case K::Float: {
      std::optional<std::string> range;
      if (type.minFloat || type.maxFloat)
        range = fmt::format("{}..{}", type.minFloat ? formatBound(*type.minFloat) : "",
                            type.maxFloat ? formatBound(*type.maxFloat) : "");
      return "float" + refinement(range, {});
    }
    case K::String:
      return "string" + refinement(intRange(type.minInt, type.maxInt),
                                   type.pattern.empty() ? std::string() : regexText(type.pattern, where));
    case K::Literal: return type.literal;
    case K::List: return "[" + typeText(type.items.at(0), where) + "]";
    case K::Map: return "{string: " + typeText(type.items.at(0), where) + "}";
    case K::Union: return unionText(type, where);
    case K::Ref:
      if (type.refModule.empty() || type.refModule == module_.path)
        return type.refName;
      return aliases_.at(type.refModule) + "." + type.refName;
    case K::Text: return type.text;
    }
    return "any";
  }

  std::string unionText(const ModelType &type, const std::string &where) {
    std::vector<const ModelType *> members;
    bool nullable = false;
    for (const ModelType &member : type.items)
      if (member.kind == ModelType::Kind::Null)
        nullable = true;
      else
        members.push_back(&member);
    if (nullable && members.size() == 1 && members[0]->kind != ModelType::Kind::Union &&
        members[0]->kind != ModelType::Kind::Text)
      return typeText(*members[0], where) + "?";
    std::string text;
    for (const ModelType *member : members)
      text += (text.empty() ? "" : " | ") + typeText(*member, where);
    return nullable ? text + " | null" : text;
  }

  const ModelModule &module_;
  const WriterOptions &options_;
  std::vector<std::string> &warnings_;
  std::map<std::string, std::string> aliases_;
  std::string out_;
};

} // namespace

bool isBareFieldName(const std::string &name) { return isCairnName(name); }

std::string writeModule(const ModelModule &module, const WriterOptions &options, std::vector<std::string> &warnings) {
  return ModuleWriter(module, options, warnings).write();
}

std::string writeLibrary(const ModelLibrary &library, const fs::path &dir, const WriterOptions &options,
                         std::vector<std::string> &warnings) {
  // Render everything first, so that nothing is written when a module fails.
  std::vector<std::pair<fs::path, std::string>> files;
  for (const ModelModule &module : library.modules)
    files.emplace_back(dir / (module.path + ".cairn"), writeModule(module, options, warnings));
  for (const auto &[path, text] : files) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec)
      return fmt::format("cannot create `{}`: {}", path.parent_path().string(), ec.message());
    std::string error;
    if (!backends::writeFileAtomically(path, text, error))
      return fmt::format("cannot write `{}`: {}", path.string(), error);
  }
  return {};
}

} // namespace cairn::importers
