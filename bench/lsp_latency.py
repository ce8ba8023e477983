#!/usr/bin/env python3
"""Language-server latencies on a generated workspace (issue 5's targets:
completion and hover p99 under 20 ms, diagnostics within 100 ms of the last
edit on a 10,000-line workspace).

    python3 bench/lsp_latency.py [CAIRN] [FILES] [ROUNDS]

Generates FILES modules of about 100 lines each (default 100: 10,000 lines)
that all import one shared library module, starts `CAIRN lsp`, opens one file
and measures, over ROUNDS requests each (default 200):
  baseline      a request the server rejects at once (unknown method): the
                cost of the transport and dispatch, the floor of every request
  hover         on a field of a Deployment literal, no edit before
  completion    inside a nested Kubernetes block, no edit before
  edit+complete a one-character edit, then completion right after it (the
                server must analyse the new text first)
  diagnostics   from a didChange to the publishDiagnostics of that version
  workspace/symbol, references  over every file of the workspace
Prints medians, p99s and ratios against the baseline, then the server's peak
memory (VmHWM) and the workspace size.
"""
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

SERVICE = """// Service {i}: a Deployment and a Service built from the shared library.
import "k8s/apps/v1" as apps
import "k8s/core/v1" as core
import "./lib.cairn" as lib

let name{i} = "svc-{i}"
let labels{i} = lib.labels(name{i}, "team-{t}")

emit apps.Deployment {{
  metadata {{ name = name{i}, namespace = lib.namespace, labels = labels{i} }}
  spec {{
    replicas = {r}
    selector.matchLabels = {{ app = name{i} }}
    template {{
      metadata.labels = labels{i}
      spec {{
        containers = [{{
          name = "app"
          image = "registry.example.com/svc-{i}:1.{v}.0"
          ports = [{{ name = "http", containerPort = 8080 }}]
          resources {{
            requests = {{ cpu = "100m", memory = "128Mi" }}
            limits = {{ cpu = "500m", memory = "512Mi" }}
          }}
          livenessProbe = lib.probe("/healthz")
          readinessProbe = lib.probe("/ready")
          securityContext {{
            runAsNonRoot = true
            readOnlyRootFilesystem = true
            allowPrivilegeEscalation = false
          }}
        }}]
      }}
    }}
  }}
}}

emit core.Service {{
  metadata {{ name = name{i}, namespace = lib.namespace, labels = labels{i} }}
  spec {{
    selector = {{ app = name{i} }}
    ports = [{{ name = "http", port = 80, targetPort = "http" }}]
  }}
}}
"""

LIB = """import "k8s/core/v1" as core

let namespace = "prod"

fn labels(app: string, team: string): {string: string} = { app = app, team = team }

fn probe(path: string): core.Probe = {
  httpGet { path = path, port = "http" }
  periodSeconds = 10
}
"""


def make_workspace(root, files):
    with open(os.path.join(root, "cairn.yaml"), "w") as f:
        f.write("{}\n")
    with open(os.path.join(root, "lib.cairn"), "w") as f:
        f.write(LIB)
    lines = LIB.count("\n")
    for i in range(files):
        text = SERVICE.format(i=i, t=i % 10, r=3 if i % 5 == 0 else 2, v=i % 7)
        # Pad every module to about 100 lines with more (cheap) top-level lets.
        pad = max(0, 100 - text.count("\n"))
        text += "".join(f"let extra{i}_{k} = {{ index = {k}, name = name{i} }}\n" for k in range(pad))
        lines += text.count("\n")
        with open(os.path.join(root, f"svc_{i}.cairn"), "w") as f:
            f.write(text)
    return lines


class Server:
    def __init__(self, cairn, root):
        self.proc = subprocess.Popen([cairn, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=(None if os.environ.get("CAIRN_BENCH_STDERR") else subprocess.DEVNULL), cwd=root)
        self.buffer = b""
        self.next_id = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def read(self, timeout=30.0):
        deadline = time.monotonic() + timeout
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                headers = self.buffer[:header_end].decode().split("\r\n")
                try:
                    length = next(int(h.split(":")[1]) for h in headers if h.lower().startswith("content-length"))
                except (StopIteration, ValueError):
                    raise RuntimeError(f"malformed header from the server: {self.buffer[:header_end + 4]!r}")
                start = header_end + 4
                if len(self.buffer) >= start + length:
                    body = self.buffer[start:start + length]
                    self.buffer = self.buffer[start + length:]
                    try:
                        return json.loads(body)
                    except json.JSONDecodeError:
                        raise RuntimeError(f"malformed message from the server: {body[:300]!r}")
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.proc.stdout], [], [], remaining)[0]:
                raise TimeoutError("no message from the server")
            chunk = os.read(self.proc.stdout.fileno(), 1 << 20)
            if not chunk:
                raise EOFError("the server exited")
            self.buffer += chunk

    def wait_response(self, request_id):
        while True:
            message = self.read()
            if message.get("id") == request_id and "method" not in message:
                return message
            if "method" in message and "id" in message:  # a request from the server: accept it
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})

    def wait_diagnostics(self, uri, version):
        while True:
            message = self.read()
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                if params["uri"] == uri and params.get("version", version) >= version:
                    return params
            elif "method" in message and "id" in message:
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})


def timed(fn, rounds):
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return samples[len(samples) // 2], samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def position_of(text, needle, delta=0):
    offset = text.index(needle) + delta
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1)
    return {"line": line, "character": column}  # ASCII text: bytes == UTF-16 units


def measure(cairn, files=100, rounds=200):
    """Runs the whole measurement; returns a dict: `results` maps each case to
    its (median, p99) in ms, in the order above; also `lines`, `files` (the
    workspace, lib.cairn included), `rounds`, `first_workspace_ms`, `peak_kb`.
    Used by this script's main and by the suite (bench/run)."""
    cairn = os.path.abspath(cairn)
    root = tempfile.mkdtemp(prefix="cairn-lsp-bench-")
    server = None
    try:
        lines = make_workspace(root, files)
        server = Server(cairn, root)
        root_uri = "file://" + root
        rid = server.request("initialize", {"processId": os.getpid(), "rootUri": root_uri,
                                            "workspaceFolders": [{"uri": root_uri, "name": "bench"}],
                                            "capabilities": {"textDocument": {"hover": {"contentFormat": ["markdown"]}}}})
        server.wait_response(rid)
        server.notify("initialized", {})
        path = os.path.join(root, "svc_0.cairn")
        uri = "file://" + path
        text = open(path).read()
        version = 1
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "cairn",
                                                                "version": version, "text": text}})
        # A clean document may get no publishDiagnostics; a request waits for its analysis.
        server.wait_response(server.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}}))

        def call(method, params):
            # An error answer would be a fast-looking number for a broken server.
            response = server.wait_response(server.request(method, params))
            if ("error" in response) != (method == "cairn/noSuchMethod"):
                raise RuntimeError(f"unexpected answer to {method}: {json.dumps(response)[:300]}")
            return response

        doc = {"uri": uri}
        hover_at = position_of(text, "containerPort")
        complete_at = position_of(text, "runAsNonRoot")  # start of a member line inside securityContext
        results = {}
        results["baseline"] = timed(lambda: call("cairn/noSuchMethod", {}), rounds)
        results["hover"] = timed(lambda: call("textDocument/hover", {"textDocument": doc, "position": hover_at}), rounds)
        results["completion"] = timed(lambda: call("textDocument/completion", {"textDocument": doc, "position": complete_at}), rounds)

        edit_line = text.count("\n", 0, text.index("let name0"))
        state = {"version": version, "toggle": False}

        def edit():
            state["version"] += 1
            state["toggle"] = not state["toggle"]
            # Alternates `let name0 =` and `let name0x =`... by inserting/removing one character
            # at the end of the name: the second form leaves references unresolved (an error).
            change = ({"range": {"start": {"line": edit_line, "character": 9}, "end": {"line": edit_line, "character": 9}}, "text": "x"}
                      if state["toggle"] else
                      {"range": {"start": {"line": edit_line, "character": 9}, "end": {"line": edit_line, "character": 10}}, "text": ""})
            server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": state["version"]},
                                                     "contentChanges": [change]})

        def edit_then_complete():
            edit()
            call("textDocument/completion", {"textDocument": doc, "position": complete_at})

        results["edit+complete"] = timed(edit_then_complete, rounds)
        # Let the diagnostics of those edits drain before measuring them.
        if state["toggle"]:
            edit()
        server.wait_diagnostics(uri, state["version"])

        def edit_then_diagnostics():
            edit()
            server.wait_diagnostics(uri, state["version"])

        results["diagnostics"] = timed(edit_then_diagnostics, max(20, rounds // 5))

        # Workspace-wide requests load every file of the workspace once.
        start = time.perf_counter()
        call("workspace/symbol", {"query": "svc"})
        first_workspace_ms = (time.perf_counter() - start) * 1000
        results["workspace/symbol"] = timed(lambda: call("workspace/symbol", {"query": "labels"}), rounds)
        uses_at = position_of(LIB, "fn labels", 3)
        lib_uri = "file://" + os.path.join(root, "lib.cairn")
        results["references"] = timed(lambda: call("textDocument/references", {
            "textDocument": {"uri": lib_uri}, "position": uses_at, "context": {"includeDeclaration": True}}),
            max(20, rounds // 5))

        peak_kb = 0
        with open(f"/proc/{server.proc.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    peak_kb = int(line.split()[1])
        rid = server.request("shutdown", None)
        server.wait_response(rid)
        server.notify("exit", None)
        server.proc.wait(timeout=10)

        return {"results": results, "lines": lines, "files": files + 1, "rounds": rounds,
                "first_workspace_ms": first_workspace_ms, "peak_kb": peak_kb}
    finally:
        if server is not None and server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait()
        shutil.rmtree(root, ignore_errors=True)


def main():
    cairn = sys.argv[1] if len(sys.argv) > 1 else "build-release/cairn"
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    m = measure(cairn, files, rounds)
    results = m["results"]
    base = results["baseline"][0]
    print(f"workspace: {m['files']} files, {m['lines']} lines; {rounds} rounds")
    print("| case | median | p99 | median vs baseline |")
    print("| --- | --- | --- | --- |")
    for name, (median, p99) in results.items():
        print(f"| {name} | {median:.2f} ms | {p99:.2f} ms | {median / base:.1f}x |")
    print(f"first workspace-wide request (loads and checks every file): {m['first_workspace_ms']:.0f} ms")
    print(f"server peak memory (VmHWM): {m['peak_kb'] / 1024:.1f} MB")


if __name__ == "__main__":
    main()
