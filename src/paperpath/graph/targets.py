"""Resolve what a user types (a paper id, an alias or a topic id) to papers."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum

from paperpath.catalog import Catalog
from paperpath.errors import TargetError


class TargetKind(StrEnum):
    PAPER = "paper"
    TOPIC = "topic"


@dataclass(frozen=True)
class Target:
    """A resolved target: the text typed, what it named, and the papers it selects."""

    text: str
    kind: TargetKind
    id: str
    paper_ids: tuple[str, ...]


def resolve_target(catalog: Catalog, text: str) -> Target:
    """Resolve ``text``, case-insensitively, to a paper or topic.

    Ids win over aliases: paper and topic ids share one namespace (the
    catalog check rejects a clash), and an alias is tried only when no id
    matches. Raises :class:`TargetError` for an unknown target, with the
    closest matches, and for an alias that several papers share.
    """
    key = text.strip().casefold()
    if key in catalog.papers:
        return Target(text, TargetKind.PAPER, key, (key,))
    if key in catalog.topics:
        papers = tuple(paper.id for paper in catalog.papers_in_topic(key))
        if not papers:
            raise TargetError(f"topic '{key}' has no papers; choose another target")
        return Target(text, TargetKind.TOPIC, key, papers)

    owners = sorted(
        paper.id
        for paper in catalog.papers.values()
        if any(alias.casefold() == key for alias in paper.aliases)
    )
    if len(owners) == 1:
        return Target(text, TargetKind.PAPER, owners[0], (owners[0],))
    if owners:
        candidates = ", ".join(f"'{owner}' ({catalog.papers[owner].title})" for owner in owners)
        raise TargetError(
            f"'{text}' is ambiguous: it is an alias of {candidates}; name one of these ids"
        )
    raise TargetError(f"unknown paper or topic '{text}'{_suggestions(catalog, key)}")


def resolve_targets(catalog: Catalog, texts: list[str]) -> list[Target]:
    """Resolve every text, reporting all unknown or ambiguous ones in one error."""
    targets: list[Target] = []
    failures: list[str] = []
    for text in texts:
        try:
            targets.append(resolve_target(catalog, text))
        except TargetError as error:
            failures.append(error.message)
    if failures:
        raise TargetError("\n".join(failures))
    return targets


def _suggestions(catalog: Catalog, key: str) -> str:
    names: dict[str, str] = {}
    for paper in catalog.papers.values():
        names[paper.id] = paper.id
        for alias in paper.aliases:
            names.setdefault(alias.casefold(), paper.id)
    for topic_id in catalog.topics:
        names[topic_id] = topic_id

    close = difflib.get_close_matches(key, sorted(names), n=5, cutoff=0.6)
    matches = list(dict.fromkeys(names[name] for name in close))
    if len(key) >= 4:
        for paper in catalog.papers.values():
            if key in paper.title.casefold() and paper.id not in matches:
                matches.append(paper.id)
    matches = matches[:5]
    if not matches:
        return "; run 'paperpath papers' or 'paperpath topics' to list the ids"
    return "; did you mean " + ", ".join(f"'{match}'" for match in matches) + "?"
