#include "importers/crd_schema.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "importers/crd_pattern.h"

namespace cairn::importers {
namespace {

std::string joinPath(const std::string &path, const std::string &name) {
  return path.empty() ? name : path + "." + name;
}

std::string countNote(std::optional<int64_t> lo, std::optional<int64_t> hi, const char *what) {
  if (lo && hi)
    return lo == hi ? fmt::format("Exactly {} {}.", *lo, what) : fmt::format("{} to {} {}.", *lo, *hi, what);
  if (lo)
    return fmt::format("At least {} {}.", *lo, what);
  return fmt::format("At most {} {}.", *hi, what);
}

} // namespace

std::string CrdSchemaConverter::description(const YAML::Node &schema) const {
  // Lenient: a description that is not text only loses the doc comment.
  std::optional<YAML::Node> text = CrdYamlFile::child(schema, "description");
  return text && text->IsScalar() ? tidyDoc(text->Scalar()) : std::string();
}

std::vector<ModelField> CrdSchemaConverter::fields(const YAML::Node &objectSchema, const std::string &prefix,
                                                   const std::string &path, const std::vector<std::string> &skip,
                                                   int depth) {
  std::vector<ModelField> out;
  std::optional<YAML::Node> properties = yaml_.mapping(objectSchema, "properties", joinPath(path, "properties"));
  if (!properties)
    return out;
  std::set<std::string> required;
  if (std::optional<YAML::Node> list = yaml_.sequence(objectSchema, "required", joinPath(path, "required")))
    for (const YAML::Node &name : *list) {
      if (name.IsScalar())
        required.insert(name.Scalar());
      else
        yaml_.invalid(name, fmt::format("`{}` must list field names", joinPath(path, "required")));
    }
  for (const auto &entry : *properties) {
    if (!entry.first.IsScalar()) {
      yaml_.invalid(entry.first, path.empty() ? std::string("a property name must be a string")
                                              : fmt::format("a property name of `{}` must be a string", path));
      continue;
    }
    const std::string &name = entry.first.Scalar();
    if (std::find(skip.begin(), skip.end(), name) != skip.end())
      continue;
    Site site{prefix + pascalCase(name), joinPath(path, name), depth + 1};
    out.push_back(field(name, entry.second, required.count(name) > 0, site));
  }
  return out;
}

ModelField CrdSchemaConverter::field(const std::string &name, const YAML::Node &schema, bool required,
                                     const Site &site) {
  Notes notes;
  ModelField f;
  f.name = name;
  f.type = type(schema, site, notes);
  // The API server fills in a default before it checks `required`.
  f.required = required && !CrdYamlFile::child(schema, "default");
  f.doc = description(schema);
  for (const std::string &note : notes)
    f.doc += (f.doc.empty() ? "" : "\n") + note;
  return f;
}

bool CrdSchemaConverter::spend(const YAML::Node &schema, const Site &site) {
  const char *problem = nullptr;
  if (site.depth > kMaxSchemaDepth)
    problem = "the schema nests too deeply";
  else if (nodeBudget_ == 0)
    problem = "the schemas are too large";
  if (!problem) {
    --nodeBudget_;
    return true;
  }
  if (!limitReported_)
    yaml_.invalid(schema, fmt::format("{} at `{}` (at most {} levels and {} schemas)", problem, site.path,
                                      kMaxSchemaDepth, kMaxSchemaNodes));
  limitReported_ = true;
  return false;
}

ModelType CrdSchemaConverter::type(const YAML::Node &schema, const Site &site, Notes &notes) {
  if (!schema.IsMap()) {
    yaml_.invalid(schema, fmt::format("the schema of `{}` must be a mapping", site.path));
    return ModelType::of(ModelType::Kind::Any);
  }
  if (!spend(schema, site))
    return ModelType::of(ModelType::Kind::Any);
  auto at = [&](const char *key) { return site.path + "." + key; };
  bool intOrString = yaml_.boolean(schema, "x-kubernetes-int-or-string", at("x-kubernetes-int-or-string")).value_or(false);
  bool preserve = yaml_.boolean(schema, "x-kubernetes-preserve-unknown-fields",
                                at("x-kubernetes-preserve-unknown-fields")).value_or(false);
  bool nullable = yaml_.boolean(schema, "nullable", at("nullable")).value_or(false);
  std::string typeName = yaml_.string(schema, "type", at("type")).value_or("");
  ModelType result;
  std::optional<YAML::Node> format = CrdYamlFile::child(schema, "format");
  if (intOrString || (format && format->IsScalar() && format->Scalar() == "int-or-string")) {
    // A pattern or length limit constrains the string form (quantities, percentages).
    ModelType text = ModelType::of(ModelType::Kind::String);
    refineString(schema, site, notes, text);
    result = ModelType::unionOf({ModelType::of(ModelType::Kind::Int), std::move(text)});
  } else if (typeName == "object" || (typeName.empty() && (CrdYamlFile::child(schema, "properties") ||
                                                           CrdYamlFile::child(schema, "additionalProperties")))) {
    result = objectType(schema, site, notes, preserve);
  } else if (typeName == "array" || (typeName.empty() && CrdYamlFile::child(schema, "items"))) {
    result = arrayType(schema, site, notes);
  } else {
    result = untypedOrScalar(schema, typeName, site, notes);
  }
  commonNotes(schema, site, notes);
  if (nullable && result.kind != ModelType::Kind::Any)
    result = ModelType::unionOf({std::move(result), ModelType::of(ModelType::Kind::Null)});
  return result;
}

ModelType CrdSchemaConverter::untypedOrScalar(const YAML::Node &schema, const std::string &typeName,
                                              const Site &site, Notes &notes) {
  if (typeName == "string")
    return stringType(schema, site, notes);
  if (typeName == "integer")
    return intType(schema, site, notes);
  if (typeName == "number")
    return floatType(schema, site, notes);
  if (typeName == "boolean") {
    std::optional<ModelType> literals = enumType(schema, false, site);
    return literals ? *literals : ModelType::of(ModelType::Kind::Bool);
  }
  if (!typeName.empty())
    yaml_.invalid(schema["type"], fmt::format("unknown type `{}` at `{}`", typeName, site.path))
        .withHint("use one of `object`, `array`, `string`, `integer`, `number` or `boolean`");
  return ModelType::of(ModelType::Kind::Any);
}

ModelType CrdSchemaConverter::objectType(const YAML::Node &schema, const Site &site, Notes &notes,
                                         bool preserveUnknown) {
  std::optional<YAML::Node> properties = yaml_.mapping(schema, "properties", site.path + ".properties");
  if (properties && properties->size() > 0) {
    std::string name = objectDefinition(schema, site);
    if (!preserveUnknown)
      return ModelType::ref("", name);
    notes.push_back(fmt::format("The API server keeps fields its schema does not declare "
                                "(x-kubernetes-preserve-unknown-fields), so this is `any`; "
                                "`{} {{ ... }}` checks the declared ones.", name));
    return ModelType::of(ModelType::Kind::Any);
  }
  if (std::optional<YAML::Node> additional = CrdYamlFile::child(schema, "additionalProperties")) {
    if (additional->IsMap()) {
      Notes valueNotes;
      ModelType value = type(*additional, Site{site.name + "Value", site.path + "{}", site.depth + 1}, valueNotes);
      for (const std::string &note : valueNotes)
        notes.push_back("Values: " + note);
      return ModelType::mapOf(std::move(value));
    }
    if (yaml_.boolean(schema, "additionalProperties", site.path + ".additionalProperties").value_or(false))
      return ModelType::mapOf(ModelType::of(ModelType::Kind::Any));
  }
  if (preserveUnknown)
    return ModelType::of(ModelType::Kind::Any);
  notes.push_back("The schema declares no fields: the API server keeps only an empty object.");
  return ModelType::mapOf(ModelType::of(ModelType::Kind::Any));
}

std::string CrdSchemaConverter::objectDefinition(const YAML::Node &schema, const Site &site) {
  // A YAML alias is the anchored node itself, at the anchor's position: its
  // schema is generated once and shared, which also defuses alias bombs.
  int position = schema.Mark().pos;
  if (position >= 0)
    if (auto it = definitionAt_.find(position); it != definitionAt_.end())
      return it->second;
  std::string name = names_.allocate(site.name);
  if (position >= 0)
    definitionAt_[position] = name;
  size_t index = module_.definitions.size();
  module_.definitions.emplace_back(); // filled below, after the schemas it uses (pre-order)
  std::vector<ModelField> nested = fields(schema, name, site.path, {}, site.depth);
  ModelDefinition &def = module_.definitions[index];
  def.name = name;
  def.fields = std::move(nested);
  def.doc = description(schema);
  return name;
}

ModelType CrdSchemaConverter::arrayType(const YAML::Node &schema, const Site &site, Notes &notes) {
  ModelType element = ModelType::of(ModelType::Kind::Any);
  if (std::optional<YAML::Node> items = CrdYamlFile::child(schema, "items")) {
    Notes itemNotes;
    element = type(*items, Site{itemName(site.name), site.path + "[]", site.depth + 1}, itemNotes);
    for (const std::string &note : itemNotes)
      notes.push_back("Items: " + note);
  }
  std::optional<int64_t> minItems = yaml_.integer(schema, "minItems", site.path + ".minItems");
  std::optional<int64_t> maxItems = yaml_.integer(schema, "maxItems", site.path + ".maxItems");
  if (minItems || maxItems)
    notes.push_back(countNote(minItems, maxItems, "items"));
  std::string listType = yaml_.string(schema, "x-kubernetes-list-type", site.path + ".x-kubernetes-list-type").value_or("");
  bool unique = yaml_.boolean(schema, "uniqueItems", site.path + ".uniqueItems").value_or(false);
  if (listType == "map") {
    std::vector<std::string> keys;
    if (std::optional<YAML::Node> list = yaml_.sequence(schema, "x-kubernetes-list-map-keys", site.path + ".x-kubernetes-list-map-keys"))
      for (const YAML::Node &key : *list)
        if (key.IsScalar())
          keys.push_back("`" + key.Scalar() + "`");
    std::string joined;
    for (const std::string &key : keys)
      joined += (joined.empty() ? "" : ", ") + key;
    notes.push_back(fmt::format("At most one item per {}.", joined.empty() ? "key" : joined));
  } else if (listType == "set" || unique) {
    notes.push_back("Items must be unique.");
  }
  return ModelType::listOf(std::move(element));
}

ModelType CrdSchemaConverter::stringType(const YAML::Node &schema, const Site &site, Notes &notes) {
  if (std::optional<ModelType> literals = enumType(schema, true, site))
    return *literals;
  std::string format = yaml_.string(schema, "format", site.path + ".format").value_or("");
  if (format == "date-time")
    return ModelType::ref("k8s/meta/v1", "Time");
  ModelType t = ModelType::of(ModelType::Kind::String);
  if (!format.empty())
    notes.push_back(fmt::format("Format `{}` (checked by the API server).", format));
  refineString(schema, site, notes, t);
  return t;
}

void CrdSchemaConverter::refineString(const YAML::Node &schema, const Site &site, Notes &notes, ModelType &t) {
  t.minInt = yaml_.integer(schema, "minLength", site.path + ".minLength");
  t.maxInt = yaml_.integer(schema, "maxLength", site.path + ".maxLength");
  std::optional<std::string> pattern = yaml_.string(schema, "pattern", site.path + ".pattern");
  if (!pattern)
    return;
  TranslatedPattern translated = translateCrdPattern(*pattern);
  if (translated.error.empty()) {
    t.pattern = translated.regex;
    return;
  }
  yaml_.diags()
      .report(DiagKind::CrdPatternDropped, yaml_.span(schema["pattern"]), *pattern, translated.error)
      .note(fmt::format("`{}` accepts any string; the API server still checks the pattern", site.path));
  notes.push_back(fmt::format("Must match the RE2 pattern `{}` (checked by the API server).", *pattern));
}

ModelType CrdSchemaConverter::intType(const YAML::Node &schema, const Site &site, Notes &notes) {
  if (std::optional<ModelType> literals = enumType(schema, false, site))
    return *literals;
  ModelType t = ModelType::of(ModelType::Kind::Int);
  std::string format = yaml_.string(schema, "format", site.path + ".format").value_or("");
  if (format == "int32") {
    t.minInt = INT32_MIN;
    t.maxInt = INT32_MAX;
  } else if (!format.empty() && format != "int64") {
    notes.push_back(fmt::format("Format `{}` (checked by the API server).", format));
  }
  // Bounds outside the int64 range add nothing to what `int` holds.
  constexpr double kLimit = 9.2e18;
  std::optional<double> minimum = yaml_.number(schema, "minimum", site.path + ".minimum");
  if (minimum && *minimum > -kLimit && *minimum < kLimit) {
    bool exclusive = yaml_.boolean(schema, "exclusiveMinimum", site.path + ".exclusiveMinimum").value_or(false);
    int64_t lo = exclusive ? static_cast<int64_t>(std::floor(*minimum)) + 1 : static_cast<int64_t>(std::ceil(*minimum));
    t.minInt = t.minInt ? std::max(*t.minInt, lo) : lo;
  }
  std::optional<double> maximum = yaml_.number(schema, "maximum", site.path + ".maximum");
  if (maximum && *maximum > -kLimit && *maximum < kLimit) {
    bool exclusive = yaml_.boolean(schema, "exclusiveMaximum", site.path + ".exclusiveMaximum").value_or(false);
    int64_t hi = exclusive ? static_cast<int64_t>(std::ceil(*maximum)) - 1 : static_cast<int64_t>(std::floor(*maximum));
    t.maxInt = t.maxInt ? std::min(*t.maxInt, hi) : hi;
  }
  if (t.minInt && t.maxInt && *t.minInt > *t.maxInt)
    yaml_.invalid(schema, fmt::format("no integer fits the bounds of `{}` ({}..{})", site.path, *t.minInt, *t.maxInt));
  return t;
}

ModelType CrdSchemaConverter::floatType(const YAML::Node &schema, const Site &site, Notes &notes) {
  if (std::optional<ModelType> literals = enumType(schema, false, site))
    return *literals;
  ModelType t = ModelType::of(ModelType::Kind::Float);
  std::string format = yaml_.string(schema, "format", site.path + ".format").value_or("");
  if (!format.empty() && format != "double" && format != "float")
    notes.push_back(fmt::format("Format `{}` (checked by the API server).", format));
  // Cairn bounds are inclusive: an exclusive bound is kept as inclusive and noted.
  t.minFloat = yaml_.number(schema, "minimum", site.path + ".minimum");
  if (t.minFloat && yaml_.boolean(schema, "exclusiveMinimum", site.path + ".exclusiveMinimum").value_or(false))
    notes.push_back(fmt::format("Must be greater than {}.", *t.minFloat));
  t.maxFloat = yaml_.number(schema, "maximum", site.path + ".maximum");
  if (t.maxFloat && yaml_.boolean(schema, "exclusiveMaximum", site.path + ".exclusiveMaximum").value_or(false))
    notes.push_back(fmt::format("Must be less than {}.", *t.maxFloat));
  if (t.minFloat && t.maxFloat && *t.minFloat > *t.maxFloat)
    yaml_.invalid(schema, fmt::format("no number fits the bounds of `{}`", site.path));
  return t;
}

std::optional<ModelType> CrdSchemaConverter::enumType(const YAML::Node &schema, bool strings, const Site &site) {
  std::optional<YAML::Node> values = yaml_.sequence(schema, "enum", site.path + ".enum");
  if (!values || values->size() == 0)
    return std::nullopt;
  std::vector<ModelType> members;
  std::set<std::string> seen;
  for (const YAML::Node &value : *values) {
    if (yamlIsNull(value))
      continue; // null is allowed by `nullable`, handled by the caller
    if (!value.IsScalar()) {
      yaml_.invalid(value, fmt::format("the `enum` of `{}` must list scalar values", site.path));
      return std::nullopt;
    }
    ModelType literal = ModelType::of(ModelType::Kind::Literal);
    literal.literal = yamlScalarLiteral(value, strings);
    if (seen.insert(literal.literal).second)
      members.push_back(std::move(literal));
  }
  if (members.empty())
    return std::nullopt;
  return ModelType::unionOf(std::move(members));
}

void CrdSchemaConverter::commonNotes(const YAML::Node &schema, const Site &site, Notes &notes) {
  if (std::optional<YAML::Node> value = CrdYamlFile::child(schema, "default"))
    notes.push_back(fmt::format("Defaults to `{}` (set by the API server when absent).", yamlInline(*value)));
  std::optional<int64_t> minProperties = yaml_.integer(schema, "minProperties", site.path + ".minProperties");
  std::optional<int64_t> maxProperties = yaml_.integer(schema, "maxProperties", site.path + ".maxProperties");
  if (minProperties || maxProperties)
    notes.push_back(countNote(minProperties, maxProperties, "entries"));
  if (std::optional<YAML::Node> rules = yaml_.sequence(schema, "x-kubernetes-validations", site.path + ".x-kubernetes-validations"))
    for (const YAML::Node &rule : *rules) {
      std::optional<std::string> text = yaml_.string(rule, "rule", "x-kubernetes-validations[].rule");
      std::optional<std::string> message = yaml_.string(rule, "message", "x-kubernetes-validations[].message");
      if (!text)
        continue;
      std::string oneLine = *text; // rules are often written as YAML block scalars
      std::replace(oneLine.begin(), oneLine.end(), '\n', ' ');
      while (!oneLine.empty() && oneLine.back() == ' ')
        oneLine.pop_back();
      notes.push_back(fmt::format("Checked by the API server: `{}`{}", oneLine,
                                  message ? fmt::format(" ({})", *message) : std::string()));
    }
  // controller-gen writes `anyOf: [integer, string]` beside every int-or-string: nothing to add.
  bool intOrString = CrdYamlFile::child(schema, "x-kubernetes-int-or-string").has_value();
  for (const char *combinator : {"oneOf", "anyOf", "allOf", "not"})
    if (CrdYamlFile::child(schema, combinator) && !(intOrString && std::string(combinator) == "anyOf"))
      notes.push_back(fmt::format("Also checked by the API server against its `{}` constraints.", combinator));
}

} // namespace cairn::importers
