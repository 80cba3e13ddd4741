"""Select the papers a reading order needs: targets and their prerequisites."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class Selection:
    """The papers to read, and the known papers that were left out."""

    papers: frozenset[str]
    target_papers: tuple[str, ...]
    known_left_out: tuple[str, ...]


def select_papers(
    graph: nx.DiGraph, target_papers: Iterable[str], known: Iterable[str] = ()
) -> Selection:
    """Return the targets plus all their transitive prerequisites, minus known papers.

    The walk does not pass through a known paper, so a prerequisite that
    only known papers need is left out too. A prerequisite that an unread
    paper also needs stays.

    Examples
    --------
    >>> graph = nx.DiGraph([("a", "b"), ("b", "c"), ("x", "c")])
    >>> sorted(select_papers(graph, ["c"]).papers)
    ['a', 'b', 'c', 'x']
    >>> sorted(select_papers(graph, ["c"], known=["b"]).papers)
    ['c', 'x']
    >>> select_papers(graph, ["c"], known=["a", "b"]).known_left_out
    ('a', 'b')
    """
    known_set = set(known)
    targets = list(dict.fromkeys(target_papers))
    selected: set[str] = set()
    stack = [paper for paper in targets if paper not in known_set]
    while stack:
        paper = stack.pop()
        if paper in selected:
            continue
        selected.add(paper)
        for prerequisite in graph.predecessors(paper):
            if prerequisite not in known_set and prerequisite not in selected:
                stack.append(prerequisite)
    # Every known paper the targets build on, including one that only
    # another known paper needs, would have been on the path.
    left_out = {paper for paper in targets if paper in known_set}
    if known_set:
        for paper in targets:
            left_out |= nx.ancestors(graph, paper) & known_set
    return Selection(
        frozenset(selected),
        tuple(paper for paper in targets if paper in selected),
        tuple(sorted(left_out)),
    )
