"""Load Jinja2 templates from the bundled templates folder.

Markdown templates escape every ``{{ value }}`` through ``finalize``, the
way HTML autoescaping works: catalog text is untrusted, and a title with
``|``, ``[`` or ``<script>`` must stay literal text. Values that are
already Markdown are wrapped in :class:`~paperpath.render.escape.Markdown`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from paperpath.render.escape import Markdown, escape_markdown, escape_url
from paperpath.resources import templates_dir


def _finalize_markdown(value: Any) -> str:
    if isinstance(value, Markdown):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return escape_markdown("" if value is None else str(value))


@cache
def _markdown_environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        finalize=_finalize_markdown,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["url"] = lambda value: Markdown(escape_url(value))
    return environment


def render_markdown_template(name: str, context: dict[str, Any]) -> str:
    """Render the Markdown template ``name`` with every value escaped."""
    return _markdown_environment().get_template(name).render(**context)
