"""Render reading progress and next-paper suggestions as plain text or JSON."""

from __future__ import annotations

import json
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from paperpath.catalog import Catalog, Paper
from paperpath.progress.next import NextPapers, Suggestion, TargetStep
from paperpath.progress.summary import PathProgress, ProgressSummary, progress_bar
from paperpath.render.counts import count_noun
from paperpath.render.durations import format_minutes
from paperpath.render.escape import plain_text
from paperpath.render.labels import alias_and_year, short_name, target_label

WIDTH = 78


def _wrap(text: str, indent: str, bullet: str = "") -> list[str]:
    return textwrap.wrap(
        plain_text(text),
        break_on_hyphens=False,
        width=WIDTH,
        initial_indent=indent + bullet,
        subsequent_indent=indent + " " * len(bullet),
    )


def _paper_line(paper: Paper) -> str:
    minutes = format_minutes(paper.reading_minutes)
    return f"{paper.title} ({alias_and_year(paper)}, {minutes}) [{paper.id}]"


def _step_sentence(catalog: Catalog, step: TargetStep) -> str:
    label = target_label(catalog, step.target)
    if step.is_target_itself:
        return f"Why: this is {label}, your target, and all its prerequisites are read."
    left = count_noun(step.unread, "paper")
    if step.target.kind.value == "paper":
        return f"Why: leads to {label}, which has {left} unread before it, this one included."
    return f"Why: on the path to {label}, which has {left} unread."


def _suggestion_lines(
    catalog: Catalog, number: int, suggestion: Suggestion, width: int
) -> list[str]:
    paper = suggestion.paper
    indent = " " * (width + 2)
    lines = [plain_text(f"{number:>{width}}. {_paper_line(paper)}"), indent + plain_text(paper.url)]
    for step in suggestion.toward:
        lines += _wrap(_step_sentence(catalog, step), indent, "- ")
    reason = suggestion.needed_for
    if reason is not None:
        needed_by = short_name(catalog.papers[reason.paper_id])
        text = f"Needed later on the path for {needed_by}"
        lines += _wrap(f"{text}: {reason.text}" if reason.text else f"{text}.", indent, "- ")
    if not suggestion.toward:
        if suggestion.unlocks:
            names = [short_name(catalog.papers[paper_id]) for paper_id in suggestion.unlocks[:3]]
            dependents = count_noun(suggestion.unread_dependents, "unread paper")
            ready = "it needs no other paper"
            if paper.prerequisites:
                ready = "its prerequisites are all read"
            sentence = (
                f"Why: {ready}, and {dependents} build on it, "
                f"directly or not, among them {', '.join(names)}."
            )
        elif paper.prerequisites:
            sentence = "Why: its prerequisites are all read; no unread paper builds on it."
        else:
            sentence = "Why: it needs no other paper, and no unread paper builds on it."
        lines += _wrap(sentence, indent, "- ")
    prerequisites = [
        short_name(catalog.papers[link.id])
        for link in paper.prerequisites
        if link.id in catalog.papers
    ]
    if prerequisites:
        lines += _wrap("Prerequisites, all read: " + ", ".join(prerequisites) + ".", indent, "- ")
    return lines


def render_next_text(
    catalog: Catalog,
    result: NextPapers,
    from_goals: bool = False,
    goals_outside_catalog: bool = False,
) -> str:
    """Render suggestions as numbered entries, each with the reasons to read it now.

    ``goals_outside_catalog`` is true when goals are set but none is in this catalog.
    """
    labels = ", ".join(target_label(catalog, target) for target in result.targets)
    lines: list[str] = []
    if result.targets and result.order is not None and result.order.entries:
        order = result.order
        prefix = "Next toward your goals" if from_goals else "Next toward"
        lines.append(
            plain_text(
                f"{prefix} {labels}: {count_noun(len(order.entries), 'paper')} left, "
                f"about {format_minutes(order.total_minutes)} of reading."
            )
        )
    elif result.targets:
        lines.append(plain_text(f"Every target is read: {labels}."))
    elif goals_outside_catalog:
        lines.append("None of your goals is in this catalog; these papers are ready to read.")
        lines.append("Add a goal from it with 'paperpath goal add TARGET'.")
    else:
        lines.append("No target given and no goal set; these papers are ready to read.")
        lines.append("Set a goal with 'paperpath goal add TARGET' to follow a reading order.")
    if not result.suggestions:
        lines += ["", "Every paper of the catalog is read."]
        return "\n".join(lines) + "\n"

    width = len(str(len(result.suggestions)))
    shown_off_path_heading = False
    for number, suggestion in enumerate(result.suggestions, start=1):
        if result.targets and not suggestion.toward and not shown_off_path_heading:
            lines += ["", "Also ready to read, off the path to your targets:"]
            shown_off_path_heading = True
        lines.append("")
        lines += _suggestion_lines(catalog, number, suggestion, width)
    return "\n".join(lines) + "\n"


def _suggestion_data(suggestion: Suggestion) -> dict[str, Any]:
    paper = suggestion.paper
    reason = suggestion.needed_for
    return {
        "id": paper.id,
        "title": paper.title,
        "url": paper.url,
        "reading_minutes": paper.reading_minutes,
        "position": suggestion.position,
        "toward": [
            {
                "target": step.target.id,
                "kind": step.target.kind.value,
                "unread_before": step.unread,
                "is_target": step.is_target_itself,
            }
            for step in suggestion.toward
        ],
        "needed_for": None
        if reason is None
        else {"id": reason.paper_id, "position": reason.position, "reason": reason.text},
        "unlocks": list(suggestion.unlocks),
        "unread_dependents": suggestion.unread_dependents,
        "prerequisites": [link.id for link in paper.prerequisites],
    }


def render_next_json(result: NextPapers) -> str:
    """Render suggestions as JSON for scripts."""
    order = result.order
    data = {
        "targets": [{"id": target.id, "kind": target.kind.value} for target in result.targets],
        "remaining_papers": len(order.entries) if order is not None else None,
        "remaining_minutes": order.total_minutes if order is not None else None,
        "suggestions": [_suggestion_data(suggestion) for suggestion in result.suggestions],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _path_lines(label: str, path: PathProgress) -> list[str]:
    percent = round(path.fraction_done * 100)
    counts = f"{path.read} of {count_noun(path.total, 'paper')} read, {path.unread} left"
    if path.no_longer_needed:
        counts += f", {path.no_longer_needed} no longer needed"
    lines = [
        plain_text(label),
        f"  {progress_bar(path.fraction_done)} {percent:>3} %  {counts}",
        f"  {format_minutes(path.minutes_read)} read, {format_minutes(path.minutes_unread)} left",
    ]
    if path.target is not None:
        if path.next_paper is None:
            lines.append("  Next: nothing, every paper is read")
        else:
            paper = path.next_paper
            lines.append("  " + plain_text(f"Next: {short_name(paper)} [{paper.id}]"))
    return lines


def render_progress_text(
    catalog: Catalog,
    summary: ProgressSummary,
    progress_file: Path,
    next_paper: Paper | None,
    missing_goals: tuple[str, ...] = (),
) -> str:
    """Render a progress bar and counts per target and for the catalog."""
    lines = [f"Progress file: {progress_file}", ""]
    for path in summary.paths:
        lines += _path_lines(target_label(catalog, path.target), path)
        lines.append("")
    lines += _path_lines("Whole catalog", summary.catalog)
    if not summary.paths and next_paper is not None:
        lines.append("  " + plain_text(f"Next: {short_name(next_paper)} [{next_paper.id}]"))
    lines.append("")
    if summary.catalog.read == 0:
        lines.append("Nothing is marked read yet; mark a paper with 'paperpath done ID'.")
    lines += _missing_lines(summary.not_in_catalog, missing_goals)
    while lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


def _missing_lines(
    missing: tuple[tuple[str, date], ...], missing_goals: tuple[str, ...]
) -> list[str]:
    lines = []
    if missing:
        listed = ", ".join(f"{paper_id} (read {day.isoformat()})" for paper_id, day in missing)
        lines.append(
            plain_text(
                f"Kept in the progress file but not in the catalog: {listed}. "
                "Remove one with 'paperpath undone ID'."
            )
        )
    if missing_goals:
        lines.append(
            plain_text(
                f"Goals not in the catalog: {', '.join(missing_goals)}. "
                "Remove one with 'paperpath goal remove ID'."
            )
        )
    return lines


def _path_data(path: PathProgress) -> dict[str, Any]:
    return {
        "target": None if path.target is None else path.target.id,
        "kind": None if path.target is None else path.target.kind.value,
        "total": path.total,
        "read": path.read,
        "unread": path.unread,
        "no_longer_needed": path.no_longer_needed,
        "minutes_read": path.minutes_read,
        "minutes_unread": path.minutes_unread,
        "next": None if path.next_paper is None else path.next_paper.id,
    }


def render_progress_json(
    summary: ProgressSummary,
    progress_file: Path,
    read: dict[str, date],
    missing_goals: tuple[str, ...] = (),
) -> str:
    """Render the progress summary and every read record as JSON."""
    missing = {paper_id for paper_id, _ in summary.not_in_catalog}
    data = {
        "progress_file": str(progress_file),
        "targets": [_path_data(path) for path in summary.paths],
        "catalog": _path_data(summary.catalog),
        "read": [
            {
                "id": paper_id,
                "read_on": read[paper_id].isoformat(),
                "in_catalog": paper_id not in missing,
            }
            for paper_id in sorted(read)
        ],
        "goals_not_in_catalog": list(missing_goals),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
