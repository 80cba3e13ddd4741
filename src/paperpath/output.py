"""Write command output to stdout or, atomically, to a file."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from paperpath.errors import PaperpathError

STDOUT = Path("-")


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically; see :func:`write_bytes_atomic`."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A reader never sees a half-written file, and a failure leaves any
    existing file at ``path`` as it was. A symbolic link is followed, so the
    file it points to is replaced and the link stays. An existing file keeps
    its permissions. A path that is not a regular file, such as /dev/stdout
    or a named pipe, is written directly because it cannot be replaced.
    """
    target = Path(os.path.realpath(path))
    try:
        existing = target.stat()
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise PaperpathError(f"cannot write {path}: {error.strerror}") from error

    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise PaperpathError(f"cannot write {path}: it is a folder; give a file name")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_directly(path, target, data)
        return

    folder = target.parent
    if not folder.is_dir():
        raise PaperpathError(
            f"cannot write {path}: folder {folder} does not exist; create it first"
        )

    import tempfile  # only writing a file needs it, not printing to stdout

    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".paperpath-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(existing.st_mode) if existing else _default_mode())
        os.replace(temporary, target)
    except OSError as error:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise PaperpathError(f"cannot write {path}: {error.strerror}") from error
    except BaseException:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise


def _write_directly(path: Path, target: Path, data: bytes) -> None:
    try:
        with open(target, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise PaperpathError(f"cannot write {path}: {error.strerror}") from error


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def emit(text: str, output: Path | None) -> None:
    """Print ``text`` to stdout, or write it to ``output``; ``-`` means stdout."""
    if output is not None and output != STDOUT:
        write_text_atomic(output, text)
        return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the command line entry point ends quietly on a closed pipe
    except OSError as error:
        raise PaperpathError(f"cannot write to standard output: {error.strerror}") from error


def emit_bytes(data: bytes) -> None:
    """Write ``data`` to stdout as bytes, after any text already printed there."""
    sys.stdout.flush()
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        raise PaperpathError("standard output takes only text here; write to a file with -o FILE")
    stream.write(data)
    stream.flush()


def wrote_file(output: Path | None) -> bool:
    """Return whether ``output`` names a file rather than stdout."""
    return output is not None and output != STDOUT
