"""A reading order for large selections in time that grows linearly with their size.

:func:`large_reading_order` starts from the year-ordered topological sort
and improves it by moving single papers, each move only when it strictly
shortens the total prerequisite distance (see :mod:`paperpath.graph.order`
for why that total is ``sum(position(v) * weight(v))``). The start is the
baseline itself, so the result is never farther than reading by date.

The search works on integer indices and keeps every paper's position in
an array, so the range a paper may move in (after its last prerequisite,
before its first dependent) is known without scanning for it. Its cost
is capped by :data:`WORK_PER_PAPER` scan steps per paper in total, which
keeps the time linear in the selection's size and the result deterministic.

Known limits: the search stops at the budget, not at a local optimum, and
it has no run swaps. Used on the bundled catalog's topics in place of the
full search of :func:`paperpath.graph.order.reading_order`, it gives
longer distances (summed means 171.4 against 163.9). On synthetic catalogs
(bench/synthetic.py) it gives shorter ones, because the depth-first start
of the full search fits them worse than the year-ordered start.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence

import networkx as nx

# Scan steps of the insertion search per selected paper, in total. With 100,
# ordering a target with about 1,000 ancestors in a synthetic catalog takes
# about 1.5 times as long as networkx's topological_sort of the same
# selection (bench/run.py), and further steps gain less than the first ones.
WORK_PER_PAPER = 100


class IndexedDag:
    """A selection of the prerequisite graph as lists of integer indices.

    ``ids`` is sorted, so indices, and everything computed from them, do
    not depend on the order in which the graph or the selection was built.
    """

    def __init__(self, graph: nx.DiGraph, selection: Iterable[str]) -> None:
        self.ids = sorted(paper for paper in set(selection) if paper in graph)
        index = {paper: number for number, paper in enumerate(self.ids)}
        self.predecessors = [
            [index[prerequisite] for prerequisite in graph.pred[paper] if prerequisite in index]
            for paper in self.ids
        ]
        self.successors: list[list[int]] = [[] for _ in self.ids]
        for paper, prerequisites in enumerate(self.predecessors):
            for prerequisite in prerequisites:
                self.successors[prerequisite].append(paper)
        self.weight = [
            len(self.predecessors[paper]) - len(self.successors[paper])
            for paper in range(len(self.ids))
        ]

    def __len__(self) -> int:
        return len(self.ids)

    def ancestors(self, papers: Iterable[int]) -> set[int]:
        """Return ``papers`` with all their prerequisites inside the selection."""
        found = set(papers)
        stack = list(found)
        while stack:
            for prerequisite in self.predecessors[stack.pop()]:
                if prerequisite not in found:
                    found.add(prerequisite)
                    stack.append(prerequisite)
        return found

    def total_distance(self, order: Sequence[int]) -> int:
        """Return the summed positions between each paper of ``order`` and its prerequisites."""
        position = _positions(order, len(self.ids))
        return sum(position[paper] * self.weight[paper] for paper in order)


def large_reading_order(dag: IndexedDag, key: Callable[[int], tuple], first: set[int]) -> list[int]:
    """Order ``dag`` by the year-ordered sort improved with budgeted insertion moves.

    ``key`` is the year-ordered sort's key. With anchors in ``first``, the
    anchors and their prerequisites open the order and stay before all
    other papers. That order is returned only when its total distance is
    no larger than the year-ordered sort's, like the full search does.
    """
    chronological = year_ordered_indices(dag, key, range(len(dag)))
    order = list(chronological)
    improve_by_insertion(dag, order, 0, WORK_PER_PAPER * len(dag))
    if not first:
        return order

    opening = dag.ancestors(first)
    anchored = year_ordered_indices(dag, key, opening)
    barrier = len(anchored)
    anchored += year_ordered_indices(dag, key, set(range(len(dag))) - opening)
    improve_by_insertion(dag, anchored, barrier, WORK_PER_PAPER * len(dag))
    if dag.total_distance(anchored) <= dag.total_distance(chronological):
        return anchored
    return order


def year_ordered_indices(
    dag: IndexedDag, key: Callable[[int], tuple], papers: Iterable[int]
) -> list[int]:
    """Return the topological order of ``papers`` that always takes the smallest ``key``.

    ``papers`` must contain the prerequisites of each of its members, as the
    whole selection and the ancestors of a set do, or that of their
    complement. Prerequisites outside ``papers`` count as read.
    """
    members = set(papers)
    pending = [0] * len(dag)
    for paper in members:
        pending[paper] = sum(prerequisite in members for prerequisite in dag.predecessors[paper])
    heap = [(key(paper), paper) for paper in members if pending[paper] == 0]
    heapq.heapify(heap)
    order = []
    while heap:
        _, paper = heapq.heappop(heap)
        order.append(paper)
        for successor in dag.successors[paper]:
            if successor in members:
                pending[successor] -= 1
                if pending[successor] == 0:
                    heapq.heappush(heap, (key(successor), successor))
    return order


def improve_by_insertion(dag: IndexedDag, order: list[int], barrier: int, budget: int) -> None:
    """Move single papers of ``order``, in place, while that strictly shortens the total distance.

    Each paper in turn goes to the position in its allowed range that
    shortens the total most: after its last prerequisite, before its first
    dependent, and on its own side of ``barrier`` (papers before that index
    stay before it). Passes repeat until one moves nothing or ``budget``
    scan steps are spent; the last scan is cut short at the budget.
    """
    weight = dag.weight
    size = len(order)
    position = _positions(order, len(dag))
    # The weights in reading order, kept in step with ``order``, so that a
    # scan iterates over one slice instead of indexing twice per step.
    ordered_weight = [weight[paper] for paper in order]
    improved = True
    while improved and budget > 0:
        improved = False
        for paper in list(order):
            if budget <= 0:
                return
            index = position[paper]
            low, high = (0, barrier - 1) if index < barrier else (barrier, size - 1)
            last_prerequisite = max(map(position.__getitem__, dag.predecessors[paper]), default=-1)
            first_dependent = min(map(position.__getitem__, dag.successors[paper]), default=size)
            low = max(low, last_prerequisite + 1)
            high = min(high, first_dependent - 1)
            # Moving right pays only past papers of higher weight, and moving
            # left only past papers of lower weight. A paper of positive weight
            # therefore tends to gain on its left, one of negative weight on its
            # right. Looking one way only halves the scan, and on synthetic
            # catalogs the budget then buys shorter distances.
            if weight[paper] > 0:
                high = index
            elif weight[paper] < 0:
                low = index
            high = min(high, index + budget)
            low = max(low, index - (budget - (high - index)))
            budget -= high - low

            paper_weight = weight[paper]
            best_change, target, change = 0, index, 0
            for other, passed in enumerate(ordered_weight[index + 1 : high + 1], index + 1):
                change += paper_weight - passed
                if change < best_change:
                    best_change, target = change, other
            change = 0
            for steps, passed in enumerate(reversed(ordered_weight[low:index]), 1):
                change += passed - paper_weight
                if change < best_change:
                    best_change, target = change, index - steps
            if target == index:
                continue
            improved = True
            del order[index]
            order.insert(target, paper)
            del ordered_weight[index]
            ordered_weight.insert(target, paper_weight)
            for other in range(min(index, target), max(index, target) + 1):
                position[order[other]] = other


def _positions(order: Sequence[int], size: int) -> list[int]:
    position = [0] * size
    for index, paper in enumerate(order):
        position[paper] = index
    return position
