"""Ids read from a query string (``?proeftuin=12``): only what a database key can be."""

# The largest bigint has 19 digits; int() refuses strings of more than 4,300 digits outright.
MAX_DIGITS = 19


def id_param(request, name) -> int | None:
    """``?name=`` as an id, or None when it is absent or not a plain number of at most 19 ASCII
    digits (Python's isdecimal() also takes "٣", and a 5,000-digit number makes int() raise)."""
    text = request.GET.get(name, "")
    if text.isascii() and text.isdecimal() and len(text) <= MAX_DIGITS:
        return int(text)
    return None
