"""``paperpath papers``, ``paperpath show`` and ``paperpath topics``: browse the catalog."""

from __future__ import annotations

from pathlib import Path

import click

from paperpath.catalog.status import Status
from paperpath.cli.options import catalog_option, load_checked_catalog
from paperpath.errors import TargetError


@click.command()
@click.option("--topic", metavar="TOPIC", help="Only papers in this topic or its subtopics.")
@click.option(
    "--status",
    type=click.Choice([status.value for status in Status]),
    help="Only papers with this status.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@catalog_option
def papers(
    topic: str | None, status: str | None, output_format: str, catalog_dir: Path | None
) -> None:
    """List the papers of the catalog, sorted by id.

    \b
    Example:
      paperpath papers --topic preference-optimization --status incremental
      paperpath papers --format json > papers.json
    """
    from paperpath.graph import resolve_target
    from paperpath.render.catalog_views import render_papers_json, render_papers_table

    catalog = load_checked_catalog(catalog_dir)
    selected = sorted(catalog.papers.values(), key=lambda paper: paper.id)
    if topic is not None:
        key = topic.casefold()
        if key not in catalog.topics:
            resolved = resolve_target(catalog, topic)  # raises with suggestions
            raise TargetError(
                f"'{topic}' is a paper ('{resolved.id}'), not a topic; give a topic id"
            )
        in_topic = {paper.id for paper in catalog.papers_in_topic(key)}
        selected = [paper for paper in selected if paper.id in in_topic]
    if status is not None:
        selected = [paper for paper in selected if paper.status.value == status]

    render = render_papers_json if output_format == "json" else render_papers_table
    click.echo(render(selected), nl=False)


@click.command()
@click.argument("paper")
@catalog_option
def show(paper: str, catalog_dir: Path | None) -> None:
    """Show one paper (by id or alias), its prerequisites and the papers it unlocks.

    \b
    Example:
      paperpath show grpo
    """
    from paperpath.graph import TargetKind, prerequisite_graph, resolve_target
    from paperpath.render.catalog_views import render_paper_details

    catalog = load_checked_catalog(catalog_dir)
    target = resolve_target(catalog, paper)
    if target.kind is TargetKind.TOPIC:
        raise TargetError(
            f"'{paper}' is a topic; list its papers with 'paperpath papers --topic {target.id}'"
        )
    graph = prerequisite_graph(catalog)
    click.echo(render_paper_details(catalog, graph, catalog.papers[target.id]), nl=False)


@click.command()
@catalog_option
def topics(catalog_dir: Path | None) -> None:
    """Print the topic tree with the number of papers under each topic.

    \b
    Example:
      paperpath topics
    """
    from paperpath.render.catalog_views import render_topic_tree

    catalog = load_checked_catalog(catalog_dir)
    click.echo(render_topic_tree(catalog), nl=False)
