"""The usable facts of papers and topics that failed validation.

A paper with one bad field still has an id, prerequisites and topics that
other papers refer to. Keeping those facts lets the cross-reference checks
run over the whole catalog in the same run, instead of reporting the
paper's id as unknown or hiding its cycles until the bad field is fixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from paperpath.catalog.patterns import ARXIV_PATTERN, SLUG_PATTERN
from paperpath.catalog.status import Status

_SLUG = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class PartialLink:
    """A prerequisite of an invalid paper; ``id`` is None when it is malformed."""

    id: str | None
    reason: str | None = None


@dataclass(frozen=True)
class PartialPaper:
    """The well-formed fields of a paper that failed validation."""

    id: str
    prerequisites: list[PartialLink] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    arxiv: str | None = None
    status: Status | None = None

    @property
    def is_foundational(self) -> bool:
        return self.status is Status.FOUNDATIONAL


@dataclass(frozen=True)
class PartialTopic:
    """The well-formed fields of a topic that failed validation."""

    id: str
    parent: str | None = None


def _slug(value: Any) -> str | None:
    return value if isinstance(value, str) and _SLUG.match(value) else None


def _link(value: Any) -> PartialLink:
    if isinstance(value, dict):
        return PartialLink(_slug(value.get("id")))
    return PartialLink(_slug(value))


def salvage_paper(item: Any) -> PartialPaper | None:
    """Return the usable facts of an invalid paper, or None when it has no usable id."""
    if not isinstance(item, dict) or _slug(item.get("id")) is None:
        return None
    prerequisites = item.get("prerequisites")
    topics = item.get("topics")
    aliases = item.get("aliases")
    arxiv = item.get("arxiv")
    status = item.get("status")
    return PartialPaper(
        id=item["id"],
        prerequisites=[_link(p) for p in prerequisites] if isinstance(prerequisites, list) else [],
        topics=[t for t in topics if _slug(t)] if isinstance(topics, list) else [],
        aliases=[a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else [],
        arxiv=arxiv if isinstance(arxiv, str) and ARXIV_PATTERN.match(arxiv) else None,
        status=Status(status) if status in {s.value for s in Status} else None,
    )


def salvage_topic(item: Any) -> PartialTopic | None:
    """Return the usable facts of an invalid topic, or None when it has no usable id."""
    if not isinstance(item, dict) or _slug(item.get("id")) is None:
        return None
    return PartialTopic(id=item["id"], parent=_slug(item.get("parent")))
