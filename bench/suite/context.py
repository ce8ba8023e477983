"""What every case needs: the programs under test, the work directory, the
options of the run, a progress printer, and the figures the targets table reads."""
import os
import sys
from dataclasses import dataclass, field


@dataclass
class Context:
    root: str              # the source tree
    work: str              # a temporary directory for inputs and outputs
    cairn: str
    cairn_label: str       # how the report names the binary
    floor: str = None      # cairn_fleet_floor, when found
    parse_speed: str = None
    jsonnet: str = None
    runs: int = 5
    quick: bool = False
    all_sizes: bool = False
    metrics: dict = field(default_factory=dict)
    large_source: tuple = None  # (path, lines, teams) once written

    def path(self, name):
        return os.path.join(self.work, name)

    def bench_file(self, name):
        return os.path.join(self.root, "bench", name)

    @staticmethod
    def progress(message):
        print(message, file=sys.stderr, flush=True)
