"""A cache of loaded catalogs, keyed on the bytes of every catalog file.

Loading validates every paper, which takes seconds for a catalog of
100,000 papers. The cache stores the result of a load, problems and
warnings included, and returns it while the catalog is unchanged.

The key covers the contents of every catalog file (never modification
times), their paths, the source of ``paperpath.catalog`` and the versions
of Python, pydantic and PyYAML. An edited, added or removed file therefore
misses the cache. A cache file that cannot be read or unpickled, or that
has another key, is ignored and rewritten. Failing to write the cache
never fails the command.

Entries live in the user cache folder (``platformdirs``), one file per
catalog folder, or in ``PAPERPATH_CACHE_DIR``. Setting
``PAPERPATH_NO_CACHE`` to any non-empty value turns the cache off.

NOTE: entries are pickles, and unpickling runs code named in the file. The
cache folder belongs to the user, so only someone who can already run code
as that user can plant an entry.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import sys
from pathlib import Path

from paperpath import __version__
from paperpath.catalog.catalog import Catalog, ItemSource, LoadResult
from paperpath.catalog.collector import paused_garbage_collection
from paperpath.catalog.files import catalog_files, display_path
from paperpath.errors import PaperpathError
from paperpath.output import write_bytes_atomic

CACHE_DIR_VARIABLE = "PAPERPATH_CACHE_DIR"
NO_CACHE_VARIABLE = "PAPERPATH_NO_CACHE"
_MAGIC = b"paperpath-catalog-cache 2\n"


def cache_folder() -> Path | None:
    """Return the folder for cache entries, or None when the cache is turned off."""
    if os.environ.get(NO_CACHE_VARIABLE):
        return None
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("paperpath", appauthor=False)) / "catalogs"


def load_catalog_cached(directory: Path, display_root: str | None = None) -> LoadResult:
    """Return what :func:`load_catalog` returns, from the cache when the files are unchanged."""
    folder = cache_folder()
    if folder is None:
        return load_catalog(directory, display_root)

    key = content_key(directory, display_root)
    entry = folder / f"{_entry_name(directory, display_root)}.pickle"
    cached = _read_entry(entry, key)
    if cached is not None:
        return cached

    result = load_catalog(directory, display_root)
    # A file edited while it was being loaded would store new results under
    # the old key, so the entry is written only if the key still holds.
    if content_key(directory, display_root) == key:
        _write_entry(folder, entry, key, result)
    return result


def load_catalog(directory: Path, display_root: str | None = None) -> LoadResult:
    """Load without the cache.

    The loader, its validation code and PyYAML are imported only here, on a
    miss: a hit needs none of them.
    """
    from paperpath.catalog.loader import load_catalog as load_uncached

    return load_uncached(directory, display_root)


def content_key(directory: Path, display_root: str | None) -> bytes:
    """Return the hex SHA-256 over everything a load's result depends on."""
    digest = hashlib.sha256()
    import pydantic

    versions = (pydantic.VERSION, _pyyaml_version())
    for part in (__version__, sys.version, *versions, display_root or ""):
        digest.update(part.encode() + b"\0")
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes() + b"\0")
    for path in catalog_files(directory):
        names = f"{path.resolve()}\0{display_path(path, directory, display_root)}\0"
        digest.update(names.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest().encode()


def _pyyaml_version() -> str:
    """Return PyYAML's version from its installed metadata, which is cheaper than importing it."""
    from importlib import metadata

    try:
        return metadata.version("PyYAML")
    except metadata.PackageNotFoundError:
        import yaml

        return yaml.__version__


def _entry_name(directory: Path, display_root: str | None) -> str:
    place = f"{directory.resolve()}\0{display_root or ''}"
    return hashlib.sha256(place.encode()).hexdigest()[:32]


def _read_entry(entry: Path, key: bytes) -> LoadResult | None:
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    header = _MAGIC + key + b"\n"
    if not data.startswith(header):
        return None
    try:
        with paused_garbage_collection():
            result = pickle.loads(memoryview(data)[len(header) :])
    # A damaged pickle can raise nearly any exception (EOFError,
    # UnpicklingError, AttributeError, ImportError, ...); all mean a miss.
    except Exception:
        return None
    return result if isinstance(result, LoadResult) else None


def _write_entry(folder: Path, entry: Path, key: bytes, result: LoadResult) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps(_without_parse_data(result), protocol=pickle.HIGHEST_PROTOCOL)
        write_bytes_atomic(entry, _MAGIC + key + b"\n" + payload)
    except (OSError, PaperpathError):
        pass  # an unwritable cache only costs time


def _without_parse_data(result: LoadResult) -> LoadResult:
    """Return ``result`` with the documents' lines cut down to those of the items.

    All problems have been found and carry their lines already, and line
    maps of every field were half the size of an entry and of its load
    time. Items keep their file and their own line, so ``show`` can print
    where a paper is defined. The documents are marked partial, so the line
    of a field is read from the file if it is ever asked for.
    """
    sources = [*result.catalog.paper_sources.values(), *result.catalog.topic_sources.values()]
    item_paths: dict[int, list] = {}
    for source in sources:
        item_paths.setdefault(id(source.document), []).append(source.value_path)

    slim: dict[int, object] = {}

    def source(original: ItemSource) -> ItemSource:
        document = original.document
        if id(document) not in slim:
            lines = {
                path: document.lines[path]
                for path in item_paths[id(document)]
                if path in document.lines
            }
            slim[id(document)] = dataclasses.replace(
                document, lines=lines, scalars={}, partial=True
            )
        return ItemSource(slim[id(document)], original.value_path)

    catalog = result.catalog
    return LoadResult(
        Catalog(
            papers=catalog.papers,
            topics=catalog.topics,
            paper_sources={key: source(value) for key, value in catalog.paper_sources.items()},
            topic_sources={key: source(value) for key, value in catalog.topic_sources.items()},
            warnings=catalog.warnings,
        ),
        result.problems,
        papers_checked=result.papers_checked,
        topics_checked=result.topics_checked,
    )
