"""The exception types that the command line turns into one-line errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from paperpath.catalog.problems import Problem


class PaperpathError(click.ClickException):
    """Base of every error paperpath reports to a user; exit status 1."""

    exit_code = 1


class InputNotFoundError(PaperpathError):
    """A file or name given on the command line does not exist; exit status 2, as for bad usage."""

    exit_code = 2


class CatalogError(PaperpathError):
    """The catalog has errors; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = sum(1 for problem in problems if problem.is_error)
        if errors == 1:
            message = "the catalog has 1 error; fix it and run the command again"
        else:
            message = f"the catalog has {errors} errors; fix them and run the command again"
        super().__init__(message)

    def show(self, file=None) -> None:
        for problem in self.problems:
            click.echo(problem.format(), err=True)
        super().show(file)


class TargetError(PaperpathError):
    """A target or known paper names nothing in the catalog, or several things."""


class CurriculumError(PaperpathError):
    """A curriculum file has errors; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        noun = "error" if count == 1 else "errors"
        pronoun = "it" if count == 1 else "them"
        super().__init__(
            f"the curriculum has {count} {noun}; fix {pronoun} and run the command again"
        )

    def show(self, file=None) -> None:
        for problem in self.problems:
            click.echo(problem.format(), err=True)
        super().show(file)
