"""The paper catalog: YAML format, loading with source lines, validation."""

from typing import TYPE_CHECKING

from paperpath._lazy import lazy_exports

_EXPORTS = {
    "Catalog": "paperpath.catalog.catalog",
    "ItemSource": "paperpath.catalog.catalog",
    "LoadResult": "paperpath.catalog.catalog",
    "load_catalog": "paperpath.catalog.loader",
    "CatalogFile": "paperpath.catalog.models",
    "Paper": "paperpath.catalog.models",
    "Prerequisite": "paperpath.catalog.models",
    "Status": "paperpath.catalog.status",
    "Topic": "paperpath.catalog.models",
    "Problem": "paperpath.catalog.problems",
    "Severity": "paperpath.catalog.problems",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
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

if TYPE_CHECKING:
    from paperpath.catalog.catalog import Catalog, ItemSource, LoadResult
    from paperpath.catalog.loader import load_catalog
    from paperpath.catalog.models import CatalogFile, Paper, Prerequisite, Topic
    from paperpath.catalog.problems import Problem, Severity
    from paperpath.catalog.status import Status
