#include "lsp/folding.h"

#include <algorithm>

#include "lsp/positions.h"
#include "lsp/semantic_tokens_ast.h"
#include "lsp/semantic_tokens_scan.h"

namespace cairn::lsp {
namespace {

class Folder {
public:
  Folder(const Snapshot &snapshot, uint32_t module)
      : ast_(snapshot.ast(module)), text_(snapshot.text(module)), lines_(text_) {}

  std::vector<FoldingRange> run() {
    declarations();
    for (uint32_t i = 0; i < ast_.exprCount(); ++i)
      expression(ast_.expr(ast::ExprId{i}));
    comments();
    return finish();
  }

private:
  uint32_t lineOf(uint32_t offset) const { return lines_.positionOf(offset).line; }

  // A bracketed region [open, close]: folds the lines after the opening one,
  // keeping the closing bracket's line visible.
  void bracketed(uint32_t open, uint32_t close, FoldingKind kind = FoldingKind::Region) {
    if (close <= open || close > text_.size())
      return;
    uint32_t first = lineOf(open), last = lineOf(close);
    if (last > first + 1 || (last == first + 1 && !closesLine(close)))
      add(first, closesLine(close) ? last - 1 : last, kind);
  }
  // Whether only white space and closing brackets precede `offset` on its
  // line (`}` or `}]` on a line of its own).
  bool closesLine(uint32_t offset, llvm::StringRef allowed = " \t}])") const {
    uint32_t start = lineStartOf(text_, offset);
    return text_.slice(start, offset).find_first_not_of(allowed) == llvm::StringRef::npos;
  }
  void add(uint32_t start, uint32_t end, FoldingKind kind) {
    if (end > start)
      out_.push_back({start, end, kind});
  }
  // A span from its first to its last character (`{ ... }`, `[ ... ]`).
  void spanned(Span span) {
    if (span.valid() && span.end > span.begin)
      bracketed(span.begin, span.end - 1);
  }

  void declarations() {
    bool inImports = false;
    uint32_t importStart = 0, importEnd = 0;
    for (ast::DeclId id : ast_.decls()) {
      if (id.index >= ast_.declCount())
        continue;
      const ast::Decl &d = ast_.decl(id);
      if (d.as<ast::ImportDecl>()) {
        uint32_t line = lineOf(d.span.begin);
        if (!inImports || line > importEnd + 1) {
          if (inImports)
            add(importStart, importEnd, FoldingKind::Imports);
          importStart = line;
        }
        importEnd = lineOf(d.span.end);
        inImports = true;
        continue;
      }
      if (d.as<ast::SchemaDecl>() || d.as<ast::PolicyDecl>()) {
        size_t open = text_.find('{', d.span.begin);
        if (open != llvm::StringRef::npos && open < d.span.end && d.span.end > 0)
          bracketed(static_cast<uint32_t>(open), d.span.end - 1);
      } else if (auto *fn = d.as<ast::FnDecl>()) {
        // The body of `fn f(...) =` starting on a later line folds as a whole.
        if (validExpr(ast_, fn->body) && fn->name.valid() && ast_.expr(fn->body).span.end > 0) {
          uint32_t last = ast_.expr(fn->body).span.end - 1;
          add(lineOf(fn->name.span.begin), lineOf(last) - (closesLine(last) ? 1 : 0), FoldingKind::Region);
        }
      }
    }
    if (inImports)
      add(importStart, importEnd, FoldingKind::Imports);
  }

  void expression(const ast::Expr &e) {
    if (auto *object = e.as<ast::ObjectLit>())
      spanned(object->bodySpan);
    else if (e.is<ast::ListLit>() || e.is<ast::ListComp>() || e.is<ast::MapComp>())
      spanned(e.span);
    else if (auto *s = e.as<ast::StringLit>(); s && s->multiline && e.span.end >= e.span.begin + 6 &&
                                               text_.slice(e.span.end - 3, e.span.end) == "\"\"\"")
      bracketed(e.span.begin, e.span.end - 3); // keeps the closing `"""` visible
    else if (auto *call = e.as<ast::CallExpr>(); call && !call->args.empty())
      arguments(e, *call);
  }

  // `f(\n a,\n b\n)`: from the opening parenthesis to the closing one.
  void arguments(const ast::Expr &e, const ast::CallExpr &call) {
    uint32_t from = validExpr(ast_, call.callee) ? ast_.expr(call.callee).span.end : e.span.begin;
    size_t open = text_.find('(', from);
    if (open != llvm::StringRef::npos && open < e.span.end && e.span.end > 0)
      bracketed(static_cast<uint32_t>(open), e.span.end - 1);
  }

  // Runs of line comments on consecutive lines, and multi-line block comments.
  void comments() {
    bool inRun = false;
    uint32_t runStart = 0, runEnd = 0;
    for (const LexToken &token : scanTokens(text_)) {
      if (token.kind != LexKind::Comment && token.kind != LexKind::DocComment)
        continue;
      uint32_t first = lineOf(token.begin), last = lineOf(token.end);
      bool lineComment = text_.substr(token.begin, 2) == "//";
      if (!lineComment) {
        add(first, last, FoldingKind::Comment);
        continue;
      }
      if (!closesLine(token.begin, " \t")) // a comment after code does not start a block
        continue;
      if (inRun && first == runEnd + 1) {
        runEnd = first;
        continue;
      }
      if (inRun)
        add(runStart, runEnd, FoldingKind::Comment);
      inRun = true;
      runStart = runEnd = first;
    }
    if (inRun)
      add(runStart, runEnd, FoldingKind::Comment);
  }

  std::vector<FoldingRange> finish() {
    std::sort(out_.begin(), out_.end(), [](const FoldingRange &a, const FoldingRange &b) {
      return a.startLine != b.startLine ? a.startLine < b.startLine : a.endLine > b.endLine;
    });
    std::vector<FoldingRange> unique;
    for (const FoldingRange &r : out_)
      if (unique.empty() || unique.back().startLine != r.startLine)
        unique.push_back(r);
    return unique;
  }

  const ast::Module &ast_;
  llvm::StringRef text_;
  LineIndex lines_;
  std::vector<FoldingRange> out_;
};

} // namespace

std::vector<FoldingRange> foldingRanges(const Snapshot &snapshot, uint32_t module) {
  if (module >= snapshot.program.modules.size())
    return {};
  return Folder(snapshot, module).run();
}

const char *foldingKindName(FoldingKind kind) {
  switch (kind) {
  case FoldingKind::Imports: return "imports";
  case FoldingKind::Comment: return "comment";
  case FoldingKind::Region: return "region";
  }
  return "region";
}

} // namespace cairn::lsp
