"""Options and steps shared by the commands that write documents: guide and syllabus."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from paperpath.errors import PaperpathError
from paperpath.output import emit_bytes, write_bytes_atomic

DOCUMENT_FORMATS = ("pdf", "html", "md")


def document_options(template_stem: str):
    """Add --format, --paper-size, --no-diagram and --template-dir to a document command.

    ``template_stem`` names the templates a --template-dir folder may
    replace, such as ``guide`` for guide.html.j2 and guide.md.j2.
    """

    def decorate(function):
        for option in reversed(
            [
                click.option(
                    "--format",
                    "output_format",
                    type=click.Choice(DOCUMENT_FORMATS),
                    help="Format, when the file name does not say.",
                ),
                click.option(
                    "--paper-size",
                    type=click.Choice(["a4", "letter"]),
                    default="a4",
                    show_default=True,
                    help="PDF page size.",
                ),
                click.option(
                    "--no-diagram", is_flag=True, help="Markdown: leave out the Mermaid diagram."
                ),
                click.option(
                    "--template-dir",
                    type=click.Path(exists=True, file_okay=False, path_type=Path),
                    help=f"Folder whose {template_stem}.html.j2 or {template_stem}.md.j2 "
                    "replaces the bundled template.",
                ),
            ]
        ):
            function = option(function)
        return function

    return decorate


def chosen_format(output: Path, output_format: str | None) -> str:
    """Return the format to write: ``--format``, else the file extension of ``output``."""
    suffix = "" if str(output) == "-" else output.suffix.lstrip(".").lower()
    if output_format and suffix in DOCUMENT_FORMATS and suffix != output_format:
        raise click.UsageError(f"--format {output_format} does not match the file name {output}")
    chosen = output_format or suffix
    if chosen not in DOCUMENT_FORMATS:
        raise click.UsageError(
            f"cannot tell the format of {output}; name it .pdf, .html or .md, or give --format"
        )
    return chosen


@contextmanager
def template_errors(template_dir: Path | None) -> Iterator[None]:
    """Turn a failing template into a one-line error that names it.

    Errors that are not Jinja2's own count as template errors only when a
    user's --template-dir is in use; with the bundled templates they are bugs.
    """
    import jinja2

    try:
        yield
    except jinja2.TemplateSyntaxError as error:
        raise PaperpathError(
            f"template {error.filename or error.name}:{error.lineno}: {error.message}; "
            "fix the template"
        ) from error
    except jinja2.TemplateError as error:
        raise PaperpathError(f"template failed: {error}; fix the template") from error
    except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as error:
        if template_dir is None:
            raise
        raise PaperpathError(
            f"a template in {template_dir} failed: {type(error).__name__}: {error}; "
            "fix the template"
        ) from error


def write_document(output: Path, data: bytes, summary: str) -> None:
    """Write ``data`` to ``output`` atomically, or to stdout for ``-``, then report the file."""
    if str(output) == "-":
        emit_bytes(data)
        return
    write_bytes_atomic(output, data)
    click.echo(f"wrote {output} ({summary})", err=True)
