"""Metingen as a table: the export, and the upload in the same format, checked row by row."""

import csv
import datetime
import io
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .models import MAX_WAARDE

# The columns of the export and the upload, as English msgids: the header may be in Dutch
# (as exported) or in English.
KOLOMMEN = [
    gettext_noop("Improvement action"),
    gettext_noop("Indicator"),
    gettext_noop("Unit"),
    gettext_noop("Date"),
    gettext_noop("Value"),
    gettext_noop("Note"),
]
MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000


def header():
    return [_(k) for k in KOLOMMEN]


def table(metingen):
    """Rows of the export, for metingen with ``indicator__actie`` selected."""
    return [
        [
            m.indicator.actie.titel,
            m.indicator.naam,
            m.indicator.eenheid,
            m.datum,
            m.waarde,
            m.toelichting,
        ]
        for m in metingen
    ]


def _date(text):
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _number(text):
    text = text.replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite() or abs(value) > MAX_WAARDE:
        return None
    return value.quantize(Decimal("0.01"))


def parse(upload, actie, indicatoren):
    """(rows, errors): rows as (indicator, date, value, note); errors as (line, message).
    Nothing is to be stored when there is any error."""
    if upload.size > MAX_BYTES:
        return [], [(0, _("The file is larger than 1 MB."))]
    raw = upload.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [(0, _("The file is not a CSV file in UTF-8, as the export makes."))]
    if "\x00" in text:
        return [], [(0, _("The file is not a CSV file in UTF-8, as the export makes."))]
    lines = text.splitlines()
    if not lines:
        return [], [(0, _("The file is empty."))]
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        kop = [c.strip().casefold() for c in next(reader)]
    except (StopIteration, csv.Error):
        return [], [(0, _("The file is empty."))]
    expected = [[k.casefold() for k in KOLOMMEN], [h.casefold() for h in header()]]
    if kop not in expected:
        return [], [
            (
                1,
                _("The first line must name the columns: %(kolommen)s.")
                % {"kolommen": "; ".join(header())},
            )
        ]
    by_name = {i.naam.strip().casefold(): i for i in indicatoren}
    rows, errors, seen = [], [], set()
    try:
        for row in reader:
            line = reader.line_num
            if not any(c.strip() for c in row):
                continue
            if len(rows) + len(errors) >= MAX_ROWS:
                errors.append((line, _("More than %(n)s rows; split the file.") % {"n": MAX_ROWS}))
                break
            row_errors = []
            if len(row) != len(KOLOMMEN):
                errors.append(
                    (
                        line,
                        _("Expected %(n)s columns, found %(m)s.")
                        % {"n": len(KOLOMMEN), "m": len(row)},
                    )
                )
                continue
            titel, naam, eenheid, datum_text, waarde_text, toelichting = (c.strip() for c in row)
            titel = titel.lstrip("'")
            if titel and titel.casefold() != actie.titel.strip().casefold():
                row_errors.append(
                    _("this row belongs to another action (%(titel)s)") % {"titel": titel[:80]}
                )
            indicator = by_name.get(naam.lstrip("'").casefold())
            if indicator is None:
                row_errors.append(_("no indicator “%(naam)s” in this action") % {"naam": naam[:80]})
            elif eenheid and eenheid.casefold() != indicator.eenheid.casefold():
                row_errors.append(
                    _("the unit is %(eenheid)s, not %(ander)s")
                    % {"eenheid": indicator.eenheid, "ander": eenheid[:50]}
                )
            datum = _date(datum_text)
            if datum is None:
                row_errors.append(
                    _("“%(text)s” is not a date (use 2026-03-31)") % {"text": datum_text[:40]}
                )
            elif actie.meting_datum_error(datum):  # after the end is allowed, as in the form
                row_errors.append(_("the date lies before the start of the action"))
            waarde = _number(waarde_text)
            if waarde is None:
                row_errors.append(_("“%(text)s” is not a number") % {"text": waarde_text[:40]})
            if len(toelichting) > 300:
                row_errors.append(_("the note is longer than 300 characters"))
            if indicator is not None and datum is not None:
                if (indicator.pk, datum) in seen:
                    row_errors.append(_("this indicator has another row for the same date"))
                seen.add((indicator.pk, datum))
            if row_errors:
                errors.append((line, "; ".join(str(e) for e in row_errors)))
            else:
                rows.append((indicator, datum, waarde, toelichting.lstrip("'")))
    except csv.Error:
        errors.append((reader.line_num, _("This line cannot be read as CSV.")))
    if not rows and not errors:
        errors.append((0, _("The file has no metingen.")))
    return rows, errors
