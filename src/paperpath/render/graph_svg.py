"""Draw a reading order's prerequisite graph as SVG, in layers from foundations to targets.

Layer k contains the papers whose longest prerequisite chain inside the
selection has k edges, so every edge points down. A layer wider than
``MAX_PER_ROW`` papers continues on the next row. Within a layer, papers
keep their reading-order positions. Labels are escaped for XML; the
drawing uses no fonts or files beyond what the page around it provides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from paperpath.catalog import Paper

BOX_WIDTH = 150
BOX_HEIGHT = 34
COLUMN_GAP = 18
LAYER_GAP = 46
MARGIN = 10
MAX_LABEL = 22
# A wide layer wraps onto several rows, so that a graph of 40 or more
# papers still prints its boxes large enough to read on one page width.
MAX_PER_ROW = 6


def layers(graph: nx.DiGraph, order: Sequence[str]) -> list[list[str]]:
    """Group ``order`` into layers by the longest prerequisite chain within it."""
    subgraph = graph.subgraph(order)
    depth: dict[str, int] = {}
    for paper in order:  # a topological order, so prerequisites come first
        depth[paper] = max((depth[p] + 1 for p in subgraph.predecessors(paper)), default=0)
    result: list[list[str]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for paper in order:
        result[depth[paper]].append(paper)
    return result


def label_lines(text: str) -> list[str]:
    """Split a label into at most two lines of ``MAX_LABEL`` characters, breaking at spaces.

    What does not fit is cut, and the cut is marked with an ellipsis.
    """
    lines: list[str] = []
    rest = " ".join(text.split())
    while rest and len(lines) < 2:
        if len(rest) <= MAX_LABEL:
            lines.append(rest)
            rest = ""
            break
        cut = rest.rfind(" ", 0, MAX_LABEL + 1)
        if cut <= 0:  # one word longer than a line
            lines.append(rest[: MAX_LABEL - 1] + "…")
            rest = ""
            break
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        lines[-1] = lines[-1][: MAX_LABEL - 1].rstrip() + "…"
    return lines


def _text(x: float, top: float, lines: list[str]) -> str:
    if len(lines) == 1:
        baselines = [top + BOX_HEIGHT / 2 + 4]
    else:
        baselines = [top + BOX_HEIGHT / 2 - 2.5, top + BOX_HEIGHT / 2 + 10]
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{baseline:.1f}">{escape(line)}</tspan>'
        for line, baseline in zip(lines, baselines, strict=False)
    )
    return f'<text text-anchor="middle" font-size="10.5">{spans}</text>'


def render_graph_svg(
    graph: nx.DiGraph, papers: Mapping[str, Paper], order: Sequence[str], names: Mapping[str, str]
) -> str:
    """Return an SVG drawing of the prerequisite graph of ``order``.

    ``names`` gives the label of each paper. Each box links to the
    paper's section (``#paper-<id>``); foundational papers have a thick
    border.
    """
    rows = [
        layer[start : start + MAX_PER_ROW]
        for layer in layers(graph, order)
        for start in range(0, len(layer), MAX_PER_ROW)
    ]
    width = max((len(row) for row in rows), default=1) * (BOX_WIDTH + COLUMN_GAP) + 2 * MARGIN
    height = len(rows) * (BOX_HEIGHT + LAYER_GAP) + 2 * MARGIN
    centre: dict[str, tuple[float, float]] = {}
    for level, row in enumerate(rows):
        offset = (width - len(row) * (BOX_WIDTH + COLUMN_GAP)) / 2
        for column, paper in enumerate(row):
            x = offset + column * (BOX_WIDTH + COLUMN_GAP) + COLUMN_GAP / 2
            y = MARGIN + level * (BOX_HEIGHT + LAYER_GAP)
            centre[paper] = (x + BOX_WIDTH / 2, y)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="100%" role="img" aria-label="Prerequisite graph">',
        # An arrowhead at the end of each edge, pointing at the paper that
        # builds on the prerequisite.
        '<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="6" '
        'markerHeight="6" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#8a8f98"/>'
        "</marker></defs>",
    ]
    for prerequisite, paper in sorted(graph.subgraph(order).edges):
        (x1, y1), (x2, y2) = centre[prerequisite], centre[paper]
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1 + BOX_HEIGHT:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            'stroke="#8a8f98" stroke-width="1" marker-end="url(#arrow)"/>'
        )
    for paper in order:
        x, y = centre[paper]
        foundational = papers[paper].is_foundational
        stroke = "2.5" if foundational else "1"
        fill = "#eef3fb" if foundational else "#ffffff"
        left, top = x - BOX_WIDTH / 2, y
        parts.append(
            f"<a href={quoteattr('#paper-' + paper)}>"
            f'<rect x="{left:.1f}" y="{top:.1f}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" '
            f'rx="4" fill="{fill}" stroke="#1f3a5f" stroke-width="{stroke}"/>'
            f"{_text(x, top, label_lines(names[paper]))}</a>"
        )
    parts.append("</svg>")
    return "\n".join(parts)
