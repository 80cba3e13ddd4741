"""Rendering of reading orders: Markdown escaping, golden output, text and JSON."""

import json
from pathlib import Path

from conftest import TOPICS_YAML, paper_yaml
from markdown_it import MarkdownIt

from paperpath.catalog import load_catalog
from paperpath.plan import plan_reading_order
from paperpath.render.escape import escape_markdown, escape_url
from paperpath.render.reading_order import render_reading_order

GOLDEN = Path(__file__).parent / "golden"

HOSTILE_TITLE = "'Pipes | <script>alert(1)</script> `code` [link](http://x) *bold*'"


def render(folder, targets, output_format="markdown", known=()):
    catalog = load_catalog(folder).catalog
    return render_reading_order(catalog, plan_reading_order(catalog, targets, known), output_format)


def test_render_markdown_matches_golden(small_catalog):
    assert render(small_catalog, ["dpo"]) == (GOLDEN / "small-dpo.md").read_text(encoding="utf-8")


def test_render_markdown_known_papers_listed(small_catalog):
    text = render(small_catalog, ["dpo"], known=["ppo"])
    assert "Left out as already read: `ppo`." in text
    assert "`rl`" not in text


def test_render_markdown_hostile_title_stays_text(write_catalog):
    folder = write_catalog(
        {
            "topics.yaml": TOPICS_YAML,
            "papers.yaml": "papers:\n"
            + paper_yaml(
                "evil",
                status="foundational",
                title=HOSTILE_TITLE,
                summary="'<img src=x onerror=alert(1)>'",
            ),
        }
    )
    text = render(folder, ["evil"])
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert html.count("<code>") == 1  # only the paper id, not the backticks in the title
    assert html.count("<a href=") == 1  # only the paper's own link
    assert "<strong>bold</strong>" not in html.replace("<strong><a", "")


def test_escape_markdown_pipes_and_newlines():
    assert escape_markdown("a | b\nc") == "a \\| b c"
    assert escape_markdown("x_y*z`w") == "x\\_y\\*z\\`w"


def test_escape_url_keeps_link_closed():
    assert escape_url("https://e.org/a b)c") == "https://e.org/a%20b%29c"


def test_render_text_lists_reasons(small_catalog):
    text = render(small_catalog, ["dpo"], "text")
    lines = text.splitlines()
    assert lines[0] == "Reading order for DPO"
    assert "- needed for 5. DPO: DPO removes the reward model." in text
    assert lines[-1] == "5 papers, 2 h 30 min of reading."


def test_render_json_structure(small_catalog):
    data = json.loads(render(small_catalog, ["dpo"], "json"))
    assert [paper["id"] for paper in data["papers"]] == ["rl", "ppo", "lm", "rlhf", "dpo"]
    assert data["total_minutes"] == 150
    assert data["papers"][-1]["reasons"] == [{"target": True, "topic": None}]
    assert data["papers"][1]["reasons"] == [
        {"needed_for": "rlhf", "position": 4, "reason": "The RL stage uses PPO."}
    ]


def test_render_topic_target_reason(small_catalog):
    text = render(small_catalog, ["alignment"])
    assert "Why: in the topic *Alignment* that you asked for." in text


def test_render_uncurated_paper_time_not_estimated(write_catalog):
    entry = (
        "  - id: bare\n    title: Bare Paper\n    url: https://example.org/bare\n"
        "    status: foundational\n    topics: [alignment]\n"
    )
    folder = write_catalog({"topics.yaml": TOPICS_YAML, "papers.yaml": "papers:\n" + entry})
    markdown = render(folder, ["bare"])
    assert "1 paper, about 0 min of reading (1 without an estimate)." in markdown
    assert "(n.d.) · foundational · time not estimated · `bare`" in markdown
    text = render(folder, ["bare"], "text")
    assert "1 paper, 0 min of reading (1 without an estimate)." in text


def test_with_year_skips_year_already_in_name():
    from paperpath.render.labels import with_year

    assert with_year("Ziegler et al. 2019", 2019) == "Ziegler et al. 2019"
    assert with_year("DPO", 2023) == "DPO, 2023"
    assert with_year("Flan 2022", 2210) == "Flan 2022, 2210"
    assert with_year("Untitled", None) == "Untitled, n.d."


def test_render_text_alias_with_year_printed_once(bundled):
    order = plan_reading_order(bundled, ["dpo"])
    text = render_reading_order(bundled, order, "text")
    assert "(Ziegler et al. 2019, foundational" in text
    assert "2019, 2019" not in text
