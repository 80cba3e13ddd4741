"""Study guides: PDF checked with a PDF reader, HTML and Markdown, sandboxed fetching."""

import re
import socket
import threading
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from conftest import TOPICS_YAML, paper_yaml

from paperpath.cli import main
from paperpath.render.pdf import render_pdf, sandboxed_fetcher


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def reading_order_titles(target):
    import json

    result = run("path", target, "--format", "json")
    return [paper["title"] for paper in json.loads(result.stdout)["papers"]]


@pytest.fixture(scope="module")
def dpo_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("guide") / "dpo.pdf"
    result = CliRunner().invoke(main, ["guide", "dpo", "-o", str(path)])
    assert result.exit_code == 0, result.output
    return pypdf.PdfReader(str(path))


def flatten(outline):
    for item in outline:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def test_guide_pdf_cover_contents_and_footer(dpo_pdf):
    assert len(dpo_pdf.pages) >= 5
    cover = dpo_pdf.pages[0].extract_text()
    assert "Study guide: DPO" in cover
    assert "12 papers, about 12 h 25 min of reading" in cover
    contents = "\n".join(page.extract_text() for page in dpo_pdf.pages[1:4])
    assert re.search(r"12\. DPO[ .]*\d+", contents)
    last = dpo_pdf.pages[-1].extract_text()
    assert f"Page {len(dpo_pdf.pages)} of {len(dpo_pdf.pages)}" in last


def test_guide_pdf_lists_papers_in_reading_order(dpo_pdf):
    titles = reading_order_titles("dpo")
    body = " ".join(" ".join(page.extract_text().split()) for page in dpo_pdf.pages[3:])
    positions = [body.find(f"{index}. {title}") for index, title in enumerate(titles, start=1)]
    assert all(position >= 0 for position in positions), positions
    assert positions == sorted(positions)


def test_guide_pdf_outline_has_every_paper(dpo_pdf):
    outline = [item.title for item in flatten(dpo_pdf.outline)]
    for index, title in enumerate(reading_order_titles("dpo"), start=1):
        assert f"{index}. {title}" in outline
    assert any(title.startswith("Stage 1") for title in outline)


def test_guide_pdf_prerequisite_links_are_internal(dpo_pdf):
    internal = 0
    for page in dpo_pdf.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if annotation.get("/Dest") is not None or (action and action.get("/S") == "/GoTo"):
                internal += 1
    assert internal >= 12  # contents entries and prerequisite mentions


def test_guide_html_self_contained_and_stable(tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    run("guide", "dpo", "-o", first)
    run("guide", "dpo", "-o", second)
    html = first.read_text(encoding="utf-8")
    assert first.read_bytes() == second.read_bytes()
    assert "<svg" in html
    assert 'href="#paper-ppo"' in html
    assert 'id="paper-ppo"' in html
    assert "<link" not in html
    assert not re.search(r"src=\"https?:", html)


def test_guide_markdown_mermaid_and_stable(tmp_path):
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    run("guide", "grpo", "-o", first)
    run("guide", "grpo", "-o", second)
    text = first.read_text(encoding="utf-8")
    assert first.read_bytes() == second.read_bytes()
    assert "```mermaid\nflowchart TD" in text
    plain = tmp_path / "plain.md"
    run("guide", "grpo", "-o", plain, "--no-diagram")
    assert "mermaid" not in plain.read_text(encoding="utf-8")


def test_guide_unknown_extension_is_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["guide", "dpo", "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2
    assert "name it .pdf, .html or .md" in result.output


class Listener:
    """A loopback server that counts connections, to prove nothing was fetched."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen()
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while self.running:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self):
        self.running = False
        self.thread.join(timeout=2)
        self.socket.close()


def test_guide_hostile_catalog_fetches_nothing(write_catalog, tmp_path):
    listener = Listener()
    try:
        summary = (
            f'\'<img src="http://127.0.0.1:{listener.port}/x"> '
            f"<style>@import url(http://127.0.0.1:{listener.port}/s.css);</style> "
            '<img src="file:///etc/hostname"> <script>alert(1)</script>\''
        )
        folder = write_catalog(
            {
                "topics.yaml": TOPICS_YAML,
                "papers.yaml": "papers:\n"
                + paper_yaml(
                    "evil", status="foundational", title="'Title | `x` <b>'", summary=summary
                ),
            }
        )
        hostname = (
            Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else ""
        )
        for suffix in ("pdf", "html", "md"):
            target = tmp_path / f"evil.{suffix}"
            result = CliRunner().invoke(
                main, ["guide", "evil", "-o", str(target), "--catalog", str(folder)]
            )
            assert result.exit_code == 0, result.output
            data = target.read_bytes()
            assert b"<script>" not in data
            if hostname and suffix != "pdf":
                assert hostname.encode() not in data.replace(b"file:///etc/hostname", b"")
    finally:
        listener.close()
    assert listener.connections == 0


def test_fetcher_refuses_network_and_outside_files(tmp_path):
    listener = Listener()
    warnings = []
    try:
        html = (
            f'<p>x</p><img src="http://127.0.0.1:{listener.port}/a.png">'
            f"<style>@import url(http://127.0.0.1:{listener.port}/b.css);</style>"
            '<img src="file:///etc/hostname">'
        )
        pdf = render_pdf(html, [tmp_path], warnings.append)
    finally:
        listener.close()
    assert pdf.startswith(b"%PDF")
    assert listener.connections == 0
    assert any(f"http://127.0.0.1:{listener.port}/a.png" in message for message in warnings)
    assert any("file:///etc/hostname" in message for message in warnings)


def test_fetcher_allows_files_inside_allowed_folder(tmp_path):
    picture = tmp_path / "dot.svg"
    picture.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    warnings = []
    fetcher = sandboxed_fetcher([tmp_path], warnings.append)
    fetch = getattr(fetcher, "fetch", fetcher)
    response = fetch(picture.as_uri())
    assert response is not None
    assert warnings == []


def test_guide_template_dir_overrides_bundled(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "guide.md.j2").write_text(
        "Custom guide: {{ title }} with {{ count }}\n", encoding="utf-8"
    )
    target = tmp_path / "custom.md"
    result = run("guide", "dpo", "-o", target, "--template-dir", templates)
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == "Custom guide: Study guide: DPO with 12 papers\n"
    html = tmp_path / "bundled.html"
    run("guide", "dpo", "-o", html, "--template-dir", templates)
    assert "<svg" in html.read_text(encoding="utf-8")  # no guide.html.j2 there: bundled one


def test_guide_pdf_same_bytes_on_every_run(tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    run("guide", "dpo", "-o", first)
    run("guide", "dpo", "-o", second)
    assert first.read_bytes() == second.read_bytes()


def test_graph_svg_wraps_wide_layers(bundled):
    from paperpath.graph import prerequisite_graph
    from paperpath.plan import plan_reading_order
    from paperpath.render.graph_svg import BOX_WIDTH, MAX_PER_ROW, render_graph_svg

    graph = prerequisite_graph(bundled)
    order = [entry.paper.id for entry in plan_reading_order(bundled, ["tree-search"]).entries]
    svg = render_graph_svg(graph, bundled.papers, order, {paper: paper for paper in order})
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    assert len(order) >= 40
    assert width <= MAX_PER_ROW * (BOX_WIDTH + 18) + 20
    assert svg.count("<rect") == len(order)
    for paper in order:
        assert f'href="#paper-{paper}"' in svg


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{% for x in %}\n", "guide.md.j2:1:"),
        ("{{ no_such_value }}\n", "template failed:"),
        ("{{ 1 / 0 }}\n", "ZeroDivisionError"),
    ],
)
def test_guide_broken_template_clean_error(tmp_path, template, message):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "guide.md.j2").write_text(template, encoding="utf-8")
    target = tmp_path / "out.md"
    result = CliRunner().invoke(
        main, ["guide", "dpo", "-o", str(target), "--template-dir", str(templates)]
    )
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert not target.exists()


def test_guide_dash_writes_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["guide", "dpo", "--format", "md", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Study guide: DPO")
    assert list(tmp_path.iterdir()) == []


def test_guide_format_must_match_extension(tmp_path):
    result = CliRunner().invoke(
        main, ["guide", "dpo", "--format", "md", "-o", str(tmp_path / "x.pdf")]
    )
    assert result.exit_code == 2
    assert "does not match" in result.output


def installed_font_covers(text):
    """True when fontconfig lists a font with every character of ``text``."""
    import shutil
    import subprocess

    if shutil.which("fc-list") is None:
        return False
    charset = " ".join(f"{ord(character):x}" for character in text)
    listed = subprocess.run(
        ["fc-list", f":charset={charset}", "family"], capture_output=True, text=True
    )
    return bool(listed.stdout.strip())


def test_render_pdf_missing_glyphs_warning():
    warnings = []
    pdf = render_pdf("<p>x \u0378 y \u0379 z \u0378</p>", [], warnings.append)
    assert pdf.startswith(b"%PDF")
    assert len(warnings) == 1
    assert "U+0378" in warnings[0]
    assert "U+0379" in warnings[0]
    assert "fonts-noto-cjk" in warnings[0]
    assert "--template-dir" in warnings[0]


def test_guide_pdf_cjk_author_or_font_warning(write_catalog, tmp_path):
    name = "山田太郎"
    entry = paper_yaml("cjk", status="foundational", title="'Reasoning 推理 study'")
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n" + entry.replace("[A. Author]", f"[{name}, Zoë Łukasz]"),
        }
    )
    target = tmp_path / "cjk.pdf"
    result = CliRunner().invoke(main, ["guide", "cjk", "-o", str(target), "--catalog", folder])
    assert result.exit_code == 0, result.output
    if installed_font_covers(name + "推理"):
        text = "".join(page.extract_text() for page in pypdf.PdfReader(str(target)).pages)
        assert "no installed font" not in result.output
        assert name in text.replace(" ", "")
        assert "Zoë Łukasz" in text
    else:
        assert "no installed font has" in result.output
        assert "山 (U+5C71)" in result.output
        assert "fonts-noto-cjk" in result.output


def test_guide_pdf_accented_names_render(write_catalog, tmp_path):
    names = "Zoë Łukasz, Ψάρρος Ηλίας, Юрий Ćirić"
    entry = paper_yaml("accents", status="foundational", title="'Détente über Ψ'")
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n" + entry.replace("[A. Author]", f"[{names}]"),
        }
    )
    target = tmp_path / "accents.pdf"
    result = CliRunner().invoke(main, ["guide", "accents", "-o", str(target), "--catalog", folder])
    assert result.exit_code == 0, result.output
    assert "no installed font" not in result.output
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(target)).pages)
    for name in names.split(", ") + ["Détente über Ψ"]:
        assert name in text


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("PPO", ["PPO"]),
        ("Policy Gradient Theorem", ["Policy Gradient", "Theorem"]),
        ("Deep RL from human preferences", ["Deep RL from human", "preferences"]),
        (
            "Let's Verify Step by Step with a very long name",
            ["Let's Verify Step by", "Step with a very long…"],
        ),
        ("Supercalifragilisticexpialidocious", ["Supercalifragilistice…"]),
    ],
)
def test_graph_label_lines_wrap(name, lines):
    from paperpath.render.graph_svg import MAX_LABEL, label_lines

    assert label_lines(name) == lines
    assert all(len(line) <= MAX_LABEL for line in lines)


def test_guide_names_known_papers_left_out():
    markdown = run("guide", "dpo", "--known", "ppo", "-o", "-", "--format", "md").stdout
    assert "Left out as already read: PPO." in markdown
    html = run("guide", "dpo", "--known", "ppo", "-o", "-", "--format", "html").stdout
    assert "<p>Left out as already read: PPO.</p>" in html
    plain = run("guide", "dpo", "-o", "-", "--format", "md").stdout
    assert "Left out" not in plain
