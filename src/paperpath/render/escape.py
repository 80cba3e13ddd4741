"""Escape untrusted catalog text for the formats paperpath writes."""

from __future__ import annotations

import re
from urllib.parse import quote

# Characters that start Markdown inline syntax (emphasis, links, code,
# tables, strikethrough) or raw HTML. Escaping them keeps catalog text
# literal wherever it lands, including inside a table cell or a link label.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_URL_SAFE = "/:?#@!$&'*+,;=%-._~"


class Markdown(str):
    """Text that is already Markdown and must not be escaped again."""


def one_line(text: str) -> str:
    """Collapse line breaks and runs of whitespace, and drop control characters."""
    return " ".join(_CONTROL.sub("", text).split())


def escape_markdown(text: str) -> str:
    """Return ``text`` as literal Markdown inline content on one line.

    >>> escape_markdown("A <b>|</b> [x](y) *z*")
    'A &lt;b&gt;\\\\|&lt;/b&gt; \\\\[x\\\\](y) \\\\*z\\\\*'
    """
    if isinstance(text, Markdown):
        return text
    text = one_line(str(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def escape_url(url: str) -> str:
    """Percent-encode characters that would end a Markdown link destination."""
    return quote(one_line(url), safe=_URL_SAFE)


def plain_text(text: str) -> str:
    """Return ``text`` on one line without control characters, for a terminal."""
    return one_line(str(text))
