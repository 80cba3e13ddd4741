"""The paper catalog: YAML format, loading with source lines, validation."""

from paperpath.catalog.catalog import Catalog, ItemSource
from paperpath.catalog.loader import LoadResult, load_catalog
from paperpath.catalog.models import CatalogFile, Paper, Prerequisite, Status, Topic
from paperpath.catalog.problems import Problem, Severity

__all__ = [
    "Catalog",
    "CatalogFile",
    "ItemSource",
    "LoadResult",
    "Paper",
    "Prerequisite",
    "Problem",
    "Severity",
    "Status",
    "Topic",
    "load_catalog",
]
