"""Study guides: a reading order as a self-contained HTML page or GitHub Markdown.

The HTML page carries its CSS and the graph picture inline, so the same
page prints to PDF through :mod:`paperpath.render.pdf`. Papers are split
into stages of about an evening's reading, each a contiguous run of the
reading order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
from markupsafe import Markup

from paperpath.catalog import Catalog
from paperpath.plan import ReadingEntry, ReadingOrder
from paperpath.render.counts import count_noun
from paperpath.render.durations import format_minutes
from paperpath.render.escape import Markdown, escape_markdown, escape_url
from paperpath.render.graph_svg import render_graph_svg
from paperpath.render.labels import short_name, target_label
from paperpath.render.templates import html_environment, render_markdown_template

# A stage closes once its reading time reaches this many minutes.
STAGE_MINUTES = 6 * 60
PAPER_SIZES = ("a4", "letter")


@dataclass(frozen=True)
class Stage:
    number: int
    entries: tuple[ReadingEntry, ...]

    @property
    def minutes(self) -> int:
        return sum(entry.paper.reading_minutes or 0 for entry in self.entries)


def split_stages(order: ReadingOrder) -> list[Stage]:
    """Cut the reading order into contiguous stages of about ``STAGE_MINUTES`` each."""
    stages: list[Stage] = []
    current: list[ReadingEntry] = []
    minutes = 0
    for entry in order.entries:
        current.append(entry)
        minutes += entry.paper.reading_minutes or 0
        if minutes >= STAGE_MINUTES:
            stages.append(Stage(len(stages) + 1, tuple(current)))
            current, minutes = [], 0
    if current:
        stages.append(Stage(len(stages) + 1, tuple(current)))
    return stages


def _view(
    catalog: Catalog,
    graph: nx.DiGraph,
    order: ReadingOrder,
    read_on: Mapping[str, date] | None = None,
) -> dict[str, Any]:
    ids = [entry.paper.id for entry in order.entries]
    read = read_dates(ids, read_on)
    names = {paper_id: short_name(catalog.papers[paper_id]) for paper_id in ids}
    position = {paper_id: index + 1 for index, paper_id in enumerate(ids)}
    newest = max((paper.year or 0 for paper in catalog.papers.values()), default=0)
    return {
        "title": "Study guide: "
        + ", ".join(target_label(catalog, target) for target in order.targets),
        "count": count_noun(len(ids), "paper"),
        "total": format_minutes(order.total_minutes),
        "unestimated": order.unestimated,
        "catalog_summary": f"{count_noun(len(catalog.papers), 'paper')}, newest from {newest}",
        "stages": split_stages(order),
        "names": names,
        "position": position,
        "selected": set(ids),
        # Each paper's prerequisites on the path, in reading order.
        "prerequisites_of": {
            paper_id: sorted(
                (link.id for link in catalog.papers[paper_id].prerequisites if link.id in position),
                key=position.get,
            )
            for paper_id in ids
        },
        "format_minutes": format_minutes,
        "graph_svg": render_graph_svg(graph, catalog.papers, ids, names),
        # Paper id to the ISO date it was marked read, for the papers on this path.
        "read_on": read,
        "read_summary": read_summary(order, read) if read_on is not None else None,
        # The papers --known left out, by the name readers know them by.
        "known_left_out": [short_name(paper) for paper in order.known_left_out],
    }


def read_dates(ids: Iterable[str], read_on: Mapping[str, date] | None) -> dict[str, str]:
    """Return the ISO date each paper of ``ids`` was marked read, for those in ``read_on``."""
    read_on = read_on or {}
    return {paper_id: read_on[paper_id].isoformat() for paper_id in ids if paper_id in read_on}


def read_summary(order: ReadingOrder, read: Mapping[str, str]) -> str:
    """Return the "Read so far" line: papers and hours read, and hours left."""
    minutes_read = sum(
        entry.paper.reading_minutes or 0 for entry in order.entries if entry.paper.id in read
    )
    return (
        f"Read so far: {len(read)} of {count_noun(len(order.entries), 'paper')}, "
        f"{format_minutes(minutes_read)}; {format_minutes(order.total_minutes - minutes_read)} left"
    )


def render_guide_html(
    catalog: Catalog,
    graph: nx.DiGraph,
    order: ReadingOrder,
    paper_size: str = "a4",
    template_dir: Path | None = None,
    read_on: Mapping[str, date] | None = None,
) -> str:
    """Render a study guide as one self-contained HTML page.

    ``guide.html.j2`` in ``template_dir`` replaces the bundled template.
    Papers in ``read_on`` (id to the date read) get a ticked check box.
    """
    view = _view(catalog, graph, order, read_on)
    view["graph_svg"] = Markup(view["graph_svg"])  # built from escaped text
    view["paper_size"] = paper_size
    return html_environment(template_dir).get_template("guide.html.j2").render(**view)


def mermaid_graph(graph: nx.DiGraph, order: ReadingOrder, names: dict[str, str]) -> str:
    """Return a Mermaid flowchart of the order's prerequisite graph.

    Node labels are quoted, with quotes and Markdown specials replaced by
    HTML entities, which Mermaid decodes, so no title can end the label.
    """
    ids = [entry.paper.id for entry in order.entries]
    index = {paper_id: f"p{number}" for number, paper_id in enumerate(ids, start=1)}
    lines = ["flowchart TD"]
    for paper_id in ids:
        label = "".join(
            f"#{ord(character)};" if character in '"<>&`[]{}()|#;' else character
            for character in " ".join(names[paper_id].split())
        )
        lines.append(f'    {index[paper_id]}["{label}"]')
    for prerequisite, paper in sorted(graph.subgraph(ids).edges):
        lines.append(f"    {index[prerequisite]} --> {index[paper]}")
    return "\n".join(lines)


def render_guide_markdown(
    catalog: Catalog,
    graph: nx.DiGraph,
    order: ReadingOrder,
    diagram: bool = True,
    template_dir: Path | None = None,
    read_on: Mapping[str, date] | None = None,
) -> str:
    """Render a study guide as GitHub-flavoured Markdown, with a Mermaid diagram.

    Papers in ``read_on`` (id to the date read) get a ticked task-list box.
    """
    view = _view(catalog, graph, order, read_on)
    view["graph_svg"] = ""
    view["diagram"] = Markdown(mermaid_graph(graph, order, view["names"])) if diagram else None
    view["md"] = escape_markdown
    view["url"] = lambda value: Markdown(escape_url(value))
    return render_markdown_template("guide.md.j2", view, template_dir)
