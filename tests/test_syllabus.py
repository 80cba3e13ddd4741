"""Syllabi: packing into weeks, curriculum validation, rendering, the command."""

import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import pypdf
import pytest
from click.testing import CliRunner

from paperpath.cli import main
from paperpath.curriculum import curriculum_files, load_curriculum
from paperpath.graph import prerequisite_graph
from paperpath.plan import pack_weeks, plan_syllabus
from paperpath.plan.syllabus import syllabus_violations
from paperpath.resources import bundled_curricula_dir

SHIPPED = [path.stem for path in curriculum_files()]


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def fake_papers(spec):
    """Papers as (id, topic, minutes) triples, with only the fields packing reads."""
    return {
        paper_id: SimpleNamespace(topics=[topic], reading_minutes=minutes)
        for paper_id, topic, minutes in spec
    }


def write_curriculum(folder: Path, text: str, name: str = "course.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_shipped_curricula_at_least_three():
    assert {"post-training-overview", "rlhf-preference-optimization", "reasoning-models"} <= set(
        SHIPPED
    )


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_curriculum_invariants(name, bundled):
    graph = prerequisite_graph(bundled)
    path = bundled_curricula_dir() / f"{name}.yaml"
    course = load_curriculum(path, f"curricula/{name}.yaml", bundled)
    syllabus = plan_syllabus(bundled, course, graph)
    budget = syllabus.budget_minutes

    seen = set()
    for week in syllabus.weeks:
        minutes = sum(entry.paper.reading_minutes for entry in week.entries)
        assert minutes <= budget or len(week.entries) == 1, (week.number, minutes, budget)
        for entry in week.entries:
            needed = [p for p in graph.predecessors(entry.paper.id) if p in syllabus.week_of()]
            assert all(p in seen for p in needed), (entry.paper.id, needed)
            seen.add(entry.paper.id)
    for goal in course.spec.goals:
        goal_id = goal.casefold()
        assert goal_id in seen, goal
    if course.spec.weeks is not None:
        assert len(syllabus.weeks) <= course.spec.weeks
    assert all(week.entries for week in syllabus.weeks)
    assert syllabus_violations(syllabus, graph) == []


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_curriculum_renders_all_formats(name, tmp_path):
    for suffix in ("md", "html", "pdf"):
        result = run("syllabus", name, "-o", tmp_path / f"{name}.{suffix}")
        assert result.exit_code == 0, result.output
    markdown = (tmp_path / f"{name}.md").read_text(encoding="utf-8")
    html = (tmp_path / f"{name}.html").read_text(encoding="utf-8")
    reader = pypdf.PdfReader(str(tmp_path / f"{name}.pdf"))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)

    assert "## Weeks at a glance" in markdown
    assert "## Week 1:" in markdown
    assert "<svg" in html
    assert 'id="week-1"' in html
    assert len(reader.pages) >= 4
    assert "Assumed knowledge" in text
    assert "Week 1:" in text
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in text


def test_syllabus_pdf_lists_weeks_and_readings(tmp_path, bundled):
    output = tmp_path / "reasoning.pdf"
    assert run("syllabus", "reasoning-models", "-o", output).exit_code == 0
    reader = pypdf.PdfReader(str(output))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for number in range(1, 9):
        assert f"Week {number}:" in text
    assert "Optional:" in text
    assert bundled.papers["deepseek-r1"].title in text


def test_syllabus_output_is_deterministic(tmp_path):
    for suffix in ("md", "pdf"):
        first, second = tmp_path / f"a.{suffix}", tmp_path / f"b.{suffix}"
        assert run("syllabus", "post-training-overview", "-o", first).exit_code == 0
        assert run("syllabus", "post-training-overview", "-o", second).exit_code == 0
        assert first.read_bytes() == second.read_bytes()


def test_pack_weeks_respects_budget_and_order():
    papers = fake_papers([(f"p{i}", "t", 50) for i in range(7)])
    graph = nx.DiGraph([(f"p{i}", f"p{i + 1}") for i in range(6)])
    weeks = pack_weeks(graph, papers, [f"p{i}" for i in range(7)], 120)
    assert [week.paper_ids for week in weeks] == [
        ("p0", "p1"),
        ("p2", "p3"),
        ("p4", "p5"),
        ("p6",),
    ]
    assert not any(week.oversized for week in weeks)


def test_pack_weeks_oversized_paper_alone():
    papers = fake_papers([("a", "t", 30), ("long", "t", 300), ("b", "t", 30)])
    graph = nx.DiGraph([("a", "long"), ("long", "b")])
    weeks = pack_weeks(graph, papers, ["a", "long", "b"], 120)
    assert [week.paper_ids for week in weeks] == [("a",), ("long",), ("b",)]
    assert [week.oversized for week in weeks] == [False, True, False]


def test_pack_weeks_groups_by_topic():
    # The reading order alternates topics; packing pulls same-topic papers together.
    papers = fake_papers(
        [("rl1", "rl", 60), ("cot1", "cot", 60), ("rl2", "rl", 60), ("cot2", "cot", 60)]
    )
    graph = nx.DiGraph()
    graph.add_nodes_from(papers)
    weeks = pack_weeks(graph, papers, ["rl1", "cot1", "rl2", "cot2"], 120)
    assert [week.paper_ids for week in weeks] == [("rl1", "rl2"), ("cot1", "cot2")]


def test_pack_weeks_topic_never_breaks_prerequisites():
    papers = fake_papers([("rl1", "rl", 60), ("cot1", "cot", 60), ("rl2", "rl", 60)])
    graph = nx.DiGraph([("cot1", "rl2")])
    graph.add_node("rl1")
    weeks = pack_weeks(graph, papers, ["rl1", "cot1", "rl2"], 120)
    assert [week.paper_ids for week in weeks] == [("rl1", "cot1"), ("rl2",)]


def test_pack_weeks_pin_holds_paper_back():
    papers = fake_papers([("a", "t", 30), ("b", "t", 30), ("c", "t", 30)])
    graph = nx.DiGraph([("a", "b")])
    graph.add_node("c")
    weeks = pack_weeks(graph, papers, ["a", "b", "c"], 120, pinned={"b": 2})
    assert [week.paper_ids for week in weeks] == [("a", "c"), ("b",)]


OVERVIEW = """\
    title: A course
    audience: Testers
    description: Checks the syllabus command.
    goals: [dpo]
    weeks: {weeks}
    hours_per_week: 1
"""


def test_syllabus_too_few_weeks_names_weeks_needed(small_catalog, tmp_path):
    # The small catalog's DPO path is 5 papers of 30 min: 3 weeks at 1 h a week.
    course = write_curriculum(tmp_path, OVERVIEW.format(weeks=2))
    output = tmp_path / "out.md"
    result = run("syllabus", course, "-o", output, "--catalog", small_catalog)
    assert result.exit_code == 1
    assert "the goals need 3 weeks at 1 h per week" in result.output
    assert "raise 'hours_per_week' to 1.5 to fit 2 weeks" in result.output
    assert not output.exists()


def test_syllabus_weeks_option_overrides(small_catalog, tmp_path):
    course = write_curriculum(tmp_path, OVERVIEW.format(weeks=3))
    output = tmp_path / "out.md"
    result = run("syllabus", course, "-o", output, "--weeks", "1", "--catalog", small_catalog)
    assert result.exit_code == 1
    assert "need 3 weeks" in result.output
    fits = run("syllabus", course, "-o", output, "--catalog", small_catalog)
    assert fits.exit_code == 0, fits.output
    assert "## Week 3:" in output.read_text(encoding="utf-8")


def test_syllabus_too_few_weeks_with_pin_errors(tmp_path):
    # The shipped RLHF course pins papers to weeks 4 and 5 and has themes up to week 6.
    output = tmp_path / "out.md"
    result = run("syllabus", "rlhf-preference-optimization", "--weeks", "2", "-o", output)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "error: weeks: the goals need 6 weeks at 3 h 30 min per week" in lines[0]
    assert "pinned.dpo: pinned to week 5, but the course has 2 weeks" in result.output
    assert "themes[6]: week 6 has a theme, but the course has 2 weeks" in result.output
    assert not output.exists()


def test_syllabus_weeks_alone_fits_budget(small_catalog, tmp_path):
    course = write_curriculum(
        tmp_path,
        """\
        title: A course
        audience: Testers
        description: Budget fitted to the weeks.
        goals: [dpo]
        weeks: 2
        """,
    )
    output = tmp_path / "out.md"
    result = run("syllabus", course, "-o", output, "--catalog", small_catalog)
    assert result.exit_code == 0, result.output
    text = output.read_text(encoding="utf-8")
    assert "2 weeks, up to 1 h 30 min a week (the smallest budget that fits" in text
    assert "## Week 3" not in text


BAD = """\
    title: A bad course
    audience: Testers
    description: Three mistakes.
    goals:
      - dpo
      - no-such-paper
    hours_per_week: -2
    wekks: 4
"""


def test_syllabus_bad_curriculum_reports_all(small_catalog, tmp_path):
    course = write_curriculum(tmp_path, BAD)
    output = tmp_path / "out.md"
    result = run("syllabus", course, "-o", output, "--catalog", small_catalog)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(
        line.startswith(f"{course}:6: error: goals[1]: unknown paper or topic 'no-such-paper'")
        for line in lines
    ), result.output
    assert any(
        line.startswith(f"{course}:7: error: hours_per_week: -2 is out of range") for line in lines
    ), result.output
    assert any(
        line.startswith(f"{course}:8: error: wekks: unknown key 'wekks'")
        and "did you mean 'weeks'" in line
        for line in lines
    ), result.output
    assert "the curriculum has 3 errors" in result.output
    assert "Traceback" not in result.output
    assert not output.exists()


def test_syllabus_bad_curriculum_subprocess(small_catalog, tmp_path):
    course = write_curriculum(tmp_path, BAD)
    output = tmp_path / "out.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "paperpath", "syllabus", "course.yaml", "-o", "out.pdf"]
        + ["--catalog", str(small_catalog)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert course.exists()
    assert result.returncode == 1
    assert "course.yaml:6: error: goals[1]" in result.stderr
    assert "course.yaml:7: error: hours_per_week" in result.stderr
    assert "course.yaml:8: error: wekks" in result.stderr
    assert "Traceback" not in result.stderr
    assert not output.exists()


def test_syllabus_pin_before_prerequisite_reported(small_catalog, tmp_path):
    course = write_curriculum(
        tmp_path,
        """\
        title: A course
        audience: Testers
        description: A pin that breaks prerequisite order.
        goals: [dpo]
        hours_per_week: 1
        pinned:
          dpo: 1
          ppo: 2
        themes:
          9: Nowhere
        """,
    )
    result = run("syllabus", course, "-o", tmp_path / "out.md", "--catalog", small_catalog)
    assert result.exit_code == 1
    assert (
        f"{course}:7: error: pinned.dpo: 'dpo' is pinned to week 1, "
        "before its prerequisite 'ppo' (pinned to week 2)"
    ) in result.output
    assert not (tmp_path / "out.md").exists()


def test_syllabus_theme_beyond_last_week_reported(small_catalog, tmp_path):
    course = write_curriculum(
        tmp_path,
        """\
        title: A course
        audience: Testers
        description: A theme for a week that does not exist.
        goals: [dpo]
        hours_per_week: 1
        themes:
          1: Start
          9: Nowhere
        """,
    )
    result = run("syllabus", course, "-o", tmp_path / "out.md", "--catalog", small_catalog)
    assert result.exit_code == 1
    assert f"{course}:8: error: themes[9]: week 9 has a theme, but the syllabus has 3 weeks" in (
        result.output
    )


def test_syllabus_markdown_escapes_curriculum_text(small_catalog, tmp_path):
    course = write_curriculum(
        tmp_path,
        """\
        title: "Course <script>alert(1)</script> | [x](javascript:y)"
        audience: Testers
        description: Untrusted text.
        goals: [dpo]
        hours_per_week: 2
        themes:
          1: "<b>bold</b>"
        """,
    )
    markdown, html = tmp_path / "out.md", tmp_path / "out.html"
    assert run("syllabus", course, "-o", markdown, "--catalog", small_catalog).exit_code == 0
    assert run("syllabus", course, "-o", html, "--catalog", small_catalog).exit_code == 0
    text = markdown.read_text(encoding="utf-8")
    assert "<script>" not in text
    assert "\\[x\\](javascript:y)" in text
    page = html.read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_syllabus_list_names_shipped_curricula():
    result = run("syllabus", "--list")
    assert result.exit_code == 0
    for name in SHIPPED:
        assert name in result.output
    assert "RLHF and preference optimization in depth" in result.output


def test_syllabus_unknown_name_lists_choices(tmp_path):
    result = run("syllabus", "no-such-course", "-o", tmp_path / "x.md")
    assert result.exit_code == 2
    assert "no curriculum named 'no-such-course'" in result.output
    assert "reasoning-models" in result.output


def test_packing_doctests_pass():
    import doctest

    import paperpath.plan.packing

    results = doctest.testmod(paperpath.plan.packing)
    assert results.attempted > 0
    assert results.failed == 0


def test_syllabus_progress_ticks_read_papers(tmp_path):
    marked = run("done", "chain-of-thought", "dr-grpo", "--date", "2026-11-30")
    assert marked.exit_code == 0, marked.output
    markdown, html, plain = tmp_path / "s.md", tmp_path / "s.html", tmp_path / "plain.md"
    for target in (markdown, html):
        result = run("syllabus", "reasoning-models", "--progress", "-o", target)
        assert result.exit_code == 0, result.output
    assert run("syllabus", "reasoning-models", "-o", plain).exit_code == 0

    text = markdown.read_text(encoding="utf-8")
    assert "- [x] **[Chain-of-Thought Prompting" in text
    assert "- [x] *Optional:* **[Understanding R1-Zero-Like Training" in text
    assert text.count("read on 2026-11-30") == 2
    assert "Read so far: 1 of 20 papers, 40 min" in text
    assert html.read_text(encoding="utf-8").count("☑") == 2
    assert "[x]" not in plain.read_text(encoding="utf-8")


def test_syllabus_problems_of_all_kinds_in_one_run(small_catalog, tmp_path):
    course = write_curriculum(
        tmp_path,
        """\
        title: A course
        audience: Testers
        description: Broken in several ways at once.
        goals: [dpo, no-such-paper]
        hours_per_week: -2
        wekks: 3
        pinned:
          dpo: 1
          ppo: 2
        themes:
          0: Week zero
        """,
    )
    output = tmp_path / "out.md"
    result = run("syllabus", course, "-o", output, "--catalog", small_catalog)
    assert result.exit_code == 1
    assert f"{course}:4: error: goals[1]: unknown paper or topic 'no-such-paper'" in result.output
    assert f"{course}:5: error: hours_per_week: -2 is out of range" in result.output
    assert f"{course}:6: error: wekks: unknown key 'wekks'" in result.output
    assert f"{course}:8: error: pinned.dpo: 'dpo' is pinned to week 1" in result.output
    assert f"{course}:11: error: themes[0]: key 0 is out of range" in result.output
    assert "the curriculum has 5 errors" in result.output
    assert not output.exists()


def test_syllabus_missing_file_is_usage_error(tmp_path):
    result = run("syllabus", tmp_path / "nosuch.yaml", "-o", tmp_path / "x.md")
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_syllabus_unknown_goal_does_not_hide_late_pins(small_catalog, tmp_path):
    course = write_curriculum(
        tmp_path,
        """\
        title: A course
        audience: Testers
        description: An unknown goal and pins past the last week.
        goals: [dpo, no-such-paper]
        weeks: 3
        pinned: {dpo: 9}
        themes: {12: Nowhere}
        """,
    )
    result = run("syllabus", course, "-o", tmp_path / "out.md", "--catalog", small_catalog)
    assert result.exit_code == 1
    assert f"{course}:4: error: goals[1]: unknown paper or topic" in result.output
    assert f"{course}:6: error: pinned.dpo: pinned to week 9, but the course has 3" in result.output
    assert f"{course}:7: error: themes[12]: week 12 has a theme" in result.output
    assert not (tmp_path / "out.md").exists()


def test_syllabus_optional_reading_names_and_builds_on(tmp_path):
    output = tmp_path / "rlhf.md"
    result = run("syllabus", "rlhf-preference-optimization", "-o", output)
    assert result.exit_code == 0, result.output
    text = output.read_text(encoding="utf-8")
    step_dpo = text.index("*Optional:* **[Step-DPO")
    entry = text[step_dpo : text.index("\n- ", step_dpo)]
    assert "(Step-DPO, 2024)" in entry
    assert "Builds on: DPO (week 5)" in entry
