"""The command group and its commands."""

from __future__ import annotations

import sys

import click

from paperpath import __version__
from paperpath.cli.audit import audit
from paperpath.cli.browse import papers, show, topics
from paperpath.cli.check import check, schema
from paperpath.cli.export import export
from paperpath.cli.guide import guide
from paperpath.cli.importer import import_group
from paperpath.cli.path import path
from paperpath.cli.progress import done, goal_group, next_papers, progress, undone
from paperpath.cli.syllabus import syllabus

_VERSION_MESSAGE = f"%(prog)s %(version)s (Python {sys.version.split()[0]})"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="paperpath", message=_VERSION_MESSAGE)
def main() -> None:
    """Turn a field's paper list into a reading order.

    \b
    Example:
      paperpath path dpo          # what to read before DPO, in order
      paperpath papers --topic rlhf
      paperpath check --strict    # validate the catalog
    """


COMMANDS = (
    path,
    guide,
    syllabus,
    export,
    done,
    undone,
    next_papers,
    progress,
    goal_group,
    check,
    schema,
    papers,
    show,
    topics,
    audit,
    import_group,
)
for command in COMMANDS:
    main.add_command(command)
