"""Order a selection of papers so that each comes after its prerequisites.

Known limit: the order minimizes the distance between a paper and its
prerequisites only heuristically (depth first, see :func:`reading_order`);
finding the order with the least total distance is NP-hard in general.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import networkx as nx

from paperpath.catalog import Paper

SortKey = Callable[[str], tuple]


def tie_break_key(papers: Mapping[str, Paper]) -> SortKey:
    """Return the key that breaks ties: foundational first, then older, then by id."""

    def key(paper_id: str) -> tuple:
        paper = papers[paper_id]
        return (0 if paper.is_foundational else 1, paper.year, paper.id)

    return key


def reading_order(graph: nx.DiGraph, papers: Mapping[str, Paper], selection: Iterable[str]) -> list[str]:
    """Return a topological order of ``selection`` that keeps prerequisites close.

    The order is a depth-first post-order: starting from each paper that no
    other selected paper needs, it first places that paper's unplaced
    prerequisites (recursively), then the paper. One paper's prerequisites
    are therefore finished before the walk moves on. Where the walk has a
    choice (which start paper, which prerequisite next), it takes
    foundational papers first, then older ones, then the smaller id, so the
    result depends only on the catalog and is the same on every run.

    Parameters
    ----------
    graph : nx.DiGraph
        The prerequisite graph (edges from prerequisite to paper); acyclic.
    papers : mapping of id to Paper
        Provides status and year for tie-breaking.
    selection : iterable of str
        The papers to order; edges leaving the selection are ignored.

    Examples
    --------
    >>> from paperpath.graph.testing import make_paper
    >>> papers = {
    ...     "rl": make_paper("rl", year=1992, status="foundational"),
    ...     "lm": make_paper("lm", year=2017, status="foundational"),
    ...     "ppo": make_paper("ppo", year=2017, prerequisites=["rl"]),
    ...     "rlhf": make_paper("rlhf", year=2022, prerequisites=["lm", "ppo"]),
    ... }
    >>> graph = nx.DiGraph([("rl", "ppo"), ("lm", "rlhf"), ("ppo", "rlhf")])
    >>> reading_order(graph, papers, papers)
    ['lm', 'rl', 'ppo', 'rlhf']
    """
    selected = set(selection)
    key = tie_break_key(papers)

    def prerequisites(paper_id: str) -> list[str]:
        return sorted((p for p in graph.predecessors(paper_id) if p in selected), key=key)

    roots = sorted(
        (paper for paper in selected if not any(s in selected for s in graph.successors(paper))),
        key=key,
    )
    order: list[str] = []
    placed: set[str] = set()
    entered: set[str] = set()
    for root in roots:
        if root in placed:
            continue
        entered.add(root)
        stack = [(root, iter(prerequisites(root)))]
        while stack:
            paper_id, pending = stack[-1]
            for prerequisite in pending:
                if prerequisite not in entered:
                    entered.add(prerequisite)
                    stack.append((prerequisite, iter(prerequisites(prerequisite))))
                    break
            else:
                stack.pop()
                placed.add(paper_id)
                order.append(paper_id)
    return order
