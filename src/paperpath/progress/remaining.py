"""The part of a reading order that a reader still has to read."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace

import networkx as nx

from paperpath.catalog import Catalog
from paperpath.graph import select_papers
from paperpath.plan import ReadingEntry, ReadingOrder, plan_reading_order


def remaining_order(
    catalog: Catalog,
    target_texts: Iterable[str],
    read: Collection[str],
    graph: nx.DiGraph,
) -> ReadingOrder:
    """Return the reading order for the targets without the papers already read.

    Papers that only read papers need are left out too, as with ``--known``.
    Unlike planning again with the read papers as known, the remaining
    papers keep their order from the full reading order, so a reader who
    follows a printed order sees the same papers come next. Positions and
    the positions in the reasons are renumbered from 1.
    """
    full = plan_reading_order(catalog, target_texts, graph=graph)
    target_papers = [paper_id for target in full.targets for paper_id in target.paper_ids]
    selection = select_papers(graph, target_papers, read)
    unread = [entry for entry in full.entries if entry.paper.id in selection.papers]
    position = {entry.paper.id: index + 1 for index, entry in enumerate(unread)}

    entries = []
    for entry in unread:
        reasons = tuple(
            reason if reason.is_target else replace(reason, position=position[reason.paper_id])
            for reason in entry.reasons
            if reason.is_target or reason.paper_id in position
        )
        entries.append(ReadingEntry(position[entry.paper.id], entry.paper, reasons))
    left_out = tuple(catalog.papers[paper_id] for paper_id in selection.known_left_out)
    return ReadingOrder(full.targets, tuple(entries), left_out)
