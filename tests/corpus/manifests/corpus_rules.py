"""What check_corpus.py checks: the API's decoding rules (types, formats,
required and unknown fields, duplicate keys, enums) read from the OpenAPI v2
document, plus a small, explicit set of the API server's own validation rules.
"""
import base64
import json
import re
from decimal import Decimal

import yaml

from corpus_tables import ENUMS, SERVER_RANGES

K8S = "io.k8s."
QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity"
INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString"
TIMES = ("io.k8s.apimachinery.pkg.apis.meta.v1.Time", "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime")

QUANTITY_RE = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$")
RFC3339_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
INT_RANGES = {"int32": (-2**31, 2**31 - 1), "int64": (-2**63, 2**63 - 1)}

LABEL_VALUE_RE = re.compile(r"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")
CONFIG_KEY_RE = re.compile(r"^[-._a-zA-Z0-9]+$")
PORT_NAME_RE = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")
WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"}


def short(definition):
    return definition[len(K8S):].replace("api.", "", 1) if definition.startswith("io.k8s.api.") else definition[len(K8S):]


def join(path, key):
    if isinstance(key, int):
        return f"{path}[{key}]"
    key = str(key)
    if not re.match(r"^[A-Za-z0-9_-]+$", key):
        return f'{path}["{key}"]'
    return f"{path}.{key}" if path else key


def type_name(value):
    if value is None:
        return "null"
    return {bool: "boolean", int: "integer", float: "number", str: "string", dict: "object", list: "array"}.get(type(value), type(value).__name__)


class Schema:
    """Definitions by group/version/kind; refuses a table entry naming no real field."""

    def __init__(self, swagger):
        self.defs = swagger["definitions"]
        self.by_gvk, self.kinds = {}, set()
        for name, d in self.defs.items():
            for gvk in d.get("x-kubernetes-group-version-kind", []):
                api_version = f"{gvk['group']}/{gvk['version']}" if gvk["group"] else gvk["version"]
                self.by_gvk.setdefault((api_version, gvk["kind"]), name)
                self.kinds.add(gvk["kind"])
        known = {(short(name), prop) for name, d in self.defs.items() for prop in d.get("properties", {})}
        stale = sorted(entry for entry in set(ENUMS) | set(SERVER_RANGES) if entry not in known)
        if stale:
            raise ValueError(f"corpus_tables.py names fields the OpenAPI document lacks: {stale}")


def check_object(obj, doc, prefix, schema, problems, Problem):
    """Kind-level checks, then the schema walk, then the server rules."""
    def report(path, category, message, **flags):
        problems.append(Problem(doc, f"{prefix}.{path}" if prefix else path, category, message, **flags))

    if not isinstance(obj, dict):
        report("document", "type", f"expected object, found {type_name(obj)}")
        return
    api_version, kind = obj.get("apiVersion"), obj.get("kind")
    if api_version is None:
        report("apiVersion", "missing-apiversion", "apiVersion missing")
    if kind is None:
        report("kind", "missing-kind", "kind missing")
    if api_version is None or kind is None:
        return
    if (api_version, kind) == ("v1", "List"):
        for key in obj:
            if key not in ("apiVersion", "kind", "metadata", "items"):
                report(key, "unknown-field", "unknown field", strict=True)
        for i, item in enumerate(obj.get("items") or []):
            check_object(item, doc, join(prefix, "items") + f"[{i}]", schema, problems, Problem)
        return
    definition = schema.by_gvk.get((api_version, kind))
    if definition is None:
        if kind in schema.kinds:
            report("apiVersion", "unknown-apiversion", f"no such apiVersion for {kind}")
        else:
            report("kind", "unknown-kind", f"unknown kind {kind}")
        return
    walker = Walker(schema, doc, problems, Problem)
    walker.walk(obj, {"$ref": "#/definitions/" + definition}, prefix, None)
    check_server_rules(obj, kind, report)


class Walker:
    def __init__(self, schema, doc, problems, Problem):
        self.schema, self.doc, self.problems, self.Problem = schema, doc, problems, Problem

    def report(self, path, category, message, **flags):
        self.problems.append(self.Problem(self.doc, path, category, message, **flags))

    def walk(self, value, sch, path, owner):
        """owner: (definition short name, property) the value sits in, for enums and ranges."""
        if value is None:
            return
        ref = sch.get("$ref")
        if ref:
            name = ref.split("/")[-1]
            if name == QUANTITY:
                return self.quantity(value, path)
            if name == INT_OR_STRING:
                return self.int_or_string(value, path, owner)
            if name in TIMES:
                return self.time(value, path)
            return self.walk(value, self.schema.defs[name], path, (short(name), None))
        kind = sch.get("type")
        if "properties" in sch:
            return self.object(value, sch, path, owner[0] if owner else "")
        if kind == "object" and "additionalProperties" in sch:
            if not isinstance(value, dict):
                return self.mismatch(path, "object", value)
            for key, item in value.items():
                self.walk(item, sch["additionalProperties"], join(path, key), owner)
            return
        if kind == "array":
            if not isinstance(value, list):
                return self.mismatch(path, "array", value)
            for i, item in enumerate(value):
                self.walk(item, sch.get("items", {}), f"{path}[{i}]", owner)
            return
        if kind in ("string", "integer", "number", "boolean"):
            return self.scalar(value, kind, sch.get("format"), path, owner)
        if kind == "object" and not isinstance(value, dict):
            return self.mismatch(path, "object", value)

    def object(self, value, sch, path, definition):
        if not isinstance(value, dict):
            return self.mismatch(path, "object", value)
        props = sch["properties"]
        for key, item in value.items():
            if key not in props:
                self.report(join(path, key), "unknown-field", "unknown field", strict=True)
                continue
            self.walk(item, props[key], join(path, key), (definition, key))
        for key in sch.get("required", []):
            if value.get(key) is None:
                what = "is null" if key in value else "missing"
                self.report(join(path, key), "required", f"required field {what}")

    def scalar(self, value, kind, fmt, path, owner):
        py = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,)}[kind]
        if isinstance(value, bool) != (kind == "boolean") or not isinstance(value, py):
            return self.mismatch(path, kind, value)
        if kind == "integer" and fmt in INT_RANGES:
            lo, hi = INT_RANGES[fmt]
            if not lo <= value <= hi:
                return self.report(path, "int-range", f"{value} does not fit {fmt}")
        if fmt == "byte":
            try:
                base64.b64decode(value.replace("\n", "").replace("\r", ""), validate=True)
            except ValueError:
                return self.report(path, "base64", "not valid base64")
        allowed = ENUMS.get(owner) if owner else None
        if allowed is not None and value not in allowed:
            return self.report(path, "enum", f"unsupported value {value!r}")
        bounds = SERVER_RANGES.get(owner) if owner else None
        if bounds and not bounds[0] <= value <= bounds[1]:
            self.report(path, "value-range", f"{value} outside {bounds[0]}..{bounds[1]}", server=True)

    def quantity(self, value, path):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return self.mismatch(path, "quantity", value)
        if isinstance(value, str) and not QUANTITY_RE.match(value):
            self.report(path, "quantity", f"{value!r} is not a quantity")

    def int_or_string(self, value, path, owner):
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return self.mismatch(path, "integer or string", value)
        if isinstance(value, int):
            if not INT_RANGES["int32"][0] <= value <= INT_RANGES["int32"][1]:
                return self.report(path, "int-range", f"{value} does not fit int32")
            bounds = SERVER_RANGES.get(owner) if owner else None
            if bounds and not bounds[0] <= value <= bounds[1]:
                self.report(path, "value-range", f"{value} outside {bounds[0]}..{bounds[1]}", server=True)

    def time(self, value, path):
        if not isinstance(value, str):
            return self.mismatch(path, "date-time string", value)
        if not RFC3339_RE.match(value):
            self.report(path, "date-time", f"{value!r} is not an RFC 3339 date-time")

    def mismatch(self, path, expected, value):
        self.report(path, "type", f"expected {expected}, found {type_name(value)}")


def parse_quantity(text):
    text = str(text)
    suffixes = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "Pi": 2**50, "Ei": 2**60,
                "n": Decimal("1e-9"), "u": Decimal("1e-6"), "m": Decimal("1e-3"),
                "k": 10**3, "M": 10**6, "G": 10**9, "T": 10**12, "P": 10**15, "E": 10**18}
    for suffix in sorted(suffixes, key=len, reverse=True):
        if text.endswith(suffix) and QUANTITY_RE.match(text):
            return Decimal(text[: -len(suffix)]) * suffixes[suffix]
    return Decimal(text)


def check_server_rules(obj, kind, report):
    """The few API-server validation rules the corpus relies on."""
    meta = obj.get("metadata")
    if not isinstance(meta, dict):
        if meta is None:
            report("metadata", "missing-metadata", "metadata missing", server=True)
        return
    if not meta.get("name") and not meta.get("generateName"):
        report("metadata.name", "required", "name or generateName required", server=True)
    for key, value in (meta.get("labels") or {}).items():
        if isinstance(value, str) and (len(value) > 63 or not LABEL_VALUE_RE.match(value)):
            report(join("metadata.labels", key), "label-value", "invalid label value", server=True)
    spec = obj.get("spec") if isinstance(obj.get("spec"), dict) else {}
    if kind in WORKLOADS and isinstance(spec.get("template"), dict):
        wanted = ((spec.get("selector") or {}).get("matchLabels") or {})
        labels = ((spec["template"].get("metadata") or {}).get("labels") or {})
        if any(labels.get(k) != v for k, v in wanted.items()):
            report("spec.template.metadata.labels", "selector-mismatch", "selector does not match template labels", server=True)
    claims = {t.get("metadata", {}).get("name") for t in spec.get("volumeClaimTemplates") or [] if isinstance(t, dict)}
    for path, pod in pod_specs(obj, kind):
        check_pod_spec(pod, path, claims, report)
    for field in ("data", "binaryData", "stringData") if kind in ("ConfigMap", "Secret") else ():
        for key in obj.get(field) or {}:
            if not CONFIG_KEY_RE.match(str(key)) or len(str(key)) > 253:
                report(join(field, key), "config-key", "invalid key", server=True)
    if kind == "Secret" and obj.get("type") == "kubernetes.io/tls":
        keys = set(obj.get("data") or {}) | set(obj.get("stringData") or {})
        if not {"tls.crt", "tls.key"} <= keys:
            report("data", "required", "tls.crt and tls.key required", server=True)


def pod_specs(obj, kind):
    spec = obj.get("spec")
    if not isinstance(spec, dict):
        return []
    if kind == "Pod":
        return [("spec", spec)]
    if kind == "CronJob":
        spec = ((spec.get("jobTemplate") or {}).get("spec") or {})
        prefix = "spec.jobTemplate.spec.template.spec"
    else:
        prefix = "spec.template.spec"
    template = spec.get("template")
    if isinstance(template, dict) and isinstance(template.get("spec"), dict):
        return [(prefix, template["spec"])]
    return []


def check_pod_spec(pod, path, claims, report):
    volumes = claims | {v.get("name") for v in pod.get("volumes") or [] if isinstance(v, dict)}
    names = set()
    for group in ("initContainers", "containers"):
        for i, c in enumerate(pod.get(group) or []):
            if not isinstance(c, dict):
                continue
            where = f"{path}.{group}[{i}]"
            if c.get("name") in names:
                report(f"{where}.name", "duplicate-name", "container name repeated", server=True)
            names.add(c.get("name"))
            for j, m in enumerate(c.get("volumeMounts") or []):
                if isinstance(m, dict) and m.get("name") not in volumes:
                    report(f"{where}.volumeMounts[{j}].name", "not-found", "no such volume", server=True)
            for j, p in enumerate(c.get("ports") or []):
                name = p.get("name") if isinstance(p, dict) else None
                if isinstance(name, str) and (len(name) > 15 or not PORT_NAME_RE.match(name) or "--" in name):
                    report(f"{where}.ports[{j}].name", "port-name", "invalid port name", server=True)
            check_resources(c.get("resources"), f"{where}.resources", report)


def check_resources(res, path, report):
    if not isinstance(res, dict):
        return
    limits, requests = res.get("limits") or {}, res.get("requests") or {}
    for name, request in requests.items():
        if name in limits:
            try:
                if parse_quantity(request) > parse_quantity(limits[name]):
                    report(join(path + ".requests", name), "value-range", "request above limit", server=True)
            except ArithmeticError:
                pass


# YAML-level checks on composed nodes: duplicate keys, and plain scalars a
# YAML 1.1 reader (kubectl) and a YAML 1.2 reader would type differently.
YAML12 = [
    ("null", re.compile(r"^(~|null|Null|NULL|)$")),
    ("bool", re.compile(r"^(true|True|TRUE|false|False|FALSE)$")),
    ("int", re.compile(r"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")),
    ("float", re.compile(r"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")),
]


def yaml12_type(text):
    for name, pattern in YAML12:
        if pattern.match(text):
            return name
    return "str"


def explicitly_tagged(node):
    """A plain scalar whose tag is not the one its text resolves to carried a tag like !!str."""
    return node.tag != yaml.resolver.Resolver().resolve(yaml.ScalarNode, node.value, (True, False))


def check_yaml_nodes(node, doc, problems, Problem, path=""):
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            if key.tag == "tag:yaml.org,2002:merge":
                continue
            if key.value in seen:
                problems.append(Problem(doc, join(path, key.value), "duplicate-key", "duplicate field", strict=True))
            seen.add(key.value)
            check_yaml_nodes(key, doc, problems, Problem, path)
            check_yaml_nodes(value, doc, problems, Problem, join(path, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            check_yaml_nodes(item, doc, problems, Problem, f"{path}[{i}]")
    elif isinstance(node, yaml.ScalarNode) and node.style is None and not explicitly_tagged(node):
        yaml11 = node.tag.rsplit(":", 1)[-1]
        yaml12 = yaml12_type(node.value)
        if yaml11 != yaml12 or (yaml11 == "int" and yaml12_int(node.value) != yaml.safe_load(node.value)):
            problems.append(Problem(doc, path or "document", "yaml-ambiguous",
                                    f"plain scalar {node.value!r} reads differently in YAML 1.1 ({yaml11}) and YAML 1.2 ({yaml12})"))


def yaml12_int(text):
    """Value of a YAML 1.2 core-schema integer (0644 is decimal there, octal in 1.1)."""
    if text.startswith(("0x", "0o")):
        return int(text, 0)
    return int(text, 10)


def load_json_strict(text):
    """JSON with duplicate keys refused, as strict decoding does."""
    def unique_pairs(pairs):
        keys = [key for key, _ in pairs]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise ValueError(f"duplicate JSON keys: {repeated}")
        return dict(pairs)
    return json.loads(text, object_pairs_hook=unique_pairs)
