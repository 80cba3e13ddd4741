"""Options that choose the progress file, shared by the progress commands, path and guide."""

from __future__ import annotations

from pathlib import Path

import click

PROGRESS_FILE_HELP = (
    "Progress file to use (also PAPERPATH_PROGRESS); by default progress.json "
    "in the user data folder, such as ~/.local/share/paperpath on Linux."
)

progress_file_option = click.option(
    "--progress-file",
    type=click.Path(dir_okay=False, readable=False, path_type=Path),
    help=PROGRESS_FILE_HELP,
)


def use_progress_option(help_text: str):
    """Add ``--progress`` (a flag) and ``--progress-file`` to a command that reads progress."""

    def decorate(function):
        function = progress_file_option(function)
        return click.option("--progress", "use_progress", is_flag=True, help=help_text)(function)

    return decorate


def wants_progress(use_progress: bool, progress_file: Path | None) -> bool:
    """Return whether to read progress: ``--progress`` or an explicit ``--progress-file``."""
    return use_progress or progress_file is not None


def warn_read_ids_not_in_catalog(catalog, read_ids, progress_path: Path) -> None:
    """Print one warning line for read ids that the catalog does not contain."""
    missing = sorted(paper_id for paper_id in read_ids if paper_id not in catalog.papers)
    if missing:
        click.echo(
            f"paperpath: warning: {progress_path} keeps {len(missing)} read "
            f"{'paper' if len(missing) == 1 else 'papers'} that the catalog does not contain: "
            f"{', '.join(missing)}; remove one with 'paperpath undone ID'",
            err=True,
        )


def load_read_dates(catalog, progress_file: Path | None) -> dict:
    """Return the read records (paper id to date) of the catalog's papers; warn about the rest."""
    from paperpath.progress.store import load_progress, resolve_progress_path

    path = resolve_progress_path(progress_file)
    read = load_progress(path).read
    warn_read_ids_not_in_catalog(catalog, read, path)
    return {paper_id: day for paper_id, day in read.items() if paper_id in catalog.papers}


def plan_unread_order(catalog, targets, known_ids, progress_file: Path | None, graph=None):
    """Return the reading order of TARGETS without the papers that are read or known.

    The papers keep the order of the full reading order; see
    :func:`paperpath.progress.remaining.remaining_order`.
    """
    from paperpath.graph import prerequisite_graph, resolve_targets
    from paperpath.progress.remaining import remaining_order

    graph = graph if graph is not None else prerequisite_graph(catalog)
    known = {
        paper_id
        for target in resolve_targets(catalog, [text for text in known_ids if text.strip()])
        for paper_id in target.paper_ids
    }
    read = set(load_read_dates(catalog, progress_file)) | known
    return remaining_order(catalog, targets, read, graph)
