"""Find the YAML files of a catalog folder, and name them in messages."""

from __future__ import annotations

import os
from pathlib import Path


def catalog_files(directory: Path) -> list[Path]:
    """Return the YAML files of a catalog folder in sorted order, skipping hidden ones."""
    files = []
    for path in [*directory.rglob("*.yaml"), *directory.rglob("*.yml")]:
        relative = path.relative_to(directory)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            files.append(path)
    return sorted(files)


def display_path(path: Path, directory: Path, display_root: str | None) -> str:
    if display_root is not None:
        return f"{display_root}/{path.relative_to(directory).as_posix()}"
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative
