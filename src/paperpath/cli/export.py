"""``paperpath export``: write the papers of a reading order as BibTeX or CSL-JSON."""

from __future__ import annotations

from pathlib import Path

import click

from paperpath.cli.options import (
    catalog_option,
    known_options,
    load_checked_catalog,
    output_option,
    read_known,
)
from paperpath.errors import PaperpathError
from paperpath.output import emit, wrote_file
from paperpath.render.counts import count_noun

EXPORT_FORMATS = ("bibtex", "csl-json")


@click.command()
@click.argument("targets", nargs=-1, required=True)
@click.option(
    "--format",
    "export_format",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="bibtex for BibTeX and biber, csl-json for Zotero, Pandoc and other CSL processors.",
)
@known_options
@output_option
@catalog_option
def export(
    targets: tuple[str, ...],
    export_format: str,
    known: tuple[str, ...],
    known_file: Path | None,
    output: Path | None,
    catalog_dir: Path | None,
) -> None:
    """Export the papers to read for TARGETS as BibTeX or CSL-JSON.

    The papers are the ones 'paperpath path' lists for the same targets and
    known papers, in the same reading order. Each citation key joins the
    first author's family name, the year and the first significant title
    word, such as rafailov2023direct.

    \b
    Example:
      paperpath export dpo --format bibtex -o dpo.bib
      paperpath export grpo --known ppo --format csl-json -o grpo.json
    """
    from paperpath.plan import plan_reading_order
    from paperpath.render.exports import citation_keys, render_bibtex, render_csl_json

    catalog = load_checked_catalog(catalog_dir)
    known_ids = read_known(known, known_file)
    order = plan_reading_order(catalog, targets, known_ids)
    papers = [entry.paper for entry in order.entries]
    if not papers:
        raise PaperpathError("every target is already read; there is nothing to export")
    # Keys are made unique over the whole catalog, so a paper keeps its key
    # whatever else an export contains.
    keys = citation_keys(sorted(catalog.papers.values(), key=lambda paper: paper.id))
    render = render_bibtex if export_format == "bibtex" else render_csl_json
    emit(render(papers, keys), output)
    if wrote_file(output):
        click.echo(f"wrote {output} ({count_noun(len(papers), 'paper')})", err=True)
