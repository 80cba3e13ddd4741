"""Measures of reading-order quality, and the baseline orders they are compared with."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

import networkx as nx

from paperpath.catalog import Paper
from paperpath.graph.order import chronological_order


def _edges_within(graph: nx.DiGraph, order: Sequence[str]) -> list[tuple[str, str]]:
    selected = set(order)
    return [(u, v) for u, v in graph.subgraph(selected).edges]


def respected_edge_share(graph: nx.DiGraph, order: Sequence[str]) -> float:
    """Return the share of prerequisite edges whose prerequisite comes first (1.0 if none)."""
    position = {paper: index for index, paper in enumerate(order)}
    edges = _edges_within(graph, order)
    if not edges:
        return 1.0
    return sum(position[u] < position[v] for u, v in edges) / len(edges)


def mean_prerequisite_distance(graph: nx.DiGraph, order: Sequence[str]) -> float:
    """Return the mean number of positions between a paper and each direct prerequisite.

    Examples
    --------
    >>> graph = nx.DiGraph([("a", "c"), ("b", "c")])
    >>> mean_prerequisite_distance(graph, ["a", "b", "c"])
    1.5
    """
    position = {paper: index for index, paper in enumerate(order)}
    edges = _edges_within(graph, order)
    if not edges:
        return 0.0
    return sum(abs(position[v] - position[u]) for u, v in edges) / len(edges)


def topic_switches(papers: Mapping[str, Paper], order: Sequence[str]) -> int:
    """Count neighbouring entries that share no topic."""
    return sum(not set(papers[a].topics) & set(papers[b].topics) for a, b in pairwise(order))


def year_ordered_sort(
    graph: nx.DiGraph, papers: Mapping[str, Paper], selection: Iterable[str]
) -> list[str]:
    """Return the baseline order: a topological sort that always takes the oldest paper."""
    return chronological_order(graph, papers, selection)


def id_ordered_sort(graph: nx.DiGraph, selection: Iterable[str]) -> list[str]:
    """Return the baseline order: Kahn's algorithm taking the smallest id first."""
    return list(nx.lexicographical_topological_sort(graph.subgraph(selection)))
