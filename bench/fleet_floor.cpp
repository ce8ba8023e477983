// The plain C++ floor of fleet(N): writes exactly the bytes of
//   cairn build bench/fleet.cairn -p n=N
// with no language at all, the way a straightforward C++ program would: each
// service is formatted into one buffer with fmt, and the buffer goes to the
// output in large chunks. The benchmark suite (bench/run) times it as the
// baseline of fleet(N) and compares Cairn's output to its bytes.
//   cairn_fleet_floor N [OUT]      (OUT defaults to standard output; `-` too)
#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <string_view>

namespace {

// One service: a ConfigMap, a Deployment, a Service and an HPA, in the key
// order Cairn emits (apiVersion, kind, metadata, then the rest sorted, with
// Kubernetes' identifying keys such as `name` first). Arguments: {0} the
// index, {1} the team (index % 10), {2} replicas, {3} the image minor version.
constexpr std::string_view kService = R"(apiVersion: v1
kind: ConfigMap
metadata:
  name: svc-{0}-config
  namespace: prod
  labels:
    app: svc-{0}
    team: team-{1}
data:
  LOG_LEVEL: info
  SERVICE_NAME: svc-{0}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-{0}
  namespace: prod
  labels:
    app: svc-{0}
    team: team-{1}
spec:
  replicas: {2}
  selector:
    matchLabels:
      app: svc-{0}
  template:
    metadata:
      labels:
        app: svc-{0}
        team: team-{1}
    spec:
      containers:
        - name: app
          image: registry.example.com/svc-{0}:1.{3}.0
          envFrom:
            - configMapRef:
                name: svc-{0}-config
          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8080
          resources:
            limits:
              cpu: 500m
              memory: 512Mi
            requests:
              cpu: 100m
              memory: 128Mi
---
apiVersion: v1
kind: Service
metadata:
  name: svc-{0}
  namespace: prod
  labels:
    app: svc-{0}
    team: team-{1}
spec:
  ports:
    - name: http
      port: 80
      targetPort: 8080
  selector:
    app: svc-{0}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: svc-{0}
  namespace: prod
  labels:
    app: svc-{0}
    team: team-{1}
spec:
  maxReplicas: 10
  metrics:
    - resource:
        name: cpu
        target:
          averageUtilization: 70
          type: Utilization
      type: Resource
  minReplicas: 2
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: svc-{0}
)";

// Flush the buffer once it holds this much: large writes, bounded memory.
constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

bool parseCount(const char *text, long long &count) {
  std::string_view view(text);
  auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), count);
  return error == std::errc() && end == view.data() + view.size() && count >= 0;
}

bool writeAll(std::FILE *out, const fmt::memory_buffer &buffer) {
  return std::fwrite(buffer.data(), 1, buffer.size(), out) == buffer.size();
}

int usage() {
  std::fputs("usage: cairn_fleet_floor N [OUT]\n"
             "  writes the bytes of `cairn build bench/fleet.cairn -p n=N` to OUT\n"
             "  (default: standard output) with no language at all\n",
             stderr);
  return 2;
}

}  // namespace

int main(int argc, char **argv) {
  long long count = 0;
  if (argc < 2 || argc > 3 || !parseCount(argv[1], count)) return usage();
  const bool toStdout = argc == 2 || std::string_view(argv[2]) == "-";
  std::FILE *out = toStdout ? stdout : std::fopen(argv[2], "wb");
  if (!out) {
    std::fprintf(stderr, "cairn_fleet_floor: cannot open %s: %s\n", argv[2], std::strerror(errno));
    return 1;
  }
  fmt::memory_buffer buffer;
  buffer.reserve(kChunkBytes + 4096);
  bool ok = true;
  for (long long i = 0; i < count && ok; ++i) {
    if (i > 0) buffer.append(std::string_view("---\n"));
    fmt::format_to(std::back_inserter(buffer), kService, i, i % 10,
                   i % 5 == 0 ? 3 : 2, i % 7);
    if (buffer.size() >= kChunkBytes) {
      ok = writeAll(out, buffer);
      buffer.clear();
    }
  }
  ok = ok && writeAll(out, buffer);
  ok = (toStdout ? std::fflush(out) : std::fclose(out)) == 0 && ok;
  if (!ok) {
    std::fprintf(stderr, "cairn_fleet_floor: writing the output failed: %s\n", std::strerror(errno));
    return 1;
  }
  return 0;
}
