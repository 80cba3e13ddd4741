"""The prerequisite graph: building it, resolving targets, selecting and ordering papers.

Pure functions over a networkx DiGraph; no input or output.
"""

from paperpath.graph.build import prerequisite_graph
from paperpath.graph.order import reading_order, tie_break_key
from paperpath.graph.selection import Selection, select_papers
from paperpath.graph.targets import Target, TargetKind, resolve_target, resolve_targets

__all__ = [
    "Selection",
    "Target",
    "TargetKind",
    "prerequisite_graph",
    "reading_order",
    "resolve_target",
    "resolve_targets",
    "select_papers",
    "tie_break_key",
]
