"""Importing into a catalog: new papers added, curated fields kept, writes atomic."""

import json
import textwrap

import pytest
from click.testing import CliRunner
from conftest import SHARED_SOURCES, TOPICS_YAML, paper_yaml

from paperpath.catalog import load_catalog
from paperpath.cli import main

OLD_LIST = """\
# Old list

## Preference Optimization

* Direct Preference Optimization [[Paper]](https://arxiv.org/abs/2305.18290) ![](https://img.shields.io/badge/arXiv-2023.05-red)
* KTO: Model Alignment as Prospect Theoretic Optimization [[Paper]](https://arxiv.org/abs/2402.01306)
"""

NEW_LIST = """\
# New list

## Preference Optimization

* Direct Preference Optimization [[Paper]](https://arxiv.org/pdf/2305.18290v3)
* KTO: Model Alignment as Prospect Theoretic Optimization [[Paper]](https://arxiv.org/abs/2402.01306)
* SimPO: Simple Preference Optimization [[Paper]](https://arxiv.org/abs/2405.14734)

## Benchmarks

* Direct Preference Optimization [[Paper]](https://arxiv.org/abs/2305.18290)
"""


def write_list(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def test_merge_keeps_curated_fields_and_adds_papers(tmp_path):
    catalog = tmp_path / "catalog"
    first = run("import", "awesome", write_list(tmp_path, "old.md", OLD_LIST), "--into", catalog)
    assert first.exit_code == 0, first.output
    imported = catalog / "old-list.yaml"
    text = imported.read_text(encoding="utf-8")
    dpo_end = "    topics: [preference-optimization]\n  - id: kto\n"
    assert dpo_end in text
    text = text.replace(
        dpo_end,
        "    topics: [preference-optimization]\n    summary: Curated summary of DPO.\n"
        "  # KTO curated by hand\n  - id: kto\n",
    )
    text = text.replace(
        'arxiv: "2402.01306"\n    status: incremental\n    prerequisites: []',
        'arxiv: "2402.01306"\n    status: incremental\n    prerequisites:\n'
        "      - id: direct-preference-optimization\n        reason: KTO changes DPO's loss.",
    )
    imported.write_text(text, encoding="utf-8")

    second = run("import", "awesome", write_list(tmp_path, "new.md", NEW_LIST), "--into", catalog)
    assert second.exit_code == 0, second.output
    assert "added 1 paper and 1 topic; 2 already present; 1 paper gained topics" in second.output

    result = load_catalog(catalog)
    assert result.errors == []
    papers = result.catalog.papers
    assert papers["direct-preference-optimization"].summary == "Curated summary of DPO."
    assert papers["direct-preference-optimization"].topics == [
        "preference-optimization",
        "benchmarks",
    ]
    assert [link.id for link in papers["kto"].prerequisites] == ["direct-preference-optimization"]
    assert papers["kto"].prerequisites[0].reason == "KTO changes DPO's loss."
    assert papers["simpo"].status.value == "incremental"
    assert papers["simpo"].prerequisites == []
    assert "# KTO curated by hand" in imported.read_text(encoding="utf-8")
    assert (catalog / "new-list.yaml").exists()


def test_merge_into_existing_catalog_matches_by_arxiv(write_catalog, tmp_path):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("dpo", status="foundational", arxiv='"2305.18290"'),
        }
    )
    before = (folder / "papers.yaml").read_text(encoding="utf-8")
    result = run("import", "awesome", write_list(tmp_path, "new.md", NEW_LIST), "--into", folder)
    assert result.exit_code == 0, result.output
    catalog = load_catalog(folder).catalog
    assert catalog.papers["dpo"].topics == ["alignment", "preference-optimization", "benchmarks"]
    assert catalog.papers["dpo"].summary == "A summary."
    after = (folder / "papers.yaml").read_text(encoding="utf-8")
    assert (
        after.replace(
            "topics: [alignment, preference-optimization, benchmarks]", "topics: [alignment]"
        )
        == before
    )


def test_merge_dry_run_writes_nothing(tmp_path):
    catalog = tmp_path / "catalog"
    result = run(
        "import",
        "awesome",
        write_list(tmp_path, "old.md", OLD_LIST),
        "--into",
        catalog,
        "--dry-run",
    )
    assert result.exit_code == 0
    assert "would add 2 papers and 1 topic" in result.output
    assert "Dry run: nothing was written." in result.output
    assert not catalog.exists()


def test_merge_refuses_broken_catalog(write_catalog, tmp_path):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n" + paper_yaml("a", prerequisites="[missing]"),
        }
    )
    before = sorted(path.name for path in folder.iterdir())
    result = CliRunner().invoke(
        main,
        ["import", "awesome", str(write_list(tmp_path, "l.md", OLD_LIST)), "--into", str(folder)],
    )
    assert result.exit_code == 1
    assert "unknown prerequisite 'missing'" in result.output
    assert sorted(path.name for path in folder.iterdir()) == before


def test_import_output_file_is_valid_catalog(tmp_path):
    target = tmp_path / "imported.yaml"
    result = run("import", "awesome", write_list(tmp_path, "new.md", NEW_LIST), "-o", target)
    assert result.exit_code == 0, result.output
    loaded = load_catalog(tmp_path)
    assert loaded.errors == []
    assert sorted(loaded.catalog.papers) == ["direct-preference-optimization", "kto", "simpo"]
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_import_without_destination_prints_yaml(tmp_path):
    result = CliRunner().invoke(
        main, ["import", "awesome", str(write_list(tmp_path, "n.md", NEW_LIST))]
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("# Papers imported from n.md")
    assert "id: simpo" in result.stdout
    assert "Summary: added 3 papers" in result.stderr


def test_import_into_and_output_together_is_usage_error(tmp_path):
    path = write_list(tmp_path, "n.md", NEW_LIST)
    result = CliRunner().invoke(
        main,
        [
            "import",
            "awesome",
            str(path),
            "--into",
            str(tmp_path / "c"),
            "-o",
            str(tmp_path / "x.yaml"),
        ],
    )
    assert result.exit_code == 2


def test_import_non_utf8_list_clean_error(tmp_path):
    path = tmp_path / "bad.md"
    path.write_bytes(b"# List\n* caf\xe9 [[Paper]](https://arxiv.org/abs/2401.00001)\n")
    result = CliRunner().invoke(main, ["import", "awesome", str(path), "--dry-run"])
    assert result.exit_code == 1
    assert "not valid UTF-8" in result.output


def shared_list(name):
    path = SHARED_SOURCES / name
    if not path.exists():
        pytest.skip(f"{path} is absent; the shared awesome lists are only in the development tree")
    return path


def test_shared_list_dry_run_finds_every_paper():
    result = run("import", "awesome", shared_list("awesome-llm-post-training.md"), "--dry-run")
    assert result.exit_code == 0
    assert "163 distinct papers after merging 19 duplicate entries" in result.output
    assert (
        "awesome-llm-post-training.md:106: arXiv link https://arxiv.org/abs/2502.143 "
        "has an incomplete id" in result.output
    )
    assert "awesome-llm-post-training.md:171: doubled list marker" in result.output
    assert "28 links point at no section of the list: #theory, #reward-learning" in result.output
    assert (
        "RL4VLM <https://github.com/RL4VLM/RL4VLM> [RL & LLM Fine-Tuning Repositories]"
        in result.output
    )


def test_shared_lists_merge_keeps_edits(tmp_path):
    catalog = tmp_path / "catalog"
    older = shared_list("awesome-llm-post-training-2025-03-17.md")
    newer = shared_list("awesome-llm-post-training.md")
    assert run("import", "awesome", older, "--into", catalog).exit_code == 0

    # Both snapshots are titled "LLM Post-Training: ...", so they share one file.
    imported = catalog / "llm-post-training.yaml"
    text = imported.read_text(encoding="utf-8")
    entry = (
        '    arxiv: "2501.12948"\n    status: incremental\n    prerequisites: []\n'
        "    topics: [llms-in-rl]\n"
    )
    assert entry in text
    text = text.replace(
        entry,
        '    arxiv: "2501.12948"\n    status: incremental\n    prerequisites:\n'
        "      - id: deepseekmath\n        reason: R1 trains with GRPO from DeepSeekMath.\n"
        "    topics: [llms-in-rl]\n    summary: Our curated summary of DeepSeek-R1.\n",
    )
    imported.write_text(text, encoding="utf-8")

    result = run("import", "awesome", newer, "--into", catalog)
    assert result.exit_code == 0, result.output
    loaded = load_catalog(catalog)
    assert loaded.errors == []
    papers = loaded.catalog.papers
    # The newer list's second "Reasoning with Large Language Models" survey
    # carries another paper's arXiv id. Against the catalog its title matches
    # the survey imported from the older list, and that survey keeps its id.
    assert len(papers) == 162
    assert "the list says 2302.06476; the catalog keeps its own id" in result.output
    r1 = papers["deepseek-r1"]
    assert [link.id for link in r1.prerequisites] == ["deepseekmath"]
    assert r1.summary == "Our curated summary of DeepSeek-R1."
    newer_ids = {paper.arxiv for paper in papers.values()}
    assert "2507.06892" in newer_ids  # only in the newer list
    assert [path.name for path in catalog.iterdir()] == ["llm-post-training.yaml"]


def test_check_lists_uncurated_imports(tmp_path):
    catalog = tmp_path / "catalog"
    run("import", "awesome", write_list(tmp_path, "old.md", OLD_LIST), "--into", catalog)
    result = CliRunner().invoke(main, ["check", "--catalog", str(catalog), "--strict"])
    assert result.exit_code == 1
    assert "paper 'kto': status: incremental paper has no prerequisite" in result.output
    assert (
        "paper 'kto': paper is not fully curated: no authors, summary, reading_minutes"
        in result.output
    )
    data = json.loads(
        CliRunner().invoke(main, ["papers", "--catalog", str(catalog), "--format", "json"]).stdout
    )
    assert {paper["id"] for paper in data} == {"direct-preference-optimization", "kto"}


def test_plan_drops_topics_without_papers(tmp_path):
    markdown = """\
# List

## Papers

* A Real Paper [[Paper]](https://arxiv.org/abs/2401.00005)

## Trending Projects

* Some Tool [[Code]](https://github.com/a/tool)
"""
    result = run(
        "import", "awesome", write_list(tmp_path, "l.md", markdown), "-o", tmp_path / "o.yaml"
    )
    assert result.exit_code == 0
    text = (tmp_path / "o.yaml").read_text(encoding="utf-8")
    assert "id: papers" in text
    assert "trending" not in text


def test_import_file_option_names_target(tmp_path):
    catalog = tmp_path / "catalog"
    path = write_list(tmp_path, "old.md", OLD_LIST)
    result = run("import", "awesome", path, "--into", catalog, "--file", "preference")
    assert result.exit_code == 0
    assert [p.name for p in catalog.iterdir()] == ["preference.yaml"]
    assert f"Changed {catalog / 'preference.yaml'}." in result.output


def test_import_report_names_every_changed_file(write_catalog, tmp_path):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml("dpo", status="foundational", arxiv='"2305.18290"'),
        }
    )
    result = run("import", "awesome", write_list(tmp_path, "new.md", NEW_LIST), "--into", folder)
    assert f"Changed {folder / 'new-list.yaml'}, {folder / 'papers.yaml'}." in result.output


def test_import_output_dash_prints_catalog(tmp_path):
    result = CliRunner().invoke(
        main, ["import", "awesome", str(write_list(tmp_path, "n.md", NEW_LIST)), "-o", "-"]
    )
    assert result.exit_code == 0
    assert "id: simpo" in result.stdout
    assert not (tmp_path / "-").exists()


def test_import_list_without_papers_fails(tmp_path):
    path = write_list(tmp_path, "empty.md", "# Nothing\n\n## Section\n\nJust prose.\n")
    result = CliRunner().invoke(
        main, ["import", "awesome", str(path), "--into", str(tmp_path / "c")]
    )
    assert result.exit_code == 1
    assert "no paper entries found" in result.output
    assert not (tmp_path / "c").exists()


def test_import_different_arxiv_ids_stay_apart(tmp_path):
    markdown = """\
# L

## Surveys

* Reasoning with Large Language Models, a Survey [[Paper]](https://arxiv.org/abs/2407.11511)
* Reasoning with Large Language Models: A Survey [[Paper]](https://arxiv.org/abs/2302.06476)
"""
    result = run("import", "awesome", write_list(tmp_path, "l.md", markdown), "--dry-run")
    assert "2 distinct papers" in result.output
    assert "has the title of line 5 (2407.11511); check the list" in result.output


def test_merge_title_match_keeps_catalog_arxiv(write_catalog, tmp_path):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml(
                "omegaprm",
                status="foundational",
                arxiv='"2406.06592"',
                title="Improve Mathematical Reasoning by Automated Process Supervision",
            ),
        }
    )
    markdown = """\
# L

## PRM

* Improve Mathematical Reasoning by Automated Process Supervision [[Paper]](https://arxiv.org/abs/2306.05372)
"""
    result = run("import", "awesome", write_list(tmp_path, "l.md", markdown), "--into", folder)
    assert "omegaprm: the list says 2306.05372; the catalog keeps its own id" in result.output
    assert "added 0 papers" in result.output
    assert load_catalog(folder).catalog.papers["omegaprm"].arxiv == "2406.06592"
