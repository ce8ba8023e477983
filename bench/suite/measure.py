"""Timing processes: wall time, CPU time and peak memory of one run (from
os.wait4), and groups of commands timed together, interleaved run by run, so
that a change of machine load hits the baseline and the subject alike."""
import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field


class CaseFailure(Exception):
    """A benchmark whose result is wrong or missing: the suite fails."""


@dataclass
class Run:
    wall: float      # seconds
    cpu: float       # user + system seconds
    rss_kb: int      # peak resident set size
    rc: int
    stderr: str


# The peak RSS that wait4 reports for a child of this Python process starts at
# Python's own (about 17 MB): Linux keeps the high-water mark of the forked
# process across exec. GNU time is a small C program, so runs that measure
# memory are started through it (it wait4s for the program and prints %M).
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(argv, stdout_path=None, cwd=None, timeout=600.0, measure_memory=False):
    """Runs argv with standard output to stdout_path (or /dev/null). With
    measure_memory, rss_kb is the program's own peak (through GNU time)."""
    out = open(stdout_path, "wb") if stdout_path else open(os.devnull, "wb")
    rss_file = tempfile.NamedTemporaryFile(prefix="rss-", delete=False) if measure_memory and GNU_TIME else None
    if rss_file:
        rss_file.close()
        argv = [GNU_TIME, "-f", "%M", "-o", rss_file.name, "--"] + list(argv)
    with out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            # Its own process group, so that a timeout also ends a program run through GNU time.
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, cwd=cwd,
                                    start_new_session=True)
        except OSError as error:
            raise CaseFailure(f"cannot run {argv[0]}: {error}")
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:  # it ended just now
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # wait4 reaped it, not Popen
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    if timed_out.is_set():
        if rss_file:
            os.unlink(rss_file.name)
        raise CaseFailure(f"`{' '.join(argv)}` took more than {timeout:.0f} s")
    rss_kb = usage.ru_maxrss
    if rss_file:
        rss_kb = read_gnu_time_rss(rss_file.name, rss_kb)
    return Run(wall, usage.ru_utime + usage.ru_stime, rss_kb, proc.returncode, stderr)


def read_gnu_time_rss(path, fallback):
    """The last line of GNU time's -o file is %M; before it, a status line
    when the program failed."""
    try:
        with open(path) as report:
            lines = report.read().split()
        return int(lines[-1]) if lines else fallback
    except (OSError, ValueError):
        return fallback
    finally:
        os.unlink(path)


@dataclass
class Command:
    """One row of a group: what to run and how to tell a correct result.
    check(run, stdout_path) returns None when the result is right, else why not."""
    name: str
    argv: list
    stdout_path: str = None
    check: object = None
    ok_codes: tuple = (0,)
    cwd: str = None
    timeout: float = 600.0
    runs: list = field(default_factory=list)
    peak_kb: int = 0  # peak RSS of the warm-up run (see GNU_TIME)

    def verify(self, run):
        if run.rc not in self.ok_codes:
            tail = run.stderr.strip().splitlines()[-15:]
            raise CaseFailure(f"{self.name}: `{' '.join(map(str, self.argv))}` exited with {run.rc}"
                              + ("\n    " + "\n    ".join(tail) if tail else ""))
        try:
            problem = self.check(run, self.stdout_path) if self.check else None
        except (OSError, ValueError, KeyError, TypeError) as error:  # e.g. output that does not parse
            problem = f"its output could not be checked: {error!r}"
        if problem:
            raise CaseFailure(f"{self.name}: {problem}")

    def median(self, attribute):
        return statistics.median(getattr(run, attribute) for run in self.runs)


def time_group(commands, runs, progress):
    """One untimed warm-up run of each command (it fills the page cache and
    is checked like the others, and gives the peak memory), then `runs`
    rounds, each running every command once in order. Every run is checked.
    Fills command.runs and command.peak_kb."""
    for command in commands:
        progress(f"  warm-up: {command.name}")
        warm_up = run_once(command.argv, command.stdout_path, command.cwd, command.timeout, measure_memory=True)
        command.verify(warm_up)
        command.peak_kb = warm_up.rss_kb
    for round_index in range(runs):
        for command in commands:
            run = run_once(command.argv, command.stdout_path, command.cwd, command.timeout)
            command.verify(run)
            command.runs.append(run)
        progress(f"  round {round_index + 1}/{runs} done")
    return commands
