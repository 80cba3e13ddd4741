"""The summary an import prints: what was read, warned about, added and skipped."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from paperpath.importers.dedupe import ImportedPaper, normalise_title
from paperpath.importers.markdown_list import ParsedList
from paperpath.render.counts import count_noun
from paperpath.render.escape import plain_text

if TYPE_CHECKING:
    from paperpath.importers.plan import MergePlan


_NO_SECTION = "points at no section of the list"


def _same_title_different_ids(
    papers: list[ImportedPaper],
) -> list[tuple[ImportedPaper, ImportedPaper]]:
    first_by_title: dict[str, ImportedPaper] = {}
    twins = []
    for paper in papers:
        key = normalise_title(paper.title)
        first = first_by_title.setdefault(key, paper)
        if first is not paper:
            twins.append((first, paper))
    return twins


def render_import_report(
    source: str,
    parsed: ParsedList,
    papers: list[ImportedPaper],
    plan: MergePlan,
    *,
    dry_run: bool,
    files: list[Path],
) -> str:
    """Render the report of one import, one finding per line."""
    entries = len(parsed.entries)
    lines = [
        f"Read {source}: {count_noun(entries, 'paper entry', 'paper entries')}, "
        f"{count_noun(len(papers), 'distinct paper')} after merging "
        f"{count_noun(entries - len(papers), 'duplicate entry', 'duplicate entries')}, "
        f"{count_noun(len(parsed.resources), 'resource')}."
    ]

    anchors = [w for w in parsed.warnings if w.message.endswith(_NO_SECTION)]
    others = [w for w in parsed.warnings if not w.message.endswith(_NO_SECTION)]
    if parsed.warnings:
        lines += ["", f"Warnings ({len(parsed.warnings)}):"]
        for warning in sorted(others, key=lambda warning: warning.line):
            lines.append(f"  {source}:{warning.line}: {plain_text(warning.message)}")
        if len(anchors) > 3:
            first, last = min(w.line for w in anchors), max(w.line for w in anchors)
            links = ", ".join(w.message.split()[1] for w in anchors)
            lines.append(
                f"  {source}:{first}-{last}: {len(anchors)} links point at no section "
                f"of the list: {plain_text(links)}"
            )
        else:
            for warning in anchors:
                lines.append(f"  {source}:{warning.line}: {plain_text(warning.message)}")

    conflicts = [paper for paper in papers if paper.other_titles]
    if conflicts:
        lines += ["", f"Different titles with one arXiv id or link, merged ({len(conflicts)}):"]
        for paper in conflicts:
            for line, title in paper.other_titles:
                lines.append(
                    f"  {source}:{line}: '{plain_text(title)}' shares its arXiv id or link with "
                    f"'{plain_text(paper.title)}' (line {paper.lines[0]}); check the list"
                )

    twins = _same_title_different_ids(papers)
    if twins:
        lines += ["", f"Same title, different arXiv ids, kept apart ({len(twins)}):"]
        for first, second in twins:
            lines.append(
                f"  {source}:{second.lines[0]}: '{plain_text(second.title)}' ({second.arxiv}) "
                f"has the title of line {first.lines[0]} ({first.arxiv}); check the list"
            )

    duplicates = [paper for paper in papers if len(paper.lines) > 1]
    if duplicates:
        lines += ["", f"Merged duplicates ({count_noun(len(duplicates), 'paper')}):"]
        for paper in duplicates:
            where = ", ".join(str(line) for line in paper.lines)
            lines.append(f"  lines {where}: {plain_text(paper.title)}")

    if parsed.skipped_sections:
        lines += ["", "Skipped sections (no papers): "]
        lines[-1] += ", ".join(f"{title} (line {line})" for line, title in parsed.skipped_sections)

    if parsed.resources:
        lines += ["", f"Resources, not imported as papers ({len(parsed.resources)}):"]
        for resource in parsed.resources:
            section = f" [{plain_text(resource.section)}]" if resource.section else ""
            lines.append(
                f"  {source}:{resource.line}: {plain_text(resource.title)} "
                f"<{plain_text(resource.url)}>{section}"
            )

    conflicting = [match for match in plan.present if match.listed_arxiv]
    if conflicting:
        lines += ["", f"Catalog papers whose arXiv id differs from the list ({len(conflicting)}):"]
        for match in conflicting:
            lines.append(
                f"  {match.id}: the list says {match.listed_arxiv}; the catalog keeps its own id"
            )

    if plan.added:
        lines += ["", f"New papers ({len(plan.added)}), incremental with no prerequisites:"]
        for added in plan.added:
            lines.append(f"  {added.id}: {plain_text(added.paper.title)}")
    if plan.topics_updated:
        lines += ["", f"Catalog papers listed under new topics ({len(plan.topics_updated)}):"]
        for match in plan.topics_updated:
            lines.append(f"  {match.id}: + {', '.join(match.new_topics)}")

    verb = "would add" if dry_run else "added"
    lines += [
        "",
        f"Summary: {verb} {count_noun(len(plan.added), 'paper')} and "
        f"{count_noun(len(plan.topics), 'topic')}; "
        f"{len(plan.present)} already present; "
        f"{count_noun(len(plan.topics_updated), 'paper')} gained topics; "
        f"skipped {count_noun(len(parsed.resources), 'resource')} and "
        f"{count_noun(len(parsed.skipped_sections), 'section')}.",
    ]
    if files:
        verb = "Would change" if dry_run else "Changed"
        lines.append(f"{verb} {', '.join(str(path) for path in files)}.")
    if dry_run:
        lines.append("Dry run: nothing was written.")
    elif files and plan.added:
        lines.append("Run 'paperpath check' on the catalog to list the papers that need curation.")
    return "\n".join(lines) + "\n"
