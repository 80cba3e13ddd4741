"""paperpath: turn a research field's paper list into a guided reading order."""

__version__ = "0.1.0"
