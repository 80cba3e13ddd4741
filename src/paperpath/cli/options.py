"""Options shared by several commands, and catalog loading for commands."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from paperpath.errors import CatalogError, PaperpathError
from paperpath.resources import bundled_catalog_dir

if TYPE_CHECKING:
    from paperpath.catalog import Catalog, LoadResult

catalog_option = click.option(
    "--catalog",
    "catalog_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    envvar="PAPERPATH_CATALOG",
    help="Catalog folder to use instead of the bundled one (also PAPERPATH_CATALOG).",
)

output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, readable=False, allow_dash=True, path_type=Path),
    help="Write to this file (atomically) instead of standard output; - is standard output.",
)


def known_options(function):
    """Add ``--known`` and ``--known-file``, the papers a reader has already read."""
    function = click.option(
        "--known-file",
        type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path),
        help="File of papers already read, one id, alias or topic per line; "
        "- reads standard input.",
    )(function)
    return click.option(
        "--known",
        multiple=True,
        metavar="ID",
        help="A paper already read, by id or alias, or a topic whose papers are all read "
        "(repeatable).",
    )(function)


def read_known(known: tuple[str, ...], known_file: Path | None) -> list[str]:
    """Return the ids given with ``--known`` followed by those in ``--known-file``."""
    return list(known) + (read_known_file(known_file) if known_file else [])


def read_known_file(path: Path) -> list[str]:
    """Return the ids in a known-papers file, one per line, skipping blanks and # comments.

    The path ``-`` reads standard input.
    """
    try:
        if str(path) == "-":
            text = sys.stdin.buffer.read().decode("utf-8")
        else:
            text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise PaperpathError(f"{path}: the file is not valid UTF-8; save it as UTF-8") from error
    except OSError as error:
        raise PaperpathError(f"{path}: cannot read the file: {error.strerror}") from error
    ids = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            ids.append(entry)
    return ids


def load_selected_catalog(catalog_dir: Path | None) -> LoadResult:
    """Load the catalog in ``catalog_dir``, or the bundled one when it is None.

    Problems in the bundled catalog name files as ``data/...``, their place
    in the source repository, wherever the package is installed. A cache
    keyed on the files' contents (:mod:`paperpath.catalog.cache`) skips
    validation when the catalog has not changed.
    """
    from paperpath.catalog.cache import load_catalog_cached

    # A command keeps its catalog until the process ends, so the cyclic
    # garbage collector stays off while it loads and then leaves the loaded
    # objects alone for good (gc.freeze). Otherwise the first collection
    # after loading, and each full one while the graph and order are built,
    # scans every paper again: 3 of 7 seconds of `paperpath path` on
    # 100,000 papers.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        if catalog_dir is None:
            return load_catalog_cached(bundled_catalog_dir(), display_root="data")
        return load_catalog_cached(catalog_dir)
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def load_checked_catalog(catalog_dir: Path | None) -> Catalog:
    """Load and validate the catalog; raise CatalogError if it has errors.

    Warnings do not stop the command. One line on stderr reports how many
    there are and how to list them.
    """
    result = load_selected_catalog(catalog_dir)
    if result.errors:
        raise CatalogError(result.problems)
    if result.warnings:
        count = len(result.warnings)
        noun = "warning" if count == 1 else "warnings"
        click.echo(
            f"paperpath: the catalog has {count} {noun}; run 'paperpath check' to list them",
            err=True,
        )
    return result.catalog


def render_catalog_pdf(
    html: str, catalog: Catalog, catalog_dir: Path | None, template_dir: Path | None
) -> bytes:
    """Print ``html`` to PDF in the sandbox: only the templates and the catalog are readable.

    Fetch rejections and missing glyphs are printed as warnings on stderr.
    """
    from datetime import UTC, datetime

    from paperpath.render.pdf import render_pdf
    from paperpath.resources import bundled_catalog_dir, templates_dir

    allowed = [templates_dir(), catalog_dir or bundled_catalog_dir()]
    if template_dir is not None:
        allowed.append(template_dir)
    # Embedded fonts carry a date; the newest paper's year keeps it the same on every run.
    newest = max((paper.year or 1970 for paper in catalog.papers.values()), default=1970)
    timestamp = int(datetime(newest, 1, 1, tzinfo=UTC).timestamp())
    return render_pdf(
        html,
        allowed,
        lambda message: click.echo(f"paperpath: warning: {message}", err=True),
        timestamp,
    )
