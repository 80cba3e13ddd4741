"""Flatten the inline tokens of one list item, table cell or paragraph.

markdown-it parses ``**Title** [[Paper]](url) ![](badge)`` into a stream of
tokens; :func:`scan_inline` turns that stream into text pieces (with the
link they sit in and whether they are emphasized), links with their text,
and images. Inline HTML anchors, images and emphasis count like their
Markdown forms, and other tags such as ``<sup>`` are dropped from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

from markdown_it.token import Token

_TAG = re.compile(r"^<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>$", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_EMPHASIS_TAGS = {"b", "strong", "i", "em"}
# A bare web address in text, which CommonMark leaves as plain text.
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:!?]")


@dataclass
class Piece:
    """Text, the link it sits in (if any), and whether it is emphasized."""

    text: str
    link: int | None = None
    emphasized: bool = False


@dataclass
class Link:
    href: str
    text: str = ""


@dataclass
class Image:
    src: str
    alt: str
    link: int | None = None


@dataclass
class InlineScan:
    """The pieces, links and images of one inline run, in order."""

    pieces: list[Piece] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # id and name attributes of inline HTML

    @property
    def text(self) -> str:
        return " ".join("".join(piece.text for piece in self.pieces).split())


def _attributes(text: str) -> dict[str, str]:
    return {
        match.group(1).lower(): unescape(match.group(2) or match.group(3) or match.group(4) or "")
        for match in _ATTRIBUTE.finditer(text)
    }


def scan_inline(children: list[Token] | None) -> InlineScan:
    """Flatten inline tokens into pieces, links and images."""
    scan = InlineScan()
    link_stack: list[int] = []
    emphasis = 0

    def current_link() -> int | None:
        return link_stack[-1] if link_stack else None

    def add_text(text: str) -> None:
        scan.pieces.append(Piece(text, current_link(), emphasis > 0))
        if link_stack:
            scan.links[link_stack[-1]].text += text

    def open_link(href: str) -> None:
        scan.links.append(Link(href))
        link_stack.append(len(scan.links) - 1)

    for token in children or []:
        kind = token.type
        if kind == "text" and not link_stack and _BARE_URL.search(token.content):
            _add_text_with_urls(token.content, add_text, open_link, link_stack)
        elif kind in {"text", "code_inline"}:
            add_text(token.content)
        elif kind in {"softbreak", "hardbreak"}:
            add_text(" ")
        elif kind == "link_open":
            open_link(str(token.attrGet("href") or ""))
        elif kind == "link_close" and link_stack:
            link_stack.pop()
        elif kind in {"strong_open", "em_open"}:
            emphasis += 1
        elif kind in {"strong_close", "em_close"}:
            emphasis = max(0, emphasis - 1)
        elif kind == "image":
            scan.images.append(
                Image(str(token.attrGet("src") or ""), token.content, current_link())
            )
        elif kind == "html_inline":
            emphasis = _html_tag(token.content, scan, link_stack, emphasis, open_link, add_text)
    return scan


def _add_text_with_urls(text, add_text, open_link, link_stack) -> None:
    position = 0
    for match in _BARE_URL.finditer(text):
        if match.start() > position:
            add_text(text[position : match.start()])
        open_link(match.group(0))
        add_text(match.group(0))
        link_stack.pop()
        position = match.end()
    if position < len(text):
        add_text(text[position:])


def _html_tag(content, scan, link_stack, emphasis, open_link, add_text) -> int:
    match = _TAG.match(content.strip())
    if match is None:
        return emphasis
    closing, name, rest = match.group(1) == "/", match.group(2).lower(), match.group(3)
    attributes = _attributes(rest)
    scan.anchors += [attributes[key] for key in ("id", "name") if attributes.get(key)]
    if name == "a" and not closing and "href" not in attributes:
        return emphasis  # a named anchor, not a link
    if name == "a":
        if closing:
            if link_stack:
                link_stack.pop()
        else:
            open_link(_attributes(rest).get("href", ""))
    elif name == "img" and not closing:
        attributes = _attributes(rest)
        link = link_stack[-1] if link_stack else None
        scan.images.append(Image(attributes.get("src", ""), attributes.get("alt", ""), link))
    elif name == "br":
        add_text(" ")
    elif name in _EMPHASIS_TAGS:
        return max(0, emphasis - 1) if closing else emphasis + 1
    return emphasis
