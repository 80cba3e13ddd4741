"""Speed figures: whole commands beside the import floor, and scaling on synthetic catalogs."""

from __future__ import annotations

import gc
import os
import statistics
import sys
from pathlib import Path

import networkx as nx
from timing import (
    compare,
    format_seconds,
    line,
    peak_memory_kib,
    process_time,
    run_process,
    timed,
)

from paperpath.catalog import load_catalog
from paperpath.graph import prerequisite_graph, reading_order, select_papers

PYTHON = sys.executable
FLOOR = [PYTHON, "-c", "import paperpath"]
PAPERPATH = [PYTHON, "-m", "paperpath"]
# The reading-order figure uses a target with about this many ancestors.
ANCESTORS = 1000
# A whole `path` process on 100,000 papers must finish within this many seconds.
PATH_LIMIT_SECONDS = 5.0
# Ten times the papers may take at most this many times as long.
GROWTH_LIMIT = 12.0


def command_figures(runs: int, cache_dir: Path, awesome_list: Path | None) -> None:
    """Print `path dpo` and `check --strict` on the bundled catalog beside the import floor."""
    env = {**os.environ, "PAPERPATH_CACHE_DIR": str(cache_dir)}
    cold = {**env, "PAPERPATH_NO_CACHE": "1"}
    floor = process_time(FLOOR)
    commands = [
        ("path dpo (bundled, catalog cached)", [*PAPERPATH, "path", "dpo"], env),
        ("path dpo (bundled, no cache)", [*PAPERPATH, "path", "dpo"], cold),
        ("check --strict (bundled, catalog cached)", [*PAPERPATH, "check", "--strict"], env),
    ]
    if awesome_list is not None:
        command = [*PAPERPATH, "import", "awesome", str(awesome_list), "--dry-run"]
        commands.append((f"import awesome {awesome_list.name} --dry-run", command, env))
    else:
        print("import awesome: skipped, no awesome list found; give one with --list FILE")
    for name, command, environment in commands:
        run_process(command, environment)  # fills the cache and the file cache; not counted
        floor()
        pair = compare(process_time(command, environment), floor, runs)
        print(line(name, pair, "target <= 1.30" if name.startswith("path dpo (bundled, c") else ""))


def find_target(graph: nx.DiGraph, papers: list[str], size: int = ANCESTORS) -> str:
    """Return the first paper, in id order, with ``size`` to ``size * 1.1`` ancestors."""
    limit = int(size * 1.1)
    for paper in papers:
        seen: set[str] = set()
        stack = [paper]
        while stack and len(seen) <= limit:
            for prerequisite in graph.predecessors(stack.pop()):
                if prerequisite not in seen:
                    seen.add(prerequisite)
                    stack.append(prerequisite)
        if size <= len(seen) <= limit:
            return paper
    raise LookupError(f"no paper has {size} to {limit} ancestors")


def scale_figures(catalogs: dict[int, Path], runs: int, cache_dir: Path) -> None:
    """Print load, ordering and whole-`path` figures for each synthetic catalog.

    Loading validates every file and is compared with networkx's
    topological_sort of the whole graph. Ordering a target's selection is
    compared with topological_sort of the same selection.
    """
    for size, folder in sorted(catalogs.items()):
        result = load_catalog(folder)
        if result.problems:
            raise SystemExit(f"the synthetic catalog of {size} papers has problems")
        graph = prerequisite_graph(result.catalog)
        papers = sorted(result.catalog.papers)
        del result
        gc.collect()

        load_runs = runs if size < 100_000 else max(1, min(runs, 3))
        pair = compare(
            lambda folder=folder: timed(lambda: load_catalog(folder)),
            lambda graph=graph: timed(lambda: list(nx.topological_sort(graph))),
            load_runs,
        )
        print(line(f"load and validate {size:,} papers", pair, "baseline: topological_sort"))
        gc.collect()

        if size >= 10_000:
            _order_figure(folder, graph, papers, runs)
        if size >= 100_000:
            _path_process_figures(folder, graph, papers, runs, cache_dir)

    # Growth is measured side by side: loads of the two sizes alternate, and
    # the figure is the median of the per-pair ratios.
    sizes = sorted(catalogs)
    for smaller, larger in zip(sizes, sizes[1:], strict=False):
        pair_runs = runs if larger < 100_000 else max(1, min(runs, 3))
        pair = compare(
            lambda folder=catalogs[larger]: timed(lambda: load_catalog(folder)),
            lambda folder=catalogs[smaller]: timed(lambda: load_catalog(folder)),
            pair_runs,
        )
        factor = larger / smaller
        limit = GROWTH_LIMIT * factor / 10
        verdict = "holds" if pair.ratio <= limit else "MISSED"
        print(
            f"load time growth {smaller:,} -> {larger:,} papers (x{factor:g}):"
            f" x{pair.ratio:.2f} ({format_seconds(pair.time)} against"
            f" {format_seconds(pair.baseline)}, alternating)   target <= x{limit:g}: {verdict}"
        )


def _order_figure(folder: Path, graph: nx.DiGraph, papers: list[str], runs: int) -> None:
    catalog = load_catalog(folder).catalog
    target = find_target(graph, papers)
    selection = select_papers(graph, [target]).papers
    subgraph = graph.subgraph(selection)
    pair = compare(
        lambda: timed(lambda: reading_order(graph, catalog.papers, selection)),
        lambda: timed(lambda: list(nx.topological_sort(subgraph))),
        runs,
    )
    name = f"reading order, {len(selection) - 1} ancestors ({len(papers):,} papers)"
    print(line(name, pair, "baseline: topological_sort; target <= 2.00"))


def _path_process_figures(
    folder: Path, graph: nx.DiGraph, papers: list[str], runs: int, cache_dir: Path
) -> None:
    target = find_target(graph, papers)
    command = [*PAPERPATH, "path", target, "--catalog", str(folder)]
    env = {**os.environ, "PAPERPATH_CACHE_DIR": str(cache_dir)}
    cold_env = {**env, "PAPERPATH_NO_CACHE": "1"}
    floor = process_time(FLOOR)

    cold = run_process(command, cold_env)
    cold_peak = peak_memory_kib(command, cold_env)
    floor_time = statistics.median(floor() for _ in range(3))
    print(
        f"{f'path {target} ({len(papers):,} papers, no cache)':<52} {cold.seconds:>7.2f} s"
        f"   baseline {floor_time * 1000:>6.1f} ms   ratio {cold.seconds / floor_time:7.1f}"
        f"   peak memory {cold_peak / 1024:.0f} MiB (1 run)"
    )

    run_process(command, env)  # writes the cache entry
    warm_runs = []
    floors = []
    for _ in range(runs):
        warm_runs.append(run_process(command, env))
        floors.append(floor())
    seconds = statistics.median(run.seconds for run in warm_runs)
    ratio = statistics.median(
        run.seconds / base for run, base in zip(warm_runs, floors, strict=True)
    )
    peak = peak_memory_kib(command, env)
    verdict = "holds" if seconds < PATH_LIMIT_SECONDS else "MISSED"
    print(
        f"{f'path {target} ({len(papers):,} papers, catalog cached)':<52} {seconds:>7.2f} s"
        f"   baseline {statistics.median(floors) * 1000:>6.1f} ms   ratio {ratio:7.1f}"
        f"   peak memory {peak / 1024:.0f} MiB   target < {PATH_LIMIT_SECONDS:g} s: {verdict}"
    )
