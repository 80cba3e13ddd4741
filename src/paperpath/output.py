"""Write command output to stdout or, atomically, to a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from paperpath.errors import PaperpathError


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    A reader never sees a half-written file, and a failure leaves any
    existing file at ``path`` as it was.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise PaperpathError(
            f"cannot write {path}: folder {folder} does not exist; create it first"
        )
    if path.is_dir():
        raise PaperpathError(f"cannot write {path}: it is a folder; give a file name")

    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise PaperpathError(f"cannot write {path}: {error.strerror}") from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def emit(text: str, output: Path | None) -> None:
    """Print ``text`` to stdout, or write it to ``output`` when one is given."""
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text_atomic(output, text)
