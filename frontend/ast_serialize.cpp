// The module encoding of frontend/ast_serialize.h. Each node type is described
// once, by an io() function that both directions share (the Encoder walks it
// writing, the Decoder filling in), so the two cannot drift apart.
#include "frontend/ast_serialize.h"

#include <cstring>
#include <utility>

#include <llvm/Support/xxhash.h>

#include "frontend/binary_io.h"

namespace cairn {
namespace {

// A field added to an AST node must be added to its io() below and
// kAstFormatVersion bumped; the node sizes (x86-64) catch the nodes that changed.
template <typename T, size_t Size> struct NodeLayout {
  static_assert(sizeof(T) == Size, "an AST node changed: update its io() in ast_serialize.cpp and kAstFormatVersion");
  static constexpr bool ok = true;
};
static_assert(NodeLayout<ast::Name, 32>::ok && NodeLayout<ast::StringPart, 32>::ok && NodeLayout<ast::StringLit, 56>::ok &&
              NodeLayout<ast::NameRef, 32>::ok && NodeLayout<ast::ListLit, 24>::ok && NodeLayout<ast::CompClause, 88>::ok &&
              NodeLayout<ast::ListComp, 32>::ok && NodeLayout<ast::MapComp, 32>::ok && NodeLayout<ast::FieldInit, 104>::ok &&
              NodeLayout<ast::ObjectLit, 48>::ok && NodeLayout<ast::MemberExpr, 48>::ok && NodeLayout<ast::IndexExpr, 8>::ok &&
              NodeLayout<ast::CallExpr, 32>::ok && NodeLayout<ast::LambdaParam, 40>::ok && NodeLayout<ast::LambdaExpr, 32>::ok &&
              NodeLayout<ast::UnaryExpr, 20>::ok && NodeLayout<ast::BinaryExpr, 24>::ok && NodeLayout<ast::IfExpr, 12>::ok &&
              NodeLayout<ast::LetExpr, 48>::ok && NodeLayout<ast::WithExpr, 8>::ok && NodeLayout<ast::NumberBound, 24>::ok &&
              NodeLayout<ast::Refinement, 112>::ok && NodeLayout<ast::NamedType, 184>::ok && NodeLayout<ast::ListType, 4>::ok &&
              NodeLayout<ast::MapType, 8>::ok && NodeLayout<ast::OptionalType, 4>::ok && NodeLayout<ast::UnionType, 24>::ok &&
              NodeLayout<ast::LiteralType, 4>::ok && NodeLayout<ast::FnType, 32>::ok && NodeLayout<ast::ImportDecl, 64>::ok &&
              NodeLayout<ast::ParamDecl, 56>::ok && NodeLayout<ast::LetDecl, 40>::ok && NodeLayout<ast::FnParam, 40>::ok &&
              NodeLayout<ast::FnDecl, 64>::ok && NodeLayout<ast::TypeAliasDecl, 40>::ok && NodeLayout<ast::SchemaField, 72>::ok &&
              NodeLayout<ast::SchemaCheck, 20>::ok && NodeLayout<ast::SchemaDecl, 144>::ok && NodeLayout<ast::EmitDecl, 4>::ok &&
              NodeLayout<ast::PolicySetting, 48>::ok && NodeLayout<ast::PolicyParam, 56>::ok && NodeLayout<ast::PolicyCheck, 24>::ok &&
              NodeLayout<ast::PolicyDecl, 104>::ok && NodeLayout<ast::Expr, 80>::ok && NodeLayout<ast::TypeExpr, 208>::ok &&
              NodeLayout<ast::Decl, 184>::ok);
static_assert(std::variant_size_v<ast::ExprData> == 20 && std::variant_size_v<ast::TypeExprData> == 8 &&
                  std::variant_size_v<ast::DeclData> == 8,
              "an AST variant changed: update ast_serialize.cpp and kAstFormatVersion");

// Writes. Takes nodes by non-const reference only to share io() with the
// Decoder; it never changes them.
class Encoder {
public:
  Encoder(FileId file, llvm::StringRef source) : file_(file), source_(source) {}

  bool ok() const { return ok_; }
  binary::ByteWriter &out() { return out_; }

  void flag(bool &v) { out_.u(v ? 1 : 0); }
  void i64(int64_t &v) { out_.s(v); }
  void f64(double &v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    out_.u64le(bits);
  }
  template <typename E> void enumeration(E &v, E /*last*/) { out_.u(static_cast<uint64_t>(v)); }
  template <typename Tag> void id(ast::Id<Tag> &v) { out_.u(v.valid() ? uint64_t(v.index) + 1 : 0); }

  // Spans of this module's file only; anything else cannot be rebuilt.
  void span(Span &v) {
    if (v.valid() && v.file != file_)
      ok_ = false;
    out_.u((uint64_t(v.begin) << 1) | (v.valid() ? 1 : 0));
    out_.s(int64_t(v.end) - int64_t(v.begin));
  }
  // Low two bits of the first number: 0 null, 1 into the source (offset
  // above, then the length), 2 inline (length above, then the bytes).
  void str(llvm::StringRef &v) {
    if (v.data() == nullptr) {
      out_.u(0);
    } else if (v.data() >= source_.begin() && v.data() + v.size() <= source_.end()) {
      out_.u((uint64_t(v.data() - source_.begin()) << 2) | 1);
      out_.u(v.size());
    } else {
      out_.u((uint64_t(v.size()) << 2) | 2);
      out_.raw(v);
    }
  }

  template <typename Container> void list(Container &items);
  template <typename Variant> void variant(Variant &v);

private:
  FileId file_;
  llvm::StringRef source_;
  binary::ByteWriter out_;
  bool ok_ = true;
};

// Reads, rejecting anything a correct encoding cannot contain: ids past the
// arenas, enum values out of range, strings outside the source, spans past it.
class Decoder {
public:
  Decoder(llvm::StringRef body, llvm::StringRef source, ast::Module &module)
      : in_(body), source_(source), module_(module) {}

  bool ok() const { return in_.ok(); }
  binary::ByteReader &in() { return in_; }
  void setCounts(uint64_t exprs, uint64_t types, uint64_t decls) {
    exprs_ = exprs;
    types_ = types;
    decls_ = decls;
  }

  void flag(bool &v) {
    uint64_t raw = in_.u();
    if (raw > 1)
      in_.fail();
    v = raw == 1;
  }
  void i64(int64_t &v) { v = in_.s(); }
  void f64(double &v) {
    uint64_t bits = in_.u64le();
    std::memcpy(&v, &bits, sizeof v);
  }
  template <typename E> void enumeration(E &v, E last) {
    uint64_t raw = in_.u();
    if (raw > static_cast<uint64_t>(last))
      in_.fail();
    v = static_cast<E>(in_.ok() ? raw : 0);
  }
  template <typename Tag> void id(ast::Id<Tag> &v) {
    uint64_t raw = in_.u();
    if (raw > limit(v))
      in_.fail();
    v.index = raw == 0 || !in_.ok() ? UINT32_MAX : static_cast<uint32_t>(raw - 1);
  }
  void span(Span &v) {
    uint64_t head = in_.u();
    int64_t length = in_.s();
    uint64_t begin = head >> 1;
    int64_t end = int64_t(begin) + length;
    bool valid = (head & 1) != 0;
    if (begin > UINT32_MAX || end < 0 || end > int64_t(UINT32_MAX) ||
        (valid && (begin > source_.size() || uint64_t(end) > source_.size())))
      in_.fail();
    v = in_.ok() ? Span{valid ? module_.file() : FileId{}, uint32_t(begin), uint32_t(end)} : Span{};
  }
  void str(llvm::StringRef &v) {
    uint64_t head = in_.u();
    v = {};
    switch (head & 3) {
    case 0:
      if (head != 0)
        in_.fail();
      return;
    case 1: {
      uint64_t offset = head >> 2, size = in_.u();
      if (offset > source_.size() || size > source_.size() - offset)
        return in_.fail();
      v = source_.substr(offset, size);
      return;
    }
    case 2: {
      llvm::StringRef bytes = in_.raw(head >> 2);
      if (in_.ok())
        v = module_.save(bytes);
      return;
    }
    default:
      in_.fail();
    }
  }

  template <typename Container> void list(Container &items);
  template <typename Variant> void variant(Variant &v);

private:
  uint64_t limit(ast::ExprId) const { return exprs_; }
  uint64_t limit(ast::TypeExprId) const { return types_; }
  uint64_t limit(ast::DeclId) const { return decls_; }

  binary::ByteReader in_;
  llvm::StringRef source_;
  ast::Module &module_;
  uint64_t exprs_ = 0, types_ = 0, decls_ = 0;
};

// ------------------------------------------------------------------ the nodes

template <typename A, typename Tag> void io(A &a, ast::Id<Tag> &v) { a.id(v); }
template <typename A> void io(A &a, Span &v) { a.span(v); }
template <typename A> void io(A &a, ast::Name &v) { a.str(v.text), a.span(v.span); }

template <typename A> void io(A &, ast::ErrorExpr &) {}
template <typename A> void io(A &, ast::NullLit &) {}
template <typename A> void io(A &a, ast::BoolLit &v) { a.flag(v.value); }
template <typename A> void io(A &a, ast::IntLit &v) { a.i64(v.value); }
template <typename A> void io(A &a, ast::FloatLit &v) { a.f64(v.value); }
template <typename A> void io(A &a, ast::StringPart &v) { a.str(v.text), a.id(v.expr), a.span(v.span); }
template <typename A> void io(A &a, ast::StringLit &v) { a.list(v.parts), a.flag(v.multiline); }
template <typename A> void io(A &a, ast::NameRef &v) { io(a, v.name); }
template <typename A> void io(A &a, ast::ListLit &v) { a.list(v.items); }
template <typename A> void io(A &a, ast::CompClause &v) {
  a.enumeration(v.kind, ast::CompClause::If);
  io(a, v.first), io(a, v.second), a.id(v.expr), a.span(v.span);
}
template <typename A> void io(A &a, ast::ListComp &v) { a.list(v.clauses), a.id(v.body); }
template <typename A> void io(A &a, ast::MapComp &v) { a.list(v.clauses), a.id(v.key), a.id(v.value); }
template <typename A> void io(A &a, ast::FieldInit &v) {
  a.list(v.path), a.flag(v.block), a.id(v.value), a.span(v.span);
}
template <typename A> void io(A &a, ast::ObjectLit &v) { a.id(v.typeRef), a.list(v.fields), a.span(v.bodySpan); }
template <typename A> void io(A &a, ast::MemberExpr &v) { a.id(v.object), io(a, v.member), a.flag(v.optional); }
template <typename A> void io(A &a, ast::IndexExpr &v) { a.id(v.object), a.id(v.index); }
template <typename A> void io(A &a, ast::CallExpr &v) { a.id(v.callee), a.list(v.args); }
template <typename A> void io(A &a, ast::LambdaParam &v) { io(a, v.name), a.id(v.type); }
template <typename A> void io(A &a, ast::LambdaExpr &v) { a.list(v.params), a.id(v.body); }
template <typename A> void io(A &a, ast::UnaryExpr &v) {
  a.enumeration(v.op, ast::UnaryOp::Not), a.id(v.operand), a.span(v.opSpan);
}
template <typename A> void io(A &a, ast::BinaryExpr &v) {
  a.enumeration(v.op, ast::BinaryOp::Coalesce), a.id(v.lhs), a.id(v.rhs), a.span(v.opSpan);
}
template <typename A> void io(A &a, ast::IfExpr &v) { a.id(v.cond), a.id(v.thenExpr), a.id(v.elseExpr); }
template <typename A> void io(A &a, ast::LetExpr &v) { io(a, v.name), a.id(v.type), a.id(v.value), a.id(v.body); }
template <typename A> void io(A &a, ast::WithExpr &v) { a.id(v.base), a.id(v.overrides); }

template <typename A> void io(A &, ast::ErrorType &) {}
template <typename A> void io(A &a, ast::NumberBound &v) { a.flag(v.isFloat), a.i64(v.intValue), a.f64(v.floatValue); }
template <typename A> void io(A &a, ast::Refinement &v) {
  a.flag(v.hasRange), a.flag(v.hasLow), a.flag(v.hasHigh), io(a, v.low), io(a, v.high);
  a.span(v.rangeSpan), a.str(v.regex), a.span(v.regexSpan), a.span(v.span);
}
template <typename A> void io(A &a, ast::NamedType &v) {
  io(a, v.qualifier), io(a, v.name), a.flag(v.hasRefinement), io(a, v.refinement);
}
template <typename A> void io(A &a, ast::ListType &v) { a.id(v.element); }
template <typename A> void io(A &a, ast::MapType &v) { a.id(v.key), a.id(v.value); }
template <typename A> void io(A &a, ast::OptionalType &v) { a.id(v.inner); }
template <typename A> void io(A &a, ast::UnionType &v) { a.list(v.members); }
template <typename A> void io(A &a, ast::LiteralType &v) { a.id(v.literal); }
template <typename A> void io(A &a, ast::FnType &v) { a.list(v.params), a.id(v.result); }

template <typename A> void io(A &a, ast::ImportDecl &v) { a.str(v.path), a.span(v.pathSpan), io(a, v.alias); }
template <typename A> void io(A &a, ast::ParamDecl &v) {
  io(a, v.name), a.id(v.type), a.id(v.defaultValue), a.span(v.secretMark);
}
template <typename A> void io(A &a, ast::LetDecl &v) { io(a, v.name), a.id(v.type), a.id(v.value); }
template <typename A> void io(A &a, ast::FnParam &v) { io(a, v.name), a.id(v.type); }
template <typename A> void io(A &a, ast::FnDecl &v) { io(a, v.name), a.list(v.params), a.id(v.result), a.id(v.body); }
template <typename A> void io(A &a, ast::TypeAliasDecl &v) { io(a, v.name), a.id(v.type); }
template <typename A> void io(A &a, ast::SchemaField &v) {
  io(a, v.name), a.flag(v.optional), a.id(v.type), a.id(v.defaultValue), a.span(v.span), a.str(v.docComment);
}
template <typename A> void io(A &a, ast::SchemaCheck &v) { a.id(v.cond), a.id(v.message), a.span(v.span); }
template <typename A> void io(A &a, ast::SchemaDecl &v) {
  io(a, v.name), io(a, v.parentQualifier), io(a, v.parent), a.list(v.fields), a.list(v.checks);
}
template <typename A> void io(A &a, ast::EmitDecl &v) { a.id(v.value); }
template <typename A> void io(A &a, ast::PolicySetting &v) { io(a, v.name), a.id(v.value), a.span(v.span); }
template <typename A> void io(A &a, ast::PolicyParam &v) {
  io(a, v.name), a.id(v.type), a.id(v.defaultValue), a.span(v.span);
}
template <typename A> void io(A &a, ast::PolicyCheck &v) { a.id(v.cond), a.id(v.message), a.id(v.at), a.span(v.span); }
template <typename A> void io(A &a, ast::PolicyDecl &v) {
  a.str(v.name), a.span(v.nameSpan), a.id(v.target), a.list(v.settings), a.list(v.params), a.list(v.checks);
}

// ------------------------------------------------------------------ containers

template <typename Container> void Encoder::list(Container &items) {
  out_.u(items.size());
  for (auto &item : items)
    io(*this, item);
}

template <typename Container> void Decoder::list(Container &items) {
  uint64_t n = in_.count();
  items.resize(n);
  for (auto &item : items)
    io(*this, item);
}

template <typename Variant> void Encoder::variant(Variant &v) {
  out_.u(v.index());
  std::visit([this](auto &alternative) { io(*this, alternative); }, v);
}

template <typename Variant, size_t... I>
void decodeAlternative(Decoder &d, Variant &v, uint64_t index, std::index_sequence<I...>) {
  bool known = ((index == I ? (io(d, v.template emplace<I>()), true) : false) || ...);
  if (!known)
    d.in().fail();
}

template <typename Variant> void Decoder::variant(Variant &v) {
  uint64_t index = in_.u();
  decodeAlternative(*this, v, index, std::make_index_sequence<std::variant_size_v<Variant>>());
}

// ------------------------------------------------------------------ the module

// Counts first (ids are checked against them), then each arena in id order,
// then the comments.
bool encodeBody(const ast::Module &module, Encoder &e) {
  binary::ByteWriter &out = e.out();
  out.u(module.exprCount()), out.u(module.typeCount()), out.u(module.declCount()), out.u(module.comments.size());
  for (size_t i = 0; i < module.exprCount(); ++i) {
    auto &node = const_cast<ast::Expr &>(module.expr(ast::ExprId{uint32_t(i)}));
    e.span(node.span), e.variant(node.data);
  }
  for (size_t i = 0; i < module.typeCount(); ++i) {
    auto &node = const_cast<ast::TypeExpr &>(module.type(ast::TypeExprId{uint32_t(i)}));
    e.span(node.span), e.variant(node.data);
  }
  for (size_t i = 0; i < module.declCount(); ++i) {
    // The decoder rebuilds declaration order from creation order.
    if (module.decls()[i].index != i)
      return false;
    auto &node = const_cast<ast::Decl &>(module.decl(ast::DeclId{uint32_t(i)}));
    e.span(node.span), e.variant(node.data), e.str(node.docComment);
  }
  for (const Span &comment : module.comments) {
    Span copy = comment;
    e.span(copy);
  }
  return e.ok();
}

} // namespace

std::optional<std::string> serializeModule(const ast::Module &module, llvm::StringRef sourceText) {
  Encoder e(module.file(), sourceText);
  if (!encodeBody(module, e))
    return std::nullopt;
  std::string body = e.out().take();
  binary::ByteWriter out;
  out.u64le(llvm::xxHash64(body));
  out.raw(body);
  return out.take();
}

std::optional<ast::Module> decodeModuleBody(llvm::StringRef body, llvm::StringRef sourceText, FileId file) {
  ast::Module module(file);
  Decoder d(body, sourceText, module);
  binary::ByteReader &in = d.in();
  uint64_t exprs = in.count(), types = in.count(), decls = in.count(), comments = in.count();
  d.setCounts(exprs, types, decls);
  for (uint64_t i = 0; i < exprs && in.ok(); ++i) {
    ast::Expr node;
    d.span(node.span), d.variant(node.data);
    module.addExpr(node.span, std::move(node.data));
  }
  for (uint64_t i = 0; i < types && in.ok(); ++i) {
    ast::TypeExpr node;
    d.span(node.span), d.variant(node.data);
    module.addType(node.span, std::move(node.data));
  }
  for (uint64_t i = 0; i < decls && in.ok(); ++i) {
    ast::Decl node{{}, ast::EmitDecl{}, {}};
    d.span(node.span), d.variant(node.data), d.str(node.docComment);
    module.addDecl(node.span, std::move(node.data), node.docComment);
  }
  module.comments.resize(in.ok() ? comments : 0);
  for (Span &comment : module.comments)
    d.span(comment);
  if (!in.ok() || !in.atEnd())
    return std::nullopt;
  return module;
}

std::optional<ast::Module> deserializeModule(llvm::StringRef bytes, llvm::StringRef sourceText, FileId file) {
  binary::ByteReader in(bytes);
  uint64_t checksum = in.u64le();
  llvm::StringRef body = in.raw(in.remaining());
  if (!in.ok() || llvm::xxHash64(body) != checksum)
    return std::nullopt;
  return decodeModuleBody(body, sourceText, file);
}

} // namespace cairn
