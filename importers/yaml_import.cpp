#include "importers/yaml_import.h"

#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "importers/yaml_import_idioms.h"
#include "importers/yaml_import_objects.h"
#include "importers/yaml_import_print.h"
#include "importers/yaml_import_text.h"
#include "importers/yaml_import_typed.h"
#include "typecheck/builtins.h"

namespace cairn::importers {

namespace fs = std::filesystem;

namespace {

struct InputState {
  FileId file;
  std::vector<manifest::Document> documents;
  std::vector<SourceObject> objects;
};

// The kinds found in the inputs and their loaded schemas.
struct Schemas {
  manifest::KindRegistry registry;
  std::vector<const manifest::KindEntry *> entries;
  std::map<const manifest::KindEntry *, size_t> indexOf;
  std::unique_ptr<manifest::LoadedKinds> loaded;

  const manifest::KindEntry *entry(const SourceObject &o) const { return registry.find(o.apiVersion, o.kind); }
  uint32_t schema(const manifest::KindEntry *e) const {
    auto it = indexOf.find(e);
    return it == indexOf.end() || !loaded ? types::kNone : loaded->schemas[it->second];
  }
};

bool isStdlibImport(const manifest::KindEntry &entry) {
  return !llvm::StringRef(entry.importPath).endswith(".cairn");
}

// How the output file imports a kind's module: the standard library by its
// search path, a schema location's module by a path relative to the file.
std::string importPathFor(const manifest::KindEntry &entry, const fs::path &outputFile) {
  if (isStdlibImport(entry))
    return entry.importPath;
  std::error_code ec;
  fs::path from = fs::weakly_canonical(outputFile.parent_path(), ec);
  fs::path to = fs::weakly_canonical(entry.file, ec);
  std::string relative = to.lexically_relative(from).generic_string();
  return llvm::StringRef(relative).startswith("../") ? relative : "./" + relative;
}

// `k8s/apps/v1` -> (`apps`, `v1`); `../crds/cert-manager.io/v1.cairn` -> (`certManager`, `v1`).
std::pair<std::string, std::string> aliasParts(llvm::StringRef importPath) {
  static const std::regex version("v[0-9]+([a-z]+[0-9]+)?");
  importPath.consume_back(".cairn");
  llvm::SmallVector<llvm::StringRef, 4> parts;
  importPath.split(parts, '/', -1, false);
  if (parts.empty())
    return {"module", ""};
  std::string last = parts.back().str();
  bool versioned = parts.size() >= 2 && std::regex_match(last, version);
  llvm::StringRef group = versioned ? parts[parts.size() - 2] : parts.back();
  return {camelName(group.split('.').first), versioned ? last : ""};
}

void assignAliases(ImportedModule &module, std::set<std::string> &taken) {
  std::map<std::string, int> perBase;
  for (const ImportedModule::Import &import : module.imports)
    ++perBase[aliasParts(import.path).first];
  for (ImportedModule::Import &import : module.imports) {
    auto [base, version] = aliasParts(import.path);
    // camelName marks keywords with a trailing `_` (`policy_`): `policy_v1` reads better.
    bool keyword = !base.empty() && base.back() == '_';
    std::string alias = base;
    if (keyword || perBase[base] > 1 || taken.count(base))
      alias = (keyword ? base.substr(0, base.size() - 1) : base) + (version.empty() ? "" : "_" + version);
    std::string unique = alias;
    for (int n = 2; taken.count(unique); ++n)
      unique = alias + std::to_string(n);
    import.alias = unique;
    taken.insert(unique);
  }
}

std::string objectLabel(const SourceObject &o) {
  return o.name.empty() ? fmt::format("this {}", o.kind) : fmt::format("{} `{}`", o.kind, o.name);
}

// The imports of one output file, sorted by path, with their aliases;
// returns the alias of each import path.
std::map<std::string, std::string> planImports(const InputState &state, const Schemas &schemas,
                                               const fs::path &outputFile, ImportedFile &file,
                                               std::set<std::string> &taken) {
  std::map<std::string, const manifest::KindEntry *> byPath;
  for (const SourceObject &o : state.objects)
    if (const manifest::KindEntry *e = schemas.entry(o); e && schemas.schema(e) != types::kNone)
      byPath.emplace(importPathFor(*e, outputFile), e);
  for (const auto &[path, entry] : byPath) {
    file.module.imports.push_back({path, "", isStdlibImport(*entry) ? fs::path() : entry->file});
    file.importsOutsideOutput |= llvm::StringRef(path).startswith("../");
  }
  assignAliases(file.module, taken);
  std::map<std::string, std::string> aliasOfPath;
  for (const ImportedModule::Import &import : file.module.imports)
    aliasOfPath[import.path] = import.alias;
  return aliasOfPath;
}

ImportedFile buildFile(const YamlInput &input, const InputState &state, const Schemas &schemas,
                       const YamlImportOptions &options, DiagnosticSink &diags) {
  ImportedFile file;
  file.outputName = input.outputName;
  file.sourceName = input.displayName;
  ImportedModule &module = file.module;
  module.sourceName = input.displayName;
  fs::path outputFile = options.outputDir / input.outputName;
  // Top-level names must not hide the built-in functions (`merge` is used).
  std::set<std::string> taken;
#define CAIRN_TAKE_BUILTIN(id, name, minArgs, maxArgs, doc) taken.insert(name);
  CAIRN_BUILTINS(CAIRN_TAKE_BUILTIN)
#undef CAIRN_TAKE_BUILTIN
  std::map<std::string, std::string> aliasOfPath = planImports(state, schemas, outputFile, file, taken);
  types::CheckedProgram noTypes; // untyped objects need no schemas
  for (const SourceObject &o : state.objects) {
    const manifest::Document &doc = state.documents[o.document];
    ImportedObject object{o.comments, {}, {}, {}, {}, o.kind, o.name, o.namespace_};
    const manifest::KindEntry *e = schemas.entry(o);
    uint32_t schema = e ? schemas.schema(e) : types::kNone;
    if (schema != types::kNone) {
      TypedReader reader(doc, schemas.loaded->checked, diags, objectLabel(o));
      if (o.kind == "Secret" && o.apiVersion == "v1")
        reader.treatAsSecret();
      object.body = reader.readObject(o.node, schema);
      object.typeName = aliasOfPath[importPathFor(*e, outputFile)] + "." + e->schemaName;
    } else {
      TypedReader reader(doc, schemas.loaded ? schemas.loaded->checked : noTypes, diags, objectLabel(o));
      object.body = reader.readOpenObject(o.node);
      object.notes = {fmt::format("No schema for {} {}: an untyped object, checked by nothing.", o.apiVersion,
                                  o.kind),
                      "`cairn import crd` writes schemas for custom kinds; import again with `--schema-location`."};
    }
    module.objects.push_back(std::move(object));
    file.origins.push_back({o.document, o.node, objectLabel(o)});
  }
  hoistSharedLabels(module, taken);
  linkReferences(module, taken);
  file.text = printModule(module);
  return file;
}

// The schemas of the kinds found, loaded once for all inputs.
void loadSchemas(const std::vector<InputState> &inputs, const YamlImportOptions &options, Schemas &schemas,
                 DiagnosticSink &diags) {
  bool anyObject = false;
  for (const InputState &input : inputs)
    for (const SourceObject &o : input.objects) {
      anyObject = true;
      if (const manifest::KindEntry *e = schemas.entry(o); e && !schemas.indexOf.count(e)) {
        schemas.indexOf.emplace(e, schemas.entries.size());
        schemas.entries.push_back(e);
      }
    }
  if (anyObject && schemas.registry.entries().empty())
    diags.report(DiagKind::InvalidKindIndex, Span{}, "<stdlib>/k8s/kinds.json",
                 "no standard library with Kubernetes kinds was found")
        .withHint("the standard library is installed next to the `cairn` binary (share/cairn/stdlib)");
  if (!schemas.entries.empty() && !diags.hasErrors())
    schemas.loaded = manifest::loadKinds(schemas.entries, options.library, diags);
}

} // namespace

bool YamlImportResult::hasErrors() const {
  for (const Diagnostic &d : diagnostics)
    if (d.severity == Severity::Error)
      return true;
  return false;
}

std::unique_ptr<YamlImportResult> importYaml(const std::vector<YamlInput> &inputs, const YamlImportOptions &options) {
  auto result = std::make_unique<YamlImportResult>();
  // Every object is read even when others had problems, so that one run
  // reports all of them; only a library that failed to load stops early.
  DiagnosticSink library;
  Schemas schemas;
  schemas.registry = manifest::loadKindRegistry(options.library, library);
  std::vector<InputState> states;
  for (const YamlInput &input : inputs) {
    InputState state;
    state.file = result->sources.add(input.displayName, input.text);
    state.documents = manifest::readDocuments(result->sources, state.file, /*strictKeys=*/true);
    state.objects = collectSourceObjects(state.documents, result->sources, schemas.registry, result->diagnostics);
    states.push_back(std::move(state));
  }
  if (!library.hasErrors())
    loadSchemas(states, options, schemas, library);
  bool libraryLoaded = !library.hasErrors();
  for (Diagnostic &d : library.take())
    result->diagnostics.push_back(std::move(d));
  DiagnosticSink diags;
  if (libraryLoaded)
    for (size_t i = 0; i < inputs.size(); ++i) {
      result->files.push_back(buildFile(inputs[i], states[i], schemas, options, diags));
      result->files.back().input = i;
    }
  for (InputState &state : states)
    result->documents.push_back(std::move(state.documents));
  for (Diagnostic &d : diags.take())
    result->diagnostics.push_back(std::move(d));
  if (result->hasErrors())
    result->files.clear();
  return result;
}

std::vector<std::string> outputNames(const std::vector<std::string> &relativeInputs) {
  std::vector<std::string> names;
  std::set<std::string> used;
  for (const std::string &input : relativeInputs) {
    fs::path wanted = input == "-" ? fs::path("main.cairn") : fs::path(input).replace_extension(".cairn");
    std::string name = wanted.generic_string();
    for (int n = 2; used.count(name); ++n)
      name = (wanted.parent_path() / (wanted.stem().string() + "_" + std::to_string(n) + ".cairn")).generic_string();
    used.insert(name);
    names.push_back(name);
  }
  return names;
}

} // namespace cairn::importers
