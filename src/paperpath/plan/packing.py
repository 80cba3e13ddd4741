"""Pack a reading order into weeks under an hour budget.

The packer fills one week at a time. A paper becomes ready once all of
its prerequisites inside the reading order are placed, in an earlier week
or earlier in the same week. The packer chooses among the ready papers
that still fit the week's budget. It prefers papers tagged with the
week's dominant topic, then papers sharing any topic with the week's
papers, then papers sharing a parent topic. Ties go to the earlier
reading-order position. So
a week's papers hang together by topic where the prerequisites allow,
and the reading order decides everything else.

Known limits: the packing is greedy. It never overfills a week, except
for a paper longer than the budget (alone in its week) and the papers a
pin forces into a week, but it does not search for the fewest weeks.
Papers without a reading-time estimate count as 0 minutes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from paperpath.catalog import Paper

# The weekly budget that :func:`smallest_budget` finds is a multiple of this many minutes.
BUDGET_STEP_MINUTES = 30


@dataclass(frozen=True)
class PackedWeek:
    """The papers of one week, in the order to read them.

    ``oversized`` is true for a week that contains a single paper longer than
    the budget.
    """

    number: int
    paper_ids: tuple[str, ...]
    oversized: bool = False


def paper_minutes(paper: Paper) -> int:
    """Return a paper's reading time in minutes, 0 when it has no estimate."""
    return paper.reading_minutes or 0


def dominant_topic(paper_ids: Sequence[str], papers: Mapping[str, Paper]) -> str | None:
    """Return the topic with the most reading minutes among ``paper_ids``.

    Ties go to the topic that appears first in ``paper_ids``, so the result
    is deterministic.

    >>> from types import SimpleNamespace as P
    >>> papers = {"a": P(topics=["rl"], reading_minutes=30),
    ...           "b": P(topics=["dpo"], reading_minutes=60)}
    >>> dominant_topic(["a", "b"], papers)
    'dpo'
    """
    minutes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for index, paper_id in enumerate(paper_ids):
        paper = papers[paper_id]
        for topic in paper.topics:
            minutes[topic] += paper.reading_minutes or 0
            first_seen.setdefault(topic, index)
    if not first_seen:
        return None
    return min(first_seen, key=lambda topic: (-minutes[topic], first_seen[topic]))


def pack_weeks(
    graph: nx.DiGraph,
    papers: Mapping[str, Paper],
    order: Sequence[str],
    budget_minutes: int,
    pinned: Mapping[str, int] | None = None,
    topic_parents: Mapping[str, str | None] | None = None,
) -> list[PackedWeek]:
    """Pack the papers of ``order`` into weeks of at most ``budget_minutes`` each.

    ``order`` is a reading order: a topological order of the papers
    inside the prerequisite ``graph``. ``pinned`` maps a paper to the week
    (from 1) it must be read in. A pinned paper is held back until its
    week, and the papers that need it wait for it. Its unplaced
    prerequisites are read that week at the latest, even if that
    overfills the week. ``topic_parents`` maps each topic to its parent topic, so that
    papers of sibling topics count as related.

    Guarantees: every paper of ``order`` is placed exactly once, after all
    of its prerequisites in ``order``. A week holds more than
    ``budget_minutes`` only when it is a single paper longer than the
    budget (``oversized``) or when a pin forces papers into it. A week can
    be empty when every remaining paper waits for a pin in a later week.

    Examples
    --------
    >>> from types import SimpleNamespace as P
    >>> papers = {name: P(topics=[topic], reading_minutes=minutes)
    ...           for name, topic, minutes in [("rl", "rl", 60), ("ppo", "rl", 60),
    ...                                        ("cot", "cot", 60), ("dpo", "rl", 60)]}
    >>> graph = nx.DiGraph([("rl", "ppo"), ("ppo", "dpo")])
    >>> graph.add_node("cot")
    >>> [week.paper_ids for week in pack_weeks(graph, papers, ["rl", "cot", "ppo", "dpo"], 120)]
    [('rl', 'ppo'), ('cot', 'dpo')]
    """
    pinned = dict(pinned or {})
    family = {
        paper_id: _topic_family(papers[paper_id].topics, topic_parents or {}) for paper_id in order
    }
    position = {paper_id: index for index, paper_id in enumerate(order)}
    prerequisites = {
        paper_id: [p for p in graph.predecessors(paper_id) if p in position]
        if paper_id in graph
        else []
        for paper_id in order
    }
    # For each paper, the earliest pinned week of a paper that needs it. Such
    # papers are read first so that the pinned week does not overflow.
    needed_by_week = {paper_id: math.inf for paper_id in order}
    for pinned_id, week in pinned.items():
        if pinned_id in position:
            for ancestor in nx.ancestors(graph, pinned_id) & position.keys():
                needed_by_week[ancestor] = min(needed_by_week[ancestor], week)

    placed: set[str] = set()
    weeks: list[PackedWeek] = []
    while len(placed) < len(order):
        number = len(weeks) + 1
        current = _forced_papers(graph, position, pinned, placed, number)
        placed.update(current)
        minutes = sum(paper_minutes(papers[paper_id]) for paper_id in current)
        oversized = False

        while True:
            ready = [
                paper_id
                for paper_id in order
                if paper_id not in placed
                and pinned.get(paper_id, number) <= number
                and all(p in placed for p in prerequisites[paper_id])
            ]
            if not ready:
                break
            fitting = [p for p in ready if minutes + paper_minutes(papers[p]) <= budget_minutes]
            if not fitting:
                if not current:
                    # The earliest ready paper is longer than a week: it gets a week of its own.
                    first = min(ready, key=lambda p: (needed_by_week[p], position[p]))
                    current.append(first)
                    placed.add(first)
                    oversized = True
                break
            kinship = _kinship(current, papers, family)
            choice = min(fitting, key=lambda p: (needed_by_week[p], kinship(p), position[p]))
            current.append(choice)
            placed.add(choice)
            minutes += paper_minutes(papers[choice])
        weeks.append(PackedWeek(number, tuple(current), oversized))
    return weeks


def _kinship(
    current: Sequence[str], papers: Mapping[str, Paper], family: Mapping[str, set[str]]
) -> Callable[[str], int]:
    """Return a function that ranks how closely a paper's topics match the week so far.

    0: tagged with the week's dominant topic; 1: shares a topic with the
    week's papers; 2: shares a parent topic; 3: unrelated.
    """
    dominant = dominant_topic(current, papers)
    week_topics = {topic for paper_id in current for topic in papers[paper_id].topics}
    week_family = set().union(*(family[paper_id] for paper_id in current))

    def rank(paper_id: str) -> int:
        topics = set(papers[paper_id].topics)
        if dominant in topics:
            return 0
        if topics & week_topics:
            return 1
        if family[paper_id] & week_family:
            return 2
        return 3

    return rank


def _topic_family(topics: Sequence[str], parents: Mapping[str, str | None]) -> set[str]:
    """Return ``topics`` and all the topics above them in the topic tree."""
    family: set[str] = set()
    for topic in topics:
        current: str | None = topic
        while current is not None and current not in family:
            family.add(current)
            current = parents.get(current)
    return family


def _forced_papers(
    graph: nx.DiGraph,
    position: Mapping[str, int],
    pinned: Mapping[str, int],
    placed: set[str],
    week: int,
) -> list[str]:
    """Return the papers pinned to ``week`` and their unplaced prerequisites, in reading order."""
    forced: set[str] = set()
    for paper_id, pinned_week in pinned.items():
        if pinned_week == week and paper_id in position and paper_id not in placed:
            forced.add(paper_id)
            forced.update(nx.ancestors(graph, paper_id) & position.keys())
    return sorted(forced - placed, key=position.get)


def week_minutes(week: PackedWeek, papers: Mapping[str, Paper]) -> int:
    """Return the summed reading time of a week's papers."""
    return sum(paper_minutes(papers[paper_id]) for paper_id in week.paper_ids)


def is_overfull(week: PackedWeek, papers: Mapping[str, Paper], budget_minutes: int) -> bool:
    """Return whether a week breaks the budget other than as a single oversized paper."""
    return len(week.paper_ids) > 1 and week_minutes(week, papers) > budget_minutes


def smallest_budget(
    graph: nx.DiGraph,
    papers: Mapping[str, Paper],
    order: Sequence[str],
    weeks: int,
    pinned: Mapping[str, int] | None = None,
    topic_parents: Mapping[str, str | None] | None = None,
) -> tuple[int, list[PackedWeek]]:
    """Return the smallest weekly budget that packs ``order`` into at most ``weeks`` weeks.

    The budget is a multiple of ``BUDGET_STEP_MINUTES`` and no week is
    overfull or empty at that budget. The search starts at the average
    reading time per week and raises the budget one step at a time, so it
    tries at most about total/step budgets.
    """
    total = sum(paper_minutes(papers[paper_id]) for paper_id in order)
    step = BUDGET_STEP_MINUTES
    budget = max(step, math.ceil(total / max(weeks, 1) / step) * step)
    while True:
        packed = pack_weeks(graph, papers, order, budget, pinned, topic_parents)
        fits = len(packed) <= weeks
        if fits and not any(is_overfull(week, papers, budget) for week in packed):
            return budget, packed
        if budget >= total + step:
            # Pins alone decide the week count from here on; a larger budget changes nothing.
            return budget, packed
        budget += step
