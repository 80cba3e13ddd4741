"""``paperpath import awesome``: bring an awesome list into a catalog."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from paperpath.catalog.catalog import Catalog
from paperpath.errors import CatalogError, PaperpathError
from paperpath.importers.sections import slugify
from paperpath.output import STDOUT, emit

# Lists with more block tokens than this show a progress bar on a terminal.
_PROGRESS_TOKENS = 5000


@click.group(name="import")
def import_group() -> None:
    """Import papers from other formats into a catalog.

    \b
    Example:
      paperpath import awesome README.md --into my-catalog/
    """


def _read_list(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise PaperpathError(f"{path}: the file is not valid UTF-8; save it as UTF-8") from error
    except OSError as error:
        raise PaperpathError(f"{path}: cannot read the file: {error.strerror}") from error


def _parse(path: Path, text: str):
    from paperpath.importers.markdown_list import parse_awesome_list, token_count

    default_topic = slugify(path.stem) or "imported"
    if not sys.stderr.isatty() or token_count(text) < _PROGRESS_TOKENS:
        return parse_awesome_list(text, default_topic)
    with click.progressbar(length=token_count(text), label="Reading", file=sys.stderr) as bar:
        done = 0

        def advance(position: int) -> None:
            nonlocal done
            bar.update(position - done)
            done = position

        return parse_awesome_list(text, default_topic, advance)


def _existing_catalog(directory: Path) -> Catalog:
    from paperpath.catalog import load_catalog
    from paperpath.catalog.loader import catalog_files

    if not directory.exists() or not catalog_files(directory):
        return Catalog()
    result = load_catalog(directory)
    if result.errors:
        raise CatalogError(result.problems)
    return result.catalog


def _target_file(into: Path, list_file: Path, title: str | None, name: str | None) -> Path:
    """Return the catalog file that receives new papers.

    By default it is named after the list's title (the part before a
    colon), so that dated snapshots of one list share a file. A list
    without a title uses its file name.
    """
    if name:
        return into / (name if name.endswith((".yaml", ".yml")) else f"{name}.yaml")
    head = (title or "").partition(":")[0]
    return into / f"{slugify(head) or slugify(list_file.stem) or 'imported'}.yaml"


@import_group.command()
@click.argument(
    "list_file", metavar="FILE.md", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--into",
    "into",
    type=click.Path(file_okay=False, path_type=Path),
    help="Catalog folder to merge into; created if it does not exist.",
)
@click.option(
    "--file",
    "file_name",
    metavar="NAME",
    help="With --into: the catalog file for new papers (default: named after the list's title).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, readable=False, allow_dash=True, path_type=Path),
    help="Write the imported papers as one new catalog file instead; - is standard output.",
)
@click.option("--dry-run", is_flag=True, help="Report what the import would do; write nothing.")
def awesome(
    list_file: Path, into: Path | None, file_name: str | None, output: Path | None, dry_run: bool
) -> None:
    """Import the papers of an awesome-list README.

    Headings become topics; list items, table rows and bold or quoted
    titles become papers, with arXiv ids, dates and venues read from links
    and badges. Duplicates merge into one paper with all its topics.
    Merging into a catalog (--into) only adds papers and topic memberships:
    curated fields are never overwritten. Without --into or -o, the
    catalog file is printed.

    \b
    Example:
      paperpath import awesome README.md --dry-run
      paperpath import awesome README.md --into my-catalog/
    """
    if into is not None and output is not None:
        raise click.UsageError("give either --into or -o, not both")
    if file_name is not None and into is None:
        raise click.UsageError("--file names a file inside --into; give --into too")

    # Imported here, not at the top, so that other commands do not pay for them.
    from paperpath.importers.dedupe import merge_duplicates
    from paperpath.importers.plan import plan_merge
    from paperpath.importers.report import render_import_report

    parsed = _parse(list_file, _read_list(list_file))
    papers = merge_duplicates(parsed.entries)
    if not papers:
        raise PaperpathError(
            f"{list_file}: no paper entries found ({len(parsed.resources)} resources, "
            f"{len(parsed.warnings)} warnings); nothing was written. Is it an awesome-list README?"
        )
    catalog = _existing_catalog(into) if into is not None else Catalog()
    plan = plan_merge(catalog, parsed.topics, papers)
    source = list_file.name

    changed: list[Path] = []
    if into is not None:
        from paperpath.importers.merge import apply_merge, changed_files

        target = _target_file(into, list_file, parsed.title, file_name)
        files = changed_files(catalog, plan, target, source)
        changed = sorted(files)
        if not dry_run:
            into.mkdir(parents=True, exist_ok=True)
            apply_merge(into, files)
    elif not dry_run:
        from paperpath.importers.merge import render_catalog_file, validate_staged

        text = render_catalog_file(plan, source)
        # Validate under a fixed name: the output may be "-" or lack a .yaml suffix.
        staged = Path("imported.yaml")
        validate_staged(staged.parent, {staged: text}, only_these=True)
        emit(text, output)
        if output is not None and output != STDOUT:
            changed = [output]

    report = render_import_report(source, parsed, papers, plan, dry_run=dry_run, files=changed)
    to_stderr = into is None and (output is None or output == STDOUT) and not dry_run
    click.echo(report, nl=False, err=to_stderr)
