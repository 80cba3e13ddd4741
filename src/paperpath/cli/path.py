"""``paperpath path``: print a reading order."""

from __future__ import annotations

from pathlib import Path

import click

from paperpath.cli.options import (
    catalog_option,
    known_options,
    load_checked_catalog,
    output_option,
    read_known,
)
from paperpath.cli.progress_options import plan_unread_order, use_progress_option, wants_progress
from paperpath.output import emit, wrote_file
from paperpath.render.counts import count_noun
from paperpath.render.formats import READING_ORDER_FORMATS


@click.command()
@click.argument("targets", nargs=-1, required=True)
@known_options
@use_progress_option(
    "Leave out the papers marked read with 'paperpath done', and prerequisites only they need."
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
    use_progress: bool,
    progress_file: Path | None,
    output_format: str,
    output: Path | None,
    catalog_dir: Path | None,
) -> None:
    """Print what to read, in order, to understand TARGETS.

    A target is a paper id, an alias such as DPO or GRPO, or a topic id,
    in any case. The list contains the targets and all their prerequisites,
    each after the papers it builds on, with the reason it is there.
    Papers given with --known, and prerequisites only they need, are left out.
    --progress leaves out the papers marked read too; the rest keep their order.

    \b
    Example:
      paperpath path dpo
      paperpath path grpo --known ppo --format text
      paperpath path tree-search -o tree-search.md
      paperpath path dpo --progress     # what is left to read
    """
    from paperpath.plan import plan_reading_order
    from paperpath.render.reading_order import render_reading_order

    catalog = load_checked_catalog(catalog_dir)
    known_ids = read_known(known, known_file)
    if wants_progress(use_progress, progress_file):
        order = plan_unread_order(catalog, targets, known_ids, progress_file)
    else:
        order = plan_reading_order(catalog, targets, known_ids)
    if not order.entries:
        click.echo("paperpath: every target is already read; the reading order is empty", err=True)
    emit(render_reading_order(catalog, order, output_format), output)
    if wrote_file(output):
        click.echo(f"wrote {output} ({count_noun(len(order.entries), 'paper')})", err=True)
