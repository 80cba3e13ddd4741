"""Render a reading order as Markdown, plain text or JSON."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from paperpath.catalog import Catalog
from paperpath.plan import ReadingEntry, ReadingOrder, Reason
from paperpath.render.counts import count_noun
from paperpath.render.durations import format_minutes
from paperpath.render.escape import Markdown, plain_text
from paperpath.render.formats import READING_ORDER_FORMATS
from paperpath.render.labels import alias_and_year, short_name, target_label

FORMATS = READING_ORDER_FORMATS


def render_reading_order(catalog: Catalog, order: ReadingOrder, output_format: str) -> str:
    """Render ``order`` in ``output_format``: one of :data:`FORMATS`."""
    if output_format == "markdown":
        # Jinja2 is imported only here: the text and JSON formats do without it.
        from paperpath.render.templates import render_markdown_template

        return render_markdown_template("reading-order.md.j2", _view(catalog, order))
    if output_format == "text":
        return _render_text(catalog, order)
    if output_format == "json":
        return json.dumps(_as_data(catalog, order), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown format {output_format!r}; use one of {', '.join(FORMATS)}")


def _reason_view(catalog: Catalog, reason: Reason) -> dict[str, Any]:
    if reason.is_target:
        topic = catalog.topics[reason.topic_id] if reason.topic_id else None
        return {"target": True, "topic": topic}
    needed_by = catalog.papers[reason.paper_id]
    return {
        "target": False,
        "position": reason.position,
        "paper": needed_by,
        "name": short_name(needed_by),
        "text": reason.text,
    }


def _view(catalog: Catalog, order: ReadingOrder) -> dict[str, Any]:
    return {
        "targets": [
            {"label": target_label(catalog, target), "id": target.id, "kind": target.kind.value}
            for target in order.targets
        ],
        "entries": [
            {
                "position": entry.position,
                # Nested lines must start at the column of the item's text
                # to stay inside a numbered item such as "10. ".
                "indent": Markdown(" " * (len(str(entry.position)) + 2)),
                "paper": entry.paper,
                "minutes": format_minutes(entry.paper.reading_minutes),
                "reasons": [_reason_view(catalog, reason) for reason in entry.reasons],
            }
            for entry in order.entries
        ],
        "count": count_noun(len(order.entries), "paper"),
        "total": format_minutes(order.total_minutes),
        "unestimated": order.unestimated,
        "known_left_out": order.known_left_out,
    }


def _reason_sentence(catalog: Catalog, reason: Reason) -> str:
    if reason.is_target:
        if reason.topic_id:
            return f"in the topic {catalog.topics[reason.topic_id].title} that you asked for"
        return "the paper you asked for"
    needed_by = catalog.papers[reason.paper_id]
    sentence = f"needed for {reason.position}. {short_name(needed_by)}"
    return f"{sentence}: {reason.text}" if reason.text else sentence


def _render_text(catalog: Catalog, order: ReadingOrder) -> str:
    labels = ", ".join(target_label(catalog, target) for target in order.targets)
    lines = [plain_text(f"Reading order for {labels}"), ""]
    width = len(str(len(order.entries)))
    for entry in order.entries:
        paper = entry.paper
        lines.append(
            plain_text(
                f"{entry.position:>{width}}. {paper.title} ({alias_and_year(paper)}, "
                f"{paper.status.value}, {format_minutes(paper.reading_minutes)}) [{paper.id}]"
            )
        )
        indent = " " * (width + 2)
        lines.append(indent + paper.url)
        lines += textwrap.wrap(
            plain_text(paper.summary or ""),
            break_on_hyphens=False,
            width=78,
            initial_indent=indent,
            subsequent_indent=indent,
        )
        for reason in entry.reasons:
            lines += textwrap.wrap(
                plain_text(_reason_sentence(catalog, reason)),
                break_on_hyphens=False,
                width=78,
                initial_indent=indent + "- ",
                subsequent_indent=indent + "  ",
            )
    lines.append("")
    count = count_noun(len(order.entries), "paper")
    unestimated = f" ({order.unestimated} without an estimate)" if order.unestimated else ""
    lines.append(f"{count}, {format_minutes(order.total_minutes)} of reading{unestimated}.")
    if order.known_left_out:
        known = ", ".join(paper.id for paper in order.known_left_out)
        lines.append(f"Left out as already read: {known}.")
    return "\n".join(lines) + "\n"


def _entry_data(catalog: Catalog, entry: ReadingEntry) -> dict[str, Any]:
    paper = entry.paper
    return {
        "position": entry.position,
        "id": paper.id,
        "title": paper.title,
        "aliases": list(paper.aliases),
        "year": paper.year,
        "url": paper.url,
        "arxiv": paper.arxiv,
        "status": paper.status.value,
        "reading_minutes": paper.reading_minutes,
        "topics": list(paper.topics),
        "summary": paper.summary,
        "reasons": [
            {"target": True, "topic": reason.topic_id}
            if reason.is_target
            else {"needed_for": reason.paper_id, "position": reason.position, "reason": reason.text}
            for reason in entry.reasons
        ],
    }


def _as_data(catalog: Catalog, order: ReadingOrder) -> dict[str, Any]:
    return {
        "targets": [
            {"text": target.text, "kind": target.kind.value, "id": target.id}
            for target in order.targets
        ],
        "papers": [_entry_data(catalog, entry) for entry in order.entries],
        "total_papers": len(order.entries),
        "total_minutes": order.total_minutes,
        "known_left_out": [paper.id for paper in order.known_left_out],
    }
