"""BibTeX and CSL-JSON exports: citation keys, escaping, names, and the export command."""

import doctest
import json
import re

import bibtexparser
import pytest
from click.testing import CliRunner
from conftest import TOPICS_YAML

import paperpath.render.exports
from paperpath.catalog import load_catalog
from paperpath.cli import main
from paperpath.render.exports import (
    AuthorName,
    bibtex_entry_type,
    citation_keys,
    escape_bibtex,
    render_bibtex,
    render_csl_json,
    split_name,
)

SPECIAL_TITLE = "A & B: 50% of $x_1$ {#} ~ ^ \\ end"
SPECIAL_TITLE_ESCAPED = (
    r"A \& B: 50\% of \$x\_1\$ \textbraceleft{}\#\textbraceright{}"
    r" \textasciitilde{} \textasciicircum{} \textbackslash{} end"
)
# The inverse of the escaping, written out here so the test does not trust the module's table.
LATEX_COMMANDS = {
    r"\textbackslash{}": "\\",
    r"\textbraceleft{}": "{",
    r"\textbraceright{}": "}",
    r"\textasciitilde{}": "~",
    r"\textasciicircum{}": "^",
    r"\&": "&",
    r"\%": "%",
    r"\$": "$",
    r"\#": "#",
    r"\_": "_",
}


def unescape_latex(text: str) -> str:
    pattern = "|".join(re.escape(command) for command in LATEX_COMMANDS)
    return re.sub(pattern, lambda match: LATEX_COMMANDS[match.group()], text)


def paper_entry(
    paper_id: str,
    *,
    title: str,
    authors: list[str],
    year: int | None = 2020,
    month: int | None = None,
    venue: str | None = "arXiv preprint",
    arxiv: str | None = None,
    prerequisites: tuple[str, ...] = (),
) -> str:
    """Return one paper as YAML. Titles and names are JSON strings, which YAML reads unchanged."""
    lines = [
        f"  - id: {paper_id}",
        f"    title: {json.dumps(title)}",
        f"    authors: {json.dumps(authors, ensure_ascii=False)}",
        f"    url: https://example.org/{paper_id}",
        "    status: incremental",
        f"    prerequisites: {json.dumps(list(prerequisites))}",
        "    topics: [alignment]",
    ]
    if year is not None:
        lines.append(f"    year: {year}")
    if month is not None:
        lines.append(f"    month: {month}")
    if venue is not None:
        lines.append(f"    venue: {json.dumps(venue)}")
    if arxiv is not None:
        lines.append(f'    arxiv: "{arxiv}"')
    return "\n".join(lines) + "\n"


@pytest.fixture
def export_catalog(write_catalog):
    """A catalog whose papers carry special characters, particles, organisations and et al."""
    papers = "papers:\n" + "".join(
        [
            paper_entry(
                "special",
                title=SPECIAL_TITLE,
                authors=["Ada Lovelace", "et al."],
                month=5,
                venue="Workshop on $x_1$ & {y}",
            ),
            paper_entry(
                "accented",
                title="The Zürich Protocol",
                authors=["Émile Ångström", "Łukasz Kaiser", "George van den Driessche"],
                year=2021,
                venue="NeurIPS 2021",
                arxiv="2101.00001",
                prerequisites=("special",),
            ),
            paper_entry(
                "cyrillic",
                title="Обучение с подкреплением",
                authors=["Игорь Петров", "李明"],
                year=2022,
                venue="Journal of Examples",
                prerequisites=("accented",),
            ),
            paper_entry(
                "organisation",
                title="On a Model",
                authors=["DeepSeek-AI"],
                year=2025,
                venue=None,
                arxiv="2501.12948",
                prerequisites=("cyrillic",),
            ),
            paper_entry(
                "anonymous",
                title="Untitled Notes",
                authors=[],
                year=None,
                venue="blog post",
                prerequisites=("organisation",),
            ),
        ]
    )
    return write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": papers})


def load_papers(folder, *ids):
    result = load_catalog(folder)
    assert not result.errors, [problem.format() for problem in result.errors]
    return [result.catalog.papers[paper_id] for paper_id in ids]


def parse_bibtex(text: str):
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    return library


def field_values(entry) -> dict[str, str]:
    return {name: field.value for name, field in entry.fields_dict.items()}


@pytest.fixture
def runner():
    return CliRunner()


def invoke(runner, *args):
    return runner.invoke(main, list(args), catch_exceptions=False)


ALL_IDS = ("special", "accented", "cyrillic", "organisation", "anonymous")


def test_citation_keys_family_year_word(export_catalog):
    papers = load_papers(export_catalog, *ALL_IDS)
    assert citation_keys(papers) == {
        "special": "lovelace2020end",
        "accented": "angstrom2021zurich",
        "cyrillic": "cyrillic",
        "organisation": "deepseekai2025model",
        "anonymous": "anonymous",
    }


def test_citation_keys_bundled_dpo(bundled):
    keys = citation_keys(list(bundled.papers.values()))
    assert keys["dpo"] == "rafailov2023direct"
    assert len(set(keys.values())) == len(keys)


def test_citation_keys_collisions_get_letters(write_catalog):
    papers = "papers:\n" + "".join(
        [
            paper_entry("first", title="Deep Nets", authors=["Jo Smith"]),
            paper_entry("second", title="Deep Trees", authors=["Al Smith"]),
            paper_entry("taken", title="Deepa Nets", authors=["Jo Smith"]),
        ]
    )
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": papers})
    first, second, taken = load_papers(folder, "first", "second", "taken")
    assert citation_keys([first, second, taken]) == {
        "first": "smith2020deepb",
        "second": "smith2020deepc",
        "taken": "smith2020deepa",
    }
    assert citation_keys([second, first, taken])["second"] == "smith2020deepb"
    assert citation_keys([first, taken]) == {"first": "smith2020deep", "taken": "smith2020deepa"}


def test_split_name_cases():
    cases = {
        "Christopher D. Manning": AuthorName(family="Manning", given="Christopher D."),
        "George van den Driessche": AuthorName(family="van den Driessche", given="George"),
        "Diego de Las Casas": AuthorName(family="de Las Casas", given="Diego"),
        "Yann Le Cun": AuthorName(family="Le Cun", given="Yann"),
        "Le Hou": AuthorName(family="Hou", given="Le"),
        "Martin Luther King Jr.": AuthorName(family="King", given="Martin Luther", suffix="Jr."),
        "Lovelace, Ada": AuthorName(family="Lovelace", given="Ada"),
        "Игорь Петров": AuthorName(family="Петров", given="Игорь"),
        "DeepSeek-AI": AuthorName(literal="DeepSeek-AI"),
        "Kimi Team": AuthorName(literal="Kimi Team"),
        "李明": AuthorName(literal="李明"),
    }
    for name, expected in cases.items():
        assert split_name(name) == expected, name


def test_escape_bibtex_every_special_character():
    assert escape_bibtex(SPECIAL_TITLE) == SPECIAL_TITLE_ESCAPED
    assert unescape_latex(escape_bibtex(SPECIAL_TITLE)) == SPECIAL_TITLE


def test_escape_bibtex_keeps_utf8_and_one_line():
    assert escape_bibtex("Łukasz Kaiser\n  Петров") == "Łukasz Kaiser Петров"


def test_escape_bibtex_doctest_passes():
    results = doctest.testmod(paperpath.render.exports)
    assert results.attempted > 0
    assert results.failed == 0


def test_bibtex_entry_type_venues():
    cases = {
        "NeurIPS 2023": "inproceedings",
        "Findings of ACL 2024": "inproceedings",
        "ICLR 2024 Workshop (LLMAgents)": "inproceedings",
        "NIPS Deep Learning Workshop 2013": "inproceedings",
        "COLM 2024": "inproceedings",
        "JMLR 2020": "article",
        "IEEE Transactions on Automatic Control 2025": "article",
        "Nature 2015": "article",
        "Machine Learning": "article",
        "Transactions of the ACL": "article",
        "arXiv preprint": "misc",
        "OpenReview preprint": "misc",
        "blog post": "misc",
        None: "misc",
    }
    for venue, expected in cases.items():
        assert bibtex_entry_type(venue) == expected, venue


def test_render_bibtex_special_characters_parse(export_catalog):
    (paper,) = load_papers(export_catalog, "special")
    library = parse_bibtex(render_bibtex([paper]))
    (entry,) = library.entries
    fields = field_values(entry)
    assert entry.key == "lovelace2020end"
    assert entry.entry_type == "inproceedings"
    assert fields["title"] == "{" + SPECIAL_TITLE_ESCAPED + "}"
    assert unescape_latex(fields["title"][1:-1]) == SPECIAL_TITLE
    assert unescape_latex(fields["booktitle"]) == "Workshop on $x_1$ & {y}"
    assert fields["author"] == "Lovelace, Ada and others"
    assert fields["month"] == "may"
    assert fields["note"] == "paperpath id: special"


def test_render_bibtex_no_field_breaks_out(write_catalog):
    papers = "papers:\n" + paper_entry(
        "evil",
        title="x}}, note = {pwned} }",
        authors=["Eve} and {Mallory", "Bob and Alice", "Carol}, title = {X"],
        venue="ICML} @misc{other,",
    )
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": papers})
    library = parse_bibtex(render_bibtex(load_papers(folder, "evil")))
    (entry,) = library.entries
    fields = field_values(entry)
    assert set(fields) == {"author", "title", "year", "booktitle", "url", "note"}
    assert fields["note"] == "paperpath id: evil"
    assert unescape_latex(fields["title"][1:-1]) == "x}}, note = {pwned} }"
    assert fields["author"].count(" and ") == 2
    assert "Alice, Bob {and}" in fields["author"]


def test_render_bibtex_accented_and_non_latin_authors(export_catalog):
    papers = load_papers(export_catalog, "accented", "cyrillic", "organisation")
    library = parse_bibtex(render_bibtex(papers))
    entries = {entry.key: field_values(entry) for entry in library.entries}
    accented = entries["angstrom2021zurich"]
    assert accented["author"] == (
        "Ångström, Émile and Kaiser, Łukasz and van den Driessche, George"
    )
    assert accented["title"] == "{The Zürich Protocol}"
    assert accented["eprint"] == "2101.00001"
    assert accented["archivePrefix"] == "arXiv"
    assert entries["cyrillic"]["author"] == "Петров, Игорь and {李明}"
    assert entries["cyrillic"]["journal"] == "Journal of Examples"
    assert entries["deepseekai2025model"]["author"] == "{DeepSeek-AI}"
    assert [entry.entry_type for entry in library.entries] == ["inproceedings", "article", "misc"]


def test_render_bibtex_keeps_order_given(export_catalog):
    papers = load_papers(export_catalog, *ALL_IDS)
    keys = [entry.key for entry in parse_bibtex(render_bibtex(papers)).entries]
    assert keys == [citation_keys(papers)[paper.id] for paper in papers]
    reversed_keys = [entry.key for entry in parse_bibtex(render_bibtex(papers[::-1])).entries]
    assert reversed_keys == keys[::-1]


def test_render_csl_json_fields(export_catalog):
    papers = load_papers(export_catalog, *ALL_IDS)
    text = render_csl_json(papers)
    assert text.endswith("]\n")
    assert "Ångström" in text  # written as UTF-8, not \u escapes
    items = {item["id"]: item for item in json.loads(text)}
    assert list(items) == list(citation_keys(papers).values())
    for item in items.values():
        for field in ("id", "type", "title", "URL"):
            assert field in item, (item["id"], field)

    special = items["lovelace2020end"]
    assert special["title"] == SPECIAL_TITLE
    assert special["type"] == "paper-conference"
    assert special["author"] == [{"family": "Lovelace", "given": "Ada"}]
    assert special["issued"] == {"date-parts": [[2020, 5]]}
    assert special["container-title"] == "Workshop on $x_1$ & {y}"

    accented = items["angstrom2021zurich"]
    assert accented["author"][2] == {"family": "van den Driessche", "given": "George"}
    assert accented["number"] == "2101.00001"
    assert accented["archive"] == "arXiv"
    assert accented["issued"] == {"date-parts": [[2021]]}

    assert items["cyrillic"]["type"] == "article-journal"
    assert items["cyrillic"]["author"] == [
        {"family": "Петров", "given": "Игорь"},
        {"literal": "李明"},
    ]
    assert items["deepseekai2025model"]["author"] == [{"literal": "DeepSeek-AI"}]
    assert items["deepseekai2025model"]["type"] == "article"
    assert "container-title" not in items["deepseekai2025model"]
    assert "author" not in items["anonymous"]
    assert "issued" not in items["anonymous"]


def test_export_bundled_dpo_bibtex(runner):
    result = invoke(runner, "export", "dpo", "--format", "bibtex")
    assert result.exit_code == 0
    library = parse_bibtex(result.stdout)
    entries = {entry.key: entry for entry in library.entries}
    dpo = entries["rafailov2023direct"]
    assert dpo.entry_type == "inproceedings"
    assert "  eprint = {2305.18290},\n" in result.stdout
    assert field_values(dpo)["eprint"] == "2305.18290"
    assert field_values(dpo)["booktitle"] == "NeurIPS 2023"
    assert library.entries[-1].key == "rafailov2023direct"

    path = json.loads(invoke(runner, "path", "dpo", "--format", "json").stdout)
    exported_ids = [
        field_values(entry)["note"].removeprefix("paperpath id: ") for entry in library.entries
    ]
    assert exported_ids == [paper["id"] for paper in path["papers"]]


def test_export_bundled_dpo_csl_json(runner):
    result = invoke(runner, "export", "dpo", "--format", "csl-json")
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    dpo = items[-1]
    assert dpo["id"] == "rafailov2023direct"
    assert dpo["number"] == "2305.18290"
    assert dpo["author"][0] == {"family": "Rafailov", "given": "Rafael"}


def test_export_keys_stable_across_targets(runner):
    dpo = parse_bibtex(invoke(runner, "export", "dpo", "--format", "bibtex").stdout)
    kto = parse_bibtex(invoke(runner, "export", "kto", "--format", "bibtex").stdout)
    dpo_keys = {field_values(entry)["note"]: entry.key for entry in dpo.entries}
    kto_keys = {field_values(entry)["note"]: entry.key for entry in kto.entries}
    shared = set(dpo_keys) & set(kto_keys)
    assert "paperpath id: dpo" in shared
    for note in shared:
        assert dpo_keys[note] == kto_keys[note], note


def test_export_same_bytes_on_every_run(runner):
    for export_format in ("bibtex", "csl-json"):
        first = invoke(runner, "export", "test-time-scaling", "--format", export_format)
        second = invoke(runner, "export", "test-time-scaling", "--format", export_format)
        assert first.stdout_bytes, export_format
        assert first.stdout_bytes == second.stdout_bytes, export_format


def test_export_output_writes_file(runner, export_catalog, tmp_path):
    target = tmp_path / "reading.bib"
    result = invoke(
        runner,
        "export",
        "anonymous",
        "--format",
        "bibtex",
        "--catalog",
        str(export_catalog),
        "-o",
        str(target),
    )
    assert result.exit_code == 0
    assert result.stdout == ""
    assert f"wrote {target} (5 papers)" in result.stderr
    library = parse_bibtex(target.read_text(encoding="utf-8"))
    assert [entry.key for entry in library.entries][0] == "lovelace2020end"
    assert len(library.entries) == 5


def test_export_known_leaves_out_papers(runner, export_catalog):
    result = invoke(
        runner,
        "export",
        "anonymous",
        "--known",
        "cyrillic",
        "--format",
        "csl-json",
        "--catalog",
        str(export_catalog),
    )
    assert [item["id"] for item in json.loads(result.stdout)] == [
        "deepseekai2025model",
        "anonymous",
    ]


def test_export_empty_order_fails(runner, tmp_path):
    target = tmp_path / "empty.json"
    result = runner.invoke(
        main, ["export", "dpo", "--known", "dpo", "--format", "csl-json", "-o", str(target)]
    )
    assert result.exit_code == 1
    assert "nothing to export" in result.output
    assert not target.exists()


def test_export_keys_independent_of_selection(runner):
    def keys(*targets):
        text = invoke(runner, "export", *targets, "--format", "bibtex").stdout
        found = {}
        for entry in text.strip().split("\n\n"):
            key = re.match(r"@\w+\{([^,]+),", entry).group(1)
            found[re.search(r"paperpath id: ([^}]+)\}", entry).group(1)] = key
        return found

    alone = keys("self-consistency")
    together = keys("self-instruct", "self-consistency")
    assert together["self-consistency"] == alone["self-consistency"]
    assert together["self-instruct"] != together["self-consistency"]


def test_export_format_is_required(runner):
    result = runner.invoke(main, ["export", "dpo"])
    assert result.exit_code == 2
    assert "--format" in result.output


def test_exports_doi_from_doi_org_url(bundled):
    reinforce = bundled.papers["reinforce"]
    bibtex = bibtexparser.parse_string(render_bibtex([reinforce]))
    assert bibtex.entries[0]["doi"] == "10.1007/BF00992696"
    item = json.loads(render_csl_json([reinforce]))[0]
    assert item["DOI"] == "10.1007/BF00992696"
    dpo = json.loads(render_csl_json([bundled.papers["dpo"]]))[0]
    assert "DOI" not in dpo
