"""Planning: turn targets into reading orders (later also syllabi and progress)."""

from typing import TYPE_CHECKING

from paperpath._lazy import lazy_exports

_EXPORTS = {
    "ReadingEntry": "paperpath.plan.reading_order",
    "ReadingOrder": "paperpath.plan.reading_order",
    "Reason": "paperpath.plan.reading_order",
    "plan_reading_order": "paperpath.plan.reading_order",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [
    "ReadingEntry",
    "ReadingOrder",
    "Reason",
    "plan_reading_order",
]

if TYPE_CHECKING:
    from paperpath.plan.reading_order import ReadingEntry, ReadingOrder, Reason, plan_reading_order
