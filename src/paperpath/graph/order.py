"""Order a selection of papers so that each comes after its prerequisites.

The goal is a reading order in which every paper sits close after the
papers it needs. For a topological order, the total distance between
papers and their direct prerequisites equals the sum of ``position(v) *
weight(v)``, where ``weight(v) = in_degree(v) - out_degree(v)`` inside the
selection. A paper that many later papers need therefore wants to come
late, and a paper with many prerequisites wants to come early. That is the scheduling
problem 1|prec|sum w_j C_j with unit times, which is NP-hard in general;
:func:`reading_order` solves it heuristically in two steps:

1. A depth-first walk that finishes one paper's prerequisites before it
   moves on. Where it must choose which prerequisite (or which start
   paper) comes next, it takes the one whose still-unplaced prerequisites
   form the block with the highest mean weight (Smith's ratio rule). Blocks
   that later papers depend on heavily therefore end up late, next to
   those papers. Equal ratios go to foundational papers first, then older ones,
   then the smaller id.
2. A local search that moves single papers to a better position within
   the range their prerequisites and dependents allow, and swaps adjacent
   runs of up to eight papers, each move only when it strictly shortens
   the total distance. Swapping runs lets a whole chain of prerequisites
   move past another, which single moves cannot do without first making
   the order worse.

For a topic, the topic's foundational papers can be passed as ``first``:
the walk then starts with them, so a newcomer meets UCT and AlphaZero
before the papers built on them. The local search first works only
between them, then over the whole order under one extra rule: every
anchor stays before each paper that no anchor needs. That order is kept
only when its total distance is no larger than a chronological order's,
so it never reads worse than sorting by date.

Size rule: the two steps above run on selections of up to
:data:`FULL_SEARCH_LIMIT` papers, which covers every target of the bundled
catalog. Larger selections get the linear-time search of
:mod:`paperpath.graph.insertion`: the year-ordered sort, improved by single
moves within a work budget proportional to the selection's size. Its
order is never farther than reading by date, and for a topic the anchors
and their prerequisites open it under the same rule as above.

Known limits: no step guarantees the shortest total distance. The full
search recomputes blocks for each choice and passes over the whole order
until nothing improves, so its cost grows about with the square of the
selection: about 40 ms for 220 papers and 0.6 to 0.9 s for 1,000 (timed
alone on bench/synthetic.py selections, 2-core AMD EPYC, Python 3.11).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction

import networkx as nx

from paperpath.catalog import Paper
from paperpath.graph.insertion import IndexedDag, large_reading_order

SortKey = Callable[[str], tuple]

# Selections with more papers than this get the linear-time search of
# paperpath.graph.insertion in place of the full search, whose time grows
# about with the square of the selection (see the module docstring). The
# largest bundled selection, the whole catalog, has 221 papers.
FULL_SEARCH_LIMIT = 250


def sort_year(paper: Paper) -> int:
    """Return the paper's year for sorting; a paper without one sorts after all dated ones."""
    return paper.year if paper.year is not None else 9999


def tie_break_key(papers: Mapping[str, Paper]) -> SortKey:
    """Return the key that breaks ties: foundational first, then older, then by id."""

    def key(paper_id: str) -> tuple:
        paper = papers[paper_id]
        return (0 if paper.is_foundational else 1, sort_year(paper), paper.id)

    return key


def reading_order(
    graph: nx.DiGraph,
    papers: Mapping[str, Paper],
    selection: Iterable[str],
    first: Iterable[str] = (),
) -> list[str]:
    """Return a topological order of ``selection`` that keeps prerequisites close.

    Parameters
    ----------
    graph : nx.DiGraph
        The prerequisite graph (edges from prerequisite to paper); acyclic.
    papers : mapping of id to Paper
        Provides status and year for tie-breaking.
    selection : iterable of str
        The papers to order; edges leaving the selection are ignored.
    first : iterable of str, optional
        Papers to read as early as their prerequisites allow, such as the
        foundational papers of a topic, so that a newcomer starts with
        them. They stay before every paper that none of them needs while
        the local search rearranges the rest. This order is used only when
        its total distance is no larger than that of :func:`chronological_order`;
        otherwise the unconstrained order is returned.

    Returns
    -------
    list of str
        Every selected id once, each after all of its selected
        prerequisites. The result depends only on the graph and the papers,
        never on set iteration order.

    Examples
    --------
    A chain of two RL papers and a language model, both needed by RLHF:
    the chain's block has the higher mean weight, so it is read first and
    the single paper ``lm`` lands next to the paper that needs it.

    >>> from paperpath.graph.testing import make_paper
    >>> papers = {
    ...     "rl": make_paper("rl", year=1992, status="foundational"),
    ...     "lm": make_paper("lm", year=2017, status="foundational"),
    ...     "ppo": make_paper("ppo", year=2017, prerequisites=["rl"]),
    ...     "rlhf": make_paper("rlhf", year=2022, prerequisites=["lm", "ppo"]),
    ... }
    >>> graph = nx.DiGraph([("rl", "ppo"), ("lm", "rlhf"), ("ppo", "rlhf")])
    >>> reading_order(graph, papers, papers)
    ['rl', 'ppo', 'lm', 'rlhf']
    """
    selected = set(selection)
    if len(selected) > FULL_SEARCH_LIMIT:
        return _large_reading_order(graph, papers, selected, first)

    subgraph = _Dag(graph.subgraph(selected))
    weight = {
        paper: len(subgraph.predecessors(paper)) - len(subgraph.successors(paper))
        for paper in subgraph
    }
    key = tie_break_key(papers)
    order = _improve(subgraph, weight, _depth_first_order(subgraph, weight, key))

    anchors = sorted((paper for paper in set(first) if paper in subgraph), key=key)
    if not anchors:
        return order
    pinned = set(anchors)
    anchored: list[str] = []
    segment: list[str] = []
    for paper in [*_depth_first_order(subgraph, weight, key, anchors), None]:
        if paper is None or paper in pinned:
            anchored += _improve(subgraph, weight, segment)
            segment = []
            if paper is not None:
                anchored.append(paper)
        else:
            segment.append(paper)
    # Then search the whole order, keeping only the rule that every anchor
    # comes before each paper that no anchor needs.
    opening = set(anchored[: anchored.index(anchors_last(anchored, pinned)) + 1])
    rest = [paper for paper in anchored if paper not in opening]
    constrained = subgraph.with_edges((anchor, paper) for anchor in anchors for paper in rest)
    anchored = _improve(constrained, weight, anchored)
    view = graph.subgraph(subgraph.nodes)
    floor = total_distance(view, chronological_order(graph, papers, subgraph.nodes))
    return anchored if total_distance(view, anchored) <= floor else order


def _large_reading_order(
    graph: nx.DiGraph, papers: Mapping[str, Paper], selected: set[str], first: Iterable[str]
) -> list[str]:
    dag = IndexedDag(graph, selected)
    ids = dag.ids

    def year_key(paper: int) -> tuple:
        return (sort_year(papers[ids[paper]]), ids[paper])

    anchored = set(first)
    anchors = {index for index, paper in enumerate(ids) if paper in anchored}
    return [ids[paper] for paper in large_reading_order(dag, year_key, anchors)]


def anchors_last(order: list[str], anchors: set[str]) -> str:
    """Return the anchor that comes last in ``order``."""
    return next(paper for paper in reversed(order) if paper in anchors)


def topic_anchors(
    graph: nx.DiGraph, papers: Mapping[str, Paper], topic_papers: Iterable[str]
) -> set[str]:
    """Return a topic's entry points: its foundational papers.

    Passed as ``first`` to :func:`reading_order`, they let a topic's
    reading order open with the papers its field starts from, such as UCT,
    AlphaZero and Tree of Thoughts for tree search.
    """
    return {paper for paper in topic_papers if papers[paper].is_foundational}


def chronological_order(
    graph: nx.DiGraph, papers: Mapping[str, Paper], selection: Iterable[str]
) -> list[str]:
    """Return the topological order that always takes the oldest available paper, then the id."""
    subgraph = graph.subgraph(selection)
    return list(
        nx.lexicographical_topological_sort(subgraph, key=lambda p: (sort_year(papers[p]), p))
    )


def total_distance(graph: nx.DiGraph, order: list[str]) -> int:
    """Return the summed positions between each paper of ``order`` and its prerequisites."""
    position = {paper: index for index, paper in enumerate(order)}
    return sum(
        position[paper] - position[prerequisite]
        for prerequisite, paper in graph.subgraph(order).edges
    )


class _Dag:
    """The selected part of the prerequisite graph as plain sets, for fast lookups.

    The local search makes millions of ``has_edge`` and ``predecessors``
    calls. A networkx subgraph view passes each call through several layers
    of filters, which made ordering 1,000 papers about ten times slower.
    """

    def __init__(self, view: nx.DiGraph) -> None:
        self.nodes = list(view)
        self._predecessors = {paper: set(view.predecessors(paper)) for paper in self.nodes}
        self._successors = {paper: set(view.successors(paper)) for paper in self.nodes}

    def __iter__(self):
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def __contains__(self, paper: object) -> bool:
        return paper in self._predecessors

    def predecessors(self, paper: str) -> set[str]:
        return self._predecessors[paper]

    def successors(self, paper: str) -> set[str]:
        return self._successors[paper]

    def has_edge(self, prerequisite: str, paper: str) -> bool:
        return paper in self._successors[prerequisite]

    def with_edges(self, edges: Iterable[tuple[str, str]]) -> _Dag:
        """Return a copy with extra ordering constraints; the edges must keep it acyclic."""
        copy = object.__new__(_Dag)
        copy.nodes = self.nodes
        copy._predecessors = {paper: set(needs) for paper, needs in self._predecessors.items()}
        copy._successors = {paper: set(needed) for paper, needed in self._successors.items()}
        for prerequisite, paper in edges:
            copy._predecessors[paper].add(prerequisite)
            copy._successors[prerequisite].add(paper)
        return copy


def _improve(subgraph: _Dag, weight: Mapping[str, int], order: list[str]) -> list[str]:
    while True:
        order = _improve_by_moves(subgraph, weight, order)
        swapped = _improve_by_run_swaps(subgraph, weight, order)
        if swapped == order:
            return order
        order = swapped


def _depth_first_order(
    subgraph: _Dag, weight: Mapping[str, int], key: SortKey, first: list[str] | None = None
) -> list[str]:
    placed: set[str] = set()
    order: list[str] = []

    def unplaced_block(paper: str) -> set[str]:
        block = {paper}
        stack = [paper]
        while stack:
            for prerequisite in subgraph.predecessors(stack.pop()):
                if prerequisite not in placed and prerequisite not in block:
                    block.add(prerequisite)
                    stack.append(prerequisite)
        return block

    def choose(candidates: list[str]) -> str:
        def rank(paper: str) -> tuple:
            block = unplaced_block(paper)
            ratio = Fraction(sum(weight[member] for member in block), len(block))
            return (-ratio, key(paper))

        return min(candidates, key=rank)

    def place_with_prerequisites(start: str) -> None:
        stack = [start]
        while stack:
            paper = stack[-1]
            pending = [p for p in subgraph.predecessors(paper) if p not in placed]
            if pending:
                stack.append(choose(pending))
            else:
                stack.pop()
                if paper not in placed:
                    placed.add(paper)
                    order.append(paper)

    for paper in first or []:
        place_with_prerequisites(paper)
    while len(placed) < len(subgraph):
        # Start papers: unplaced papers that no unplaced paper needs.
        starts = [
            paper
            for paper in subgraph
            if paper not in placed and all(s in placed for s in subgraph.successors(paper))
        ]
        place_with_prerequisites(choose(starts))
    return order


def _improve_by_moves(subgraph: _Dag, weight: Mapping[str, int], order: list[str]) -> list[str]:
    """Move single papers while that strictly shortens the total prerequisite distance.

    Moving paper v right past papers S changes the total by
    ``sum(weight[v] - weight[u] for u in S)``; moving it left past S by
    ``sum(weight[u] - weight[v] for u in S)``. A paper never passes one of
    its own dependents or prerequisites, so the order stays topological.
    The total is an integer that only decreases, so the loop ends.
    """
    order = list(order)
    improved = True
    while improved:
        improved = False
        for paper in list(order):
            index = order.index(paper)
            right_gain, right_index = _best_move(order, index, +1, subgraph, weight)
            left_gain, left_index = _best_move(order, index, -1, subgraph, weight)
            if right_gain < 0 and right_gain <= left_gain:
                target = right_index
            elif left_gain < 0:
                target = left_index
            else:
                continue
            order.pop(index)
            order.insert(target, paper)
            improved = True
    return order


def _best_move(
    order: list[str], index: int, step: int, subgraph: _Dag, weight: Mapping[str, int]
) -> tuple[int, int]:
    """Return the most negative change of total distance moving ``order[index]`` by ``step``s."""
    paper = order[index]
    best_change, best_index, change = 0, index, 0
    other = index + step
    while 0 <= other < len(order):
        neighbour = order[other]
        blocked = (
            subgraph.has_edge(paper, neighbour) if step > 0 else subgraph.has_edge(neighbour, paper)
        )
        if blocked:
            break
        change += step * (weight[paper] - weight[neighbour])
        if change < best_change:
            best_change, best_index = change, other
        other += step
    return best_change, best_index


# The maximum length of the runs that the run-swap search exchanges. Longer runs find
# more improvements but cost the square of this length at every position.
MAX_RUN = 8


def _improve_by_run_swaps(subgraph: _Dag, weight: Mapping[str, int], order: list[str]) -> list[str]:
    """Swap adjacent runs A, B while that strictly shortens the total distance.

    A moves right by len(B) and B left by len(A), so the total changes by
    ``len(B) * weight(A) - len(A) * weight(B)``. Runs are swapped only when
    no paper of B needs a paper of A, which keeps the order topological.
    """
    order = list(order)
    improved = True
    while improved:
        improved = False
        start = 0
        while start < len(order):
            if _swap_first_improving_run(subgraph, weight, order, start):
                improved = True
            else:
                start += 1
    return order


def _swap_first_improving_run(
    subgraph: _Dag, weight: Mapping[str, int], order: list[str], start: int
) -> bool:
    first: set[str] = set()
    first_weight = 0
    for first_length in range(1, MAX_RUN + 1):
        middle = start + first_length
        if middle > len(order):
            return False
        first.add(order[middle - 1])
        first_weight += weight[order[middle - 1]]
        second_weight = 0
        for second_length in range(1, MAX_RUN + 1):
            end = middle + second_length
            if end > len(order):
                break
            paper = order[end - 1]
            if not first.isdisjoint(subgraph.predecessors(paper)):
                break
            second_weight += weight[paper]
            if second_length * first_weight - first_length * second_weight < 0:
                order[start:end] = order[middle:end] + order[start:middle]
                return True
    return False
