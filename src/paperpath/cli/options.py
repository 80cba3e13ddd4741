"""Options shared by several commands, and catalog loading for commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from paperpath.errors import CatalogError
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


def load_selected_catalog(catalog_dir: Path | None) -> LoadResult:
    """Load the catalog in ``catalog_dir``, or the bundled one when it is None.

    Problems in the bundled catalog name files as ``data/...``, their place
    in the source repository, wherever the package is installed.
    """
    from paperpath.catalog import load_catalog

    if catalog_dir is None:
        return load_catalog(bundled_catalog_dir(), display_root="data")
    return load_catalog(catalog_dir)


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
