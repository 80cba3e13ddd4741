"""Choose catalog ids for imported papers and topics."""

from __future__ import annotations

from paperpath.importers.sections import slugify

_MAX_WORDS = 5
# Words that carry no meaning in an id built from a title's first words.
_STOP_WORDS = {"a", "an", "the", "on", "of", "for", "to", "in", "and", "with", "via", "by", "is"}


def paper_id_for(title: str, year: int | None, taken: set[str]) -> str:
    """Return an unused id for a paper: its short name before a colon, or its first words.

    ``DeepSeek-R1: Incentivizing ...`` becomes ``deepseek-r1``; a title
    without a short name becomes its first five words that are not stop
    words. A taken id gets the
    year appended, then a counter.
    """
    head, colon, _ = title.partition(":")
    if colon and len(head) <= 32 and len(head.split()) <= 4 and slugify(head):
        base = slugify(head)
    else:
        words = [slugify(word) for word in title.split() if word.casefold() not in _STOP_WORDS]
        words = [word for word in "-".join(words).split("-") if word]
        base = "-".join(words[:_MAX_WORDS]) or "paper"
    candidates = [base]
    if year is not None:
        candidates.append(f"{base}-{year}")
    for candidate in candidates:
        if candidate not in taken:
            return candidate
    counter = 2
    while f"{base}-{counter}" in taken:
        counter += 1
    return f"{base}-{counter}"
