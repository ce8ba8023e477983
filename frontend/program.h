// The set of modules of one compilation: the entry files and everything they
// import, parsed once each, with imports resolved and cycles reported.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "frontend/ast.h"
#include "frontend/diagnostic.h"
#include "frontend/input_file.h"

namespace cairn {

inline constexpr uint32_t kNoModule = UINT32_MAX;

struct ModuleImport {
  ast::DeclId decl;          // the ImportDecl
  llvm::StringRef alias;     // explicit or derived name ("apps" for "k8s/apps/v1")
  uint32_t module = kNoModule; // index into Program::modules; kNoModule if it failed to load
  // Set only for the synthetic module of `cairn eval -e`: the imported
  // module's top-level names are in scope unqualified.
  bool openScope = false;
};

struct ProgramModule {
  FileId file;
  std::string displayPath;   // as shown in diagnostics: relative to the working dir, or "<stdin>"
  std::string canonicalPath; // absolute, symlinks resolved; empty for stdin and synthetic modules
  bool isStdlib = false;
  ast::Module ast;
  std::vector<ModuleImport> imports;
};

struct Program {
  SourceManager sources;
  std::vector<ProgramModule> modules;
  std::vector<uint32_t> entries; // the modules named on the command line, in order
  std::vector<uint32_t> order;   // every module after the modules it imports

  // Strings the program owns beyond its modules' (derived import aliases):
  // modules may be shared with other programs and are never written to.
  llvm::StringRef save(llvm::StringRef text) { return llvm::StringSaver(*strings_).save(text); }

private:
  std::unique_ptr<llvm::BumpPtrAllocator> strings_ = std::make_unique<llvm::BumpPtrAllocator>();
};

class ParseCache;
class StdlibImages;

struct EntryInput {
  std::string path;   // a file path, or "-" for standard input
  std::string text;   // the text for "-" (the caller reads stdin); ignored otherwise
  std::string displayName; // for "-": the name in messages ("<stdin>" when empty)
};

struct LoadOptions {
  // Relative paths and display names are resolved against this directory
  // (the process never changes its working directory).
  std::filesystem::path workingDir;
  // Relative imports must stay inside this directory. Empty: the nearest
  // ancestor of the first entry file holding a `cairn.yaml`, else that file's directory.
  std::filesystem::path projectRoot;
  // Directories searched for non-relative imports ("k8s/apps/v1" -> DIR/k8s/apps/v1.cairn).
  std::vector<std::filesystem::path> stdlibDirs;
  // Editor buffers (the language server's open documents): when this returns
  // text for a canonical path, that text is used instead of the file on disk,
  // which may be older or may not exist yet.
  std::function<std::optional<std::string>(const std::string &canonicalPath)> overlay;
  // Reuses modules parsed by earlier loads when their text is unchanged (the
  // language server). Every file of the load then goes through the cache.
  ParseCache *parseCache = nullptr;
  // The precompiled standard library (frontend/stdlib_image.h): a module of a
  // standard-library directory whose text matches its entry in that
  // directory's image is read from the image instead of parsed. Keep one
  // object for the process so each image is opened once. Null: the parse
  // cache's when there is one, else images opened for this load alone.
  StdlibImages *stdlibImages = nullptr;
  // Project files larger than this are refused with E0705 before they are
  // read whole (`--max-file-size`); standard-library files are trusted.
  uint64_t maxSourceBytes = kDefaultMaxSourceBytes;
  // Directories outside the project root that imports may also reach, by a
  // relative or an absolute path (`--allow-import-dir`). Empty: none, and an
  // absolute import path is always refused.
  std::vector<std::filesystem::path> allowedImportDirs;
};

// Loads the entries and their imports. Unreadable entry files are reported
// as E0705 and skipped; the returned program holds every module that loaded.
// `sources` may already hold files (the manifests `cairn lint` reads), whose
// ids stay valid in the program's SourceManager.
Program loadProgram(const std::vector<EntryInput> &entries, const LoadOptions &options,
                    DiagnosticSink &diags, SourceManager sources = {});

// The name an import gets without `as`: the last path component, without a
// `.cairn` extension, skipping a trailing version component ("k8s/apps/v1" -> "apps").
std::string defaultImportAlias(llvm::StringRef importPath);

} // namespace cairn

namespace cairn {

// For `cairn eval -e EXPR`: parses `exprText` as one expression in a new
// module whose scope is `scopeModule`'s top-level names (an open import).
// The module holds a single `let` named kExpressionLetName. Returns its index.
inline constexpr llvm::StringLiteral kExpressionLetName = "__expr__";
uint32_t addExpressionModule(Program &program, uint32_t scopeModule, std::string exprText,
                             DiagnosticSink &diags);

} // namespace cairn
