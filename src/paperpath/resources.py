"""Locate the bundled catalog, curricula and templates.

An installed wheel carries them inside the package under ``_bundled/``. A
source checkout (an editable install or running from ``src/``) has them at
the top of the repository instead, which is where curators edit them.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_BUNDLED_DIR = _PACKAGE_DIR / "_bundled"
_REPOSITORY_DIR = _PACKAGE_DIR.parent.parent


def _resource_dir(name: str) -> Path:
    bundled = _BUNDLED_DIR / name
    if bundled.is_dir():
        return bundled
    return _REPOSITORY_DIR / name


def bundled_catalog_dir() -> Path:
    """Return the folder of the bundled paper catalog."""
    return _resource_dir("data")


def bundled_curricula_dir() -> Path:
    """Return the folder of the bundled course curricula."""
    return _resource_dir("curricula")


def templates_dir() -> Path:
    """Return the folder of the bundled Jinja2 templates."""
    return _resource_dir("templates")
