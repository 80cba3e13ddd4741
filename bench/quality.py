"""Order quality on the bundled catalog, beside two plain topological sorts.

For every topic and every foundational paper as a target, the selection
is ordered three ways: paperpath's reading order (the one ``paperpath
path`` prints, from the same planner), networkx's
lexicographical_topological_sort keyed by (year, id), and Kahn's algorithm
taking the smallest id first. Each order is measured by the share of
prerequisite edges it respects, the mean distance between a paper and
its direct prerequisites, and the topic switches between neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from paperpath.catalog import Catalog
from paperpath.graph import prerequisite_graph, resolve_target, select_papers
from paperpath.graph.metrics import (
    id_ordered_sort,
    mean_prerequisite_distance,
    respected_edge_share,
    topic_switches,
    year_ordered_sort,
)
from paperpath.plan import plan_reading_order

ORDERS = ("ours", "year", "kahn")
# Summed over all topics, our mean distance should be at most this share of the year sort's.
DISTANCE_TARGET = 0.7


@dataclass
class Totals:
    """Summed metrics of one group of targets, per order."""

    distance: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ORDERS, 0.0))
    switches: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ORDERS, 0))
    min_respected: dict[str, float] = field(default_factory=lambda: dict.fromkeys(ORDERS, 1.0))
    targets: int = 0


def measure(
    catalog: Catalog, graph: nx.DiGraph, target_id: str
) -> tuple[int, dict[str, tuple[float, float, int]]]:
    """Return the selection's size and each order's respected share, distance and switches."""
    target = resolve_target(catalog, target_id)
    selection = select_papers(graph, target.paper_ids).papers
    # The order `paperpath path` prints, from the same planner.
    planned = plan_reading_order(catalog, [target_id], graph=graph)
    orders = {
        "ours": [entry.paper.id for entry in planned.entries],
        "year": year_ordered_sort(graph, catalog.papers, selection),
        "kahn": id_ordered_sort(graph, selection),
    }
    return len(selection), {
        name: (
            respected_edge_share(graph, order),
            mean_prerequisite_distance(graph, order),
            topic_switches(catalog.papers, order),
        )
        for name, order in orders.items()
    }


def quality_figures(catalog: Catalog, verbose: bool = True) -> float:
    """Print the per-topic table and the sums; return the summed topic distance ratio."""
    groups = {
        "topics": sorted(catalog.topics),
        "foundational papers": sorted(paper.id for paper in catalog if paper.is_foundational),
    }
    graph = prerequisite_graph(catalog)
    totals = {}
    for group, targets in groups.items():
        total = Totals()
        if verbose and group == "topics":
            print(
                f"{'topic':<34} {'papers':>6}  {'mean distance: ours / year / kahn':>34}"
                f"  {'topic switches: ours / year / kahn':>35}"
            )
        for target_id in targets:
            size, figures = measure(catalog, graph, target_id)
            total.targets += 1
            for name, (respected, distance, switches) in figures.items():
                total.distance[name] += distance
                total.switches[name] += switches
                total.min_respected[name] = min(total.min_respected[name], respected)
            if verbose and group == "topics":
                print(
                    f"{target_id:<34} {size:>6}  "
                    f"{_triple(figures, 1, '{:.2f}'):>34}  {_triple(figures, 2, '{}'):>35}"
                )
        totals[group] = total

    print()
    for group, total in totals.items():
        ours, year, kahn = (total.distance[name] for name in ORDERS)
        print(
            f"{group} ({total.targets} targets): summed mean distance ours {ours:.1f},"
            f" year sort {year:.1f} (ratio {ours / year:.3f}), Kahn by id {kahn:.1f}"
            f" (ratio {ours / kahn:.3f})"
        )
        print(
            f"{'':4}topic switches ours {total.switches['ours']}, year sort"
            f" {total.switches['year']}, Kahn by id {total.switches['kahn']};"
            f" edges respected (lowest share) ours {total.min_respected['ours']:.0%},"
            f" year {total.min_respected['year']:.0%}, Kahn {total.min_respected['kahn']:.0%}"
        )
    topics = totals["topics"]
    ratio = topics.distance["ours"] / topics.distance["year"]
    verdict = "holds" if ratio <= DISTANCE_TARGET else "MISSED"
    print(
        f"summed topic distance ratio to the year sort: {ratio:.3f}"
        f"   target <= {DISTANCE_TARGET}: {verdict}"
    )
    return ratio


def _triple(figures: dict[str, tuple[float, float, int]], index: int, template: str) -> str:
    return " / ".join(template.format(figures[name][index]) for name in ORDERS)
