"""Exports of actions, updates and metingen as CSV (Dutch Excel) and XLSX."""

from django.utils.translation import gettext as _

from gemeenten import exports
from gemeenten.audit import Actie, audit

from .. import metingen_csv
from ..models import Meting, Verbeteractie, Voortgang
from ..tabellen import acties_tabel, voortgang_tabel


def _acties_table():
    header, table = acties_tabel(Verbeteractie.objects.levend())
    return header, table, _("Improvement actions"), "verbeteracties", Verbeteractie


def _updates_table():
    updates = Voortgang.objects.filter(actie__deleted_at__isnull=True)
    header, table = voortgang_tabel(updates)
    return header, table, _("Progress updates"), "voortgang", Voortgang


def _metingen_table():
    rows = (
        Meting.objects.filter(indicator__actie__deleted_at__isnull=True)
        .select_related("indicator__actie")
        .order_by("indicator__actie__titel", "indicator__pk", "datum")
    )
    return metingen_csv.header(), metingen_csv.table(rows), _("Metingen"), "metingen", Meting


TABLES = {"acties": _acties_table, "voortgang": _updates_table, "metingen": _metingen_table}


def export(request, gemeente_slug, soort, formaat):
    header, table, title, subject, model = TABLES[soort]()
    audit(request, Actie.EXPORT, model)
    name = exports.filename(request.gemeente, subject, formaat)
    if formaat == "xlsx":
        return exports.xlsx_response(header, table, name=name, title=title)
    return exports.csv_response(header, table, name=name)
