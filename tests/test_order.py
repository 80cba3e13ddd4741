"""Reading order: topological, deterministic, and closer than a chronological sort."""

import random

import networkx as nx
import pytest

from paperpath.catalog import Catalog
from paperpath.graph import prerequisite_graph, reading_order, resolve_target, select_papers
from paperpath.graph.metrics import (
    id_ordered_sort,
    mean_prerequisite_distance,
    respected_edge_share,
    topic_switches,
    year_ordered_sort,
)
from paperpath.graph.order import topic_anchors
from paperpath.graph.testing import make_paper


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
