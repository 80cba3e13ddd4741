"""Build the prerequisite graph of a catalog."""

from __future__ import annotations

import networkx as nx

from paperpath.catalog import Catalog


def prerequisite_graph(catalog: Catalog) -> nx.DiGraph:
    """Return a DiGraph with an edge from each prerequisite to the paper that needs it.

    Edges carry the catalog's ``reason`` (or None). Any topological order of
    this graph is a valid reading order. The catalog must be free of errors:
    unknown prerequisites are skipped here, not reported.

    Examples
    --------
    >>> from paperpath.catalog import Catalog
    >>> from paperpath.graph.testing import make_paper
    >>> catalog = Catalog(papers={
    ...     "ppo": make_paper("ppo"),
    ...     "dpo": make_paper("dpo", prerequisites=["ppo"]),
    ... })
    >>> list(prerequisite_graph(catalog).edges)
    [('ppo', 'dpo')]
    """
    graph = nx.DiGraph()
    graph.add_nodes_from(catalog.papers)
    for paper in catalog.papers.values():
        for link in paper.prerequisites:
            if link.id in catalog.papers:
                graph.add_edge(link.id, paper.id, reason=link.reason)
    return graph
