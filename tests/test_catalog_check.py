"""Validation of catalog files: every problem found in one run, with file and line."""

from conftest import TOPICS_YAML, paper_yaml

from paperpath.catalog import Severity, load_catalog


def problems_of(folder):
    return [problem.format() for problem in load_catalog(folder).problems]


def only(lines, text):
    matches = [line for line in lines if text in line]
    assert len(matches) == 1, lines
    return matches[0]


def test_check_small_catalog_clean(small_catalog):
    result = load_catalog(small_catalog)
    assert result.problems == []
    assert len(result.catalog.papers) == 5


def test_check_unknown_prerequisite_suggests_closest(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("ppo", status="foundational")
            + paper_yaml("dpo", prerequisites="[ppo, ppo2]"),
        }
    )
    line = only(problems_of(folder), "unknown prerequisite")
    assert line.startswith("catalog/papers.yaml:") or "papers.yaml:" in line
    assert "paper 'dpo': prerequisites[1]: unknown prerequisite 'ppo2' (closest: 'ppo'" in line


def test_check_unknown_prerequisite_line_points_at_entry(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("ppo", status="foundational")
            + paper_yaml("dpo", prerequisites="\n      - ppo\n      - missing"),
        }
    )
    problem = next(p for p in load_catalog(folder).problems if "missing" in p.message)
    text = (folder / "papers.yaml").read_text().splitlines()
    assert text[problem.line - 1].strip() == "- missing"


def test_check_unknown_topic_suggests_closest(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("a", status="foundational", topics="[alignmnet]"),
        }
    )
    line = only(problems_of(folder), "unknown topic")
    assert "unknown topic 'alignmnet' (closest: 'alignment')" in line


def test_check_duplicate_id_names_first_definition(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "a.yaml": "papers:\n" + paper_yaml("x", status="foundational"),
            "b.yaml": "papers:\n" + paper_yaml("x", status="foundational"),
        }
    )
    line = only(problems_of(folder), "duplicate paper id")
    assert "b.yaml:2: error: paper 'x': id: duplicate paper id (first defined at" in line
    assert "a.yaml:2)" in line


def test_check_duplicate_arxiv_id(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("x", status="foundational", arxiv='"2305.18290"')
            + paper_yaml("y", status="foundational", arxiv='"2305.18290"'),
        }
    )
    line = only(problems_of(folder), "duplicate arXiv id")
    assert "paper 'y': arxiv: duplicate arXiv id 2305.18290 (also paper 'x'" in line


def test_check_self_prerequisite(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n" + paper_yaml("x", prerequisites="[x]"),
        }
    )
    assert "paper 'x': prerequisites[0]: paper lists itself as a prerequisite" in only(
        problems_of(folder), "itself"
    )


def test_check_cycle_prints_whole_loop(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("a", prerequisites="[b]")
            + paper_yaml("b", prerequisites="[c]")
            + paper_yaml("c", prerequisites="[a]"),
        }
    )
    line = only(problems_of(folder), "cycle")
    assert "prerequisite cycle: a -> b -> c -> a" in line
    assert "paper 'a'" in line


def test_check_invalid_status_lists_choices(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n" + paper_yaml("a", status="seminal"),
        }
    )
    line = only(problems_of(folder), "status")
    assert (
        "paper 'a': status: invalid status 'seminal'; use 'foundational' or 'incremental'" in line
    )


def test_check_unquoted_arxiv_not_converted(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n" + paper_yaml("a", status="foundational", arxiv="2310.01420"),
        }
    )
    line = only(problems_of(folder), "arxiv")
    assert "YAML reads the unquoted value 2310.01420 as a decimal number, not as text" in line
    assert 'put it in double quotes: "2310.01420"' in line


def test_check_date_value_not_converted(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n" + paper_yaml("a", status="foundational", arxiv="2023-05-01"),
        }
    )
    assert "unquoted value 2023-05-01 as a date" in only(problems_of(folder), "arxiv")


def test_check_arxiv_version_suffix_rejected(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("a", status="foundational", arxiv='"2305.18290v3"'),
        }
    )
    line = only(problems_of(folder), "arxiv")
    assert 'has a version suffix; write it without the suffix: "2305.18290"' in line


def test_check_malformed_arxiv_rejected(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n" + paper_yaml("a", status="foundational", arxiv='"2502.143"'),
        }
    )
    assert "'2502.143' is not an arXiv id" in only(problems_of(folder), "arxiv")


def test_check_unknown_field_suggests_name(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("a", status="foundational")
            + "    sumary: typo\n",
        }
    )
    assert (
        "unknown field 'sumary'; remove it or correct its name (did you mean 'summary'?)"
        in only(problems_of(folder), "sumary")
    )


def test_check_missing_field_named(write_catalog):
    entry = paper_yaml("a", status="foundational").replace("    url: https://example.org/a\n", "")
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": "papers:\n" + entry})
    assert "paper 'a': url: required field is missing; add 'url:'" in only(
        problems_of(folder), "url"
    )


def test_check_uncurated_paper_warns_once(write_catalog):
    entry = (
        "  - id: a\n    title: A\n    url: https://example.org/a\n"
        "    status: foundational\n    topics: [alignment]\n"
    )
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": "papers:\n" + entry})
    problems = load_catalog(folder).problems
    assert [problem.severity for problem in problems] == [Severity.WARNING]
    assert problems[0].message == (
        "paper is not fully curated: no authors, year, venue, summary, reading_minutes"
    )


def test_check_collects_problems_across_files(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "a.yaml": "papers:\n" + paper_yaml("a", status="wrong"),
            "b.yaml": "papers:\n  - id: b\n    title: [broken\n",
            "c.yaml": b"papers: caf\xe9\n",
            "d.yaml": "papers:\n" + paper_yaml("d", prerequisites="[nothing]"),
        }
    )
    lines = problems_of(folder)
    assert any("a.yaml" in line and "invalid status" in line for line in lines)
    assert any("b.yaml" in line and "invalid YAML" in line for line in lines)
    assert any("c.yaml" in line and "not valid UTF-8" in line for line in lines)
    assert any("d.yaml" in line and "unknown prerequisite 'nothing'" in line for line in lines)


def test_check_incremental_without_prerequisite_warns(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n" + paper_yaml("a"),
        }
    )
    problems = load_catalog(folder).problems
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert "incremental paper has no prerequisite" in problems[0].message


def test_check_foundational_on_incremental_warns(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("base", status="foundational")
            + paper_yaml("mid", prerequisites="[base]")
            + paper_yaml("top", status="foundational", prerequisites="[mid]"),
        }
    )
    problems = load_catalog(folder).problems
    assert len(problems) == 1
    assert problems[0].severity is Severity.WARNING
    assert "foundational paper depends on incremental paper 'mid'" in problems[0].message


def test_check_empty_topic_warns(write_catalog):
    topics = TOPICS_YAML + "  - id: empty\n    title: Nothing here\n"
    folder = write_catalog(
        {
            "topics.yaml": topics,
            "papers.yaml": "papers:\n" + paper_yaml("a", status="foundational"),
        }
    )
    problems = load_catalog(folder).problems
    assert len(problems) == 1
    assert problems[0].severity is Severity.WARNING
    assert "topic 'empty'" in problems[0].format()


def test_check_parent_topic_with_papers_below_not_empty(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("a", status="foundational", topics="[alignment]"),
        }
    )
    assert load_catalog(folder).problems == []


def test_check_topic_id_equal_to_paper_id_rejected(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n" + paper_yaml("alignment", status="foundational"),
        }
    )
    assert "target 'alignment' is ambiguous" in only(problems_of(folder), "ambiguous")


def test_check_unknown_parent_topic(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": "topics:\n  - id: a\n    title: A\n    parent: nope\n",
            "papers.yaml": "papers:\n" + paper_yaml("x", status="foundational", topics="[a]"),
        }
    )
    assert "unknown parent topic 'nope'" in only(problems_of(folder), "parent")


def test_check_empty_folder_reported(tmp_path):
    problems = load_catalog(tmp_path).problems
    assert len(problems) == 1
    assert "no catalog files" in problems[0].message


def test_check_bundled_catalog_strict_clean():
    from paperpath.resources import bundled_catalog_dir

    assert [p.format() for p in load_catalog(bundled_catalog_dir()).problems] == []


def test_check_invalid_paper_keeps_its_topics_in_use(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n" + paper_yaml("a", status="wrong"),
        }
    )
    lines = problems_of(folder)
    assert len(lines) == 1
    assert "invalid status" in lines[0]


def test_check_invalid_paper_still_referenceable(write_catalog):
    base = paper_yaml("base", status="foundational").replace(
        "reading_minutes: 30", "reading_minutes: 0"
    )
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n" + base + paper_yaml("top", prerequisites="[base]"),
        }
    )
    lines = problems_of(folder)
    assert len(lines) == 1, lines
    assert (
        "paper 'base': reading_minutes: 0 is out of range; use a value greater than 0" in lines[0]
    )


def test_check_field_and_reference_errors_together(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("a", status="wrong", prerequisites="[b]")
            + paper_yaml("b", prerequisites="[a, ghost]", topics="[prefz]")
            + paper_yaml("b", status="foundational"),
        }
    )
    lines = problems_of(folder)
    assert any("invalid status 'wrong'" in line for line in lines)
    assert any("prerequisite cycle: a -> b -> a" in line for line in lines)
    assert any("unknown prerequisite 'ghost'" in line for line in lines)
    assert any("unknown topic 'prefz'" in line for line in lines)
    assert any("duplicate paper id" in line for line in lines)


def test_check_quoted_year_and_boolean_minutes_rejected(write_catalog):
    entry = (
        paper_yaml("a", status="foundational")
        .replace("year: 2020", 'year: "2020"')
        .replace("reading_minutes: 30", "reading_minutes: true")
    )
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": "papers:\n" + entry})
    lines = problems_of(folder)
    assert any(
        "year: expected a whole number, got 2020; write it without quotes" in line for line in lines
    )
    assert any("reading_minutes: expected a whole number, got true" in line for line in lines)


def test_check_date_year_message_readable(write_catalog):
    entry = paper_yaml("a", status="foundational").replace("year: 2020", "year: 2020-05-01")
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": "papers:\n" + entry})
    line = only(problems_of(folder), "year")
    assert "year: expected a whole number, got 2020-05-01; write it as in 'year: 2023'" in line


def test_check_empty_list_message_readable(write_catalog):
    entry = paper_yaml("a", status="foundational", topics="[]")
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": "papers:\n" + entry})
    line = only(problems_of(folder), "topics:")
    assert "the list is empty; list at least one item under 'topics'" in line


def test_check_hidden_folders_skipped(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n" + paper_yaml("a", status="foundational"),
            ".backup/old.yaml": "papers: [broken\n",
        }
    )
    assert problems_of(folder) == []


def test_check_shared_alias_warns(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("a", status="foundational", aliases="[SR-MCTS]")
            + paper_yaml("b", status="foundational", aliases="[sr-mcts]"),
        }
    )
    problems = load_catalog(folder).problems
    assert [problem.severity for problem in problems] == [Severity.WARNING]
    assert (
        problems[0]
        .format()
        .endswith(
            "paper 'b': aliases[0]: alias 'sr-mcts' is also an alias of paper 'a', so the target "
            "is ambiguous; keep the alias on the paper people mean by it and remove it here"
        )
    )
