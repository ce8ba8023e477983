// runLint: manifests read, one program of the Cairn inputs + the policies +
// the modules of the manifests' kinds, checked and evaluated; then the
// objects of both kinds of input handed to the policies (engine_policies.cpp).
#include "lint/engine.h"

#include <algorithm>
#include <system_error>

#include <fmt/format.h>

#include "eval/secret.h"
#include "frontend/cairn_text.h"
#include "lint/engine_state.h"
#include "lint/yaml_values.h"
#include "manifest/library.h"

namespace cairn::lint {
namespace fs = std::filesystem;

namespace {

manifest::LibraryOptions libraryOptions(const LintRequest &request) {
  manifest::LibraryOptions library;
  library.workingDir = request.workingDir;
  library.stdlibDirs = request.stdlibDirs;
  library.schemaLocations = request.schemaLocations;
  return library;
}

// A mapping that parsed but has neither `apiVersion` nor `kind`.
bool notKubernetes(const manifest::ManifestObject &object) {
  if (object.node == manifest::kNoNode || !object.apiVersion.empty() || !object.kind.empty())
    return false;
  size_t missing = 0;
  for (const manifest::Issue &issue : object.issues.issues()) {
    // A note says the field is there with a non-string value (`kind: 1.5`):
    // a broken manifest, not some other YAML.
    if (issue.diagnostic.kind != DiagKind::ManifestMissingKind || !issue.diagnostic.notes.empty())
      return false;
    ++missing;
  }
  return missing == 2;
}

// For an apiVersion Kubernetes removed (extensions/v1beta1 Deployment), the
// kind's current version (apps/v1), so the policies still see its
// containers: legacy manifests are the ones that most need checking. Stable
// versions win over beta and alpha ones, then the highest version.
const manifest::KindEntry *successorKind(const manifest::KindRegistry &registry, llvm::StringRef kind) {
  const manifest::KindEntry *best = nullptr;
  auto rank = [](llvm::StringRef apiVersion) {
    llvm::StringRef version = apiVersion.rsplit('/').second.empty() ? apiVersion : apiVersion.rsplit('/').second;
    bool stable = !version.contains("alpha") && !version.contains("beta");
    unsigned major = 0;
    version.drop_front(1).consumeInteger(10, major);
    return std::make_pair(stable, major);
  };
  for (const manifest::KindEntry *entry : registry.withKind(kind))
    if (!best || rank(entry->apiVersion) > rank(best->apiVersion))
      best = entry;
  return best;
}

// Reads the manifests and returns the import paths of the modules holding
// their kinds. Unreadable documents and unidentified objects are problems.
std::vector<std::string> readManifests(LintState &state, const manifest::KindRegistry &registry) {
  std::vector<std::string> imports;
  manifest::LibraryOptions library = libraryOptions(state.request);
  for (FileId file : state.request.manifestFiles) {
    uint32_t docsIndex = static_cast<uint32_t>(state.documents.size());
    state.documents.push_back(manifest::readDocuments(state.request.manifestSources, file, false));
    std::vector<manifest::ManifestObject> objects;
    const std::vector<manifest::Document> &docs = state.documents.back();
    for (uint32_t d = 0; d < docs.size(); ++d)
      manifest::collectObjects(docs[d], d, registry, objects);
    for (manifest::ManifestObject &object : objects) {
      if (notKubernetes(object)) {
        // Values files, kustomizations, CI configs found in a directory.
        state.result.diags.report(DiagKind::NotAKubernetesObject, object.span)
            .withHint("lint only Kubernetes manifests, or leave this file out with `--ignore-path`");
        continue;
      }
      for (const manifest::Issue &issue : object.issues.issues())
        state.result.diags.add(issue.diagnostic);
      if (!object.identified())
        continue;
      const manifest::KindEntry *entry = registry.find(object.apiVersion, object.kind);
      if (!entry)
        entry = successorKind(registry, object.kind);
      if (entry) {
        std::string path = manifest::kindImportPath(*entry, library);
        if (std::find(imports.begin(), imports.end(), path) == imports.end())
          imports.push_back(path);
      }
      state.manifestObjectTypedAs.push_back(entry ? entry->apiVersion : object.apiVersion);
      object.issues = {};
      state.manifestObjects.push_back(std::move(object));
      state.manifestObjectFiles.push_back(file);
      state.manifestObjectDocs.push_back(docsIndex);
    }
  }
  return imports;
}

// The default pack: every `.cairn` file directly in `<stdlib>/policy/`, by
// import path ("policy/containers"), first stdlib directory first.
std::vector<std::string> defaultPackModules(const LintRequest &request) {
  std::vector<std::string> modules;
  for (const fs::path &dir : request.stdlibDirs) {
    std::error_code ec;
    std::vector<std::string> found;
    for (fs::directory_iterator it(dir / "policy", ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && it->path().extension() == ".cairn")
        found.push_back("policy/" + it->path().stem().string());
    std::sort(found.begin(), found.end());
    for (std::string &module : found)
      if (std::find(modules.begin(), modules.end(), module) == modules.end())
        modules.push_back(std::move(module));
  }
  return modules;
}

std::string syntheticModule(const LintRequest &request, const std::vector<std::string> &kindImports) {
  std::vector<std::string> imports;
  if (request.config.defaultPolicies)
    imports = defaultPackModules(request);
  imports.insert(imports.end(), kindImports.begin(), kindImports.end());
  std::string text = "// The policies and kinds of this `cairn lint` run.\n";
  for (size_t i = 0; i < imports.size(); ++i)
    text += fmt::format("import {} as __lint{}\n", cairnString(imports[i]), i);
  return text;
}

// Loads and checks everything; false when an error stops the run.
bool buildProgram(LintState &state, const std::vector<std::string> &kindImports) {
  LintRequest &request = state.request;
  std::vector<EntryInput> entries;
  for (const std::string &file : request.cairnFiles)
    entries.push_back(EntryInput{file, {}, {}});
  // Policy modules named by the user are entries, so the project root of the
  // Cairn inputs does not confine them (the user chose them explicitly).
  for (const fs::path &policy : request.config.policies)
    entries.push_back(EntryInput{policy.string(), {}, {}});
  entries.push_back(EntryInput{"-", syntheticModule(request, kindImports), "<lint policies>"});
  LoadOptions load;
  load.workingDir = request.workingDir;
  load.stdlibDirs = request.stdlibDirs;
  load.overlay = request.overlay;
  load.parseCache = request.parseCache;
  load.allowedImportDirs = request.allowedImportDirs;
  load.maxSourceBytes = request.maxSourceBytes;
  if (request.root)
    load.projectRoot = *request.root;
  else if (request.cairnFiles.empty())
    load.projectRoot = fs::path("/"); // only policy and schema modules: they may be anywhere

  DiagnosticSink sink;
  state.result.program = loadProgram(entries, load, sink, std::move(request.manifestSources));
  Program &program = state.result.program;
  if (!program.entries.empty())
    state.syntheticFile = program.modules[program.entries.back()].file;
  if (!sink.hasErrors())
    state.checked = types::checkProgram(program, sink);
  bool failed = sink.hasErrors();
  // The synthetic module's own warnings (unused imports) mean nothing to users.
  for (Diagnostic &d : sink.take())
    if (!(d.span.file == state.syntheticFile && d.severity != Severity::Error))
      state.result.diags.add(std::move(d));
  return state.checked && !failed;
}

void classifySources(LintState &state) {
  const Program &program = state.result.program;
  state.sourceRoles.clear();
  for (const ProgramModule &module : program.modules) {
    if (!module.file.valid())
      continue;
    SourceRole &role = state.sourceRoles[module.file.index];
    role = SourceRole::Manifest;
    if (module.isStdlib || module.file == state.syntheticFile) {
      role = SourceRole::Library;
      continue;
    }
    bool emits = false, policies = false;
    for (ast::DeclId id : module.ast.decls()) {
      const ast::Decl &decl = module.ast.decl(id);
      emits |= decl.as<ast::EmitDecl>() != nullptr;
      if (decl.as<ast::PolicyDecl>()) {
        policies = true;
        state.policySpans.push_back(decl.span);
      }
    }
    role = !policies ? SourceRole::Objects : emits ? SourceRole::ObjectsAndPolicies : SourceRole::Library;
  }
}

void identify(LintObject &object) {
  object.apiVersion = stringField(object.value, "apiVersion").str();
  object.kind = stringField(object.value, "kind").str();
  eval::Value metadata = fieldOf(object.value, "metadata");
  object.name = stringField(metadata, "name").str();
  object.namespaceName = stringField(metadata, "namespace").str();
}

// The schema of every kind the program knows: schemas whose `apiVersion`
// and `kind` fields are string literals.
llvm::StringMap<uint32_t> kindSchemas(const types::CheckedProgram &checked) {
  llvm::StringMap<uint32_t> kinds;
  auto literal = [&](const types::SchemaInfo &schema, llvm::StringRef name) -> std::string {
    const types::FieldInfo *field = schema.field(name);
    if (!field)
      return {};
    const types::Type &type = checked.types.get(checked.types.strip(field->type));
    return type.kind == types::TypeKind::Literal && type.literal.kind == types::LiteralValue::String
               ? type.literal.s
               : std::string();
  };
  for (uint32_t s = 0; s < checked.schemas.size(); ++s) {
    std::string apiVersion = literal(checked.schemas[s], "apiVersion");
    std::string kind = literal(checked.schemas[s], "kind");
    if (!apiVersion.empty() && !kind.empty())
      kinds.try_emplace(apiVersion + "\n" + kind, s);
  }
  return kinds;
}

void collectObjects(LintState &state) {
  if (state.evaluation) {
    for (size_t d = 0; d < state.evaluation->documents.size(); ++d) {
      const eval::Value &document = state.evaluation->documents[d];
      LintObject object;
      object.value = document;
      object.emitSpan = state.evaluation->documentEmits[d];
      object.span = document.span();
      object.file = document.span().file;
      object.fromCairn = true;
      identify(object);
      state.objects.push_back(std::move(object));
    }
  }
  for (size_t i = 0; i < state.manifestObjects.size(); ++i) {
    const manifest::ManifestObject &source = state.manifestObjects[i];
    const manifest::Document &doc = state.documents[state.manifestObjectDocs[i]][source.document];
    LintObject object;
    // A Secret's data is marked: findings never quote it (eval/secret.h).
    object.value = eval::markSecretData(*state.arena, nodeToValue(doc, source.node, *state.arena));
    object.span = source.span;
    object.file = state.manifestObjectFiles[i];
    identify(object);
    state.objects.push_back(std::move(object));
  }
  llvm::StringMap<uint32_t> kinds = kindSchemas(*state.checked);
  size_t firstManifest = state.objects.size() - state.manifestObjects.size();
  for (size_t i = 0; i < state.objects.size(); ++i) {
    LintObject &object = state.objects[i];
    const std::string &typedAs = i >= firstManifest ? state.manifestObjectTypedAs[i - firstManifest] : object.apiVersion;
    auto it = kinds.find(typedAs + "\n" + object.kind);
    if (it != kinds.end())
      object.schema = it->second;
  }
}

} // namespace

std::unique_ptr<LintResult> runLint(LintRequest request) {
  auto result = std::make_unique<LintResult>();
  LintState state(request, *result);
  manifest::KindRegistry registry = manifest::loadKindRegistry(libraryOptions(request), result->diags);
  std::vector<std::string> kindImports = readManifests(state, registry);
  result->files = request.cairnFiles.size() + request.manifestFiles.size();
  if (!buildProgram(state, kindImports)) {
    result->stop = LintResult::Stop::Input;
    return result;
  }
  if (!request.cairnFiles.empty()) {
    eval::EvalOptions options;
    options.params = request.params;
    options.limits = request.limits;
    state.evaluation = eval::evaluateProgram(result->program, *state.checked, options, result->diags);
    if (!state.evaluation->ok) {
      result->stop = LintResult::Stop::Input;
      return result;
    }
  }
  collectObjects(state);
  classifySources(state);
  result->objects = state.objects.size();
  runPolicies(state);
  return result;
}

} // namespace cairn::lint
