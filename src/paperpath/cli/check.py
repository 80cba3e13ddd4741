"""``paperpath check`` and ``paperpath schema``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from paperpath.catalog import CatalogFile, load_catalog
from paperpath.cli.options import catalog_option
from paperpath.resources import bundled_catalog_dir


@click.command()
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@catalog_option
def check(strict: bool, catalog_dir: Path | None) -> None:
    """Validate the catalog and list every problem with its file and line.

    Exits with 0 when the catalog is clean, 1 when it has errors (or, with
    --strict, warnings).

    \b
    Example:
      paperpath check --strict --catalog my-catalog/
    """
    result = load_catalog(catalog_dir or bundled_catalog_dir())
    problems = [problem.as_error() for problem in result.problems] if strict else result.problems
    for problem in problems:
        click.echo(problem.format())

    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    catalog = result.catalog
    click.echo(
        f"checked {len(catalog.papers)} papers and {len(catalog.topics)} topics: "
        f"{errors} {'error' if errors == 1 else 'errors'}, "
        f"{warnings} {'warning' if warnings == 1 else 'warnings'}"
    )
    if errors:
        raise SystemExit(1)


@click.command()
def schema() -> None:
    """Print the JSON Schema of a catalog file, for editors that validate YAML.

    \b
    Example:
      paperpath schema > catalog.schema.json
    """
    click.echo(json.dumps(CatalogFile.model_json_schema(), indent=2))
