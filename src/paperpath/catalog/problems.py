"""A problem found in a catalog file, with where it sits and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding of the catalog check.

    ``subject`` names the object at fault, such as ``paper 'dpo'``; ``field``
    is the key inside it. Both are optional because some problems, such as a
    YAML syntax error, belong to the file as a whole.
    """

    path: str
    line: int | None
    message: str
    fix: str
    subject: str | None = None
    field: str | None = None
    column: int | None = None
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """Render as ``file:line: severity: subject: field: message; fix``."""
        location = self.path
        if self.line is not None:
            location += f":{self.line}"
            if self.column is not None:
                location += f":{self.column}"
        parts = [location, self.severity.value]
        if self.subject:
            parts.append(self.subject)
        if self.field:
            parts.append(self.field)
        parts.append(f"{self.message}; {self.fix}")
        return ": ".join(parts)

    def as_warning(self) -> Problem:
        return Problem(**{**self.__dict__, "severity": Severity.WARNING})

    def as_error(self) -> Problem:
        return Problem(**{**self.__dict__, "severity": Severity.ERROR})
