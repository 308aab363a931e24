"""Numbers as Dutch people type them (kern.forms)."""

from decimal import Decimal

import pytest
from django import forms

from kern.forms import DutchNumberField, parse_number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("58700", "58700"),
        ("58.700", "58700"),
        ("1.234.567", "1234567"),
        ("58 700", "58700"),
        ("58\u00a0700", "58700"),  # a no-break space, as copied from CBS StatLine
        ("58\u202f700", "58700"),  # a narrow no-break space
        ("1,5", "1.5"),
        ("0,25", "0.25"),
        ("58.700,5", "58700.5"),
        ("58 700,5", "58700.5"),
        ("12.5", "12.5"),  # a point before one or two digits is a decimal point
        ("-3", "-3"),
        ("\u22123,5", "-3.5"),  # a minus sign
        ("  7 ", "7"),
    ],
)
def test_a_number_is_read_as_a_dutch_writer_means_it(text, number):
    assert parse_number(text) == Decimal(number)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "veel",
        "58,7.00",
        "58.70.0",
        "5 87 00",
        "58. 700",
        "1e5",
        "NaN",
        "Infinity",
        ",5",
        "1,",
        "--3",
    ],
)
def test_anything_else_is_not_a_number(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_a_whole_number_field_cleans_to_an_int_and_refuses_a_fraction():
    field = DutchNumberField(whole=True, min_value=0)
    assert field.clean("58.700") == 58_700 and isinstance(field.clean("58.700"), int)
    with pytest.raises(forms.ValidationError) as refused:
        field.clean("1,5")
    assert refused.value.code == "whole"
    with pytest.raises(forms.ValidationError) as refused:
        field.clean("veel")
    assert refused.value.code == "invalid"


def test_the_field_is_a_text_box_that_shows_its_value_as_it_is_read_back():
    field = DutchNumberField()
    assert field.clean("1,5") == Decimal("1.5")
    assert field.prepare_value(Decimal("1.5")) == "1,5"
    assert field.prepare_value(58_700) == "58700"
    assert field.widget.input_type == "text"
    assert field.widget.attrs["inputmode"] == "decimal"
