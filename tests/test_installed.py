"""The README's commands as real processes, run from a folder outside the repository."""

import doctest
import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TOPICS_YAML, paper_yaml

import paperpath
from paperpath.resources import bundled_catalog_dir, bundled_curricula_dir, templates_dir

BIN = Path(sys.executable).parent


def run(args, cwd):
    return subprocess.run(args, check=False, cwd=cwd, capture_output=True, text=True, timeout=120)


def paperpath_command():
    script = shutil.which("paperpath", path=str(BIN))
    assert script, f"no paperpath console script next to {sys.executable}"
    return [script]


def listed_ids(markdown):
    return re.findall(r"^\d+\. .*`([a-z0-9-]+)`$", markdown, flags=re.MULTILINE)


def test_console_script_path_dpo_from_other_folder(tmp_path):
    result = run([*paperpath_command(), "path", "dpo"], tmp_path)
    assert result.returncode == 0, result.stderr
    ids = listed_ids(result.stdout)
    assert ids[-1] == "dpo"
    assert ids.index("ppo") < ids.index("instructgpt") < ids.index("dpo")


def test_python_module_path_grpo_and_topic(tmp_path):
    grpo = run([sys.executable, "-m", "paperpath", "path", "grpo"], tmp_path)
    assert grpo.returncode == 0, grpo.stderr
    assert listed_ids(grpo.stdout)[-1] == "deepseekmath"
    topic = run([sys.executable, "-m", "paperpath", "path", "process-reward-models"], tmp_path)
    assert topic.returncode == 0, topic.stderr
    assert "lets-verify-step-by-step" in listed_ids(topic.stdout)


def test_console_script_check_strict_passes(tmp_path):
    result = run([*paperpath_command(), "check", "--strict"], tmp_path)
    assert result.returncode == 0, result.stdout
    assert "0 errors, 0 warnings" in result.stdout


def test_console_script_bad_catalog_no_traceback(tmp_path):
    catalog = tmp_path / "bad"
    catalog.mkdir()
    (catalog / "topics.yaml").write_text(TOPICS_YAML, encoding="utf-8")
    (catalog / "papers.yaml").write_text(
        "papers:\n" + paper_yaml("a", prerequisites="[b]"), encoding="utf-8"
    )
    result = run([*paperpath_command(), "path", "a", "--catalog", str(catalog)], tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "bad/papers.yaml:9: error: paper 'a': prerequisites[0]: unknown prerequisite 'b'"
        in result.stderr
    )
    assert result.stdout == ""


def test_bundled_resources_ship_with_package():
    package_dir = Path(paperpath.__file__).resolve().parent
    for folder in (bundled_catalog_dir(), bundled_curricula_dir(), templates_dir()):
        assert folder.is_dir(), folder
    if "site-packages" in package_dir.parts:
        # An installed wheel must carry its data; the repository is not there for users.
        for folder in (bundled_catalog_dir(), bundled_curricula_dir(), templates_dir()):
            assert package_dir in folder.parents, folder


@pytest.mark.parametrize(
    "module",
    [
        "paperpath.graph.build",
        "paperpath.graph.order",
        "paperpath.graph.selection",
        "paperpath.graph.metrics",
        "paperpath.render.escape",
        "paperpath.render.durations",
    ],
)
def test_doctests_pass(module):
    results = doctest.testmod(importlib.import_module(module))
    assert results.attempted > 0
    assert results.failed == 0


def test_console_script_full_disk_clean_error(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("/dev/full is not available on this system")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*paperpath_command(), "path", "dpo"],
            check=False,
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "cannot write to standard output: No space left on device" in result.stderr
