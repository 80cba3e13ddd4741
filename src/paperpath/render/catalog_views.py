"""Plain-text and JSON views of the catalog: paper tables, one paper, the topic tree."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

import networkx as nx

from paperpath.catalog import Catalog, Paper
from paperpath.render.counts import count_noun
from paperpath.render.durations import format_minutes
from paperpath.render.escape import plain_text


def paper_data(paper: Paper) -> dict:
    """Return a paper as JSON-ready data, with prerequisites as mappings."""
    return paper.model_dump(mode="json")


def render_papers_json(papers: Sequence[Paper]) -> str:
    return json.dumps([paper_data(paper) for paper in papers], ensure_ascii=False, indent=2) + "\n"


def render_papers_table(papers: Sequence[Paper]) -> str:
    """Render one line per paper: id, year, status, reading time and title."""
    rows = [("ID", "YEAR", "STATUS", "TIME", "TITLE")]
    rows += [
        (
            paper.id,
            str(paper.year or "-"),
            paper.status.value,
            format_minutes(paper.reading_minutes) if paper.reading_minutes else "-",
            plain_text(paper.title),
        )
        for paper in papers
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)]
        lines.append("  ".join([*cells, row[4]]))
    lines.append(count_noun(len(papers), "paper"))
    return "\n".join(lines) + "\n"


def render_paper_details(catalog: Catalog, graph: nx.DiGraph, paper: Paper) -> str:
    """Render one paper with its prerequisites and the papers it unlocks."""
    source = catalog.paper_sources.get(paper.id)
    lines = [
        plain_text(f"{paper.title} ({paper.year or 'year unknown'})"),
        f"id:       {paper.id}",
    ]
    if paper.aliases:
        lines.append("aliases:  " + plain_text(", ".join(paper.aliases)))
    lines += [
        "authors:  " + plain_text(", ".join(paper.authors) or "not recorded"),
        "venue:    " + plain_text(paper.venue or "not recorded"),
        "url:      " + plain_text(paper.url),
    ]
    if paper.arxiv:
        lines.append(f"arXiv:    {paper.arxiv}")
    lines += [
        f"status:   {paper.status.value}",
        f"reading:  {format_minutes(paper.reading_minutes)}",
        "topics:   " + ", ".join(paper.topics),
    ]
    if source is not None:
        lines.append(f"defined:  {source.path}:{source.line}")
    summary = paper.summary or "No summary yet."
    lines += ["", *textwrap.wrap(plain_text(summary), width=78, break_on_hyphens=False), ""]

    lines.append("Prerequisites:" if paper.prerequisites else "Prerequisites: none")
    for link in paper.prerequisites:
        title = catalog.papers[link.id].title
        lines.append("  - " + plain_text(f"{link.id}: {title}"))
        if link.reason:
            lines += textwrap.wrap(
                plain_text(link.reason),
                break_on_hyphens=False,
                width=78,
                initial_indent="      ",
                subsequent_indent="      ",
            )

    unlocked = sorted(graph.successors(paper.id))
    lines.append("Unlocks:" if unlocked else "Unlocks: no paper in the catalog")
    for paper_id in unlocked:
        lines.append("  - " + plain_text(f"{paper_id}: {catalog.papers[paper_id].title}"))
    return "\n".join(lines) + "\n"


def render_topic_tree(catalog: Catalog) -> str:
    """Render the topic tree with the number of papers in each topic and its subtopics."""
    children = catalog.topic_children()
    lines: list[str] = []

    def walk(topic_id: str, depth: int) -> None:
        topic = catalog.topics[topic_id]
        count = len(catalog.papers_in_topic(topic_id))
        title = plain_text(topic.title)
        lines.append(f"{'  ' * depth}{topic.id}  {title} ({count_noun(count, 'paper')})")
        for child in children.get(topic_id, []):
            walk(child, depth + 1)

    for root in children.get(None, []):
        walk(root, 0)
    return "\n".join(lines) + "\n"
