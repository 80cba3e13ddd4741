"""Study-guide PDF speed: paperpath's whole guide beside WeasyPrint alone on the same HTML."""

from __future__ import annotations

from timing import compare, line, timed

from paperpath.catalog import Catalog
from paperpath.graph import prerequisite_graph
from paperpath.plan import plan_reading_order
from paperpath.render.guide import render_guide_html
from paperpath.render.pdf import render_pdf
from paperpath.resources import bundled_catalog_dir, templates_dir

# Three topics of the bundled catalog that together select 164 papers.
GUIDE_TARGETS = ("rl-for-llms", "test-time-scaling", "benchmarks")
# paperpath's time may exceed WeasyPrint's by at most this share.
OVERHEAD_LIMIT = 0.30


def guide_figure(catalog: Catalog, runs: int) -> None:
    """Print the time of plan, HTML and sandboxed PDF beside WeasyPrint's write_pdf alone."""
    import weasyprint

    def ours() -> bytes:
        graph = prerequisite_graph(catalog)
        order = plan_reading_order(catalog, GUIDE_TARGETS, graph=graph)
        html = render_guide_html(catalog, graph, order)
        allowed = [templates_dir(), bundled_catalog_dir()]
        return render_pdf(html, allowed, warn=lambda message: None)

    graph = prerequisite_graph(catalog)
    order = plan_reading_order(catalog, GUIDE_TARGETS, graph=graph)
    html = render_guide_html(catalog, graph, order)

    def weasyprint_alone() -> bytes:
        return weasyprint.HTML(string=html).write_pdf()

    ours()  # loads fonts and WeasyPrint's modules; not counted
    pair = compare(lambda: timed(ours), lambda: timed(weasyprint_alone), runs)
    overhead = pair.ratio - 1
    verdict = "holds" if overhead < OVERHEAD_LIMIT else "MISSED"
    name = f"guide PDF, {len(order.entries)} papers ({' + '.join(GUIDE_TARGETS)})"
    print(
        line(name, pair, "baseline: WeasyPrint alone")
        + f"\n{'':4}overhead {overhead:+.1%}   target < {OVERHEAD_LIMIT:.0%}: {verdict}"
    )
