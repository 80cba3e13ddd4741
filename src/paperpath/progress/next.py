"""Suggestions of what to read next: unread papers whose prerequisites are all read.

Papers on the way to the reader's targets come first, in the order of the
targets' reading order (see :func:`remaining_order`). Other papers that
are ready to read follow, those that more unread papers build on first.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

import networkx as nx

from paperpath.catalog import Catalog, Paper
from paperpath.graph import Target, TargetKind, select_papers, tie_break_key
from paperpath.plan import ReadingOrder, Reason
from paperpath.progress.remaining import remaining_order


@dataclass(frozen=True)
class TargetStep:
    """A target that a suggested paper leads to, and how much of its path is unread.

    ``unread`` counts the unread papers the target still needs, the
    suggested paper included and a target paper itself excluded.
    """

    target: Target
    unread: int
    is_target_itself: bool = False


@dataclass(frozen=True)
class Suggestion:
    """A paper to read next, with the reasons to read it now.

    ``position`` is the paper's place in the remaining reading order toward
    the targets, or None for a paper off that path. ``needed_for`` is the
    first paper on the path that needs it. ``unlocks`` lists the unread
    papers that need it directly, and ``unread_dependents`` counts every
    unread paper that builds on it, directly or not.
    """

    paper: Paper
    position: int | None
    toward: tuple[TargetStep, ...]
    needed_for: Reason | None
    unlocks: tuple[str, ...]
    unread_dependents: int


@dataclass(frozen=True)
class NextPapers:
    """The suggestions, the targets they were made for and the remaining order toward them."""

    targets: tuple[Target, ...]
    order: ReadingOrder | None
    suggestions: tuple[Suggestion, ...]

    @property
    def targets_read(self) -> bool:
        """Whether targets were given and nothing toward them is left to read."""
        return bool(self.targets) and self.order is not None and not self.order.entries


def suggest_next(
    catalog: Catalog,
    graph: nx.DiGraph,
    read: Collection[str],
    target_texts: Iterable[str] = (),
    limit: int = 3,
) -> NextPapers:
    """Suggest up to ``limit`` unread papers whose prerequisites are all read.

    Papers toward the targets come first, in reading order; the first of
    them is always the first paper of :func:`remaining_order`. Other ready
    papers fill the rest of the list: those with more unread papers built
    on them first, then foundational, older and smaller ids first. Read ids
    that are not in the catalog are ignored here. Raises
    :class:`paperpath.errors.TargetError` for unknown targets.
    """
    read_ids = {paper_id for paper_id in read if paper_id in catalog.papers}
    texts = list(target_texts)
    order = remaining_order(catalog, texts, read_ids, graph) if texts else None
    targets = order.targets if order is not None else ()
    unread_toward = {
        target.id: select_papers(graph, target.paper_ids, read_ids).papers for target in targets
    }

    suggestions: list[Suggestion] = []
    on_path: set[str] = set()
    for entry in order.entries if order is not None else ():
        paper_id = entry.paper.id
        on_path.add(paper_id)
        if not _is_ready(graph, paper_id, read_ids):
            continue
        steps = tuple(
            _step(target, paper_id, unread_toward[target.id])
            for target in targets
            if paper_id in unread_toward[target.id]
        )
        needed_for = next((reason for reason in entry.reasons if not reason.is_target), None)
        suggestions.append(
            _suggestion(catalog, graph, entry.paper, read_ids, entry.position, steps, needed_for)
        )

    others = [
        paper_id
        for paper_id in catalog.papers
        if paper_id not in read_ids
        and paper_id not in on_path
        and _is_ready(graph, paper_id, read_ids)
    ]
    dependents = {paper_id: _unread_dependents(graph, paper_id, read_ids) for paper_id in others}
    key = tie_break_key(catalog.papers)
    others.sort(key=lambda paper_id: (-len(dependents[paper_id]), key(paper_id)))
    for paper_id in others[: max(0, limit - len(suggestions))]:
        suggestions.append(
            _suggestion(catalog, graph, catalog.papers[paper_id], read_ids, None, (), None)
        )
    return NextPapers(tuple(targets), order, tuple(suggestions[:limit]))


def _is_ready(graph: nx.DiGraph, paper_id: str, read: set[str]) -> bool:
    return all(prerequisite in read for prerequisite in graph.predecessors(paper_id))


def _step(target: Target, paper_id: str, unread: frozenset[str]) -> TargetStep:
    if target.kind is TargetKind.PAPER:
        is_target = paper_id == target.id
        return TargetStep(target, len(unread) - 1, is_target_itself=is_target)
    return TargetStep(target, len(unread))


def _unread_dependents(graph: nx.DiGraph, paper_id: str, read: set[str]) -> set[str]:
    return nx.descendants(graph, paper_id) - read


def _suggestion(
    catalog: Catalog,
    graph: nx.DiGraph,
    paper: Paper,
    read: set[str],
    position: int | None,
    steps: tuple[TargetStep, ...],
    needed_for: Reason | None,
) -> Suggestion:
    key = tie_break_key(catalog.papers)
    unlocks = sorted((s for s in graph.successors(paper.id) if s not in read), key=key)
    dependents = _unread_dependents(graph, paper.id, read)
    return Suggestion(paper, position, steps, needed_for, tuple(unlocks), len(dependents))
