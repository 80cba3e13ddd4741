"""The loaded catalog: papers and topics by id, with where each was defined.

The classes here are all that a catalog read from the cache needs, so that
unpickling one imports neither PyYAML nor the validation code.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from paperpath.catalog.document import ValuePath, YamlDocument
    from paperpath.catalog.models import Paper, Topic
    from paperpath.catalog.problems import Problem


@dataclass(frozen=True)
class ItemSource:
    """The file of a paper or topic and the path of its mapping in that file."""

    document: YamlDocument
    value_path: ValuePath

    @property
    def path(self) -> str:
        return self.document.path

    @property
    def line(self) -> int | None:
        return self.document.line_of(self.value_path)

    def line_of(self, *field_path: str | int) -> int | None:
        """Return the line of a field inside this item, such as ``("prerequisites", 2)``."""
        return self.document.line_of(self.value_path + field_path)


@dataclass
class Catalog:
    """Papers and topics keyed by id, in the order the files define them."""

    papers: dict[str, Paper] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    paper_sources: dict[str, ItemSource] = field(default_factory=dict)
    topic_sources: dict[str, ItemSource] = field(default_factory=dict)
    warnings: list = field(default_factory=list)

    def __iter__(self) -> Iterator[Paper]:
        return iter(self.papers.values())

    def __len__(self) -> int:
        return len(self.papers)

    def topic_children(self) -> Mapping[str | None, list[str]]:
        """Map each topic id (and None for the roots) to its child topic ids."""
        children: dict[str | None, list[str]] = {}
        for topic in self.topics.values():
            children.setdefault(topic.parent, []).append(topic.id)
        return children

    def topic_subtree(self, topic_id: str) -> list[str]:
        """Return ``topic_id`` and all topics below it, parents before children."""
        children = self.topic_children()
        result: list[str] = []
        stack = [topic_id]
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(reversed(children.get(current, [])))
        return result

    def papers_in_topic(self, topic_id: str) -> list[Paper]:
        """Return the papers tagged with ``topic_id`` or with any topic below it."""
        subtree = set(self.topic_subtree(topic_id))
        return [paper for paper in self.papers.values() if subtree.intersection(paper.topics)]


@dataclass
class LoadResult:
    """A catalog and every problem found while loading it.

    ``papers_checked`` and ``topics_checked`` count the entries read,
    invalid ones included; the catalog holds only the valid ones.
    """

    catalog: Catalog
    problems: list[Problem] = field(default_factory=list)
    papers_checked: int = 0
    topics_checked: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.is_error]
