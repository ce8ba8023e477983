#!/usr/bin/env python3
"""Hostile inputs against the real `cairn` binary.

Each case writes its input into a fresh directory (most are generated here:
100 MB files are not committed), runs one cairn command, and requires:
  - the documented exit code (never a crash: no signal, no internal error 4);
  - the expected diagnostic code on standard error, with a file:line:col
    position where the case names one;
  - an end within the hang guard, and peak memory under the bound (the bound
    is skipped under the sanitizers, whose shadow memory inflates RSS);
  - for `build -o`, the earlier output file left exactly as it was.
No timing is asserted: the guard only catches hangs.

  tests/hostile/hostile_test.py CAIRN [--sanitized] [--only NAME,...] [--list]
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

MiB = 1 << 20


class Case:
    def __init__(self, name, files, args, code, expect=(), stdin=None, exit_code=1,
                 max_rss_mib=1024, guard_s=120, output_file=None, stderr_max=64 * 1024):
        self.name = name
        self.files = files          # {relative path: bytes or a callable returning bytes}
        self.args = args            # after `cairn`
        self.code = code            # diagnostic code expected on stderr, or None
        self.expect = expect        # more substrings expected on stderr
        self.stdin = stdin          # bytes, a callable, or a path (str) opened for reading
        self.exit_code = exit_code
        self.max_rss_mib = max_rss_mib
        self.guard_s = guard_s
        self.output_file = output_file  # a file `-o` names, pre-filled; it must stay unchanged
        self.stderr_max = stderr_max    # diagnostics stay readable: no echo of huge inputs


def nested(opening, middle, closing, depth):
    return (opening * depth + middle + closing * depth).encode()


def cases():
    emit_cm = b'emit { apiVersion = "v1", kind = "ConfigMap", metadata.name = "x" }\n'
    out = []
    # --- deep nesting (the parser's bound, E0112), in every construct
    out.append(Case("deep_brackets", {"main.cairn": b"let x = " + nested("[", "", "]", 100000)},
                    ["build", "main.cairn"], "E0112", ["main.cairn:1:"]))
    out.append(Case("deep_parentheses", {"main.cairn": b"let x = " + nested("(", "1", ")", 100000)},
                    ["build", "main.cairn"], "E0112", ["main.cairn:1:"]))
    out.append(Case("deep_objects", {"main.cairn": b"let x = " + nested("{ a = ", "1", " }", 20000)},
                    ["build", "main.cairn"], "E0112"))
    out.append(Case("deep_blocks", {"main.cairn": b"emit " + nested("{ spec ", "{ x = 1 }", " }", 50000)},
                    ["build", "main.cairn"], "E0112"))
    out.append(Case("deep_ifs", {"main.cairn": b"let x = " + b"if true then " * 20000 + b"1" + b" else 0" * 20000},
                    ["build", "main.cairn"], "E0112"))
    out.append(Case("long_operator_chain", {"main.cairn": b"let x = " + b"1 + " * 100000 + b"1\n"},
                    ["build", "main.cairn"], "E0112"))
    out.append(Case("long_field_chain", {"main.cairn": b"let x = a" + b".b" * 100000 + b"\n"},
                    ["build", "main.cairn"], "E0112"))
    out.append(Case("deep_types", {"main.cairn": b"let x: " + nested("[", "int", "]", 50000) + b" = []\n"},
                    ["build", "main.cairn"], "E0112"))
    out.append(Case("deep_nesting_fmt", {"main.cairn": b"let x = " + nested("[", "", "]", 100000)},
                    ["fmt", "main.cairn"], "E0112"))
    out.append(Case("deep_nesting_stdin", {}, ["check", "-"], "E0112",
                    stdin=b"let x = " + nested("(", "1", ")", 100000)))
    out.append(Case("deep_recursion", {"main.cairn": b"fn f(n: int): int = f(n + 1)\nemit { kind = \"X\", v = f(0) }\n"},
                    ["build", "main.cairn"], "E0507", ["--max-depth"]))
    out.append(Case("deep_value_from_recursion", {"main.cairn":
                    b"fn wrap(n: int): any = if n == 0 then [] else [[[[[[[[[[wrap(n - 1)]]]]]]]]]]\n"
                    b"emit { kind = \"X\", v = wrap(900) }\n"},
                    ["build", "main.cairn"], None, exit_code=0))
    # --- giant literals
    out.append(Case("giant_string_literal_under_the_bound",
                    {"main.cairn": b'emit { kind = "X", blob = "' + b"a" * (MiB + MiB // 2) + b'" }\n'},
                    ["build", "main.cairn", "-o", "out.yaml"], None, exit_code=0))
    out.append(Case("giant_number_literal", {"main.cairn": b"let x = " + b"9" * MiB + b"\n"},
                    ["build", "main.cairn"], "E0106"))
    out.append(Case("dense_source_over_the_token_bound",
                    {"main.cairn": b"let x = [" + b"1," * (MiB - 64) + b"oops oops]\n"},
                    ["build", "main.cairn"], "E0113"))
    out.append(Case("giant_line_with_an_error_at_its_end",
                    {"main.cairn": b"let x = [" + b"1," * 150000 + b"oops oops]\n"},
                    ["build", "main.cairn"], "E0101"))
    out.append(Case("many_fields", {"main.cairn": b"emit { kind = \"X\"" +
                    b"".join(b", f%d = %d" % (i, i) for i in range(60000)) + b" }\n"},
                    ["build", "main.cairn", "-o", "out.yaml"], None, exit_code=0))
    # --- imports: cycles and escapes
    out.append(Case("import_cycle", {"main.cairn": b'import "./a.cairn" as a\n' + emit_cm,
                                     "a.cairn": b'import "./b.cairn" as b\nlet v = 1\n',
                                     "b.cairn": b'import "./a.cairn" as a\nlet v = 2\n'},
                    ["build", "main.cairn"], "E0203"))
    out.append(Case("self_import", {"main.cairn": b'import "./main.cairn" as me\n' + emit_cm},
                    ["build", "main.cairn"], "E0203"))
    out.append(Case("import_dot_dot_escape", {"app/main.cairn": b'import "../../../../../../etc/passwd" as p\n' + emit_cm},
                    ["build", "app/main.cairn"], "E0202", ["app/main.cairn:1:8"]))
    out.append(Case("import_absolute_path", {"main.cairn": b'import "/etc/passwd" as p\n' + emit_cm},
                    ["build", "main.cairn"], "E0202"))
    out.append(Case("import_symlink_escape", {"app/main.cairn": b'import "./link.cairn" as p\n' + emit_cm,
                                              "secret.cairn": b'let token = "s3cr3t"\n',
                                              "app/link.cairn": ("symlink", "../secret.cairn")},
                    ["build", "app/main.cairn"], "E0202"))
    out.append(Case("import_a_directory", {"main.cairn": b'import "./lib" as lib\n' + emit_cm, "lib/x.cairn": b""},
                    ["build", "main.cairn"], "E0201"))
    # --- exponential blow-ups
    out.append(Case("string_doubling", {"main.cairn": b'fn grow(s: string, n: int): string = if n == 0 then s else grow(s + s, n - 1)\n'
                                        b'emit { kind = "X", v = grow("x", 64) }\n'},
                    ["build", "main.cairn"], "E0512", ["--max-string"]))
    out.append(Case("list_doubling", {"main.cairn": b"let l0 = [1]\n" + b"".join(
                        b"let l%d = [l%d, l%d]\n" % (i, i - 1, i - 1) for i in range(1, 65)) +
                        b'emit { kind = "X", v = l64 }\n'},
                    ["build", "main.cairn", "-o", "out.yaml"], "E0605", output_file="out.yaml",
                    max_rss_mib=2560))  # the text grows to the 1 GiB output bound, its buffer to twice that
    # Memoized, but each hit is charged what the call cost: the step limit
    # still stops it, at once.
    out.append(Case("exponential_calls", {"main.cairn": b"fn f(n: int): int = if n == 0 then 1 else f(n - 1) + f(n - 1)\n"
                                          b'emit { kind = "X", v = f(60) }\n'},
                    ["build", "main.cairn"], "E0508"))
    # A function value argument makes the call impure, so nothing is memoized.
    out.append(Case("exponential_impure_calls", {"main.cairn":
                    b"fn f(n: int, g: fn(int) -> int): int = if n == 0 then g(n) else f(n - 1, g) + f(n - 1, g)\n"
                    b'emit { kind = "X", v = f(60, fn(x) => x + 1) }\n'},
                    ["build", "main.cairn"], "E0508", ["--max-steps"]))
    out.append(Case("many_objects", {"main.cairn": b'emit [for i in range(0, 2000000): { apiVersion = "v1", kind = "ConfigMap", metadata.name = "c${i}" }]\n'},
                    ["build", "main.cairn", "-o", "out.yaml"], "E0512", ["--max-objects"], output_file="out.yaml",
                    max_rss_mib=2048))
    out.append(Case("catastrophic_regex", {"main.cairn": b'let s = "' + b"a" * 5000 + b'!"\n'
                                           b'emit { kind = "X", v = matches(s, "^(a+)+$") }\n'},
                    ["build", "main.cairn"], None, exit_code=0))
    out.append(Case("yaml_alias_bomb", {"bomb.yaml": b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n"
                                        b"  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
                        b"  a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n" % ((i, i) + (i - 1,) * 10)
                        for i in range(1, 10))},
                    ["validate", "bomb.yaml"], "E08"))
    out.append(Case("yaml_alias_bomb_lint", {"bomb.yaml": b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n"
                                             b"  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
                        b"  a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n" % ((i, i) + (i - 1,) * 10)
                        for i in range(1, 10))},
                    ["lint", "bomb.yaml"], "E08"))
    out.append(Case("yaml_alias_bomb_import", {"bomb.yaml": b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n"
                                               b"  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
                        b"  a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n" % ((i, i) + (i - 1,) * 10)
                        for i in range(1, 10))},
                    ["import", "yaml", "bomb.yaml", "-o", "out"], "E08"))
    # --- deep data
    out.append(Case("deep_json_manifest", {"deep.json": b'{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "data": '
                                           + nested("[", "", "]", 100000) + b"}"},
                    ["validate", "deep.json"], "E08"))
    out.append(Case("deep_yaml_manifest", {"deep.yaml": b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: "
                                           + nested("[", "", "]", 100000) + b"\n"},
                    ["validate", "deep.yaml"], "E08"))
    out.append(Case("deep_yaml_block_manifest", {"deep.yaml": b"apiVersion: v1\nkind: ConfigMap\ndata:\n" +
                                                 b"".join(b" " * (i + 1) + b"k:\n" for i in range(3000))},
                    ["lint", "deep.yaml"], "E08"))
    out.append(Case("deep_values_file", {"main.cairn": b"param p: any = null\n" + emit_cm,
                                         "values.json": b'{"p": ' + nested("[", "", "]", 100000) + b"}"},
                    ["build", "main.cairn", "--values", "values.json"], "E0704"))
    out.append(Case("deep_yaml_import", {"deep.yaml": b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: "
                                         + nested("[", "", "]", 100000) + b"\n"},
                    ["import", "yaml", "deep.yaml", "-o", "out"], "E08"))
    out.append(Case("deep_crd_import", {"crd.yaml": crd_with_deep_schema(20000)},
                    ["import", "crd", "crd.yaml", "-o", "out"], "E08"))
    out.append(Case("many_empty_documents", {"docs.yaml": b"---\n" * (15 * MiB)},
                    ["validate", "docs.yaml"], None, exit_code=0, max_rss_mib=2048))
    # --- bytes that are not text
    out.append(Case("invalid_utf8_source", {"main.cairn": b'let x = "\xff\xfe"\n' + emit_cm},
                    ["build", "main.cairn"], "E0706"))
    out.append(Case("nul_bytes_in_source", {"main.cairn": b"let x = 1\x00\x00\n" + emit_cm},
                    ["build", "main.cairn"], "E0104", ["main.cairn:1:10"]))
    out.append(Case("nul_in_string_literal", {"main.cairn": b'emit { kind = "X", v = "a\x00b" }\n'},
                    ["build", "main.cairn"], None, exit_code=0))
    out.append(Case("invalid_utf8_manifest", {"bad.yaml": b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \xff\xfe\n"},
                    ["validate", "bad.yaml"], "E0"))
    out.append(Case("nul_bytes_in_manifest", {"bad.yaml": b"apiVersion: v1\nkind: ConfigMap\n\x00\x00metadata:\n  name: x\n"},
                    ["lint", "bad.yaml"], "E08"))
    out.append(Case("binary_garbage_source", {"main.cairn": bytes(range(256)) * 4096},
                    ["build", "main.cairn"], "E0706"))
    out.append(Case("invalid_utf8_fmt", {"main.cairn": b'let x = "\xc3"\n'}, ["fmt", "main.cairn"], "E0706"))
    # --- 100 MB inputs and endless streams
    out.append(Case("100mb_source", {"main.cairn": lambda: b"let x = 1\n" * (10 * MiB)},
                    ["build", "main.cairn"], "E0705", ["--max-file-size"]))
    out.append(Case("100mb_manifest", {"big.yaml": lambda: b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\n" * (2 * MiB)},
                    ["validate", "big.yaml"], "E0705", ["--max-file-size"]))
    out.append(Case("100mb_manifest_lint", {"big.yaml": lambda: b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\n" * (2 * MiB)},
                    ["lint", "big.yaml"], "E0705"))
    out.append(Case("100mb_values_file", {"main.cairn": emit_cm, "values.yaml": lambda: b"a: 1\n" * (20 * MiB)},
                    ["build", "main.cairn", "--values", "values.yaml"], "E0704", ["--max-file-size"]))
    out.append(Case("100mb_stdin", {}, ["build", "-"], "E0705", stdin=lambda: b"let x = 1\n" * (10 * MiB)))
    out.append(Case("100mb_stdin_validate", {}, ["validate", "-"], "E0705",
                    stdin=lambda: b"apiVersion: v1\nkind: ConfigMap\n---\n" * (3 * MiB)))
    out.append(Case("endless_stdin", {}, ["validate", "-"], "E0705", stdin="/dev/zero"))
    out.append(Case("endless_device_input", {}, ["build", "/dev/zero"], "E0705"))
    out.append(Case("100mb_fmt", {"main.cairn": lambda: b"let x = 1\n" * (10 * MiB)}, ["fmt", "main.cairn"], "E0705"))
    # --- failures keep an earlier output
    out.append(Case("failed_build_keeps_output", {"main.cairn": b'emit { kind = "X", v = 1 / 0 }\n'},
                    ["build", "main.cairn", "-o", "out.yaml"], "E0503", output_file="out.yaml"))
    return out


def crd_with_deep_schema(depth):
    schema = b"type: string"
    for _ in range(depth):
        schema = b"{type: object, properties: {a: " + schema + b"}}"
    return (b"apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n"
            b"spec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n"
            b"  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema: " + schema + b"\n")


def materialise(case, root):
    for rel, content in case.files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(content, tuple) and content[0] == "symlink":
            os.symlink(content[1], path)
            continue
        with open(path, "wb") as f:
            f.write(content() if callable(content) else content)
    if case.output_file:
        with open(os.path.join(root, case.output_file), "wb") as f:
            f.write(b"earlier output\n")


def run_case(cairn, case, sanitized):
    root = tempfile.mkdtemp(prefix="cairn-hostile-")
    try:
        materialise(case, root)
        stdin = case.stdin() if callable(case.stdin) else case.stdin
        stdin_file = open(stdin, "rb") if isinstance(stdin, str) else subprocess.PIPE
        guard = case.guard_s * (4 if sanitized else 1)
        start = time.monotonic()
        proc = subprocess.Popen([cairn] + case.args, cwd=root, stdin=stdin_file if stdin is not None else subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            _, err = proc.communicate(stdin if isinstance(stdin, bytes) else None, timeout=guard)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            return [f"no end within the {guard} s hang guard"]
        finally:
            if isinstance(stdin, str):
                stdin_file.close()
        elapsed = time.monotonic() - start
        # ru_maxrss of the process just reaped (Popen waited for it with wait4).
        rss_mib = getattr(proc, "cairn_rss_mib", None)
        problems = []
        if proc.returncode < 0:
            problems.append(f"killed by signal {-proc.returncode}")
        elif proc.returncode != case.exit_code:
            problems.append(f"exit code {proc.returncode}, expected {case.exit_code}")
        text = err.decode("utf-8", "replace")
        if case.code and f"[{case.code}" not in text and f'"{case.code}' not in text:
            problems.append(f"no {case.code} diagnostic")
        for piece in case.expect:
            if piece not in text:
                problems.append(f"stderr lacks {piece!r}")
        if len(err) > case.stderr_max:
            problems.append(f"stderr is {len(err)} bytes (more than {case.stderr_max}): diagnostics echo the input")
        if "AddressSanitizer" in text or "runtime error:" in text:
            problems.append("sanitizer report")
        if rss_mib is not None and not sanitized and rss_mib > case.max_rss_mib:
            problems.append(f"peak memory {rss_mib} MiB, over {case.max_rss_mib} MiB")
        if case.output_file:
            with open(os.path.join(root, case.output_file), "rb") as f:
                kept = f.read()
            if case.exit_code != 0 and kept != b"earlier output\n":
                problems.append(f"{case.output_file} was changed by a failed build")
            leftovers = [n for n in os.listdir(root) if "cairn-tmp" in n]
            if leftovers:
                problems.append(f"temporary files left: {leftovers}")
        if problems:
            problems.append("stderr starts: " + text[:400].replace("\n", " | "))
        case.elapsed, case.rss = elapsed, rss_mib
        return problems
    finally:
        shutil.rmtree(root, ignore_errors=True)


class MeasuredPopen(subprocess.Popen):
    """Popen that reaps with wait4, keeping the child's own peak RSS."""

    def _try_wait(self, wait_flags):
        try:
            pid, status, usage = os.wait4(self.pid, wait_flags)
        except ChildProcessError:
            return (self.pid, 0)
        if pid == self.pid:
            self.cairn_rss_mib = usage.ru_maxrss // 1024
        return (pid, status)


subprocess.Popen = MeasuredPopen


def interrupt_case(cairn, sig, while_writing, sanitized):
    """Ctrl-C or kill during a build with -o: exit 128 + signal, the earlier
    output unchanged, no temporary file left. `while_writing` waits for the
    temporary output file to appear; otherwise the signal comes during
    evaluation, before anything is written."""
    root = tempfile.mkdtemp(prefix="cairn-interrupt-")
    try:
        count = 2000000 if while_writing else 5
        program = (b'emit [for i in range(0, %d): { apiVersion = "v1", kind = "ConfigMap", '
                   b'metadata.name = "c${i}", data.v = "${i}" }]\n' % count)
        if not while_writing:
            program = (b"fn f(n: int, g: fn(int) -> int): int = if n == 0 then g(n) else f(n - 1, g) + f(n - 1, g)\n"
                       b'emit { kind = "X", v = f(60, fn(x) => x + 1) }\n')
        with open(os.path.join(root, "main.cairn"), "wb") as f:
            f.write(program)
        with open(os.path.join(root, "out.yaml"), "wb") as f:
            f.write(b"earlier output\n")
        proc = subprocess.Popen([cairn, "build", "main.cairn", "-o", "out.yaml", "--max-objects", "3000000"],
                                cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120 * (4 if sanitized else 1)
        temp_seen = False
        while time.monotonic() < deadline and proc.poll() is None:
            temps = [n for n in os.listdir(root) if "cairn-tmp" in n]
            if temps or (not while_writing and time.monotonic() > deadline - 119 * (4 if sanitized else 1)):
                temp_seen = bool(temps)
                break
            time.sleep(0.005)
        if proc.poll() is not None:
            return [f"the build ended (exit {proc.returncode}) before it could be interrupted"]
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        problems = []
        if proc.returncode != 128 + sig:
            problems.append(f"exit code {proc.returncode}, expected {128 + sig}")
        if while_writing and not temp_seen:
            problems.append("no temporary output file was seen before the signal")
        with open(os.path.join(root, "out.yaml"), "rb") as f:
            if f.read() != b"earlier output\n":
                problems.append("out.yaml was changed")
        left = [n for n in os.listdir(root) if "cairn-tmp" in n]
        if left:
            problems.append(f"temporary files left: {left}")
        if b"interrupted by" not in err:
            problems.append("no 'interrupted by' line on stderr")
        return problems
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cairn")
    parser.add_argument("--sanitized", action="store_true", help="a sanitizer build: no memory bound, longer guard")
    parser.add_argument("--only", default="", help="comma-separated case names")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    cairn = os.path.abspath(args.cairn)
    selected = [c for c in cases() if not args.only or c.name in args.only.split(",")]
    if args.list:
        print("\n".join(c.name for c in selected))
        return 0
    failed = 0
    for case in selected:
        problems = run_case(cairn, case, args.sanitized)
        status = "ok  " if not problems else "FAIL"
        rss = f"{case.rss} MiB" if getattr(case, "rss", None) is not None else "-"
        elapsed = f"{case.elapsed:.2f} s" if hasattr(case, "elapsed") else "-"
        print(f"{status} {case.name} ({elapsed}, {rss})")
        for p in problems:
            print(f"     {p}")
        failed += bool(problems)
    if not args.only:
        for sig, writing in ((signal.SIGINT, True), (signal.SIGTERM, True), (signal.SIGINT, False)):
            name = f"interrupt_{signal.Signals(sig).name.lower()}_{'while_writing' if writing else 'while_evaluating'}"
            problems = interrupt_case(cairn, sig, writing, args.sanitized)
            print(f"{'ok  ' if not problems else 'FAIL'} {name}")
            for p in problems:
                print(f"     {p}")
            failed += bool(problems)
            selected.append(name)
    print(f"{len(selected) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
