// fleet(N) for Jsonnet: the same objects as bench/fleet.cairn, written the
// way a Jsonnet user would, so the benchmark suite can time Debian's
// `jsonnet` (C++, 0.18) on the same workload as a baseline:
//   jsonnet -y --tla-code n=1000 bench/fleet.jsonnet
// `-y` prints the array as a YAML stream of JSON documents. Strings are built
// with `+`, not `%`: jsonnet 0.18's std.format is written in Jsonnet and made
// fleet(200) take 7.3 s of CPU instead of 0.19 s.
local labels(i) = { app: 'svc-' + i, team: 'team-' + (i % 10) };

local probe = { httpGet: { path: '/healthz', port: 8080 } };

local metadata(name, i) = { name: name, namespace: 'prod', labels: labels(i) };

local service(i) =
  local name = 'svc-' + i;
  [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata(name + '-config', i),
      data: { LOG_LEVEL: 'info', SERVICE_NAME: name },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: metadata(name, i),
      spec: {
        replicas: if i % 5 == 0 then 3 else 2,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: labels(i) },
          spec: {
            containers: [{
              name: 'app',
              image: 'registry.example.com/' + name + ':1.' + (i % 7) + '.0',
              ports: [{ containerPort: 8080, name: 'http' }],
              envFrom: [{ configMapRef: { name: name + '-config' } }],
              resources: {
                requests: { cpu: '100m', memory: '128Mi' },
                limits: { cpu: '500m', memory: '512Mi' },
              },
              livenessProbe: probe,
              readinessProbe: probe,
            }],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(name, i),
      spec: {
        selector: { app: name },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: metadata(name, i),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: name },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [{
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        }],
      },
    },
  ];

// A nested comprehension rather than std.flattenArrays, which jsonnet 0.18
// implements as a fold of array concatenations (quadratic in N).
function(n=100) [object for i in std.range(0, n - 1) for object in service(i)]
