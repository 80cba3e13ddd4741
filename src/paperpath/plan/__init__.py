"""Planning: turn targets into reading orders, and curricula into syllabi."""

from typing import TYPE_CHECKING

from paperpath._lazy import lazy_exports

_EXPORTS = {
    "ReadingEntry": "paperpath.plan.reading_order",
    "ReadingOrder": "paperpath.plan.reading_order",
    "Reason": "paperpath.plan.reading_order",
    "plan_reading_order": "paperpath.plan.reading_order",
    "Syllabus": "paperpath.plan.syllabus",
    "Week": "paperpath.plan.syllabus",
    "plan_syllabus": "paperpath.plan.syllabus",
    "pack_weeks": "paperpath.plan.packing",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [
    "ReadingEntry",
    "ReadingOrder",
    "Reason",
    "Syllabus",
    "Week",
    "pack_weeks",
    "plan_reading_order",
    "plan_syllabus",
]

if TYPE_CHECKING:
    from paperpath.plan.packing import pack_weeks
    from paperpath.plan.reading_order import ReadingEntry, ReadingOrder, Reason, plan_reading_order
    from paperpath.plan.syllabus import Syllabus, Week, plan_syllabus
