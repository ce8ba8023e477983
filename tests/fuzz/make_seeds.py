#!/usr/bin/env python3
"""Writes the raw seeds of every fuzz target, from the repository's tests and
samples, into OUT/<target>/ (one file per seed). scripts/fuzz.sh
--refresh-corpus minimises them with libFuzzer -merge=1 into
tests/fuzz/corpus/<target>/.

  tests/fuzz/make_seeds.py OUT

Sources: Cairn text from tests/cases/**/*.cairn (each file of a case, split at
its `// --- NAME` lines) and samples/; manifests (YAML and JSON) from
tests/corpus, tests/policy and the YAML/JSON files embedded in the cases; CRDs
and OpenAPI documents for `import`; LSP scripts (format in lsp_script.h) from
tests/lsp/*.jsonl and from the Cairn files with a request at each line.
"""
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
LSP_ROOT = "file:///cairn-lsp-fuzz"
# Fuzzing reads at most 8 KB of an input (scripts/fuzz.sh -max_len); smaller
# seeds keep the committed corpora small and the replay fast.
MAX_SEED = 6 * 1024


def case_files(path):
    """(name, text) of every file of a file-test case, CHECK lines dropped."""
    name, lines, files = path.name, [], []
    for line in path.read_text(errors="replace").splitlines(keepends=True):
        if line.startswith("// --- "):
            files.append((name, "".join(lines)))
            name, lines = line[7:].strip(), []
        elif not line.startswith("// CHECK:"):
            lines.append(line)
    files.append((name, "".join(lines)))
    return files


def cairn_texts():
    for path in sorted((ROOT / "tests/cases").rglob("*.cairn")):
        for name, text in case_files(path):
            if name.endswith(".cairn") and text.strip():
                yield text
    for path in sorted((ROOT / "samples").rglob("*.cairn")):
        yield path.read_text(errors="replace")


def documents(stream):
    """A YAML stream, and each of its documents when there are several."""
    yield stream
    parts = stream.split(b"\n---")
    if len(parts) > 1:
        for part in parts:
            yield part.lstrip(b"-").lstrip(b"\n") if part.startswith(b"-") else part


def manifest_texts(split=True):
    streams = []
    for sub in ["tests/corpus", "tests/policy", "samples"]:
        for path in sorted((ROOT / sub).rglob("*")):
            if path.suffix in (".yaml", ".yml", ".json") and path.is_file():
                streams.append(path.read_bytes())
    for path in sorted((ROOT / "tests/cases").rglob("*.cairn")):
        for name, text in case_files(path):
            if name.endswith((".yaml", ".yml", ".json")) or name == "STDIN":
                streams.append(text.encode())
    for stream in streams:
        yield from documents(stream) if split else [stream]


def import_seeds():
    """The first byte picks the importer: 0 yaml, 1 crd, 2 openapi."""
    for text in manifest_texts(split=False):
        yield b"\x00" + text
        if b"CustomResourceDefinition" in text:
            yield b"\x01" + text
    for path in sorted((ROOT / "tests/cases").rglob("*.cairn")):
        for name, text in case_files(path):
            if name.endswith(".json") and ("swagger" in text or "definitions" in text):
                yield b"\x02" + text.encode()


def lsp_from_transcript(path):
    """An LSP script replaying the messages a transcript sends."""
    records = []
    for line in path.read_text().splitlines():
        if not line.startswith("{"):
            continue
        message = json.loads(line.replace("$ROOT_URI", LSP_ROOT)).get("send")
        if not message or message.get("method") in ("initialize", "initialized", "exit", "shutdown"):
            continue
        records.append("@body\n" + json.dumps(message) + "\n")
    return "@open 0\n" + "".join(records) if records else None


def lsp_from_cairn(text, index):
    """Opens the text and asks for everything at a few positions of it."""
    lines = text.splitlines() or [""]
    script = f"@open {index % 3}\n{text}" + ("" if text.endswith("\n") else "\n")
    doc = index % 3
    for n, line in enumerate(lines[:12]):
        col = len(line) // 2
        for request in ("completion", "hover", "definition", "references", "signatureHelp"):
            script += f"@{request} {doc} {n} {col}\n"
    end = len(lines)
    for request in ("documentSymbol", "semanticTokens", "foldingRange", "documentLink", "formatting",
                    "diagnostic"):
        script += f"@{request} {doc}\n"
    for request in ("inlayHint", "codeAction", "rangeFormatting", "semanticTokensRange"):
        script += f"@{request} {doc} 0 0 {end} 0\n"
    script += f"@rename {doc} 0 4\nrenamed\n@selectionRange {doc} 0 2 1 0\n@symbol\n\n"
    return script


def lsp_seeds():
    for path in sorted((ROOT / "tests/lsp").glob("*.jsonl")):
        script = lsp_from_transcript(path)
        if script:
            yield script.encode()
    for index, text in enumerate(cairn_texts()):
        yield lsp_from_cairn(text, index).encode()


def seeds():
    cairn = [t.encode() for t in cairn_texts()]
    manifests = list(manifest_texts())
    return {
        "parse": cairn,
        "pipeline": cairn,
        "format": cairn,
        "manifest": manifests,
        "manifest_differential": manifests,
        # Slower per input: whole streams only.
        "lint": list(manifest_texts(split=False)),
        "import": list(import_seeds()),
        "lsp": list(lsp_seeds()),
    }


def main():
    out = pathlib.Path(sys.argv[1])
    for target, items in seeds().items():
        directory = out / target
        directory.mkdir(parents=True, exist_ok=True)
        items = [item for item in items if len(item) <= MAX_SEED]
        for item in items:
            (directory / hashlib.sha1(item).hexdigest()).write_bytes(item)
        print(f"{target}: {len(items)} seeds")


if __name__ == "__main__":
    main()
