"""What to read next, the remaining reading order and progress counts, on real catalogs."""

from datetime import date

import pytest

from paperpath.catalog import load_catalog
from paperpath.graph import prerequisite_graph
from paperpath.plan import plan_reading_order
from paperpath.progress.next import suggest_next
from paperpath.progress.remaining import remaining_order
from paperpath.progress.summary import summarize_progress

DAY = date(2024, 5, 1)


@pytest.fixture
def small(small_catalog):
    catalog = load_catalog(small_catalog).catalog
    return catalog, prerequisite_graph(catalog)


def ids(order):
    return [entry.paper.id for entry in order.entries]


def test_suggest_next_nothing_read_starts_reading_order(small):
    catalog, graph = small
    result = suggest_next(catalog, graph, set(), ["dpo"], limit=5)
    full = ids(plan_reading_order(catalog, ["dpo"], graph=graph))
    ready = [suggestion.paper.id for suggestion in result.suggestions]
    assert ready[0] == full[0]
    assert set(ready) == {"rl", "lm"}  # the only papers without prerequisites


def test_suggest_next_counts_papers_before_target(small):
    catalog, graph = small
    result = suggest_next(catalog, graph, {"rl", "lm"}, ["dpo"], limit=1)
    (suggestion,) = result.suggestions
    assert suggestion.paper.id == "ppo"
    (step,) = suggestion.toward
    assert step.target.id == "dpo"
    assert step.unread == 2  # ppo and rlhf are left before dpo
    assert not step.is_target_itself
    assert suggestion.needed_for.paper_id == "rlhf"
    assert suggestion.needed_for.text == "The RL stage uses PPO."


def test_suggest_next_target_itself_last(small):
    catalog, graph = small
    result = suggest_next(catalog, graph, {"rl", "lm", "ppo", "rlhf"}, ["dpo"], limit=1)
    (suggestion,) = result.suggestions
    assert suggestion.paper.id == "dpo"
    assert suggestion.toward[0].is_target_itself
    assert suggestion.toward[0].unread == 0


def test_suggest_next_off_path_papers_follow(small):
    catalog, graph = small
    result = suggest_next(catalog, graph, {"rl"}, ["ppo"], limit=3)
    assert [suggestion.paper.id for suggestion in result.suggestions] == ["ppo", "lm"]
    assert result.suggestions[0].toward
    assert result.suggestions[1].toward == ()
    assert result.suggestions[1].position is None


def test_suggest_next_without_targets_ranks_by_dependents(small):
    catalog, graph = small
    result = suggest_next(catalog, graph, set(), (), limit=2)
    # rl leads to ppo, rlhf and dpo; lm only to rlhf and dpo.
    assert [suggestion.paper.id for suggestion in result.suggestions] == ["rl", "lm"]
    assert result.suggestions[0].unread_dependents == 3
    assert result.suggestions[1].unread_dependents == 2


def test_suggest_next_every_target_read(small):
    catalog, graph = small
    result = suggest_next(catalog, graph, {"dpo"}, ["dpo"], limit=3)
    assert result.targets_read
    assert all(not suggestion.toward for suggestion in result.suggestions)


def test_suggest_next_ignores_ids_not_in_catalog(small):
    catalog, graph = small
    result = suggest_next(catalog, graph, {"gone", "rl", "lm"}, ["dpo"], limit=1)
    assert result.suggestions[0].paper.id == "ppo"


def test_remaining_order_keeps_full_order(bundled):
    # Planning again with the read papers as known reorders this path; the
    # remaining order must not.
    graph = prerequisite_graph(bundled)
    full = ids(plan_reading_order(bundled, ["adaptivestep"], graph=graph))
    replanned = ids(plan_reading_order(bundled, ["adaptivestep"], full[:2], graph=graph))
    assert replanned != full[2:]
    assert ids(remaining_order(bundled, ["adaptivestep"], set(full[:2]), graph)) == full[2:]


def test_remaining_order_renumbers_reasons(small):
    catalog, graph = small
    order = remaining_order(catalog, ["dpo"], {"rl", "lm"}, graph)
    assert ids(order) == ["ppo", "rlhf", "dpo"]
    assert [entry.position for entry in order.entries] == [1, 2, 3]
    assert order.entries[0].reasons[0].position == 2
    assert order.entries[1].reasons[0].position == 3


def test_summarize_progress_counts_and_minutes(small):
    catalog, graph = small
    summary = summarize_progress(catalog, graph, {"rl": DAY, "ppo": DAY, "gone": DAY}, ["dpo"])
    (path,) = summary.paths
    assert (path.total, path.read, path.unread, path.no_longer_needed) == (5, 2, 3, 0)
    assert (path.minutes_read, path.minutes_unread) == (60, 90)
    assert path.next_paper.id == "lm"
    assert summary.catalog.read == 2
    assert summary.catalog.unread == 3
    assert summary.not_in_catalog == (("gone", DAY),)


def test_summarize_progress_counts_no_longer_needed(small):
    catalog, graph = small
    (path,) = summarize_progress(catalog, graph, {"rlhf": DAY}, ["dpo"]).paths
    assert (path.total, path.read, path.unread, path.no_longer_needed) == (5, 1, 1, 3)
    assert path.fraction_done == pytest.approx(0.8)
