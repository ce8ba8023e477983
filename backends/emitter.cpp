// The emitter registry and what every emitter shares.
#include "backends/emitter.h"

#include "backends/dir_emitter.h"
#include "backends/stream_emitters.h"
#include "eval/value_ops.h"

namespace cairn::backends {
namespace {

struct Registration {
  const char *name;
  std::unique_ptr<Emitter> (*create)();
};

template <typename T> std::unique_ptr<Emitter> make() { return std::make_unique<T>(); }

constexpr Registration kEmitters[] = {
    {"yaml", make<YamlEmitter>},
    {"json", make<JsonEmitter>},
    {"dir", make<DirEmitter>},
};

} // namespace

uint64_t RenderedOutput::size() const {
  uint64_t total = stream.size();
  for (const OutputFile &file : files)
    total += file.content.size();
  return total;
}

std::unique_ptr<Emitter> createEmitter(llvm::StringRef name) {
  for (const Registration &r : kEmitters)
    if (name == r.name)
      return r.create();
  return nullptr;
}

std::vector<std::string> emitterNames() {
  std::vector<std::string> names;
  for (const Registration &r : kEmitters)
    names.emplace_back(r.name);
  return names;
}

bool checkDocumentsAreObjects(llvm::ArrayRef<eval::Value> documents, DiagnosticSink &diags) {
  bool ok = true;
  for (const eval::Value &document : documents) {
    if (document.kind() == eval::ValueKind::Object)
      continue;
    diags.report(DiagKind::OutputNotObject, document.span(), eval::describeValue(document));
    ok = false;
  }
  return ok;
}

} // namespace cairn::backends
