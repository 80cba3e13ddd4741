"""Building the prerequisite graph: the whole catalog, or only what some papers need."""

import networkx as nx

from paperpath.catalog import Catalog
from paperpath.graph import prerequisite_graph
from paperpath.graph.testing import make_paper


def adjacency(graph, only=None):
    """Return nodes, edges and neighbours in iteration order, restricted to ``only``."""

    def keep(node):
        return only is None or node in only

    nodes = [node for node in graph.nodes if keep(node)]
    return {
        "nodes": nodes,
        "edges": [edge for edge in graph.edges(data=True) if keep(edge[0]) and keep(edge[1])],
        "predecessors": {node: [p for p in graph.predecessors(node) if keep(p)] for node in nodes},
        "successors": {node: [s for s in graph.successors(node) if keep(s)] for node in nodes},
    }


def test_prerequisite_graph_edges_carry_reasons():
    catalog = Catalog(
        papers={
            "ppo": make_paper("ppo"),
            "dpo": make_paper("dpo", prerequisites=[{"id": "ppo", "reason": "the RL step"}]),
        }
    )
    graph = prerequisite_graph(catalog)
    assert list(graph.edges(data=True)) == [("ppo", "dpo", {"reason": "the RL step"})]


def test_prerequisite_graph_skips_unknown_prerequisites():
    catalog = Catalog(papers={"dpo": make_paper("dpo", prerequisites=["missing"])})
    graph = prerequisite_graph(catalog)
    assert list(graph.nodes) == ["dpo"]
    assert list(graph.edges) == []


def test_prerequisite_graph_needed_by_keeps_whole_graph_order(bundled):
    whole = prerequisite_graph(bundled)
    for target in ["dpo", "tree-of-thoughts", "ppo"]:
        needed = nx.ancestors(whole, target) | {target}
        part = prerequisite_graph(bundled, needed_by=[target])
        assert adjacency(part) == adjacency(whole, only=needed), target


def test_prerequisite_graph_needed_by_several_and_unknown_ids(bundled):
    whole = prerequisite_graph(bundled)
    targets = ["dpo", "no-such-paper", "ppo"]
    needed = set()
    for target in ["dpo", "ppo"]:
        needed |= nx.ancestors(whole, target) | {target}
    part = prerequisite_graph(bundled, needed_by=targets)
    assert adjacency(part) == adjacency(whole, only=needed)
