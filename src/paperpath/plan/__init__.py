"""Planning: turn targets into reading orders (later also syllabi and progress)."""

from paperpath.plan.reading_order import (
    ReadingEntry,
    ReadingOrder,
    Reason,
    plan_reading_order,
)

__all__ = ["ReadingEntry", "ReadingOrder", "Reason", "plan_reading_order"]
