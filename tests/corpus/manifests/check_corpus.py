#!/usr/bin/env python3
"""Self-check for the manifest corpus (see README.md in this folder).

Every file under valid/ must come out clean; every file under invalid/ must
produce exactly the one problem its `# expect:` header names, in the document
`# document:` names, flagged strict-only / server-side exactly as annotated.

Usage: check_corpus.py [--swagger PATH] [FILE...]   (default: the whole corpus)
Exit status 0 when every file meets its expectation.
"""
import argparse
import json
import os
import sys

import yaml

sys.dont_write_bytecode = True  # keep the corpus folder free of __pycache__
import corpus_rules as rules  # noqa: E402 - after the bytecode switch

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SWAGGER = os.path.join(HERE, "..", "..", "..", "..", "shared", "k8s", "swagger-v1.36.json")


class Problem:
    """One finding: where, what kind, and which kind of validator can see it."""

    def __init__(self, doc, path, category, message, strict=False, server=False, line=None):
        self.doc, self.path, self.category, self.message = doc, path, category, message
        self.strict, self.server, self.line = strict, server, line

    def __str__(self):
        flags = "".join([" [strict-only]" if self.strict else "", " [server]" if self.server else ""])
        return f"document {self.doc}: {self.path}: {self.category}: {self.message}{flags}"


def read_header(text):
    """The `# key: value` lines at the top of a file, as a dict."""
    header = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, sep, value = line[1:].strip().partition(":")
        if sep and key in ("expect", "document", "strict-only", "server-validation", "category", "line"):
            header[key] = value.strip()
    return header


def yaml_documents(text, problems):
    """Composed node trees, one per document; a parse error becomes a problem."""
    nodes = []
    try:
        for node in yaml.compose_all(text, Loader=yaml.SafeLoader):
            nodes.append(node)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        message = getattr(err, "problem", None) or str(err).splitlines()[0]
        problems.append(Problem(len(nodes), "document", "malformed-yaml", f"line {line}: {message}", line=line))
    return nodes


def construct(node):
    """Python value of a composed node (merge keys and aliases resolved)."""
    if node is None:
        return None
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def check_file(path, schema):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    problems = []
    if path.endswith(".json"):
        values = [rules.load_json_strict(text)]
    else:
        nodes = yaml_documents(text, problems)
        values = []
        for index, node in enumerate(nodes):
            if node is not None:
                rules.check_yaml_nodes(node, index, problems, Problem)
            values.append(construct(node))
    for index, value in enumerate(values):
        if value is not None:
            rules.check_object(value, index, "", schema, problems, Problem)
    return read_header(text), problems


def verdict(path, header, problems):
    """An error string when the file does not meet its expectation, else None."""
    is_invalid = os.sep + "invalid" + os.sep in path
    if not is_invalid:
        if problems:
            return "expected no problem, found:\n    " + "\n    ".join(map(str, problems))
        return None
    if "expect" not in header or "category" not in header:
        return "invalid file lacks `# expect:` or `# category:`"
    want_path = header["expect"].split()[0]
    want_doc = int(header.get("document", "0"))
    want_strict = header.get("strict-only", "false") == "true"
    want_server = header.get("server-validation", "false") == "true"
    if len(problems) != 1:
        return f"expected exactly one problem, found {len(problems)}:\n    " + "\n    ".join(map(str, problems))
    p = problems[0]
    got = (p.doc, p.path, p.category, p.strict, p.server)
    want = (want_doc, want_path, header["category"], want_strict, want_server)
    if got != want:
        return f"expected {want}, found {got} ({p.message})"
    if "line" in header and (p.line is None or p.line < int(header["line"])):
        return f"parser stopped at line {p.line}, before the defect on line {header['line']}"
    return None


def corpus_files():
    for sub in ("valid", "invalid"):
        for root, _, files in os.walk(os.path.join(HERE, sub)):
            for name in sorted(files):
                if name.endswith((".yaml", ".yml", ".json")):
                    yield os.path.join(root, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--swagger", default=DEFAULT_SWAGGER)
    parser.add_argument("--verbose", "-v", action="store_true", help="print each file's findings")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    schema = rules.Schema(json.load(open(args.swagger, encoding="utf-8")))
    files = [os.path.abspath(f) for f in args.files] or sorted(corpus_files())
    failed = 0
    for path in files:
        header, problems = check_file(path, schema)
        error = verdict(path, header, problems)
        rel = os.path.relpath(path, HERE)
        if error:
            failed += 1
            print(f"FAIL {rel}: {error}")
        elif args.verbose:
            print(f"ok   {rel}" + "".join(f"\n    {p}" for p in problems))
    print(f"{len(files) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
