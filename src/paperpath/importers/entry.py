"""Read one paper-list entry (title, links, date, venue, authors) from a scan."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from paperpath.importers.inline import InlineScan, Link, Piece
from paperpath.importers.links import (
    GENERIC_LABELS,
    LinkKind,
    PartialDate,
    arxiv_date,
    arxiv_from_url,
    link_kind,
    parse_badge,
    parse_date,
    venue_from_badge,
)

_QUOTES = "\"'“”‘’«»"
_SEPARATORS = " \t-–—:|,;.[]/"
_TRAILING_YEAR = re.compile(r"\s*\((?:19|20)\d{2}\)$")
_LEADING_MARKS = re.compile(r"^[\W\d_]*?(?=[\"“'‘A-Za-z0-9])", re.UNICODE)
# A leading bracketed marker: a reference number, a date, or a source name.
_PREFIX = re.compile(r"^(\[[^\]]{1,40}\]|\((?:19|20)\d{2}[^)]{0,10}\))\s*")
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_VENUE = re.compile(
    r"\b(NeurIPS|NIPS|ICML|ICLR|ACL|EMNLP|NAACL|COLING|EACL|AAAI|IJCAI|CVPR|ICCV|ECCV|COLM|"
    r"TMLR|JMLR|KDD|SIGIR|AISTATS|UAI|CoRL|RSS|ICRA|IROS|Nature|Science)"
    # A volume or page numbers may sit between the venue and its year: "Nature 521 (2015)".
    r"(?:\s+(Findings|Workshop))?[^\n\[\]]{0,20}?'?((?:19|20)\d{2})\b"
)


@dataclass
class ListWarning:
    """A problem with one entry, at a line of the list."""

    line: int
    message: str


@dataclass
class ListEntry:
    """One entry as the list writes it, before duplicates are merged."""

    line: int
    title: str
    url: str | None = None
    arxiv: str | None = None
    year: int | None = None
    month: int | None = None
    venue: str | None = None
    code: str | None = None
    authors: list[str] = field(default_factory=list)
    is_paper: bool = True


def clean_title(text: str) -> str:
    """Strip list decoration from a title: emoji, numbering, quotes, trailing separators."""
    text = " ".join(text.split())
    text = _LEADING_MARKS.sub("", text, count=1)
    text = _TRAILING_YEAR.sub("", text.strip(_SEPARATORS)).strip(_SEPARATORS)
    if text.endswith(")") and text.count("(") < text.count(")"):
        text = text[:-1]
    if text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:]
    if not text:
        return ""
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1]
    elif text[0] in _QUOTES and text.count(text[0]) == 1:
        text = text[1:]
    elif text[-1] in _QUOTES and sum(text.count(q) for q in _QUOTES) == 1:
        text = text[:-1]
    text = text.strip(_SEPARATORS + "*_")
    quotes = sum(text.count(quote) for quote in _QUOTES if quote not in "'’")
    if quotes % 2 == 1:
        text = text.strip(_QUOTES)
    if text.count("(") > text.count(")"):
        text += ")"
    return text


def is_generic_label(text: str) -> bool:
    """Tell whether link text names the kind of link ("Paper", a bare address), not a paper."""
    label = text.strip(" []()*_:").casefold()
    if label.startswith(("http://", "https://", "www.")):
        return True
    return label in GENERIC_LABELS or not any(character.isalpha() for character in label)


def _lead_pieces(scan: InlineScan) -> list[Piece]:
    """Return the text pieces before the first link that carries words."""
    lead = []
    for piece in scan.pieces:
        if piece.link is not None:
            if is_generic_label(scan.links[piece.link].text) and not lead:
                continue
            break
        lead.append(Piece(piece.text, None, piece.emphasized))
    return lead


def _strip_prefixes(lead: list[Piece]) -> PartialDate | None:
    """Remove leading markers such as ``[1]``, ``[2023/07]`` or ``[OpenAI]``.

    Returns the date that such a marker gives, if any.
    """
    date = None
    while lead:
        text = lead[0].text.lstrip()
        if not text:
            lead.pop(0)
            continue
        bracket = _PREFIX.match(text)
        if bracket:
            date = date or parse_date(bracket.group(1).strip("[]() "))
            lead[0].text = text[bracket.end() :]
            continue
        if len(text.strip()) <= 8 and not any(character.isalpha() for character in text):
            lead.pop(0)
            continue
        lead[0].text = text
        break
    return date


@dataclass
class TitleFind:
    """A title, the link it came from (if any), the text after it, and a date prefix."""

    title: str
    link: int | None
    tail: str
    date: PartialDate | None = None
    marked: bool = False  # set when emphasis or quotes mark the title


def find_title(scan: InlineScan) -> TitleFind:
    """Find an entry's title, trying these forms in order.

    1. A leading emphasized title.
    2. A quoted title, as in citation styles.
    3. An emphasized run of several words.
    4. The text before the first link.
    5. The text of the first link that is not a label such as "Paper".
    """
    lead = _lead_pieces(scan)
    date = _strip_prefixes(lead)
    lead_text = "".join(piece.text for piece in lead)

    if lead and lead[0].emphasized:
        run = []
        for piece in lead:
            if not piece.emphasized:
                break
            run.append(piece.text)
        title = clean_title("".join(run))
        if _has_words(title):
            return TitleFind(title, None, _tail_after(scan, "".join(run)), date, marked=True)

    quoted = _QUOTED.search(lead_text)
    if quoted and len(quoted.group(1).split()) >= 2:
        title = clean_title(quoted.group(1))
        return TitleFind(title, None, lead_text[quoted.end() :], date, marked=True)

    emphasized = [piece.text for piece in lead if piece.emphasized]
    run_text = clean_title("".join(emphasized))
    if len(run_text.split()) >= 2 and lead_text.strip().startswith(tuple(emphasized[:1])):
        return TitleFind(run_text, None, "", date, marked=True)

    title = clean_title(lead_text)
    if _has_words(title) and not is_generic_label(title):
        return TitleFind(title, None, "", date)

    for index, link in enumerate(scan.links):
        if link.text.strip() and not is_generic_label(link.text):
            return TitleFind(clean_title(link.text), index, _text_after_link(scan, index), date)
    return TitleFind("", None, "", date)


def _has_words(text: str) -> bool:
    return any(character.isalpha() for character in text)


def _tail_after(scan: InlineScan, title_text: str) -> str:
    text = "".join(piece.text for piece in scan.pieces if piece.link is None)
    position = text.find(title_text)
    return text[position + len(title_text) :] if position >= 0 else ""


def _text_after_link(scan: InlineScan, index: int) -> str:
    seen = False
    parts = []
    for piece in scan.pieces:
        if piece.link == index:
            seen = True
        elif seen and piece.link is None:
            parts.append(piece.text)
    return "".join(parts)


def authors_from_text(text: str) -> list[str]:
    """Read an author list such as ``- A. Smith, B. Jones (2023)`` or ``*Wu (CMU) et al.*``."""
    text = re.sub(r"\([^)]*\)", " ", text)  # affiliations and years
    text = _YEAR.sub(" ", _VENUE.sub(" ", text))
    text = re.sub(r"\b(?:arxiv|preprint)\b", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"[\[\]*_`]", " ", text)
    et_al = re.search(r"\bet\s+al\b\.?", text)
    suffix = []
    if et_al:
        text, suffix = text[: et_al.start()], ["et al."]
    text = text.strip(_SEPARATORS + " ")
    if not text or len(text) > 300 or any(character.isdigit() for character in text):
        return []
    names = []
    for part in re.split(r",|;|\band\b|&", text):
        name = " ".join(part.split()).strip(_SEPARATORS)
        if not name:
            continue
        if len(name.split()) > 5:
            return []
        names.append(name)
    return names + suffix if names else []


@dataclass
class LinkFacts:
    """The url, arXiv id, code link, date and venue read from an entry's links and badges."""

    url: str | None = None
    arxiv: str | None = None
    code: str | None = None
    date: PartialDate | None = None
    venue: str | None = None
    has_paper_link: bool = False
    warnings: list[str] = field(default_factory=list)


def read_links(links: list[Link], images, extra_dates: list[str] = ()) -> LinkFacts:
    """Collect url, arXiv id, code link, date and venue from links, badges and date text."""
    facts = LinkFacts()
    first_other: str | None = None
    for link in links:
        href = link.href.strip()
        kind = link_kind(href)
        if kind is LinkKind.ARXIV:
            arxiv = arxiv_from_url(href)
            facts.has_paper_link = True
            if arxiv.valid and facts.arxiv is None:
                facts.arxiv = arxiv.id
                facts.url = f"https://arxiv.org/abs/{arxiv.id}"
            elif not arxiv.valid:
                facts.warnings.append(
                    f"arXiv link {href} has an incomplete id '{arxiv.id}'; "
                    "the entry keeps the link but no arXiv id"
                )
                facts.url = facts.url or href
        elif kind is LinkKind.PAPER:
            facts.has_paper_link = True
            facts.url = facts.url or href
        elif kind is LinkKind.CODE:
            facts.code = facts.code or href
        elif kind is LinkKind.OTHER and href:
            if link.text.strip(" []").casefold() in {"paper", "pdf", "report"}:
                facts.has_paper_link = True
                facts.url = facts.url or href
            first_other = first_other or href

    for image in images:
        badge = parse_badge(image.src)
        if badge is None:
            continue
        date = parse_date(badge.message)
        if date is not None:
            facts.date = facts.date or date
            if badge.label:
                facts.venue = facts.venue or venue_from_badge(badge, date.year)
        elif badge.label.casefold() == "arxiv" and facts.arxiv is None:
            arxiv = arxiv_from_url(f"https://arxiv.org/abs/{badge.message}")
            if arxiv is not None and arxiv.valid:
                facts.arxiv = arxiv.id
                facts.has_paper_link = True
                facts.url = facts.url or f"https://arxiv.org/abs/{arxiv.id}"

    for text in extra_dates:
        date = parse_date(text)
        if date is not None:
            facts.date = facts.date or date

    if facts.arxiv is not None:
        encoded = arxiv_date(facts.arxiv)
        # Only a year-and-month date can contradict the id: a venue badge such
        # as AAAI-2025 gives the publication year, which may follow the preprint.
        listed = facts.date
        if (
            encoded
            and listed
            and listed.month
            and (listed.year, listed.month)
            != (
                encoded.year,
                encoded.month,
            )
        ):
            facts.warnings.append(
                f"the list dates arXiv {facts.arxiv} {facts.date.year}"
                + (f".{facts.date.month:02d}" if facts.date.month else "")
                + f", but the id encodes {encoded.year}.{encoded.month:02d}; using the id's date"
            )
        facts.date = encoded or facts.date
        if facts.venue is None:
            facts.venue = "arXiv preprint"
    if facts.url is None and facts.code is None:
        facts.url = first_other
    return facts


def venue_from_text(text: str) -> str | None:
    match = _VENUE.search(text)
    if match is None:
        return None
    return " ".join(part for part in match.groups() if part)


def year_from_text(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None
