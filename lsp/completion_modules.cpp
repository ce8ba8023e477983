// Module paths inside `import "..."`.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "lsp/completion.h"

namespace cairn::lsp {

namespace fs = std::filesystem;

// `root` such that `root/<importPath>.cairn` is the module's file.
static std::string rootFromImport(llvm::StringRef canonical, llvm::StringRef importPath) {
  std::string suffix = "/" + importPath.str() + ".cairn";
  if (!llvm::StringRef(canonical).endswith(suffix))
    return {};
  return canonical.drop_back(suffix.size()).str();
}

static std::string stdlibRootFromImports(const Snapshot &s, uint32_t module) {
  for (const ModuleImport &import : s.program.modules[module].imports) {
    if (import.module == kNoModule || !s.program.modules[import.module].isStdlib)
      continue;
    const ast::Decl &decl = s.ast(module).decl(import.decl);
    if (auto *i = decl.as<ast::ImportDecl>()) {
      std::string root = rootFromImport(s.program.modules[import.module].canonicalPath, i->path);
      if (!root.empty())
        return root;
    }
  }
  return {};
}

std::string stdlibRootOf(const Snapshot &s, uint32_t module) {
  // The directories the analysis searched, when they exist.
  for (const fs::path &dir : s.stdlibDirs) {
    std::error_code ec;
    if (fs::is_directory(dir, ec))
      return dir.generic_string();
  }
  if (module < s.program.modules.size())
    if (std::string root = stdlibRootFromImports(s, module); !root.empty())
      return root;
  // Any module that imports the standard library tells where it is.
  for (uint32_t m = 0; m < s.program.modules.size(); ++m)
    if (std::string root = stdlibRootFromImports(s, m); !root.empty())
      return root;
  return {};
}

static void addStdlibModules(const std::string &root, uint32_t begin, uint32_t end,
                             std::vector<CompletionItem> &items) {
  std::error_code ec;
  std::vector<std::string> paths;
  for (fs::recursive_directory_iterator it(root, ec), last; !ec && it != last; it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".cairn")
      continue;
    fs::path relative = it->path().lexically_relative(root);
    relative.replace_extension();
    paths.push_back(relative.generic_string());
  }
  std::sort(paths.begin(), paths.end());
  for (const std::string &path : paths) {
    CompletionItem item;
    item.label = path;
    item.kind = CompletionKind::Module;
    item.detail = "standard library";
    item.sortText = "1" + path;
    item.insertText = path;
    item.replaceBegin = begin;
    item.replaceEnd = end;
    items.push_back(std::move(item));
  }
}

// Files and directories next to the importing module, under the directory
// part of what was typed ("./", "../lib/").
static void addRelativeModules(const Snapshot &s, uint32_t module, llvm::StringRef typed, uint32_t begin,
                               uint32_t end, std::vector<CompletionItem> &items) {
  const std::string &self = s.program.modules[module].canonicalPath;
  if (self.empty())
    return;
  llvm::StringRef dirPart = typed.empty() ? llvm::StringRef("./") : typed.substr(0, typed.rfind('/') + 1);
  if (!dirPart.startswith("./") && !dirPart.startswith("../"))
    return;
  fs::path dir = fs::path(self).parent_path() / dirPart.str();
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), last; !ec && it != last; it.increment(ec)) {
    std::string name = it->path().filename().string();
    bool isDir = it->is_directory(ec);
    if (name.empty() || name[0] == '.' || (!isDir && it->path().extension() != ".cairn"))
      continue;
    if (!isDir && fs::weakly_canonical(it->path(), ec).string() == self)
      continue;
    CompletionItem item;
    item.label = dirPart.str() + (isDir ? name + "/" : it->path().stem().string());
    item.kind = isDir ? CompletionKind::Folder : CompletionKind::File;
    item.detail = isDir ? "directory" : "module";
    item.sortText = "0" + item.label;
    item.insertText = item.label;
    item.replaceBegin = begin;
    item.replaceEnd = end;
    items.push_back(std::move(item));
  }
}

std::vector<CompletionItem> importPathItems(const Snapshot &s, uint32_t module, llvm::StringRef typed) {
  std::vector<CompletionItem> items;
  if (module >= s.program.modules.size())
    return items;
  // The replaced text is what was typed inside the quotes; the caller sets the offsets.
  addRelativeModules(s, module, typed, 0, 0, items);
  if (!typed.startswith(".")) {
    std::string root = stdlibRootOf(s, module);
    if (!root.empty())
      addStdlibModules(root, 0, 0, items);
  }
  return items;
}

} // namespace cairn::lsp
