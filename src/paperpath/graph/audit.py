"""Find what curators may want to fix in the prerequisite graph.

Four kinds of finding, each advice rather than an error:

- A redundant prerequisite is one that a paper already needs through
  another of its prerequisites. The graph's transitive reduction lacks
  exactly these edges.
- A bottleneck is a paper that others need and whose transitive
  prerequisites make up a large share of the catalog.
- A foundational candidate is an incremental paper that many papers list
  directly as a prerequisite.
- An unreachable paper has no prerequisites, and no paper needs it.

Reachability is stored as one integer bit set per paper, so the memory
grows with the square of the catalog's size: about 25 MB for 10,000 papers
in the worst case, an estimate from the bit count, not a measurement.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    import networkx as nx

    from paperpath.catalog import Paper

DEFAULT_BOTTLENECK_SHARE = 0.25
DEFAULT_FOUNDATIONAL_DEPENDENTS = 3


class FindingKind(StrEnum):
    """The kinds of finding, in the order reports list them."""

    REDUNDANT_PREREQUISITE = "redundant-prerequisite"
    BOTTLENECK = "bottleneck"
    FOUNDATIONAL_CANDIDATE = "foundational-candidate"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True)
class RedundantPrerequisite:
    """A prerequisite that ``paper`` lists but already needs through ``other_path``.

    ``other_path`` runs from ``paper`` to ``prerequisite``, each paper
    needing the next one, and is at least three papers long.
    """

    kind: ClassVar[FindingKind] = FindingKind.REDUNDANT_PREREQUISITE
    paper: str
    prerequisite: str
    other_path: tuple[str, ...]

    @property
    def papers(self) -> tuple[str, ...]:
        """The paper, the prerequisite, then the papers between them on the other path."""
        return (self.paper, self.prerequisite, *self.other_path[1:-1])


@dataclass(frozen=True)
class Bottleneck:
    """A paper that others need and that brings many transitive prerequisites with it."""

    kind: ClassVar[FindingKind] = FindingKind.BOTTLENECK
    paper: str
    prerequisite_count: int
    paper_count: int
    dependent_count: int
    direct_dependent_count: int

    @property
    def papers(self) -> tuple[str, ...]:
        return (self.paper,)

    @property
    def share(self) -> float:
        """The transitive prerequisites as a share of all papers in the catalog."""
        return self.prerequisite_count / self.paper_count


@dataclass(frozen=True)
class FoundationalCandidate:
    """An incremental paper that the ``dependents`` list directly as a prerequisite."""

    kind: ClassVar[FindingKind] = FindingKind.FOUNDATIONAL_CANDIDATE
    paper: str
    dependents: tuple[str, ...]

    @property
    def papers(self) -> tuple[str, ...]:
        return (self.paper, *self.dependents)


@dataclass(frozen=True)
class UnreachablePaper:
    """A paper with no prerequisites that no paper lists as a prerequisite."""

    kind: ClassVar[FindingKind] = FindingKind.UNREACHABLE
    paper: str

    @property
    def papers(self) -> tuple[str, ...]:
        return (self.paper,)


Finding = RedundantPrerequisite | Bottleneck | FoundationalCandidate | UnreachablePaper


@dataclass(frozen=True)
class Audit:
    """The findings of each kind, sorted by paper id, and the thresholds that produced them."""

    paper_count: int
    bottleneck_share: float
    foundational_dependents: int
    redundant_prerequisites: tuple[RedundantPrerequisite, ...]
    bottlenecks: tuple[Bottleneck, ...]
    foundational_candidates: tuple[FoundationalCandidate, ...]
    unreachable_papers: tuple[UnreachablePaper, ...]

    def findings_of(self, kind: FindingKind) -> tuple[Finding, ...]:
        """Return the findings of one kind."""
        by_kind: dict[FindingKind, tuple[Finding, ...]] = {
            FindingKind.REDUNDANT_PREREQUISITE: self.redundant_prerequisites,
            FindingKind.BOTTLENECK: self.bottlenecks,
            FindingKind.FOUNDATIONAL_CANDIDATE: self.foundational_candidates,
            FindingKind.UNREACHABLE: self.unreachable_papers,
        }
        return by_kind[kind]

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding, ordered by kind as :class:`FindingKind` lists them, then by id."""
        return tuple(finding for kind in FindingKind for finding in self.findings_of(kind))


def audit_graph(
    graph: nx.DiGraph,
    papers: Mapping[str, Paper],
    *,
    bottleneck_share: float = DEFAULT_BOTTLENECK_SHARE,
    foundational_dependents: int = DEFAULT_FOUNDATIONAL_DEPENDENTS,
) -> Audit:
    """Find redundant prerequisites, bottlenecks, foundational candidates and unreachable papers.

    Parameters
    ----------
    graph : nx.DiGraph
        The prerequisite graph (edges from prerequisite to paper); acyclic.
    papers : mapping of id to Paper
        Every paper of the graph; provides the status.
    bottleneck_share : float
        A paper that at least one paper needs is a bottleneck when its
        transitive prerequisites make up at least this share of all papers.
    foundational_dependents : int
        An incremental paper is a foundational candidate when at least this
        many papers list it directly as a prerequisite.

    Returns
    -------
    Audit
        The findings of each kind, sorted by paper id, then by prerequisite
        id for redundant prerequisites. The result depends only on the graph's
        nodes and edges, never on their insertion order.

    Raises
    ------
    ValueError
        If ``bottleneck_share`` is outside (0, 1] or ``foundational_dependents``
        is below 1.
    networkx.NetworkXUnfeasible
        If the graph has a cycle.

    Examples
    --------
    ``dpo`` lists ``ppo``, but it already needs ``ppo`` through ``instructgpt``:

    >>> from paperpath.graph.testing import make_paper
    >>> papers = {
    ...     "ppo": make_paper("ppo", status="foundational"),
    ...     "instructgpt": make_paper("instructgpt", prerequisites=["ppo"]),
    ...     "dpo": make_paper("dpo", prerequisites=["instructgpt", "ppo"]),
    ... }
    >>> import networkx as nx
    >>> graph = nx.DiGraph([("ppo", "instructgpt"), ("instructgpt", "dpo"), ("ppo", "dpo")])
    >>> audit = audit_graph(graph, papers, bottleneck_share=0.3)
    >>> audit.redundant_prerequisites[0].other_path
    ('dpo', 'instructgpt', 'ppo')
    >>> [(finding.paper, finding.prerequisite_count) for finding in audit.bottlenecks]
    [('instructgpt', 1)]
    """
    if not 0 < bottleneck_share <= 1:
        raise ValueError(f"bottleneck share {bottleneck_share} is outside (0, 1]; give e.g. 0.25")
    if foundational_dependents < 1:
        raise ValueError(
            f"foundational dependents {foundational_dependents} is below 1; give 1 or more"
        )

    reachability = _Reachability(graph)
    return Audit(
        paper_count=len(graph),
        bottleneck_share=bottleneck_share,
        foundational_dependents=foundational_dependents,
        redundant_prerequisites=_redundant_prerequisites(graph, reachability),
        bottlenecks=_bottlenecks(graph, reachability, bottleneck_share),
        foundational_candidates=_foundational_candidates(graph, papers, foundational_dependents),
        unreachable_papers=_unreachable_papers(graph),
    )


class _Reachability:
    """Every paper's transitive prerequisites and dependents, as bit sets over paper indexes."""

    def __init__(self, graph: nx.DiGraph) -> None:
        import networkx as nx  # imported here so the command line starts fast

        order = list(nx.topological_sort(graph))
        self.index = {paper: position for position, paper in enumerate(order)}
        self.ancestors: dict[str, int] = {}
        for paper in order:
            self.ancestors[paper] = self._union(graph.predecessors(paper), self.ancestors)
        self.descendants: dict[str, int] = {}
        for paper in reversed(order):
            self.descendants[paper] = self._union(graph.successors(paper), self.descendants)

    def _union(self, neighbours: Iterable[str], reached: Mapping[str, int]) -> int:
        bits = 0
        for neighbour in neighbours:
            bits |= reached[neighbour] | (1 << self.index[neighbour])
        return bits

    def is_ancestor(self, paper: str, of: str) -> bool:
        """Return whether ``paper`` is a transitive prerequisite of ``of``."""
        return bool(self.ancestors[of] >> self.index[paper] & 1)


def _redundant_prerequisites(
    graph: nx.DiGraph, reachability: _Reachability
) -> tuple[RedundantPrerequisite, ...]:
    """Return the edges missing from the transitive reduction, each with its other path.

    An edge u -> v is redundant when u is a transitive prerequisite of
    another prerequisite of v; the same edges that
    :func:`networkx.transitive_reduction` removes.
    """
    findings = []
    for paper in sorted(graph):
        prerequisites = sorted(graph.predecessors(paper))
        implied = 0
        for prerequisite in prerequisites:
            implied |= reachability.ancestors[prerequisite]
        for prerequisite in prerequisites:
            if implied >> reachability.index[prerequisite] & 1:
                path = _other_path(graph, reachability, prerequisite, paper)
                findings.append(RedundantPrerequisite(paper, prerequisite, path))
    return tuple(findings)


def _other_path(
    graph: nx.DiGraph, reachability: _Reachability, prerequisite: str, paper: str
) -> tuple[str, ...]:
    """Return the shortest path from ``paper`` down to ``prerequisite`` without their edge.

    A breadth-first search from ``prerequisite`` that visits only
    prerequisites of ``paper``, so its cost is bounded by the papers between
    the two. Neighbours are visited by id, so ties go to the smaller ids.
    """
    came_from = {prerequisite: prerequisite}
    queue = deque([prerequisite])
    while queue:
        current = queue.popleft()
        for successor in sorted(graph.successors(current)):
            if successor in came_from or (current == prerequisite and successor == paper):
                continue
            if successor == paper:
                came_from[paper] = current
                return _walk_back(came_from, paper)
            if reachability.is_ancestor(successor, of=paper):
                came_from[successor] = current
                queue.append(successor)
    raise AssertionError(f"no other path from {paper} to {prerequisite}")


def _walk_back(came_from: Mapping[str, str], paper: str) -> tuple[str, ...]:
    path = [paper]
    while came_from[path[-1]] != path[-1]:
        path.append(came_from[path[-1]])
    return tuple(path)


def _bottlenecks(
    graph: nx.DiGraph, reachability: _Reachability, share: float
) -> tuple[Bottleneck, ...]:
    """Return the papers that others need and whose prerequisites reach ``share`` of all papers."""
    paper_count = len(graph)
    findings = []
    for paper in sorted(graph):
        prerequisite_count = reachability.ancestors[paper].bit_count()
        if graph.out_degree(paper) and prerequisite_count / paper_count >= share:
            findings.append(
                Bottleneck(
                    paper,
                    prerequisite_count,
                    paper_count,
                    dependent_count=reachability.descendants[paper].bit_count(),
                    direct_dependent_count=graph.out_degree(paper),
                )
            )
    return tuple(findings)


def _foundational_candidates(
    graph: nx.DiGraph, papers: Mapping[str, Paper], min_dependents: int
) -> tuple[FoundationalCandidate, ...]:
    """Return the incremental papers that at least ``min_dependents`` papers list directly."""
    return tuple(
        FoundationalCandidate(paper, tuple(sorted(graph.successors(paper))))
        for paper in sorted(graph)
        if not papers[paper].is_foundational and graph.out_degree(paper) >= min_dependents
    )


def _unreachable_papers(graph: nx.DiGraph) -> tuple[UnreachablePaper, ...]:
    """Return the papers without prerequisites that no paper lists as a prerequisite."""
    return tuple(UnreachablePaper(paper) for paper in sorted(graph) if graph.degree(paper) == 0)
