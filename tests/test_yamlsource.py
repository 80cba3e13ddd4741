from pathlib import Path

from paperpath.catalog.yamlsource import read_yaml


def read(tmp_path: Path, content: bytes | str):
    path = tmp_path / "file.yaml"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return read_yaml(path, "file.yaml")


def test_read_yaml_records_lines_of_values(tmp_path):
    document, problems = read(tmp_path, "papers:\n  - id: a\n    year: 2020\n")
    assert problems == []
    assert document.data == {"papers": [{"id": "a", "year": 2020}]}
    assert document.line_of(("papers", 0, "year")) == 3
    assert document.line_of(("papers", 0)) == 2


def test_read_yaml_duplicate_key_reported_with_both_lines(tmp_path):
    _, problems = read(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert len(problems) == 1
    assert problems[0].line == 3
    assert "duplicate key 'a' (first at line 1)" in problems[0].message


def test_read_yaml_syntax_error_has_line_and_column(tmp_path):
    document, problems = read(tmp_path, "papers:\n  - id: a\n   title: [unclosed\n")
    assert document is None
    assert len(problems) == 1
    assert problems[0].line is not None and problems[0].column is not None
    assert (
        problems[0]
        .format()
        .startswith(f"file.yaml:{problems[0].line}:{problems[0].column}: error:")
    )


def test_read_yaml_non_utf8_names_line_and_byte(tmp_path):
    document, problems = read(tmp_path, b"a: 1\nb: caf\xe9\n")
    assert document is None
    assert problems[0].line == 2
    assert "not valid UTF-8 (byte 0xe9)" in problems[0].message


def test_read_yaml_keeps_raw_scalar_text(tmp_path):
    document, _ = read(tmp_path, "arxiv: 2310.01420\nday: 2023-05-01\nquoted: '2310.01420'\n")
    assert document.scalars[("arxiv",)].text == "2310.01420"
    assert document.scalars[("arxiv",)].type_name == "float"
    assert document.scalars[("day",)].type_name == "timestamp"
    assert document.scalars[("quoted",)].is_string


def test_read_yaml_alias_rejected_not_expanded(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}]\n"
        for previous, name in zip("abcdefghijklmnopq", "bcdefghijklmnopqr", strict=True)
    )
    document, problems = read(tmp_path, bomb)
    assert problems
    assert all("YAML aliases (*name) are not supported" in p.message for p in problems)
    assert problems[0].line == 2


def test_read_yaml_merge_key_rejected(tmp_path):
    _, problems = read(tmp_path, "base: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n")
    assert any("merge keys (<<) are not supported" in p.message for p in problems)
    assert any(p.line == 3 for p in problems)


def test_read_yaml_deep_nesting_reported(tmp_path):
    document, problems = read(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert document is None
    assert "nest" in problems[0].message


def test_read_yaml_deeper_lines_read_lazily(tmp_path):
    text = "papers:\n  - id: a\n    arxiv: 2310.01420\n    prerequisites:\n      - b\n"
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    full, _ = read_yaml(path, "file.yaml")
    partial, _ = read_yaml(path, "file.yaml", record_depth=2)
    assert partial.data == full.data
    assert sorted(partial.lines, key=len) == [(), ("papers",), ("papers", 0)]
    assert partial.scalars == {}
    assert partial.line_of(("papers", 0, "prerequisites", 0)) == 5
    assert partial.lines == full.lines
    assert partial.scalar_of(("papers", 0, "arxiv")).type_name == "float"


def test_read_yaml_partial_lines_survive_deletion(tmp_path):
    path = tmp_path / "file.yaml"
    path.write_text("papers:\n  - id: a\n    year: 2020\n", encoding="utf-8")
    document, _ = read_yaml(path, "file.yaml", record_depth=2)
    path.unlink()
    assert document.line_of(("papers", 0, "year")) == 2
    assert document.scalar_of(("papers", 0, "year")) is None
