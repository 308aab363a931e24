"""The tables of the verbeteracties exports (actions and their updates), shared by this app's own
CSV/XLSX exports and the oogst's ZIP of a whole proeftuin."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from .models import ActieOrganisatie


def acties_tabel(acties, *, met_proeftuin=True):
    """(header, rows) of the given actions, one row each, in a fixed number of queries."""
    acties = acties.select_related(
        "proeftuin", "eigenaar__user", "eigenaar__organisatie"
    ).prefetch_related(
        "succesfactoren",
        Prefetch("betrokkenheden", queryset=ActieOrganisatie.objects.select_related("organisatie")),
    )
    header = [
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
        for a in acties
    ]
    if met_proeftuin:
        header = [_("Proeftuin"), *header]
        table = [[a.proeftuin.naam, *row] for a, row in zip(acties, table, strict=True)]
    return header, table


def voortgang_tabel(updates):
    """(header, rows) of the given progress updates, by action and date."""
    updates = updates.select_related("actie", "by").order_by("actie__titel", "datum", "pk")
    header = [_("Improvement action"), _("Date"), _("Status light"), _("What happened"), _("By")]
    table = [
        [u.actie.titel, u.datum, u.get_licht_display(), u.tekst, str(u.by or "")] for u in updates
    ]
    return header, table
