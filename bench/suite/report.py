"""The suite's report, in the Markdown that docs/performance.md carries: the
conditions of the run, the targets of the performance issue against what was
measured, then one table per case."""
import datetime
import os
import platform
import subprocess
from dataclasses import dataclass, field


@dataclass
class Table:
    title: str
    columns: list
    rows: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    def markdown(self):
        lines = [f"### {self.title}", "", "| " + " | ".join(self.columns) + " |",
                 "|" + "|".join(" --- " for _ in self.columns) + "|"]
        lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in self.rows]
        if self.notes:
            lines.append("")
            lines.append("\n\n".join(self.notes))
        return "\n".join(lines) + "\n"


def seconds(value):
    if value < 1.0:
        return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def megabytes(kb):
    return f"{kb / 1024:.1f} MB"


def size(count):
    return f"{count / 1e6:.1f} MB" if count >= 1e6 else f"{count / 1e3:.0f} KB"


def ratio(value, base):
    return f"{value / base:.1f}x" if base > 0 else "-"


def per_second(count, wall):
    return f"{count / wall:,.0f}/s" if wall > 0 else "-"


def machine():
    """CPU model, cores, memory and kernel of this machine."""
    model = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            model = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as meminfo:
            kb = int(next(line.split()[1] for line in meminfo if line.startswith("MemTotal")))
            memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{model}, {os.cpu_count()} cores{memory}, Linux {platform.release()}"


def load_average():
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def revision(root):
    """The git commit of the tree, marked when it has local changes (read only)."""
    try:
        head = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return head + (" with local changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def header(context, load_before, load_after):
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join([
        f"- date: {now}; commit {revision(context.root)}",
        f"- machine: {machine()}",
        f"- load average (1, 5, 15 min): {load_before} before, {load_after} after",
        f"- `cairn`: {context.cairn_label}; median of {context.runs} runs after one warm-up run",
        "- other load on the machine inflates wall times; the ratios (baseline and subject interleaved "
        "in the same run) and the CPU times are steadier",
        "",
    ])


def targets_table(metrics):
    """The targets of the performance issue with today's measurements; a
    target whose case did not run is left out."""
    table = Table("Targets", ["target", "measured", "met"])

    def add(label, key, text, met):
        if key in metrics:
            value = metrics[key]
            table.rows.append([label, text(value), "yes" if met(value) else "**no**"])

    def wall(cpu_key):
        return lambda v: f"{seconds(v)} (CPU {seconds(metrics[cpu_key])})"

    add("fleet(10000) <= 0.24 s", "fleet10k_wall", wall("fleet10k_cpu"), lambda v: v <= 0.24)
    add("fleet(10000) <= 10x the plain C++ floor", "fleet10k_vs_floor", lambda v: f"{v:.1f}x", lambda v: v <= 10)
    add("fleet(10000) peak memory <= 5x the output", "fleet10k_mem_ratio", lambda v: f"{v:.1f}x", lambda v: v <= 5)
    add("one-Deployment build (standard library included) <= 10 ms", "deployment_wall", wall("deployment_cpu"),
        lambda v: v <= 0.010)
    add("`cairn validate` >= 100,000 objects/s (50,000 objects)", "validate_rate", lambda v: f"{v:,.0f}/s",
        lambda v: v >= 100_000)
    add("`cairn lint`, default pack, 10,000 objects < 0.3 s", "lint10k_wall", wall("lint10k_cpu"), lambda v: v < 0.3)
    add("grammar SLL-clean (no file parsed again with full LL)", "ll_reparses", lambda v: f"{v} reparsed",
        lambda v: v == 0)
    if "fleet10k_cpu_per_wall" in metrics:
        table.rows.append(["both cores used (fleet(10000) CPU time / wall time)",
                           f"{metrics['fleet10k_cpu_per_wall']:.2f}", "see note"])
        table.notes.append("CPU/wall above 1 means more than one core worked at once; on a loaded "
                           "machine it stays lower than the program allows.")
    table.notes.append("Times are wall-clock medians; the CPU time (user + system) beside them is "
                       "less sensitive to other load on the machine.")
    return table
