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

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

from paperpath.importers.entry import (
    ListEntry,
    Warning_,
    authors_from_text,
    find_title,
    is_generic_label,
    read_links,
    venue_from_text,
    year_from_text,
)
from paperpath.importers.inline import Image, InlineScan, Link, Piece, scan_inline
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
    warnings: list[Warning_] = field(default_factory=list)
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
        scan = scan_inline(inline.children)
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
        self.result.warnings.append(Warning_(line, message))

    def note_anchors(self, scan: InlineScan, line: int) -> None:
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
        self.note_anchors(scan, line)
        kind = self.kind()
        if kind is SectionKind.SKIPPED:
            return
        real_links = [
            link
            for link in scan.links
            if link.href and not link.href.startswith(("#", "mailto:", "javascript:"))
        ]
        title, title_link, tail = find_title(title_scan or scan)
        if require_title_mark and (title_link is not None or not tail and not title):
            return
        if not real_links:
            if kind is SectionKind.PAPERS and title and not require_title_mark:
                self.warn(line, f"entry '{title}' has no link; skipped")
            return
        if not title:
            self.warn(line, "entry has links but no title; skipped")
            return

        facts = read_links(real_links, scan.images, dates)
        for message in facts.warnings:
            self.warn(line, message)
        entry = ListEntry(
            line=line,
            title=title,
            url=facts.url,
            arxiv=facts.arxiv,
            year=facts.date.year if facts.date else year_from_text(tail),
            month=facts.date.month if facts.date else None,
            venue=venue_text.strip() or venue_from_text(tail) or facts.venue,
            code=facts.code,
            authors=authors_from_text(authors_text or tail),
        )
        if kind is SectionKind.RESOURCES or not facts.has_paper_link:
            url = facts.url or facts.code or real_links[0].href
            section = self.sections[-1].title if self.sections else ""
            self.result.resources.append(Resource(line, title, url, section))
            return
        if require_title_mark and not self.sections:
            return
        self.result.entries.append(TopicEntry(entry, self.topic() or self.default_topic))

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
                for scan in _html_scans(token.content):
                    self.entry(scan, line)
                index += 1
            else:
                index += 1
            if token.type not in {"heading_open"} and token.map:
                first_block = False
            if token.type == "heading_open":
                first_block = False

    def item_topics_open(self, tokens: list[Token], index: int) -> bool:
        return tokens[index].level > 0

    def list_item(self, tokens: list[Token], index: int, line: int) -> None:
        following = tokens[index + 1]
        if following.type in {"bullet_list_open", "ordered_list_open"}:
            self.warn(line, "doubled list marker; the entry is read as a nested item")
            self.item_topics.append(None)
            return
        if following.type != "paragraph_open":
            self.item_topics.append(None)
            return
        scan = scan_inline(tokens[index + 2].children)
        after = tokens[index + 4] if index + 4 < len(tokens) else None
        has_nested = after is not None and after.type in {"bullet_list_open", "ordered_list_open"}
        real_links = [link for link in scan.links if not link.href.startswith("#")]
        if has_nested and not real_links and self.kind() is SectionKind.PAPERS:
            title = clean_heading(scan.text)
            topic = self.add_topic(title, self.topic(), line) if title else None
            self.item_topics.append(topic)
            return
        self.item_topics.append(None)
        self.entry(scan, line)

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

    def table_row(self, cells: list[InlineScan], roles: dict[str, int], line: int) -> None:
        def cell(role: str) -> InlineScan | None:
            position = roles.get(role)
            return cells[position] if position is not None and position < len(cells) else None

        combined = InlineScan()
        for scan in cells:
            offset = len(combined.links)
            combined.links.extend(scan.links)
            combined.images.extend(
                Image(image.src, image.alt, None if image.link is None else image.link + offset)
                for image in scan.images
            )
            combined.pieces.extend(
                Piece(
                    piece.text,
                    None if piece.link is None else piece.link + offset,
                    piece.emphasized,
                )
                for piece in scan.pieces
            )
            combined.pieces.append(Piece(" "))

        title_scan = cell("title") or _title_cell(cells, roles)
        date_cell, venue_cell, authors_cell = cell("date"), cell("venue"), cell("authors")
        self.entry(
            combined,
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


def _title_cell(cells: list[InlineScan], roles: dict[str, int]) -> InlineScan | None:
    """Pick the title cell of a table without a title column.

    The first cell whose link text is a name wins, as in a "Repository &
    Link" column. Otherwise the first cell with words that no other role
    claims is used.
    """
    for scan in cells:
        if any(link.text.strip() and not is_generic_label(link.text) for link in scan.links):
            return scan
    taken = {roles[role] for role in ("date", "venue", "authors", "code") if role in roles}
    for index, scan in enumerate(cells):
        if index not in taken and any(character.isalpha() for character in scan.text):
            return scan
    return None


def _column_roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for index, text in enumerate(header):
        words = clean_heading(text).casefold()
        for role, keywords in _COLUMN_WORDS.items():
            if role not in roles and any(keyword in words for keyword in keywords):
                roles[role] = index
                break
    return roles


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


class _HtmlEntries(HTMLParser):
    """Split an HTML block into list items, rows and paragraphs, each a scan."""

    _BREAKS = {"li", "tr", "p", "br", "div"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scans: list[InlineScan] = [InlineScan()]
        self.link: int | None = None
        self.emphasis = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        scan = self.scans[-1]
        if tag in self._BREAKS:
            self.scans.append(InlineScan())
        elif tag == "a":
            scan.links.append(Link(attributes.get("href") or ""))
            self.link = len(scan.links) - 1
        elif tag == "img":
            scan.images.append(
                Image(attributes.get("src") or "", attributes.get("alt") or "", self.link)
            )
        elif tag in {"b", "strong", "em", "i"}:
            self.emphasis += 1

    def handle_endtag(self, tag):
        if tag == "a":
            self.link = None
        elif tag in {"b", "strong", "em", "i"}:
            self.emphasis = max(0, self.emphasis - 1)

    def handle_data(self, data):
        scan = self.scans[-1]
        scan.pieces.append(Piece(data, self.link, self.emphasis > 0))
        if self.link is not None and self.link < len(scan.links):
            scan.links[self.link].text += data


def _html_scans(content: str) -> list[InlineScan]:
    parser = _HtmlEntries()
    parser.feed(content)
    parser.close()
    return [scan for scan in parser.scans if scan.links]


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
