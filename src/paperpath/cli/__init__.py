"""The ``paperpath`` command line: a thin layer that parses options and calls the library."""

from paperpath.cli.main import main

__all__ = ["main"]
