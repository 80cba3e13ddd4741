"""Time paperpath's commands as whole processes, each beside a baseline.

Run from the repository root with the environment that has paperpath
installed:

    python bench/run.py [--runs N] [--list PATH]

Each figure is the median wall time over N runs. A command and its
baseline run alternately (A B A B ...), so a machine that speeds up or
slows down during the run affects both alike. The ratio is the median of
the per-pair ratios. The baseline is ``python -c "import paperpath"``,
the floor that any paperpath command pays.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_LIST = REPOSITORY.parent / "shared" / "sources" / "awesome-llm-post-training.md"


def wall_time(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def compare(name: str, command: list[str], baseline: list[str], runs: int) -> None:
    wall_time(command)  # warm the file cache; not counted
    wall_time(baseline)
    times, floors, ratios = [], [], []
    for _ in range(runs):
        measured = wall_time(command)
        floor = wall_time(baseline)
        times.append(measured)
        floors.append(floor)
        ratios.append(measured / floor)
    print(
        f"{name:<56} median {statistics.median(times):6.3f} s   "
        f"baseline {statistics.median(floors):6.3f} s   "
        f"ratio {statistics.median(ratios):5.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (default 7)")
    parser.add_argument("--list", type=Path, default=DEFAULT_LIST, help="awesome list to import")
    arguments = parser.parse_args()

    python = sys.executable
    floor = [python, "-c", "import paperpath"]
    paperpath = [python, "-m", "paperpath"]
    print(f"python {sys.version.split()[0]}, {arguments.runs} runs per figure")
    runs = arguments.runs
    compare("paperpath path dpo (bundled catalog)", [*paperpath, "path", "dpo"], floor, runs)
    compare("paperpath check --strict", [*paperpath, "check", "--strict"], floor, runs)
    if arguments.list.exists():
        command = [*paperpath, "import", "awesome", str(arguments.list), "--dry-run"]
        compare(f"import awesome {arguments.list.name} --dry-run", command, floor, runs)
    else:
        print(f"skipped the import figure: {arguments.list} does not exist")


if __name__ == "__main__":
    main()
