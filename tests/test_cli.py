"""The command line through click's CliRunner: output, exit codes, errors."""

import json
import re

import click
import pytest
from click.testing import CliRunner
from conftest import TOPICS_YAML, paper_yaml

from paperpath.cli import main


@pytest.fixture
def runner():
    return CliRunner()


def invoke(runner, *args, env=None):
    return runner.invoke(main, list(args), env=env, catch_exceptions=False)


def test_path_dpo_order_ends_with_dpo(runner):
    result = invoke(runner, "path", "dpo")
    assert result.exit_code == 0
    lines = [line for line in result.output.splitlines() if re.match(r"\d+\. ", line)]
    assert lines[-1].endswith("`dpo`")
    ids = [line.rsplit("`", 2)[-2] for line in lines]
    assert ids.index("ppo") < ids.index("instructgpt") < ids.index("dpo")


def test_path_alias_and_topic_targets(runner):
    grpo = invoke(runner, "path", "GRPO", "--format", "json")
    assert grpo.exit_code == 0
    data = json.loads(grpo.stdout)
    assert data["papers"][-1]["id"] == "deepseekmath"
    topic = invoke(runner, "path", "tree-search", "--format", "json")
    assert topic.exit_code == 0
    assert any(paper["id"] == "alphazero" for paper in json.loads(topic.stdout)["papers"])


def test_path_known_leaves_out_papers(runner):
    result = invoke(runner, "path", "kto", "--known", "dpo", "--format", "json")
    data = json.loads(result.stdout)
    assert [paper["id"] for paper in data["papers"]] == ["kto"]
    assert data["known_left_out"] == ["dpo"]


def test_path_known_file_reads_ids_and_comments(runner, tmp_path):
    known = tmp_path / "read.txt"
    known.write_text("# papers I read\nPPO\n\ntransformer  # by alias or id\n", encoding="utf-8")
    result = invoke(runner, "path", "dpo", "--known-file", str(known), "--format", "json")
    data = json.loads(result.stdout)
    ids = [paper["id"] for paper in data["papers"]]
    assert "ppo" not in ids
    assert "transformer" not in ids
    assert "gae" not in ids  # only PPO needs it
    assert sorted(data["known_left_out"]) == ["ppo", "transformer"]


def test_path_unknown_target_suggests_and_exits_1(runner):
    result = runner.invoke(main, ["path", "dpoo"])
    assert result.exit_code == 1
    assert "Error: unknown paper or topic 'dpoo'; did you mean 'dpo'" in result.output
    assert "Traceback" not in result.output


def test_path_unknown_known_paper_exits_1(runner):
    result = runner.invoke(main, ["path", "dpo", "--known", "nosuchpaper"])
    assert result.exit_code == 1
    assert "unknown paper or topic 'nosuchpaper'" in result.output


def test_path_output_file_written_atomically(runner, tmp_path):
    target = tmp_path / "dpo.md"
    result = invoke(runner, "path", "dpo", "-o", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Reading order for DPO")
    assert [path.name for path in tmp_path.iterdir()] == ["dpo.md"]


def test_path_error_leaves_existing_output_untouched(runner, tmp_path):
    target = tmp_path / "out.md"
    target.write_text("keep me", encoding="utf-8")
    result = runner.invoke(main, ["path", "nosuchpaper", "-o", str(target)])
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "keep me"
    assert [path.name for path in tmp_path.iterdir()] == ["out.md"]


def test_path_output_into_missing_folder_fails_cleanly(runner, tmp_path):
    result = runner.invoke(main, ["path", "dpo", "-o", str(tmp_path / "no" / "x.md")])
    assert result.exit_code == 1
    assert "does not exist; create it first" in result.output


def test_path_bad_usage_exits_2(runner):
    assert runner.invoke(main, ["path"]).exit_code == 2
    assert runner.invoke(main, ["path", "dpo", "--format", "pdf"]).exit_code == 2
    assert runner.invoke(main, ["path", "dpo", "--catalog", "/nonexistent/folder"]).exit_code == 2


def test_path_catalog_from_environment(runner, small_catalog):
    result = invoke(
        runner,
        "path",
        "InstructGPT",
        "--format",
        "json",
        env={"PAPERPATH_CATALOG": str(small_catalog)},
    )
    assert [paper["id"] for paper in json.loads(result.stdout)["papers"]] == [
        "rl",
        "ppo",
        "lm",
        "rlhf",
    ]


def test_check_four_errors_in_one_run(runner, write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "a.yaml": "papers:\n"
            + paper_yaml("x", prerequisites="[y]")
            + paper_yaml("y", prerequisites="[x]")
            + paper_yaml("z", prerequisites="[missing]"),
            "b.yaml": "papers:\n" + paper_yaml("z", status="foundational"),
            "c.yaml": "papers:\n  - id: broken\n    title: [unclosed\n",
        }
    )
    for command in (["check"], ["path", "x"]):
        result = runner.invoke(main, [*command, "--catalog", str(folder)])
        assert result.exit_code == 1
        assert "Traceback" not in result.output
        lines = result.output.splitlines()
        assert any(
            "a.yaml:" in line and "prerequisite cycle: x -> y -> x" in line for line in lines
        )
        assert any("a.yaml:" in line and "unknown prerequisite 'missing'" in line for line in lines)
        assert any("b.yaml:2:" in line and "duplicate paper id" in line for line in lines)
        assert any(
            "c.yaml:4:1:" in line and "invalid YAML" in line and "started at line 3" in line
            for line in lines
        )


def test_check_strict_turns_warnings_into_errors(runner, write_catalog):
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "p.yaml": "papers:\n" + paper_yaml("a")})
    relaxed = runner.invoke(main, ["check", "--catalog", str(folder)])
    assert relaxed.exit_code == 0
    assert "warning: paper 'a': status: incremental paper has no prerequisite" in relaxed.output
    strict = runner.invoke(main, ["check", "--strict", "--catalog", str(folder)])
    assert strict.exit_code == 1
    assert "error: paper 'a': status: incremental paper has no prerequisite" in strict.output


def test_check_bundled_strict_passes(runner):
    result = invoke(runner, "check", "--strict")
    assert result.exit_code == 0
    assert result.output.endswith(": 0 errors, 0 warnings\n")


def test_warnings_summarised_for_other_commands(runner, write_catalog):
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "p.yaml": "papers:\n" + paper_yaml("a")})
    result = runner.invoke(main, ["path", "a", "--catalog", str(folder)])
    assert result.exit_code == 0
    assert "the catalog has 1 warning; run 'paperpath check' to list them" in result.stderr


def test_papers_json_lists_bundled_catalog(runner):
    papers = json.loads(invoke(runner, "papers", "--format", "json").stdout)
    assert len(papers) >= 60
    assert {"id", "title", "arxiv", "status", "prerequisites"} <= set(papers[0])


def test_papers_filters_by_topic_and_status(runner):
    result = invoke(
        runner, "papers", "--topic", "preference-optimization", "--status", "incremental"
    )
    ids = [line.split()[0] for line in result.output.splitlines()[1:-1]]
    assert "kto" in ids
    assert "dpo" not in ids


def test_papers_unknown_topic_suggests(runner):
    result = runner.invoke(main, ["papers", "--topic", "tree-serch"])
    assert result.exit_code == 1
    assert "did you mean 'tree-search'" in result.output


def test_show_paper_prerequisites_and_unlocks(runner):
    result = invoke(runner, "show", "DPO")
    assert result.output.startswith("Direct Preference Optimization")
    assert "  - instructgpt: Training language models to follow instructions" in result.output
    assert "Unlocks:" in result.output
    assert "  - kto:" in result.output


def test_show_topic_points_to_papers(runner):
    result = runner.invoke(main, ["show", "rlhf"])
    assert result.exit_code == 1
    assert "paperpath papers --topic rlhf" in result.output


def test_topics_tree_indents_children(runner):
    output = invoke(runner, "topics").output
    assert "\n  reward-learning  Reward models learned from preferences (" in output
    assert "\n    process-reward-models  " in output


def test_schema_is_json_schema_of_catalog_file(runner):
    schema = json.loads(invoke(runner, "schema").stdout)
    assert schema["title"] == "paperpath catalog file"
    assert set(schema["properties"]) == {"topics", "papers"}
    assert "reading_minutes" in schema["$defs"]["Paper"]["properties"]


def test_every_command_has_help_with_example(runner):
    for name, command in main.commands.items():
        assert isinstance(command, click.Command)
        result = invoke(runner, name, "--help")
        assert result.exit_code == 0, name
        assert "Example:" in result.output, name


def test_version_prints_python(runner):
    assert "Python" in invoke(runner, "--version").output


def test_path_same_bytes_on_every_run(runner):
    for output_format in ("markdown", "text", "json"):
        first = invoke(runner, "path", "test-time-scaling", "--format", output_format).stdout_bytes
        second = invoke(runner, "path", "test-time-scaling", "--format", output_format).stdout_bytes
        assert first == second, output_format


def test_path_output_dash_is_stdout(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, "path", "dpo", "-o", "-")
    assert result.stdout.startswith("# Reading order for DPO")
    assert list(tmp_path.iterdir()) == []


def test_path_output_keeps_symlink_and_mode(runner, tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    invoke(runner, "path", "dpo", "-o", str(link))
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# Reading order for DPO")
    assert real.stat().st_mode & 0o777 == 0o640


def test_path_output_name_too_long_clean_error(runner, tmp_path):
    result = runner.invoke(main, ["path", "dpo", "-o", str(tmp_path / ("x" * 300 + ".md"))])
    assert result.exit_code == 1
    assert "cannot write" in result.output
    assert "File name too long" in result.output
    assert list(tmp_path.iterdir()) == []


def test_path_every_target_known_notes_empty(runner):
    result = invoke(runner, "path", "dpo", "--known", "dpo")
    assert result.exit_code == 0
    assert "every target is already read" in result.stderr
    assert "0 papers, about 0 min of reading." in result.stdout


def test_path_known_file_from_stdin(runner):
    result = runner.invoke(
        main, ["path", "kto", "--known-file", "-", "--format", "json"], input="DPO\n"
    )
    assert [paper["id"] for paper in json.loads(result.stdout)["papers"]] == ["kto"]


def test_show_bundled_source_path_independent_of_folder(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(runner, "show", "dpo")
    assert re.search(r"^defined:  data/papers/alignment\.yaml:\d+$", result.output, re.MULTILINE)


def test_counts_use_singular_for_one(runner, small_catalog):
    result = invoke(runner, "path", "rl", "--catalog", str(small_catalog))
    assert "1 paper, about 30 min of reading." in result.stdout
    assert "**Total:** 1 paper, 30 min." in result.stdout


def test_check_counts_invalid_papers_too(write_catalog):
    papers = (
        "papers:\n"
        + paper_yaml("good", status="foundational")
        + paper_yaml("bad-status", status="seminal")
        + paper_yaml("bad-year", year="last-year")
    )
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": papers})
    result = CliRunner().invoke(main, ["check", "--catalog", str(folder)])
    assert result.exit_code == 1
    assert "checked 3 papers and" in result.output
