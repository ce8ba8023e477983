// Module loading: reads entry files, follows imports (relative ones confined to
// the project root, others from the standard library directories), parses each
// file once, reports import cycles and orders modules dependencies-first.
#include "frontend/program.h"


#include <fmt/format.h>
#include <map>
#include <system_error>

#include "frontend/cairn_text.h"
#include "frontend/parse.h"
#include "frontend/parse_cache.h"
#include "frontend/stdlib_image.h"

namespace cairn {

namespace fs = std::filesystem;

std::string defaultImportAlias(llvm::StringRef importPath) {
  llvm::SmallVector<llvm::StringRef, 8> parts;
  importPath.split(parts, '/', -1, false);
  for (size_t i = parts.size(); i-- > 0;) {
    llvm::StringRef part = parts[i];
    if (part.endswith(".cairn"))
      part = part.drop_back(6);
    bool isVersion = part.size() >= 2 && part[0] == 'v' && std::isdigit(static_cast<unsigned char>(part[1]));
    if (part.empty() || part == "." || part == ".." || (isVersion && i > 0))
      continue;
    std::string alias;
    for (char c : part)
      alias += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
    // A keyword cannot be used as a name (`k8s/policy/v1` would be `policy`).
    if (std::isdigit(static_cast<unsigned char>(alias[0])) || isCairnKeyword(alias))
      return {};
    return alias;
  }
  return {};
}

namespace {

bool isInside(const fs::path &path, const fs::path &root) {
  auto [rootEnd, pathIt] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return rootEnd == root.end();
}

class Loader {
public:
  Loader(Program &program, const LoadOptions &options, DiagnosticSink &diags)
      : program_(program), options_(options), diags_(diags) {}

  void loadEntries(const std::vector<EntryInput> &entries);

private:
  uint32_t loadFile(const fs::path &canonical, std::string display, std::string text, bool isStdlib);
  std::optional<ast::Module> precompiled(const fs::path &canonical, FileId file, llvm::StringRef text);
  StdlibImages &images();
  bool readSource(const fs::path &path, std::string &text, std::string &error) const;
  bool hasOverlay(const fs::path &canonical) const;
  bool isAllowedImport(const fs::path &canonical);
  void resolveImports(uint32_t module);
  uint32_t resolveImport(uint32_t importer, const ast::ImportDecl &decl);
  void reportMissingStdlibModule(const ast::ImportDecl &decl, llvm::StringRef path);
  fs::path findRoot(const fs::path &firstEntryDir) const;
  std::string displayPath(const fs::path &canonical) const;
  void visit(uint32_t module);

  Program &program_;
  const LoadOptions &options_;
  DiagnosticSink &diags_;
  fs::path root_;
  std::map<std::string, uint32_t> byPath_;
  std::vector<uint8_t> state_; // 0 new, 1 on the stack, 2 done
  std::vector<uint32_t> stack_;
  std::vector<fs::path> canonicalStdlibDirs_; // computed when the first file is loaded
  std::vector<fs::path> canonicalAllowedDirs_; // computed at the first import that leaves the root
  std::unique_ptr<StdlibImages> ownImages_;   // when the options bring none
};

// Every module of the standard-library directories ("k8s/apps/v1"), for
// suggestions when an import names none of them.
std::vector<std::string> stdlibModules(const std::vector<fs::path> &dirs) {
  std::vector<std::string> modules;
  for (const fs::path &dir : dirs) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".cairn")
        modules.push_back(it->path().lexically_relative(dir).replace_extension().generic_string());
  }
  return modules;
}

void Loader::reportMissingStdlibModule(const ast::ImportDecl &decl, llvm::StringRef path) {
  Diagnostic &d = diags_.report(DiagKind::ModuleNotFound, decl.pathSpan, path.str());
  std::vector<std::string> modules = stdlibModules(options_.stdlibDirs);
  if (modules.empty()) {
    d.note("no standard library was found next to the cairn binary (share/cairn/stdlib or stdlib/); "
           "reinstall cairn, or import a project file with a relative path: `./" + path.str() + ".cairn`");
    return;
  }
  std::vector<llvm::StringRef> names(modules.begin(), modules.end());
  std::string best = closestMatch(path, names);
  if (!best.empty())
    d.withHint(fmt::format("did you mean `{}`?", best));
  else
    d.withHint("a project file is imported with a relative path: `./" + path.str() + ".cairn`");
}

fs::path Loader::findRoot(const fs::path &firstEntryDir) const {
  if (!options_.projectRoot.empty()) {
    std::error_code ec;
    fs::path root = fs::weakly_canonical(options_.workingDir / options_.projectRoot, ec);
    return ec ? options_.projectRoot : root;
  }
  for (fs::path dir = firstEntryDir; !dir.empty(); dir = dir.parent_path()) {
    std::error_code ec;
    if (fs::exists(dir / "cairn.yaml", ec))
      return dir;
    if (dir == dir.parent_path())
      break;
  }
  return firstEntryDir;
}

std::string Loader::displayPath(const fs::path &canonical) const {
  std::error_code ec;
  fs::path base = fs::weakly_canonical(options_.workingDir, ec);
  if (!ec && isInside(canonical, base))
    return canonical.lexically_relative(base).generic_string();
  return canonical.generic_string();
}

// Inside the project root, or inside a directory `--allow-import-dir` names.
// `canonical` has its links resolved, so a link cannot lead outside.
bool Loader::isAllowedImport(const fs::path &canonical) {
  if (isInside(canonical, root_))
    return true;
  if (canonicalAllowedDirs_.size() != options_.allowedImportDirs.size()) {
    canonicalAllowedDirs_.clear();
    for (const fs::path &dir : options_.allowedImportDirs) {
      std::error_code ec;
      fs::path resolved = fs::weakly_canonical(options_.workingDir / dir, ec);
      canonicalAllowedDirs_.push_back(ec ? fs::path() : resolved);
    }
  }
  for (const fs::path &dir : canonicalAllowedDirs_)
    if (!dir.empty() && isInside(canonical, dir))
      return true;
  return false;
}

bool Loader::hasOverlay(const fs::path &canonical) const {
  return options_.overlay && options_.overlay(canonical.generic_string()).has_value();
}

// An editor buffer wins over the file on disk.
bool Loader::readSource(const fs::path &path, std::string &text, std::string &error) const {
  if (options_.overlay) {
    std::error_code ec;
    if (std::optional<std::string> buffer = options_.overlay(fs::weakly_canonical(path, ec).generic_string())) {
      text = std::move(*buffer);
      return true;
    }
  }
  return readInputFile(path, options_.maxSourceBytes, text, error);
}

StdlibImages &Loader::images() {
  if (options_.stdlibImages)
    return *options_.stdlibImages;
  if (options_.parseCache)
    return options_.parseCache->stdlibImages();
  if (!ownImages_)
    ownImages_ = std::make_unique<StdlibImages>();
  return *ownImages_;
}

// The module of a file inside a standard-library directory, from that
// directory's image, if the image holds exactly this text.
std::optional<ast::Module> Loader::precompiled(const fs::path &canonical, FileId file, llvm::StringRef text) {
  if (canonical.empty() || options_.stdlibDirs.empty())
    return std::nullopt;
  if (canonicalStdlibDirs_.empty())
    for (const fs::path &dir : options_.stdlibDirs) {
      std::error_code ec;
      fs::path canonicalDir = fs::weakly_canonical(options_.workingDir / dir, ec);
      canonicalStdlibDirs_.push_back(ec ? fs::path() : canonicalDir);
    }
  for (size_t i = 0; i < canonicalStdlibDirs_.size(); ++i) {
    if (canonicalStdlibDirs_[i].empty() || !isInside(canonical, canonicalStdlibDirs_[i]))
      continue;
    const StdlibImage *image = images().forDirectory(options_.stdlibDirs[i]);
    if (image == nullptr)
      return std::nullopt;
    return image->load(canonical.lexically_relative(canonicalStdlibDirs_[i]).generic_string(), text, file);
  }
  return std::nullopt;
}

uint32_t Loader::loadFile(const fs::path &canonical, std::string display, std::string text, bool isStdlib) {
  FileId file;
  std::optional<ast::Module> ast;
  if (options_.parseCache) {
    // Files without a path (standard input, lint's synthetic module) are
    // cached under their display name, so they get a stable id too.
    std::string key = canonical.empty() ? display : canonical.generic_string();
    const ParseCache::Entry entry = options_.parseCache->get(
        key, display, std::move(text),
        [&](FileId id, llvm::StringRef source) { return precompiled(canonical, id, source); });
    file = entry.file;
    program_.sources.adopt(file, entry.source);
    ast.emplace(entry.ast);
    for (const Diagnostic &d : entry.diagnostics)
      diags_.add(d);
  } else {
    file = program_.sources.add(display, std::move(text));
    ast = precompiled(canonical, file, program_.sources.file(file).text());
    if (!ast)
      ast.emplace(parseModule(program_.sources, file, diags_));
  }
  uint32_t index = static_cast<uint32_t>(program_.modules.size());
  program_.modules.push_back({file, std::move(display), canonical.generic_string(), isStdlib,
                              std::move(*ast), {}});
  if (!canonical.empty())
    byPath_[canonical.generic_string()] = index;
  state_.push_back(0);
  resolveImports(index);
  return index;
}

void Loader::loadEntries(const std::vector<EntryInput> &entries) {
  std::error_code ec;
  for (const EntryInput &entry : entries) {
    if (entry.path == "-") {
      if (root_.empty())
        root_ = findRoot(fs::weakly_canonical(options_.workingDir, ec));
      uint32_t index = loadFile({}, entry.displayName.empty() ? "<stdin>" : entry.displayName, entry.text, false);
      program_.entries.push_back(index);
      continue;
    }
    fs::path path = fs::path(entry.path).is_absolute() ? fs::path(entry.path) : options_.workingDir / entry.path;
    std::string text, error;
    if (!readSource(path, text, error)) {
      diags_.report(DiagKind::CannotReadInput, Span{}, entry.path, error);
      continue;
    }
    fs::path canonical = fs::weakly_canonical(path, ec);
    if (root_.empty())
      root_ = findRoot(canonical.parent_path());
    auto known = byPath_.find(canonical.generic_string());
    uint32_t index = known != byPath_.end() ? known->second
                                            : loadFile(canonical, displayPath(canonical), std::move(text), false);
    if (std::find(program_.entries.begin(), program_.entries.end(), index) == program_.entries.end())
      program_.entries.push_back(index);
  }
  for (uint32_t entry : program_.entries)
    visit(entry);
}

void Loader::resolveImports(uint32_t module) {
  std::map<std::string, Span> aliases;
  // Copy the decl ids: loading an import appends to program_.modules.
  std::vector<ast::DeclId> decls = program_.modules[module].ast.decls();
  for (ast::DeclId id : decls) {
    const ast::Decl &decl = program_.modules[module].ast.decl(id);
    const auto *import = decl.as<ast::ImportDecl>();
    if (import == nullptr || import->path.empty())
      continue;
    std::string alias = import->alias.valid() ? import->alias.text.str() : defaultImportAlias(import->path);
    if (alias.empty()) {
      diags_.report(DiagKind::InvalidImportAlias, import->pathSpan, import->path.str());
      continue;
    }
    Span aliasSpan = import->alias.valid() ? import->alias.span : import->pathSpan;
    auto [it, inserted] = aliases.emplace(alias, aliasSpan);
    if (!inserted) {
      diags_.report(DiagKind::DuplicateImport, aliasSpan, alias)
          .label(it->second, "first imported here")
          .withHint("give one of them another name with `as NAME`");
      continue;
    }
    uint32_t target = resolveImport(module, *import);
    ProgramModule &importer = program_.modules[module];
    importer.imports.push_back({id, program_.save(alias), target, false});
  }
}

uint32_t Loader::resolveImport(uint32_t importer, const ast::ImportDecl &decl) {
  llvm::StringRef path = decl.path;
  std::error_code ec;
  bool relative = path.startswith("./") || path.startswith("../");
  bool absolute = fs::path(path.str()).is_absolute();
  if (absolute && options_.allowedImportDirs.empty()) {
    diags_.report(DiagKind::ImportEscapesRoot, decl.pathSpan, path.str())
        .note("absolute import paths are refused unless `--allow-import-dir DIR` allows a directory")
        .withHint("import project files with a relative path such as `./lib/util.cairn`");
    return kNoModule;
  }
  if (!relative && !absolute) {
    for (const fs::path &dir : options_.stdlibDirs) {
      fs::path candidate = dir / (path.str() + ".cairn");
      if (fs::is_regular_file(candidate, ec)) {
        fs::path canonical = fs::weakly_canonical(candidate, ec);
        auto known = byPath_.find(canonical.generic_string());
        if (known != byPath_.end())
          return known->second;
        std::string text, error;
        if (!readInputFile(candidate, UINT64_MAX, text, error)) {
          diags_.report(DiagKind::CannotReadInput, decl.pathSpan, path.str(), error);
          return kNoModule;
        }
        return loadFile(canonical, "<stdlib>/" + path.str() + ".cairn", std::move(text), true);
      }
    }
    reportMissingStdlibModule(decl, path);
    return kNoModule;
  }
  const ProgramModule &from = program_.modules[importer];
  fs::path baseDir = from.canonicalPath.empty() ? fs::weakly_canonical(options_.workingDir, ec)
                                                : fs::path(from.canonicalPath).parent_path();
  fs::path candidate = (absolute ? fs::path(path.str()) : baseDir / path.str()).lexically_normal();
  if (!fs::exists(candidate, ec) && !hasOverlay(candidate) && candidate.extension() != ".cairn")
    candidate += ".cairn";
  fs::path canonical = fs::weakly_canonical(candidate, ec);
  if (!isAllowedImport(canonical)) {
    diags_.report(DiagKind::ImportEscapesRoot, decl.pathSpan, path.str())
        .note("the project root is the directory of the entry file, or the nearest one above it "
              "holding a `cairn.yaml`; `--root DIR` sets it, `--allow-import-dir DIR` allows another "
              "directory; links are followed before the check");
    return kNoModule;
  }
  if (!fs::is_regular_file(canonical, ec) && !hasOverlay(canonical)) {
    diags_.report(DiagKind::ModuleNotFound, decl.pathSpan, path.str());
    return kNoModule;
  }
  auto known = byPath_.find(canonical.generic_string());
  if (known != byPath_.end())
    return known->second;
  std::string text, error;
  if (!readSource(canonical, text, error)) {
    diags_.report(DiagKind::CannotReadInput, decl.pathSpan, path.str(), error);
    return kNoModule;
  }
  return loadFile(canonical, displayPath(canonical), std::move(text), false);
}

// Depth-first: a module goes into `order` after everything it imports; an
// import that closes a cycle is reported and cut, so `order` is always valid.
void Loader::visit(uint32_t module) {
  if (state_[module] != 0)
    return;
  state_[module] = 1;
  stack_.push_back(module);
  for (ModuleImport &import : program_.modules[module].imports) {
    if (import.module == kNoModule)
      continue;
    if (state_[import.module] == 1) {
      std::string chain;
      auto start = std::find(stack_.begin(), stack_.end(), import.module);
      for (auto it = start; it != stack_.end(); ++it)
        chain += program_.modules[*it].displayPath + " -> ";
      chain += program_.modules[import.module].displayPath;
      const auto *decl = program_.modules[module].ast.decl(import.decl).as<ast::ImportDecl>();
      diags_.report(DiagKind::ImportCycle, decl->pathSpan, chain)
          .withHint("move what both modules need into a third module that neither imports");
      import.module = kNoModule;
      continue;
    }
    visit(import.module);
  }
  stack_.pop_back();
  state_[module] = 2;
  program_.order.push_back(module);
}

} // namespace

Program loadProgram(const std::vector<EntryInput> &entries, const LoadOptions &options,
                    DiagnosticSink &diags, SourceManager sources) {
  Program program;
  program.sources = std::move(sources);
  Loader loader(program, options, diags);
  loader.loadEntries(entries);
  return program;
}

uint32_t addExpressionModule(Program &program, uint32_t scopeModule, std::string exprText,
                             DiagnosticSink &diags) {
  FileId file = program.sources.add("<expr>", std::move(exprText));
  ast::Module ast = parseExpressionModule(program.sources, file, kExpressionLetName, diags);
  uint32_t index = static_cast<uint32_t>(program.modules.size());
  ProgramModule module{file, "<expr>", {}, false, std::move(ast), {}};
  if (scopeModule != kNoModule)
    module.imports.push_back({ast::DeclId{}, program.save(""), scopeModule, true});
  program.modules.push_back(std::move(module));
  program.order.push_back(index);
  return index;
}

} // namespace cairn
