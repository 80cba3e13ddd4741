"""Load Jinja2 templates from the bundled templates folder.

Markdown templates escape every ``{{ value }}`` through ``finalize``, the
way HTML autoescaping works: catalog text is untrusted, and a title with
``|``, ``[`` or ``<script>`` must stay literal text. Values that are
already Markdown are wrapped in :class:`~paperpath.render.escape.Markdown`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from paperpath.render.escape import Markdown, escape_markdown, escape_url
from paperpath.render.labels import alias_and_year
from paperpath.resources import templates_dir


def _finalize_markdown(value: Any) -> str:
    if isinstance(value, Markdown):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return escape_markdown("" if value is None else str(value))


def template_loader(override: Path | None = None) -> jinja2.BaseLoader:
    """Return a loader that looks in ``override`` first, then in the bundled templates."""
    folders = [str(override)] if override is not None else []
    return jinja2.FileSystemLoader([*folders, str(templates_dir())])


@cache
def html_environment(override: Path | None = None) -> jinja2.Environment:
    """Return the Jinja2 environment for HTML templates, with autoescaping on."""
    return jinja2.Environment(
        loader=template_loader(override),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _markdown_environment(override: Path | None = None) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=template_loader(override),
        finalize=_finalize_markdown,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["url"] = lambda value: Markdown(escape_url(value))
    environment.globals["alias_and_year"] = alias_and_year
    return environment


def render_markdown_template(
    name: str, context: dict[str, Any], override: Path | None = None
) -> str:
    """Render the Markdown template ``name`` with every value escaped.

    A template of the same name in ``override`` replaces the bundled one.
    """
    return _markdown_environment(override).get_template(name).render(**context)
