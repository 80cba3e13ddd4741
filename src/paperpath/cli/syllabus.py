"""``paperpath syllabus``: write a course syllabus as PDF, HTML or Markdown."""

from __future__ import annotations

from pathlib import Path

import click

from paperpath.cli.documents import (
    chosen_format,
    document_options,
    template_errors,
    write_document,
)
from paperpath.cli.options import catalog_option, load_checked_catalog
from paperpath.cli.progress_options import load_read_dates, use_progress_option, wants_progress
from paperpath.errors import PaperpathError
from paperpath.render.counts import count_noun


@click.command()
@click.argument("curriculum", required=False, metavar="NAME|FILE")
@click.option("--list", "list_curricula", is_flag=True, help="List the bundled curricula.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, readable=False, allow_dash=True, path_type=Path),
    help="File to write; its extension (.pdf, .html, .md) chooses the format. "
    "- writes to standard output, with --format.",
)
@click.option(
    "--weeks",
    type=click.IntRange(min=1),
    help="Number of weeks, replacing the curriculum's 'weeks'.",
)
@click.option(
    "--hours-per-week",
    type=click.FloatRange(min=0, min_open=True, max=168),
    help="Reading hours per week, replacing the curriculum's 'hours_per_week'.",
)
@document_options("syllabus")
@use_progress_option("Tick off the papers marked read with 'paperpath done', with their dates.")
@catalog_option
def syllabus(
    curriculum: str | None,
    list_curricula: bool,
    output: Path | None,
    output_format: str | None,
    weeks: int | None,
    hours_per_week: float | None,
    paper_size: str,
    no_diagram: bool,
    template_dir: Path | None,
    use_progress: bool,
    progress_file: Path | None,
    catalog_dir: Path | None,
) -> None:
    """Write the week-by-week syllabus of a curriculum: a bundled NAME or a YAML FILE.

    The reading order of the curriculum's goals is packed into weeks
    within the hour budget, each paper after its prerequisites. When the
    goals need more weeks than the curriculum gives, the command names
    the number of weeks they need and exits with status 1.

    \b
    Example:
      paperpath syllabus --list
      paperpath syllabus post-training-overview -o overview.pdf
      paperpath syllabus my-course.yaml -o my-course.md --weeks 12
      paperpath syllabus reasoning-models --progress -o reasoning.html
    """
    if list_curricula:
        if curriculum or output:
            raise click.UsageError("--list takes no curriculum and no -o")
        click.echo(_list_text(), nl=False)
        return
    if not curriculum:
        raise click.UsageError("name a curriculum (see --list) or give a curriculum file")
    if output is None:
        raise click.UsageError("give -o FILE (.pdf, .html or .md), or -o - with --format")
    chosen = chosen_format(output, output_format)

    from paperpath.curriculum import find_curriculum, load_curriculum
    from paperpath.graph import prerequisite_graph
    from paperpath.plan import plan_syllabus

    path, display_path = find_curriculum(curriculum)
    catalog = load_checked_catalog(catalog_dir)
    course = load_curriculum(path, display_path, catalog, weeks=weeks)
    graph = prerequisite_graph(catalog)
    planned = plan_syllabus(catalog, course, graph, weeks=weeks, hours_per_week=hours_per_week)
    if not planned.order.entries:
        raise PaperpathError("every goal is assumed knowledge; the syllabus would be empty")
    read_on = (
        load_read_dates(catalog, progress_file)
        if wants_progress(use_progress, progress_file)
        else None
    )
    data = _render(
        chosen, catalog, graph, planned, paper_size, no_diagram, template_dir, catalog_dir, read_on
    )

    allowed = weeks if weeks is not None else course.spec.weeks
    spare = ""
    if allowed is not None and len(planned.weeks) < allowed:
        spare = f"; the goals fill {len(planned.weeks)} of the {allowed} weeks allowed"
    write_document(
        output,
        data,
        f"{count_noun(len(planned.weeks), 'week')}, "
        f"{count_noun(len(planned.order.entries), 'paper')}{spare}",
    )


def _render(
    chosen, catalog, graph, planned, paper_size, no_diagram, template_dir, catalog_dir, read_on
) -> bytes:
    from paperpath.cli.options import render_catalog_pdf
    from paperpath.render.syllabus import render_syllabus_html, render_syllabus_markdown

    with template_errors(template_dir):
        if chosen == "md":
            return render_syllabus_markdown(
                catalog,
                graph,
                planned,
                diagram=not no_diagram,
                template_dir=template_dir,
                read_on=read_on,
            ).encode()
        html = render_syllabus_html(
            catalog,
            graph,
            planned,
            paper_size=paper_size,
            template_dir=template_dir,
            read_on=read_on,
        )
        if chosen == "html":
            return html.encode()
        # The study guide's sandboxed renderer: templates and catalog folders only.
        return render_catalog_pdf(html, catalog, catalog_dir, template_dir)


def _list_text() -> str:
    """Return one line per bundled curriculum: name, budget and title."""
    from paperpath.catalog.yamlsource import read_yaml
    from paperpath.curriculum import curriculum_files

    lines = []
    for path in curriculum_files():
        document, _ = read_yaml(path, f"curricula/{path.name}")
        data = document.data if document is not None and isinstance(document.data, dict) else {}
        budget = []
        if isinstance(data.get("weeks"), int):
            budget.append(f"{data['weeks']} weeks")
        if isinstance(data.get("hours_per_week"), int | float):
            budget.append(f"{data['hours_per_week']:g} h/week")
        title = str(data.get("title", "(no title)"))
        lines.append(f"{path.stem:<28} {', '.join(budget):<22} {title}")
    if not lines:
        return "no curricula are bundled\n"
    from paperpath.resources import bundled_curricula_dir

    lines.append("")
    lines.append(f"The files are in {bundled_curricula_dir()}; copy one to make your own course.")
    return "\n".join(lines) + "\n"
