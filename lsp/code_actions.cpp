#include "lsp/code_actions.h"

#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>

#include "lsp/code_actions_fields.h"
#include "lsp/semantic_tokens_ast.h"

namespace cairn::lsp {
namespace {

constexpr llvm::StringLiteral kLintSource = "cairn lint";
constexpr llvm::StringLiteral kDirective = "// cairn:ignore";

bool isMissingField(const ClientDiagnostic &d) { return d.code == diagInfo(DiagKind::MissingField).code; }

// The snapshot's fixes for a diagnostic the client sent without `data`.
std::vector<Fix> snapshotFixes(const Snapshot &snapshot, uint32_t module, const ClientDiagnostic &d) {
  FileId file = snapshot.program.modules[module].file;
  for (const Diagnostic &diag : snapshot.diagnostics)
    if (diag.span.file == file && diag.span.begin == d.span.begin && diag.span.end == d.span.end &&
        d.code == diag.code() && !diag.fixes.empty())
      return diag.fixes;
  return {};
}

void compilerFixes(const Snapshot &snapshot, uint32_t module, const std::vector<ClientDiagnostic> &diags,
                   std::vector<CodeAction> &out) {
  FileId file = snapshot.program.modules[module].file;
  for (size_t i = 0; i < diags.size(); ++i) {
    const ClientDiagnostic &d = diags[i];
    if (d.source == kLintSource || isMissingField(d)) // E0402 gets one action for all fields
      continue;
    std::vector<Fix> fixes = d.fixes ? *d.fixes : snapshotFixes(snapshot, module, d);
    for (const Fix &fix : fixes) {
      bool sameFile = !fix.edits.empty();
      for (const TextEdit &edit : fix.edits)
        sameFile = sameFile && (!edit.span.valid() || edit.span.file == file);
      if (!sameFile)
        continue;
      CodeAction action{fix.message, ActionKind::QuickFix, {i}, fix.edits, fixes.size() == 1};
      for (TextEdit &edit : action.edits)
        edit.span.file = file;
      out.push_back(std::move(action));
    }
  }
}

void missingFields(const Snapshot &snapshot, uint32_t module, Span range,
                   const std::vector<ClientDiagnostic> &diags, std::vector<CodeAction> &out) {
  const ast::Module &ast = snapshot.ast(module);
  std::vector<std::pair<ast::ExprId, CodeAction>> byObject;
  for (size_t i = 0; i < diags.size(); ++i) {
    if (!isMissingField(diags[i]))
      continue;
    std::optional<ast::ExprId> object = objectOfMissingField(ast, diags[i].span);
    if (!object)
      continue;
    auto it = std::find_if(byObject.begin(), byObject.end(), [&](const auto &p) { return p.first == *object; });
    if (it != byObject.end()) {
      it->second.diagnostics.push_back(i);
      continue;
    }
    if (std::optional<TextEdit> edit = addMissingFields(snapshot, module, *object))
      byObject.push_back({*object, CodeAction{"Add missing required fields", ActionKind::QuickFix, {i}, {*edit}, true}});
  }
  // Without a diagnostic: offered on the type name of a typed literal.
  if (std::optional<ast::ExprId> object = typedObjectAt(ast, range)) {
    bool offered = std::any_of(byObject.begin(), byObject.end(), [&](const auto &p) { return p.first == *object; });
    if (!offered)
      if (std::optional<TextEdit> edit = addMissingFields(snapshot, module, *object))
        out.push_back({"Add missing required fields", ActionKind::RefactorRewrite, {}, {*edit}, false});
  }
  for (auto &entry : byObject)
    out.push_back(std::move(entry.second));
}

// `// cairn:ignore CHECK -- reason` on its own line above the finding, or the
// check added to a directive already there.
std::optional<TextEdit> suppression(llvm::StringRef text, FileId file, uint32_t offset, llvm::StringRef check) {
  if (offset > text.size())
    return std::nullopt;
  uint32_t lineStart = lineStartOf(text, offset);
  llvm::StringRef indent = text.substr(lineStart).take_while([](char c) { return c == ' ' || c == '\t'; });
  if (lineStart > 0) {
    uint32_t prevEnd = lineStart - 1;
    if (prevEnd > 0 && text[prevEnd] == '\n' && text[prevEnd - 1] == '\r')
      --prevEnd;
    uint32_t prevStart = lineStartOf(text, prevEnd);
    llvm::StringRef previous = text.slice(prevStart, prevEnd);
    llvm::StringRef trimmed = previous.ltrim(" \t");
    if (trimmed.startswith(kDirective) && !trimmed.startswith("///")) {
      llvm::StringRef body = trimmed.drop_front(kDirective.size());
      size_t reason = body.find(" --");
      llvm::StringRef checks = body.substr(0, reason);
      llvm::SmallVector<llvm::StringRef, 4> names;
      llvm::SplitString(checks, names, ", \t");
      if (llvm::is_contained(names, check) || llvm::is_contained(names, "*"))
        return std::nullopt;
      uint32_t at = prevStart + static_cast<uint32_t>(previous.size() - trimmed.size() + kDirective.size() +
                                                      checks.rtrim().size());
      return TextEdit{{file, at, at}, (names.empty() ? " " : ",") + check.str()};
    }
  }
  std::string newline = text.find("\r\n") != llvm::StringRef::npos ? "\r\n" : "\n";
  return TextEdit{{file, lineStart, lineStart},
                  fmt::format("{}{} {} -- reason for the exception{}", indent, kDirective, check, newline)};
}

// A comment line cannot go inside a multi-line string.
bool insideMultiLineString(const ast::Module &ast, uint32_t offset) {
  for (uint32_t i = 0; i < ast.exprCount(); ++i) {
    const ast::Expr &e = ast.expr(ast::ExprId{i});
    if (auto *s = e.as<ast::StringLit>(); s && s->multiline && e.span.begin < offset && offset < e.span.end)
      return true;
  }
  return false;
}

void suppressions(const Snapshot &snapshot, uint32_t module, const std::vector<ClientDiagnostic> &diags,
                  std::vector<CodeAction> &out) {
  FileId file = snapshot.program.modules[module].file;
  for (size_t i = 0; i < diags.size(); ++i) {
    const ClientDiagnostic &d = diags[i];
    if (d.source != kLintSource || d.code.empty() || !d.span.valid() ||
        insideMultiLineString(snapshot.ast(module), lineStartOf(snapshot.text(module), d.span.begin)))
      continue;
    if (std::optional<TextEdit> edit = suppression(snapshot.text(module), file, d.span.begin, d.code))
      out.push_back({fmt::format("Suppress `{}` here (// cairn:ignore)", d.code), ActionKind::QuickFix, {i}, {*edit}, false});
  }
}

} // namespace

const char *actionKindName(ActionKind kind) {
  return kind == ActionKind::QuickFix ? "quickfix" : "refactor.rewrite";
}

std::vector<CodeAction> codeActions(const Snapshot &snapshot, uint32_t module, Span range,
                                    const std::vector<ClientDiagnostic> &diagnostics) {
  std::vector<CodeAction> out;
  if (module >= snapshot.program.modules.size() || module >= snapshot.checked.modules.size())
    return out;
  compilerFixes(snapshot, module, diagnostics, out);
  missingFields(snapshot, module, range, diagnostics, out);
  suppressions(snapshot, module, diagnostics, out);
  return out;
}

} // namespace cairn::lsp
