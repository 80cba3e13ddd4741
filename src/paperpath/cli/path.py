"""``paperpath path``: print a reading order."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from paperpath.cli.options import catalog_option, load_checked_catalog, output_option
from paperpath.errors import PaperpathError
from paperpath.output import STDOUT, emit, wrote_file
from paperpath.render.counts import count_noun
from paperpath.render.formats import READING_ORDER_FORMATS


def read_known_file(path: Path) -> list[str]:
    """Return the ids in a known-papers file, one per line, skipping blanks and # comments.

    The path ``-`` reads standard input.
    """
    try:
        if path == STDOUT:
            text = sys.stdin.buffer.read().decode("utf-8")
        else:
            text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise PaperpathError(f"{path}: the file is not valid UTF-8; save it as UTF-8") from error
    except OSError as error:
        raise PaperpathError(f"{path}: cannot read the file: {error.strerror}") from error
    ids = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            ids.append(entry)
    return ids


@click.command()
@click.argument("targets", nargs=-1, required=True)
@click.option(
    "--known",
    multiple=True,
    metavar="ID",
    help="A paper already read, by id or alias, or a topic whose papers are all read (repeatable).",
)
@click.option(
    "--known-file",
    type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path),
    help="File of papers already read, one id, alias or topic per line; - reads standard input.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(READING_ORDER_FORMATS),
    default="markdown",
    show_default=True,
    help="Output format.",
)
@output_option
@catalog_option
def path(
    targets: tuple[str, ...],
    known: tuple[str, ...],
    known_file: Path | None,
    output_format: str,
    output: Path | None,
    catalog_dir: Path | None,
) -> None:
    """Print what to read, in order, to understand TARGETS.

    A target is a paper id, an alias such as DPO or GRPO, or a topic id,
    in any case. The list contains the targets and all their prerequisites,
    each after the papers it builds on, with the reason it is there.
    Papers given with --known, and prerequisites only they need, are left out.

    \b
    Example:
      paperpath path dpo
      paperpath path grpo --known ppo --format text
      paperpath path tree-search -o tree-search.md
    """
    from paperpath.plan import plan_reading_order
    from paperpath.render.reading_order import render_reading_order

    catalog = load_checked_catalog(catalog_dir)
    known_ids = list(known) + (read_known_file(known_file) if known_file else [])
    order = plan_reading_order(catalog, targets, known_ids)
    if not order.entries:
        click.echo("paperpath: every target is already read; the reading order is empty", err=True)
    emit(render_reading_order(catalog, order, output_format), output)
    if wrote_file(output):
        click.echo(f"wrote {output} ({count_noun(len(order.entries), 'paper')})", err=True)
