"""Pydantic models that define the catalog's YAML format.

``paperpath schema`` prints the JSON Schema of :class:`CatalogFile`, so an
editor can validate a catalog file while it is being written.
"""

from __future__ import annotations

import re
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

from paperpath.catalog.patterns import ARXIV_PATTERN, SLUG_PATTERN
from paperpath.catalog.status import Status

__all__ = ["ARXIV_PATTERN", "SLUG_PATTERN", "Status"]


_ARXIV_VERSION = re.compile(r"^(.*\d)(v\d+)$")

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN),
    Field(description="Lowercase letters, digits and single hyphens, such as 'dpo'."),
]
NonEmptyText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


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


# Fields an importer cannot fill from a paper list. A paper may lack them
# while it waits for curation; the catalog check warns until they are set.
CURATED_FIELDS = ("authors", "year", "venue", "summary", "reading_minutes")


class Paper(BaseModel):
    """One paper of the catalog."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    title: NonEmptyText
    authors: list[NonEmptyText] = Field(default_factory=list)
    year: int | None = Field(default=None, ge=1900, le=2100, strict=True)
    venue: NonEmptyText | None = None
    month: int | None = Field(default=None, ge=1, le=12, strict=True)
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    arxiv: str | None = Field(
        default=None, description="arXiv id without version suffix, such as '2305.18290'."
    )
    code: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = Field(
        default=None, description="Link to the paper's code repository."
    )
    status: Status
    prerequisites: list[PrerequisiteEntry] = Field(
        default_factory=list,
        description="Papers to read first: plain ids or mappings with 'id' and 'reason'.",
    )
    topics: list[Slug] = Field(min_length=1)
    aliases: list[NonEmptyText] = Field(default_factory=list)
    summary: NonEmptyText | None = None
    reading_minutes: int | None = Field(
        default=None, gt=0, le=1440, strict=True, description="Estimated reading time in minutes."
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

    @property
    def missing_fields(self) -> list[str]:
        """The curated fields that are still empty."""
        return [name for name in CURATED_FIELDS if getattr(self, name) in (None, [])]


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
