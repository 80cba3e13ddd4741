"""Audit of the prerequisite graph: each finding kind, thresholds, order, rendering, CLI."""

import doctest
import json
import random
from itertools import pairwise

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import TOPICS_YAML, paper_yaml

import paperpath.graph.audit
from paperpath.catalog import load_catalog
from paperpath.cli import main
from paperpath.graph import prerequisite_graph
from paperpath.graph.audit import (
    Bottleneck,
    FindingKind,
    FoundationalCandidate,
    RedundantPrerequisite,
    UnreachablePaper,
    audit_graph,
)
from paperpath.graph.testing import make_paper
from paperpath.render.audit_report import render_audit_json, render_audit_text


@pytest.fixture
def write_papers(write_catalog):
    """Write a catalog from ``{id: prerequisites}`` (ids in ``foundational`` get that status)."""

    def write(prerequisites: dict[str, list[str]], foundational: tuple[str, ...] = ()):
        papers = "papers:\n" + "".join(
            paper_yaml(
                paper_id,
                prerequisites="[" + ", ".join(needs) + "]",
                status="foundational" if paper_id in foundational else "incremental",
            )
            for paper_id, needs in prerequisites.items()
        )
        return write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": papers})

    return write


def audit_folder(folder, **thresholds):
    result = load_catalog(folder)
    assert not result.errors, [problem.format() for problem in result.errors]
    catalog = result.catalog
    return audit_graph(prerequisite_graph(catalog), catalog.papers, **thresholds)


def audit_edges(edges, nodes=(), foundational=(), **thresholds):
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    papers = {
        paper: make_paper(paper, status="foundational" if paper in foundational else "incremental")
        for paper in graph
    }
    return audit_graph(graph, papers, **thresholds)


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


DPO_CATALOG = {
    "rl": [],
    "ppo": ["rl"],
    "instructgpt": ["ppo"],
    "dpo": ["instructgpt", "ppo"],
}


def test_redundant_prerequisite_names_other_path(write_papers):
    folder = write_papers(DPO_CATALOG, foundational=("rl", "ppo"))
    audit = audit_folder(folder)
    assert audit.redundant_prerequisites == (
        RedundantPrerequisite("dpo", "ppo", ("dpo", "instructgpt", "ppo")),
    )
    assert audit.redundant_prerequisites[0].papers == ("dpo", "ppo", "instructgpt")


def test_redundant_prerequisite_takes_shortest_path():
    edges = [
        ("a", "long1"),
        ("long1", "long2"),
        ("long2", "z"),
        ("a", "y"),
        ("y", "z"),
        ("a", "x"),
        ("x", "z"),
        ("a", "z"),
    ]
    (finding,) = audit_edges(edges).redundant_prerequisites
    assert finding.other_path == ("z", "x", "a")


def test_redundant_prerequisite_matches_transitive_reduction():
    rng = random.Random(3)
    nodes = [f"p{index:03}" for index in range(120)]
    edges = [(nodes[a], nodes[b]) for b in range(120) for a in range(b) if rng.random() < 0.04]
    graph = nx.DiGraph(edges)
    audit = audit_edges(edges, nodes)
    reported = {(finding.prerequisite, finding.paper) for finding in audit.redundant_prerequisites}
    assert reported
    assert reported == set(graph.edges) - set(nx.transitive_reduction(graph).edges)
    for finding in audit.redundant_prerequisites:
        path = finding.other_path
        assert len(path) >= 3, finding
        assert (path[0], path[-1]) == (finding.paper, finding.prerequisite)
        assert all(graph.has_edge(needed, paper) for paper, needed in pairwise(path))


def test_redundant_prerequisite_none_in_reduced_graph(write_papers):
    folder = write_papers({"rl": [], "ppo": ["rl"], "dpo": ["ppo"]}, foundational=("rl",))
    assert audit_folder(folder).redundant_prerequisites == ()


def test_bottleneck_reports_counts_and_share(write_papers):
    # b has 3 of 10 papers as transitive prerequisites and two papers need it.
    prerequisites = {
        "a1": [],
        "a2": ["a1"],
        "a3": ["a2"],
        "b": ["a3"],
        "c": ["b"],
        "d": ["c"],
        "e": ["b"],
        **{f"z{index}": [] for index in range(3)},
    }
    audit = audit_folder(write_papers(prerequisites), bottleneck_share=0.3)
    assert [finding.paper for finding in audit.bottlenecks] == ["b", "c"]
    assert audit.bottlenecks[0] == Bottleneck(
        "b", prerequisite_count=3, paper_count=10, dependent_count=3, direct_dependent_count=2
    )
    assert audit.bottlenecks[0].share == pytest.approx(0.3)


def test_bottleneck_skips_paper_nobody_needs():
    audit = audit_edges([("a", "b"), ("b", "c")], bottleneck_share=0.5)
    assert [finding.paper for finding in audit.bottlenecks] == []
    audit = audit_edges([("a", "b"), ("b", "c")], bottleneck_share=0.3)
    assert [finding.paper for finding in audit.bottlenecks] == ["b"]


def test_bottleneck_share_threshold_inclusive():
    # b has 1 of 4 papers as prerequisite: exactly 25%.
    edges = [("a", "b"), ("b", "c")]
    at_share = audit_edges(edges, nodes=["z"], bottleneck_share=0.25)
    assert [finding.paper for finding in at_share.bottlenecks] == ["b"]
    above_share = audit_edges(edges, nodes=["z"], bottleneck_share=0.26)
    assert above_share.bottlenecks == ()


def test_foundational_candidate_needs_incremental_and_dependents(write_papers):
    prerequisites = {
        "base": [],
        "inc": ["base"],
        "found": ["base"],
        "two": ["base"],
        **{f"user{index}": ["inc", "found"] for index in range(3)},
        "x": ["two"],
        "y": ["two"],
    }
    folder = write_papers(prerequisites, foundational=("base", "found"))
    audit = audit_folder(folder)
    assert audit.foundational_candidates == (
        FoundationalCandidate("inc", ("user0", "user1", "user2")),
    )
    lowered = audit_folder(folder, foundational_dependents=2)
    assert [finding.paper for finding in lowered.foundational_candidates] == ["inc", "two"]


def test_unreachable_reports_isolated_papers(write_papers):
    prerequisites = {"rl": [], "ppo": ["rl"], "lonely": [], "alone": []}
    audit = audit_folder(write_papers(prerequisites, foundational=("rl", "lonely")))
    assert audit.unreachable_papers == (UnreachablePaper("alone"), UnreachablePaper("lonely"))


def test_audit_findings_ordered_by_kind_then_id(write_papers):
    prerequisites = {
        **DPO_CATALOG,
        "zz-lonely": [],
        "aa-lonely": [],
        **{f"user{index}": ["dpo"] for index in range(3)},
    }
    folder = write_papers(prerequisites, foundational=("rl", "ppo"))
    audit = audit_folder(folder, bottleneck_share=0.1)
    kinds = [finding.kind for finding in audit.findings]
    assert kinds == [
        FindingKind.REDUNDANT_PREREQUISITE,
        FindingKind.BOTTLENECK,
        FindingKind.BOTTLENECK,
        FindingKind.BOTTLENECK,
        FindingKind.FOUNDATIONAL_CANDIDATE,
        FindingKind.UNREACHABLE,
        FindingKind.UNREACHABLE,
    ]
    assert [finding.paper for finding in audit.bottlenecks] == ["dpo", "instructgpt", "ppo"]
    assert [finding.paper for finding in audit.unreachable_papers] == ["aa-lonely", "zz-lonely"]


def test_audit_deterministic_whatever_insertion_order():
    rng = random.Random(11)
    nodes = [f"p{index:02}" for index in range(40)]
    edges = [(nodes[a], nodes[b]) for b in range(40) for a in range(b) if rng.random() < 0.1]
    forward = audit_edges(edges, nodes, bottleneck_share=0.1)
    backward = audit_edges(list(reversed(edges)), list(reversed(nodes)), bottleneck_share=0.1)
    assert forward.findings
    assert forward == backward
    assert render_audit_json(forward) == render_audit_json(backward)


def test_audit_graph_rejects_bad_thresholds():
    with pytest.raises(ValueError, match="bottleneck share 0 is outside"):
        audit_edges([("a", "b")], bottleneck_share=0)
    with pytest.raises(ValueError, match="bottleneck share 1.5 is outside"):
        audit_edges([("a", "b")], bottleneck_share=1.5)
    with pytest.raises(ValueError, match="foundational dependents 0 is below 1"):
        audit_edges([("a", "b")], foundational_dependents=0)


def test_audit_graph_cycle_raises():
    with pytest.raises(nx.NetworkXUnfeasible):
        audit_edges([("a", "b"), ("b", "a")])


def test_audit_doctests_pass():
    results = doctest.testmod(paperpath.graph.audit)
    assert results.attempted > 0
    assert results.failed == 0


def test_render_text_headings_counts_and_summary(write_papers):
    folder = write_papers(DPO_CATALOG, foundational=("rl", "ppo"))
    audit = audit_folder(folder, bottleneck_share=1.0)
    lines = render_audit_text(audit).splitlines()
    assert lines[0].startswith("Redundant prerequisites (1), ")
    assert lines[1] == "  dpo lists ppo, but dpo -> instructgpt -> ppo already implies it"
    assert (
        "Bottlenecks (0), papers that others need and whose transitive prerequisites "
        "make up at least 100% of the catalog"
    ) in lines
    for heading in ("Bottlenecks (0)", "Foundational candidates (0)", "Unreachable papers (0)"):
        index = next(i for i, line in enumerate(lines) if line.startswith(heading))
        assert lines[index + 1] == "  none", heading
    assert lines[-1] == (
        "Audited 4 papers: 1 redundant prerequisite, 0 bottlenecks, "
        "0 foundational candidates, 0 unreachable papers."
    )


def test_render_text_bottleneck_and_candidate_messages(write_papers):
    prerequisites = {**DPO_CATALOG, **{f"user{index}": ["dpo"] for index in range(7)}}
    folder = write_papers(prerequisites, foundational=("rl", "ppo"))
    audit = audit_folder(folder, bottleneck_share=0.1)
    text = render_audit_text(audit)
    assert (
        "  instructgpt is needed by 8 papers (1 directly) and pulls 2 transitive prerequisites "
        "(18% of the catalog) into each of their reading orders\n"
    ) in text
    assert (
        "  dpo is incremental, but 7 papers list it as a prerequisite "
        "(user0, user1, user2, user3, user4 and 2 more), so it may be foundational\n"
    ) in text


def test_render_json_kind_papers_message(write_papers):
    prerequisites = {**DPO_CATALOG, "lonely": []}
    audit = audit_folder(write_papers(prerequisites, foundational=("rl", "ppo", "lonely")))
    data = json.loads(render_audit_json(audit))
    assert [set(item) for item in data] == [{"kind", "papers", "message"}] * len(data)
    assert data[0] == {
        "kind": "redundant-prerequisite",
        "papers": ["dpo", "ppo", "instructgpt"],
        "message": "dpo lists ppo, but dpo -> instructgpt -> ppo already implies it",
    }
    assert data[-1]["kind"] == "unreachable"
    assert data[-1]["papers"] == ["lonely"]
    assert data[-1]["message"].startswith("lonely has no prerequisites and no paper lists it")


def test_audit_cli_text_exits_0(write_papers):
    folder = write_papers(DPO_CATALOG, foundational=("rl", "ppo"))
    result = invoke("audit", "--catalog", str(folder))
    assert result.exit_code == 0
    assert "  dpo lists ppo, but dpo -> instructgpt -> ppo already implies it\n" in result.stdout
    assert result.stdout.endswith("0 unreachable papers.\n")


def test_audit_cli_json_and_thresholds(write_papers):
    folder = write_papers(DPO_CATALOG, foundational=("rl", "ppo"))
    strict = invoke(
        "audit", "--catalog", str(folder), "--format", "json", "--bottleneck-share", "1"
    )
    assert [item["kind"] for item in json.loads(strict.stdout)] == ["redundant-prerequisite"]
    lowered = invoke(
        "audit",
        "--catalog",
        str(folder),
        "--format",
        "json",
        "--bottleneck-share",
        "0.5",
        "--dependents",
        "1",
    )
    assert lowered.exit_code == 0
    findings = [(item["kind"], item["papers"][0]) for item in json.loads(lowered.stdout)]
    assert findings == [
        ("redundant-prerequisite", "dpo"),
        ("bottleneck", "instructgpt"),
        ("foundational-candidate", "instructgpt"),
    ]


def test_audit_cli_same_bytes_on_every_run():
    first = invoke("audit", "--format", "json").stdout_bytes
    second = invoke("audit", "--format", "json").stdout_bytes
    assert first == second


def test_audit_cli_catalog_error_exits_1(write_catalog):
    papers = "papers:\n" + paper_yaml("x", prerequisites="[missing]")
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": papers})
    result = CliRunner().invoke(main, ["audit", "--catalog", str(folder)])
    assert result.exit_code == 1
    assert "unknown prerequisite 'missing'" in result.output
    assert "Traceback" not in result.output


def test_audit_cli_invalid_thresholds_exit_2():
    for option, value in (("--bottleneck-share", "0"), ("--dependents", "0")):
        result = CliRunner().invoke(main, ["audit", option, value])
        assert result.exit_code == 2, option
        assert f"Invalid value for '{option}'" in result.output


def test_audit_bundled_reports_no_unreachable(bundled):
    audit = audit_graph(prerequisite_graph(bundled), bundled.papers)
    assert audit.paper_count == len(bundled.papers)
    assert audit.unreachable_papers == ()
    result = invoke("audit")
    assert result.exit_code == 0
    assert "Unreachable papers (0)" in result.stdout
