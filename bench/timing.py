"""Timing helpers: medians of alternating runs, and whole-process measurements."""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Pair:
    """Median times of a measured step and its baseline, and the median per-pair ratio."""

    time: float
    baseline: float
    ratio: float


@dataclass(frozen=True)
class ProcessRun:
    seconds: float
    peak_kib: int


def compare(measured: Callable[[], float], baseline: Callable[[], float], runs: int) -> Pair:
    """Run ``measured`` and ``baseline`` alternately ``runs`` times each; both return seconds.

    Alternating (A B A B ...) makes a machine that speeds up or slows down
    during the run affect both alike. The ratio is the median of the
    per-pair ratios, not the ratio of the medians.
    """
    times, baselines, ratios = [], [], []
    for _ in range(runs):
        first = measured()
        second = baseline()
        times.append(first)
        baselines.append(second)
        ratios.append(first / second)
    return Pair(statistics.median(times), statistics.median(baselines), statistics.median(ratios))


def timed(function: Callable[[], object]) -> float:
    """Return the wall time of one call of ``function`` in seconds.

    The result is freed, and any cyclic garbage collected, after the clock
    stops: freeing a large catalog is not part of loading it, and a command
    process never frees it at all.
    """
    started = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - started
    del result
    gc.collect()
    return elapsed


def run_process(command: list[str], env: dict[str, str] | None = None) -> ProcessRun:
    """Run ``command`` to completion; return its wall time and peak resident memory.

    The peak comes from ``os.wait4`` (Linux reports ``ru_maxrss`` in KiB).
    It includes the memory of this process at the fork, so it is right only
    while this process is small; use :func:`peak_memory_kib` otherwise. A
    failing command raises CalledProcessError.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read() if process.stderr else b""
    process.stderr.close()
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, command, stderr=stderr)
    return ProcessRun(seconds, usage.ru_maxrss)


# Runs a command as its own child and reports that child's peak resident
# memory. Linux carries the peak of a process's memory before exec over to
# the program it runs, so a child forked straight from a benchmark holding
# a large catalog would report the benchmark's memory, not its own.
_PEAK_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
sys.stderr.write(f"\\npeak-kib {usage.ru_maxrss}\\n")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def peak_memory_kib(command: list[str], env: dict[str, str] | None = None) -> int:
    """Run ``command`` once through a small launcher; return its peak resident memory in KiB."""
    completed = subprocess.run(
        [sys.executable, "-c", _PEAK_LAUNCHER, *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        check=True,
    )
    last = completed.stderr.decode().strip().splitlines()[-1]
    return int(last.removeprefix("peak-kib "))


def process_time(command: list[str], env: dict[str, str] | None = None) -> Callable[[], float]:
    """Return a function that runs ``command`` and returns its wall time."""
    return lambda: run_process(command, env).seconds


def line(name: str, pair: Pair, note: str = "") -> str:
    """Format one figure: name, median time, baseline median, ratio."""
    return (
        f"{name:<52} {format_seconds(pair.time):>9}   "
        f"baseline {format_seconds(pair.baseline):>9}   "
        f"ratio {pair.ratio:7.2f}{'   ' + note if note else ''}"
    )


def format_seconds(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
