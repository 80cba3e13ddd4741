"""``paperpath done``, ``undone``, ``next``, ``progress`` and ``goal``: reading progress."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from paperpath.cli.options import catalog_option, load_checked_catalog
from paperpath.cli.progress_options import progress_file_option, warn_read_ids_not_in_catalog
from paperpath.render.counts import count_noun


def _iso_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(
            f"'{value}' is not a date; write it as YYYY-MM-DD", param_hint="'--date'"
        ) from error
    if day > date.today():
        raise click.BadParameter(
            f"{value} is in the future; give the day the papers were read", param_hint="'--date'"
        )
    return day


text_or_json_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)


@click.command()
@click.argument("papers", nargs=-1, required=True)
@click.option(
    "--date",
    "read_on",
    metavar="YYYY-MM-DD",
    help="The day the papers were read; default today. Replaces the date of a paper "
    "already marked read.",
)
@progress_file_option
@catalog_option
def done(
    papers: tuple[str, ...],
    read_on: str | None,
    progress_file: Path | None,
    catalog_dir: Path | None,
) -> None:
    """Mark PAPERS (ids or aliases) as read, with the date.

    A paper that is already read keeps its first date unless --date is given.
    Several commands may run at once: each change is made under a file lock.

    \b
    Example:
      paperpath done transformer gpt3
      paperpath done PPO --date 2024-05-01
      paperpath done dpo --progress-file ~/reading/progress.json
    """
    from paperpath.progress.changes import mark_read, resolve_paper_ids
    from paperpath.progress.store import load_progress, resolve_progress_path, update_progress

    day = _iso_date(read_on)
    catalog = load_checked_catalog(catalog_dir)
    path = resolve_progress_path(progress_file)
    paper_ids = resolve_paper_ids(catalog, papers, load_progress(path).read)
    before: dict[str, date] = {}

    def change(progress):
        before.update(progress.read)
        return mark_read(progress, paper_ids, day or date.today(), keep_earlier=day is None)

    after = update_progress(path, change)
    for paper_id in paper_ids:
        name = _paper_name(catalog, paper_id)
        if paper_id in before and before[paper_id] == after.read[paper_id]:
            click.echo(
                f"already read on {before[paper_id].isoformat()}: {name}; "
                "give --date to change the date"
            )
        else:
            click.echo(f"read on {after.read[paper_id].isoformat()}: {name}")
    _echo_total(catalog, after.read)


@click.command()
@click.argument("papers", nargs=-1, required=True)
@progress_file_option
@catalog_option
def undone(papers: tuple[str, ...], progress_file: Path | None, catalog_dir: Path | None) -> None:
    """Mark PAPERS (ids or aliases) as unread again, removing their records.

    Ids that are no longer in the catalog are accepted too, so that their
    records can be removed.

    \b
    Example:
      paperpath undone dpo
      paperpath undone old-paper-id      # a record the catalog no longer has
    """
    from paperpath.progress.changes import mark_unread, resolve_paper_ids
    from paperpath.progress.store import load_progress, resolve_progress_path, update_progress

    catalog = load_checked_catalog(catalog_dir)
    path = resolve_progress_path(progress_file)
    paper_ids = resolve_paper_ids(catalog, papers, load_progress(path).read)
    before: dict[str, date] = {}

    def change(progress):
        before.update(progress.read)
        return mark_unread(progress, paper_ids)

    after = update_progress(path, change)
    for paper_id in paper_ids:
        name = _paper_name(catalog, paper_id)
        if paper_id in before:
            click.echo(f"unread again: {name}")
        else:
            click.echo(f"was not marked read: {name}")
    _echo_total(catalog, after.read)


@click.command("next")
@click.argument("targets", nargs=-1)
@click.option(
    "-n",
    "--number",
    "limit",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="How many papers to suggest.",
)
@text_or_json_option
@progress_file_option
@catalog_option
def next_papers(
    targets: tuple[str, ...],
    limit: int,
    output_format: str,
    progress_file: Path | None,
    catalog_dir: Path | None,
) -> None:
    """Suggest unread papers whose prerequisites are all read, with the reasons.

    Papers on the way to TARGETS come first, in the order 'paperpath path
    TARGETS --progress' prints. Without TARGETS, the goals set with
    'paperpath goal add' are the targets. Other papers that are ready to
    read fill the rest of the list, those that more unread papers build
    on first.

    \b
    Example:
      paperpath next dpo
      paperpath next grpo tree-search -n 5
      paperpath goal add dpo && paperpath next
    """
    from paperpath.graph import prerequisite_graph
    from paperpath.progress.next import suggest_next
    from paperpath.progress.store import load_progress, resolve_progress_path
    from paperpath.render.progress_views import render_next_json, render_next_text

    catalog = load_checked_catalog(catalog_dir)
    path = resolve_progress_path(progress_file)
    progress = load_progress(path)
    warn_read_ids_not_in_catalog(catalog, progress.read, path)
    from_goals = not targets
    target_texts = list(targets) or _goals_in_catalog(catalog, progress.goals, path)
    result = suggest_next(catalog, prerequisite_graph(catalog), progress.read, target_texts, limit)
    if output_format == "json":
        click.echo(render_next_json(result), nl=False)
    else:
        outside = from_goals and bool(progress.goals) and not target_texts
        text = render_next_text(
            catalog, result, from_goals=from_goals, goals_outside_catalog=outside
        )
        click.echo(text, nl=False)


@click.command()
@click.argument("targets", nargs=-1)
@text_or_json_option
@progress_file_option
@catalog_option
def progress(
    targets: tuple[str, ...],
    output_format: str,
    progress_file: Path | None,
    catalog_dir: Path | None,
) -> None:
    """Show how far you are toward TARGETS (default: your goals) and in the whole catalog.

    For each target: a progress bar, the papers of its reading order that
    are read and left, the reading time read and left, and the next paper.
    Unread prerequisites that only read papers need count as no longer needed.

    \b
    Example:
      paperpath progress dpo
      paperpath progress                 # your goals and the whole catalog
      paperpath progress --format json
    """
    from paperpath.graph import prerequisite_graph
    from paperpath.progress.next import suggest_next
    from paperpath.progress.store import load_progress, resolve_progress_path
    from paperpath.progress.summary import summarize_progress
    from paperpath.render.progress_views import render_progress_json, render_progress_text

    catalog = load_checked_catalog(catalog_dir)
    path = resolve_progress_path(progress_file)
    records = load_progress(path)
    missing_goals = tuple(goal for goal in records.goals if not _in_catalog(catalog, goal))
    target_texts = list(targets) or [goal for goal in records.goals if goal not in missing_goals]
    graph = prerequisite_graph(catalog)
    summary = summarize_progress(catalog, graph, records.read, target_texts)
    if output_format == "json":
        click.echo(render_progress_json(summary, path, records.read, missing_goals), nl=False)
        return
    suggestions = suggest_next(catalog, graph, records.read, (), limit=1).suggestions
    next_paper = suggestions[0].paper if suggestions else None
    click.echo(render_progress_text(catalog, summary, path, next_paper, missing_goals), nl=False)


@click.group("goal")
def goal_group() -> None:
    """Set the targets that 'paperpath next' and 'paperpath progress' use by default.

    \b
    Example:
      paperpath goal add dpo tree-search
      paperpath goal list
      paperpath goal remove tree-search
    """


@goal_group.command("add")
@click.argument("targets", nargs=-1, required=True)
@progress_file_option
@catalog_option
def goal_add(
    targets: tuple[str, ...], progress_file: Path | None, catalog_dir: Path | None
) -> None:
    """Add TARGETS (paper ids, aliases or topic ids) to your goals.

    \b
    Example:
      paperpath goal add dpo process-reward-models
    """
    from paperpath.progress.changes import add_goals, resolve_goal_ids
    from paperpath.progress.store import resolve_progress_path, update_progress

    catalog = load_checked_catalog(catalog_dir)
    path = resolve_progress_path(progress_file)
    goal_ids = resolve_goal_ids(catalog, targets)
    after = update_progress(path, lambda records: add_goals(records, goal_ids))
    click.echo("goals: " + ", ".join(after.goals))


@goal_group.command("remove")
@click.argument("targets", nargs=-1, required=True)
@progress_file_option
@catalog_option
def goal_remove(
    targets: tuple[str, ...], progress_file: Path | None, catalog_dir: Path | None
) -> None:
    """Remove TARGETS from your goals; ids no longer in the catalog are accepted.

    \b
    Example:
      paperpath goal remove dpo
    """
    from paperpath.progress.changes import remove_goals, resolve_goal_ids
    from paperpath.progress.store import load_progress, resolve_progress_path, update_progress

    catalog = load_checked_catalog(catalog_dir)
    path = resolve_progress_path(progress_file)
    goal_ids = resolve_goal_ids(catalog, targets, load_progress(path).goals)
    after = update_progress(path, lambda records: remove_goals(records, goal_ids))
    click.echo("goals: " + (", ".join(after.goals) if after.goals else "none"))


@goal_group.command("list")
@progress_file_option
@catalog_option
def goal_list(progress_file: Path | None, catalog_dir: Path | None) -> None:
    """List your goals, one per line: id, kind and name.

    \b
    Example:
      paperpath goal list
    """
    from paperpath.progress.store import load_progress, resolve_progress_path
    from paperpath.render.escape import plain_text

    catalog = load_checked_catalog(catalog_dir)
    records = load_progress(resolve_progress_path(progress_file))
    if not records.goals:
        click.echo("No goals set; add one with 'paperpath goal add TARGET'.", err=True)
    for goal in records.goals:
        if goal in catalog.papers:
            click.echo(f"{goal}\tpaper\t{plain_text(catalog.papers[goal].title)}")
        elif goal in catalog.topics:
            click.echo(f"{goal}\ttopic\t{plain_text(catalog.topics[goal].title)}")
        else:
            click.echo(f"{goal}\tnot in the catalog\tremove it with 'paperpath goal remove {goal}'")


def _in_catalog(catalog, target_id: str) -> bool:
    return target_id in catalog.papers or target_id in catalog.topics


def _goals_in_catalog(catalog, goals: tuple[str, ...], path: Path) -> list[str]:
    missing = [goal for goal in goals if not _in_catalog(catalog, goal)]
    if missing:
        click.echo(
            f"paperpath: warning: {path} keeps goals that the catalog does not contain: "
            f"{', '.join(missing)}; remove one with 'paperpath goal remove ID'",
            err=True,
        )
    return [goal for goal in goals if goal not in missing]


def _paper_name(catalog, paper_id: str) -> str:
    from paperpath.render.escape import plain_text
    from paperpath.render.labels import short_name

    if paper_id not in catalog.papers:
        return f"{paper_id} (not in the catalog)"
    return plain_text(f"{short_name(catalog.papers[paper_id])} [{paper_id}]")


def _echo_total(catalog, read: dict[str, date]) -> None:
    in_catalog = sum(paper_id in catalog.papers for paper_id in read)
    click.echo(f"{in_catalog} of {count_noun(len(catalog.papers), 'catalog paper')} read")
