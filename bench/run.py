"""Print every benchmark figure of paperpath, each beside its baseline.

Run from the repository root with the environment that has paperpath
installed:

    python bench/run.py            # every figure, about 4.5 minutes on 2 cores
    python bench/run.py --quick    # 1,000 and 10,000 papers only, fewer runs

Figures, in order:

1. whole commands on the bundled catalog beside ``python -c "import paperpath"``;
2. synthetic catalogs of 1,000, 10,000 and 100,000 papers. Loading and
   validating each is timed beside networkx's topological_sort of the
   same graph, with the growth between sizes. A reading order for a
   target with about 1,000 ancestors is timed beside topological_sort of
   the same selection. A whole ``path`` process on 100,000 papers is timed
   with its peak resident memory;
3. a study-guide PDF of more than 150 papers beside WeasyPrint alone;
4. order quality on the bundled catalog beside two topological sorts.

Each time is the median of several runs. A figure and its baseline run
alternately (A B A B ...) and the ratio is the median of per-pair ratios.
Synthetic catalogs are generated from a fixed seed into a temporary folder,
and the catalog cache is pointed there too, so the user's cache is untouched.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

from guide_pdf import guide_figure
from quality import quality_figures
from speed import command_figures, scale_figures
from synthetic import generate_catalog

from paperpath.catalog import load_catalog
from paperpath.resources import bundled_catalog_dir

REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_LIST = REPOSITORY.parent / "shared" / "sources" / "awesome-llm-post-training.md"


def machine() -> str:
    """Describe the machine: CPU model, cores and Python version."""
    model = platform.processor() or "unknown CPU"
    try:
        for text in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if text.startswith("model name"):
                model = text.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return f"{model}, {os.cpu_count()} cores, Python {sys.version.split()[0]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip 100,000 papers; 3 runs")
    parser.add_argument("--runs", type=int, help="timed runs per figure (default 7, quick 3)")
    parser.add_argument("--list", type=Path, default=DEFAULT_LIST, help="awesome list to import")
    arguments = parser.parse_args()
    runs = arguments.runs or (3 if arguments.quick else 7)
    sizes = (1_000, 10_000) if arguments.quick else (1_000, 10_000, 100_000)
    started = time.perf_counter()
    print(f"{machine()}; {runs} runs per figure")

    with tempfile.TemporaryDirectory(prefix="paperpath-bench-") as temporary:
        folder = Path(temporary)
        cache_dir = folder / "cache"
        print("\n## Commands on the bundled catalog (baseline: python -c 'import paperpath')")
        awesome_list = arguments.list if arguments.list.exists() else None
        command_figures(runs, cache_dir, awesome_list)

        print("\n## Synthetic catalogs")
        catalogs = {size: generate_catalog(folder / f"catalog-{size}", size) for size in sizes}
        scale_figures(catalogs, runs, cache_dir)

        bundled = load_catalog(bundled_catalog_dir()).catalog
        print("\n## Study guide")
        guide_figure(bundled, 1 if arguments.quick else 3)

        print("\n## Order quality on the bundled catalog")
        quality_figures(bundled)

    print(f"\nall figures in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
