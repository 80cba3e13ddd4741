"""Fixtures shared by the test modules: catalogs written to temporary folders."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from paperpath.catalog import load_catalog
from paperpath.resources import bundled_catalog_dir

REPOSITORY = Path(__file__).resolve().parents[1]
SHARED_SOURCES = REPOSITORY.parent / "shared" / "sources"

TOPICS_YAML = """\
topics:
  - id: reinforcement
    title: Reinforcement learning
  - id: alignment
    title: Alignment
    parent: reinforcement
"""


def paper_yaml(
    paper_id: str,
    *,
    prerequisites: str = "[]",
    status: str = "incremental",
    year: int = 2020,
    arxiv: str | None = None,
    topics: str = "[alignment]",
    title: str | None = None,
    aliases: str = "[]",
    summary: str = "A summary.",
) -> str:
    """Return one paper entry as YAML list item text."""
    arxiv_line = f"    arxiv: {arxiv}\n" if arxiv else ""
    return (
        f"  - id: {paper_id}\n"
        f"    title: {title or 'Paper ' + paper_id}\n"
        f"    authors: [A. Author]\n"
        f"    year: {year}\n"
        f"    venue: arXiv preprint\n"
        f"    url: https://example.org/{paper_id}\n"
        f"{arxiv_line}"
        f"    status: {status}\n"
        f"    prerequisites: {prerequisites}\n"
        f"    topics: {topics}\n"
        f"    aliases: {aliases}\n"
        f"    summary: {summary}\n"
        f"    reading_minutes: 30\n"
    )


@pytest.fixture(scope="session", autouse=True)
def catalog_cache_folder(tmp_path_factory) -> Path:
    """Keep the catalog cache of every test, subprocesses included, out of the user's folder."""
    folder = tmp_path_factory.mktemp("catalog-cache")
    os.environ["PAPERPATH_CACHE_DIR"] = str(folder)
    os.environ.pop("PAPERPATH_NO_CACHE", None)
    return folder


@pytest.fixture
def write_catalog(tmp_path: Path):
    """Write ``{relative name: text}`` into a fresh catalog folder and return it."""

    def write(files: dict[str, str]) -> Path:
        folder = tmp_path / "catalog"
        folder.mkdir(exist_ok=True)
        for name, text in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                target.write_bytes(text)
            else:
                target.write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return write


@pytest.fixture
def small_catalog(write_catalog) -> Path:
    """A valid five-paper catalog: a chain rl -> ppo -> rlhf -> dpo, plus lm."""
    papers = "papers:\n" + "".join(
        [
            paper_yaml(
                "rl",
                status="foundational",
                year=1992,
                topics="[reinforcement]",
                aliases="[REINFORCE]",
            ),
            paper_yaml("lm", status="foundational", year=2017, topics="[reinforcement]"),
            paper_yaml(
                "ppo",
                status="foundational",
                year=2017,
                topics="[reinforcement]",
                prerequisites="[{id: rl, reason: PPO is a policy-gradient method.}]",
                aliases="[PPO]",
            ),
            paper_yaml(
                "rlhf",
                status="foundational",
                year=2022,
                prerequisites="[lm, {id: ppo, reason: The RL stage uses PPO.}]",
                aliases="[InstructGPT]",
            ),
            paper_yaml(
                "dpo",
                year=2023,
                arxiv='"2305.18290"',
                prerequisites="[{id: rlhf, reason: DPO removes the reward model.}]",
                aliases="[DPO]",
            ),
        ]
    )
    return write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": papers})


@pytest.fixture(scope="session")
def bundled():
    """The bundled catalog, loaded once."""
    result = load_catalog(bundled_catalog_dir())
    assert not result.errors, [problem.format() for problem in result.errors]
    return result.catalog


@pytest.fixture(autouse=True)
def progress_file(tmp_path_factory, monkeypatch) -> Path:
    """Point every test, and the processes it starts, at a progress file of its own.

    No test may read or write the reader's real progress file in the user
    data folder. The folder is not tmp_path, whose contents tests check.
    """
    folder = tmp_path_factory.mktemp("progress")
    monkeypatch.setenv("PAPERPATH_PROGRESS", str(folder / "progress.json"))
    monkeypatch.setenv("XDG_DATA_HOME", str(folder / "xdg-data"))
    return folder / "progress.json"
