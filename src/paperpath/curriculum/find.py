"""Find curriculum files: the bundled ones by name, or a file by its path."""

from __future__ import annotations

from pathlib import Path

from paperpath.errors import InputNotFoundError
from paperpath.resources import bundled_curricula_dir


def curriculum_files(folder: Path | None = None) -> list[Path]:
    """Return the curriculum files (``*.yaml``) of a folder, the bundled one by default."""
    folder = folder if folder is not None else bundled_curricula_dir()
    return sorted(path for path in folder.glob("*.yaml") if not path.name.startswith("."))


def find_curriculum(name_or_file: str) -> tuple[Path, str]:
    """Return the file of a curriculum and the path to show in messages.

    An existing file, or a text ending in ``.yaml`` or ``.yml``, is a path.
    Anything else names a bundled curriculum, shown as ``curricula/NAME.yaml``
    wherever the package is installed. Raises :class:`InputNotFoundError` for
    a name or file that does not exist.
    """
    path = Path(name_or_file)
    if path.is_file():
        return path, name_or_file
    if path.suffix in (".yaml", ".yml") or "/" in name_or_file:
        raise InputNotFoundError(f"curriculum file {name_or_file} does not exist; check the path")
    bundled = bundled_curricula_dir() / f"{name_or_file}.yaml"
    if bundled.is_file():
        return bundled, f"curricula/{bundled.name}"
    names = ", ".join(file.stem for file in curriculum_files()) or "none"
    raise InputNotFoundError(
        f"no curriculum named '{name_or_file}'; choose one of {names} "
        "(see 'paperpath syllabus --list') or give a file path"
    )
