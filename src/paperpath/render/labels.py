"""Short names for papers and targets, shared by every rendering."""

from __future__ import annotations

from paperpath.catalog import Catalog, Paper
from paperpath.graph import Target, TargetKind


def short_name(paper: Paper) -> str:
    """Return the name people use for a paper: its first alias, else its title."""
    return paper.aliases[0] if paper.aliases else paper.title


def target_label(catalog: Catalog, target: Target) -> str:
    """Describe a target, such as ``DPO`` or ``topic Tree search and MCTS``."""
    if target.kind is TargetKind.TOPIC:
        return f"topic {catalog.topics[target.id].title}"
    return short_name(catalog.papers[target.id])
