#include "importers/yaml_import_idioms.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "importers/yaml_import_text.h"

namespace cairn::importers {
namespace {

// ---------------------------------------------------------------- labels

using Entries = std::vector<std::pair<std::string, std::string>>;

struct SharedMap {
  Entries entries;            // in the order of the first use
  std::vector<CairnExpr *> uses;
  bool selector = false;      // used as a selector: named `selectorLabels`
  std::string name;
  int base = -1;              // the shared map this one extends, if any
};

bool simpleStringMap(const CairnExpr &e) {
  if (e.kind != CairnExpr::Kind::Object || !e.labelMap || e.members.empty())
    return false;
  return std::all_of(e.members.begin(), e.members.end(),
                     [](const CairnMember &m) { return m.value.kind == CairnExpr::Kind::String; });
}

Entries entriesOf(const CairnExpr &map) {
  Entries entries;
  for (const CairnMember &m : map.members)
    entries.emplace_back(m.key, m.value.text);
  return entries;
}

// Order-insensitive identity of a map: objects compare as key sets.
std::string canonicalKey(Entries entries) {
  std::sort(entries.begin(), entries.end());
  std::string key;
  for (const auto &[k, v] : entries)
    key += k + '\0' + v + '\0';
  return key;
}

void collectLabelMaps(CairnExpr &e, llvm::StringRef key, std::vector<std::pair<CairnExpr *, bool>> &out) {
  if (simpleStringMap(e)) {
    out.emplace_back(&e, key == "matchLabels" || key == "selector");
    return;
  }
  for (CairnMember &m : e.members)
    collectLabelMaps(m.value, m.key, out);
  for (CairnExpr &item : e.items)
    collectLabelMaps(item, "", out);
}

bool isStrictSubset(const Entries &small, const Entries &large) {
  if (small.size() >= large.size())
    return false;
  return std::all_of(small.begin(), small.end(), [&](const auto &entry) {
    return std::find(large.begin(), large.end(), entry) != large.end();
  });
}

// The value that tells apart maps of different apps: `webLabels`.
std::string appPrefix(const Entries &entries) {
  for (const char *key : {"app.kubernetes.io/name", "app", "k8s-app", "name", "app.kubernetes.io/instance"})
    for (const auto &[k, v] : entries)
      if (k == key && !v.empty())
        return camelName(v);
  return {};
}

std::string freshName(const std::string &wanted, std::set<std::string> &taken) {
  std::string name = wanted;
  for (int n = 2; taken.count(name) || isCairnKeyword(name); ++n)
    name = wanted + std::to_string(n);
  taken.insert(name);
  return name;
}

void nameSharedMaps(std::vector<SharedMap> &shared, std::set<std::string> &taken) {
  std::map<std::string, int> perBase;
  for (const SharedMap &s : shared)
    ++perBase[s.selector ? "selectorLabels" : "labels"];
  for (SharedMap &s : shared) {
    std::string base = s.selector ? "selectorLabels" : "labels";
    std::string prefix = appPrefix(s.entries);
    if (perBase[base] == 1 || prefix.empty())
      s.name = freshName(base, taken);
    else
      s.name = freshName(prefix + char(std::toupper(base[0])) + base.substr(1), taken);
  }
}

CairnExpr mapExpr(const Entries &entries) {
  CairnExpr map = CairnExpr::object(false);
  map.isMap = true;
  for (const auto &[k, v] : entries)
    map.members.push_back({k, CairnExpr::string(v), false});
  return map;
}

// `merge(base, { the rest })` for a map that extends another shared one.
CairnExpr letValue(const SharedMap &s, const std::vector<SharedMap> &shared) {
  if (s.base < 0)
    return mapExpr(s.entries);
  const Entries &base = shared[s.base].entries;
  Entries rest;
  for (const auto &entry : s.entries)
    if (std::find(base.begin(), base.end(), entry) == base.end())
      rest.push_back(entry);
  return CairnExpr::call("merge", {CairnExpr::atom(shared[s.base].name), mapExpr(rest)});
}

// ---------------------------------------------------------------- references

void collectReferences(CairnExpr &e, std::vector<CairnExpr *> &out) {
  if (e.kind == CairnExpr::Kind::String && !e.refKind.empty())
    out.push_back(&e);
  for (CairnMember &m : e.members)
    collectReferences(m.value, out);
  for (CairnExpr &item : e.items)
    collectReferences(item, out);
}

bool reaches(const std::vector<std::vector<size_t>> &edges, size_t from, size_t to) {
  std::vector<bool> seen(edges.size(), false);
  std::vector<size_t> stack{from};
  while (!stack.empty()) {
    size_t at = stack.back();
    stack.pop_back();
    if (at == to)
      return true;
    if (seen[at])
      continue;
    seen[at] = true;
    for (size_t next : edges[at])
      stack.push_back(next);
  }
  return false;
}

std::optional<size_t> findTarget(const std::vector<ImportedObject> &objects, size_t from, const CairnExpr &ref) {
  for (size_t j = 0; j < objects.size(); ++j) {
    const ImportedObject &o = objects[j];
    if (j != from && !o.typeName.empty() && o.kind == ref.refKind && o.name == ref.text &&
        o.namespace_ == objects[from].namespace_)
      return j;
  }
  return std::nullopt;
}

} // namespace

void hoistSharedLabels(ImportedModule &module, std::set<std::string> &taken) {
  std::vector<std::pair<CairnExpr *, bool>> maps;
  for (ImportedObject &object : module.objects)
    collectLabelMaps(object.body, "", maps);
  std::vector<SharedMap> groups;
  std::map<std::string, size_t> byKey;
  for (auto [expr, selector] : maps) {
    Entries entries = entriesOf(*expr);
    auto [it, inserted] = byKey.try_emplace(canonicalKey(entries), groups.size());
    if (inserted)
      groups.push_back({std::move(entries), {}, false, {}, -1});
    groups[it->second].uses.push_back(expr);
    groups[it->second].selector |= selector;
  }
  std::vector<SharedMap> shared;
  for (SharedMap &g : groups)
    if (g.uses.size() >= 2)
      shared.push_back(std::move(g));
  if (shared.empty())
    return;
  nameSharedMaps(shared, taken);
  for (size_t i = 0; i < shared.size(); ++i)
    for (size_t j = 0; j < shared.size(); ++j)
      if (isStrictSubset(shared[j].entries, shared[i].entries) &&
          (shared[i].base < 0 || shared[j].entries.size() > shared[shared[i].base].entries.size()))
        shared[i].base = static_cast<int>(j);
  // A base is declared before the maps that extend it.
  std::vector<bool> declared(shared.size(), false);
  std::function<void(size_t)> declare = [&](size_t i) {
    if (declared[i])
      return;
    declared[i] = true;
    if (shared[i].base >= 0)
      declare(static_cast<size_t>(shared[i].base));
    module.lets.push_back({shared[i].name, "{string: string}", letValue(shared[i], shared)});
  };
  for (size_t i = 0; i < shared.size(); ++i)
    declare(i);
  for (const SharedMap &s : shared)
    for (CairnExpr *use : s.uses)
      *use = CairnExpr::atom(s.name);
}

void linkReferences(ImportedModule &module, std::set<std::string> &taken) {
  std::vector<ImportedObject> &objects = module.objects;
  std::vector<std::vector<size_t>> edges(objects.size());
  std::vector<std::pair<CairnExpr *, size_t>> links; // a name and the object it names
  for (size_t i = 0; i < objects.size(); ++i) {
    if (objects[i].typeName.empty())
      continue;
    std::vector<CairnExpr *> refs;
    collectReferences(objects[i].body, refs);
    for (CairnExpr *ref : refs) {
      std::optional<size_t> target = findTarget(objects, i, *ref);
      // `let`s may not depend on themselves, even through others (E0309).
      if (!target || reaches(edges, *target, i))
        continue;
      edges[i].push_back(*target);
      links.emplace_back(ref, *target);
    }
  }
  // `webConfig`; `webServiceAccount` when other objects are called `web` too.
  std::map<std::string, int> sameName;
  for (const ImportedObject &object : objects)
    ++sameName[camelName(object.name)];
  std::vector<bool> referenced(objects.size(), false);
  for (auto &[ref, target] : links)
    referenced[target] = true;
  for (size_t j = 0; j < objects.size(); ++j) {
    if (!referenced[j])
      continue;
    std::string name = camelName(objects[j].name);
    if (sameName[name] > 1 || taken.count(name))
      name = camelName(objects[j].name + "-" + objects[j].kind);
    objects[j].letName = freshName(name, taken);
  }
  for (auto &[ref, target] : links)
    *ref = CairnExpr::atom(objects[target].letName + ".metadata.name");
}

} // namespace cairn::importers
