"""Reading order: topological, deterministic, and closer than a chronological sort."""

import importlib.util
import random
import sys

import networkx as nx
import pytest
from conftest import REPOSITORY

from paperpath.catalog import Catalog, load_catalog
from paperpath.graph import prerequisite_graph, reading_order, resolve_target, select_papers
from paperpath.graph.insertion import IndexedDag, improve_by_insertion, year_ordered_indices
from paperpath.graph.metrics import (
    id_ordered_sort,
    mean_prerequisite_distance,
    respected_edge_share,
    topic_switches,
    year_ordered_sort,
)
from paperpath.graph.order import FULL_SEARCH_LIMIT, chronological_order, topic_anchors
from paperpath.graph.testing import make_paper

_SPEC = importlib.util.spec_from_file_location("synthetic", REPOSITORY / "bench" / "synthetic.py")
synthetic = importlib.util.module_from_spec(_SPEC)
sys.modules["synthetic"] = synthetic  # dataclasses look their module up there
_SPEC.loader.exec_module(synthetic)


def bundled_targets(catalog):
    return sorted(catalog.papers) + sorted(catalog.topics)


def order_for(catalog, graph, target_id):
    target = resolve_target(catalog, target_id)
    selection = select_papers(graph, target.paper_ids).papers
    first = (
        topic_anchors(graph, catalog.papers, target.paper_ids)
        if target.id in catalog.topics
        else ()
    )
    return selection, reading_order(graph, catalog.papers, selection, first=first)


def test_order_respects_every_edge(bundled):
    graph = prerequisite_graph(bundled)
    for target in bundled_targets(bundled):
        selection, order = order_for(bundled, graph, target)
        assert sorted(order) == sorted(selection), target
        position = {paper: index for index, paper in enumerate(order)}
        for prerequisite, paper in graph.subgraph(selection).edges:
            assert position[prerequisite] < position[paper], (target, prerequisite, paper)


def test_order_closer_than_year_sort(bundled):
    graph = prerequisite_graph(bundled)
    for target in bundled_targets(bundled):
        selection, order = order_for(bundled, graph, target)
        ours = mean_prerequisite_distance(graph, order)
        baseline = mean_prerequisite_distance(
            graph, year_ordered_sort(graph, bundled.papers, selection)
        )
        assert ours <= baseline, (target, ours, baseline)


def test_order_topics_summed_closer_than_year_sort(bundled):
    graph = prerequisite_graph(bundled)
    ours = baseline = 0.0
    for topic in bundled.topics:
        selection, order = order_for(bundled, graph, topic)
        ours += mean_prerequisite_distance(graph, order)
        baseline += mean_prerequisite_distance(
            graph, year_ordered_sort(graph, bundled.papers, selection)
        )
    assert ours < baseline


def test_order_deterministic_whatever_insertion_order():
    papers = {
        f"p{index}": make_paper(
            f"p{index}",
            year=2000 + index % 7,
            status="foundational" if index < 4 else "incremental",
        )
        for index in range(30)
    }
    rng = random.Random(7)
    edges = [(f"p{a}", f"p{b}") for b in range(30) for a in range(b) if rng.random() < 0.12]
    first = nx.DiGraph()
    first.add_nodes_from(sorted(papers))
    first.add_edges_from(edges)
    second = nx.DiGraph()
    second.add_nodes_from(sorted(papers, reverse=True))
    second.add_edges_from(reversed(edges))
    expected = reading_order(first, papers, list(papers))
    assert reading_order(second, papers, reversed(list(papers))) == expected
    assert respected_edge_share(first, expected) == 1.0


def test_order_ties_foundational_then_older_then_id():
    papers = {
        "zeta": make_paper("zeta", year=2010, status="foundational"),
        "alpha": make_paper("alpha", year=2010, status="foundational"),
        "old": make_paper("old", year=1990),
        "new": make_paper("new", year=2020, status="foundational"),
    }
    graph = nx.DiGraph()
    graph.add_nodes_from(papers)
    assert reading_order(graph, papers, papers) == ["alpha", "zeta", "new", "old"]


def test_order_finishes_one_prerequisite_chain_before_next():
    papers = {
        "a1": make_paper("a1", year=2001, status="foundational"),
        "a2": make_paper("a2", year=2005, prerequisites=["a1"]),
        "b1": make_paper("b1", year=2002, status="foundational"),
        "b2": make_paper("b2", year=2006, prerequisites=["b1"]),
        "goal": make_paper("goal", year=2010, prerequisites=["a2", "b2"]),
    }
    graph = prerequisite_graph(Catalog(papers=papers))
    order = reading_order(graph, papers, papers)
    # A year-ordered sort interleaves the two chains: a1, b1, a2, b2, goal.
    assert order == ["a1", "a2", "b1", "b2", "goal"]
    assert mean_prerequisite_distance(graph, order) < mean_prerequisite_distance(
        graph, year_ordered_sort(graph, papers, papers)
    )


def test_order_edges_outside_selection_ignored():
    papers = {
        "a": make_paper("a", status="foundational"),
        "b": make_paper("b", prerequisites=["a"]),
        "c": make_paper("c", prerequisites=["b"]),
    }
    graph = prerequisite_graph(Catalog(papers=papers))
    assert reading_order(graph, papers, ["b", "c"]) == ["b", "c"]


def test_metrics_mean_distance_and_topic_switches():
    papers = {
        "a": make_paper("a", topics=["x"]),
        "b": make_paper("b", topics=["x", "y"]),
        "c": make_paper("c", topics=["z"]),
    }
    graph = nx.DiGraph([("a", "c"), ("b", "c")])
    assert mean_prerequisite_distance(graph, ["a", "b", "c"]) == pytest.approx(1.5)
    assert topic_switches(papers, ["a", "b", "c"]) == 1
    assert id_ordered_sort(graph, ["c", "b", "a"]) == ["a", "b", "c"]


def test_order_tree_search_opens_with_its_foundations(bundled):
    graph = prerequisite_graph(bundled)
    _, order = order_for(bundled, graph, "tree-search")
    position = {paper: index for index, paper in enumerate(order)}
    first_incremental_in_topic = min(
        position[paper.id]
        for paper in bundled.papers_in_topic("tree-search")
        if not paper.is_foundational
    )
    assert position["uct"] < first_incremental_in_topic
    assert position["tree-of-thoughts"] < position["rap"] < position["rstar-math"]


def test_order_anchor_read_first():
    papers = {
        "a": make_paper("a", year=2000, status="foundational"),
        "b": make_paper("b", year=2001, prerequisites=["a"]),
        "c": make_paper("c", year=2002, status="foundational"),
        "d": make_paper("d", year=2003, prerequisites=["c"]),
    }
    graph = prerequisite_graph(Catalog(papers=papers))
    assert reading_order(graph, papers, papers) == ["a", "b", "c", "d"]
    assert reading_order(graph, papers, papers, first=["c"]) == ["c", "d", "a", "b"]


@pytest.fixture(scope="module")
def synthetic_catalog(tmp_path_factory):
    """A generated catalog of 1,000 papers, above the full search's size limit."""
    folder = synthetic.generate_catalog(tmp_path_factory.mktemp("synthetic"), 1000)
    return load_catalog(folder).catalog


def assert_edges_forward(graph, selection, order):
    assert sorted(order) == sorted(selection)
    position = {paper: index for index, paper in enumerate(order)}
    for prerequisite, paper in graph.subgraph(selection).edges:
        assert position[prerequisite] < position[paper], (prerequisite, paper)


def test_order_large_selection_closer_than_year_sort(synthetic_catalog):
    graph = prerequisite_graph(synthetic_catalog)
    selection = sorted(synthetic_catalog.papers)
    assert len(selection) > FULL_SEARCH_LIMIT
    order = reading_order(graph, synthetic_catalog.papers, selection)
    assert_edges_forward(graph, selection, order)
    baseline = year_ordered_sort(graph, synthetic_catalog.papers, selection)
    ours = mean_prerequisite_distance(graph, order)
    assert ours < 0.9 * mean_prerequisite_distance(graph, baseline)


def test_order_large_targets_closer_than_year_sort(synthetic_catalog):
    graph = prerequisite_graph(synthetic_catalog)
    targets = sorted(synthetic_catalog.papers)[-20:]
    selection = select_papers(graph, targets).papers
    assert len(selection) > FULL_SEARCH_LIMIT
    order = reading_order(graph, synthetic_catalog.papers, selection)
    assert_edges_forward(graph, selection, order)
    baseline = year_ordered_sort(graph, synthetic_catalog.papers, selection)
    assert mean_prerequisite_distance(graph, order) < mean_prerequisite_distance(graph, baseline)


def test_order_large_deterministic_whatever_insertion_order(synthetic_catalog):
    graph = prerequisite_graph(synthetic_catalog)
    reversed_graph = nx.DiGraph()
    reversed_graph.add_nodes_from(sorted(graph, reverse=True))
    reversed_graph.add_edges_from(reversed(list(graph.edges)))
    papers = synthetic_catalog.papers
    expected = reading_order(graph, papers, sorted(papers))
    assert reading_order(reversed_graph, papers, sorted(papers, reverse=True)) == expected


def test_order_large_topic_opens_with_anchors(synthetic_catalog):
    graph = prerequisite_graph(synthetic_catalog)
    papers = synthetic_catalog.papers
    checked = 0
    for topic in sorted(synthetic_catalog.topics):
        topic_papers = [paper.id for paper in synthetic_catalog.papers_in_topic(topic)]
        selection = select_papers(graph, topic_papers).papers
        if len(selection) <= FULL_SEARCH_LIMIT:
            continue
        anchors = topic_anchors(graph, papers, topic_papers)
        if not anchors:
            continue
        order = reading_order(graph, papers, selection, first=anchors)
        assert_edges_forward(graph, selection, order)
        baseline = year_ordered_sort(graph, papers, selection)
        ours = mean_prerequisite_distance(graph, order)
        assert ours <= mean_prerequisite_distance(graph, baseline), topic
        # Every anchor comes before each paper that no anchor needs.
        opening = set(anchors).union(*(nx.ancestors(graph, anchor) for anchor in anchors))
        last_anchor = max(order.index(anchor) for anchor in anchors)
        assert set(order[: last_anchor + 1]) <= opening, topic
        checked += 1
    assert checked > 0


def test_year_ordered_indices_matches_chronological_order(synthetic_catalog):
    graph = prerequisite_graph(synthetic_catalog)
    papers = synthetic_catalog.papers
    dag = IndexedDag(graph, papers)

    def year_key(paper):
        return (papers[dag.ids[paper]].year, dag.ids[paper])

    order = year_ordered_indices(dag, year_key, range(len(dag)))
    assert [dag.ids[paper] for paper in order] == chronological_order(graph, papers, papers)


def test_improve_by_insertion_budget_and_barrier():
    # c needs a, and y needs b: the order a, c, b, y keeps both pairs adjacent.
    graph = nx.DiGraph([("a", "c"), ("b", "y")])
    dag = IndexedDag(graph, graph.nodes)
    assert dag.ids == ["a", "b", "c", "y"]
    a, b, c, y = range(4)
    start = [a, b, c, y]
    assert dag.total_distance(start) == 4

    unchanged = list(start)
    improve_by_insertion(dag, unchanged, 0, budget=0)
    assert unchanged == start

    improved = list(start)
    improve_by_insertion(dag, improved, 0, budget=100)
    assert dag.total_distance(improved) == 2

    # Behind a barrier after b, c cannot move between a and b.
    fenced = list(start)
    improve_by_insertion(dag, fenced, 2, budget=100)
    assert set(fenced[:2]) == {a, b}
    assert dag.total_distance(fenced) == 4
