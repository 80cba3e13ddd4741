"""``paperpath guide``: write a study guide as PDF, HTML or Markdown."""

from __future__ import annotations

from pathlib import Path

import click

from paperpath.cli.options import (
    catalog_option,
    known_options,
    load_checked_catalog,
    read_known,
    render_catalog_pdf,
)
from paperpath.cli.progress_options import load_read_dates, use_progress_option, wants_progress
from paperpath.errors import PaperpathError
from paperpath.output import emit_bytes, write_bytes_atomic

GUIDE_FORMATS = ("pdf", "html", "md")


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
@click.option(
    "--format",
    "output_format",
    type=click.Choice(GUIDE_FORMATS),
    help="Format, when the file name does not say.",
)
@known_options
@use_progress_option("Tick off the papers marked read with 'paperpath done', with their dates.")
@click.option(
    "--paper-size",
    type=click.Choice(["a4", "letter"]),
    default="a4",
    show_default=True,
    help="PDF page size.",
)
@click.option("--no-diagram", is_flag=True, help="Markdown: leave out the Mermaid diagram.")
@click.option(
    "--template-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder whose guide.html.j2 or guide.md.j2 replaces the bundled template.",
)
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
    import jinja2

    from paperpath.graph import prerequisite_graph
    from paperpath.plan import plan_reading_order
    from paperpath.render.guide import render_guide_html, render_guide_markdown

    to_stdout = str(output) == "-"
    suffix = "" if to_stdout else output.suffix.lstrip(".").lower()
    if output_format and suffix in GUIDE_FORMATS and suffix != output_format:
        raise click.UsageError(f"--format {output_format} does not match the file name {output}")
    chosen = output_format or suffix
    if chosen not in GUIDE_FORMATS:
        raise click.UsageError(
            f"cannot tell the format of {output}; name it .pdf, .html or .md, or give --format"
        )
    catalog = load_checked_catalog(catalog_dir)
    known_ids = read_known(known, known_file)
    graph = prerequisite_graph(catalog)
    order = plan_reading_order(catalog, targets, known_ids, graph=graph)
    if not order.entries:
        raise PaperpathError("every target is already read; there is nothing to put in a guide")
    read_on = None
    if wants_progress(use_progress, progress_file):
        read_on = load_read_dates(catalog, progress_file)

    try:
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
    except jinja2.TemplateSyntaxError as error:
        raise PaperpathError(
            f"template {error.filename or error.name}:{error.lineno}: {error.message}; "
            "fix the template"
        ) from error
    except jinja2.TemplateError as error:
        raise PaperpathError(f"template failed: {error}; fix the template") from error
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as error:
        if template_dir is None:
            raise
        raise PaperpathError(
            f"a template in {template_dir} failed: {type(error).__name__}: {error}; "
            "fix the template"
        ) from error

    if to_stdout:
        emit_bytes(data)
        return
    write_bytes_atomic(output, data)
    click.echo(f"wrote {output} ({len(order.entries)} papers)", err=True)
