"""Parse an awesome-list README into paper entries, topics and resources.

The parser walks markdown-it-py's token stream. Headings give the topic
path; entries come from list items (bulleted, numbered, nested), table
rows whose columns are recognised from the header, and paragraphs with a
bold or quoted title. Sections such as contents, citation and license are
skipped, and sections of repositories, libraries or courses yield
resources, never papers.

Known limits: titles are recognised by position and emphasis, so an entry
written as ``Authors. Title. Venue.`` with no emphasis takes the authors
as its title; HTML blocks are read only for their links.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

from paperpath.importers.entry import (
    ListEntry,
    ListWarning,
    authors_from_text,
    find_title,
    is_generic_label,
    read_links,
    venue_from_text,
    year_from_text,
)
from paperpath.importers.inline import Image, InlineScan, Link, Piece, scan_inline
from paperpath.importers.links import LinkKind, link_kind, normalise_venue
from paperpath.importers.sections import (
    Section,
    SectionKind,
    clean_heading,
    github_anchor,
    section_kind,
    slugify,
)

_COLUMN_WORDS = {
    "title": ("title", "paper", "name", "method", "model"),
    "date": ("date", "published", "publication date", "time", "year", "release"),
    "link": ("link", "url", "pdf", "arxiv"),
    "venue": ("venue", "conference", "journal", "publication", "conf"),
    "code": ("code", "github", "repo", "implementation"),
    "authors": ("author",),
}


@dataclass(frozen=True)
class ImportedTopic:
    id: str
    title: str
    parent: str | None


@dataclass
class Resource:
    """A repository, course or other link kept apart from the papers."""

    line: int
    title: str
    url: str
    section: str


@dataclass
class TopicEntry:
    """An entry with the topic it was listed under."""

    entry: ListEntry
    topic_id: str


@dataclass
class ParsedList:
    """Everything read from one list, before duplicates are merged."""

    title: str | None
    topics: dict[str, ImportedTopic] = field(default_factory=dict)
    entries: list[TopicEntry] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    warnings: list[ListWarning] = field(default_factory=list)
    skipped_sections: list[tuple[int, str]] = field(default_factory=list)


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


class _Walker:
    def __init__(self, default_topic: str, progress: Callable[[int], None] | None) -> None:
        self.result = ParsedList(title=None)
        self.default_topic = default_topic
        self.progress = progress
        self.sections: list[Section] = []
        self.item_topics: list[str | None] = []
        self.anchors: set[str] = set()
        self.anchor_links: list[tuple[int, str]] = []
        self.consumed: set[int] = set()

    # -- topics and sections ---------------------------------------------

    def topic(self) -> str | None:
        for topic in reversed(self.item_topics):
            if topic:
                return topic
        for section in reversed(self.sections):
            if section.topic_id:
                return section.topic_id
        return None

    def kind(self) -> SectionKind:
        return self.sections[-1].kind if self.sections else SectionKind.PAPERS

    def add_topic(self, title: str, parent: str | None, line: int) -> str:
        slug = slugify(title) or f"section-{line}"
        existing = self.result.topics.get(slug)
        if existing is not None and existing.parent != parent:
            slug = f"{parent}-{slug}" if parent else f"{slug}-{line}"
            existing = self.result.topics.get(slug)
        if existing is None:
            self.result.topics[slug] = ImportedTopic(slug, title, parent)
        return slug

    def heading(self, level: int, inline: Token, line: int, first_block: bool) -> None:
        self.heading_text(level, scan_inline(inline.children), line, first_block)

    def heading_text(self, level: int, scan: InlineScan, line: int, first_block: bool) -> None:
        raw = "".join(piece.text for piece in scan.pieces)
        self.anchors.add(github_anchor(raw))
        if len(scan.links) >= 2:
            return  # a line of author or badge links, not a section
        title = clean_heading(raw)
        if first_block and level == 1:
            self.result.title = title
            return
        while self.sections and self.sections[-1].level >= level:
            self.sections.pop()
        self.item_topics = []
        parent_kind = self.kind() if self.sections else SectionKind.PAPERS
        kind = parent_kind if parent_kind is not SectionKind.PAPERS else section_kind(title)
        topic_id = None
        if kind is SectionKind.PAPERS and title:
            topic_id = self.add_topic(title, self.topic(), line)
        elif kind is SectionKind.SKIPPED:
            self.result.skipped_sections.append((line, title))
        self.sections.append(Section(level, title, kind, topic_id))

    # -- entries -----------------------------------------------------------

    def warn(self, line: int, message: str) -> None:
        self.result.warnings.append(ListWarning(line, message))

    def note_anchors(self, scan: InlineScan, line: int) -> None:
        self.anchors.update(anchor.lower().strip("-") for anchor in scan.anchors)
        for link in scan.links:
            if link.href.startswith("#") and len(link.href) > 1:
                self.anchor_links.append((line, link.href))

    def entry(
        self,
        scan: InlineScan,
        line: int,
        *,
        title_scan: InlineScan | None = None,
        dates: tuple[str, ...] = (),
        venue_text: str = "",
        authors_text: str = "",
        require_title_mark: bool = False,
    ) -> None:
        """Record one entry as a paper or a resource, or warn why it is skipped.

        ``require_title_mark`` is for paragraphs, which count only when a
        bold or quoted title marks them as an entry rather than prose.
        """
        self.note_anchors(scan, line)
        kind = self.kind()
        if kind is SectionKind.SKIPPED:
            return
        real_links = [link for link in scan.links if _is_web_link(link.href)]
        found = find_title(title_scan or scan)
        title = found.title
        if require_title_mark and not found.marked:
            return
        for link in scan.links:
            if link.href and not _is_web_link(link.href) and not _is_local_link(link.href):
                self.warn(line, f"link '{link.href}' is not a web address; ignored")
        if not real_links:
            only_anchors = scan.links and all(_is_local_link(link.href) for link in scan.links)
            if kind is SectionKind.PAPERS and title and not require_title_mark and not only_anchors:
                self.warn(line, f"entry '{title}' has no link; skipped")
            return
        if not title:
            self.warn(line, "entry has links but no title; skipped")
            return

        facts = read_links(real_links, scan.images, dates)
        for message in facts.warnings:
            self.warn(line, message)
        date = facts.date or found.date
        title_href = (title_scan or scan).links[found.link].href if found.link is not None else None
        # A title that is itself a link to a paper page or report counts as a paper.
        title_is_paper = title_href is not None and link_kind(title_href) is not LinkKind.CODE
        entry = ListEntry(
            line=line,
            title=title,
            url=facts.url or (title_href if title_is_paper else None) or _fallback_url(real_links),
            arxiv=facts.arxiv,
            year=date.year if date else year_from_text(found.tail),
            month=date.month if date else None,
            venue=normalise_venue(
                venue_text.strip() or venue_from_text(found.tail) or facts.venue or ""
            )
            or None,
            code=facts.code,
            authors=authors_from_text(authors_text or found.tail),
        )
        if kind is SectionKind.RESOURCES or not (facts.has_paper_link or title_is_paper):
            url = title_href or facts.url or facts.code or real_links[0].href
            section = self.sections[-1].title if self.sections else ""
            self.result.resources.append(Resource(line, title, url, section))
            return
        if require_title_mark and not self.sections:
            return
        topic = self.topic()
        if topic is None:
            topic = self.default_topic
            title = self.result.title or self.default_topic
            self.result.topics.setdefault(topic, ImportedTopic(topic, title, None))
        self.result.entries.append(TopicEntry(entry, topic))

    # -- block walkers -----------------------------------------------------

    def walk(self, tokens: list[Token]) -> None:
        index = 0
        first_block = True
        while index < len(tokens):
            token = tokens[index]
            line = token.map[0] + 1 if token.map else 0
            if self.progress and index % 500 == 0:
                self.progress(index)
            if token.type == "heading_open":
                self.heading(int(token.tag[1]), tokens[index + 1], line, first_block)
                index += 3
            elif token.type == "table_open":
                end = _matching_close(tokens, index, "table_open", "table_close")
                self.table(tokens[index : end + 1])
                index = end + 1
            elif token.type == "list_item_open" and index in self.consumed:
                index = _matching_close(tokens, index, "list_item_open", "list_item_close") + 1
            elif token.type == "list_item_open":
                self.list_item(tokens, index, line)
                index += 1
            elif token.type == "list_item_close":
                if self.item_topics:
                    self.item_topics.pop()
                index += 1
            elif token.type == "paragraph_open" and not self.item_topics_open(tokens, index):
                inline = tokens[index + 1]
                self.entry(scan_inline(inline.children), line, require_title_mark=True)
                index += 3
            elif token.type == "html_block":
                self.html_block(token.content, line, first_block)
                index += 1
            else:
                index += 1
            if token.type not in {"heading_open"} and token.map:
                first_block = False
            if token.type == "heading_open":
                first_block = False

    def html_block(self, content: str, line: int, first_block: bool) -> None:
        parser = _HtmlEntries()
        parser.feed(content)
        parser.close()
        self.anchors.update(anchor.lower().strip("-") for anchor in parser.ids)
        for chunk in parser.chunks:
            if chunk.heading:
                self.heading_text(chunk.heading, chunk.scan, line, first_block)
            elif chunk.scan.links:
                self.entry(chunk.scan, line, require_title_mark=chunk.tag not in {"li", "tr"})

    def item_topics_open(self, tokens: list[Token], index: int) -> bool:
        return tokens[index].level > 0

    def list_item(self, tokens: list[Token], index: int, line: int) -> None:
        """Read a list item: its own paragraphs, and nested items that only add details.

        A loose item spreads its title, authors and links over several
        paragraphs. Some lists put a paper's code link or authors in
        sub-items such as ``- Code: [official](url)``. Both belong to the
        item. An item without links whose sub-items are entries is a group
        of those entries, and becomes a subtopic.
        """
        end = _matching_close(tokens, index, "list_item_open", "list_item_close")
        level = tokens[index].level
        following = tokens[index + 1]
        if following.type in {"bullet_list_open", "ordered_list_open"}:
            self.warn(line, "doubled list marker; the entry is read as a nested item")
            self.item_topics.append(None)
            return

        own = [
            scan_inline(tokens[position + 1].children)
            for position in range(index + 1, end)
            if tokens[position].type == "paragraph_open" and tokens[position].level == level + 1
        ]
        children = [
            position
            for position in range(index + 1, end)
            if tokens[position].type == "list_item_open" and tokens[position].level == level + 2
        ]
        if not own:
            self.item_topics.append(None)
            return
        scan = _combine(own)
        parent_has_link = any(_is_web_link(link.href) for link in scan.links)
        details: list[tuple[str, InlineScan]] = []
        for position in children:
            detail = _detail_of(_combine(_item_scans(tokens, position)), parent_has_link)
            if detail is not None:
                self.consumed.add(position)
                details.append(detail)
        if details:
            scan = _combine([scan, *[_links_only(detail) for _, detail in details]])
        authors_text = next((_unlabel(d.text) for kind, d in details if kind == "authors"), "")
        venue_text = next((_unlabel(d.text) for kind, d in details if kind == "venue"), "")

        real_links = [link for link in scan.links if _is_web_link(link.href)]
        if children and not details and not real_links and self.kind() is SectionKind.PAPERS:
            title = clean_heading(scan.text)
            topic = self.add_topic(title, self.topic(), line) if title else None
            self.item_topics.append(topic)
            return
        self.item_topics.append(None)
        self.entry(scan, line, authors_text=authors_text, venue_text=venue_text)

    def table(self, tokens: list[Token]) -> None:
        header: list[str] = []
        rows: list[tuple[int, list[InlineScan]]] = []
        current: list[InlineScan] | None = None
        row_line = 0
        in_head = False
        for token in tokens:
            if token.type == "thead_open":
                in_head = True
            elif token.type == "thead_close":
                in_head = False
            elif token.type == "tr_open":
                current = []
                row_line = token.map[0] + 1 if token.map else row_line
            elif token.type == "tr_close" and current is not None:
                if in_head:
                    header = [scan.text for scan in current]
                else:
                    rows.append((row_line, current))
                current = None
            elif token.type == "inline" and current is not None:
                current.append(scan_inline(token.children))

        roles = _column_roles(header)
        for line, cells in rows:
            self.table_row(cells, roles, line)

    def table_row(self, cells: list[InlineScan], roles: dict[str, list[int]], line: int) -> None:
        def cell(role: str) -> InlineScan | None:
            positions = roles.get(role, [])
            return cells[positions[0]] if positions and positions[0] < len(cells) else None

        candidates = [
            cells[position] for position in roles.get("title", []) if position < len(cells)
        ]
        fallback = _title_cell(cells, roles)
        title_scan = next(
            (
                scan
                for scan in [*candidates, fallback]
                if scan is not None and find_title(scan).title
            ),
            None,
        )
        date_cell, venue_cell, authors_cell = cell("date"), cell("venue"), cell("authors")
        self.entry(
            _combine(cells),
            line,
            title_scan=title_scan or InlineScan([Piece("")], [Link("")]),
            dates=(date_cell.text,) if date_cell else (),
            venue_text=venue_cell.text if venue_cell else "",
            authors_text=authors_cell.text if authors_cell else "",
        )

    def check_anchors(self) -> None:
        for line, href in self.anchor_links:
            anchor = href[1:].lower().strip("-")
            if anchor not in self.anchors:
                self.warn(line, f"link {href} points at no section of the list")


def _title_cell(cells: list[InlineScan], roles: dict[str, list[int]]) -> InlineScan | None:
    """Pick the title cell of a table whose title columns give no title.

    The first cell whose link text is a name wins, as in a "Repository &
    Link" column. Otherwise the first cell with words that no other role
    claims is used.
    """
    for scan in cells:
        if any(link.text.strip() and not is_generic_label(link.text) for link in scan.links):
            return scan
    taken = {
        position
        for role in ("date", "venue", "authors", "code")
        for position in roles.get(role, [])
    }
    for index, scan in enumerate(cells):
        if index not in taken and any(character.isalpha() for character in scan.text):
            return scan
    return None


def _column_roles(header: list[str]) -> dict[str, list[int]]:
    """Map each role to its columns, best match first (a "Title" column before a "Name" one)."""
    matches: dict[str, list[tuple[int, int]]] = {}
    claimed: set[int] = set()
    for role, keywords in _COLUMN_WORDS.items():
        for index, text in enumerate(header):
            words = clean_heading(text).casefold()
            rank = next((rank for rank, word in enumerate(keywords) if word in words), None)
            if rank is not None and index not in claimed:
                matches.setdefault(role, []).append((rank, index))
        if role != "title":
            matches[role] = sorted(matches.get(role, []))[:1]
        claimed.update(index for _, index in matches.get(role, []))
    return {role: [index for _, index in sorted(found)] for role, found in matches.items() if found}


def _matching_close(tokens: list[Token], start: int, open_type: str, close_type: str) -> int:
    depth = 0
    for index in range(start, len(tokens)):
        if tokens[index].type == open_type:
            depth += 1
        elif tokens[index].type == close_type:
            depth -= 1
            if depth == 0:
                return index
    return len(tokens) - 1


@dataclass
class _HtmlChunk:
    """A piece of an HTML block: a heading, a list item, a row or a paragraph."""

    tag: str
    scan: InlineScan = field(default_factory=InlineScan)
    heading: int = 0


class _HtmlEntries(HTMLParser):
    """Split an HTML block into headings, list items, rows and paragraphs."""

    _BREAKS = {"li", "tr", "p", "br", "div", "details", "summary", "ul", "ol", "table"}
    _HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[_HtmlChunk] = [_HtmlChunk("div")]
        self.ids: list[str] = []
        self.link: int | None = None
        self.emphasis = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("id", "name"):
            if attributes.get(name):
                self.ids.append(attributes[name])
        scan = self.chunks[-1].scan
        if tag in self._HEADINGS:
            self.chunks.append(_HtmlChunk(tag, heading=self._HEADINGS[tag]))
        elif tag in self._BREAKS:
            self.chunks.append(_HtmlChunk(tag))
        elif tag == "a" and attributes.get("href"):
            scan.links.append(Link(attributes["href"]))
            self.link = len(scan.links) - 1
        elif tag == "img":
            src, alt = attributes.get("src") or "", attributes.get("alt") or ""
            scan.images.append(Image(src, alt, self.link))
        elif tag in {"b", "strong", "em", "i"}:
            self.emphasis += 1

    def handle_endtag(self, tag):
        if tag == "a":
            self.link = None
        elif tag in {"b", "strong", "em", "i"}:
            self.emphasis = max(0, self.emphasis - 1)
        elif tag in self._HEADINGS:
            self.chunks.append(_HtmlChunk("div"))

    def handle_data(self, data):
        scan = self.chunks[-1].scan
        scan.pieces.append(Piece(data, self.link, self.emphasis > 0))
        if self.link is not None and self.link < len(scan.links):
            scan.links[self.link].text += data


_DETAIL_LABEL = re.compile(
    r"^\W*(code|codes|authors?|keywords?|datasets?|tasks?|paper|pdf|links?|venue|conference|"
    r"blog|project(?: page)?|abstract|tl;?dr|summary|notes?|github|website|slides|video)\s*[:：]",
    re.IGNORECASE,
)


def _is_web_link(href: str) -> bool:
    return href.strip().lower().startswith(("http://", "https://"))


def _is_local_link(href: str) -> bool:
    return href.strip().lower().startswith(("#", "mailto:", "javascript:")) or not href.strip()


def _item_scans(tokens: list[Token], index: int) -> list[InlineScan]:
    end = _matching_close(tokens, index, "list_item_open", "list_item_close")
    return [
        scan_inline(tokens[position].children)
        for position in range(index + 1, end)
        if tokens[position].type == "inline"
    ]


_AUTHOR_LABELS = {"author", "authors"}
_VENUE_LABELS = {"venue", "conference"}


def _detail_of(scan: InlineScan, parent_has_link: bool) -> tuple[str, InlineScan] | None:
    """Classify a nested item that only adds details to its parent, or return None.

    Details are labelled lines (``Code: ...``, ``Authors: ...``), a line of
    bare links, and, under a parent that has its link, a line without
    links (usually the authors).
    """
    text = scan.text.strip()
    has_web = any(_is_web_link(link.href) for link in scan.links)
    label = _DETAIL_LABEL.match(text)
    if label:
        word = label.group(1).lower()
        if word in _AUTHOR_LABELS:
            return "authors", scan
        if word in _VENUE_LABELS:
            return "venue", scan
        return "other", scan
    words = text
    for link in scan.links:
        words = words.replace(link.text.strip(), " ").replace(link.href, " ")
    if has_web and not any(character.isalpha() for character in words):
        return "links", scan
    if not has_web and parent_has_link and text:
        return "authors", scan
    return None


def _fallback_url(links: list[Link]) -> str:
    """Return the first link that is not a code repository, else the first link."""
    for link in links:
        if link_kind(link.href) is not LinkKind.CODE:
            return link.href
    return links[0].href


def _links_only(scan: InlineScan) -> InlineScan:
    """Keep a detail's links and images but none of its loose text."""
    return InlineScan(
        [piece for piece in scan.pieces if piece.link is not None], scan.links, scan.images
    )


def _unlabel(text: str) -> str:
    return _DETAIL_LABEL.sub("", text).strip()


def _combine(scans: list[InlineScan]) -> InlineScan:
    """Join scans into one, renumbering link references."""
    combined = InlineScan()
    for scan in scans:
        offset = len(combined.links)
        combined.links.extend(Link(link.href, link.text) for link in scan.links)
        combined.images.extend(
            Image(image.src, image.alt, None if image.link is None else image.link + offset)
            for image in scan.images
        )
        combined.pieces.extend(
            Piece(piece.text, None if piece.link is None else piece.link + offset, piece.emphasized)
            for piece in scan.pieces
        )
        combined.pieces.append(Piece(" "))
    return combined


def parse_awesome_list(
    text: str, default_topic: str, progress: Callable[[int], None] | None = None
) -> ParsedList:
    """Parse the Markdown ``text`` of an awesome list.

    ``default_topic`` is the topic for entries that appear before any
    heading. ``progress``, if given, is called with the number of tokens
    read so far.
    """
    tokens = _markdown().parse(text)
    walker = _Walker(default_topic, progress)
    walker.walk(tokens)
    walker.check_anchors()
    return walker.result


def token_count(text: str) -> int:
    """Return how many block tokens ``text`` parses into, for a progress bar."""
    return len(_markdown().parse(text))
