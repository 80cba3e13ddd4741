"""The awesome-list importer on small lists written for each entry format."""

import textwrap

from paperpath.importers.dedupe import merge_duplicates
from paperpath.importers.markdown_list import parse_awesome_list


def parse(markdown):
    parsed = parse_awesome_list(textwrap.dedent(markdown), "default")
    return parsed, merge_duplicates(parsed.entries)


def by_title(papers):
    return {paper.title: paper for paper in papers}


def test_import_bullets_with_badges():
    parsed, papers = parse("""\
        # My list

        ## Policy Optimization

        * Proximal Policy Optimization Algorithms [[Paper]](https://arxiv.org/abs/1707.06347v2) ![](https://img.shields.io/badge/arXiv-2017.07-red)
        * MR-Ben: A Meta-Reasoning Benchmark [[Paper]](https://openreview.net/forum?id=GN2qbxZlni) ![](https://img.shields.io/badge/NeurIPS-2024-blue)
        * Agents Thinking Fast and Slow [[Paper]](https://openreview.net/forum?id=xPhcP6rbI4) ![](https://img.shields.io/badge/NeurIPS_WorkShop-2024-blue)
        """)
    assert parsed.title == "My list"
    ppo, mrben, agents = papers
    assert ppo.title == "Proximal Policy Optimization Algorithms"
    assert ppo.arxiv == "1707.06347"
    assert ppo.url == "https://arxiv.org/abs/1707.06347"
    assert (ppo.year, ppo.month, ppo.venue) == (2017, 7, "arXiv preprint")
    assert ppo.topics == ["policy-optimization"]
    assert mrben.arxiv is None
    assert (mrben.year, mrben.venue) == (2024, "NeurIPS 2024")
    assert agents.venue == "NeurIPS Workshop 2024"


def test_import_table_columns_from_header():
    parsed, papers = parse("""\
        ## Survey

        | Title | Publication Date | Link | Code |
        |---|---|---|---|
        | A Survey on Post-training of Large Language Models | 8 Mar 2025 | [Arxiv](https://arxiv.org/abs/2503.06072) | |
        | A Survey on Bridging VLMs and Synthetic Data | 16 May 2025 | [OpenReview](https://openreview.net/pdf?id=ThjDCZOljE) | [GitHub](https://github.com/a/b) |
        | Badge Row Paper | ![](https://img.shields.io/badge/ICLR-2024-blue) | [PDF](https://example.org/paper.pdf) | |
        """)
    first, second, third = papers
    assert first.title == "A Survey on Post-training of Large Language Models"
    assert (first.arxiv, first.year, first.month) == ("2503.06072", 2025, 3)
    assert second.url == "https://openreview.net/pdf?id=ThjDCZOljE"
    assert (second.year, second.month) == (2025, 5)
    assert second.code == "https://github.com/a/b"
    assert (third.year, third.venue) == (2024, "ICLR 2024")
    assert all(paper.topics == ["survey"] for paper in papers)


def test_import_table_columns_in_any_order():
    _, papers = parse("""\
        ## Papers

        | Date | Venue | Paper |
        |---|---|---|
        | 2023-05 | NeurIPS | [Direct Preference Optimization](https://arxiv.org/abs/2305.18290) |
        """)
    assert papers[0].title == "Direct Preference Optimization"
    assert papers[0].venue == "NeurIPS"
    assert papers[0].arxiv == "2305.18290"


def test_import_bold_and_quoted_titles_with_authors():
    _, papers = parse("""\
        ## Agents

        - **"AutoGPT: LLMs for Autonomous RL Agents"** - OpenAI (2023) [[Paper](https://arxiv.org/abs/2304.03442)]
        - **Barkour: Benchmarking LLM-Augmented RL** - Wu et al. (2023) [[Paper](https://arxiv.org/abs/2305.12377)]
        - "Quoted Title Here", A. Smith and B. Jones, 2021. [pdf](https://arxiv.org/pdf/2101.00001v3.pdf)
        """)
    autogpt, barkour, quoted = papers
    assert autogpt.title == "AutoGPT: LLMs for Autonomous RL Agents"
    assert autogpt.authors == ["OpenAI"]
    assert barkour.title == "Barkour: Benchmarking LLM-Augmented RL"
    assert barkour.authors == ["Wu", "et al."]
    assert quoted.title == "Quoted Title Here"
    assert quoted.authors == ["A. Smith", "B. Jones"]
    assert quoted.arxiv == "2101.00001"


def test_import_link_text_as_title():
    _, papers = parse("""\
        ## Reasoning

        1. [Chain-of-Thought Prompting Elicits Reasoning](https://arxiv.org/abs/2201.11903) - Wei et al., NeurIPS 2022
        2. [Self-Consistency Improves Chain of Thought Reasoning](https://arxiv.org/html/2203.11171v4) - Wang et al.
        """)
    cot, consistency = papers
    assert cot.title == "Chain-of-Thought Prompting Elicits Reasoning"
    assert cot.venue == "NeurIPS 2022"
    assert consistency.arxiv == "2203.11171"


def test_import_nested_list_groups_become_topics():
    parsed, papers = parse("""\
        ## RLHF

        - Reward models
          - Deep reinforcement learning from human preferences [[Paper]](https://arxiv.org/abs/1706.03741)
        - Training language models to follow instructions [[Paper]](https://arxiv.org/abs/2203.02155)
        """)
    assert parsed.topics["reward-models"].parent == "rlhf"
    assert papers[0].topics == ["reward-models"]
    assert papers[1].topics == ["rlhf"]


def test_import_inline_html_entries():
    _, papers = parse("""\
        ## Benchmarks

        * LR<sup>2</sup>Bench: Long-chain Reflective Reasoning [[Paper]](https://arxiv.org/abs/2502.17848)
        * <a href="https://arxiv.org/abs/2501.14249">Humanity's Last Exam</a> <img src="https://img.shields.io/badge/arXiv-2025.01-red">
        * <b>Bold HTML Title</b> <a href="https://aclanthology.org/2023.emnlp-main.507/">paper</a>
        """)
    titles = [paper.title for paper in papers]
    assert titles == [
        "LR2Bench: Long-chain Reflective Reasoning",
        "Humanity's Last Exam",
        "Bold HTML Title",
    ]
    assert papers[1].arxiv == "2501.14249"


def test_import_titles_with_emphasis_and_quotes_cleaned():
    _, papers = parse("""\
        ## Papers

        * Direct *Preference* Optimization [[Paper]](https://arxiv.org/abs/2305.18290)
        * **ReST-MCTS\\*: LLM Self-Training** [[Paper]](https://arxiv.org/abs/2406.03816)
        * “Curly Quoted Title” [[Paper]](https://arxiv.org/abs/2406.00001)
        """)
    assert [paper.title for paper in papers] == [
        "Direct Preference Optimization",
        "ReST-MCTS*: LLM Self-Training",
        "Curly Quoted Title",
    ]


def test_import_duplicates_across_sections_merge():
    _, papers = parse("""\
        ## Process Reward Models

        * PRMBench: A Fine-grained Benchmark. [[Paper]](https://arxiv.org/abs/2501.03124)

        ## Benchmarks

        * PRMBench: A Fine-grained Benchmark [[Paper]](https://arxiv.org/pdf/2501.03124v2)
        * ALPHAZERO-LIKE TREE-SEARCH CAN GUIDE DECODING [[Paper]](https://openreview.net/forum?id=PJfc4x2jXY)
        * Alphazero-like Tree-Search can Guide Decoding [[Paper]](https://openreview.net/forum?id=PJfc4x2jXY)
        """)
    assert len(papers) == 2
    prmbench = papers[0]
    assert prmbench.topics == ["process-reward-models", "benchmarks"]
    assert prmbench.lines == [3, 7]
    assert len(papers[1].lines) == 2


def test_import_duplicate_by_title_fills_arxiv():
    _, papers = parse("""\
        ## A

        * ReST-MCTS: Self-Training [[Paper]](https://openreview.net/forum?id=8rcFOqEud5) ![](https://img.shields.io/badge/NeurIPS-2024-blue)

        ## B

        * ReST-MCTS: Self-Training [[Paper]](https://arxiv.org/abs/2406.03816)
        """)
    assert len(papers) == 1
    assert papers[0].arxiv == "2406.03816"
    assert papers[0].venue == "NeurIPS 2024"
    assert papers[0].topics == ["a", "b"]


def test_import_skips_non_paper_sections():
    parsed, papers = parse("""\
        # Awesome Things

        ## Contents

        | Section | Subsection |
        |---|---|
        | [Papers](#papers) | [Missing](#no-such-section) |

        ## Papers

        * Real Paper [[Paper]](https://arxiv.org/abs/2401.00001)

        ## RL & LLM Fine-Tuning Repositories

        | # | Repository & Link | Description |
        |---|---|---|
        | 1 | [**TRL**](https://github.com/huggingface/trl) | A library |

        ## Tutorials & Courses

        - **Deep RL Bootcamp (Berkeley)** [[Website](https://sites.google.com/view/deep-rl-bootcamp/)]

        ## Citation

        * Cite Us [[Paper]](https://arxiv.org/abs/2502.21321)

        ## License

        [![License](https://img.shields.io/badge/license-MIT-green.svg)](https://opensource.org/licenses/MIT)
        """)
    assert [paper.title for paper in papers] == ["Real Paper"]
    assert [resource.title for resource in parsed.resources] == [
        "TRL",
        "Deep RL Bootcamp (Berkeley)",
    ]
    assert [title for _, title in parsed.skipped_sections] == ["Contents", "Citation", "License"]
    assert [warning.message for warning in parsed.warnings] == [
        "link #no-such-section points at no section of the list"
    ]
    assert parsed.warnings[0].line == 7


def test_import_code_only_entry_is_resource():
    parsed, papers = parse("""\
        ## Papers

        * vLLM [[Code]](https://github.com/vllm-project/vllm)
        """)
    assert papers == []
    assert parsed.resources[0].title == "vLLM"


def test_import_malformed_entries_warned_with_lines():
    parsed, papers = parse("""\
        ## Papers

        * Truncated Id Paper [[Paper]](https://arxiv.org/abs/2502.143) ![](https://img.shields.io/badge/arXiv-2025.02-red)
        * * Doubled Bullet Paper [[Paper]](https://arxiv.org/abs/2406.07394)
        * A Paper Without Any Link
        * Wrong Badge Date [[Paper]](https://arxiv.org/abs/2305.20050) ![](https://img.shields.io/badge/arXiv-2024.05-red)
        """)
    messages = {warning.line: warning.message for warning in parsed.warnings}
    assert "incomplete id '2502.143'" in messages[3]
    assert "doubled list marker" in messages[4]
    assert "entry 'A Paper Without Any Link' has no link; skipped" == messages[5]
    assert "the id encodes 2023.05; using the id's date" in messages[6]
    titles = by_title(papers)
    assert titles["Truncated Id Paper"].arxiv is None
    assert titles["Truncated Id Paper"].year == 2025
    assert titles["Doubled Bullet Paper"].arxiv == "2406.07394"
    assert titles["Wrong Badge Date"].year == 2023
    assert "A Paper Without Any Link" not in titles


def test_import_entries_before_headings_use_default_topic():
    _, papers = parse("""\
        * Lone Paper [[Paper]](https://arxiv.org/abs/2401.00002)
        """)
    assert papers[0].topics == ["default"]


def test_import_garbage_does_not_crash():
    parsed, papers = parse("""\
        ## ]]][[[ (((

        * [](https://arxiv.org/abs/)
        * [[[[Paper]](https://arxiv.org/abs/2401.0)
        | broken | table
        |---|
        | [x]( | y |
        <ul><li><a href="https://arxiv.org/abs/2401.00003">HTML Block Paper</a></li></ul>
        """)
    assert [paper.title for paper in papers] == ["HTML Block Paper"]
    assert parsed.warnings


def test_import_progress_reports_token_positions():
    markdown = "## Papers\n\n" + "".join(
        f"* Paper number {index} [[Paper]](https://arxiv.org/abs/2401.{index:05d})\n"
        for index in range(1, 400)
    )
    positions = []
    parsed = parse_awesome_list(markdown, "default", positions.append)
    assert len(parsed.entries) == 399
    assert positions[0] == 0
    assert positions == sorted(positions)
    assert len(positions) >= 3


def test_import_loose_items_with_backtick_venue():
    _, papers = parse("""\
        ## Prompting

        1. **Chain of Thought Prompting Elicits Reasoning in Large Language Models.** `NeurIPS 2022`

           *Jason Wei, Xuezhi Wang, et al.* [[Paper](https://arxiv.org/abs/2201.11903)] [[Code](https://github.com/a/b)], 2022.1
        """)
    assert len(papers) == 1
    paper = papers[0]
    assert paper.title == "Chain of Thought Prompting Elicits Reasoning in Large Language Models"
    assert (paper.arxiv, paper.venue, paper.code) == (
        "2201.11903",
        "NeurIPS 2022",
        "https://github.com/a/b",
    )


def test_import_date_prefix_and_italic_authors():
    _, papers = parse("""\
        ## Agents

        - [2023/07] **WebArena: A Realistic Web Environment.** *Shuyan Zhou (CMU) et al. arXiv.* [[paper](https://arxiv.org/abs/2307.13854)]
        - [2023/08] **A Blog-Only Agent.** *Jane Doe et al.* [[paper](https://example.org/agent)]
        - [OpenAI] [ChatGPT: Optimizing Language Models for Dialogue](https://openai.com/blog/chatgpt)
        """)
    webarena, blog, chatgpt = papers
    assert webarena.title == "WebArena: A Realistic Web Environment"
    assert webarena.authors == ["Shuyan Zhou", "et al."]
    assert (blog.year, blog.month) == (2023, 8)
    assert chatgpt.title == "ChatGPT: Optimizing Language Models for Dialogue"
    assert chatgpt.url == "https://openai.com/blog/chatgpt"


def test_import_numbered_reference_citations():
    _, papers = parse("""\
        ## Deep Learning History

        **[1]** LeCun, Yann, and Geoffrey Hinton. "**Deep learning**." Nature 521.7553 (2015). [[pdf]](http://example.org/deep.pdf)

        **[2]** Hinton, Geoffrey. "**A fast learning algorithm for deep belief nets**." Neural computation (2006). [[pdf]](http://example.org/dbn.pdf)
        """)
    assert [paper.title for paper in papers] == [
        "Deep learning",
        "A fast learning algorithm for deep belief nets",
    ]
    assert papers[0].year == 2015
    assert papers[0].venue == "Nature 2015"


def test_import_detail_sub_items_attach_to_parent():
    parsed, papers = parse("""\
        ## Reward Modelling

        - [On Diversified Preferences of Large Language Model Alignment](https://arxiv.org/pdf/2312.07401.pdf)
          - Dun Zeng, Yong Dai, Pengyu Cheng
          - Keyword: Aligning, LLM, Reward modeling
          - Code: [official](https://github.com/dunzeng/MORE)
        - A title with its link below
          - https://arxiv.org/abs/2301.00303
        """)
    first, second = papers
    assert first.authors == ["Dun Zeng", "Yong Dai", "Pengyu Cheng"]
    assert first.code == "https://github.com/dunzeng/MORE"
    assert second.title == "A title with its link below"
    assert second.arxiv == "2301.00303"
    assert parsed.warnings == []
    assert parsed.resources == []


def test_import_table_prefers_paper_column_over_name():
    _, papers = parse("""\
        ## Benchmarks

        | Name | Paper | Link |
        |---|---|---|
        | **VQAv2-IDK** | [Visually Dehallucinative Instruction Generation](https://arxiv.org/pdf/2402.09717.pdf) | [Link](https://github.com/a/b) |
        | **Model** | [PDF](https://arxiv.org/abs/2402.00001) | |
        """)
    assert [paper.title for paper in papers] == [
        "Visually Dehallucinative Instruction Generation",
        "Model",
    ]


def test_import_html_headings_and_anchor_only_contents():
    parsed, papers = parse("""\
        <a name="readme-top"></a>

        - [Survey](#survey)
        - [Techniques](#ltechnique)

        <h2 id="survey">Survey</h2>

        * Reasoning Survey Paper [[Paper]](https://arxiv.org/abs/2212.09597)

        <h2 id="ltechnique">Techniques</h2>

        * Technique Paper [[Paper]](https://arxiv.org/abs/2201.11903)

        <p align="right">(<a href="#readme-top">back to top</a>)</p>
        """)
    assert parsed.warnings == []
    assert [paper.topics for paper in papers] == [["survey"], ["techniques"]]


def test_import_arxiv_link_variants():
    _, papers = parse("""\
        ## Papers

        * Browse Host Paper [[Paper]](https://browse.arxiv.org/pdf/2402.00782)
        * DOI Paper [[Paper]](https://doi.org/10.48550/arXiv.2307.02502)
        * Embedded PDF Paper [[Paper]](https://arxiv.org/pdf/1112.6209.pdf&embed)
        """)
    assert [paper.arxiv for paper in papers] == ["2402.00782", "2307.02502", "1112.6209"]


def test_import_non_web_link_warned():
    parsed, papers = parse("""\
        ## Papers

        * Placeholder Link Paper [[paper](xx)] [[Paper]](https://arxiv.org/abs/2401.00004)
        """)
    assert papers[0].arxiv == "2401.00004"
    assert [warning.message for warning in parsed.warnings] == [
        "link 'xx' is not a web address; ignored"
    ]


def test_import_same_arxiv_different_titles_recorded():
    _, papers = parse("""\
        ## Agents

        * Generative Agents [[Paper]](https://arxiv.org/abs/2304.03442)
        * AgentSims: An Open-Source Sandbox [[Paper]](https://arxiv.org/abs/2304.03442)
        """)
    assert len(papers) == 1
    assert papers[0].other_titles == [(4, "AgentSims: An Open-Source Sandbox")]


def test_import_short_titles_do_not_merge():
    _, papers = parse("""\
        ## Models

        * [T5](https://arxiv.org/abs/1910.10683)

        ## Other

        * [T5](https://example.org/another-t5)
        """)
    assert len(papers) == 2
