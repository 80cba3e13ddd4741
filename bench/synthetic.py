"""Generate synthetic catalogs in the real catalog format, for benchmarks.

A catalog of ``size`` papers is written as ``topics.yaml`` plus
``papers/NNNNN.yaml`` files of ``PAPERS_PER_FILE`` papers each. The shape
imitates a real field:

- topics nest three deep (roots, children, grandchildren), and every
  paper is tagged with one leaf topic, sometimes two;
- about ``FOUNDATIONAL_SHARE`` of the papers are foundational;
- papers are numbered from oldest to newest, and every incremental paper
  lists one to six prerequisites among older papers: mostly recent papers
  of its own topic, some foundational papers, and a few from anywhere.

Foundational papers depend only on older foundational papers, and every
incremental paper has a prerequisite, so ``paperpath check`` reports no
errors and no warnings. The same seed and size always give the same bytes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

PAPERS_PER_FILE = 100
FOUNDATIONAL_SHARE = 0.03
FIRST_YEAR = 1990
LAST_YEAR = 2025
# Prerequisites inside the paper's own topic come from this many of its newest papers.
RECENT_WINDOW = 40

_WORDS = (
    "adaptive aligned attention bayesian calibrated causal contrastive curriculum "
    "deep direct distilled efficient emergent generative gradient guided hierarchical "
    "implicit iterative latent learned modular multi-step neural offline online optimal "
    "policy preference probabilistic process reward robust scalable self sparse "
    "structured symbolic tree verified"
).split()
_NOUNS = (
    "agents alignment decoding exploration feedback learning models optimization "
    "planning reasoning representations retrieval search supervision transformers "
    "verifiers"
).split()


@dataclass(frozen=True)
class TopicSpec:
    id: str
    title: str
    parent: str | None


def topic_tree(size: int) -> list[TopicSpec]:
    """Return the topics for a catalog of ``size`` papers: three levels, parents first.

    The tree grows with the catalog so that a leaf topic has a few
    hundred papers at most.
    """
    roots = max(2, min(10, size // 2000 + 2))
    children = 4
    grandchildren = max(2, min(25, size // (roots * children * 100)))
    topics: list[TopicSpec] = []
    for root in range(roots):
        root_id = f"area-{root}"
        topics.append(TopicSpec(root_id, f"Area {root}", None))
        for child in range(children):
            child_id = f"{root_id}-field-{child}"
            topics.append(TopicSpec(child_id, f"Field {root}.{child}", root_id))
            for grandchild in range(grandchildren):
                topics.append(
                    TopicSpec(
                        f"{child_id}-topic-{grandchild}",
                        f"Topic {root}.{child}.{grandchild}",
                        child_id,
                    )
                )
    return topics


def paper_id(index: int) -> str:
    return f"p{index:06d}"


def _title(rng: random.Random) -> str:
    words = rng.sample(_WORDS, 3)
    return f"{words[0].capitalize()} {words[1]} {words[2]} {rng.choice(_NOUNS)}"


def _paper_yaml(
    index: int,
    size: int,
    rng: random.Random,
    status: str,
    prerequisites: list[int],
    topics: list[str],
) -> str:
    year = FIRST_YEAR + (LAST_YEAR - FIRST_YEAR) * index // max(1, size - 1)
    month = 1 + index % 12
    identifier = paper_id(index)
    prerequisite_lines = "".join(
        f"      - id: {paper_id(number)}\n        reason: Builds on {paper_id(number)}.\n"
        for number in prerequisites
    )
    return (
        f"  - id: {identifier}\n"
        f'    title: "{_title(rng)}"\n'
        f"    authors: [Author {rng.randrange(10_000)}, Author {rng.randrange(10_000)}]\n"
        f"    year: {year}\n"
        f"    month: {month}\n"
        f"    venue: Synthetic Conference {year}\n"
        f"    url: https://example.org/papers/{identifier}\n"
        f'    arxiv: "{year % 100:02d}{month:02d}.{index % 100_000:05d}"\n'
        f"    status: {status}\n"
        + (f"    prerequisites:\n{prerequisite_lines}" if prerequisites else "")
        + f"    topics: [{', '.join(topics)}]\n"
        f"    aliases: [Method-{index}]\n"
        f"    summary: >-\n"
        f"      A synthetic paper about {rng.choice(_NOUNS)} that extends its prerequisites\n"
        f"      with a {rng.choice(_WORDS)} method.\n"
        f"    reading_minutes: {rng.randrange(20, 91, 5)}\n"
    )


def generate_catalog(folder: Path, size: int, seed: int = 8) -> Path:
    """Write a synthetic catalog of ``size`` papers into ``folder``; return ``folder``.

    ``folder`` must not hold another catalog, because every YAML file below
    it is part of the catalog. Raises ValueError for a size below 10 or
    beyond the 100,000 that the six-digit ids and five-digit arXiv numbers
    allow.
    """
    if not 10 <= size <= 100_000:
        raise ValueError(f"size must be between 10 and 100000, not {size}")
    rng = random.Random(seed)
    topics = topic_tree(size)
    parents = {topic.parent for topic in topics}
    leaves = [topic.id for topic in topics if topic.id not in parents]

    foundational: list[int] = []
    by_leaf: dict[str, list[int]] = {leaf: [] for leaf in leaves}
    entries: list[str] = []
    for index in range(size):
        leaf = rng.choice(leaves)
        paper_topics = [leaf]
        if rng.random() < 0.2:
            other = rng.choice(leaves)
            if other != leaf:
                paper_topics.append(other)
        is_foundational = index == 0 or rng.random() < FOUNDATIONAL_SHARE
        if is_foundational:
            # Foundational papers build only on older foundational papers.
            count = rng.randint(0, min(2, len(foundational)))
            prerequisites = sorted(rng.sample(foundational, count))
        else:
            prerequisites = _incremental_prerequisites(rng, index, by_leaf[leaf], foundational)
        entries.append(
            _paper_yaml(
                index,
                size,
                rng,
                "foundational" if is_foundational else "incremental",
                prerequisites,
                paper_topics,
            )
        )
        if is_foundational:
            foundational.append(index)
        for topic in paper_topics:
            by_leaf[topic].append(index)

    _write_files(folder, topics, entries)
    return folder


def _incremental_prerequisites(
    rng: random.Random, index: int, same_topic: list[int], foundational: list[int]
) -> list[int]:
    prerequisite_count = rng.choices(range(1, 7), weights=(20, 30, 22, 14, 8, 6))[0]
    chosen: set[int] = set()
    recent = same_topic[-RECENT_WINDOW:]
    for _ in range(prerequisite_count):
        roll = rng.random()
        if roll < 0.7 and recent:
            chosen.add(rng.choice(recent))
        elif roll < 0.9:
            chosen.add(rng.choice(foundational))
        else:
            chosen.add(rng.randrange(index))
    return sorted(chosen)


def _write_files(folder: Path, topics: list[TopicSpec], entries: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["# Synthetic topic tree: areas, fields and topics, three levels deep.\n", "topics:\n"]
    for topic in topics:
        lines.append(f"  - id: {topic.id}\n    title: {topic.title}\n")
        if topic.parent is not None:
            lines.append(f"    parent: {topic.parent}\n")
    (folder / "topics.yaml").write_text("".join(lines), encoding="utf-8")

    papers = folder / "papers"
    papers.mkdir(exist_ok=True)
    for start in range(0, len(entries), PAPERS_PER_FILE):
        chunk = entries[start : start + PAPERS_PER_FILE]
        text = "papers:\n" + "".join(chunk)
        name = f"{start // PAPERS_PER_FILE:05d}.yaml"
        (papers / name).write_text(text, encoding="utf-8")
