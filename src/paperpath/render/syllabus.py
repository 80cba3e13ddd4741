"""Syllabi: a curriculum's weeks as a self-contained HTML page or GitHub Markdown.

The pieces are the study guide's: the graph picture, the Mermaid
diagram, Markdown escaping and template loading. The HTML page prints to
PDF through :mod:`paperpath.render.pdf`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
from markupsafe import Markup

from paperpath.catalog import Catalog
from paperpath.graph import TargetKind
from paperpath.plan.syllabus import Syllabus
from paperpath.render.counts import count_noun
from paperpath.render.durations import format_minutes
from paperpath.render.escape import Markdown
from paperpath.render.graph_svg import render_graph_svg
from paperpath.render.guide import mermaid_graph, read_dates, read_summary
from paperpath.render.labels import short_name
from paperpath.render.templates import html_environment, render_markdown_template


def _view(
    catalog: Catalog,
    graph: nx.DiGraph,
    syllabus: Syllabus,
    read_on: Mapping[str, date] | None = None,
) -> dict[str, Any]:
    spec = syllabus.curriculum.spec
    ids = [entry.paper.id for entry in syllabus.order.entries]
    optional_ids = [reading.paper.id for week in syllabus.weeks for reading in week.optional]
    position = {paper_id: index for index, paper_id in enumerate(ids)}
    week_of = syllabus.week_of()
    names = {paper_id: short_name(catalog.papers[paper_id]) for paper_id in ids + optional_ids}
    assumed = []
    for target in syllabus.curriculum.assumed_targets:
        if target.kind is TargetKind.TOPIC:
            topic = catalog.topics[target.id]
            assumed.append(f"{topic.title} ({count_noun(len(target.paper_ids), 'paper')})")
        else:
            paper = catalog.papers[target.id]
            assumed.append(f"{short_name(paper)}: {paper.title} ({paper.year or 'n.d.'})")
    optional_count = sum(len(week.optional) for week in syllabus.weeks)
    if syllabus.budget_fitted:
        weeks = count_noun(len(syllabus.weeks), "week")
        budget = (
            f"up to {format_minutes(syllabus.budget_minutes)} a week "
            f"(the smallest budget that fits the goals into {weeks})"
        )
    else:
        budget = f"up to {format_minutes(syllabus.budget_minutes)} a week"
    return {
        "title": spec.title,
        "audience": spec.audience,
        "description": spec.description,
        "assumed": assumed,
        "weeks": syllabus.weeks,
        "week_count": count_noun(len(syllabus.weeks), "week"),
        "count": count_noun(len(ids), "required reading"),
        "optional_count": count_noun(optional_count, "optional reading") if optional_count else "",
        "total": format_minutes(syllabus.order.total_minutes),
        "budget": budget,
        "budget_minutes": format_minutes(syllabus.budget_minutes),
        "names": names,
        "week_of": week_of,
        # Each reading's prerequisites among the required readings, in reading order.
        "prerequisites_of": {
            paper_id: sorted(
                (p for p in graph.predecessors(paper_id) if p in week_of),
                key=position.get,
            )
            for paper_id in ids + optional_ids
        },
        "format_minutes": format_minutes,
        "graph_svg": render_graph_svg(graph, catalog.papers, ids, names),
        # Paper id to the ISO date it was marked read, for required and optional readings.
        "read_on": read_dates(ids + optional_ids, read_on),
        "read_summary": (
            read_summary(syllabus.order, read_dates(ids, read_on)) if read_on is not None else None
        ),
    }


def render_syllabus_html(
    catalog: Catalog,
    graph: nx.DiGraph,
    syllabus: Syllabus,
    paper_size: str = "a4",
    template_dir: Path | None = None,
    read_on: Mapping[str, date] | None = None,
) -> str:
    """Render a syllabus as one self-contained HTML page.

    ``syllabus.html.j2`` in ``template_dir`` replaces the bundled template.
    Papers in ``read_on`` (id to the date read) get a ticked check box.
    """
    view = _view(catalog, graph, syllabus, read_on)
    view["graph_svg"] = Markup(view["graph_svg"])  # built from escaped text
    view["paper_size"] = paper_size
    environment = html_environment(template_dir)
    return environment.get_template("syllabus.html.j2").render(**view)


def render_syllabus_markdown(
    catalog: Catalog,
    graph: nx.DiGraph,
    syllabus: Syllabus,
    diagram: bool = True,
    template_dir: Path | None = None,
    read_on: Mapping[str, date] | None = None,
) -> str:
    """Render a syllabus as GitHub-flavoured Markdown, with a Mermaid diagram.

    Papers in ``read_on`` (id to the date read) get a ticked task-list box.
    """
    view = _view(catalog, graph, syllabus, read_on)
    view["graph_svg"] = ""
    mermaid = mermaid_graph(graph, syllabus.order, view["names"])
    view["diagram"] = Markdown(mermaid) if diagram else None
    return render_markdown_template("syllabus.md.j2", view, template_dir)
