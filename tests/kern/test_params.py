"""Ids from a query string: a database key or nothing, never an exception."""

import pytest
from django.test import RequestFactory

from kern.params import id_param


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),
        ("0012", 12),
        (str(2**63 - 1), 2**63 - 1),
        ("", None),
        ("x", None),
        ("-1", None),
        ("1.5", None),
        ("²", None),
        ("٣", None),  # decimal to Python, not an id in a URL
        ("1" * 20, None),
        ("1" * 5000, None),  # int() would raise
    ],
)
def test_an_id_param_is_a_plain_number_or_none(text, expected):
    request = RequestFactory().get("/", {"proeftuin": text})
    assert id_param(request, "proeftuin") == expected


def test_a_missing_param_is_none():
    assert id_param(RequestFactory().get("/"), "proeftuin") is None
