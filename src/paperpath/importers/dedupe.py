"""Merge the entries of a list that name the same paper.

Two entries are the same paper when they share an arXiv id, a link (after
:func:`~paperpath.importers.links.canonical_url`) or a normalised title.
The merged paper keeps the first entry's fields, fills gaps from later
ones, and belongs to every topic it was listed under.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from paperpath.importers.links import canonical_url
from paperpath.importers.markdown_list import TopicEntry


def normalise_title(title: str) -> str:
    """Return the title's letters and digits, lowercased, single-spaced."""
    text = unicodedata.normalize("NFKD", title).casefold()
    return " ".join(re.findall(r"[^\W_]+", text))


@dataclass
class ImportedPaper:
    """One paper of the list with all the topics and lines it appears under."""

    title: str
    url: str | None
    arxiv: str | None
    year: int | None
    month: int | None
    venue: str | None
    code: str | None
    authors: list[str]
    topics: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    # Other titles listed for the same arXiv id or link, with their lines.
    other_titles: list[tuple[int, str]] = field(default_factory=list)

    def keys(self) -> set[tuple[str, str]]:
        """Return the keys by which another entry or catalog paper matches this one."""
        keys = set()
        title = normalise_title(self.title)
        if len(title.split()) >= 2 or len(title) >= 10:  # "T5" alone is no identity
            keys.add(("title", title))
        if self.arxiv:
            keys.add(("arxiv", self.arxiv))
        if self.url:
            keys.add(("url", canonical_url(self.url)))
        return keys


def merge_duplicates(entries: list[TopicEntry]) -> list[ImportedPaper]:
    """Return one paper per distinct paper, in order of first appearance."""
    papers: list[ImportedPaper] = []
    index: dict[tuple[str, str], ImportedPaper] = {}
    for topic_entry in entries:
        entry = topic_entry.entry
        candidate = ImportedPaper(
            entry.title,
            entry.url,
            entry.arxiv,
            entry.year,
            entry.month,
            entry.venue,
            entry.code,
            list(entry.authors),
        )
        keys = candidate.keys()
        paper = next(
            (
                index[key]
                for key in sorted(keys)
                if key in index and not _different_arxiv(index[key], candidate)
            ),
            None,
        )
        if paper is None:
            paper = candidate
            papers.append(paper)
        else:
            if normalise_title(paper.title) != normalise_title(candidate.title):
                paper.other_titles.append((entry.line, candidate.title))
            _fill_gaps(paper, candidate)
        if topic_entry.topic_id not in paper.topics:
            paper.topics.append(topic_entry.topic_id)
        paper.lines.append(entry.line)
        for key in paper.keys() | keys:
            index.setdefault(key, paper)
    return papers


def _different_arxiv(paper: ImportedPaper, other: ImportedPaper) -> bool:
    """Tell whether two entries carry different arXiv ids, so they are two papers."""
    return bool(paper.arxiv and other.arxiv and paper.arxiv != other.arxiv)


def _fill_gaps(paper: ImportedPaper, other: ImportedPaper) -> None:
    if paper.title.isupper() and not other.title.isupper():
        paper.title = other.title  # prefer "Alphazero-like Tree-Search" to all capitals
    if paper.arxiv is None and other.arxiv is not None:
        paper.arxiv = other.arxiv
        paper.url = other.url
        paper.year, paper.month = other.year, other.month
        if paper.venue in (None, "arXiv preprint") or other.venue != "arXiv preprint":
            paper.venue = (
                paper.venue if paper.venue not in (None, "arXiv preprint") else other.venue
            )
    for name in ("url", "year", "month", "venue", "code"):
        if getattr(paper, name) is None:
            setattr(paper, name, getattr(other, name))
    if not paper.authors:
        paper.authors = other.authors
