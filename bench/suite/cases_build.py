"""Cases that compile Cairn: fleet(N) against the plain C++ floor and jsonnet,
the one-Deployment build, a 10,000-line source file, and parsing speed."""
import filecmp
import json
import os
import re
import subprocess

from suite import gen_source
from suite.measure import CaseFailure, Command, run_once, time_group
from suite.report import Table, megabytes, per_second, ratio, seconds, size as size_text

JSONNET_MAX_N = 10_000  # jsonnet 0.18 needs minutes beyond this; --all lifts the cap


def same_bytes_as(reference):
    def check(run, path):
        if not filecmp.cmp(path, reference, shallow=False):
            return f"the output differs from {os.path.basename(reference)} (bench/run --keep, then cmp {path} {reference})"
    return check


def document_count(count):
    def check(run, path):
        with open(path, "rb") as out:
            found = len(re.findall(rb"(?m)^kind: ", out.read()))
        if found != count:
            return f"expected {count} documents, found {found}"
    return check


def jsonnet_documents(path):
    """`jsonnet -y` writes `---`, a JSON document, ..., then `...`."""
    with open(path) as out:
        parts = [part for part in re.split(r"(?m)^(?:---|\.\.\.)\n", out.read()) if part.strip()]
    return [json.loads(part) for part in parts]


def jsonnet_check(context, n):
    """Every run: 4N documents. The warm-up run also compares them, as data,
    with `cairn build --format json` of the same N."""
    state = {"compared": False}

    def check(run, path):
        documents = jsonnet_documents(path)
        if len(documents) != 4 * n:
            return f"expected {4 * n} documents, found {len(documents)}"
        if not state["compared"] and n > 0:
            state["compared"] = True
            built = subprocess.run([context.cairn, "build", context.bench_file("fleet.cairn"), "-p", f"n={n}",
                                    "--format", "json"], capture_output=True, text=True)
            if built.returncode != 0:
                return f"cairn build --format json failed: {built.stderr[-500:]}"
            value = json.loads(built.stdout)
            expected = value["items"] if value.get("kind") == "List" else [value]
            if documents != expected:
                return "jsonnet's objects differ from Cairn's (bench/fleet.jsonnet is out of date)"
    return check


def fleet(context):
    sizes = [10, 100] if context.quick else [100, 1000, 10_000, 50_000]
    if not context.floor:
        raise CaseFailure("cairn_fleet_floor was not found: build it (ninja cairn_fleet_floor)")
    table = Table("fleet(N): `cairn build bench/fleet.cairn -p n=N`",
                  ["N", "program", "median", "vs floor", "CPU", "peak memory", "output", "memory / output"])
    skipped = []
    for n in sizes:
        context.progress(f"fleet({n})")
        floor_out = context.path(f"fleet-{n}.floor.yaml")
        commands = [
            Command("floor", [context.floor, str(n)], floor_out),
            # Cairn writes its file with -o, as a build does (streamed to a
            # temporary file, then renamed); standard output would first be
            # held in memory whole, so that a failed build prints nothing.
            Command("cairn", [context.cairn, "build", context.bench_file("fleet.cairn"), "-p", f"n={n}",
                              "-o", context.path(f"fleet-{n}.cairn.yaml")],
                    context.path(f"fleet-{n}.cairn.yaml"), check=same_bytes_as(floor_out)),
        ]
        if context.jsonnet and (n <= JSONNET_MAX_N or context.all_sizes):
            commands.append(Command("jsonnet", [context.jsonnet, "-y", "--tla-code", f"n={n}",
                                                context.bench_file("fleet.jsonnet")],
                                    context.path(f"fleet-{n}.jsonnet.yaml"), check=jsonnet_check(context, n)))
        elif context.jsonnet:
            skipped.append(n)
        time_group(commands, context.runs, context.progress)
        base = commands[0].median("wall")
        for command in commands:
            wall, rss = command.median("wall"), command.peak_kb
            size = os.path.getsize(command.stdout_path)
            table.rows.append([f"{n:,}", command.name, seconds(wall), ratio(wall, base),
                               seconds(command.median("cpu")), megabytes(rss), size_text(size),
                               f"{rss * 1024 / size:.1f}x" if size else "-"])
        if n == 10_000:
            cairn = commands[1]
            size = os.path.getsize(cairn.stdout_path)
            context.metrics.update(fleet10k_wall=cairn.median("wall"), fleet10k_cpu=cairn.median("cpu"),
                                   fleet10k_vs_floor=cairn.median("wall") / base,
                                   fleet10k_mem_ratio=cairn.peak_kb * 1024 / size,
                                   fleet10k_cpu_per_wall=cairn.median("cpu") / cairn.median("wall"))
    table.notes.append("Every run's output is compared: Cairn's byte for byte with the floor's "
                       "(`bench/fleet_floor.cpp`), jsonnet's (`bench/fleet.jsonnet`, JSON documents) as data "
                       "with `cairn build --format json`. Output goes to a file (Cairn with `-o`, the others through standard output); memory is the peak RSS.")
    if not context.jsonnet:
        table.notes.append("jsonnet: not on PATH, skipped.")
    elif skipped:
        table.notes.append(f"jsonnet: skipped for N = {', '.join(f'{n:,}' for n in skipped)} "
                           f"(over {JSONNET_MAX_N:,}; `--all` includes it).")
    return [table]


# One Deployment, as an untyped object and typed with the standard library:
# both must build to the same bytes.
DEPLOYMENT_BODY = """{
  metadata.name = "web"
  spec {
    replicas = 2
    selector.matchLabels = { app = "web" }
    template {
      metadata.labels = { app = "web" }
      spec.containers = [{ name = "web", image = "nginx:1.27", ports = [{ containerPort = 8080 }] }]
    }
  }
}
"""
UNTYPED = 'emit {\n  apiVersion = "apps/v1", kind = "Deployment"\n' + DEPLOYMENT_BODY[2:]
TYPED = 'import "k8s/apps/v1" as apps\nemit apps.Deployment ' + DEPLOYMENT_BODY


def write(path, text):
    with open(path, "w") as out:
        out.write(text)
    return path


def stdlib_modules(context, subdir):
    base = os.path.join(context.root, "stdlib")
    found = []
    for directory, _, files in os.walk(os.path.join(base, subdir)):
        found += [os.path.relpath(os.path.join(directory, f), base)[:-len(".cairn")]
                  for f in files if f.endswith(".cairn")]
    return sorted(found)


def startup_baseline(context):
    """`cairn build` of one untyped Deployment: process start and the smallest pipeline."""
    source = write(context.path("untyped.cairn"), UNTYPED)
    return Command("baseline: one untyped Deployment (no import)", [context.cairn, "build", source],
                   context.path("untyped.yaml"), check=document_count(1))


def deployment(context):
    context.progress("one-Deployment build")
    typed = write(context.path("typed.cairn"), TYPED)
    modules = stdlib_modules(context, "k8s")
    everything = write(context.path("all-modules.cairn"), "".join(
        f'import "{module}" as m{i}\n' for i, module in enumerate(modules))
        + 'emit { apiVersion = "v1", kind = "ConfigMap", metadata.name = "x" }\n')
    baseline = startup_baseline(context)
    commands = [baseline,
                Command("one typed Deployment (`import \"k8s/apps/v1\"`)", [context.cairn, "build", typed],
                        context.path("typed.yaml"), check=same_bytes_as(baseline.stdout_path)),
                Command(f"every module of stdlib/k8s ({len(modules)} imports)", [context.cairn, "build", everything],
                        context.path("all-modules.yaml"), check=document_count(1))]
    time_group(commands, context.runs, context.progress)
    table = Table("One-Deployment build (standard library import included)",
                  ["case", "median", "vs baseline", "CPU", "peak memory"])
    base = baseline.median("wall")
    for command in commands:
        table.rows.append([command.name, seconds(command.median("wall")), ratio(command.median("wall"), base),
                           seconds(command.median("cpu")), megabytes(command.peak_kb)])
    table.notes.append("The typed Deployment must build to the same bytes as the untyped one.")
    context.metrics.update(deployment_wall=commands[1].median("wall"), deployment_cpu=commands[1].median("cpu"))
    return [table]


def large_source(context):
    """The generated module (bench/suite/gen_source.py), written once per run."""
    if context.large_source is None:
        path = context.path("large.cairn")
        text, lines, teams = gen_source.generate(1000 if context.quick else 10_000)
        write(path, text)
        context.large_source = (path, lines, teams)
    return context.large_source


def source(context):
    path, lines, teams = large_source(context)
    context.progress(f"{lines}-line source file")
    size = os.path.getsize(path)
    commands = [startup_baseline(context),
                Command("`cairn check`", [context.cairn, "check", path]),
                Command("`cairn build`", [context.cairn, "build", path], context.path("large.yaml"),
                        check=document_count(gen_source.OBJECTS_PER_TEAM * teams))]
    time_group(commands, context.runs, context.progress)
    table = Table(f"A {lines:,}-line source file ({size / 1e3:.0f} KB, {teams} schemas, "
                  f"{gen_source.OBJECTS_PER_TEAM * teams:,} objects)",
                  ["case", "median", "vs baseline", "lines/s", "CPU", "peak memory"])
    base = commands[0].median("wall")
    for command in commands:
        wall = command.median("wall")
        table.rows.append([command.name, seconds(wall), ratio(wall, base),
                           per_second(lines, wall) if command is not commands[0] else "-",
                           seconds(command.median("cpu")), megabytes(command.peak_kb)])
    table.notes.append("The file is written by `bench/suite/gen_source.py`: per team a schema with checks, "
                       "functions building containers, Deployments and Services, lets with list and map "
                       "comprehensions, `with`, and emits.")
    return [table]


def parse_speed_row(context, label, paths):
    runs = 2 if context.quick else 10
    run = run_once([context.parse_speed, "--runs", str(runs)] + paths, context.path("parse.out"))
    with open(context.path("parse.out")) as out:
        text = out.read()
    if run.rc != 0:
        raise CaseFailure(f"cairn_parse_speed exited with {run.rc}: {run.stderr.strip()[-500:]}")
    if "syntax or lexical errors" in text:
        raise CaseFailure(f"cairn_parse_speed: {label} does not parse:\n{text[-500:]}")
    values = dict(line.split(None, 1) for line in text.splitlines() if re.match(r"^[a-z_A-Z]+ [-0-9.]+$", line))
    summary = text.splitlines()[0]
    counts = re.match(r"(\d+) files?, (\d+) bytes, (\d+) lines", summary)
    if counts:
        files, size, lines = map(int, counts.groups())
        summary = f"{files} file{'s' if files != 1 else ''}, {size_text(size)}, {lines:,} lines"
    try:
        context.metrics["ll_reparses"] = context.metrics.get("ll_reparses", 0) + int(values["ll_reparses"])
        return [label, summary, f"{float(values['MBps']):.2f}", f"{float(values['MBps_first']):.2f}",
                " / ".join(f"{float(values[k]) * 100:.0f}%" for k in ("lex_share", "parse_share", "build_share")),
                values["ll_reparses"]]
    except KeyError as missing:
        raise CaseFailure(f"cairn_parse_speed printed no {missing} line; its --help names the lines it prints")


def parse(context):
    if not context.parse_speed:
        context.progress("parse: cairn_parse_speed not built, skipped")
        return [Table("Parsing", ["input", "size"], [["skipped: cairn_parse_speed was not built", "-"]])]
    context.progress("parse speed")
    path, lines, _ = large_source(context)
    table = Table("Parsing (`cairn_parse_speed`: lexer, parser and AST builder, in process)",
                  ["input", "size", "MB/s (median)", "MB/s (first pass)", "lexer / parser / AST builder",
                   "files parsed again with full LL"])
    table.rows.append(parse_speed_row(context, "the whole standard library", [os.path.join(context.root, "stdlib")]))
    table.rows.append(parse_speed_row(context, f"the {lines:,}-line file", [path]))
    table.notes.append("The first pass builds ANTLR's prediction cache; a build parses each file once, "
                       "so its speed is closer to the first pass than to the median.")
    return [table]
