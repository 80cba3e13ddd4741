import pytest
from conftest import TOPICS_YAML, paper_yaml

from paperpath.catalog import load_catalog
from paperpath.errors import TargetError
from paperpath.graph import TargetKind, resolve_target


@pytest.fixture
def catalog(small_catalog):
    return load_catalog(small_catalog).catalog


def test_resolve_paper_id_any_case(catalog):
    target = resolve_target(catalog, "PPO")
    assert target.kind is TargetKind.PAPER
    assert target.paper_ids == ("ppo",)


def test_resolve_alias_case_insensitive(catalog):
    assert resolve_target(catalog, "instructgpt").paper_ids == ("rlhf",)


def test_resolve_topic_includes_subtopics(catalog):
    target = resolve_target(catalog, "reinforcement")
    assert target.kind is TargetKind.TOPIC
    assert set(target.paper_ids) == {"rl", "lm", "ppo", "rlhf", "dpo"}


def test_resolve_unknown_suggests_close_ids(catalog):
    with pytest.raises(TargetError, match=r"unknown paper or topic 'dpoo'; did you mean 'dpo'"):
        resolve_target(catalog, "dpoo")


def test_resolve_unknown_without_match_points_to_listing(catalog):
    with pytest.raises(TargetError, match="run 'paperpath papers'"):
        resolve_target(catalog, "qqqqqq")


def test_resolve_shared_alias_lists_candidates(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("a", status="foundational", aliases="[RM]")
            + paper_yaml("b", status="foundational", aliases="[rm]"),
        }
    )
    catalog = load_catalog(folder).catalog
    with pytest.raises(
        TargetError, match=r"'RM' is ambiguous: it is an alias of 'a' \(Paper a\), 'b'"
    ):
        resolve_target(catalog, "RM")
