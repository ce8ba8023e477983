// The `yaml` and `json` emitters: the whole output as one stream.
#include "backends/stream_emitters.h"

#include "eval/value_writer.h"

namespace cairn::backends {
namespace {

eval::WriteOptions documentOptions() {
  eval::WriteOptions options;
  options.kubernetesKeyOrder = true;
  return options;
}

} // namespace

bool YamlEmitter::render(llvm::ArrayRef<eval::Value> documents, RenderedOutput &out, DiagnosticSink &diags) const {
  if (!checkDocumentsAreObjects(documents, diags))
    return false;
  eval::WriteOptions options = documentOptions();
  bool ok = true;
  for (size_t i = 0; i < documents.size(); ++i) {
    if (i > 0)
      out.stream += "---\n";
    ok &= appendYaml(out.stream, documents[i], diags, options);
  }
  return ok;
}

// One document is written as itself, so `kubectl apply -f` and other tools
// see the object; several become a `v1` `List`, which kubectl also accepts.
bool JsonEmitter::render(llvm::ArrayRef<eval::Value> documents, RenderedOutput &out, DiagnosticSink &diags) const {
  if (!checkDocumentsAreObjects(documents, diags))
    return false;
  eval::WriteOptions options = documentOptions();
  if (documents.size() == 1) {
    bool ok = appendJson(out.stream, documents[0], diags, options);
    out.stream += '\n';
    return ok;
  }
  if (documents.empty()) {
    out.stream += "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": []\n}\n";
    return true;
  }
  out.stream += "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [";
  bool ok = true;
  for (size_t i = 0; i < documents.size(); ++i) {
    out.stream += i == 0 ? "\n    " : ",\n    ";
    ok &= appendJson(out.stream, documents[i], diags, options, 4);
  }
  out.stream += "\n  ]\n}\n";
  return ok;
}

} // namespace cairn::backends
