"""Small helpers that build papers in memory for doctests and unit tests."""

from __future__ import annotations

from paperpath.catalog.models import Paper


def make_paper(
    paper_id: str,
    *,
    prerequisites: list[str] | None = None,
    year: int = 2020,
    status: str = "incremental",
    topics: list[str] | None = None,
    aliases: list[str] | None = None,
    reading_minutes: int = 30,
) -> Paper:
    """Return a valid paper with placeholder text fields."""
    return Paper(
        id=paper_id,
        title=f"Paper {paper_id}",
        authors=["A. Author"],
        year=year,
        venue="arXiv preprint",
        url=f"https://example.org/{paper_id}",
        status=status,
        prerequisites=prerequisites or [],
        topics=topics or ["general"],
        aliases=aliases or [],
        summary="A placeholder summary.",
        reading_minutes=reading_minutes,
    )
