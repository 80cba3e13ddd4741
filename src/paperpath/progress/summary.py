"""How far a reader is along the reading order of each target, for progress bars."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import networkx as nx

from paperpath.catalog import Catalog, Paper
from paperpath.graph import Target, resolve_targets, select_papers
from paperpath.progress.remaining import remaining_order


@dataclass(frozen=True)
class PathProgress:
    """Counts for the reading order of one target, or of the whole catalog when ``target`` is None.

    ``total`` counts the papers of the full reading order, ``read`` those of
    them that are read and ``unread`` those still needed. A paper can be
    neither: an unread prerequisite that only read papers need, which
    ``no_longer_needed`` counts.
    """

    target: Target | None
    total: int
    read: int
    unread: int
    minutes_read: int
    minutes_unread: int
    next_paper: Paper | None

    @property
    def no_longer_needed(self) -> int:
        return self.total - self.read - self.unread

    @property
    def fraction_done(self) -> float:
        """The share of the reading order that needs no more reading, from 0 to 1."""
        return 1.0 if self.total == 0 else (self.total - self.unread) / self.total


@dataclass(frozen=True)
class ProgressSummary:
    """Progress toward each target and over the catalog, and read ids the catalog lacks."""

    paths: tuple[PathProgress, ...]
    catalog: PathProgress
    not_in_catalog: tuple[tuple[str, date], ...]


def summarize_progress(
    catalog: Catalog,
    graph: nx.DiGraph,
    read: Mapping[str, date],
    target_texts: Iterable[str] = (),
) -> ProgressSummary:
    """Count read and unread papers and minutes for each target and for the whole catalog.

    Raises :class:`paperpath.errors.TargetError` for unknown targets.
    """
    read_ids = {paper_id for paper_id in read if paper_id in catalog.papers}
    targets = resolve_targets(catalog, list(target_texts))
    paths = tuple(path_progress(catalog, graph, read_ids, target) for target in targets)
    missing = tuple(
        (paper_id, read[paper_id]) for paper_id in sorted(read) if paper_id not in catalog.papers
    )
    return ProgressSummary(paths, catalog_progress(catalog, read_ids), missing)


def path_progress(
    catalog: Catalog, graph: nx.DiGraph, read: set[str], target: Target
) -> PathProgress:
    """Count the papers and minutes of ``target``'s reading order, read and unread."""
    path = select_papers(graph, target.paper_ids).papers
    unread = select_papers(graph, target.paper_ids, read).papers
    order = remaining_order(catalog, [target.text], read, graph)
    return PathProgress(
        target=target,
        total=len(path),
        read=len(path & read),
        unread=len(unread),
        minutes_read=_minutes(catalog, path & read),
        minutes_unread=_minutes(catalog, unread),
        next_paper=order.entries[0].paper if order.entries else None,
    )


def catalog_progress(catalog: Catalog, read: set[str]) -> PathProgress:
    """Count the read and unread papers of the whole catalog; the next paper is left None."""
    unread = set(catalog.papers) - read
    return PathProgress(
        target=None,
        total=len(catalog.papers),
        read=len(read),
        unread=len(unread),
        minutes_read=_minutes(catalog, read),
        minutes_unread=_minutes(catalog, unread),
        next_paper=None,
    )


def progress_bar(fraction: float, width: int = 20) -> str:
    """Draw ``fraction`` (0 to 1) as a text bar of ``width`` cells.

    >>> progress_bar(0.5, width=10)
    '[#####-----]'
    >>> progress_bar(1 / 3, width=10)
    '[###-------]'
    """
    filled = int(fraction * width + 1e-9)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def _minutes(catalog: Catalog, paper_ids: Iterable[str]) -> int:
    return sum(catalog.papers[paper_id].reading_minutes or 0 for paper_id in paper_ids)
