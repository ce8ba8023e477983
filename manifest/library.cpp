// The kind registry (kinds.json indexes and schema-location directories) and
// lazy loading of the modules that hold the kinds a run needs.
#include "manifest/library.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "frontend/parse.h"

namespace cairn::manifest {

namespace fs = std::filesystem;

namespace {

std::string registryKey(llvm::StringRef apiVersion, llvm::StringRef kind) {
  return (apiVersion + "\n" + kind).str();
}

std::optional<std::string> readWholeFile(const fs::path &path, std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::generic_category().message(errno);
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

fs::path resolve(const fs::path &workingDir, const fs::path &path) {
  return path.is_absolute() || workingDir.empty() ? path : workingDir / path;
}

// `{"kinds": [{"apiVersion", "kind", "module", "schema"}, ...]}`. For the
// standard library a module path is an import path; for a schema location the
// import path is the module file as the user named the location.
void readKindsIndex(const fs::path &indexFile, const fs::path &dir, bool stdlib,
                    const std::string &shownDir, KindRegistry &registry, DiagnosticSink &diags) {
  std::string shown = (fs::path(shownDir) / indexFile.filename()).generic_string();
  if (stdlib)
    shown = "<stdlib>/k8s/kinds.json";
  std::string error;
  std::optional<std::string> text = readWholeFile(indexFile, error);
  if (!text) {
    diags.report(DiagKind::InvalidKindIndex, Span{}, shown, error);
    return;
  }
  nlohmann::json index = nlohmann::json::parse(*text, nullptr, false);
  if (index.is_discarded() || !index.is_object() || !index.contains("kinds") || !index["kinds"].is_array()) {
    diags.report(DiagKind::InvalidKindIndex, Span{}, shown,
                 "expected a JSON object `{\"kinds\": [...]}`")
        .withHint("regenerate it with `cairn import crd -o DIR` (or `cairn import openapi`)");
    return;
  }
  size_t position = 0;
  for (const nlohmann::json &item : index["kinds"]) {
    auto field = [&](const char *name) -> std::string {
      auto it = item.is_object() ? item.find(name) : item.end();
      return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    KindEntry entry{field("apiVersion"), field("kind"), {}, {}, field("schema")};
    std::string module = field("module");
    if (entry.apiVersion.empty() || entry.kind.empty() || module.empty() || entry.schemaName.empty()) {
      diags.report(DiagKind::InvalidKindIndex, Span{}, shown,
                   fmt::format("entry {} needs the strings `apiVersion`, `kind`, `module` and `schema`",
                               position));
      ++position;
      continue;
    }
    entry.file = dir / (module + ".cairn");
    entry.importPath = stdlib ? module : (fs::path(shownDir) / (module + ".cairn")).generic_string();
    registry.add(std::move(entry));
    ++position;
  }
}

// The literal string type of a field (`kind: "Deployment" = "Deployment"`), or "".
std::string literalFieldType(const ast::Module &module, const ast::SchemaDecl &schema,
                             llvm::StringRef fieldName) {
  for (const ast::SchemaField &field : schema.fields) {
    if (field.name.text != fieldName || !field.type.valid())
      continue;
    const auto *literal = module.type(field.type).as<ast::LiteralType>();
    if (literal == nullptr || !literal->literal.valid())
      return {};
    const auto *text = module.expr(literal->literal).as<ast::StringLit>();
    return text != nullptr && text->isConstant() ? text->constantText() : std::string();
  }
  return {};
}

// A schema location without kinds.json: every `*.cairn` below it is parsed
// (syntax only) for schemas with literal `apiVersion` and `kind` fields.
// Syntax errors are ignored here; loading the module reports them.
void scanModules(const fs::path &dir, const std::string &shownDir, KindRegistry &registry) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec) && it->path().extension() == ".cairn")
      files.push_back(it->path());
  std::sort(files.begin(), files.end());
  for (const fs::path &file : files) {
    std::string error;
    std::optional<std::string> text = readWholeFile(file, error);
    if (!text)
      continue;
    SourceManager sources;
    DiagnosticSink ignored;
    FileId id = sources.add(file.generic_string(), std::move(*text));
    ast::Module module = parseModule(sources, id, ignored);
    std::string relative = file.lexically_relative(dir).generic_string();
    for (ast::DeclId declId : module.decls()) {
      const auto *schema = module.decl(declId).as<ast::SchemaDecl>();
      if (schema == nullptr || !schema->name.valid())
        continue;
      std::string apiVersion = literalFieldType(module, *schema, "apiVersion");
      std::string kind = literalFieldType(module, *schema, "kind");
      if (apiVersion.empty() || kind.empty())
        continue;
      registry.add({apiVersion, kind, (fs::path(shownDir) / relative).generic_string(), file,
                    schema->name.text.str()});
    }
  }
}

} // namespace

const KindEntry *KindRegistry::find(llvm::StringRef apiVersion, llvm::StringRef kind) const {
  auto it = byKey_.find(registryKey(apiVersion, kind));
  return it == byKey_.end() ? nullptr : &entries_[it->second];
}

std::vector<const KindEntry *> KindRegistry::withKind(llvm::StringRef kind) const {
  std::vector<const KindEntry *> found;
  for (const KindEntry &entry : entries_)
    if (entry.kind == kind)
      found.push_back(&entry);
  return found;
}

// The first entry for an apiVersion/kind wins: standard library directories
// in order, then schema locations in command-line order.
void KindRegistry::add(KindEntry entry) {
  auto [it, inserted] = byKey_.try_emplace(registryKey(entry.apiVersion, entry.kind),
                                           static_cast<uint32_t>(entries_.size()));
  if (inserted)
    entries_.push_back(std::move(entry));
}

KindRegistry loadKindRegistry(const LibraryOptions &options, DiagnosticSink &diags) {
  KindRegistry registry;
  std::error_code ec;
  // Standard library directories are used as given, like the module loader does.
  for (const fs::path &stdlibDir : options.stdlibDirs) {
    fs::path index = stdlibDir / "k8s" / "kinds.json";
    if (fs::is_regular_file(index, ec))
      readKindsIndex(index, stdlibDir, true, "", registry, diags);
  }
  for (const fs::path &location : options.schemaLocations) {
    fs::path dir = resolve(options.workingDir, location);
    std::string shown = location.generic_string();
    if (!fs::is_directory(dir, ec)) {
      diags.report(DiagKind::SchemaLocationUnreadable, Span{}, shown,
                   fs::exists(dir, ec) ? "it is not a directory" : "no such directory")
          .withHint("pass a directory of Cairn modules, e.g. the output of `cairn import crd -o DIR`");
      continue;
    }
    if (fs::is_regular_file(dir / "kinds.json", ec))
      readKindsIndex(dir / "kinds.json", dir, false, shown, registry, diags);
    else
      scanModules(dir, shown, registry);
  }
  return registry;
}

namespace {

} // namespace

std::string kindImportPath(const KindEntry &entry, const LibraryOptions &options) {
  if (!entry.importPath.empty() && !llvm::StringRef(entry.importPath).endswith(".cairn"))
    return entry.importPath;
  std::error_code ec;
  fs::path base = fs::weakly_canonical(options.workingDir.empty() ? fs::current_path(ec) : options.workingDir, ec);
  fs::path file = fs::weakly_canonical(resolve(options.workingDir, entry.file), ec);
  std::string relative = file.lexically_relative(base).generic_string();
  return llvm::StringRef(relative).startswith("../") ? relative : "./" + relative;
}

namespace {

// A path as a Cairn string literal's content.
std::string cairnStringContent(llvm::StringRef text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\' || c == '$')
      out += '\\';
    out += c;
  }
  return out;
}

bool moduleDeclaresSchema(const ast::Module &module, llvm::StringRef name) {
  for (ast::DeclId id : module.decls())
    if (const auto *schema = module.decl(id).as<ast::SchemaDecl>(); schema && schema->name.text == name)
      return true;
  return false;
}

} // namespace

// One synthetic entry module imports every needed module; each kind's
// schema is then found by name among the schemas of its module.
std::unique_ptr<LoadedKinds> loadKinds(const std::vector<const KindEntry *> &kinds,
                                       const LibraryOptions &options, DiagnosticSink &diags) {
  auto loaded = std::make_unique<LoadedKinds>();
  loaded->schemas.assign(kinds.size(), types::kNone);
  std::vector<std::string> importPaths;
  std::vector<size_t> importOf; // per kind: index into importPaths
  std::string text;
  for (const KindEntry *entry : kinds) {
    std::string path = kindImportPath(*entry, options);
    size_t index = std::find(importPaths.begin(), importPaths.end(), path) - importPaths.begin();
    if (index == importPaths.size()) {
      text += fmt::format("import \"{}\" as m{}\n", cairnStringContent(path), index);
      importPaths.push_back(path);
    }
    importOf.push_back(index);
  }
  LoadOptions load;
  load.workingDir = options.workingDir;
  load.projectRoot = fs::path("/");
  load.stdlibDirs = options.stdlibDirs;
  loaded->program = loadProgram({EntryInput{"-", text, "<kinds>"}}, load, diags);
  if (loaded->program.entries.empty())
    return loaded;
  // The synthetic module's imports are used by the caller, not by Cairn code:
  // treat it like library code so they are not reported as unused.
  ProgramModule &synthetic = loaded->program.modules[loaded->program.entries.front()];
  synthetic.isStdlib = true;
  std::vector<uint32_t> moduleOf(kinds.size(), kNoModule);
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (importOf[i] >= synthetic.imports.size())
      continue;
    moduleOf[i] = synthetic.imports[importOf[i]].module;
    if (moduleOf[i] != kNoModule && !moduleDeclaresSchema(loaded->program.modules[moduleOf[i]].ast,
                                                          kinds[i]->schemaName))
      diags.report(DiagKind::KindSchemaMissing, Span{}, kinds[i]->importPath, kinds[i]->schemaName,
                   kinds[i]->apiVersion + " " + kinds[i]->kind)
          .withHint("the kinds.json index and the module disagree; regenerate them together");
  }
  loaded->checked = types::checkProgram(loaded->program, diags);
  for (uint32_t s = 0; s < loaded->checked.schemas.size(); ++s) {
    const types::SchemaInfo &schema = loaded->checked.schemas[s];
    for (size_t i = 0; i < kinds.size(); ++i)
      if (moduleOf[i] != kNoModule && schema.module == moduleOf[i] && schema.name == kinds[i]->schemaName)
        loaded->schemas[i] = s;
  }
  return loaded;
}

} // namespace cairn::manifest
