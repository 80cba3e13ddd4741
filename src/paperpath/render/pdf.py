"""Print an HTML study guide to PDF with WeasyPrint, fetching nothing from outside.

Catalog text is untrusted. The URL fetcher given to WeasyPrint serves
``data:`` URLs and files inside the allowed folders (the templates and the
catalog) and refuses everything else, network URLs included. A refused
fetch is reported as a warning, and the document is still produced.
WeasyPrint is imported here only, so commands that make no PDF do not pay
its start-up time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit


def _permitted(url: str, roots: list[Path]) -> bool:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return True
    if scheme == "file":
        path = Path(unquote(parts.path)).resolve()
        return any(path.is_relative_to(root) for root in roots)
    return False


def sandboxed_fetcher(allowed: Iterable[Path], warn: Callable[[str], None]):
    """Return a WeasyPrint URL fetcher limited to ``data:`` URLs and files under ``allowed``.

    WeasyPrint 68 and later take a :class:`weasyprint.URLFetcher`; older
    releases take a function. Both forms reject the same URLs.
    """
    import weasyprint

    roots = [folder.resolve() for folder in allowed]

    def reject(url: str) -> None:
        warn(f"refused to fetch {url}: study guides load nothing from the network or other folders")
        raise ValueError(f"fetching {url} is not allowed")

    if hasattr(weasyprint, "URLFetcher"):

        class SandboxedFetcher(weasyprint.URLFetcher):
            def fetch(self, url, headers=None):
                if not _permitted(url, roots):
                    reject(url)
                return super().fetch(url, headers)

        return SandboxedFetcher()

    def fetch(url: str, *args, **kwargs):
        if not _permitted(url, roots):
            reject(url)
        return weasyprint.default_url_fetcher(url, *args, **kwargs)

    return fetch


def render_pdf(
    html: str, allowed: Iterable[Path], warn: Callable[[str], None], timestamp: int = 0
) -> bytes:
    """Return the PDF bytes of ``html``, fetching only what :func:`sandboxed_fetcher` allows.

    ``timestamp`` (seconds since 1970) fills the dates that font subsetting
    writes into embedded fonts, through the reproducible-builds variable
    SOURCE_DATE_EPOCH unless the caller has set it, so that the same input
    gives the same bytes.
    """
    import os

    from weasyprint import HTML

    # The fetcher already warns about each rejected URL, so WeasyPrint's log is
    # kept off the terminal. Its missing-glyph records become one warning.
    logger = logging.getLogger("weasyprint")
    glyphs = _MissingGlyphs()
    saved = (logger.level, logger.propagate, logger.handlers[:])
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.handlers[:] = [glyphs]
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(timestamp))
    try:
        document = HTML(string=html, url_fetcher=sandboxed_fetcher(allowed, warn), base_url=None)
        pdf = document.write_pdf()
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        logger.handlers[:] = saved[2]
    if glyphs.codepoints:
        warn(missing_glyphs_message(glyphs.codepoints))
    return pdf


def missing_glyphs_message(codepoints: Iterable[int], max_listed: int = 8) -> str:
    """Return the warning for characters that no installed font can draw."""
    ordered = sorted(set(codepoints))
    listed = ", ".join(_describe(code) for code in ordered[:max_listed])
    more = f" and {len(ordered) - max_listed} more" if len(ordered) > max_listed else ""
    return (
        f"no installed font has {listed}{more}; the PDF shows them as empty boxes. "
        "Install a font that covers them (on Debian and Ubuntu, fonts-noto-cjk covers Chinese, "
        "Japanese and Korean, fonts-noto-core most other scripts and fonts-noto-color-emoji "
        "emoji) or add one with @font-face in a --template-dir"
    )


class _MissingGlyphs(logging.Handler):
    """Collect the code points WeasyPrint reports as drawn with the .notdef glyph."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.codepoints: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if str(record.msg).startswith(".notdef glyph") and len(record.args or ()) == 2:
            self.codepoints.add(int(record.args[1]))


def _describe(code: int) -> str:
    character = chr(code)
    return f"{character} (U+{code:04X})" if character.isprintable() else f"U+{code:04X}"
