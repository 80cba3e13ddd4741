"""The pydantic model that defines the curriculum YAML format.

Paper references (goals, assumed knowledge, optional readings, pinned
papers) are plain text here; :mod:`paperpath.curriculum.load` resolves
them against the catalog.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
WeekNumber = Annotated[int, Field(ge=1, strict=True)]

# The fields a curriculum file may have, in the order the format documents them.
FIELDS = (
    "title",
    "audience",
    "description",
    "goals",
    "assumed_knowledge",
    "weeks",
    "hours_per_week",
    "themes",
    "pinned",
    "optional",
)


class CurriculumFile(BaseModel):
    """One course: what it teaches, to whom, and its time budget."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="paperpath curriculum")

    title: NonEmptyText
    audience: NonEmptyText = Field(description="Who the course is for.")
    description: NonEmptyText
    goals: list[NonEmptyText] = Field(
        min_length=1, description="Paper ids, aliases or topic ids the course must cover."
    )
    assumed_knowledge: list[NonEmptyText] = Field(
        default_factory=list,
        description="Papers or topics the audience has read; left out like --known.",
    )
    weeks: WeekNumber | None = Field(default=None, description="Number of weeks, at most.")
    hours_per_week: float | None = Field(
        default=None, gt=0, le=168, strict=True, description="Reading hours per week."
    )
    themes: dict[WeekNumber, NonEmptyText] = Field(
        default_factory=dict, description="Week number to the week's theme."
    )
    pinned: dict[NonEmptyText, WeekNumber] = Field(
        default_factory=dict, description="Paper id or alias to the week it must be read in."
    )
    optional: list[NonEmptyText] = Field(
        default_factory=list, description="Extra readings, marked optional, outside the budget."
    )

    @model_validator(mode="after")
    def _check_budget(self) -> CurriculumFile:
        if self.weeks is None and self.hours_per_week is None:
            raise ValueError(
                "the curriculum gives neither 'weeks' nor 'hours_per_week'; "
                "add 'weeks: 10', 'hours_per_week: 6' or both"
            )
        return self
