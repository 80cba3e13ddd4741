"""``paperpath check`` and ``paperpath schema``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from paperpath.cli.options import catalog_option, load_selected_catalog
from paperpath.render.counts import count_noun


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
    result = load_selected_catalog(catalog_dir)
    problems = [problem.as_error() for problem in result.problems] if strict else result.problems
    for problem in problems:
        click.echo(problem.format())

    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    click.echo(
        f"checked {count_noun(result.papers_checked, 'paper')} and "
        f"{count_noun(result.topics_checked, 'topic')}: "
        f"{count_noun(errors, 'error')}, {count_noun(warnings, 'warning')}"
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
    from paperpath.catalog.models import CatalogFile

    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    schema.update(CatalogFile.model_json_schema())
    click.echo(json.dumps(schema, indent=2))
