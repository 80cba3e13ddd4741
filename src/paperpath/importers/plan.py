"""Plan an import: which list papers are new and which catalog papers gain topics.

An imported paper that matches a catalog paper (same arXiv id, link or
normalised title) only adds the topics it was listed under. Every other
field of the catalog paper stays as the curator wrote it. New papers get
an unused id and arrive as ``incremental`` with no prerequisites.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from paperpath.importers.dedupe import ImportedPaper, normalise_title
from paperpath.importers.links import canonical_url
from paperpath.importers.markdown_list import ImportedTopic
from paperpath.importers.naming import paper_id_for

if TYPE_CHECKING:
    from paperpath.catalog import Catalog, Paper


@dataclass
class AddedPaper:
    id: str
    paper: ImportedPaper
    topics: list[str]


@dataclass
class MatchedPaper:
    """A list entry that is already in the catalog, and the topics it adds there."""

    id: str
    paper: ImportedPaper
    new_topics: list[str] = field(default_factory=list)
    # The list's arXiv id when it differs from the catalog's, matched by title.
    listed_arxiv: str | None = None


@dataclass
class MergePlan:
    """The papers, topics and topic memberships that an import adds to a catalog."""

    topics: list[ImportedTopic] = field(default_factory=list)
    added: list[AddedPaper] = field(default_factory=list)
    present: list[MatchedPaper] = field(default_factory=list)

    @property
    def topics_updated(self) -> list[MatchedPaper]:
        return [match for match in self.present if match.new_topics]


def _catalog_keys(paper: Paper) -> set[tuple[str, str]]:
    keys = {("title", normalise_title(paper.title)), ("url", canonical_url(paper.url))}
    # An alias of several words is often a former title, as after a rename on arXiv.
    keys |= {
        ("title", normalise_title(alias)) for alias in paper.aliases if len(alias.split()) >= 3
    }
    if paper.arxiv:
        keys.add(("arxiv", paper.arxiv))
    return keys


def plan_merge(
    catalog: Catalog, topics: dict[str, ImportedTopic], papers: list[ImportedPaper]
) -> MergePlan:
    """Decide which papers and topics are new and which catalog papers gain topics."""
    plan = MergePlan()
    taken = set(catalog.papers) | set(catalog.topics)

    topic_ids: dict[str, str] = {}
    for topic in topics.values():
        if topic.id in catalog.topics:
            topic_ids[topic.id] = topic.id
            continue
        new_id = topic.id if topic.id not in taken else f"{topic.id}-topic"
        taken.add(new_id)
        topic_ids[topic.id] = new_id
        parent = topic_ids.get(topic.parent) if topic.parent else None
        plan.topics.append(ImportedTopic(new_id, topic.title, parent))

    index: dict[tuple[str, str], str] = {}
    for paper in catalog.papers.values():
        for key in _catalog_keys(paper):
            index.setdefault(key, paper.id)

    matches: dict[str, MatchedPaper] = {}
    for imported in papers:
        listed = [topic_ids.get(topic, topic) for topic in imported.topics]
        existing = next(
            (
                index[key]
                for key in sorted(imported.keys())
                if key in index
                and (key[0] == "title" or not _different_arxiv(catalog, index[key], imported))
            ),
            None,
        )
        if existing is not None and existing in catalog.papers:
            match = matches.get(existing)
            if match is None:
                match = matches[existing] = MatchedPaper(existing, imported)
                plan.present.append(match)
            if _different_arxiv(catalog, existing, imported):
                match.listed_arxiv = imported.arxiv
            known = set(catalog.papers[existing].topics) | set(match.new_topics)
            match.new_topics += [topic for topic in listed if topic not in known]
            continue
        if existing is not None:
            continue  # a second list entry for a paper this import already adds
        new_id = paper_id_for(imported.title, imported.year, taken)
        taken.add(new_id)
        plan.added.append(AddedPaper(new_id, imported, listed))
        for key in imported.keys():
            index.setdefault(key, new_id)

    plan.topics = _used_topics(plan)
    return plan


def _different_arxiv(catalog: Catalog, paper_id: str, imported: ImportedPaper) -> bool:
    """Tell whether a catalog paper and a list entry carry different arXiv ids.

    A link or an id never matches across different arXiv ids. A title does:
    the catalog may have corrected the list's id, and curated values win.
    """
    paper = catalog.papers.get(paper_id)
    known = paper.arxiv if paper is not None else None
    return bool(known and imported.arxiv and known != imported.arxiv)


def _used_topics(plan: MergePlan) -> list[ImportedTopic]:
    """Keep the new topics that a paper is listed under, and their ancestors.

    Sections that held only resources would otherwise become empty topics,
    which the catalog check warns about.
    """
    by_id = {topic.id: topic for topic in plan.topics}
    used: set[str] = set()
    listed = [topic for added in plan.added for topic in added.topics]
    listed += [topic for match in plan.present for topic in match.new_topics]
    for topic_id in listed:
        while topic_id in by_id and topic_id not in used:
            used.add(topic_id)
            topic_id = by_id[topic_id].parent
    return [topic for topic in plan.topics if topic.id in used]
