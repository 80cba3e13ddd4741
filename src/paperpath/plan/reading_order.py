"""Build a reading order for targets: which papers, in which order, and why."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from paperpath.catalog import Catalog, Paper
from paperpath.graph import (
    Target,
    TargetKind,
    prerequisite_graph,
    reading_order,
    resolve_targets,
    select_papers,
)
from paperpath.graph.order import topic_anchors
from paperpath.graph.targets import resolve_target


@dataclass(frozen=True)
class Reason:
    """Why a paper is on the list: it is a target, or a later paper needs it.

    For a target, ``paper_id`` is None and ``topic_id`` names the topic
    through which it was selected, if any. For a prerequisite, ``paper_id``
    is the paper that needs it and ``text`` the catalog's reason, if given.
    """

    paper_id: str | None = None
    position: int | None = None
    text: str | None = None
    topic_id: str | None = None

    @property
    def is_target(self) -> bool:
        return self.paper_id is None


@dataclass(frozen=True)
class ReadingEntry:
    """One paper at its position (1-based) in the reading order."""

    position: int
    paper: Paper
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class ReadingOrder:
    """A reading order with the targets it was built for and what was left out."""

    targets: tuple[Target, ...]
    entries: tuple[ReadingEntry, ...]
    known_left_out: tuple[Paper, ...]

    @property
    def total_minutes(self) -> int:
        """The summed reading time of the papers that have an estimate."""
        return sum(entry.paper.reading_minutes or 0 for entry in self.entries)

    @property
    def unestimated(self) -> int:
        """The number of papers without a reading-time estimate."""
        return sum(entry.paper.reading_minutes is None for entry in self.entries)


def plan_reading_order(
    catalog: Catalog,
    target_texts: Iterable[str],
    known_texts: Iterable[str] = (),
    graph: nx.DiGraph | None = None,
) -> ReadingOrder:
    """Resolve targets and known papers, then order the papers to read.

    Raises :class:`paperpath.errors.TargetError` for unknown or ambiguous
    targets and known papers, listing all of them.
    """
    targets = resolve_targets(catalog, list(target_texts))
    known = _resolve_known(catalog, known_texts)

    target_papers = [paper_id for target in targets for paper_id in target.paper_ids]
    if graph is None:
        # The order needs only the targets and their prerequisites, a small
        # part of a large catalog.
        graph = prerequisite_graph(catalog, needed_by=target_papers)
    selection = select_papers(graph, target_papers, known)
    anchors = set()
    for target in targets:
        if target.kind is TargetKind.TOPIC:
            anchors |= topic_anchors(graph, catalog.papers, target.paper_ids)
    order = reading_order(graph, catalog.papers, selection.papers, first=anchors)
    position = {paper_id: index + 1 for index, paper_id in enumerate(order)}

    entries = []
    for paper_id in order:
        reasons = [
            Reason(topic_id=target.id if target.kind is TargetKind.TOPIC else None)
            for target in targets
            if paper_id in target.paper_ids
        ][:1]
        for successor in sorted(graph.successors(paper_id), key=lambda p: position.get(p, 0)):
            if successor in position:
                reasons.append(
                    Reason(
                        paper_id=successor,
                        position=position[successor],
                        text=graph.edges[paper_id, successor]["reason"],
                    )
                )
        entries.append(ReadingEntry(position[paper_id], catalog.papers[paper_id], tuple(reasons)))

    left_out = tuple(catalog.papers[paper_id] for paper_id in selection.known_left_out)
    return ReadingOrder(tuple(targets), tuple(entries), left_out)


def _resolve_known(catalog: Catalog, texts: Iterable[str]) -> set[str]:
    known: set[str] = set()
    for target in resolve_targets(catalog, [text for text in texts if text.strip()]):
        known.update(target.paper_ids)
    return known


__all__ = ["ReadingEntry", "ReadingOrder", "Reason", "plan_reading_order", "resolve_target"]
