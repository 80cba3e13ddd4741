"""Facts about the bundled catalog that the reading orders depend on."""

import re

import pytest
from conftest import SHARED_SOURCES

ARXIV_LINK = re.compile(r"arxiv\.org/(?:abs|pdf|html)/(\d{4}\.\d{4,5})", re.IGNORECASE)


def test_bundled_catalog_size_and_tags(bundled):
    assert len(bundled.papers) >= 220
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


# Entries of the awesome list that name no paper we could verify: each
# title or arXiv id leads to a different paper or to nothing outside the
# list itself. They stay out of the catalog.
UNVERIFIABLE_LIST_ENTRIES = {
    "Large Language Models: A Survey of Their Development, Capabilities, and Applications",
    "A Survey on Large Language Models for Reinforcement Learning",  # 2312.04567 is another paper
    "Large Language Models as Decision-Makers: A Survey",
    "A Survey on Large Language Model Alignment Techniques",
    "Reinforcement Learning with Human Feedback: A Survey",
    "A Survey on Foundation Models for Decision Making",
    "Large Language Models in Reinforcement Learning: Opportunities and Challenges",
    "AutoGPT: LLMs for Autonomous RL Agents",  # 2304.03442 is Generative Agents
    "Barkour: Benchmarking LLM-Augmented RL",
}


def test_bundled_catalog_has_every_shared_list_paper(bundled):
    source = SHARED_SOURCES / "awesome-llm-post-training.md"
    if not source.exists():
        pytest.skip(f"{source} is absent; the shared awesome list is only in the development tree")
    from paperpath.importers.dedupe import merge_duplicates
    from paperpath.importers.markdown_list import parse_awesome_list
    from paperpath.importers.plan import plan_merge

    parsed = parse_awesome_list(source.read_text(encoding="utf-8"), "imported")
    plan = plan_merge(bundled, parsed.topics, merge_duplicates(parsed.entries))
    missing = [
        added.paper.title
        for added in plan.added
        if added.paper.title not in UNVERIFIABLE_LIST_ENTRIES
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("paper_id", "field", "list_value", "correct_value"),
    [
        # Linked as "Improve Mathematical Reasoning ... Automated Process Supervision".
        ("omegaprm", "arxiv", "2306.05372", "2406.06592"),
        # Listed as "Reasoning with Large Language Models: A Survey" with the id
        # of "Is ChatGPT a General-Purpose NLP Task Solver?".
        ("reasoning-large-language-models-survey", "arxiv", "2302.06476", "2407.11511"),
        # The list's link is cut short.
        ("survey-feedback-based-multi-step", "arxiv", "2502.143", "2502.14333"),
        # The list's date badge gives 2024.05, but arXiv v1 is from May 2023.
        ("lets-verify-step-by-step", "year", 2024, 2023),
        # The list titles this entry "Representation Finetuning" but links the
        # ACL 2024 paper on reasoning with reinforced fine-tuning.
        (
            "reft-reasoning",
            "title",
            "ReFT: Representation Finetuning for Language Models",
            "ReFT: Reasoning with Reinforced Fine-Tuning",
        ),
    ],
)
def test_bundled_catalog_corrects_list(bundled, paper_id, field, list_value, correct_value):
    value = getattr(bundled.papers[paper_id], field)
    assert value == correct_value
    assert value != list_value
