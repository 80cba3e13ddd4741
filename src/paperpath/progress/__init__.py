"""Reading progress: the papers a reader has read, their goals, and what to read next.

:func:`read_paper_ids` turns the progress file into the set of read paper
ids, for any command that leaves out or ticks off what has been read.
"""

from typing import TYPE_CHECKING

from paperpath._lazy import lazy_exports

_EXPORTS = {
    "NextPapers": "paperpath.progress.next",
    "Suggestion": "paperpath.progress.next",
    "suggest_next": "paperpath.progress.next",
    "Progress": "paperpath.progress.records",
    "remaining_order": "paperpath.progress.remaining",
    "ProgressFileError": "paperpath.progress.store",
    "load_progress": "paperpath.progress.store",
    "read_paper_ids": "paperpath.progress.store",
    "resolve_progress_path": "paperpath.progress.store",
    "update_progress": "paperpath.progress.store",
    "ProgressSummary": "paperpath.progress.summary",
    "summarize_progress": "paperpath.progress.summary",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [
    "NextPapers",
    "Progress",
    "ProgressFileError",
    "ProgressSummary",
    "Suggestion",
    "load_progress",
    "read_paper_ids",
    "remaining_order",
    "resolve_progress_path",
    "suggest_next",
    "summarize_progress",
    "update_progress",
]

if TYPE_CHECKING:
    from paperpath.progress.next import NextPapers, Suggestion, suggest_next
    from paperpath.progress.records import Progress
    from paperpath.progress.remaining import remaining_order
    from paperpath.progress.store import (
        ProgressFileError,
        load_progress,
        read_paper_ids,
        resolve_progress_path,
        update_progress,
    )
    from paperpath.progress.summary import ProgressSummary, summarize_progress
