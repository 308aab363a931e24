"""Partners and commitments as CSV (for Dutch Excel) and XLSX, safe against formula injection."""

import csv
import datetime
import io
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# A spreadsheet reads a cell starting with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_text(value) -> str:
    """Text as a spreadsheet shows it, never as a formula: a risky start gets an apostrophe."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def local_date(moment: datetime.datetime | None) -> datetime.date | None:
    """The date of a stored moment as it was in the Netherlands (a moment is kept in UTC:
    ``moment.date()`` gives the day before for anything between midnight and two)."""
    return timezone.localdate(moment) if moment is not None else None


def _cell(value, *, decimal_comma=False):
    """Numbers and dates stay what they are; everything else becomes safe text. A moment is
    written in Dutch time (Europe/Amsterdam), never in the UTC it is stored in."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            # A spreadsheet knows no time zones: the local time without one.
            value = timezone.make_naive(value)
        return value.strftime("%Y-%m-%d %H:%M") if decimal_comma else value
    if isinstance(value, bool):
        return safe_text(_("yes") if value else _("no"))
    if isinstance(value, int | Decimal):
        if decimal_comma:  # Dutch Excel reads "12,5" as a number
            return str(value).replace(".", ",")
        return value
    if isinstance(value, datetime.date):
        return value.isoformat() if decimal_comma else value
    return safe_text(value)


def partner_table(organisaties):
    header = [
        _("Name"),
        _("Kind"),
        _("Domain"),
        _("Contact person"),
        _("Contact person's e-mail"),
        _("Core group"),
    ]
    rows = [
        [
            o.naam,
            o.get_soort_display(),
            o.get_domein_display(),
            o.contactpersoon_display,
            o.contactpersoon.user.email if o.contactpersoon_id else o.contactpersoon_email,
            ", ".join(str(k) for k in o.kerngroepleden.all()),
        ]
        for o in organisaties
    ]
    return header, rows


def commitment_table(commitments):
    header = [
        _("Proeftuin"),
        _("Organisation"),
        _("Kind"),
        _("Description"),
        _("Hours per year"),
        _("Amount (euro)"),
        _("Status"),
        _("Promised on"),
        _("Expected by"),
        _("Delivered on"),
        _("Reason for withdrawal"),
        _("Mandate given by"),
        _("Function"),
        _("Who benefits"),
        _("What the benefit is"),
    ]
    rows = [
        [
            c.proeftuin.naam,
            c.organisatie.naam if c.organisatie_id else _("the gemeente"),
            c.get_soort_display(),
            c.omschrijving,
            c.uren_per_jaar,
            c.bedrag,
            c.get_status_display(),
            c.toegezegd_op,
            c.verwacht_op,
            c.geleverd_op,
            c.reden_ingetrokken,
            c.mandaat_door,
            c.mandaat_functie,
            ", ".join(o.naam for o in c.baathebbers.all()),
            c.baat_omschrijving,
        ]
        for c in commitments
    ]
    return header, rows


def filename(gemeente, subject, extension):
    """An ASCII name without surprises: gemeente, subject and date."""
    stem = slugify(f"{gemeente.slug}-{subject}-{timezone.localdate().isoformat()}") or "export"
    return f"{stem}.{extension}"


def csv_response(header, rows, *, name):
    """Semicolons and a UTF-8 byte order mark, as Dutch Excel expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([safe_text(h) for h in header])
    for row in rows:
        writer.writerow(["" if v is None else _cell(v, decimal_comma=True) for v in row])
    response = HttpResponse(
        ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    return _as_attachment(response, name)


def xlsx_response(header, rows, *, name, title):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([_xlsx(h) for h in header])
    for row in rows:
        sheet.append([_xlsx(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _as_attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE), name)


def _xlsx(value):
    if value is None:
        return None
    value = _cell(value)
    if isinstance(value, str):
        # Control characters make openpyxl refuse the whole sheet.
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _as_attachment(response, name):
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
