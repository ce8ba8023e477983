#include "lsp/signature_help.h"

#include <fmt/format.h>

#include "lsp/completion_types.h"
#include "lsp/cursor_context.h"
#include "lsp/hover_describe.h"
#include "lsp/signature_builtins.h"

namespace cairn::lsp {
namespace {

// Builds `fn name(p1, p2): result` recording where each parameter is.
SignatureInfo buildLabel(llvm::StringRef name, const std::vector<std::string> &params, llvm::StringRef result) {
  SignatureInfo info;
  info.label = fmt::format("fn {}(", name.str());
  for (size_t i = 0; i < params.size(); ++i) {
    if (i > 0)
      info.label += ", ";
    uint32_t begin = static_cast<uint32_t>(info.label.size());
    info.label += params[i];
    info.parameters.push_back({begin, static_cast<uint32_t>(info.label.size())});
  }
  info.label += "): " + result.str();
  return info;
}

std::optional<SignatureInfo> userFunction(const Snapshot &s, uint32_t module, ast::DeclId id) {
  const auto *fn = s.ast(module).decl(id).as<ast::FnDecl>();
  if (!fn)
    return std::nullopt;
  const types::CheckedModule &checked = s.types(module);
  types::TypeId fnType = id.index < checked.declTypes.size() ? checked.declTypes[id.index] : types::TypeId{};
  const types::Type *t = fnType.valid() ? &s.checked.types.get(s.checked.types.strip(fnType)) : nullptr;
  bool typed = t && t->kind == types::TypeKind::Function;
  std::vector<std::string> params;
  for (size_t i = 0; i < fn->params.size(); ++i) {
    std::string type = typed && i < t->members.size() ? s.checked.display(t->members[i]) : "any";
    params.push_back(fmt::format("{}: {}", fn->params[i].name.text.str(), type));
  }
  SignatureInfo info = buildLabel(fn->name.text, params, typed ? s.checked.display(t->result) : "any");
  info.doc = cleanDoc(s.ast(module).decl(id).docComment);
  return info;
}

// A local or let holding a function value: labels from its type only.
std::optional<SignatureInfo> functionValue(const Snapshot &s, llvm::StringRef name, types::TypeId type) {
  if (!type.valid())
    return std::nullopt;
  const types::Type &t = s.checked.types.get(s.checked.types.strip(type));
  if (t.kind != types::TypeKind::Function)
    return std::nullopt;
  std::vector<std::string> params;
  for (types::TypeId p : t.members)
    params.push_back(s.checked.display(p));
  return buildLabel(name, params, s.checked.display(t.result));
}

std::optional<SignatureInfo> resolveCallee(const Snapshot &s, uint32_t module, TypeQueries &queries,
                                           const std::vector<llvm::StringRef> &chain) {
  if (chain.size() == 2)
    if (auto imported = importedModule(s, module, chain[0]))
      if (auto decl = findDecl(s.ast(*imported), chain[1]))
        return userFunction(s, *imported, *decl);
  if (chain.size() != 1)
    return std::nullopt;
  for (const LocalName &local : queries.locals())
    if (local.name == chain[0])
      return functionValue(s, local.name, local.type);
  if (auto decl = findDecl(s.ast(module), chain[0])) {
    if (auto info = userFunction(s, module, *decl))
      return info;
    return functionValue(s, chain[0], queries.valueNameType(chain[0]).id);
  }
  if (auto builtin = types::findBuiltin(chain[0])) {
    const BuiltinSignature &sig = builtinSignature(*builtin);
    std::vector<std::string> params(sig.params.begin(), sig.params.end());
    SignatureInfo info = buildLabel(chain[0], params, sig.result);
    info.doc = describeBuiltin(*builtin).doc;
    return info;
  }
  return std::nullopt;
}

} // namespace

std::optional<SignatureInfo> signatureHelp(const Snapshot &s, uint32_t module, uint32_t offset) {
  if (module >= s.program.modules.size() || module >= s.checked.modules.size())
    return std::nullopt;
  CursorContext cx = analyzeCursor(s.text(module), offset);
  const std::vector<Tok> &toks = cx.tokens;
  // The innermost call around the cursor (not a lambda's or a fn's parameter list).
  for (size_t f = cx.frames.size(); f-- > 0;) {
    const Frame &frame = cx.frames[f];
    if (frame.kind == FrameKind::Interp)
      return std::nullopt;
    if (frame.kind != FrameKind::Paren || frame.open == 0 || toks[frame.open - 1].kind != TokKind::Name)
      continue;
    if (toks[frame.open - 1].is("fn") || (frame.open >= 2 && toks[frame.open - 2].is("fn")) ||
        toks[frame.open - 1].is("let"))
      continue;
    std::vector<llvm::StringRef> chain;
    size_t j = frame.open;
    while (j > 0 && toks[j - 1].kind == TokKind::Name) {
      chain.insert(chain.begin(), toks[j - 1].text);
      --j;
      if (j > 0 && (toks[j - 1].is(".") || toks[j - 1].is("?.")))
        --j;
      else
        break;
    }
    uint32_t active = 0;
    size_t end = std::min(cx.firstAfter, toks.size());
    for (size_t i = frame.open + 1; i < end; ++i) {
      if (toks[i].is("(") || toks[i].is("[") || toks[i].is("{") || toks[i].kind == TokKind::InterpOpen) {
        size_t close = matchingClose(toks, i);
        if (close >= end)
          break; // the cursor is inside this argument
        i = close;
      } else if (toks[i].is(",")) {
        ++active;
      }
    }
    TypeQueries queries(s, module, cx);
    std::optional<SignatureInfo> info = resolveCallee(s, module, queries, chain);
    if (!info)
      return std::nullopt;
    info->activeParameter = active;
    return info;
  }
  return std::nullopt;
}

} // namespace cairn::lsp
