"""Pydantic models that define the catalog's YAML format.

``paperpath schema`` prints the JSON Schema of :class:`CatalogFile`, so an
editor can validate a catalog file while it is being written.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# New-style arXiv ids (2007 on) are YYMM.NNNN or, from 2015, YYMM.NNNNN;
# old-style ids are archive/YYMMNNN, such as hep-th/9901001 or math.GT/0309136.
ARXIV_PATTERN = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})$")
_ARXIV_VERSION = re.compile(r"^(.*\d)(v\d+)$")

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN),
    Field(description="Lowercase letters, digits and single hyphens, such as 'dpo'."),
]
NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Status(StrEnum):
    """Whether a paper is one the field builds on, or builds on others."""

    FOUNDATIONAL = "foundational"
    INCREMENTAL = "incremental"


class Prerequisite(BaseModel):
    """A paper to read first, with what the reader needs from it.

    In YAML a prerequisite is either a plain paper id or a mapping with
    ``id`` and ``reason``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    reason: NonEmptyText | None = Field(
        default=None, description="One line: what the reader needs from this prerequisite."
    )

    @model_validator(mode="before")
    @classmethod
    def _accept_plain_id(cls, value: object) -> object:
        return {"id": value} if isinstance(value, str) else value


PrerequisiteEntry = Annotated[
    Prerequisite,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": SLUG_PATTERN},
                Prerequisite.model_json_schema(),
            ]
        }
    ),
]


class Paper(BaseModel):
    """One paper of the catalog."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    title: NonEmptyText
    authors: list[NonEmptyText] = Field(min_length=1)
    year: int = Field(ge=1900, le=2100, strict=True)
    venue: NonEmptyText
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    arxiv: str | None = Field(
        default=None, description="arXiv id without version suffix, such as '2305.18290'."
    )
    status: Status
    prerequisites: list[PrerequisiteEntry] = Field(
        default_factory=list,
        description="Papers to read first: plain ids or mappings with 'id' and 'reason'.",
    )
    topics: list[Slug] = Field(min_length=1)
    aliases: list[NonEmptyText] = Field(default_factory=list)
    summary: NonEmptyText
    reading_minutes: int = Field(
        gt=0, le=1440, strict=True, description="Estimated reading time in minutes."
    )

    @field_validator("arxiv")
    @classmethod
    def _check_arxiv(cls, value: str | None) -> str | None:
        if value is None:
            return None
        versioned = _ARXIV_VERSION.match(value)
        if versioned and ARXIV_PATTERN.match(versioned.group(1)):
            raise ValueError(
                f"arXiv id {value!r} has a version suffix; "
                f'write it without the suffix: "{versioned.group(1)}"'
            )
        if not ARXIV_PATTERN.match(value):
            raise ValueError(
                f"{value!r} is not an arXiv id; "
                'write it as YYMM.NNNNN in quotes, such as "2305.18290"'
            )
        return value

    @property
    def is_foundational(self) -> bool:
        return self.status is Status.FOUNDATIONAL


class Topic(BaseModel):
    """A node of the topic tree."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    title: NonEmptyText
    parent: Slug | None = None
    description: str = ""


class CatalogFile(BaseModel):
    """One YAML file of a catalog: a list of topics, a list of papers, or both."""

    model_config = ConfigDict(extra="forbid", title="paperpath catalog file")

    topics: list[Topic] = Field(default_factory=list)
    papers: list[Paper] = Field(default_factory=list)
