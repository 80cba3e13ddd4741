import networkx as nx

from paperpath.graph import select_papers


def chain_graph():
    # base -> mid -> top, and other -> top; base also needed by side.
    return nx.DiGraph([("base", "mid"), ("mid", "top"), ("other", "top"), ("base", "side")])


def test_select_targets_and_all_prerequisites():
    selection = select_papers(chain_graph(), ["top"])
    assert selection.papers == {"base", "mid", "top", "other"}
    assert selection.target_papers == ("top",)
    assert selection.known_left_out == ()


def test_select_known_drops_prerequisites_only_it_needs():
    selection = select_papers(chain_graph(), ["top"], known=["mid"])
    assert selection.papers == {"top", "other"}
    assert selection.known_left_out == ("mid",)


def test_select_known_keeps_prerequisite_needed_elsewhere():
    selection = select_papers(chain_graph(), ["top", "side"], known=["mid"])
    assert "base" in selection.papers


def test_select_known_target_left_out():
    selection = select_papers(chain_graph(), ["mid"], known=["mid"])
    assert selection.papers == frozenset()
    assert selection.known_left_out == ("mid",)


def test_select_known_behind_known_listed():
    selection = select_papers(chain_graph(), ["top"], known=["base", "mid", "side"])
    assert selection.papers == {"top", "other"}
    # base is behind mid, which is known too; side is not on the path at all.
    assert selection.known_left_out == ("base", "mid")
