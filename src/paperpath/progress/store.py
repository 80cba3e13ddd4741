"""The progress file on disk: where it lives, reading it, and safe read-modify-write.

Every change runs under an exclusive lock on ``<file>.lock`` (filelock), so
commands running at the same time each apply their change to the latest
records and none is lost. Before each write, the previous good file is
copied to ``<file>.bak``. Both writes go through a temporary file and a
rename, so a reader sees either the old or the new file, never a mix.

A file that cannot be read or parsed is never overwritten: the command
stops with an error that names the file and its backup.

Known limits: the lock relies on the operating system's file locks, which
some network file systems do not provide. Reads take no lock, which is safe
only because every write replaces the file in one rename.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from paperpath.errors import PaperpathError
from paperpath.output import write_bytes_atomic
from paperpath.progress.records import (
    Progress,
    ProgressFormatError,
    dump_progress,
    parse_progress,
)
from paperpath.render.counts import count_noun

ENVIRONMENT_VARIABLE = "PAPERPATH_PROGRESS"
FILE_NAME = "progress.json"
# Seconds to wait for another paperpath command to finish its change. A
# change holds the lock only while it reads and writes one small file.
LOCK_TIMEOUT = 60


class ProgressFileError(PaperpathError):
    """The progress file cannot be read or is damaged; it was left as it is.

    ``problems`` lists every fault found, each shown on its own line before
    the message, which names the backup to restore.
    """

    def __init__(self, path: Path, problems: list[str], newer_version: bool = False) -> None:
        self.path = path
        self.problems = problems
        if newer_version:
            message = (
                f"the progress file {path} was written by a newer paperpath and was left "
                "as it is; upgrade paperpath to use it"
            )
        elif path.is_dir():
            message = (
                f"the progress file {path} is a folder; point --progress-file or "
                "PAPERPATH_PROGRESS at a file inside it, such as "
                f"{path / FILE_NAME}"
            )
        else:
            message = _damage_message(path)
        super().__init__(message)

    def show(self, file=None) -> None:
        import click

        for problem in self.problems:
            click.echo(f"{self.path}: error: {problem}", err=True)
        super().show(file)


def default_progress_path() -> Path:
    """Return the progress file in the user's data folder, such as ~/.local/share/paperpath."""
    from platformdirs import user_data_path

    return user_data_path("paperpath", appauthor=False) / FILE_NAME


def resolve_progress_path(explicit: Path | None = None) -> Path:
    """Return ``explicit``, else the path in ``PAPERPATH_PROGRESS``, else the default."""
    if explicit is not None:
        return explicit
    from_environment = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if from_environment:
        return Path(from_environment).expanduser()
    return default_progress_path()


def backup_path(path: Path) -> Path:
    """Return where the previous good version of the progress file ``path`` is kept."""
    return path.with_name(path.name + ".bak")


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def load_progress(path: Path) -> Progress:
    """Read the progress file at ``path``; a missing file means nothing is read yet.

    Raises :class:`ProgressFileError` if the file cannot be read or is damaged.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Progress()
    except OSError as error:
        raise ProgressFileError(path, [f"cannot read the file: {error.strerror}"]) from error
    return _parse_file(path, data)


def _parse_file(path: Path, data: bytes) -> Progress:
    try:
        return parse_progress(data)
    except ProgressFormatError as error:
        raise ProgressFileError(path, error.problems, error.newer_version) from error


def read_paper_ids(path: Path | None = None) -> frozenset[str]:
    """Return the ids of the papers marked read in the progress file.

    ``path`` None means the file that ``resolve_progress_path`` chooses. Ids
    that are no longer in the catalog are included; callers that need
    catalog papers only intersect the result with the catalog.
    """
    return load_progress(resolve_progress_path(path)).read_ids


def update_progress(path: Path, change: Callable[[Progress], Progress]) -> Progress:
    """Apply ``change`` to the latest records under the file lock and save the result.

    The previous file, if any, is kept as the backup first. Raises
    :class:`ProgressFileError` without writing anything if the current file
    is damaged, and :class:`PaperpathError` if the lock is not obtained in
    ``LOCK_TIMEOUT`` seconds or the folder does not exist.
    """
    from filelock import FileLock, Timeout

    _ensure_folder(path)
    lock = FileLock(lock_path(path), timeout=LOCK_TIMEOUT)
    try:
        with lock:
            previous = _read_existing(path)
            updated = change(_parse_file(path, previous) if previous is not None else Progress())
            new_data = dump_progress(updated)
            if previous == new_data:
                return updated
            if previous is not None:
                write_bytes_atomic(backup_path(path), previous)
            write_bytes_atomic(path, new_data)
            return updated
    except Timeout as error:
        raise PaperpathError(
            f"timed out after {LOCK_TIMEOUT} s waiting for the lock {lock_path(path)}: "
            "another paperpath command is changing the progress file; try again"
        ) from error
    except OSError as error:
        raise PaperpathError(
            f"cannot lock {lock_path(path)}: {error.strerror}; check that the folder is writable"
        ) from error


def _read_existing(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ProgressFileError(path, [f"cannot read the file: {error.strerror}"]) from error


def _ensure_folder(path: Path) -> None:
    folder = path.parent
    if folder.is_dir():
        return
    if path == default_progress_path():
        folder.mkdir(parents=True, exist_ok=True)
        return
    raise PaperpathError(
        f"cannot write the progress file {path}: folder {folder} does not exist; create it first"
    )


def _damage_message(path: Path) -> str:
    backup = backup_path(path)
    try:
        previous = parse_progress(backup.read_bytes())
    except FileNotFoundError:
        advice = (
            f"no backup exists at {backup}; repair the file, or move it away to start a new record"
        )
    except (OSError, ProgressFormatError):
        advice = (
            f"the backup {backup} is damaged too; repair one of them, or move both away "
            "to start a new record"
        )
    else:
        papers = count_noun(len(previous.read), "paper")
        advice = (
            f"the backup {backup} holds the previous version ({papers} read); "
            f"restore it with: cp '{backup}' '{path}'"
        )
    return f"the progress file {path} is unusable and was left as it is; {advice}"
