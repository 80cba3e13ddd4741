"""``paperpath audit``: list what curators may want to fix in the prerequisite graph."""

from __future__ import annotations

from pathlib import Path

import click

from paperpath.cli.options import catalog_option, load_checked_catalog
from paperpath.graph.audit import (
    DEFAULT_BOTTLENECK_SHARE,
    DEFAULT_FOUNDATIONAL_DEPENDENTS,
    audit_graph,
)
from paperpath.render.formats import AUDIT_FORMATS


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(AUDIT_FORMATS),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--bottleneck-share",
    type=click.FloatRange(0, 1, min_open=True),
    default=DEFAULT_BOTTLENECK_SHARE,
    show_default=True,
    help="Share of the catalog (0 to 1) that a paper's transitive prerequisites "
    "must reach for it to count as a bottleneck.",
)
@click.option(
    "--dependents",
    type=click.IntRange(min=1),
    default=DEFAULT_FOUNDATIONAL_DEPENDENTS,
    show_default=True,
    help="Number of papers that must list an incremental paper as a prerequisite "
    "for it to count as a foundational candidate.",
)
@catalog_option
def audit(
    output_format: str, bottleneck_share: float, dependents: int, catalog_dir: Path | None
) -> None:
    """List redundant prerequisites, bottlenecks, foundational candidates and unreachable papers.

    The findings are advice for curators, not errors: the command exits
    with 0 whenever the catalog loads, and with 1 when the catalog has
    errors.

    \b
    Example:
      paperpath audit
      paperpath audit --bottleneck-share 0.2 --dependents 5
      paperpath audit --format json > audit.json
    """
    from paperpath.graph import prerequisite_graph
    from paperpath.render.audit_report import render_audit

    catalog = load_checked_catalog(catalog_dir)
    result = audit_graph(
        prerequisite_graph(catalog),
        catalog.papers,
        bottleneck_share=bottleneck_share,
        foundational_dependents=dependents,
    )
    click.echo(render_audit(result, output_format), nl=False)
