"""Cases that read manifests and serve editors: `cairn validate` and `cairn
lint` of fleet output, and the language server's latencies."""
import json
import re
import subprocess

import lsp_latency
from suite.measure import CaseFailure, Command, time_group
from suite.report import Table, megabytes, per_second, ratio, seconds


def fleet_yaml(context, services):
    """fleet(services) as Cairn builds it: 4 objects per service."""
    path = context.path(f"manifests-{services}.yaml")
    with open(path, "wb") as out:
        built = subprocess.run([context.cairn, "build", context.bench_file("fleet.cairn"), "-p", f"n={services}"],
                               stdout=out, stderr=subprocess.PIPE, text=False)
    if built.returncode != 0:
        raise CaseFailure(f"building fleet({services}) failed: {built.stderr.decode(errors='replace')[-500:]}")
    report = subprocess.run([context.cairn, "validate", "--format", "json", path], capture_output=True, text=True)
    try:
        resources = json.loads(report.stdout)["resources"]
    except (ValueError, KeyError):
        raise CaseFailure(f"`cairn validate --format json` printed no report: {report.stderr[-500:]}")
    invalid = [r for r in resources if r.get("status") != "valid"]
    if report.returncode != 0 or len(resources) != 4 * services or invalid:
        raise CaseFailure(f"`cairn validate` of fleet({services}) saw {len(resources)} objects of {4 * services}, "
                          f"{len(invalid)} invalid, exit code {report.returncode}")
    return path


def lint_check(objects):
    """The summary must count every object, and every run must find the same findings."""
    seen = {}

    def check(run, path):
        with open(path, errors="replace") as out:
            lines = [line for line in out.read().splitlines() if line.strip()]
        summary = lines[-1] if lines else ""
        match = re.search(r"in ([\d,]+) objects?", summary)
        if not match or int(match.group(1).replace(",", "")) != objects:
            return f"expected a summary over {objects} objects, found {summary!r}"
        if seen.setdefault("summary", summary) != summary:
            return f"the findings changed between runs: {seen['summary']!r}, then {summary!r}"
    return check


def manifest_rows(commands, objects):
    base = commands[0].median("wall")
    return [[command.name, seconds(command.median("wall")), ratio(command.median("wall"), base),
             per_second(objects, command.median("wall")), seconds(command.median("cpu")),
             megabytes(command.peak_kb)] for command in commands]


COLUMNS = ["case", "median", "vs validate", "objects/s", "CPU", "peak memory"]


def validate(context):
    services = 100 if context.quick else 12_500
    objects = 4 * services
    context.progress(f"validate and lint of {objects} objects")
    path = fleet_yaml(context, services)
    commands = [Command("`cairn validate`", [context.cairn, "validate", path]),
                Command("`cairn lint`, default pack", [context.cairn, "lint", path], context.path("lint.out"),
                        check=lint_check(objects), ok_codes=(0, 1))]
    time_group(commands, context.runs, context.progress)
    with open(path, "rb") as manifests:
        size = sum(1 for _ in manifests)
    table = Table(f"`cairn validate` and `cairn lint` of {objects:,} objects (fleet({services:,}) output)", COLUMNS,
                  manifest_rows(commands, objects))
    table.notes.append(f"The input is `cairn build bench/fleet.cairn -p n={services}` ({size:,} lines); "
                       "before timing, `cairn validate --format json` must report every object valid. "
                       "Lint output (text) goes to a file; its summary must count every object.")
    if objects == 50_000:
        context.metrics["validate_rate"] = objects / commands[0].median("wall")
    return [table]


def lint(context):
    services = 100 if context.quick else 2_500
    objects = 4 * services
    context.progress(f"lint of {objects} objects")
    path = fleet_yaml(context, services)
    commands = [Command("baseline: `cairn validate` of the YAML", [context.cairn, "validate", path]),
                Command("`cairn lint` of the YAML, default pack", [context.cairn, "lint", path],
                        context.path("lint-yaml.out"), check=lint_check(objects), ok_codes=(0, 1)),
                Command(f"`cairn lint bench/fleet.cairn -p n={services}` (compile, then the same policies)",
                        [context.cairn, "lint", context.bench_file("fleet.cairn"), "-p", f"n={services}"],
                        context.path("lint-cairn.out"), check=lint_check(objects), ok_codes=(0, 1))]
    time_group(commands, context.runs, context.progress)
    table = Table(f"`cairn lint` of {objects:,} objects", COLUMNS, manifest_rows(commands, objects))
    if objects == 10_000:
        context.metrics.update(lint10k_wall=commands[1].median("wall"), lint10k_cpu=commands[1].median("cpu"))
    return [table]


def lsp(context):
    files, rounds = (10, 20) if context.quick else (100, 200)
    context.progress(f"language server: {files} files, {rounds} rounds")
    try:
        measured = lsp_latency.measure(context.cairn, files, rounds)
    except (RuntimeError, TimeoutError, EOFError, OSError) as error:
        raise CaseFailure(f"lsp_latency: {error}")
    results = measured["results"]
    base = results["baseline"][0]
    table = Table(f"Language server (`bench/lsp_latency.py`: {measured['files']} files, "
                  f"{measured['lines']:,} lines, {rounds} rounds)", ["request", "median", "p99", "vs baseline"])
    for name, (median, p99) in results.items():
        table.rows.append([name, f"{median:.2f} ms", f"{p99:.2f} ms", ratio(median, base)])
    table.notes.append(f"The baseline is a request the server rejects at once (unknown method). The first "
                       f"workspace-wide request (loads and checks every file) took "
                       f"{measured['first_workspace_ms']:.0f} ms; the server's peak memory was "
                       f"{measured['peak_kb'] / 1024:.1f} MB. `diagnostics` includes the server's 50 ms debounce.")
    return [table]
