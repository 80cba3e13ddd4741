"""The benchmark's synthetic catalog generator: deterministic, valid, the promised shape."""

import importlib.util
import sys

import networkx as nx
import pytest
from conftest import REPOSITORY

from paperpath.catalog import load_catalog
from paperpath.graph import prerequisite_graph

_SPEC = importlib.util.spec_from_file_location("synthetic", REPOSITORY / "bench" / "synthetic.py")
synthetic = importlib.util.module_from_spec(_SPEC)
sys.modules["synthetic"] = synthetic  # dataclasses look their module up there
_SPEC.loader.exec_module(synthetic)


def folder_bytes(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*.yaml"))
    }


def test_generate_catalog_same_seed_same_bytes(tmp_path):
    first = synthetic.generate_catalog(tmp_path / "first", 300, seed=3)
    second = synthetic.generate_catalog(tmp_path / "second", 300, seed=3)
    other = synthetic.generate_catalog(tmp_path / "other", 300, seed=4)
    assert folder_bytes(first) == folder_bytes(second)
    assert folder_bytes(first) != folder_bytes(other)


def test_generate_catalog_loads_without_problems(tmp_path):
    folder = synthetic.generate_catalog(tmp_path / "catalog", 300)
    result = load_catalog(folder)
    assert [problem.format() for problem in result.problems] == []
    assert len(result.catalog.papers) == 300
    assert len(list((folder / "papers").glob("*.yaml"))) == 3


def test_generate_catalog_shape(tmp_path):
    catalog = load_catalog(synthetic.generate_catalog(tmp_path / "catalog", 300)).catalog
    foundational = [paper for paper in catalog if paper.is_foundational]
    assert 1 <= len(foundational) <= 30
    for paper in catalog:
        if not paper.is_foundational:
            assert 1 <= len(paper.prerequisites) <= 6, paper.id
        for link in paper.prerequisites:
            assert catalog.papers[link.id].year <= paper.year, (paper.id, link.id)
    depths = {len(nx.ancestors(topic_tree(catalog), topic)) for topic in catalog.topics}
    assert depths == {0, 1, 2}
    assert nx.is_directed_acyclic_graph(prerequisite_graph(catalog))


def topic_tree(catalog):
    return nx.DiGraph((topic.parent, topic.id) for topic in catalog.topics.values() if topic.parent)


def test_generate_catalog_rejects_bad_size(tmp_path):
    with pytest.raises(ValueError, match="size must be between"):
        synthetic.generate_catalog(tmp_path / "catalog", 5)
