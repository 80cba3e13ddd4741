"""Pause Python's cyclic garbage collector while a catalog is built or unpickled."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_garbage_collection() -> Iterator[None]:
    """Turn off Python's cyclic garbage collector inside the block.

    Loading creates millions of small objects and no cyclic garbage. With
    the collector on, it scans the growing heap again and again: that took
    two thirds of the time to load a 10,000-paper catalog (bench/run.py).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
