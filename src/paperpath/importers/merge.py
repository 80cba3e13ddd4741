"""Write an import plan into catalog files without touching curated fields.

The plan (see :mod:`paperpath.importers.plan`) only adds papers, topics
and topic memberships; prerequisites, status, summary, aliases and reading
time of catalog papers are never written.

Files are edited with ruamel.yaml's round-trip mode, which keeps comments,
quoting and layout. All changed files are first written to a staging copy
of the catalog and validated there. Only a clean result replaces the real
files, each one atomically.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from paperpath.catalog import Catalog, load_catalog
from paperpath.catalog.loader import catalog_files
from paperpath.errors import CatalogError
from paperpath.importers.markdown_list import ImportedTopic
from paperpath.importers.plan import AddedPaper, MergePlan
from paperpath.output import write_text_atomic


def round_trip_yaml() -> YAML:
    """Return a ruamel.yaml instance that reproduces the catalog's own layout."""
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    return yaml


def _flow(items: list[str]) -> CommentedSeq:
    sequence = CommentedSeq(items)
    sequence.fa.set_flow_style()
    return sequence


def topic_mapping(topic: ImportedTopic) -> CommentedMap:
    mapping = CommentedMap(id=topic.id, title=topic.title)
    if topic.parent:
        mapping["parent"] = topic.parent
    return mapping


def paper_mapping(added: AddedPaper) -> CommentedMap:
    """Return a new catalog entry; curated fields are left for a person to fill in."""
    paper = added.paper
    mapping = CommentedMap(id=added.id, title=paper.title)
    if paper.authors:
        mapping["authors"] = _flow(paper.authors)
    for name in ("year", "month", "venue", "url"):
        value = getattr(paper, name)
        if value is not None:
            mapping[name] = value
    if paper.arxiv:
        mapping["arxiv"] = DoubleQuotedScalarString(paper.arxiv)
    if paper.code:
        mapping["code"] = paper.code
    mapping["status"] = "incremental"
    mapping["prerequisites"] = _flow([])
    mapping["topics"] = _flow(added.topics)
    return mapping


def _dump(yaml: YAML, data: Any) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _new_file(source_name: str) -> CommentedMap:
    data = CommentedMap()
    data.yaml_set_start_comment(
        f"Papers imported from {source_name} by 'paperpath import awesome'.\n"
        "New papers are incremental with no prerequisites until a curator tags them."
    )
    return data


def _append(data: CommentedMap, section: str, items: list[CommentedMap]) -> None:
    if not items:
        return
    if data.get(section) is None:
        data[section] = CommentedSeq()
    data[section].extend(items)


def render_catalog_file(plan: MergePlan, source_name: str) -> str:
    """Return a standalone catalog file holding the plan's topics and papers."""
    data = _new_file(source_name)
    _append(data, "topics", [topic_mapping(topic) for topic in plan.topics])
    _append(data, "papers", [paper_mapping(added) for added in plan.added])
    return _dump(round_trip_yaml(), data)


def changed_files(
    catalog: Catalog, plan: MergePlan, target: Path, source_name: str
) -> dict[Path, str]:
    """Return the new text of every catalog file the merge changes."""
    yaml = round_trip_yaml()
    documents: dict[Path, Any] = {}

    def document(path: Path) -> Any:
        if path not in documents:
            documents[path] = yaml.load(path.read_text(encoding="utf-8"))
        return documents[path]

    for match in plan.topics_updated:
        source = catalog.paper_sources[match.id]
        section, position = source.value_path
        item = document(source.document.file)[section][position]
        item["topics"].extend(match.new_topics)

    if plan.added or plan.topics:
        data = (
            document(target)
            if target.exists()
            else documents.setdefault(target, _new_file(source_name))
        )
        _append(data, "topics", [topic_mapping(topic) for topic in plan.topics])
        _append(data, "papers", [paper_mapping(added) for added in plan.added])

    return {path: _dump(yaml, data) for path, data in documents.items()}


def validate_staged(catalog_dir: Path, files: dict[Path, str], *, only_these: bool = False) -> None:
    """Load the catalog as it would be after writing ``files``; raise CatalogError on errors.

    With ``only_these``, the staged catalog is just ``files``, as for a new
    standalone catalog file.
    """
    with tempfile.TemporaryDirectory(prefix="paperpath-import-") as staging_name:
        staging = Path(staging_name)
        existing = [] if only_these or not catalog_dir.is_dir() else catalog_files(catalog_dir)
        for path in existing:
            copy = staging / path.relative_to(catalog_dir)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
        for path, text in files.items():
            copy = staging / path.resolve().relative_to(catalog_dir.resolve())
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(text, encoding="utf-8")
        if not files and not existing:
            return
        result = load_catalog(staging, display_root=str(catalog_dir))
        if result.errors:
            raise CatalogError(result.problems)


def apply_merge(catalog_dir: Path, files: dict[Path, str]) -> None:
    """Validate the merged catalog, then replace each changed file atomically."""
    validate_staged(catalog_dir, files)
    for path, text in sorted(files.items()):
        write_text_atomic(path, text)
