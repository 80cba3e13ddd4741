"""Facts about the bundled catalog that the reading orders depend on."""

import re

import pytest
from conftest import SHARED_SOURCES

ARXIV_LINK = re.compile(r"arxiv\.org/(?:abs|pdf|html)/(\d{4}\.\d{4,5})", re.IGNORECASE)


def test_bundled_catalog_size_and_tags(bundled):
    assert len(bundled.papers) >= 60
    for paper in bundled.papers.values():
        assert paper.summary and paper.reading_minutes > 0, paper.id
        if not paper.is_foundational:
            assert paper.prerequisites, paper.id


def test_bundled_catalog_covers_shared_list():
    source = SHARED_SOURCES / "awesome-llm-post-training.md"
    if not source.exists():
        pytest.skip(f"{source} is absent; the shared awesome list is only in the development tree")
    listed = set(ARXIV_LINK.findall(source.read_text(encoding="utf-8")))
    from paperpath.catalog import load_catalog
    from paperpath.resources import bundled_catalog_dir

    catalog = load_catalog(bundled_catalog_dir()).catalog
    ours = {paper.arxiv for paper in catalog.papers.values() if paper.arxiv}
    assert len(ours & listed) >= 25


def test_bundled_catalog_corrects_omegaprm_arxiv_id(bundled):
    # The awesome list links OmegaPRM ("Improve Mathematical Reasoning in
    # Language Models by Automated Process Supervision") to 2306.05372; the
    # paper's arXiv id is 2406.06592.
    assert bundled.papers["omegaprm"].arxiv == "2406.06592"
