// A compact S-expression rendering of the AST, for parser tests and
// `cairn debug ast`.
#include "frontend/ast_dump.h"

#include <fmt/format.h>

namespace cairn {

namespace {

class Dumper {
public:
  explicit Dumper(const ast::Module &m) : m_(m) {}

  std::string decl(const ast::Decl &d);
  std::string expr(ast::ExprId id);
  std::string type(ast::TypeExprId id);

private:
  std::string exprs(const std::vector<ast::ExprId> &ids) {
    std::string out;
    for (ast::ExprId id : ids)
      out += " " + expr(id);
    return out;
  }
  std::string clauses(const std::vector<ast::CompClause> &cs);
  std::string object(const ast::ObjectLit &o);
  std::string refinement(const ast::Refinement &r);
  std::string exprKind(const ast::ExprData &data);

  const ast::Module &m_;
};

std::string quote(llvm::StringRef text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\')
      out += '\\';
    if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out + "\"";
}

std::string bound(const ast::NumberBound &b) {
  return b.isFloat ? fmt::format("{}", b.floatValue) : std::to_string(b.intValue);
}

std::string Dumper::refinement(const ast::Refinement &r) {
  std::string out;
  if (r.hasRange)
    out += " " + (r.hasLow ? bound(r.low) : "") + ".." + (r.hasHigh ? bound(r.high) : "");
  if (!r.regex.empty())
    out += " /" + r.regex.str() + "/";
  return out;
}

std::string Dumper::type(ast::TypeExprId id) {
  if (!id.valid())
    return "_";
  const ast::TypeExprData &t = m_.type(id).data;
  if (const auto *n = std::get_if<ast::NamedType>(&t)) {
    std::string name = n->qualifier.valid() ? n->qualifier.text.str() + "." + n->name.text.str()
                                            : n->name.text.str();
    if (n->hasRefinement)
      return "(" + name + refinement(n->refinement) + ")";
    return name;
  }
  if (const auto *l = std::get_if<ast::ListType>(&t))
    return "[" + type(l->element) + "]";
  if (const auto *mp = std::get_if<ast::MapType>(&t))
    return "{" + type(mp->key) + ": " + type(mp->value) + "}";
  if (const auto *o = std::get_if<ast::OptionalType>(&t))
    return type(o->inner) + "?";
  if (const auto *u = std::get_if<ast::UnionType>(&t)) {
    std::string out = "(|";
    for (ast::TypeExprId member : u->members)
      out += " " + type(member);
    return out + ")";
  }
  if (const auto *lit = std::get_if<ast::LiteralType>(&t))
    return "(lit " + expr(lit->literal) + ")";
  if (const auto *f = std::get_if<ast::FnType>(&t)) {
    std::string out = "(fn (";
    for (size_t i = 0; i < f->params.size(); ++i)
      out += (i ? " " : "") + type(f->params[i]);
    return out + ") " + type(f->result) + ")";
  }
  return "<error-type>";
}

std::string Dumper::clauses(const std::vector<ast::CompClause> &cs) {
  std::string out;
  for (const ast::CompClause &c : cs) {
    if (c.kind == ast::CompClause::If)
      out += " (if " + expr(c.expr) + ")";
    else
      out += " (for " + c.first.text.str() + (c.second.valid() ? " " + c.second.text.str() : "") + " " +
             expr(c.expr) + ")";
  }
  return out;
}

std::string Dumper::object(const ast::ObjectLit &o) {
  std::string out = o.typeRef.valid() ? "(object " + expr(o.typeRef) : std::string("(object");
  for (const ast::FieldInit &f : o.fields) {
    std::string path;
    for (const ast::Name &n : f.path)
      path += (path.empty() ? "" : ".") + (n.valid() ? n.text.str() : "<error>");
    out += " (" + path + (f.block ? " {} " : " = ") + expr(f.value) + ")";
  }
  return out + ")";
}

std::string Dumper::expr(ast::ExprId id) {
  if (!id.valid())
    return "_";
  return exprKind(m_.expr(id).data);
}

std::string Dumper::exprKind(const ast::ExprData &data) {
  return std::visit(
      [&](const auto &e) -> std::string {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, ast::ErrorExpr>) return "<error>";
        else if constexpr (std::is_same_v<T, ast::NullLit>) return "null";
        else if constexpr (std::is_same_v<T, ast::BoolLit>) return e.value ? "true" : "false";
        else if constexpr (std::is_same_v<T, ast::IntLit>) return std::to_string(e.value);
        else if constexpr (std::is_same_v<T, ast::FloatLit>) return fmt::format("{}f", e.value);
        else if constexpr (std::is_same_v<T, ast::StringLit>) {
          if (e.isConstant())
            return quote(e.constantText());
          std::string out = "(str";
          for (const ast::StringPart &p : e.parts)
            out += " " + (p.expr.valid() ? expr(p.expr) : quote(p.text));
          return out + ")";
        }
        else if constexpr (std::is_same_v<T, ast::NameRef>) return e.name.text.str();
        else if constexpr (std::is_same_v<T, ast::ListLit>) return "(list" + exprs(e.items) + ")";
        else if constexpr (std::is_same_v<T, ast::ListComp>) return "(list-comp" + clauses(e.clauses) + " " + expr(e.body) + ")";
        else if constexpr (std::is_same_v<T, ast::MapComp>) return "(map-comp" + clauses(e.clauses) + " " + expr(e.key) + " " + expr(e.value) + ")";
        else if constexpr (std::is_same_v<T, ast::ObjectLit>) return object(e);
        else if constexpr (std::is_same_v<T, ast::MemberExpr>) return "(" + std::string(e.optional ? "?." : ".") + " " + expr(e.object) + " " + e.member.text.str() + ")";
        else if constexpr (std::is_same_v<T, ast::IndexExpr>) return "(index " + expr(e.object) + " " + expr(e.index) + ")";
        else if constexpr (std::is_same_v<T, ast::CallExpr>) return "(call " + expr(e.callee) + exprs(e.args) + ")";
        else if constexpr (std::is_same_v<T, ast::LambdaExpr>) {
          std::string out = "(lambda (";
          for (size_t i = 0; i < e.params.size(); ++i)
            out += (i ? " " : "") + e.params[i].name.text.str() + (e.params[i].type.valid() ? ": " + type(e.params[i].type) : "");
          return out + ") " + expr(e.body) + ")";
        }
        else if constexpr (std::is_same_v<T, ast::UnaryExpr>) return "(" + std::string(ast::spelling(e.op)) + " " + expr(e.operand) + ")";
        else if constexpr (std::is_same_v<T, ast::BinaryExpr>) return "(" + std::string(ast::spelling(e.op)) + " " + expr(e.lhs) + " " + expr(e.rhs) + ")";
        else if constexpr (std::is_same_v<T, ast::IfExpr>) return "(if " + expr(e.cond) + " " + expr(e.thenExpr) + " " + expr(e.elseExpr) + ")";
        else if constexpr (std::is_same_v<T, ast::LetExpr>) return "(let-in " + e.name.text.str() + (e.type.valid() ? ": " + type(e.type) : "") + " " + expr(e.value) + " " + expr(e.body) + ")";
        else if constexpr (std::is_same_v<T, ast::WithExpr>) return "(with " + expr(e.base) + " " + expr(e.overrides) + ")";
        else return "<?>";
      },
      data);
}

std::string Dumper::decl(const ast::Decl &d) {
  if (const auto *i = d.as<ast::ImportDecl>())
    return "(import " + quote(i->path) + (i->alias.valid() ? " as " + i->alias.text.str() : "") + ")";
  if (const auto *p = d.as<ast::ParamDecl>())
    return std::string(p->isSecret() ? "(secret param " : "(param ") + p->name.text.str() + ": " + type(p->type) + (p->defaultValue.valid() ? " = " + expr(p->defaultValue) : "") + ")";
  if (const auto *l = d.as<ast::LetDecl>())
    return "(let " + l->name.text.str() + (l->type.valid() ? ": " + type(l->type) : "") + " " + expr(l->value) + ")";
  if (const auto *f = d.as<ast::FnDecl>()) {
    std::string out = "(fn " + f->name.text.str() + " (";
    for (size_t i = 0; i < f->params.size(); ++i)
      out += (i ? " " : "") + f->params[i].name.text.str() + ": " + type(f->params[i].type);
    return out + ")" + (f->result.valid() ? ": " + type(f->result) : "") + " " + expr(f->body) + ")";
  }
  if (const auto *t = d.as<ast::TypeAliasDecl>())
    return "(type " + t->name.text.str() + " " + type(t->type) + ")";
  if (const auto *s = d.as<ast::SchemaDecl>()) {
    std::string out = "(schema " + s->name.text.str();
    if (s->parent.valid())
      out += " extends " + (s->parentQualifier.valid() ? s->parentQualifier.text.str() + "." : "") + s->parent.text.str();
    for (const ast::SchemaField &f : s->fields)
      out += "\n  (field " + f.name.text.str() + (f.optional ? "?" : "") + ": " + type(f.type) +
             (f.defaultValue.valid() ? " = " + expr(f.defaultValue) : "") + ")";
    for (const ast::SchemaCheck &c : s->checks)
      out += "\n  (check " + expr(c.cond) + (c.message.valid() ? " " + expr(c.message) : "") + ")";
    return out + ")";
  }
  if (const auto *e = d.as<ast::EmitDecl>())
    return "(emit " + expr(e->value) + ")";
  if (const auto *p = d.as<ast::PolicyDecl>()) {
    std::string out = "(policy " + quote(p->name) + " on " + type(p->target);
    for (const ast::PolicySetting &s : p->settings)
      out += "\n  (set " + s.name.text.str() + " " + expr(s.value) + ")";
    for (const ast::PolicyParam &a : p->params)
      out += "\n  (param " + a.name.text.str() + ": " + type(a.type) +
             (a.defaultValue.valid() ? " = " + expr(a.defaultValue) : "") + ")";
    for (const ast::PolicyCheck &c : p->checks)
      out += "\n  (check " + expr(c.cond) + (c.message.valid() ? " " + expr(c.message) : "") +
             (c.at.valid() ? " at " + expr(c.at) : "") + ")";
    return out + ")";
  }
  return "<error-decl>";
}

} // namespace

std::string dumpAst(const ast::Module &module) {
  Dumper dumper(module);
  std::string out;
  for (ast::DeclId id : module.decls())
    out += dumper.decl(module.decl(id)) + "\n";
  return out;
}

std::string dumpExpr(const ast::Module &module, ast::ExprId id) { return Dumper(module).expr(id); }

} // namespace cairn
