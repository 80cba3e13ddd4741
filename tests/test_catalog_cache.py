"""The parsed-catalog cache: hits, invalidation by content, damaged entries, switching off."""

import os
import subprocess
import sys

import pytest
from conftest import TOPICS_YAML, paper_yaml

import paperpath.catalog.cache as cache
from paperpath.catalog import load_catalog
from paperpath.catalog.cache import load_catalog_cached


def entries(folder):
    return sorted(folder.glob("*.pickle"))


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("PAPERPATH_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def forbid_loading(monkeypatch):
    """Make any load that misses the cache fail, so a passing call proves a hit."""

    def fail(*args, **kwargs):
        raise AssertionError("the catalog was loaded instead of read from the cache")

    def apply():
        monkeypatch.setattr(cache, "load_catalog", fail)

    return apply


def test_cache_hit_same_result(small_catalog, cache_dir, forbid_loading):
    first = load_catalog_cached(small_catalog)
    assert len(entries(cache_dir)) == 1
    forbid_loading()
    second = load_catalog_cached(small_catalog)
    assert second.catalog.papers == first.catalog.papers
    assert second.catalog.topics == first.catalog.topics
    assert second.problems == first.problems
    assert second.catalog.paper_sources["dpo"].line == first.catalog.paper_sources["dpo"].line


def test_cache_edit_invalidates_even_same_mtime(small_catalog, cache_dir):
    load_catalog_cached(small_catalog)
    papers = small_catalog / "papers.yaml"
    before = papers.stat()
    text = papers.read_text(encoding="utf-8")
    papers.write_text(text.replace("title: Paper dpo", "title: Paper DPO"), encoding="utf-8")
    os.utime(papers, ns=(before.st_atime_ns, before.st_mtime_ns))
    result = load_catalog_cached(small_catalog)
    assert result.catalog.papers["dpo"].title == "Paper DPO"


def test_cache_added_file_invalidates(small_catalog, cache_dir):
    load_catalog_cached(small_catalog)
    extra = "papers:\n" + paper_yaml("ipo", prerequisites="[dpo]", year=2023)
    (small_catalog / "more.yaml").write_text(extra, encoding="utf-8")
    assert "ipo" in load_catalog_cached(small_catalog).catalog.papers


def test_cache_corrupt_entry_ignored(small_catalog, cache_dir):
    expected = load_catalog(small_catalog)
    load_catalog_cached(small_catalog)
    (entry,) = entries(cache_dir)
    data = entry.read_bytes()
    header_end = data.index(b"\n", data.index(b"\n") + 1) + 1
    entry.write_bytes(data[:header_end] + b"not a pickle at all")
    result = load_catalog_cached(small_catalog)
    assert result.catalog.papers == expected.catalog.papers
    assert result.problems == expected.problems
    # The damaged entry is replaced by a good one.
    assert entry.read_bytes() != data[:header_end] + b"not a pickle at all"


def test_cache_truncated_entry_ignored(small_catalog, cache_dir):
    load_catalog_cached(small_catalog)
    (entry,) = entries(cache_dir)
    entry.write_bytes(entry.read_bytes()[:-40])
    assert sorted(load_catalog_cached(small_catalog).catalog.papers) == [
        "dpo",
        "lm",
        "ppo",
        "rl",
        "rlhf",
    ]


def test_cache_keeps_warnings_and_errors(write_catalog, cache_dir, forbid_loading):
    papers = "papers:\n" + paper_yaml("lone", prerequisites="[missing-paper]")
    papers += paper_yaml("orphan")  # incremental without prerequisites: a warning
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": papers})
    first = load_catalog_cached(folder)
    assert first.errors and first.warnings
    forbid_loading()
    second = load_catalog_cached(folder)
    assert [p.format() for p in second.problems] == [p.format() for p in first.problems]


def test_cache_switched_off_by_variable(small_catalog, cache_dir, monkeypatch):
    monkeypatch.setenv("PAPERPATH_NO_CACHE", "1")
    result = load_catalog_cached(small_catalog)
    assert "dpo" in result.catalog.papers
    assert entries(cache_dir) == []


def test_cache_unwritable_folder_still_loads(small_catalog, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PAPERPATH_CACHE_DIR", str(blocker / "cache"))
    assert "dpo" in load_catalog_cached(small_catalog).catalog.papers


def test_check_cli_same_output_from_cache(write_catalog, cache_dir):
    papers = "papers:\n" + paper_yaml("orphan") + paper_yaml("other", prerequisites="[nope]")
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": papers})
    command = [sys.executable, "-m", "paperpath", "check", "--catalog", str(folder)]
    runs = [subprocess.run(command, capture_output=True, text=True) for _ in range(2)]
    assert len(entries(cache_dir)) == 1
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stdout == runs[1].stdout
    assert "warning" in runs[1].stdout
    assert "unknown prerequisite 'nope'" in runs[1].stdout


def test_cache_hit_keeps_item_lines_not_field_lines(small_catalog, cache_dir, forbid_loading):
    expected = load_catalog(small_catalog).catalog
    load_catalog_cached(small_catalog)
    forbid_loading()
    cached = load_catalog_cached(small_catalog).catalog
    sources = [
        (expected.paper_sources, cached.paper_sources),
        (expected.topic_sources, cached.topic_sources),
    ]
    for before, after in sources:
        assert before.keys() == after.keys()
        for item_id, source in before.items():
            assert after[item_id].path == source.path
            assert after[item_id].line == source.line
            assert after[item_id].value_path == source.value_path
            assert after[item_id].document.file == source.document.file
    document = cached.paper_sources["dpo"].document
    assert document.data is None
    assert all(len(value_path) == 2 for value_path in document.lines)
    # A field's line is read from the file when asked for.
    expected_line = expected.paper_sources["dpo"].line_of("prerequisites", 0)
    assert cached.paper_sources["dpo"].line_of("prerequisites", 0) == expected_line
    assert expected_line != cached.paper_sources["dpo"].line


def test_show_cli_same_output_from_cache(small_catalog, cache_dir):
    command = [sys.executable, "-m", "paperpath", "show", "dpo", "--catalog", str(small_catalog)]
    runs = [subprocess.run(command, capture_output=True, text=True) for _ in range(2)]
    assert len(entries(cache_dir)) == 1
    assert runs[0].returncode == runs[1].returncode == 0
    assert runs[0].stdout == runs[1].stdout
    assert "defined:  " in runs[1].stdout


def test_cache_hit_imports_no_loader_or_yaml(small_catalog, cache_dir):
    load_catalog_cached(small_catalog)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from paperpath.catalog.cache import load_catalog_cached\n"
        f"result = load_catalog_cached(Path({str(small_catalog)!r}))\n"
        "assert 'dpo' in result.catalog.papers\n"
        "heavy = ('yaml', 'paperpath.catalog.loader')\n"
        "print(sorted(name for name in heavy if name in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
