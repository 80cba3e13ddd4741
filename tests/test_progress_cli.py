"""The progress commands (done, undone, next, progress, goal) and path/guide --progress."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from paperpath.cli import main
from paperpath.progress.store import backup_path


@pytest.fixture
def runner():
    return CliRunner()


def invoke(runner, *args):
    result = runner.invoke(main, list(args), catch_exceptions=False)
    return result


def run_json(runner, *args):
    result = invoke(runner, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def path_ids(runner, *args):
    return [paper["id"] for paper in run_json(runner, "path", *args)["papers"]]


def test_next_dpo_walks_reading_order_to_dpo(runner):
    order = path_ids(runner, "dpo")
    assert order[-1] == "dpo"
    for count, expected in enumerate(order):
        suggestion = run_json(runner, "next", "dpo", "-n", "1")["suggestions"][0]
        assert suggestion["id"] == expected
        (step,) = suggestion["toward"]
        assert step["target"] == "dpo"
        assert step["unread_before"] == len(order) - count - 1

        progress = run_json(runner, "progress", "dpo")["targets"][0]
        assert progress["total"] == len(order)
        assert progress["read"] == count
        assert progress["unread"] == len(order) - count
        assert progress["next"] == expected

        assert invoke(runner, "done", expected).exit_code == 0

    final = run_json(runner, "progress", "dpo")["targets"][0]
    assert (final["read"], final["unread"], final["next"]) == (len(order), 0, None)
    text = invoke(runner, "next", "dpo").stdout
    assert text.startswith("Every target is read: DPO.")


def test_next_text_explains_each_suggestion(runner):
    invoke(runner, "done", "transformer", "gpt3", "reinforce")
    text = invoke(runner, "next", "dpo", "-n", "1").stdout
    assert text.startswith("Next toward DPO: 9 papers left, about 8 h 25 min of reading.")
    assert "[policy-gradient-theorem]" in text
    assert "- Why: leads to DPO, which has 8 papers unread before it, this one" in text
    assert "- Needed later on the path for TRPO:" in text
    assert "- Prerequisites, all read: REINFORCE." in text


def test_next_same_bytes_on_every_run(runner):
    invoke(runner, "done", "ppo", "--date", "2024-05-01")
    first = invoke(runner, "next", "dpo", "grpo", "-n", "5").stdout_bytes
    assert first == invoke(runner, "next", "dpo", "grpo", "-n", "5").stdout_bytes


def test_done_twenty_processes_keep_all_records(tmp_path):
    progress_file = tmp_path / "shared.json"
    paper_ids = path_ids(CliRunner(), "tree-search")[:20]
    assert len(set(paper_ids)) == 20
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "paperpath", "done", paper_id],
            env={**os.environ, "PAPERPATH_PROGRESS": str(progress_file)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for paper_id in paper_ids
    ]
    for process in processes:
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr.decode()
    records = json.loads(progress_file.read_text(encoding="utf-8"))["read"]
    assert sorted(records) == sorted(paper_ids)
    backup = json.loads(backup_path(progress_file).read_text(encoding="utf-8"))["read"]
    assert len(backup) == 19
    assert set(backup) < set(paper_ids)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data.replace(b"2024-05-01", b"someday"), id="invalid-date"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_damaged_file_names_file_and_backup(runner, progress_file, damage):
    invoke(runner, "done", "ppo", "--date", "2024-05-01")
    invoke(runner, "done", "dpo", "--date", "2024-05-01")
    damaged = damage(progress_file.read_bytes())
    progress_file.write_bytes(damaged)
    backup = backup_path(progress_file).read_bytes()
    for args in (
        ["done", "kto"],
        ["undone", "ppo"],
        ["next"],
        ["progress"],
        ["goal", "list"],
        ["path", "dpo", "--progress"],
        ["goal", "add", "dpo"],
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == 1, args
        assert f"Error: the progress file {progress_file} is unusable" in result.stderr
        assert f"the backup {backup_path(progress_file)} holds the previous version" in (
            result.stderr
        )
        assert "Traceback" not in result.output
        assert progress_file.read_bytes() == damaged
        assert backup_path(progress_file).read_bytes() == backup


def test_damaged_file_error_as_process(tmp_path, progress_file):
    progress_file.write_text('{"format": "paperpath-progress", "vers', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "paperpath", "done", "dpo"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert f"{progress_file}: error: line 1, column" in result.stderr
    assert f"no backup exists at {backup_path(progress_file)}" in result.stderr
    assert "Traceback" not in result.stderr
    assert progress_file.read_text(encoding="utf-8").endswith('"vers')


def test_done_alias_with_date(runner, progress_file):
    result = invoke(runner, "done", "GRPO", "--date", "2024-03-02")
    assert result.exit_code == 0
    assert "read on 2024-03-02: DeepSeekMath [deepseekmath]" in result.stdout
    assert "1 of 221 catalog papers read" in result.stdout
    data = json.loads(progress_file.read_text(encoding="utf-8"))
    assert data["read"] == {"deepseekmath": {"read_on": "2024-03-02"}}


def test_done_again_keeps_first_date(runner, progress_file):
    invoke(runner, "done", "dpo", "--date", "2024-03-02")
    again = invoke(runner, "done", "dpo")
    assert "already read on 2024-03-02: DPO [dpo]" in again.stdout
    invoke(runner, "done", "dpo", "--date", "2024-04-04")
    assert "2024-04-04" in progress_file.read_text(encoding="utf-8")


def test_done_unknown_id_writes_nothing(runner, progress_file):
    result = runner.invoke(main, ["done", "ppo", "dpoo", "nosuch"])
    assert result.exit_code == 1
    assert "unknown paper or topic 'dpoo'; did you mean 'dpo'" in result.output
    assert "unknown paper or topic 'nosuch'" in result.output
    assert not progress_file.exists()


def test_done_topic_rejected(runner, progress_file):
    result = runner.invoke(main, ["done", "tree-search"])
    assert result.exit_code == 1
    assert "'tree-search' is a topic, not a paper" in result.output
    assert not progress_file.exists()


def test_done_bad_date_exits_2(runner):
    result = runner.invoke(main, ["done", "dpo", "--date", "May 1"])
    assert result.exit_code == 2
    assert "'May 1' is not a date; write it as YYYY-MM-DD" in result.output
    assert "Invalid value for '--date'" in result.output


def test_done_future_date_rejected(runner, progress_file):
    result = runner.invoke(main, ["done", "dpo", "--date", "2999-01-01"])
    assert result.exit_code == 2
    assert "2999-01-01 is in the future" in result.output
    assert not progress_file.exists()


def test_undone_removes_record(runner, progress_file):
    invoke(runner, "done", "dpo", "ppo")
    result = invoke(runner, "undone", "DPO", "kto")
    assert "unread again: DPO [dpo]" in result.stdout
    assert "was not marked read: KTO [kto]" in result.stdout
    assert list(json.loads(progress_file.read_text(encoding="utf-8"))["read"]) == ["ppo"]


def write_records(progress_file, read):
    data = {
        "format": "paperpath-progress",
        "version": 1,
        "read": {paper_id: {"read_on": "2024-01-02"} for paper_id in read},
        "goals": ["retired-goal"],
    }
    progress_file.write_text(json.dumps(data), encoding="utf-8")


def test_id_not_in_catalog_kept_and_reported(runner, progress_file):
    write_records(progress_file, ["retired-paper", "ppo"])
    invoke(runner, "done", "dpo")
    assert "retired-paper" in json.loads(progress_file.read_text(encoding="utf-8"))["read"]

    report = invoke(runner, "progress")
    assert "retired-paper (read 2024-01-02)" in report.stdout
    assert "Goals not in the catalog: retired-goal." in report.stdout
    suggestion = invoke(runner, "next", "dpo")
    assert "keeps 1 read paper that the catalog does not contain: retired-paper" in (
        suggestion.stderr
    )
    data = run_json(runner, "progress")
    assert {"id": "retired-paper", "read_on": "2024-01-02", "in_catalog": False} in data["read"]

    removed = invoke(runner, "undone", "retired-paper")
    assert "unread again: retired-paper (not in the catalog)" in removed.stdout
    assert "retired-paper" not in progress_file.read_text(encoding="utf-8")


def test_goal_add_list_remove(runner, progress_file):
    assert invoke(runner, "goal", "add", "DPO", "tree-search").stdout == "goals: dpo, tree-search\n"
    listed = invoke(runner, "goal", "list").stdout.splitlines()
    assert listed[0].startswith("dpo\tpaper\tDirect Preference Optimization")
    assert listed[1].startswith("tree-search\ttopic\t")
    assert invoke(runner, "goal", "remove", "dpo").stdout == "goals: tree-search\n"


def test_next_without_targets_follows_goals(runner):
    invoke(runner, "goal", "add", "kto")
    invoke(runner, "done", *path_ids(runner, "dpo"))
    text = invoke(runner, "next").stdout
    assert text.startswith("Next toward your goals KTO: 1 paper left")
    assert "[kto]" in text


def test_next_without_targets_or_goals(runner):
    text = invoke(runner, "next", "-n", "1").stdout
    assert text.startswith("No target given and no goal set")
    assert "[transformer]" in text


def test_next_goals_outside_catalog_says_so(runner, small_catalog):
    invoke(runner, "goal", "add", "kto")
    result = runner.invoke(main, ["next", "--catalog", str(small_catalog)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("None of your goals is in this catalog")
    assert "keeps goals that the catalog does not contain: kto" in result.stderr


def test_progress_text_bars_and_next(runner):
    invoke(runner, "done", "transformer", "gpt3", "reinforce")
    text = invoke(runner, "progress", "dpo").stdout
    assert "DPO\n  [#####---------------]  25 %  3 of 12 papers read, 9 left\n" in text
    assert "  4 h read, 8 h 25 min left\n  Next: Policy Gradient Theorem" in text
    assert "Whole catalog\n  [--------------------]   1 %  3 of 221 papers read" in text


def test_progress_file_option_wins_over_environment(runner, tmp_path, progress_file):
    other = tmp_path / "other.json"
    invoke(runner, "done", "dpo", "--progress-file", str(other))
    assert other.exists()
    assert not progress_file.exists()


def test_path_progress_leaves_out_read_papers(runner):
    full = path_ids(runner, "dpo")
    invoke(runner, "done", *full[:3])
    assert path_ids(runner, "dpo", "--progress") == full[3:]
    assert path_ids(runner, "dpo") == full


def test_guide_progress_ticks_off_read_papers(runner, tmp_path):
    invoke(runner, "done", "transformer", "--date", "2024-05-01")
    markdown = invoke(runner, "guide", "dpo", "--progress", "-o", "-", "--format", "md").stdout
    assert "- [x] [Read it](https://arxiv.org/abs/1706.03762)" in markdown
    assert "· read on 2024-05-01" in markdown
    assert markdown.count("- [ ] [Read it]") == 11
    assert "Read so far: 1 of 12 papers, 1 h; 11 h 25 min left." in markdown
    html = invoke(runner, "guide", "dpo", "--progress", "-o", "-", "--format", "html").stdout
    assert html.count("☑") == 1
    plain = invoke(runner, "guide", "dpo", "-o", "-", "--format", "md").stdout
    assert "- [x]" not in plain
    assert "Read so far" not in plain
