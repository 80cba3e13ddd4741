"""Counts with the right singular or plural noun."""


def count_noun(count: int, noun: str, plural: str | None = None) -> str:
    """Return ``1 paper`` or ``3 papers``.

    >>> count_noun(1, "paper"), count_noun(0, "topic")
    ('1 paper', '0 topics')
    """
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
