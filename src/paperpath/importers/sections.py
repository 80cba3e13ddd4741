"""Headings of a paper list: topic ids, section kinds and GitHub anchors."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

# Sections that hold no papers at all.
_SKIP_WORDS = (
    "contents",
    "table of content",
    "toc",
    "citation",
    "cite",
    "license",
    "licence",
    "contributing",
    "contribution",
    "star history",
    "acknowledg",
    "contact",
    "todo",
    "changelog",
    "news",
)
# Sections that list code, courses or other material rather than papers.
_RESOURCE_WORDS = (
    "repositor",
    "librar",
    "implementation",
    "course",
    "tutorial",
    "lecture",
    "resources",
    "toolkit",
    "frameworks",
    "blog",
    "video",
    "podcast",
    "book",
)
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")


class SectionKind(StrEnum):
    PAPERS = "papers"
    RESOURCES = "resources"
    SKIPPED = "skipped"


def clean_heading(text: str) -> str:
    """Remove emoji, symbols and ``:shortcode:`` marks from a heading."""
    text = _SHORTCODE.sub(" ", text)
    kept = "".join(
        character
        for character in text
        if unicodedata.category(character)[0] in "LNPZ" and character not in "\ufe0f"
    )
    return " ".join(kept.split()).strip(" -–—:|")


def section_kind(title: str) -> SectionKind:
    """Classify a section by its heading words."""
    words = title.casefold()
    if any(re.search(rf"\b{re.escape(word)}", words) for word in _SKIP_WORDS):
        return SectionKind.SKIPPED
    if any(re.search(rf"\b{re.escape(word)}", words) for word in _RESOURCE_WORDS):
        return SectionKind.RESOURCES
    return SectionKind.PAPERS


def slugify(text: str) -> str:
    """Return a catalog id made of the ASCII letters and digits of ``text``."""
    text = re.sub(r"['’]", "", text)  # "Let's" becomes "lets", not "let-s"
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def github_anchor(heading_text: str) -> str:
    """Return the anchor GitHub gives a heading, without leading or trailing hyphens.

    GitHub lowercases the text, drops characters that are not letters,
    digits, spaces, hyphens or underscores, and turns spaces into hyphens.
    """
    text = heading_text.strip().lower()
    text = "".join(c for c in text if c.isalnum() or c in " -_")
    return text.replace(" ", "-").strip("-")


@dataclass(frozen=True)
class Section:
    """An open heading: its level, kind, and the topic its entries belong to."""

    level: int
    title: str
    kind: SectionKind
    topic_id: str | None
