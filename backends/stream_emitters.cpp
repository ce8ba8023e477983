// The `yaml` and `json` emitters: the whole output as one stream.
#include "backends/stream_emitters.h"

#include "backends/parallel_render.h"
#include "eval/value_writer.h"

namespace cairn::backends {
namespace {

eval::WriteOptions documentOptions(uint64_t outputLimit) {
  eval::WriteOptions options;
  options.kubernetesKeyOrder = true;
  options.maxBytes = outputLimit;
  return options;
}

} // namespace

bool StreamEmitter::render(llvm::ArrayRef<eval::Value> documents, RenderedOutput &out,
                           DiagnosticSink &diags) const {
  return renderStream(documents, diags, [&](llvm::StringRef text) {
    out.stream.append(text.data(), text.size());
    return true;
  });
}

bool YamlEmitter::renderStream(llvm::ArrayRef<eval::Value> documents, DiagnosticSink &diags, TextSink sink) const {
  if (!checkDocumentsAreObjects(documents, diags))
    return false;
  eval::WriteOptions options = documentOptions(outputLimit_);
  return renderInParallel(
      documents, diags,
      [&](std::string &text, size_t i, DiagnosticSink &sink) {
        if (i > 0)
          text += "---\n";
        return eval::appendYaml(text, documents[i], sink, options);
      },
      sink);
}

// One document is written as itself, so `kubectl apply -f` and other tools
// see the object; several become a `v1` `List`, which kubectl also accepts.
bool JsonEmitter::renderStream(llvm::ArrayRef<eval::Value> documents, DiagnosticSink &diags, TextSink sink) const {
  if (!checkDocumentsAreObjects(documents, diags))
    return false;
  eval::WriteOptions options = documentOptions(outputLimit_);
  if (documents.size() == 1) {
    std::string text;
    bool ok = appendJson(text, documents[0], diags, options);
    text += '\n';
    return ok && sink(text);
  }
  if (documents.empty())
    return sink("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": []\n}\n");
  if (!sink("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": ["))
    return false;
  bool ok = renderInParallel(
      documents, diags,
      [&](std::string &text, size_t i, DiagnosticSink &sink) {
        text += i == 0 ? "\n    " : ",\n    ";
        return eval::appendJson(text, documents[i], sink, options, 4);
      },
      sink);
  return ok && sink("\n  ]\n}\n");
}

} // namespace cairn::backends
