#include "importers/yaml_import_print.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "importers/yaml_import_text.h"

namespace cairn::importers {
namespace {

std::string pad(unsigned n) { return std::string(n, ' '); }

// A member as written: nested schema objects with one field fold into a path.
struct FoldedMember {
  std::string path;
  const CairnExpr *value;
  bool block;
};

FoldedMember fold(const CairnMember &member) {
  FoldedMember folded{cairnKey(member.key), &member.value, member.block};
  while (folded.block && folded.value->schemaObject && folded.value->members.size() == 1 &&
         isCairnName(folded.value->members.front().key)) {
    const CairnMember &only = folded.value->members.front();
    folded.path += "." + only.key;
    folded.value = &only.value;
    folded.block = only.block;
  }
  return folded;
}

std::optional<std::string> inlineText(const CairnExpr &expr);

std::optional<std::string> inlineMember(const CairnMember &member) {
  FoldedMember folded = fold(member);
  std::optional<std::string> value = inlineText(*folded.value);
  if (!value)
    return std::nullopt;
  return folded.path + (folded.block ? " " : " = ") + *value;
}

// The one-line form, or nullopt when there is none (a `"""` block inside).
std::optional<std::string> inlineText(const CairnExpr &expr) {
  switch (expr.kind) {
  case CairnExpr::Kind::Atom: return expr.text;
  case CairnExpr::Kind::String:
    if (prefersMultiline(expr.text))
      return std::nullopt;
    return cairnString(expr.text);
  case CairnExpr::Kind::Object: {
    if (expr.members.empty())
      return std::string("{}");
    std::string out = "{ ";
    for (size_t i = 0; i < expr.members.size(); ++i) {
      std::optional<std::string> member = inlineMember(expr.members[i]);
      if (!member)
        return std::nullopt;
      out += (i ? ", " : "") + *member;
      if (out.size() > kImportLineWidth)
        return std::nullopt; // too long anyway; stop early on huge values
    }
    return out + " }";
  }
  case CairnExpr::Kind::List: {
    std::string out = "[";
    for (size_t i = 0; i < expr.items.size(); ++i) {
      std::optional<std::string> item = inlineText(expr.items[i]);
      if (!item)
        return std::nullopt;
      out += (i ? ", " : "") + *item;
      if (out.size() > kImportLineWidth)
        return std::nullopt;
    }
    return out + "]";
  }
  case CairnExpr::Kind::Call: {
    std::string out = expr.text + "(";
    for (size_t i = 0; i < expr.items.size(); ++i) {
      std::optional<std::string> item = inlineText(expr.items[i]);
      if (!item)
        return std::nullopt;
      out += (i ? ", " : "") + *item;
    }
    return out + ")";
  }
  }
  return std::nullopt;
}

std::string printMember(const CairnMember &member, unsigned indent) {
  FoldedMember folded = fold(member);
  std::string prefix = folded.path + (folded.block ? " " : " = ");
  return prefix + printValue(*folded.value, indent, indent + static_cast<unsigned>(prefix.size()));
}

// `{`, one member per line, `}` at `indent`.
std::string printBlock(const CairnExpr &object, unsigned indent) {
  if (object.members.empty())
    return "{}";
  std::string out = "{\n";
  for (const CairnMember &member : object.members)
    out += pad(indent + 2) + printMember(member, indent + 2) + "\n";
  return out + pad(indent) + "}";
}

} // namespace

std::string printValue(const CairnExpr &expr, unsigned indent, unsigned column) {
  std::optional<std::string> text = inlineText(expr);
  if (text && column + text->size() <= kImportLineWidth)
    return *text;
  switch (expr.kind) {
  case CairnExpr::Kind::Atom: return expr.text;
  case CairnExpr::Kind::String: {
    if (!prefersMultiline(expr.text))
      return cairnString(expr.text); // a long one-line string stays on its line
    std::string out;
    appendMultiline(out, expr.text, indent + 2);
    return out;
  }
  case CairnExpr::Kind::Object: return printBlock(expr, indent);
  case CairnExpr::Kind::List: {
    // `[{ ... }]`: a list of one object (a Pod's only container) reads best
    // without an extra level of indentation.
    if (expr.items.size() == 1 && expr.items.front().kind == CairnExpr::Kind::Object)
      return "[" + printBlock(expr.items.front(), indent) + "]";
    std::string out = "[\n";
    for (const CairnExpr &item : expr.items)
      out += pad(indent + 2) + printValue(item, indent + 2, indent + 2) + ",\n";
    return out + pad(indent) + "]";
  }
  case CairnExpr::Kind::Call: {
    // `merge(labels, {` ... `})`: the arguments on the call's line, the last
    // one free to spread over the following lines.
    std::string out = expr.text + "(";
    for (size_t i = 0; i < expr.items.size(); ++i) {
      out += i ? ", " : "";
      out += printValue(expr.items[i], indent, column + static_cast<unsigned>(out.size()));
    }
    return out + ")";
  }
  }
  return {};
}

std::string printModule(const ImportedModule &module, std::vector<std::pair<uint32_t, uint32_t>> *objectLines) {
  std::string out = fmt::format("// Imported from {} by `cairn import yaml`.\n", module.sourceName);
  if (!module.imports.empty())
    out += "\n";
  for (const ImportedModule::Import &import : module.imports)
    out += fmt::format("import {} as {}\n", cairnString(import.path), import.alias);
  for (const ImportedLet &let : module.lets) {
    std::string head = fmt::format("let {}: {} = ", let.name, let.type);
    out += "\n" + head + printValue(let.value, 0, static_cast<unsigned>(head.size())) + "\n";
  }
  size_t counted = 0;
  uint32_t lines = 0;
  auto linesSoFar = [&] { // counts only what was added since the last call
    lines += static_cast<uint32_t>(std::count(out.begin() + static_cast<ptrdiff_t>(counted), out.end(), '\n'));
    counted = out.size();
    return lines;
  };
  for (const ImportedObject &object : module.objects) {
    out += "\n";
    for (const std::string &comment : object.comments)
      out += "//" + comment + "\n";
    for (const std::string &note : object.notes)
      out += "// " + note + "\n";
    uint32_t firstLine = linesSoFar() + 1;
    std::string body = object.typeName.empty() ? "" : object.typeName + " ";
    body += printBlock(object.body, 0);
    if (object.letName.empty())
      out += "emit " + body + "\n";
    else
      out += fmt::format("let {} = {}\nemit {}\n", object.letName, body, object.letName);
    if (objectLines)
      objectLines->emplace_back(firstLine, linesSoFar());
  }
  return out;
}

} // namespace cairn::importers
