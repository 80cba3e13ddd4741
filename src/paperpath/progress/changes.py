"""Changes to the progress records: mark papers read or unread, add or remove goals.

Resolution against the catalog happens before the progress file is locked,
so an unknown id stops the command before anything is written. The
``mark_*`` and goal functions are pure: they return a new :class:`Progress`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date

from paperpath.catalog import Catalog
from paperpath.errors import TargetError
from paperpath.graph import TargetKind, resolve_target
from paperpath.progress.records import Progress


def resolve_paper_ids(
    catalog: Catalog, texts: Iterable[str], recorded: Collection[str] = ()
) -> list[str]:
    """Resolve paper ids or aliases to catalog ids, in order and without repeats.

    A text that names no catalog paper is still accepted when it equals an
    id in ``recorded``, so ids that have left the catalog can be removed.
    Topics are rejected because marking a whole topic read at once is easy
    to do by mistake. Raises :class:`TargetError` listing every failure.
    """
    ids: list[str] = []
    failures: list[str] = []
    recorded_by_key = {paper_id.casefold(): paper_id for paper_id in recorded}
    for text in texts:
        key = text.strip().casefold()
        if key in recorded_by_key and key not in catalog.papers:
            ids.append(recorded_by_key[key])
            continue
        try:
            target = resolve_target(catalog, text)
        except TargetError as error:
            failures.append(error.message)
            continue
        if target.kind is TargetKind.TOPIC:
            failures.append(
                f"'{text}' is a topic, not a paper; list its papers with "
                f"'paperpath papers --topic {target.id}' and give their ids"
            )
            continue
        ids.append(target.id)
    if failures:
        raise TargetError("\n".join(failures))
    return list(dict.fromkeys(ids))


def resolve_goal_ids(
    catalog: Catalog, texts: Iterable[str], recorded: Collection[str] = ()
) -> list[str]:
    """Resolve goals (paper ids, aliases or topic ids) to catalog ids, keeping recorded ones."""
    ids: list[str] = []
    failures: list[str] = []
    recorded_by_key = {goal.casefold(): goal for goal in recorded}
    for text in texts:
        key = text.strip().casefold()
        if key in recorded_by_key and key not in catalog.papers and key not in catalog.topics:
            ids.append(recorded_by_key[key])
            continue
        try:
            ids.append(resolve_target(catalog, text).id)
        except TargetError as error:
            failures.append(error.message)
    if failures:
        raise TargetError("\n".join(failures))
    return list(dict.fromkeys(ids))


def mark_read(
    progress: Progress, paper_ids: Iterable[str], on: date, keep_earlier: bool = True
) -> Progress:
    """Record the papers as read on ``on``.

    With ``keep_earlier``, a paper that is already read keeps its date.
    """
    read = dict(progress.read)
    for paper_id in paper_ids:
        if not (keep_earlier and paper_id in read):
            read[paper_id] = on
    return Progress(read, progress.goals)


def mark_unread(progress: Progress, paper_ids: Iterable[str]) -> Progress:
    """Remove the papers' read records; ids that are not recorded are ignored."""
    remove = set(paper_ids)
    read = {paper_id: day for paper_id, day in progress.read.items() if paper_id not in remove}
    return Progress(read, progress.goals)


def add_goals(progress: Progress, goal_ids: Iterable[str]) -> Progress:
    """Append goals that are not set yet, keeping the order in which they were added."""
    return Progress(progress.read, tuple(dict.fromkeys([*progress.goals, *goal_ids])))


def remove_goals(progress: Progress, goal_ids: Iterable[str]) -> Progress:
    remove = set(goal_ids)
    return Progress(progress.read, tuple(goal for goal in progress.goals if goal not in remove))
