"""Exports of actions, updates and metingen as CSV (Dutch Excel) and XLSX."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from gemeenten import exports
from gemeenten.audit import Actie, audit

from .. import metingen_csv
from ..models import ActieOrganisatie, Meting, Verbeteractie, Voortgang


def _acties_table():
    rows = (
        Verbeteractie.objects.levend()
        .select_related("proeftuin", "eigenaar__user", "eigenaar__organisatie")
        .prefetch_related(
            "succesfactoren",
            Prefetch(
                "betrokkenheden", queryset=ActieOrganisatie.objects.select_related("organisatie")
            ),
        )
    )
    header = [
        _("Proeftuin"),
        _("Title"),
        _("Status"),
        _("Reason for stopping"),
        _("Owner"),
        _("Owner's organisation"),
        _("Start"),
        _("End"),
        _("Bottleneck categories"),
        _("Success factors"),
        _("Organisations involved"),
        _("Who invests"),
        _("Who benefits"),
        _("Description"),
        _("Reason"),
        _("Intended effect"),
    ]

    def names(orgs):
        return ", ".join(o.naam for o in orgs)

    table = [
        [
            a.proeftuin.naam,
            a.titel,
            a.get_status_display(),
            a.reden_gestopt,
            str(a.eigenaar.user) if a.eigenaar_id else "",
            str(a.eigenaar.organisatie or "") if a.eigenaar_id else "",
            a.start,
            a.eind,
            ", ".join(str(c) for c in a.categorie_labels),
            ", ".join(s.naam for s in a.succesfactoren.all()),
            names(a.betrokken),
            names(a.investeerders),
            names(a.baathebbers),
            a.beschrijving,
            a.aanleiding,
            a.beoogd_effect,
        ]
        for a in rows
    ]
    return header, table, _("Improvement actions"), "verbeteracties", Verbeteractie


def _updates_table():
    rows = (
        Voortgang.objects.filter(actie__deleted_at__isnull=True)
        .select_related("actie", "by")
        .order_by("actie__titel", "datum", "pk")
    )
    header = [_("Improvement action"), _("Date"), _("Status light"), _("What happened"), _("By")]
    table = [
        [u.actie.titel, u.datum, u.get_licht_display(), u.tekst, str(u.by or "")] for u in rows
    ]
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
