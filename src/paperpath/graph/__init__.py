"""The prerequisite graph: building it, resolving targets, selecting and ordering papers.

Pure functions over a networkx DiGraph; no input or output.
"""

from typing import TYPE_CHECKING

from paperpath._lazy import lazy_exports

_EXPORTS = {
    "prerequisite_graph": "paperpath.graph.build",
    "reading_order": "paperpath.graph.order",
    "tie_break_key": "paperpath.graph.order",
    "Selection": "paperpath.graph.selection",
    "select_papers": "paperpath.graph.selection",
    "Target": "paperpath.graph.targets",
    "TargetKind": "paperpath.graph.targets",
    "resolve_target": "paperpath.graph.targets",
    "resolve_targets": "paperpath.graph.targets",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
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

if TYPE_CHECKING:
    from paperpath.graph.build import prerequisite_graph
    from paperpath.graph.order import reading_order, tie_break_key
    from paperpath.graph.selection import Selection, select_papers
    from paperpath.graph.targets import Target, TargetKind, resolve_target, resolve_targets
