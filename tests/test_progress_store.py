"""The progress file: its format, location, locked updates, backups and damage reports."""

import doctest
import json
import sys
from datetime import date

import pytest

import paperpath.progress.summary
from paperpath.errors import PaperpathError
from paperpath.progress.records import (
    Progress,
    ProgressFormatError,
    dump_progress,
    parse_progress,
)
from paperpath.progress.store import (
    ProgressFileError,
    backup_path,
    default_progress_path,
    load_progress,
    read_paper_ids,
    resolve_progress_path,
    update_progress,
)

MAY_FIRST = date(2024, 5, 1)

# platformdirs follows XDG_DATA_HOME only on Linux; elsewhere the default
# location would be the real user data folder, which tests must not touch.
linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the XDG_DATA_HOME redirect works on Linux only"
)


def add(paper_id, day=MAY_FIRST):
    def change(progress):
        return Progress({**progress.read, paper_id: day}, progress.goals)

    return change


def test_dump_parse_round_trip():
    progress = Progress({"dpo": MAY_FIRST, "ppo": date(2024, 4, 2)}, ("dpo", "tree-search"))
    assert parse_progress(dump_progress(progress)) == progress


def test_dump_sorted_same_bytes():
    first = dump_progress(Progress({"b": MAY_FIRST, "a": MAY_FIRST}))
    second = dump_progress(Progress({"a": MAY_FIRST, "b": MAY_FIRST}))
    assert first == second
    assert list(json.loads(first)["read"]) == ["a", "b"]


def test_parse_empty_file_rejected():
    with pytest.raises(ProgressFormatError, match="the file is empty"):
        parse_progress(b"")


def test_parse_truncated_json_gives_line_and_column():
    data = dump_progress(Progress({"dpo": MAY_FIRST}))
    with pytest.raises(ProgressFormatError, match=r"^line \d+, column \d+: invalid JSON"):
        parse_progress(data[:40])


def test_parse_not_utf8_rejected():
    with pytest.raises(ProgressFormatError, match="byte 0 is not valid UTF-8"):
        parse_progress(b"\xff\xfe{}")


def test_parse_collects_every_record_problem():
    data = json.dumps(
        {
            "format": "paperpath-progress",
            "version": 1,
            "read": {"dpo": {"read_on": "2024-13-01"}, "ppo": 3},
            "goals": ["dpo", 7],
        }
    ).encode()
    with pytest.raises(ProgressFormatError) as caught:
        parse_progress(data)
    problems = caught.value.problems
    assert len(problems) == 3
    assert "read['dpo']: read_on '2024-13-01' is not a date (YYYY-MM-DD)" in problems
    assert "read['ppo']: expected an object with a 'read_on' date (YYYY-MM-DD)" in problems
    assert "goals[1]: 7 is not a paper or topic id" in problems


def test_parse_newer_version_asks_for_upgrade():
    data = json.dumps({"format": "paperpath-progress", "version": 2, "read": {}}).encode()
    with pytest.raises(ProgressFormatError, match="upgrade paperpath"):
        parse_progress(data)


def test_parse_other_json_rejected():
    with pytest.raises(ProgressFormatError, match="'format' is None"):
        parse_progress(b'{"read": {}}')
    with pytest.raises(ProgressFormatError, match="top level is not a JSON object"):
        parse_progress(b"[1, 2]")


def test_load_missing_file_is_empty(tmp_path):
    assert load_progress(tmp_path / "none.json") == Progress()


def test_load_folder_reports_cannot_read(tmp_path):
    with pytest.raises(ProgressFileError) as caught:
        load_progress(tmp_path)
    assert caught.value.problems == ["cannot read the file: Is a directory"]
    assert "is a folder; point --progress-file" in caught.value.message
    assert "move" not in caught.value.message


def test_load_newer_version_keeps_backup_advice_out(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"format": "paperpath-progress", "version": 2, "read": {}}))
    backup_path(path).write_bytes(dump_progress(Progress()))
    with pytest.raises(ProgressFileError) as caught:
        load_progress(path)
    assert "written by a newer paperpath" in caught.value.message
    assert "cp " not in caught.value.message


def test_update_first_write_has_no_backup(progress_file):
    update_progress(progress_file, add("dpo"))
    assert load_progress(progress_file).read == {"dpo": MAY_FIRST}
    assert not backup_path(progress_file).exists()


def test_update_keeps_previous_as_backup(progress_file):
    update_progress(progress_file, add("dpo"))
    first = progress_file.read_bytes()
    update_progress(progress_file, add("ppo"))
    assert backup_path(progress_file).read_bytes() == first
    assert set(load_progress(progress_file).read) == {"dpo", "ppo"}


def test_update_without_change_writes_nothing(progress_file):
    update_progress(progress_file, add("dpo"))
    update_progress(progress_file, add("dpo"))
    assert not backup_path(progress_file).exists()


def test_update_damaged_file_left_as_is(progress_file):
    update_progress(progress_file, add("dpo"))
    update_progress(progress_file, add("ppo"))
    backup = backup_path(progress_file).read_bytes()
    damaged = progress_file.read_bytes()[:30]
    progress_file.write_bytes(damaged)
    with pytest.raises(ProgressFileError) as caught:
        update_progress(progress_file, add("kto"))
    assert progress_file.read_bytes() == damaged
    assert backup_path(progress_file).read_bytes() == backup
    message = caught.value.message
    assert str(progress_file) in message
    assert f"the backup {backup_path(progress_file)} holds the previous version" in message
    assert "(1 paper read)" in message


def test_damage_message_without_backup(progress_file):
    progress_file.write_text("{", encoding="utf-8")
    with pytest.raises(ProgressFileError, match="no backup exists at .*progress.json.bak"):
        load_progress(progress_file)


def test_damage_message_damaged_backup(progress_file):
    progress_file.write_text("{", encoding="utf-8")
    backup_path(progress_file).write_text("[]", encoding="utf-8")
    with pytest.raises(ProgressFileError, match="progress.json.bak is damaged too"):
        load_progress(progress_file)


def test_update_missing_folder_rejected(tmp_path):
    path = tmp_path / "missing" / "progress.json"
    with pytest.raises(PaperpathError, match="folder .*missing does not exist; create it first"):
        update_progress(path, add("dpo"))
    assert not path.parent.exists()


def test_resolve_path_explicit_then_environment_then_default(tmp_path, monkeypatch):
    explicit = tmp_path / "explicit.json"
    assert resolve_progress_path(explicit) == explicit
    monkeypatch.setenv("PAPERPATH_PROGRESS", str(tmp_path / "env.json"))
    assert resolve_progress_path() == tmp_path / "env.json"
    monkeypatch.delenv("PAPERPATH_PROGRESS")
    assert resolve_progress_path() == default_progress_path()


@linux_only
def test_default_path_in_user_data_folder(progress_file):
    expected = progress_file.parent / "xdg-data" / "paperpath" / "progress.json"
    assert default_progress_path() == expected


@linux_only
def test_update_default_location_creates_folder(monkeypatch):
    monkeypatch.delenv("PAPERPATH_PROGRESS")
    path = resolve_progress_path()
    update_progress(path, add("dpo"))
    assert load_progress(path).read == {"dpo": MAY_FIRST}


def test_read_paper_ids_keeps_ids_not_in_catalog(progress_file):
    update_progress(progress_file, add("no-longer-in-catalog"))
    update_progress(progress_file, add("dpo"))
    assert read_paper_ids() == {"dpo", "no-longer-in-catalog"}
    assert read_paper_ids(progress_file) == {"dpo", "no-longer-in-catalog"}


def test_summary_doctests_pass():
    results = doctest.testmod(paperpath.progress.summary)
    assert results.attempted > 0
    assert results.failed == 0
