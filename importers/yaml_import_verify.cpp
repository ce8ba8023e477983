#include "importers/yaml_import_verify.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>

#include "eval/eval.h"
#include "eval/secret.h"
#include "importers/yaml_import_print.h"
#include "importers/yaml_import_text.h"
#include "typecheck/checked_program.h"

namespace cairn::importers {

namespace fs = std::filesystem;
using manifest::NodeId;
using manifest::NodeKind;
using manifest::ScalarType;

namespace {

// A fresh directory under the system's temporary directory, removed with its
// contents when this goes out of scope.
class StagingDir {
public:
  StagingDir() {
    std::string pattern = (fs::temp_directory_path() / "cairn-import-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr)
      path_ = pattern;
  }
  ~StagingDir() {
    std::error_code ec;
    if (!path_.empty())
      fs::remove_all(path_, ec);
  }
  StagingDir(const StagingDir &) = delete;
  StagingDir &operator=(const StagingDir &) = delete;
  const fs::path &path() const { return path_; }

private:
  fs::path path_;
};

std::string describeValue(const eval::Value &v) {
  switch (v.kind()) {
  case eval::ValueKind::Bool: return fmt::format("boolean {}", v.asBool());
  case eval::ValueKind::Int: return fmt::format("integer {}", v.asInt());
  case eval::ValueKind::Float: return fmt::format("float {}", eval::formatFloat(v.asFloat()));
  case eval::ValueKind::String: return fmt::format("string {}", cairnString(v.asString()));
  default: return eval::kindName(v.kind());
  }
}

// Structural comparison of a built value with the manifest node it stands for.
class Comparer {
public:
  Comparer(const manifest::Document &doc, const types::CheckedProgram &checked) : doc_(doc), checked_(checked) {}

  bool equal(const eval::Value &value, NodeId node) {
    node = doc_.resolve(node);
    const manifest::Node &n = doc_.node(node);
    switch (n.kind) {
    case NodeKind::Mapping: return value.kind() == eval::ValueKind::Object ? equalObject(value, node) : differ(value, node);
    case NodeKind::Sequence: return value.kind() == eval::ValueKind::List ? equalList(value, node) : differ(value, node);
    default: return equalScalar(value, node) || differ(value, node);
    }
  }

  std::string difference() const { return difference_; }

private:
  bool isNull(NodeId node) const {
    node = doc_.resolve(node);
    return doc_.node(node).kind == NodeKind::Null ||
           (doc_.node(node).kind == NodeKind::Scalar && doc_.scalar(node).type == ScalarType::Null);
  }

  bool differ(const eval::Value &value, NodeId node) {
    std::string at;
    for (const std::string &segment : path_)
      at += segment;
    // A Secret's data (marked when the object was built) is not quoted.
    bool secret = eval::containsSecret(value);
    difference_ = fmt::format("at `{}` the manifest has {}, the Cairn builds {}", at.empty() ? "." : at.substr(at[0] == '.'),
                              secret ? kSecretPlaceholder.str() : manifest::describeNode(doc_, node),
                              secret ? kSecretPlaceholder.str() : describeValue(value));
    return false;
  }

  bool equalObject(const eval::Value &value, NodeId node) {
    llvm::SmallVector<manifest::MapEntry, 16> entries;
    manifest::mappingEntries(doc_, node, entries);
    size_t present = 0;
    for (const manifest::MapEntry &entry : entries) {
      if (isNull(entry.value)) {
        // A map's null value is the zero value the API server stores there.
        present += nullAsZero(value.asObject(), entry.key);
        continue;
      }
      ++present;
      NodeId keyNode = doc_.resolve(entry.key);
      std::string storage;
      llvm::StringRef key =
          manifest::keyRef(doc_.text(keyNode), doc_.node(keyNode).quoted, storage).value_or(doc_.text(keyNode));
      const eval::ObjectField *field = value.asObject().find(key);
      path_.push_back(isCairnName(key) ? "." + key.str() : "[" + cairnString(key) + "]");
      if (field == nullptr) {
        std::string at;
        for (const std::string &segment : path_)
          at += segment;
        difference_ = fmt::format("the Cairn builds no `{}`", at.substr(at[0] == '.'));
        return false;
      }
      if (!equal(field->value, entry.value))
        return false;
      path_.pop_back();
    }
    if (present == value.asObject().fields.size())
      return true;
    size_t fixed = 0;
    for (const eval::ObjectField &field : value.asObject().fields) {
      if (doc_.get(node, field.name) != manifest::kNoNode)
        continue;
      if (!fixedBySchema(value.asObject(), field.name)) {
        difference_ = fmt::format("the Cairn builds a field `{}` the manifest does not have", field.name.str());
        return false;
      }
      ++fixed;
    }
    return present + fixed == value.asObject().fields.size() || differ(value, node);
  }

  // `apiVersion: "v1" = "v1"`: a kind embedded in another (a StatefulSet's
  // PersistentVolumeClaim templates) gets its fixed fields from the schema,
  // as the API server adds them; nothing else may be added.
  bool fixedBySchema(const eval::ObjectData &object, llvm::StringRef name) const {
    if (object.schema == eval::kNoSchema || object.schema >= checked_.schemas.size())
      return false;
    const types::FieldInfo *field = checked_.schemas[object.schema].field(name);
    return field != nullptr && field->presence == types::FieldPresence::Defaulted &&
           checked_.types.kind(checked_.types.strip(field->type)) == types::TypeKind::Literal;
  }

  // Whether a null map value was built as the zero value of its type.
  bool nullAsZero(const eval::ObjectData &object, NodeId keyNode) const {
    keyNode = doc_.resolve(keyNode);
    std::string storage;
    std::optional<llvm::StringRef> key = manifest::keyRef(doc_.text(keyNode), doc_.node(keyNode).quoted, storage);
    const eval::ObjectField *field = key ? object.find(*key) : nullptr;
    return field != nullptr && isZero(field->value);
  }

  static bool isZero(const eval::Value &v) {
    switch (v.kind()) {
    case eval::ValueKind::Bool: return !v.asBool();
    case eval::ValueKind::Int: return v.asInt() == 0;
    case eval::ValueKind::Float: return v.asFloat() == 0;
    case eval::ValueKind::String: return v.asString().empty();
    case eval::ValueKind::List: return v.asList().empty();
    case eval::ValueKind::Object: return v.asObject().fields.empty();
    default: return false;
    }
  }

  bool equalList(const eval::Value &value, NodeId node) {
    llvm::ArrayRef<eval::Value> items = value.asList();
    size_t index = 0;
    for (NodeId item = doc_.node(node).firstChild; item != manifest::kNoNode; item = doc_.node(item).nextSibling) {
      if (index >= items.size())
        return differ(value, node);
      path_.push_back(fmt::format("[{}]", index));
      if (!equal(items[index++], item))
        return false;
      path_.pop_back();
    }
    return index == items.size() || differ(value, node);
  }

  bool equalScalar(const eval::Value &value, NodeId node) {
    if (isNull(node)) // a null list item is the zero value the API server stores there
      return value.isNull() || isZero(value);
    manifest::ScalarValue s = doc_.scalar(node);
    switch (s.type) {
    case ScalarType::Null: return value.isNull();
    case ScalarType::Bool: return value.kind() == eval::ValueKind::Bool && value.asBool() == s.boolValue;
    case ScalarType::Int: return value.kind() == eval::ValueKind::Int && value.asInt() == s.intValue;
    case ScalarType::Float:
      // kubectl sends an integral float as an integer (`2.0` as `2`).
      if (value.kind() == eval::ValueKind::Int)
        return static_cast<double>(value.asInt()) == s.floatValue;
      return value.kind() == eval::ValueKind::Float && value.asFloat() == s.floatValue;
    case ScalarType::String: return value.kind() == eval::ValueKind::String && value.asString() == doc_.text(node);
    }
    return false;
  }

  const manifest::Document &doc_;
  const types::CheckedProgram &checked_;
  std::vector<std::string> path_;
  std::string difference_;
};

using ObjectLines = std::vector<std::pair<uint32_t, uint32_t>>;

// The module as it will be written, with imports of schema-location modules
// made relative to the staging directory instead of the output directory.
std::string stagedText(const ImportedFile &file, const fs::path &stagedFile, ObjectLines &lines) {
  ImportedModule module = file.module;
  std::error_code ec;
  fs::path from = fs::weakly_canonical(stagedFile.parent_path(), ec);
  for (ImportedModule::Import &import : module.imports) {
    if (import.file.empty())
      continue;
    std::string relative = fs::weakly_canonical(import.file, ec).lexically_relative(from).generic_string();
    import.path = llvm::StringRef(relative).startswith("../") ? relative : "./" + relative;
  }
  return printModule(module, &lines);
}

bool stage(const YamlImportResult &result, const fs::path &dir, std::vector<EntryInput> &entries,
           std::vector<ObjectLines> &lines, std::string &error) {
  for (const ImportedFile &file : result.files) {
    fs::path path = dir / file.outputName;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    lines.emplace_back();
    out << stagedText(file, path, lines.back());
    if (ec || !out) {
      error = fmt::format("cannot stage `{}` for checking", path.string());
      return false;
    }
    entries.push_back({path.string(), {}});
  }
  return true;
}

// One E0834 per object whose generated Cairn has errors, naming the manifest
// it came from (the generated file itself is never written).
void reportFailures(const YamlImportResult &result, const std::vector<ObjectLines> &lines, Verification &v) {
  std::vector<std::pair<size_t, std::string>> failures; // file, what
  for (size_t i = 0; i < result.files.size() && i < v.program.entries.size(); ++i) {
    FileId file = v.program.modules[v.program.entries[i]].file;
    const ImportedFile &imported = result.files[i];
    for (const Diagnostic &d : v.diags.diagnostics()) {
      if (d.severity != Severity::Error || d.span.file != file)
        continue;
      uint32_t line = v.program.sources.lineCol(file, d.span.begin).line;
      std::string what = fmt::format("`{}` has errors", imported.outputName);
      for (size_t o = 0; o < lines[i].size() && o < imported.origins.size(); ++o) {
        if (line < lines[i][o].first || line > lines[i][o].second)
          continue;
        const ObjectOrigin &origin = imported.origins[o];
        const manifest::Document &doc = result.documents[imported.input][origin.document];
        LineCol at = result.sources.lineCol(doc.file, doc.span(origin.node).begin);
        what = fmt::format("see {} at {}:{}:{}", origin.label, imported.sourceName, at.line, at.column);
      }
      if (std::find(failures.begin(), failures.end(), std::make_pair(i, what)) == failures.end())
        failures.emplace_back(i, what);
    }
  }
  for (const auto &[i, what] : failures)
    v.diags.report(DiagKind::ImportDoesNotBuild, Span{}, result.files[i].sourceName, what)
        .note(fmt::format("nothing was written; the errors below point into the `{}` it would be",
                          result.files[i].outputName))
        .withHint("every value fits its schema, but the object does not: fix the manifest");
}

void compareObjects(const YamlImportResult &result, const types::CheckedProgram &checked,
                    const eval::EvalResult &built, Verification &v) {
  size_t next = 0;
  for (const ImportedFile &file : result.files) {
    for (const ObjectOrigin &origin : file.origins) {
      if (next >= built.documents.size()) {
        v.internalError = fmt::format("the Cairn generated for `{}` builds fewer objects than it has", file.sourceName);
        return;
      }
      Comparer comparer(result.documents[file.input][origin.document], checked);
      if (!comparer.equal(built.documents[next++], origin.node)) {
        v.internalError = fmt::format("the Cairn generated for `{}` builds {} differently: {}", file.sourceName,
                                      origin.label, comparer.difference());
        return;
      }
    }
  }
  if (next != built.documents.size())
    v.internalError = "the generated Cairn builds more objects than the manifests have";
}

} // namespace

std::unique_ptr<Verification> verifyImport(const YamlImportResult &result, const YamlImportOptions &options) {
  auto v = std::make_unique<Verification>();
  StagingDir staging;
  std::vector<EntryInput> entries;
  std::vector<ObjectLines> lines;
  std::string error;
  if (staging.path().empty() || !stage(result, staging.path(), entries, lines, error)) {
    v->internalError = error.empty() ? "cannot create a temporary directory to check the generated Cairn" : error;
    return v;
  }
  LoadOptions load;
  load.workingDir = staging.path();
  load.projectRoot = fs::path("/");
  for (const fs::path &dir : options.library.stdlibDirs)
    load.stdlibDirs.push_back(dir.is_absolute() ? dir : options.library.workingDir / dir);
  v->program = loadProgram(entries, load, v->diags);
  if (!v->diags.hasErrors()) {
    types::CheckedProgram checked = types::checkProgram(v->program, v->diags);
    if (!v->diags.hasErrors()) {
      eval::EvalResult built = eval::evaluateProgram(v->program, checked, {}, v->diags);
      if (built.ok && !v->diags.hasErrors())
        compareObjects(result, checked, built, *v);
    }
  }
  if (!v->diags.hasErrors())
    return v;
  reportFailures(result, lines, *v);
  return v;
}

} // namespace cairn::importers
