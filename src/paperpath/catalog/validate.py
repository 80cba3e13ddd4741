"""Checks that span papers and files: references, duplicates, cycles, tag quality.

Errors make the catalog unusable (a reading order could be wrong or
undefined). Warnings flag tags that are probably incomplete; ``--strict``
turns them into errors.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import networkx as nx

from paperpath.catalog.models import Status
from paperpath.catalog.problems import Problem, Severity

if TYPE_CHECKING:
    from paperpath.catalog.loader import Entry


def check_entries(papers: Sequence[Entry], topics: Sequence[Entry]) -> list[Problem]:
    """Return every cross-reference problem among the entries.

    Entries that failed validation take part with their usable fields, and
    warnings that depend on a missing field are skipped for them.
    """
    problems: list[Problem] = []
    paper_by_id = _first_by_id(papers, "paper", problems)
    topic_by_id = _first_by_id(topics, "topic", problems)

    problems.extend(_check_shared_namespace(paper_by_id, topic_by_id))
    problems.extend(_check_arxiv_ids(papers))
    problems.extend(_check_topics(topic_by_id, paper_by_id))
    problems.extend(_check_paper_references(paper_by_id, topic_by_id))
    problems.extend(_check_prerequisite_cycles(paper_by_id))
    problems.extend(_check_status(paper_by_id))
    problems.extend(_check_aliases(paper_by_id, topic_by_id))
    return problems


def _problem(entry: Entry, kind: str, message: str, fix: str, *field_path, **extra) -> Problem:
    field = extra.pop("field", field_path[0] if field_path else None)
    return Problem(
        entry.source.path,
        entry.source.line_of(*field_path),
        message,
        fix,
        subject=f"{kind} '{entry.model.id}'",
        field=field,
        **extra,
    )


def _first_by_id(entries: Sequence[Entry], kind: str, problems: list[Problem]) -> dict[str, Entry]:
    first: dict[str, Entry] = {}
    for entry in entries:
        earlier = first.get(entry.model.id)
        if earlier is None:
            first[entry.model.id] = entry
            continue
        problems.append(
            _problem(
                entry,
                kind,
                f"duplicate {kind} id "
                f"(first defined at {earlier.source.path}:{earlier.source.line})",
                f"give one of the two {kind}s another id, or merge them",
                "id",
            )
        )
    return first


def _check_shared_namespace(
    papers: dict[str, Entry], topics: dict[str, Entry]
) -> Iterable[Problem]:
    # A target on the command line may be a paper id or a topic id, so the
    # two must not collide.
    for topic_id in sorted(papers.keys() & topics.keys()):
        yield _problem(
            topics[topic_id],
            "topic",
            f"topic id is also the id of a paper ({papers[topic_id].source.path}:"
            f"{papers[topic_id].source.line}), so the target '{topic_id}' is ambiguous",
            "rename the topic or the paper",
            "id",
        )


def _check_arxiv_ids(papers: Sequence[Entry]) -> Iterable[Problem]:
    first: dict[str, Entry] = {}
    for entry in papers:
        arxiv = entry.model.arxiv
        if arxiv is None:
            continue
        earlier = first.setdefault(arxiv, entry)
        if earlier is not entry and earlier.model.id != entry.model.id:
            yield _problem(
                entry,
                "paper",
                f"duplicate arXiv id {arxiv} (also paper '{earlier.model.id}' at "
                f"{earlier.source.path}:{earlier.source.line})",
                "keep one entry for the paper and merge the other into it",
                "arxiv",
            )


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=3, cutoff=0.5)
    if not close:
        return ""
    return " (closest: " + ", ".join(f"'{choice}'" for choice in close) + ")"


def _check_topics(topics: dict[str, Entry], papers: dict[str, Entry]) -> Iterable[Problem]:
    tree = nx.DiGraph()
    for topic_id, entry in topics.items():
        tree.add_node(topic_id)
        parent = entry.model.parent
        if parent is None:
            continue
        if parent not in topics:
            yield _problem(
                entry,
                "topic",
                f"unknown parent topic '{parent}'" + _suggest(parent, topics),
                "use the id of an existing topic or remove 'parent'",
                "parent",
            )
        elif parent == topic_id:
            yield _problem(entry, "topic", "topic is its own parent", "remove 'parent'", "parent")
        else:
            tree.add_edge(topic_id, parent)

    for cycle in _cycles(tree):
        yield _problem(
            topics[cycle[0]],
            "topic",
            "parent cycle: "
            + " -> ".join([*cycle, cycle[0]])
            + " (each topic names the next as parent)",
            "remove 'parent' from one of these topics",
            "parent",
        )

    used: set[str] = set()
    for entry in papers.values():
        used.update(entry.model.topics)
    for topic_id, entry in topics.items():
        subtree = nx.ancestors(tree, topic_id) | {topic_id}
        if not subtree & used:
            yield _problem(
                entry,
                "topic",
                "topic has no papers, neither directly nor in a subtopic",
                "tag papers with it or remove the topic",
                "id",
                severity=Severity.WARNING,
            )


def _check_paper_references(
    papers: dict[str, Entry], topics: dict[str, Entry]
) -> Iterable[Problem]:
    for paper_id, entry in papers.items():
        paper = entry.model
        seen: set[str] = set()
        for index, link in enumerate(paper.prerequisites):
            field = f"prerequisites[{index}]"
            if link.id is None:
                continue  # malformed; validation has reported it
            if link.id == paper_id:
                yield _problem(
                    entry,
                    "paper",
                    "paper lists itself as a prerequisite",
                    "remove this prerequisite",
                    "prerequisites",
                    index,
                    field=field,
                )
            elif link.id not in papers:
                yield _problem(
                    entry,
                    "paper",
                    f"unknown prerequisite '{link.id}'" + _suggest(link.id, papers),
                    "use the id of a paper in the catalog, or add that paper",
                    "prerequisites",
                    index,
                    field=field,
                )
            elif link.id in seen:
                yield _problem(
                    entry,
                    "paper",
                    f"prerequisite '{link.id}' is listed twice",
                    "remove one of them",
                    "prerequisites",
                    index,
                    field=field,
                )
            seen.add(link.id)

        for index, topic_id in enumerate(paper.topics):
            if topic_id not in topics:
                yield _problem(
                    entry,
                    "paper",
                    f"unknown topic '{topic_id}'" + _suggest(topic_id, topics),
                    "use the id of a topic in the catalog, or add that topic",
                    "topics",
                    index,
                    field=f"topics[{index}]",
                )


def _cycles(graph: nx.DiGraph) -> list[list[str]]:
    """Return one cycle per strongly connected component, starting at its smallest id."""
    cycles = []
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        start = min(component)
        subgraph = graph.subgraph(component)
        edges = nx.find_cycle(subgraph, source=start)
        cycles.append([source for source, _ in edges])
    return sorted(cycles)


def _check_prerequisite_cycles(papers: dict[str, Entry]) -> Iterable[Problem]:
    needs = nx.DiGraph()
    needs.add_nodes_from(papers)
    needs.add_edges_from(
        (paper_id, link.id)
        for paper_id, entry in papers.items()
        for link in entry.model.prerequisites
        if link.id in papers and link.id not in (paper_id, None)
    )

    for cycle in _cycles(needs):
        first = papers[cycle[0]]
        index = next(i for i, link in enumerate(first.model.prerequisites) if link.id == cycle[1])
        loop = " -> ".join([*cycle, cycle[0]])
        yield _problem(
            first,
            "paper",
            f"prerequisite cycle: {loop} (each paper lists the next as a prerequisite)",
            "remove one of these prerequisites so that the papers can be ordered",
            "prerequisites",
            index,
            field=f"prerequisites[{index}]",
        )


def _check_status(papers: dict[str, Entry]) -> Iterable[Problem]:
    for entry in papers.values():
        paper = entry.model
        if not entry.valid:
            continue  # the status check needs a complete paper
        if paper.missing_fields:
            yield _problem(
                entry,
                "paper",
                "paper is not fully curated: no " + ", ".join(paper.missing_fields),
                "fill in these fields ('paperpath schema' describes them)",
                severity=Severity.WARNING,
            )
        if paper.status is Status.INCREMENTAL and not paper.prerequisites:
            yield _problem(
                entry,
                "paper",
                "incremental paper has no prerequisite",
                "list the papers it builds on, or mark it foundational",
                "status",
                severity=Severity.WARNING,
            )
        if paper.status is not Status.FOUNDATIONAL:
            continue
        for index, link in enumerate(paper.prerequisites):
            prerequisite = papers.get(link.id) if link.id else None
            if prerequisite is not None and prerequisite.model.status is Status.INCREMENTAL:
                yield _problem(
                    entry,
                    "paper",
                    f"foundational paper depends on incremental paper '{link.id}'",
                    f"mark '{link.id}' foundational, or this paper incremental",
                    "prerequisites",
                    index,
                    field=f"prerequisites[{index}]",
                    severity=Severity.WARNING,
                )


def _check_aliases(papers: dict[str, Entry], topics: dict[str, Entry]) -> Iterable[Problem]:
    # Ids take precedence over aliases when a target is resolved, so an alias
    # equal to another id can never be used, and an alias that two papers
    # share only ever names both.
    first_owner: dict[str, str] = {}
    for paper_id, entry in papers.items():
        for index, alias in enumerate(entry.model.aliases):
            owner = first_owner.setdefault(alias.casefold(), paper_id)
            if owner != paper_id:
                yield _problem(
                    entry,
                    "paper",
                    f"alias '{alias}' is also an alias of paper '{owner}', "
                    "so the target is ambiguous",
                    "keep the alias on the paper people mean by it and remove it here",
                    "aliases",
                    index,
                    field=f"aliases[{index}]",
                    severity=Severity.WARNING,
                )
    for paper_id, entry in papers.items():
        for index, alias in enumerate(entry.model.aliases):
            key = alias.casefold()
            if key == paper_id:
                continue
            if key in papers:
                owner = "paper"
            elif key in topics:
                owner = "topic"
            else:
                continue
            yield _problem(
                entry,
                "paper",
                f"alias '{alias}' equals the id of {owner} '{key}', which takes precedence",
                "remove the alias or rename it",
                "aliases",
                index,
                field=f"aliases[{index}]",
                severity=Severity.WARNING,
            )


__all__ = ["check_entries"]
