"""Lazy re-exports for package ``__init__`` modules.

The command line imports only what the chosen command needs: importing
``paperpath.catalog`` must not pull in pydantic, networkx and the rest
before a command needs them. Startup time is most of a short command's
run time.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` that imports each name from its module on first use."""
    namespace = importlib.import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    return __getattr__
