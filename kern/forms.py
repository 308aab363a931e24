"""Shared form fields: numbers as Dutch people type them."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

# A space, a no-break space (what a copied figure from CBS or Excel often holds), a narrow
# no-break space and a thin space all group thousands.
_SPACES = re.compile("[ \u00a0\u202f\u2009]")
# The integer part: plain digits, or groups of three after a point or after a space (never both).
_GROUPED = re.compile(r"(\d+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+)(?:,(\d+))?")
# A point as the decimal mark (12.5), as a number comes out of an English spreadsheet; 58.700
# matches _GROUPED first and is fifty-eight thousand seven hundred, as in Dutch.
_POINT_DECIMAL = re.compile(r"(\d+)\.(\d+)")


def parse_number(text: str) -> Decimal:
    """The number a Dutch writer means: ``58.700``, ``58 700`` and ``58700`` are 58700; ``1,5`` is
    one and a half. Raises ``ValueError`` for anything else (letters, ``1e5``, ``12.34.5``)."""
    value = _SPACES.sub(" ", text.strip())
    sign = ""
    if value[:1] in ("-", "\u2212"):  # a hyphen or a minus sign
        sign, value = "-", value[1:].lstrip()
    if match := _GROUPED.fullmatch(value):
        whole, fraction = re.sub(r"[. ]", "", match[1]), match[2]
    elif match := _POINT_DECIMAL.fullmatch(value):
        whole, fraction = match[1], match[2]
    else:
        raise ValueError(f"not a number: {text!r}")
    try:
        return Decimal(f"{sign}{whole}.{fraction or 0}")
    except InvalidOperation as error:  # pragma: no cover - the patterns admit digits only
        raise ValueError(f"not a number: {text!r}") from error


class DutchNumberField(forms.DecimalField):
    """A number typed the Dutch way (see ``parse_number``) in a text box: a browser's number
    box refuses 58.700 before the server sees it. ``whole=True`` asks for a whole number and
    cleans to an ``int``."""

    default_error_messages = {
        "invalid": _("Enter a number, such as 58.700 or 1,5."),
        "whole": _("Enter a whole number, without a decimal part."),
    }

    def __init__(self, *, whole=False, **kwargs):
        self.whole = whole
        kwargs.setdefault("max_digits", 15)
        kwargs.setdefault("decimal_places", 0 if whole else 2)
        mode = "numeric" if whole else "decimal"
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": mode}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, str):
            try:
                number = parse_number(value)
            except ValueError:
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid"
                ) from None
        else:
            number = Decimal(value)
        if self.whole:
            if number != number.to_integral_value():
                raise forms.ValidationError(self.error_messages["whole"], code="whole")
            return int(number)
        return number

    def validate(self, value):
        super().validate(value if value is None else Decimal(value))

    def run_validators(self, value):
        super().run_validators(value if value is None else Decimal(value))

    def prepare_value(self, value):
        # Shown as it is read back: no grouping (58700), a decimal comma (1,5).
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            return str(value).replace(".", ",")
        return value

    def widget_attrs(self, widget):
        # Not DecimalField's step/min/max: those belong to a number box, which this is not.
        return forms.Field.widget_attrs(self, widget)
