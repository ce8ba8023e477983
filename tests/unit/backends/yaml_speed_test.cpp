// Rendering speed on a fleet-sized output: about 16 MB of YAML, the size of
// the reference workload in ../shared/design/performance-notes.md (14,000
// Deployments here; the reference has 40,000 smaller objects).
// The time limit is asserted only in optimised builds; debug builds print it.
#include <chrono>

#include <gtest/gtest.h>

#include "backends/emitter.h"
#include "value_builder.h"

namespace cairn::backends {
namespace {

using testing::ValueBuilder;

eval::Value deployment(ValueBuilder &b, int i) {
  std::string name = "service-" + std::to_string(i);
  auto labels = b.map({{"app.kubernetes.io/name", b.str(name)}, {"team", b.str("payments")}, {"tier", b.str("backend")}});
  auto container = b.map({
      {"name", b.str("app")},
      {"image", b.str("ghcr.io/acme/" + name + ":1.2." + std::to_string(i % 10))},
      {"args", b.list({b.str("--port=8080"), b.str("--log-level=info")})},
      {"ports", b.list({b.map({{"containerPort", b.integer(8080)}, {"name", b.str("http")}, {"protocol", b.str("TCP")}})})},
      {"env", b.list({b.map({{"name", b.str("ENV")}, {"value", b.str("prod")}}),
                      b.map({{"name", b.str("REPLICA_HINT")}, {"value", b.str(std::to_string(i % 7))}})})},
      {"resources", b.map({{"limits", b.map({{"cpu", b.str("500m")}, {"memory", b.str("512Mi")}})},
                           {"requests", b.map({{"cpu", b.str("250m")}, {"memory", b.str("256Mi")}})}})},
      {"readinessProbe", b.map({{"httpGet", b.map({{"path", b.str("/healthz")}, {"port", b.str("http")}})},
                                {"periodSeconds", b.integer(10)}})},
  });
  return b.map({
      {"apiVersion", b.str("apps/v1")},
      {"kind", b.str("Deployment")},
      {"metadata", b.map({{"name", b.str(name)}, {"namespace", b.str("prod")}, {"labels", labels}})},
      {"spec", b.map({{"replicas", b.integer(1 + i % 5)},
                      {"selector", b.map({{"matchLabels", labels}})},
                      {"template", b.map({{"metadata", b.map({{"labels", labels}})},
                                          {"spec", b.map({{"containers", b.list({container})}})}})}})},
  });
}

double secondsToRender(llvm::StringRef format, llvm::ArrayRef<eval::Value> docs, uint64_t &bytes) {
  auto start = std::chrono::steady_clock::now();
  RenderedOutput out;
  DiagnosticSink diags;
  EXPECT_TRUE(createEmitter(format)->render(docs, out, diags));
  bytes = out.size();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(Speed, FleetSizedOutputRendersWellUnderASecond) {
  ValueBuilder b;
  std::vector<eval::Value> docs;
  for (int i = 0; i < 14000; ++i)
    docs.push_back(deployment(b, i));
  for (const char *format : {"yaml", "json"}) {
    uint64_t bytes = 0;
    double seconds = secondsToRender(format, docs, bytes);
    std::printf("%s: %.1f MB in %.3f s\n", format, bytes / 1e6, seconds);
    EXPECT_GT(bytes, 15'000'000u);
#ifdef NDEBUG
    EXPECT_LT(seconds, 0.5) << format;
#endif
  }
}

} // namespace
} // namespace cairn::backends
