"""Build a syllabus: a curriculum's reading order packed into themed weeks.

The reading order comes from :func:`~paperpath.plan.plan_reading_order`
with the curriculum's goals as targets and its assumed knowledge as
known papers. The budget fields decide the packing:

- ``hours_per_week`` alone: weeks of at most that many hours, as many
  weeks as the papers need;
- ``weeks`` alone: the smallest budget, in steps of 30 minutes, that fits
  the papers into at most that many weeks;
- both: weeks of at most ``hours_per_week`` hours; when they need more
  than ``weeks`` weeks, :class:`WeeksExceededError` gives the number they need.

Optional readings do not count against the budget. Each one sits in its
pinned week, or else in the first week by which all of its prerequisites
in the course are read.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from paperpath.catalog import Catalog, Paper, Problem
from paperpath.curriculum import Curriculum
from paperpath.curriculum.load import late_week_problems
from paperpath.errors import CurriculumError, PaperpathError
from paperpath.graph import TargetKind, prerequisite_graph
from paperpath.plan.packing import (
    PackedWeek,
    dominant_topic,
    is_overfull,
    pack_weeks,
    smallest_budget,
)
from paperpath.plan.reading_order import ReadingEntry, ReadingOrder, plan_reading_order
from paperpath.render.durations import format_minutes


class WeeksExceededError(PaperpathError):
    """The goals need more weeks than the curriculum gives at its weekly budget."""

    def __init__(self, needed: int, weeks: int, budget_minutes: int, fitting_minutes: int | None):
        self.needed = needed
        self.summary = (
            f"the goals need {needed} weeks at {format_minutes(budget_minutes)} per week, "
            f"but the course is limited to {weeks}"
        )
        self.fix = f"set 'weeks: {needed}' (or --weeks {needed})"
        if fitting_minutes is not None:
            self.fix += f", raise 'hours_per_week' to {fitting_minutes / 60:g} to fit {weeks} weeks"
        self.fix += ", or drop goals"
        super().__init__(f"{self.summary}; {self.fix}")


@dataclass(frozen=True)
class OptionalReading:
    """An extra reading outside the budget, with prerequisites the course does not cover."""

    paper: Paper
    uncovered: tuple[Paper, ...]


@dataclass(frozen=True)
class Week:
    """One week of a syllabus: its theme, required and optional readings."""

    number: int
    theme: str
    entries: tuple[ReadingEntry, ...]
    optional: tuple[OptionalReading, ...]
    oversized: bool = False

    @property
    def minutes(self) -> int:
        """The summed reading time of the required readings."""
        return sum(entry.paper.reading_minutes or 0 for entry in self.entries)

    @property
    def optional_minutes(self) -> int:
        return sum(reading.paper.reading_minutes or 0 for reading in self.optional)


@dataclass(frozen=True)
class Syllabus:
    """A curriculum's reading order in weeks, and the weekly budget used."""

    curriculum: Curriculum
    order: ReadingOrder
    weeks: tuple[Week, ...]
    budget_minutes: int
    # True when the budget was computed from 'weeks' rather than given as 'hours_per_week'.
    budget_fitted: bool

    def week_of(self) -> dict[str, int]:
        """Map each required paper id to its week number."""
        return {entry.paper.id: week.number for week in self.weeks for entry in week.entries}


def plan_syllabus(
    catalog: Catalog,
    curriculum: Curriculum,
    graph: nx.DiGraph | None = None,
    weeks: int | None = None,
    hours_per_week: float | None = None,
) -> Syllabus:
    """Plan the syllabus of ``curriculum``; ``weeks`` and ``hours_per_week`` override its own.

    Raises :class:`WeeksExceededError` when the only problem is that the
    papers need more weeks than given at the weekly budget, and
    :class:`~paperpath.errors.CurriculumError` listing every problem
    (pins, themes, optional readings and the weeks needed) otherwise.
    """
    graph = graph if graph is not None else prerequisite_graph(catalog)
    spec = curriculum.spec
    weeks = weeks if weeks is not None else spec.weeks
    hours_per_week = hours_per_week if hours_per_week is not None else spec.hours_per_week
    if weeks is None and hours_per_week is None:
        raise PaperpathError("give 'weeks' or 'hours_per_week' in the curriculum or as options")

    assumed = [target.text for target in curriculum.assumed_targets]
    order = plan_reading_order(catalog, spec.goals, assumed, graph=graph)
    ids = [entry.paper.id for entry in order.entries]
    known = {paper_id for target in curriculum.assumed_targets for paper_id in target.paper_ids}
    problems = _static_problems(curriculum, ids, known)

    budget_fitted = hours_per_week is None
    parents = {topic.id: topic.parent for topic in catalog.topics.values()}
    # Pinned optional readings are placed after packing, outside the budget.
    pins = {paper_id: week for paper_id, week in curriculum.pinned.items() if paper_id in ids}
    if weeks is not None:
        problems += late_week_problems(
            curriculum.document,
            curriculum.document.data,
            curriculum.pinned,
            curriculum.pinned_keys,
            weeks,
        )
        # Pins past the last week are reported above; packing goes on without them.
        pins = {paper_id: week for paper_id, week in pins.items() if week <= weeks}
    exceeded = None
    if budget_fitted:
        budget, packed = smallest_budget(graph, catalog.papers, ids, weeks, pins, parents)
    else:
        budget = round(hours_per_week * 60)
        packed = pack_weeks(graph, catalog.papers, ids, budget, pins, parents)
        if weeks is not None and len(packed) > weeks:
            fitting, fitted = smallest_budget(graph, catalog.papers, ids, weeks, pins, parents)
            exceeded = WeeksExceededError(
                len(packed), weeks, budget, fitting if len(fitted) <= weeks else None
            )
    problems += _packing_problems(curriculum, catalog, packed, budget, weeks)
    if exceeded is not None:
        if not problems:
            raise exceeded
        # Reported with the other problems, so that one run shows them all.
        from_file = spec.weeks == weeks
        line = curriculum.document.line_of(("weeks",)) if from_file else None
        problems.append(
            Problem(curriculum.path, line, exceeded.summary, exceeded.fix, field="weeks")
        )
    _raise_problems(problems)

    entries = {entry.paper.id: entry for entry in order.entries}
    week_of = {paper_id: week.number for week in packed for paper_id in week.paper_ids}
    optional = _place_optional(catalog, graph, curriculum, week_of, known, len(packed))
    result = []
    for week in packed:
        theme = spec.themes.get(week.number) or _topic_theme(catalog, week)
        result.append(
            Week(
                week.number,
                theme,
                tuple(entries[paper_id] for paper_id in week.paper_ids),
                tuple(optional.get(week.number, [])),
                week.oversized,
            )
        )
    return Syllabus(curriculum, order, tuple(result), budget, budget_fitted)


def _raise_problems(problems: list[Problem]) -> None:
    if problems:
        raise CurriculumError(sorted(problems, key=lambda p: (p.line or 0, p.message)))


def _static_problems(curriculum: Curriculum, ids: list[str], known: set[str]) -> list[Problem]:
    """Check pins and optional readings against the reading order before packing."""
    problems = []
    in_course = set(ids)
    for paper_id in curriculum.pinned:
        if paper_id not in in_course and paper_id not in curriculum.optional:
            problems.append(
                curriculum.problem(
                    ("pinned", curriculum.pinned_keys[paper_id]),
                    f"'{paper_id}' is not a reading of this course",
                    "add it to 'goals' or 'optional', or remove the pin",
                )
            )
    for index, target in enumerate(curriculum.optional_targets):
        if target.kind is not TargetKind.PAPER:
            continue
        if target.id in in_course:
            reason = "is already a required reading"
        elif target.id in known:
            reason = "is assumed knowledge"
        else:
            continue
        problems.append(
            curriculum.problem(
                ("optional", index),
                f"optional reading '{target.id}' {reason}",
                "remove it from 'optional'",
            )
        )
    return problems


def _packing_problems(
    curriculum: Curriculum,
    catalog: Catalog,
    packed: list[PackedWeek],
    budget: int,
    weeks: int | None,
) -> list[Problem]:
    """Report pins that overfill or empty a week, and themes of weeks that do not exist."""
    problems = []
    pins_by_week: dict[int, list[str]] = {}
    placed = {paper_id for week in packed for paper_id in week.paper_ids}
    for paper_id, week in sorted(curriculum.pinned.items()):
        if paper_id not in placed:
            continue  # an optional reading
        pins_by_week.setdefault(week, []).append(paper_id)
    for week in packed:
        if is_overfull(week, catalog.papers, budget):
            for paper_id in pins_by_week.get(week.number, []):
                problems.append(
                    curriculum.problem(
                        ("pinned", curriculum.pinned_keys[paper_id]),
                        f"week {week.number} cannot hold '{paper_id}' and its unread "
                        f"prerequisites within {format_minutes(budget)}",
                        "pin it to a later week or raise 'hours_per_week'",
                    )
                )
        if not week.paper_ids:
            later = min(w for w in pins_by_week if w > week.number)
            for paper_id in pins_by_week[later]:
                problems.append(
                    curriculum.problem(
                        ("pinned", curriculum.pinned_keys[paper_id]),
                        f"week {week.number} would be empty because every paper left "
                        f"waits for '{paper_id}', pinned to week {later}",
                        "pin it to an earlier week",
                    )
                )
    for week in curriculum.spec.themes:
        if len(packed) < week <= (weeks or week):  # later weeks: see late_week_problems
            problems.append(
                curriculum.problem(
                    ("themes", week),
                    f"week {week} has a theme, but the syllabus has {len(packed)} weeks",
                    "remove the theme or give 'weeks' so the course spans that week",
                )
            )
    return problems


def _place_optional(
    catalog: Catalog,
    graph: nx.DiGraph,
    curriculum: Curriculum,
    week_of: dict[str, int],
    known: set[str],
    week_count: int,
) -> dict[int, list[OptionalReading]]:
    """Put each optional reading in its pinned week, or else the first week after its prerequisites.

    Raises :class:`~paperpath.errors.CurriculumError` for an optional
    reading pinned before one of its prerequisites in the course, or after
    the last week.
    """
    placed: dict[int, list[OptionalReading]] = {}
    problems = []
    covered = set(week_of) | known | set(curriculum.optional)
    for known_id in known:
        covered |= nx.ancestors(graph, known_id)
    for paper_id in curriculum.optional:
        if paper_id in week_of or paper_id in known:
            continue  # a topic listed as optional may include required or known papers
        prerequisites = sorted(graph.predecessors(paper_id))
        earliest = max((week_of[p] for p in prerequisites if p in week_of), default=1)
        week = curriculum.pinned.get(paper_id, min(earliest, week_count))
        if paper_id in curriculum.pinned:
            where = ("pinned", curriculum.pinned_keys[paper_id])
            late = [p for p in prerequisites if week_of.get(p, 0) > week]
            if late:
                problems.append(
                    curriculum.problem(
                        where,
                        f"optional reading '{paper_id}' is pinned to week {week}, before its "
                        f"prerequisite '{late[0]}' (week {week_of[late[0]]})",
                        f"pin it to week {earliest} or later",
                    )
                )
            if week > week_count:
                problems.append(
                    curriculum.problem(
                        where,
                        f"pinned to week {week}, but the syllabus has {week_count} weeks",
                        f"pin it to a week from 1 to {week_count}",
                    )
                )
        uncovered = tuple(catalog.papers[p] for p in prerequisites if p not in covered)
        placed.setdefault(week, []).append(OptionalReading(catalog.papers[paper_id], uncovered))
    _raise_problems(problems)
    return placed


def _topic_theme(catalog: Catalog, week: PackedWeek) -> str:
    topic = dominant_topic(week.paper_ids, catalog.papers)
    if topic is None:
        return "Catching up"
    return catalog.topics[topic].title if topic in catalog.topics else topic


def syllabus_violations(syllabus: Syllabus, graph: nx.DiGraph) -> list[str]:
    """Return every broken syllabus rule as a sentence; an empty list means none.

    There are three rules. Each week is within the budget, or is a single
    paper longer than it. Each paper comes after its prerequisites in the
    course. Each goal paper is in the syllabus, unless it is assumed
    knowledge.
    """
    violations = []
    budget = syllabus.budget_minutes
    seen: set[str] = set()
    week_of = syllabus.week_of()
    for week in syllabus.weeks:
        if week.minutes > budget and len(week.entries) > 1:
            violations.append(
                f"week {week.number} has {week.minutes} min of reading, over {budget} min"
            )
        for entry in week.entries:
            for prerequisite in graph.predecessors(entry.paper.id):
                if prerequisite in week_of and prerequisite not in seen:
                    violations.append(
                        f"'{entry.paper.id}' in week {week.number} comes before its "
                        f"prerequisite '{prerequisite}' (week {week_of[prerequisite]})"
                    )
            seen.add(entry.paper.id)
    for target in syllabus.order.targets:
        for paper_id in target.paper_ids:
            left_out = {paper.id for paper in syllabus.order.known_left_out}
            if paper_id not in week_of and paper_id not in left_out:
                violations.append(f"goal paper '{paper_id}' is in no week")
    return violations
