"""Short names for papers and targets, shared by every rendering."""

from __future__ import annotations

from paperpath.catalog import Catalog, Paper
from paperpath.graph import Target, TargetKind


def short_name(paper: Paper) -> str:
    """Return the name people use for a paper: its first alias, else its title."""
    return paper.aliases[0] if paper.aliases else paper.title


def with_year(name: str, year: int | None) -> str:
    """Return ``name`` followed by the year, unless the name already ends with it.

    Aliases such as "Ziegler et al. 2019" carry their year, which would
    otherwise print twice.
    """
    if year is not None and name.endswith(str(year)):
        return name
    return f"{name}, {year or 'n.d.'}"


def alias_and_year(paper: Paper) -> str:
    """Return the paper's first alias with its year, or the year alone when it has no alias."""
    if paper.aliases:
        return with_year(paper.aliases[0], paper.year)
    return str(paper.year or "n.d.")


def target_label(catalog: Catalog, target: Target) -> str:
    """Describe a target, such as ``DPO`` or ``topic Tree search and MCTS``.

    A paper named by one of its aliases keeps the alias the user typed, so
    ``grpo`` reads as GRPO rather than as the paper's first alias.
    """
    if target.kind is TargetKind.TOPIC:
        return f"topic {catalog.topics[target.id].title}"
    paper = catalog.papers[target.id]
    typed = target.text.strip().casefold()
    for alias in paper.aliases:
        if alias.casefold() == typed:
            return alias
    return short_name(paper)
