"""Classify links in paper lists: arXiv ids, code repositories, badges, dates.

Real awesome lists link a paper through arXiv abstract, PDF or HTML pages,
publisher pages, or only a repository, and put dates and venues in
shields.io badges such as ``arXiv-2025.02`` or ``NeurIPS-2024``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import unquote, urlsplit, urlunsplit

from paperpath.catalog.patterns import ARXIV_PATTERN

_ARXIV_URL = re.compile(r"^(?:www\.|export\.|browse\.)?arxiv\.org$", re.IGNORECASE)
_ARXIV_PATH = re.compile(r"^/(?:abs|pdf|html)/(?P<rest>.+)$")
# arXiv ids registered through DataCite, as in https://doi.org/10.48550/arXiv.2307.02502
_ARXIV_DOI = re.compile(r"^/10\.48550/arxiv\.(?P<rest>.+)$", re.IGNORECASE)
_NEW_STYLE = re.compile(r"^(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")
_OLD_STYLE = re.compile(r"^([a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")
_DIGITS = re.compile(r"^[\d.]+")

_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "huggingface.co", "pypi.org")
_PAPER_HOSTS = (
    "openreview.net",
    "aclanthology.org",
    "aclweb.org",
    "proceedings.neurips.cc",
    "papers.nips.cc",
    "neurips.cc",
    "proceedings.mlr.press",
    "doi.org",
    "dl.acm.org",
    "ieeexplore.ieee.org",
    "link.springer.com",
    "academic.oup.com",
    "nature.com",
    "science.org",
    "sciencedirect.com",
    "semanticscholar.org",
    "jmlr.org",
    "ojs.aaai.org",
    "ijcai.org",
    "openaccess.thecvf.com",
    "biorxiv.org",
    "ssrn.com",
)

# Link labels that name the kind of link, never the paper.
GENERIC_LABELS = {
    "paper",
    "pdf",
    "arxiv",
    "abs",
    "html",
    "code",
    "github",
    "project",
    "project page",
    "website",
    "web",
    "blog",
    "link",
    "openreview",
    "slides",
    "video",
    "demo",
    "dataset",
    "data",
    "model",
    "models",
    "huggingface",
    "hugging face",
    "homepage",
    "page",
    "repo",
    "repository",
    "springer",
    "oxford academic",
    "ieee",
    "acl",
    "doi",
    "notion",
    "poster",
    "talk",
    "official",
    "here",
    "url",
    "site",
    "checkpoint",
    "weights",
    "tweet",
    "x",
}

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


class LinkKind(StrEnum):
    ARXIV = "arxiv"
    PAPER = "paper"
    CODE = "code"
    ANCHOR = "anchor"
    OTHER = "other"


@dataclass(frozen=True)
class ArxivLink:
    """The arXiv id found in a link; ``valid`` is false for a truncated or garbled id."""

    id: str
    valid: bool


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def arxiv_from_url(url: str) -> ArxivLink | None:
    """Return the arXiv id of an abstract, PDF or HTML link, without version suffix."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if _ARXIV_URL.match(host):
        match = _ARXIV_PATH.match(parts.path)
    elif host == "doi.org":
        match = _ARXIV_DOI.match(parts.path)
    else:
        return None
    if match is None:
        return None
    rest = match.group("rest")
    for pattern in (_NEW_STYLE, _OLD_STYLE):
        found = pattern.match(rest)
        if found and ARXIV_PATTERN.match(found.group(1)):
            return ArxivLink(found.group(1), True)
    digits = _DIGITS.match(rest)
    return ArxivLink(digits.group(0).rstrip(".") if digits else rest, False)


def link_kind(url: str) -> LinkKind:
    """Classify a link target."""
    url = url.strip()
    if url.startswith("#"):
        return LinkKind.ANCHOR
    if arxiv_from_url(url) is not None:
        return LinkKind.ARXIV
    host = _host(url)
    if any(host == code or host.endswith("." + code) for code in _CODE_HOSTS):
        return LinkKind.CODE
    if any(host == paper or host.endswith("." + paper) for paper in _PAPER_HOSTS):
        return LinkKind.PAPER
    if urlsplit(url).path.lower().endswith(".pdf"):
        return LinkKind.PAPER
    return LinkKind.OTHER


def canonical_url(url: str) -> str:
    """Return a form of ``url`` that equal links share (arXiv pages, www, fragments)."""
    arxiv = arxiv_from_url(url)
    if arxiv is not None and arxiv.valid:
        return f"https://arxiv.org/abs/{arxiv.id}"
    parts = urlsplit(url.strip())
    host = _host(url)
    path = parts.path.rstrip("/")
    query = parts.query
    if host == "openreview.net" and path in ("/pdf", "/forum"):
        path = "/forum"
        query = "&".join(item for item in query.split("&") if item.startswith("id="))
    return urlunsplit(("https", host, path, query, ""))


@dataclass(frozen=True)
class Badge:
    """A shields.io badge: its label and message, such as ``NeurIPS`` and ``2024``."""

    label: str
    message: str


def parse_badge(src: str) -> Badge | None:
    """Read the label and message of a static shields.io badge URL."""
    parts = urlsplit(src)
    if not (parts.hostname or "").endswith("shields.io") or not parts.path.startswith("/badge/"):
        return None
    content = unquote(parts.path[len("/badge/") :])
    content = re.sub(r"\.(svg|png)$", "", content)
    # shields.io writes a literal '-' as '--' and '_' as '__'; a single '_' is a space.
    fields = re.split(r"(?<!-)-(?!-)", content)
    fields = [
        field.replace("--", "-").replace("__", "\0").replace("_", " ").replace("\0", "_")
        for field in fields
    ]
    if len(fields) >= 3:
        return Badge(fields[0].strip(), fields[1].strip())
    if len(fields) == 2:
        return Badge("", fields[0].strip())
    return None


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None


def parse_date(text: str) -> PartialDate | None:
    """Read a date as lists write it: ``2025.02``, ``16 May 2025``, ``2025-03-08``, ``Mar 2025``."""
    text = text.strip()
    match = re.fullmatch(r"((?:19|20)\d{2})(?:[.\-/](\d{1,2}))?(?:[.\-/]\d{1,2})?", text)
    if match:
        month = int(match.group(2)) if match.group(2) else None
        if month is not None and not 1 <= month <= 12:
            return None
        return PartialDate(int(match.group(1)), month)
    match = re.fullmatch(
        r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?([A-Za-z]+)\.?,?\s+(?:\d{1,2},?\s+)?((?:19|20)\d{2})", text
    )
    if match and match.group(1).lower() in _MONTHS:
        return PartialDate(int(match.group(2)), _MONTHS[match.group(1).lower()])
    return None


def arxiv_date(identifier: str) -> PartialDate | None:
    """Return the year and month that a new-style arXiv id encodes (``2305.x`` is 2023-05)."""
    match = re.match(r"^(\d{2})(\d{2})\.", identifier)
    if not match:
        return None
    return PartialDate(2000 + int(match.group(1)), int(match.group(2)))


def normalise_venue(venue: str) -> str:
    """Write an arXiv-only venue the one way the catalog uses: ``arXiv preprint``."""
    return "arXiv preprint" if venue.strip().casefold() in {"arxiv", "arxiv preprint"} else venue


def venue_from_badge(badge: Badge, year: int) -> str:
    """Turn a venue badge into a venue, such as ``NeurIPS Workshop 2023``."""
    label = badge.label.replace("WorkShop", "Workshop").strip()
    if label.lower() in {"arxiv", "arxiv preprint", "preprint"}:
        return "arXiv preprint"
    if label.lower() in {"notion", "blog", "medium", "website", "substack"}:
        return "blog post"
    return f"{label} {year}"
