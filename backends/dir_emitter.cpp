#include "backends/dir_emitter.h"

#include <algorithm>
#include <map>

#include <llvm/ADT/StringExtras.h>

#include "eval/value_writer.h"

namespace cairn::backends {
namespace {

using eval::Value;
using eval::ValueKind;

// A string field of `object`, if it is set to a non-empty string.
std::optional<llvm::StringRef> stringField(const eval::ObjectData &object, llvm::StringRef name) {
  const eval::ObjectField *field = object.find(name);
  if (!field || field->value.kind() != ValueKind::String || field->value.asString().empty())
    return std::nullopt;
  return field->value.asString();
}

// One path component that stays inside the directory (see the header).
std::string sanitize(llvm::StringRef text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    bool keep = llvm::isAlnum(c) || c == '.' || c == '_' || c == '-';
    out += keep ? c : '_';
  }
  if (!out.empty() && out[0] == '.')
    out[0] = '_';
  return out;
}

void reportMissing(const Value &document, llvm::StringRef what, DiagnosticSink &diags) {
  diags.report(DiagKind::MissingObjectIdentity, document.span(), what.str(), "dir")
      .note(fmt::format("each object is written to `<namespace>/<kind>-<name>.yaml`; `{}` must be a non-empty string",
                        what.str()));
}

} // namespace

std::optional<std::string> dirOutputPath(const Value &document, DiagnosticSink &diags) {
  const eval::ObjectData &object = document.asObject();
  std::optional<llvm::StringRef> kind = stringField(object, "kind");
  if (!kind) {
    reportMissing(document, "kind", diags);
    return std::nullopt;
  }
  const eval::ObjectField *metadata = object.find("metadata");
  std::optional<llvm::StringRef> name, ns;
  if (metadata && metadata->value.kind() == ValueKind::Object) {
    name = stringField(metadata->value.asObject(), "name");
    ns = stringField(metadata->value.asObject(), "namespace");
  }
  if (!name) {
    reportMissing(document, "metadata.name", diags);
    return std::nullopt;
  }
  return fmt::format("{}/{}-{}.yaml", ns ? sanitize(*ns) : "_cluster", sanitize(kind->lower()), sanitize(*name));
}

bool DirEmitter::render(llvm::ArrayRef<Value> documents, RenderedOutput &out, DiagnosticSink &diags) const {
  if (!checkDocumentsAreObjects(documents, diags))
    return false;
  eval::WriteOptions options;
  options.kubernetesKeyOrder = true;
  options.maxBytes = outputLimit_;
  std::map<std::string, const Value *> byFoldedPath; // lower-cased path -> first object written there
  bool ok = true;
  for (const Value &document : documents) {
    std::optional<std::string> path = dirOutputPath(document, diags);
    if (!path) {
      ok = false;
      continue;
    }
    auto [it, inserted] = byFoldedPath.emplace(llvm::StringRef(*path).lower(), &document);
    if (!inserted) {
      diags.report(DiagKind::DuplicateOutputFile, document.span(), *path)
          .label(it->second->span(), "the other object written there");
      ok = false;
      continue;
    }
    OutputFile file{*path, {}};
    ok &= appendYaml(file.content, document, diags, options);
    out.files.push_back(std::move(file));
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const OutputFile &a, const OutputFile &b) { return a.path < b.path; });
  return ok;
}

} // namespace cairn::backends
