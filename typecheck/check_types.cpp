// Type expressions -> TypeIds: named types, refinements, aliases (with cycle
// detection), lists, maps, unions, literal and function types.
#include <regex>

#include "typecheck/check_context.h"
#include "typecheck/constant_fold.h"

namespace cairn::types {

namespace {

const char *regexProblem(const std::regex_error &error) {
  switch (error.code()) {
  case std::regex_constants::error_paren: return "unbalanced parenthesis";
  case std::regex_constants::error_brack: return "unbalanced bracket";
  case std::regex_constants::error_brace: return "unbalanced brace";
  case std::regex_constants::error_badbrace: return "invalid repetition count";
  case std::regex_constants::error_range: return "invalid character range";
  case std::regex_constants::error_escape: return "invalid escape";
  case std::regex_constants::error_badrepeat: return "nothing to repeat";
  case std::regex_constants::error_collate:
  case std::regex_constants::error_ctype: return "invalid character class";
  case std::regex_constants::error_backref: return "invalid back reference";
  default: return "the pattern is too complex";
  }
}

// Intersection of a refinement with the range a type already has (`type P = int(0..); P(..9)`).
IntRange intersect(IntRange a, const IntRange &b) {
  if (b.hasLow && (!a.hasLow || b.low > a.low)) {
    a.hasLow = true;
    a.low = b.low;
  }
  if (b.hasHigh && (!a.hasHigh || b.high < a.high)) {
    a.hasHigh = true;
    a.high = b.high;
  }
  return a;
}

FloatRange intersect(FloatRange a, const FloatRange &b) {
  if (b.hasLow && (!a.hasLow || b.low > a.low)) {
    a.hasLow = true;
    a.low = b.low;
  }
  if (b.hasHigh && (!a.hasHigh || b.high < a.high)) {
    a.hasHigh = true;
    a.high = b.high;
  }
  return a;
}

bool hasFloatBound(const ast::Refinement &r) {
  return (r.hasLow && r.low.isFloat) || (r.hasHigh && r.high.isFloat);
}

} // namespace

void Checker::noteTypeOrigin(TypeId type, Span span, const char *what) {
  // Only types that constrain values beyond their base have an origin worth a label.
  const Type &t = store().get(type);
  bool constrains = store().isRefined(store().strip(type)) || t.kind == TypeKind::Union;
  if (rel_.isError(type) || (!constrains && t.aliasName.empty()))
    return;
  typeOrigins_.try_emplace(type.index, TypeOrigin{span, what});
}

const TypeOrigin *Checker::typeOrigin(TypeId type) const {
  auto it = typeOrigins_.find(type.index);
  return it == typeOrigins_.end() ? nullptr : &it->second;
}

namespace {

struct RefinementResolver {
  Checker &c;
  const ast::Refinement &r;
  TypeId base; // stripped
  // The standard library's patterns are generated and tested; compiling
  // each one again just to validate it was half of checking a
  // one-Deployment build (perf).
  bool trustedPattern = false;

  TypeId invalid(Span span) {
    c.report(DiagKind::InvalidRefinement, span, c.sourceText(r.span), c.show(base));
    return c.store().error();
  }
  TypeId empty() {
    c.report(DiagKind::EmptyRange, r.rangeSpan, c.sourceText(r.rangeSpan));
    return c.store().error();
  }
  IntRange intRange() const {
    return IntRange{r.hasLow, r.hasHigh, r.low.intValue, r.high.intValue};
  }

  TypeId forInt() {
    if (!r.regex.empty())
      return invalid(r.regexSpan);
    if (!r.hasRange)
      return base;
    if (hasFloatBound(r))
      return invalid(r.rangeSpan);
    IntRange range = intersect(c.store().get(base).intRange, intRange());
    if (range.hasLow && range.hasHigh && range.low > range.high)
      return empty();
    return c.store().refinedInt(range);
  }

  TypeId forFloat() {
    if (!r.regex.empty())
      return invalid(r.regexSpan);
    if (!r.hasRange)
      return base;
    FloatRange own{r.hasLow, r.hasHigh, r.low.asDouble(), r.high.asDouble()};
    FloatRange range = intersect(c.store().get(base).floatRange, own);
    if (range.hasLow && range.hasHigh && range.low > range.high)
      return empty();
    return c.store().refinedFloat(range);
  }

  TypeId forString() {
    const Type &t = c.store().get(base);
    IntRange length = t.intRange;
    if (r.hasRange) {
      if (hasFloatBound(r) || (r.hasLow && r.low.intValue < 0) ||
          (r.hasHigh && r.high.intValue < 0))
        return invalid(r.rangeSpan);
      length = intersect(length, intRange());
      if (length.hasLow && length.hasHigh && length.low > length.high)
        return empty();
    }
    std::string pattern = t.pattern;
    if (!r.regex.empty() && trustedPattern) {
      pattern = r.regex.str();
    } else if (!r.regex.empty()) {
      try {
        std::regex check(r.regex.str(), std::regex::ECMAScript);
        pattern = r.regex.str();
      } catch (const std::regex_error &error) {
        c.report(DiagKind::InvalidRegex, r.regexSpan, r.regex, regexProblem(error));
        return c.store().error();
      }
    }
    return c.store().refinedString(length, pattern);
  }
};

} // namespace

TypeId Checker::resolveType(uint32_t module, ast::TypeExprId id) {
  if (!id.valid())
    return store().error();
  const ast::TypeExpr &t = astOf(module).type(id);
  TypeId result = store().error();
  if (auto *named = t.as<ast::NamedType>()) {
    result = resolveTypeName(module, named->qualifier, named->name);
    if (named->hasRefinement && !rel_.isError(result)) {
      TypeId base = store().strip(result);
      RefinementResolver resolver{*this, named->refinement, base, isStdlibModule(module)};
      switch (store().kind(base)) {
      case TypeKind::Int: result = resolver.forInt(); break;
      case TypeKind::Float: result = resolver.forFloat(); break;
      case TypeKind::String: result = resolver.forString(); break;
      default: result = resolver.invalid(named->refinement.span);
      }
      noteTypeOrigin(result, named->refinement.span, "required by this refinement");
    }
  } else if (auto *list = t.as<ast::ListType>()) {
    TypeId element = resolveType(module, list->element);
    result = rel_.isError(element) ? element : store().list(element);
  } else if (auto *map = t.as<ast::MapType>()) {
    TypeId keyType = resolveType(module, map->key);
    TypeId value = resolveType(module, map->value);
    if (!rel_.isError(keyType) && store().kind(keyType) != TypeKind::String)
      report(DiagKind::InvalidMapKeyType, astOf(module).type(map->key).span, show(keyType));
    result = rel_.isError(value) ? value : store().map(value);
  } else if (auto *optional = t.as<ast::OptionalType>()) {
    TypeId inner = resolveType(module, optional->inner);
    result = rel_.isError(inner) ? inner : store().optional(inner);
  } else if (auto *unionType = t.as<ast::UnionType>()) {
    std::vector<TypeId> members;
    bool allLiterals = true;
    for (ast::TypeExprId m : unionType->members) {
      members.push_back(resolveType(module, m));
      allLiterals = allLiterals && store().kind(members.back()) == TypeKind::Literal;
    }
    result = store().unionOf(members);
    if (allLiterals)
      noteTypeOrigin(result, t.span, "the allowed values are declared here");
  } else if (auto *literal = t.as<ast::LiteralType>()) {
    const ast::Module &m = astOf(module);
    if (m.expr(literal->literal).is<ast::NullLit>()) {
      result = store().null();
    } else if (auto value = constantValue(m, literal->literal)) {
      result = store().literal(*value);
      noteTypeOrigin(result, t.span, "the allowed value is declared here");
    }
    out_.modules[module].exprTypes[literal->literal.index] = result;
  } else if (auto *fn = t.as<ast::FnType>()) {
    std::vector<TypeId> params;
    for (ast::TypeExprId p : fn->params)
      params.push_back(resolveType(module, p));
    result = store().function(params, resolveType(module, fn->result));
  }
  out_.modules[module].localTypes[id.index] = result;
  return result;
}

TypeId Checker::aliasType(uint32_t module, ast::DeclId decl) {
  CheckedModule &table = out_.modules[module];
  Progress &progress = declProgress_[module][decl.index];
  const auto &alias = *astOf(module).decl(decl).as<ast::TypeAliasDecl>();
  if (progress == Progress::Done)
    return table.declTypes[decl.index];
  if (progress == Progress::InProgress) {
    if (reportedCycles_.insert(key(module, decl.index)).second)
      report(DiagKind::CyclicTypeAlias, alias.name.span, alias.name.text);
    return store().error();
  }
  progress = Progress::InProgress;
  TypeId target = resolveType(module, alias.type);
  TypeId result = target;
  if (!rel_.isError(target) && alias.name.valid()) {
    result = store().alias(target, alias.name.text);
    if (const TypeOrigin *origin = typeOrigin(target))
      noteTypeOrigin(result, origin->span, origin->what);
  }
  if (reportedCycles_.count(key(module, decl.index)))
    result = store().error();
  declProgress_[module][decl.index] = Progress::Done;
  table.declTypes[decl.index] = result;
  return result;
}

} // namespace cairn::types
