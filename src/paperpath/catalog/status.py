"""The status values of a paper, kept apart so the command line can list them cheaply."""

from enum import StrEnum


class Status(StrEnum):
    """Whether a paper is one the field builds on, or builds on others."""

    FOUNDATIONAL = "foundational"
    INCREMENTAL = "incremental"
