#include "lsp/inlay_hints.h"

#include <algorithm>

#include "lsp/semantic_tokens_ast.h"

namespace cairn::lsp {
namespace {

using types::TypeId;
using types::TypeKind;

constexpr size_t kMaxLabel = 48;

bool isLiteral(const ast::Module &module, ast::ExprId id) {
  if (!validExpr(module, id))
    return false;
  const ast::Expr &e = module.expr(id);
  if (auto *neg = e.as<ast::UnaryExpr>())
    return neg->op == ast::UnaryOp::Neg && isLiteral(module, neg->operand);
  if (auto *s = e.as<ast::StringLit>())
    return s->isConstant();
  return e.is<ast::NullLit>() || e.is<ast::BoolLit>() || e.is<ast::IntLit>() || e.is<ast::FloatLit>();
}

// A value whose type a reader sees at once: a literal, a string, `Schema { }`, `x with { }`.
bool typeIsObvious(const ast::Module &module, ast::ExprId id) {
  if (!validExpr(module, id))
    return true;
  const ast::Expr &e = module.expr(id);
  if (auto *object = e.as<ast::ObjectLit>())
    return object->typeRef.valid();
  return isLiteral(module, id) || e.is<ast::StringLit>() || e.is<ast::WithExpr>() || e.is<ast::ErrorExpr>();
}

class Hinter {
public:
  Hinter(const Snapshot &snapshot, uint32_t module, uint32_t begin, uint32_t end)
      : snap_(snapshot), ast_(snapshot.ast(module)), types_(snapshot.types(module)), text_(snapshot.text(module)),
        begin_(begin), end_(end) {}

  std::vector<InlayHint> run() {
    for (ast::DeclId id : ast_.decls())
      if (id.index < ast_.declCount())
        declaration(id, ast_.decl(id));
    for (uint32_t i = 0; i < ast_.exprCount(); ++i)
      if (ast_.expr(ast::ExprId{i}).span.end >= begin_ && ast_.expr(ast::ExprId{i}).span.begin <= end_)
        expression(ast::ExprId{i});
    std::stable_sort(out_.begin(), out_.end(),
                     [](const InlayHint &a, const InlayHint &b) { return a.offset < b.offset; });
    return std::move(out_);
  }

private:
  const types::TypeStore &store() const { return snap_.checked.types; }
  TypeId typeOf(ast::ExprId id) const {
    return id.valid() && id.index < types_.exprTypes.size() ? types_.exprTypes[id.index] : TypeId{};
  }
  bool useful(TypeId t) const { return t.valid() && t.index < store().size() && store().kind(t) != TypeKind::Error; }

  void typeHint(const ast::Name &after, TypeId type) {
    if (!after.valid() || !useful(type))
      return;
    std::string shown = snap_.checked.display(type);
    if (shown.size() > kMaxLabel)
      shown = shown.substr(0, kMaxLabel - 3) + "...";
    add({after.span.end, ": " + shown, InlayKind::Type});
  }
  void add(InlayHint hint) {
    if (hint.offset >= begin_ && hint.offset <= end_)
      out_.push_back(std::move(hint));
  }

  void declaration(ast::DeclId id, const ast::Decl &d) {
    if (auto *let = d.as<ast::LetDecl>()) {
      if (!let->type.valid() && !typeIsObvious(ast_, let->value))
        typeHint(let->name, id.index < types_.declTypes.size() ? types_.declTypes[id.index] : TypeId{});
    } else if (auto *fn = d.as<ast::FnDecl>(); fn && !fn->result.valid() && validExpr(ast_, fn->body)) {
      fnResult(id, *fn);
    }
  }

  // `fn f(x: int) = x * 2` shows `: int` after the `)`.
  void fnResult(ast::DeclId id, const ast::FnDecl &fn) {
    if (id.index >= types_.declTypes.size() || !useful(types_.declTypes[id.index]))
      return;
    const types::Type &t = store().get(store().strip(types_.declTypes[id.index]));
    if (t.kind != TypeKind::Function || !useful(t.result))
      return;
    llvm::StringRef before = text_.substr(0, ast_.expr(fn.body).span.begin).rtrim();
    if (!before.consume_back("="))
      return;
    before = before.rtrim();
    if (!before.endswith(")"))
      return;
    ast::Name at{")", Span{fn.name.span.file, static_cast<uint32_t>(before.size()), static_cast<uint32_t>(before.size())}};
    typeHint(at, t.result);
  }

  void expression(ast::ExprId id) {
    const ast::Expr &e = ast_.expr(id);
    if (auto *let = e.as<ast::LetExpr>()) {
      if (!let->type.valid() && !typeIsObvious(ast_, let->value))
        typeHint(let->name, typeOf(let->value));
    } else if (auto *lambda = e.as<ast::LambdaExpr>()) {
      TypeId t = typeOf(id);
      if (!useful(t) || store().kind(store().strip(t)) != TypeKind::Function)
        return;
      const types::Type &fn = store().get(store().strip(t));
      for (size_t i = 0; i < lambda->params.size() && i < fn.members.size(); ++i)
        if (!lambda->params[i].type.valid())
          typeHint(lambda->params[i].name, fn.members[i]);
    } else if (auto *list = e.as<ast::ListComp>()) {
      clauses(list->clauses);
    } else if (auto *map = e.as<ast::MapComp>()) {
      clauses(map->clauses);
    } else if (auto *call = e.as<ast::CallExpr>()) {
      parameterNames(*call);
    }
  }

  // `for x in xs`: the element; `for i, x in xs`: index and element; maps: key and value.
  void clauses(const std::vector<ast::CompClause> &cs) {
    for (const ast::CompClause &c : cs) {
      if (c.kind != ast::CompClause::For || !useful(typeOf(c.expr)))
        continue;
      const types::Type &t = store().get(store().strip(typeOf(c.expr)));
      if (t.kind != TypeKind::List && t.kind != TypeKind::Map)
        continue;
      TypeId key = t.kind == TypeKind::List ? store().integer() : store().string();
      if (c.second.valid()) {
        typeHint(c.first, key);
        typeHint(c.second, t.element);
      } else {
        typeHint(c.first, t.kind == TypeKind::List ? t.element : key);
      }
    }
  }

  void parameterNames(const ast::CallExpr &call) {
    if (call.args.size() < 2 || !validExpr(ast_, call.callee) || call.callee.index >= types_.bindings.size())
      return;
    const types::Binding &b = types_.bindings[call.callee.index];
    if (b.kind != types::BindingKind::Fn || b.module >= snap_.program.modules.size())
      return;
    const ast::Module &owner = snap_.ast(b.module);
    if (b.index >= owner.declCount())
      return;
    const auto *fn = owner.decl(ast::DeclId{b.index}).as<ast::FnDecl>();
    if (!fn)
      return;
    for (size_t i = 0; i < call.args.size() && i < fn->params.size(); ++i)
      if (isLiteral(ast_, call.args[i]) && fn->params[i].name.valid())
        add({ast_.expr(call.args[i]).span.begin, fn->params[i].name.text.str() + ":", InlayKind::Parameter,
             false, true});
  }

  const Snapshot &snap_;
  const ast::Module &ast_;
  const types::CheckedModule &types_;
  llvm::StringRef text_;
  uint32_t begin_, end_;
  std::vector<InlayHint> out_;
};

} // namespace

std::vector<InlayHint> inlayHints(const Snapshot &snapshot, uint32_t module, uint32_t rangeBegin,
                                  uint32_t rangeEnd) {
  if (module >= snapshot.program.modules.size() || module >= snapshot.checked.modules.size())
    return {};
  return Hinter(snapshot, module, rangeBegin, rangeEnd).run();
}

} // namespace cairn::lsp
