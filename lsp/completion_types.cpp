#include "lsp/completion_types.h"

namespace cairn::lsp {

using types::TypeId;
using types::TypeKind;

TypeQueries::TypeQueries(const Snapshot &snapshot, uint32_t module, const CursorContext &cx)
    : s_(snapshot), module_(module), cx_(cx) {}

const std::vector<LocalName> &TypeQueries::locals() {
  if (!locals_)
    locals_ = localsAt(s_, module_, cx_.wordBegin);
  return *locals_;
}

static TypeId tableType(const std::vector<TypeId> &table, uint32_t index) {
  return index < table.size() ? table[index] : TypeId{};
}

TypeRef TypeQueries::declType(uint32_t module, ast::DeclId decl) const {
  const types::CheckedModule &checked = s_.types(module);
  TypeRef ref;
  if (decl.index < checked.declSchemas.size() && checked.declSchemas[decl.index] != types::kNone)
    ref.schema = checked.declSchemas[decl.index];
  TypeId t = tableType(checked.declTypes, decl.index);
  if (t.valid() && s_.checked.types.kind(t) != TypeKind::Error)
    ref.id = t;
  return ref;
}

uint32_t TypeQueries::schemaOf(TypeRef type) const {
  if (type.schema != types::kNone)
    return type.schema;
  if (!type.id.valid())
    return types::kNone;
  const types::TypeStore &store = s_.checked.types;
  const types::Type &t = store.get(store.strip(type.id));
  if (t.kind == TypeKind::Schema)
    return t.schema;
  if (t.kind != TypeKind::Union)
    return types::kNone;
  uint32_t found = types::kNone;
  for (TypeId member : t.members) {
    const types::Type &m = store.get(store.strip(member));
    if (m.kind == TypeKind::Schema) {
      if (found != types::kNone)
        return types::kNone; // two schemas: ambiguous
      found = m.schema;
    }
  }
  return found;
}

TypeRef TypeQueries::elementOf(TypeRef list) const {
  if (!list.id.valid())
    return {};
  const types::TypeStore &store = s_.checked.types;
  const types::Type &t = store.get(store.strip(list.id));
  if (t.kind == TypeKind::List)
    return {t.element};
  if (t.kind == TypeKind::Union)
    for (TypeId member : t.members)
      if (store.kind(store.strip(member)) == TypeKind::List)
        return {store.get(store.strip(member)).element};
  return {};
}

TypeRef TypeQueries::fieldType(TypeRef object, llvm::StringRef name) const {
  uint32_t schema = schemaOf(object);
  if (schema != types::kNone && schema < s_.checked.schemas.size()) {
    if (const types::FieldInfo *field = s_.checked.schemas[schema].field(name))
      return {field->type};
    return {};
  }
  if (object.id.valid()) { // a map: every key has the element type
    const types::TypeStore &store = s_.checked.types;
    const types::Type &t = store.get(store.strip(object.id));
    if (t.kind == TypeKind::Map)
      return {t.element};
  }
  return {};
}

TypeRef TypeQueries::walkPath(TypeRef object, llvm::ArrayRef<llvm::StringRef> path) const {
  for (llvm::StringRef name : path) {
    if (!object.known())
      return {};
    object = fieldType(object, name);
  }
  return object;
}

TypeRef TypeQueries::resolveTypeName(llvm::StringRef qualifier, llvm::StringRef name) const {
  const types::TypeStore &store = s_.checked.types;
  uint32_t module = module_;
  if (!qualifier.empty()) {
    std::optional<uint32_t> imported = importedModule(s_, module_, qualifier);
    if (!imported)
      return {};
    module = *imported;
  } else {
    static const std::pair<llvm::StringLiteral, TypeId (types::TypeStore::*)() const> kBuiltins[] = {
        {"string", &types::TypeStore::string}, {"int", &types::TypeStore::integer},
        {"float", &types::TypeStore::floating}, {"bool", &types::TypeStore::boolean},
        {"any", &types::TypeStore::any},       {"null", &types::TypeStore::null}};
    for (const auto &[spelling, get] : kBuiltins)
      if (name == spelling)
        return {(store.*get)()};
  }
  std::optional<ast::DeclId> decl = findDecl(s_.ast(module), name);
  if (!decl)
    return {};
  const ast::Decl &d = s_.ast(module).decl(*decl);
  if (!d.as<ast::SchemaDecl>() && !d.as<ast::TypeAliasDecl>())
    return {};
  return declType(module, *decl);
}

TypeRef TypeQueries::valueNameType(llvm::StringRef name) {
  for (const LocalName &local : locals())
    if (local.name == name)
      return {local.type};
  std::optional<ast::DeclId> decl = findDecl(s_.ast(module_), name);
  if (!decl)
    return {};
  const ast::Decl &d = s_.ast(module_).decl(*decl);
  if (d.as<ast::SchemaDecl>() || d.as<ast::TypeAliasDecl>())
    return {};
  return declType(module_, *decl);
}

TypeRef TypeQueries::chainType(llvm::ArrayRef<llvm::StringRef> chain) {
  if (chain.empty())
    return {};
  bool shadowed = false;
  for (const LocalName &local : locals())
    shadowed = shadowed || local.name == chain[0];
  if (!shadowed && !findDecl(s_.ast(module_), chain[0])) {
    if (std::optional<uint32_t> imported = importedModule(s_, module_, chain[0])) {
      if (chain.size() < 2)
        return {};
      std::optional<ast::DeclId> decl = findDecl(s_.ast(*imported), chain[1]);
      if (!decl)
        return {};
      return walkPath(declType(*imported, *decl), chain.drop_front(2));
    }
  }
  return walkPath(valueNameType(chain[0]), chain.drop_front());
}

std::optional<TypeId> TypeQueries::exprTypeBetween(uint32_t begin, uint32_t end) const {
  const ast::Module &module = s_.ast(module_);
  std::optional<ast::DeclId> decl = declAt(module, begin);
  if (!decl)
    return std::nullopt;
  // The expressions holding `begin`, outermost first; the one spanning exactly wins.
  for (ast::ExprId id : exprPathAt(module, *decl, begin)) {
    Span span = module.expr(id).span;
    if (span.begin == begin && span.end == end) {
      TypeId t = tableType(s_.types(module_).exprTypes, id.index);
      if (t.valid() && s_.checked.types.kind(t) != TypeKind::Error)
        return t;
    }
  }
  return std::nullopt;
}

size_t TypeQueries::chainEndingAt(size_t last, std::vector<llvm::StringRef> &chain) const {
  const std::vector<Tok> &toks = cx_.tokens;
  size_t j = last + 1;
  while (j > 0 && toks[j - 1].kind == TokKind::Name) {
    chain.insert(chain.begin(), toks[j - 1].text);
    --j;
    if (j > 0 && toks[j - 1].is("."))
      --j;
    else
      break;
  }
  if (j <= last && toks[j].is("."))
    ++j;
  return j;
}

// A block `a.b { ... }` (rather than a typed literal `T { ... }`) starts an
// entry of the enclosing object body.
bool TypeQueries::isBlockHeader(size_t frame, size_t chainStart) const {
  if (frame == 0)
    return false;
  const Frame &outer = cx_.frames[frame - 1];
  return outer.kind == FrameKind::Object && startsEntry(s_.text(module_), cx_.tokens, outer.open, chainStart);
}

TypeRef TypeQueries::objectFrameType(size_t frame) {
  const std::vector<Tok> &toks = cx_.tokens;
  size_t open = cx_.frames[frame].open;
  if (!objectsByBrace_) {
    objectsByBrace_.emplace();
    const ast::Module &module = s_.ast(module_);
    for (uint32_t i = 0; i < module.exprCount(); ++i)
      if (auto *o = module.expr(ast::ExprId{i}).as<ast::ObjectLit>(); o && o->bodySpan.valid())
        (*objectsByBrace_)[o->bodySpan.begin] = ast::ExprId{i};
  }
  auto found = objectsByBrace_->find(toks[open].begin);
  if (found != objectsByBrace_->end()) {
    TypeId t = tableType(s_.types(module_).objectTypes, found->second.index);
    if (t.valid() && s_.checked.types.kind(s_.checked.types.strip(t)) == TypeKind::Schema)
      return {t};
  }
  if (open == 0)
    return {};
  const Tok &prev = toks[open - 1];
  if (prev.is("with")) {
    std::vector<llvm::StringRef> chain;
    if (open >= 2 && toks[open - 2].kind == TokKind::Name) {
      chainEndingAt(open - 2, chain);
      return chainType(chain);
    }
    return {};
  }
  if (prev.kind == TokKind::Name && !prev.is("else") && !prev.is("then") && !prev.is("in")) {
    std::vector<llvm::StringRef> chain;
    size_t start = chainEndingAt(open - 1, chain);
    if (isBlockHeader(frame, start))
      return walkPath(objectFrameType(frame - 1), chain);
    if (chain.size() == 1)
      return resolveTypeName({}, chain[0]);
    if (chain.size() == 2)
      return resolveTypeName(chain[0], chain[1]);
    return {};
  }
  return expectedAt(open, frame);
}

TypeRef TypeQueries::topLevelDeclType(size_t assign) {
  const std::vector<Tok> &toks = cx_.tokens;
  // Back to `let NAME`, `param NAME` or `fn NAME` (over a type or parameters).
  size_t limit = assign > 256 ? assign - 256 : 0;
  for (size_t j = assign; j-- > limit;) {
    const Tok &t = toks[j];
    if ((t.is("let") || t.is("param") || t.is("fn")) && j + 1 < assign && toks[j + 1].kind == TokKind::Name) {
      std::optional<ast::DeclId> decl = findDecl(s_.ast(module_), toks[j + 1].text);
      if (!decl)
        return {};
      TypeRef type = declType(module_, *decl);
      if (t.is("fn") && type.id.valid()) {
        const types::Type &fnType = s_.checked.types.get(s_.checked.types.strip(type.id));
        return fnType.kind == TypeKind::Function ? TypeRef{fnType.result} : TypeRef{};
      }
      if (t.is("let") && !(j + 2 < assign && toks[j + 2].is(":")))
        return {}; // an inferred let: its value decides its type
      return type;
    }
    if (t.is("}") || t.is("emit") || t.is("schema"))
      return {};
  }
  return {};
}

TypeRef TypeQueries::callArgumentType(size_t frame, size_t index) {
  const std::vector<Tok> &toks = cx_.tokens;
  size_t open = cx_.frames[frame].open;
  if (open == 0 || toks[open - 1].kind != TokKind::Name)
    return {};
  std::vector<llvm::StringRef> chain;
  chainEndingAt(open - 1, chain);
  size_t argument = 0;
  for (size_t i = open + 1; i < index; ++i) {
    if (toks[i].is("(") || toks[i].is("[") || toks[i].is("{") || toks[i].kind == TokKind::InterpOpen)
      i = std::min(matchingClose(toks, i), index);
    else if (toks[i].is(","))
      ++argument;
  }
  TypeRef callee = chainType(chain);
  if (!callee.id.valid())
    return {};
  const types::Type &fnType = s_.checked.types.get(s_.checked.types.strip(callee.id));
  if (fnType.kind != TypeKind::Function || argument >= fnType.members.size())
    return {};
  return {fnType.members[argument]};
}

TypeRef TypeQueries::expectedAt(size_t index, size_t frameCount) {
  const std::vector<Tok> &toks = cx_.tokens;
  if (index == 0)
    return {};
  const Tok &prev = toks[index - 1];
  const Frame *inner = frameCount > 0 ? &cx_.frames[frameCount - 1] : nullptr;
  if (prev.is("=")) {
    if (!inner)
      return topLevelDeclType(index - 1);
    if (inner->kind != FrameKind::Object || index < 2)
      return {};
    std::vector<llvm::StringRef> path;
    size_t start = chainEndingAt(index - 2, path);
    if (path.empty() || !startsEntry(s_.text(module_), toks, inner->open, start))
      return {};
    return walkPath(objectFrameType(frameCount - 1), path);
  }
  if (!inner || !(prev.is(",") || index - 1 == inner->open))
    return {};
  if (inner->kind == FrameKind::List)
    return elementOf(expectedAt(inner->open, frameCount - 1));
  if (inner->kind == FrameKind::Paren)
    return callArgumentType(frameCount - 1, index);
  return {};
}

} // namespace cairn::lsp
