"""Format reading times."""


def format_minutes(minutes: int | None) -> str:
    """Format minutes as ``45 min``, ``2 h`` or ``9 h 30 min``.

    >>> format_minutes(570)
    '9 h 30 min'
    >>> format_minutes(None)
    'time not estimated'
    """
    if minutes is None:
        return "time not estimated"
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    if not rest:
        return f"{hours} h"
    return f"{hours} h {rest} min"
