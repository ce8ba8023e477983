#include "lsp/semantic_tokens_classify.h"

#include <utility>

#include "lsp/semantic_tokens_ast.h"

namespace cairn::lsp {
namespace {

using types::Binding;
using types::BindingKind;

class Classifier {
public:
  Classifier(const Snapshot &snapshot, uint32_t module)
      : snap_(snapshot), module_(module), ast_(snapshot.ast(module)), types_(snapshot.types(module)) {}

  Classification run(uint32_t begin, uint32_t end) {
    for (ast::DeclId id : ast_.decls())
      if (id.index < ast_.declCount() && ast_.decl(id).span.end >= begin && ast_.decl(id).span.begin < end)
        decl(ast_.decl(id));
    return std::move(out_);
  }

private:
  void mark(const ast::Name &name, TokenType type, uint32_t modifiers = 0) {
    if (name.valid() && name.span.valid())
      out_.names[name.span.begin] = {type, modifiers};
  }
  void markAt(Span span, TokenType type, uint32_t modifiers = 0) {
    if (span.valid())
      out_.names[span.begin] = {type, modifiers};
  }
  bool stdlibModule(uint32_t module) const {
    return module < snap_.program.modules.size() && snap_.program.modules[module].isStdlib;
  }
  uint32_t stdlibBit(uint32_t module) const { return stdlibModule(module) ? static_cast<uint32_t>(kDefaultLibrary) : 0u; }

  std::optional<NameClass> ofBinding(const Binding &b) const {
    switch (b.kind) {
    case BindingKind::Let:
    case BindingKind::Param: return NameClass{TokenType::Variable, kReadonly | stdlibBit(b.module)};
    case BindingKind::Fn: return NameClass{TokenType::Function, stdlibBit(b.module)};
    case BindingKind::Builtin: return NameClass{TokenType::Function, kDefaultLibrary};
    case BindingKind::SchemaField: return NameClass{TokenType::Property, 0};
    case BindingKind::Schema: {
      uint32_t owner = b.index < snap_.checked.schemas.size() ? snap_.checked.schemas[b.index].module : types::kNone;
      return NameClass{TokenType::Class, stdlibBit(owner)};
    }
    case BindingKind::TypeAlias: return NameClass{TokenType::Type, stdlibBit(b.module)};
    case BindingKind::Import: return NameClass{TokenType::Namespace, stdlibBit(b.module)};
    case BindingKind::Local:
    case BindingKind::None: return std::nullopt;
    }
    return std::nullopt;
  }
  const Binding *bindingOf(ast::ExprId id) const {
    return id.index < types_.bindings.size() ? &types_.bindings[id.index] : nullptr;
  }

  void decl(const ast::Decl &d) {
    if (auto *i = d.as<ast::ImportDecl>()) {
      mark(i->alias, TokenType::Namespace, kDeclaration);
    } else if (auto *p = d.as<ast::ParamDecl>()) {
      markAt(p->secretMark, TokenType::Keyword); // `secret` is a keyword only here
      mark(p->name, TokenType::Variable, kDeclaration | kReadonly);
      type(p->type);
      expr(p->defaultValue);
    } else if (auto *l = d.as<ast::LetDecl>()) {
      mark(l->name, TokenType::Variable, kDeclaration | kReadonly);
      type(l->type);
      expr(l->value);
    } else if (auto *f = d.as<ast::FnDecl>()) {
      mark(f->name, TokenType::Function, kDeclaration);
      size_t depth = scope_.size();
      for (const ast::FnParam &param : f->params) {
        mark(param.name, TokenType::Parameter, kDeclaration);
        type(param.type);
        scope_.emplace_back(param.name.text, TokenType::Parameter);
      }
      type(f->result);
      expr(f->body);
      scope_.resize(depth);
    } else if (auto *a = d.as<ast::TypeAliasDecl>()) {
      mark(a->name, TokenType::Type, kDeclaration);
      type(a->type);
    } else if (auto *s = d.as<ast::SchemaDecl>()) {
      schema(*s);
    } else if (auto *e = d.as<ast::EmitDecl>()) {
      expr(e->value);
    } else if (auto *p = d.as<ast::PolicyDecl>()) {
      policy(d.span, *p);
    }
  }

  void schema(const ast::SchemaDecl &s) {
    mark(s.name, TokenType::Class, kDeclaration);
    mark(s.parentQualifier, TokenType::Namespace);
    mark(s.parent, TokenType::Class);
    for (const ast::SchemaField &field : s.fields) {
      mark(field.name, TokenType::Property, kDeclaration);
      type(field.type);
      expr(field.defaultValue);
    }
    for (const ast::SchemaCheck &check : s.checks) {
      expr(check.cond);
      expr(check.message);
    }
  }

  void policy(Span span, const ast::PolicyDecl &p) {
    out_.policies.push_back(span);
    type(p.target);
    for (const ast::PolicySetting &setting : p.settings) {
      mark(setting.name, TokenType::Property);
      expr(setting.value);
    }
    for (const ast::PolicyParam &param : p.params) {
      mark(param.name, TokenType::Variable, kDeclaration | kReadonly);
      type(param.type);
      expr(param.defaultValue);
    }
    for (const ast::PolicyCheck &check : p.checks) {
      expr(check.cond);
      expr(check.message);
      expr(check.at);
    }
  }

  void type(ast::TypeExprId id) {
    if (!validType(ast_, id))
      return;
    const ast::TypeExpr &t = ast_.type(id);
    if (auto *named = t.as<ast::NamedType>()) {
      mark(named->qualifier, TokenType::Namespace);
      mark(named->name, namedTypeClass(id).type, namedTypeClass(id).modifiers);
    } else if (auto *list = t.as<ast::ListType>()) {
      type(list->element);
    } else if (auto *map = t.as<ast::MapType>()) {
      type(map->key);
      type(map->value);
    } else if (auto *opt = t.as<ast::OptionalType>()) {
      type(opt->inner);
    } else if (auto *u = t.as<ast::UnionType>()) {
      for (ast::TypeExprId m : u->members)
        type(m);
    } else if (auto *lit = t.as<ast::LiteralType>()) {
      if (validExpr(ast_, lit->literal))
        markAt(ast_.expr(lit->literal).span, TokenType::EnumMember, kReadonly);
    } else if (auto *fn = t.as<ast::FnType>()) {
      for (ast::TypeExprId p : fn->params)
        type(p);
      type(fn->result);
    }
  }

  NameClass namedTypeClass(ast::TypeExprId id) const {
    if (id.index < types_.localTypes.size() && types_.localTypes[id.index].valid()) {
      types::TypeId resolved = types_.localTypes[id.index];
      const types::TypeStore &store = snap_.checked.types;
      const types::Type &t = store.get(store.strip(resolved));
      if (t.kind == types::TypeKind::Schema && t.schema < snap_.checked.schemas.size())
        return {TokenType::Class, stdlibBit(snap_.checked.schemas[t.schema].module)};
      if (store.get(resolved).aliasName.empty() && t.kind != types::TypeKind::Error)
        return {TokenType::Type, kDefaultLibrary}; // int, string, any...
    }
    return {TokenType::Type, 0};
  }

  void nameRef(ast::ExprId id, const ast::NameRef &ref) {
    const Binding *b = bindingOf(id);
    if (b && b->kind == BindingKind::Local) {
      for (auto it = scope_.rbegin(); it != scope_.rend(); ++it)
        if (it->first == ref.name.text) {
          mark(ref.name, it->second, it->second == TokenType::Variable ? static_cast<uint32_t>(kReadonly) : 0u);
          return;
        }
      mark(ref.name, TokenType::Variable, kReadonly);
    } else if (b) {
      if (auto c = ofBinding(*b))
        mark(ref.name, c->type, c->modifiers);
    }
  }

  void comprehension(const std::vector<ast::CompClause> &clauses, std::initializer_list<ast::ExprId> bodies) {
    size_t depth = scope_.size();
    for (const ast::CompClause &c : clauses) {
      expr(c.expr);
      if (c.kind != ast::CompClause::For)
        continue;
      for (const ast::Name *n : {&c.first, &c.second}) {
        mark(*n, TokenType::Variable, kDeclaration | kReadonly);
        if (n->valid())
          scope_.emplace_back(n->text, TokenType::Variable);
      }
    }
    for (ast::ExprId body : bodies)
      expr(body);
    scope_.resize(depth);
  }

  void expr(ast::ExprId id) {
    if (!validExpr(ast_, id))
      return;
    const ast::Expr &e = ast_.expr(id);
    if (auto *ref = e.as<ast::NameRef>()) {
      nameRef(id, *ref);
    } else if (auto *member = e.as<ast::MemberExpr>()) {
      const Binding *b = bindingOf(id);
      std::optional<NameClass> c = b ? ofBinding(*b) : std::nullopt;
      mark(member->member, c ? c->type : TokenType::Property, c ? c->modifiers : 0);
      expr(member->object);
    } else if (auto *object = e.as<ast::ObjectLit>()) {
      expr(object->typeRef);
      for (const ast::FieldInit &field : object->fields) {
        for (const ast::Name &n : field.path)
          mark(n, TokenType::Property);
        expr(field.value);
      }
    } else if (auto *lambda = e.as<ast::LambdaExpr>()) {
      size_t depth = scope_.size();
      for (const ast::LambdaParam &p : lambda->params) {
        mark(p.name, TokenType::Parameter, kDeclaration);
        type(p.type);
        scope_.emplace_back(p.name.text, TokenType::Parameter);
      }
      expr(lambda->body);
      scope_.resize(depth);
    } else if (auto *let = e.as<ast::LetExpr>()) {
      mark(let->name, TokenType::Variable, kDeclaration | kReadonly);
      type(let->type);
      expr(let->value);
      scope_.emplace_back(let->name.text, TokenType::Variable);
      expr(let->body);
      scope_.pop_back();
    } else if (auto *list = e.as<ast::ListComp>()) {
      comprehension(list->clauses, {list->body});
    } else if (auto *map = e.as<ast::MapComp>()) {
      comprehension(map->clauses, {map->key, map->value});
    } else {
      forEachChildExpr(ast_, e, [&](ast::ExprId child) { expr(child); });
    }
  }

  const Snapshot &snap_;
  uint32_t module_;
  const ast::Module &ast_;
  const types::CheckedModule &types_;
  std::vector<std::pair<llvm::StringRef, TokenType>> scope_;
  Classification out_;
};

} // namespace

Classification classifyNames(const Snapshot &snapshot, uint32_t module, uint32_t begin, uint32_t end) {
  if (module >= snapshot.program.modules.size() || module >= snapshot.checked.modules.size())
    return Classification();
  return Classifier(snapshot, module).run(begin, end);
}

} // namespace cairn::lsp
