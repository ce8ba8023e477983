// The mapping of CRD schema nodes to Cairn types, checked on the generated
// text: the form users read and import.
#include "crd_test_support.h"

namespace cairn::importers::testing {
namespace {

std::string widgetModule(const std::string &properties, const std::string &extraRoot = "") {
  auto run = importYaml(widgetCrd(properties, extraRoot));
  EXPECT_FALSE(run->diags.hasErrors()) << run->compact();
  return run->module("example.com/v1");
}

TEST(CrdSchema, KindHasFixedApiVersionKindAndMetadata) {
  std::string text = widgetModule(R"(            spec:
              type: object
              properties:
                size: {type: integer}
)",
                                  "          required: [spec]\n");
  EXPECT_TRUE(contains(text, "import \"k8s/meta/v1\" as meta\n"));
  EXPECT_TRUE(contains(text, "schema Widget {\n"
                             "  apiVersion: \"example.com/v1\" = \"example.com/v1\"\n"
                             "  kind: \"Widget\" = \"Widget\"\n"
                             "  metadata: meta.ObjectMeta\n"
                             "  spec: WidgetSpec\n}"));
  EXPECT_TRUE(contains(text, "schema WidgetSpec {\n  size?: int\n}"));
}

TEST(CrdSchema, EnumsBecomeLiteralUnions) {
  std::string text = widgetModule(R"(            mode:
              type: string
              enum: [Fast, Slow, "True", "1"]
            level:
              type: integer
              enum: [1, 2, 3]
            only:
              type: string
              enum: [On]
)");
  EXPECT_TRUE(contains(text, "mode?: \"Fast\" | \"Slow\" | \"True\" | \"1\"\n"));
  EXPECT_TRUE(contains(text, "level?: 1 | 2 | 3\n"));
  // `On` would be a boolean in YAML 1.1; the schema says string.
  EXPECT_TRUE(contains(text, "only?: \"On\"\n"));
}

TEST(CrdSchema, StringRefinementsKeepTheirMeaning) {
  std::string text = widgetModule(R"(            name:
              type: string
              minLength: 1
              maxLength: 63
              pattern: ^[a-z]+$
            tag:
              type: string
              pattern: "[0-9]"
)");
  EXPECT_TRUE(contains(text, "name?: string(1..63, /^[a-z]+$/)\n"));
  // Unanchored: "contains a digit", as the API server reads it.
  EXPECT_TRUE(contains(text, R"(tag?: string(/^[\s\S]*[0-9][\s\S]*$/))"));
}

TEST(CrdSchema, UntranslatablePatternIsDroppedWithAWarning) {
  auto run = importYaml(widgetCrd(R"(            code:
              type: string
              pattern: ^\p{L}+$
)"));
  EXPECT_FALSE(run->diags.hasErrors());
  EXPECT_TRUE(contains(run->compact(), "crd.yaml:19:24: warning[W0845]: pattern `^\\p{L}+$` is not kept: "
                                       "Unicode classes (`\\p`) have no equivalent in a Cairn regex"));
  std::string text = run->module("example.com/v1");
  EXPECT_TRUE(contains(text, "  /// Must match the RE2 pattern `^\\p{L}+$` (checked by the API server).\n"
                             "  code?: string\n"));
}

TEST(CrdSchema, IntOrStringIsAUnion) {
  std::string text = widgetModule(R"(            port:
              x-kubernetes-int-or-string: true
              anyOf: [{type: integer}, {type: string}]
            size:
              x-kubernetes-int-or-string: true
              pattern: ^[0-9]+(Mi|Gi)$
)");
  EXPECT_TRUE(contains(text, "  port?: int | string\n"));
  EXPECT_TRUE(contains(text, "  size?: int | string(/^[0-9]+(Mi|Gi)$/)\n"));
  EXPECT_FALSE(contains(text, "anyOf")); // controller-gen's anyOf beside int-or-string says nothing new
}

TEST(CrdSchema, NumbersGetTheirRanges) {
  std::string text = widgetModule(R"(            replicas:
              type: integer
              format: int32
              minimum: 0
              exclusiveMinimum: true
            count:
              type: integer
              format: int64
              maximum: 100
              exclusiveMaximum: true
            port:
              type: integer
              format: int32
              minimum: 1
              maximum: 65535
            plain: {type: integer, format: int32}
            ratio:
              type: number
              minimum: 0
              maximum: 1
              exclusiveMaximum: true
)");
  EXPECT_TRUE(contains(text, "replicas?: int(1..2147483647)\n"));
  EXPECT_TRUE(contains(text, "count?: int(..99)\n"));
  EXPECT_TRUE(contains(text, "port?: int(1..65535)\n"));
  EXPECT_TRUE(contains(text, "plain?: int(-2147483648..2147483647)\n"));
  EXPECT_TRUE(contains(text, "  /// Must be less than 1.\n  ratio?: float(0..1)\n"));
}

TEST(CrdSchema, NestedObjectsAreNamedByTheirPath) {
  std::string text = widgetModule(R"(            spec:
              type: object
              properties:
                privateKey:
                  type: object
                  properties:
                    size: {type: integer}
                endpoints:
                  type: array
                  items:
                    type: object
                    properties:
                      port: {type: string}
                policies:
                  type: array
                  items:
                    type: object
                    properties:
                      name: {type: string}
                status:
                  type: array
                  items:
                    type: object
                    properties:
                      ok: {type: boolean}
                byName:
                  type: object
                  additionalProperties:
                    type: object
                    properties:
                      url: {type: string}
)");
  EXPECT_TRUE(contains(text, "  privateKey?: WidgetSpecPrivateKey\n"));
  EXPECT_TRUE(contains(text, "  endpoints?: [WidgetSpecEndpoint]\n"));
  EXPECT_TRUE(contains(text, "  policies?: [WidgetSpecPolicy]\n"));
  EXPECT_TRUE(contains(text, "  status?: [WidgetSpecStatusItem]\n"));
  EXPECT_TRUE(contains(text, "  byName?: {string: WidgetSpecByNameValue}\n"));
  // Pre-order: a schema comes before the schemas it uses.
  size_t spec = text.find("schema WidgetSpec {");
  size_t key = text.find("schema WidgetSpecPrivateKey {");
  ASSERT_NE(spec, std::string::npos);
  EXPECT_LT(text.find("schema Widget {"), spec);
  EXPECT_LT(spec, key);
}

TEST(CrdSchema, CollidingNamesGetANumber) {
  std::string text = widgetModule(R"(            spec:
              type: object
              properties:
                a-b:
                  type: object
                  properties:
                    x: {type: string}
                aB:
                  type: object
                  properties:
                    y: {type: string}
)");
  EXPECT_TRUE(contains(text, "  \"a-b\"?: WidgetSpecAB\n"));
  EXPECT_TRUE(contains(text, "  aB?: WidgetSpecAB2\n"));
}

TEST(CrdSchema, PreserveUnknownFieldsIsAny) {
  std::string text = widgetModule(R"(            config:
              type: object
              x-kubernetes-preserve-unknown-fields: true
            raw:
              x-kubernetes-preserve-unknown-fields: true
            settings:
              type: object
              x-kubernetes-preserve-unknown-fields: true
              properties:
                level: {type: integer}
)");
  EXPECT_TRUE(contains(text, "  config?: any\n"));
  EXPECT_TRUE(contains(text, "  raw?: any\n"));
  // Declared fields still get a schema, for users who want them checked.
  EXPECT_TRUE(contains(text, "`WidgetSettings { ... }` checks the declared ones.\n  settings?: any\n"));
  EXPECT_TRUE(contains(text, "schema WidgetSettings {\n  level?: int\n}"));
}

TEST(CrdSchema, MapsListsAndFreeObjects) {
  std::string text = widgetModule(R"(            labels:
              type: object
              additionalProperties: {type: string}
            anything:
              type: object
              additionalProperties: true
            empty:
              type: object
            hosts:
              type: array
              minItems: 1
              maxItems: 3
              items: {type: string}
            untyped:
              type: array
            grid:
              type: array
              items:
                type: array
                items: {type: integer}
)");
  EXPECT_TRUE(contains(text, "  labels?: {string: string}\n"));
  EXPECT_TRUE(contains(text, "  anything?: {string: any}\n"));
  EXPECT_TRUE(contains(text, "  /// The schema declares no fields: the API server keeps only an empty object.\n"
                             "  empty?: {string: any}\n"));
  EXPECT_TRUE(contains(text, "  /// 1 to 3 items.\n  hosts?: [string]\n"));
  EXPECT_TRUE(contains(text, "  untyped?: [any]\n"));
  EXPECT_TRUE(contains(text, "  grid?: [[int]]\n"));
}

TEST(CrdSchema, NullableDefaultsAndFormats) {
  std::string text = widgetModule(R"(            note:
              type: string
              nullable: true
            when:
              type: string
              format: date-time
            mode:
              type: string
              default: fast
            email:
              type: string
              format: email
            size:
              type: integer
              default: 3
)",
                                  "          required: [size]\n");
  EXPECT_TRUE(contains(text, "  note?: string?\n"));
  EXPECT_TRUE(contains(text, "  when?: meta.Time\n"));
  EXPECT_TRUE(contains(text, "  /// Defaults to `fast` (set by the API server when absent).\n  mode?: string\n"));
  EXPECT_TRUE(contains(text, "  /// Format `email` (checked by the API server).\n  email?: string\n"));
  // Required with a default: the API server fills it in, so it may be left out.
  EXPECT_TRUE(contains(text, "  /// Defaults to `3` (set by the API server when absent).\n  size?: int\n"));
}

TEST(CrdSchema, DescriptionsAndRulesBecomeDocComments) {
  std::string text = widgetModule(R"(            spec:
              description: |
                What the widget should be.
                Second line.
              type: object
              x-kubernetes-validations:
                - rule: self.min <= self.max
                  message: min must not exceed max
              properties:
                min: {type: integer}
                max: {type: integer}
)",
                                  "          description: A widget.\n");
  EXPECT_TRUE(contains(text, "/// A widget.\n///\n/// `Widget` of `example.com/v1`, namespaced, "
                             "from the CustomResourceDefinition `widgets.example.com`.\nschema Widget {"));
  EXPECT_TRUE(contains(text, "  /// What the widget should be.\n  /// Second line.\n"
                             "  /// Checked by the API server: `self.min <= self.max` (min must not exceed max)\n"
                             "  spec?: WidgetSpec\n"));
}

TEST(CrdSchema, UnknownTypeIsAnErrorAtItsPlace) {
  auto run = importYaml(widgetCrd(R"(            size:
              type: int
)"));
  EXPECT_EQ(run->compact(), "crd.yaml:18:21: error[E0843]: invalid CustomResourceDefinition: unknown type `int` at `size`\n"
                            "  hint: use one of `object`, `array`, `string`, `integer`, `number` or `boolean`\n");
}

TEST(CrdSchema, DeepNestingIsAnErrorNotACrash) {
  std::string nested = "{type: string}";
  for (int i = 0; i < 80; ++i) // deeper than kMaxSchemaDepth, within what yaml-cpp parses
    nested = "{type: object, properties: {a: " + nested + "}}";
  auto run = importYaml(widgetCrd("            a: " + nested + "\n"));
  EXPECT_TRUE(run->diags.hasErrors());
  EXPECT_TRUE(contains(run->compact(), "error[E0843]: invalid CustomResourceDefinition: the schema nests too deeply at "
                                       "`a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a"));
}

TEST(CrdSchema, AnchoredSchemasAreSharedSoAliasBombsStaySmall) {
  // Each level uses the previous one twice: 2^40 schemas if expanded.
  std::string properties = "            l0: &l0 {type: object, properties: {x: {type: string}}}\n";
  for (int i = 1; i <= 40; ++i)
    properties += "            l" + std::to_string(i) + ": &l" + std::to_string(i) +
                  " {type: object, properties: {a: *l" + std::to_string(i - 1) + ", b: *l" +
                  std::to_string(i - 1) + "}}\n";
  auto run = importYaml(widgetCrd(properties));
  EXPECT_FALSE(run->diags.hasErrors()) << run->compact();
  std::string text = run->module("example.com/v1");
  EXPECT_TRUE(contains(text, "schema WidgetL40 {\n  a?: WidgetL39\n  b?: WidgetL39\n}"));
  EXPECT_EQ(run->result.library.modules.at(0).definitions.size(), 42u); // Widget, WidgetL0..WidgetL40
}

} // namespace
} // namespace cairn::importers::testing
