"""``paperpath guide``: write a study guide as PDF, HTML or Markdown."""

from __future__ import annotations

from pathlib import Path

import click

from paperpath.cli.documents import (
    chosen_format,
    document_options,
    template_errors,
    write_document,
)
from paperpath.cli.options import (
    catalog_option,
    known_options,
    load_checked_catalog,
    read_known,
    render_catalog_pdf,
)
from paperpath.cli.progress_options import load_read_dates, use_progress_option, wants_progress
from paperpath.errors import PaperpathError
from paperpath.render.counts import count_noun


@click.command()
@click.argument("targets", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, readable=False, allow_dash=True, path_type=Path),
    help="File to write; its extension (.pdf, .html, .md) chooses the format. "
    "- writes to standard output, with --format.",
)
@known_options
@use_progress_option("Tick off the papers marked read with 'paperpath done', with their dates.")
@document_options("guide")
@catalog_option
def guide(
    targets: tuple[str, ...],
    output: Path,
    output_format: str | None,
    known: tuple[str, ...],
    known_file: Path | None,
    use_progress: bool,
    progress_file: Path | None,
    paper_size: str,
    no_diagram: bool,
    template_dir: Path | None,
    catalog_dir: Path | None,
) -> None:
    """Write a study guide for TARGETS: cover, graph picture, contents, one section per paper.

    --progress keeps the papers marked read in the guide and ticks their
    check boxes, so the guide stays a record of the whole path; --known
    leaves papers out.

    \b
    Example:
      paperpath guide dpo -o dpo.pdf
      paperpath guide tree-search -o tree-search.html
      paperpath guide grpo --known ppo -o grpo.md
      paperpath guide dpo --progress -o dpo.html
    """
    from paperpath.graph import prerequisite_graph
    from paperpath.plan import plan_reading_order
    from paperpath.render.guide import render_guide_html, render_guide_markdown

    chosen = chosen_format(output, output_format)
    catalog = load_checked_catalog(catalog_dir)
    known_ids = read_known(known, known_file)
    graph = prerequisite_graph(catalog)
    order = plan_reading_order(catalog, targets, known_ids, graph=graph)
    if not order.entries:
        raise PaperpathError("every target is already read; there is nothing to put in a guide")
    read_on = None
    if wants_progress(use_progress, progress_file):
        read_on = load_read_dates(catalog, progress_file)

    with template_errors(template_dir):
        if chosen == "md":
            data = render_guide_markdown(
                catalog,
                graph,
                order,
                diagram=not no_diagram,
                template_dir=template_dir,
                read_on=read_on,
            ).encode()
        else:
            html = render_guide_html(
                catalog,
                graph,
                order,
                paper_size=paper_size,
                template_dir=template_dir,
                read_on=read_on,
            )
            data = (
                html.encode()
                if chosen == "html"
                else render_catalog_pdf(html, catalog, catalog_dir, template_dir)
            )

    write_document(output, data, count_noun(len(order.entries), "paper"))
