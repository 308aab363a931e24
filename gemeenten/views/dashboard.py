"""The home page (one's own gemeenten) and the dashboard of one gemeente."""

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from kern import data_version
from kern.charts import horizontal_bars

from .. import checklist
from ..access import chosen_proeftuin
from ..kostenbaten import kosten_en_baten
from ..models import Commitment, Domein, Fase, Kengetal, Lidmaatschap, Organisatie, Proeftuin


@login_required
def home(request):
    """The user's gemeenten with their proeftuinen (runs in the scope of the user's gemeenten)."""
    proeftuinen = {}
    for proeftuin in Proeftuin.objects.lopend().order_by("-start"):
        proeftuinen.setdefault(proeftuin.gemeente_id, []).append(proeftuin)
    rows = [
        {"lidmaatschap": m, "proeftuinen": proeftuinen.get(m.gemeente_id, [])}
        for m in request.lidmaatschappen
    ]
    return render(request, "gemeenten/home.html", {"rows": rows})


def detail(request, gemeente_slug):
    """The dashboard: where the proeftuin stands, partners, commitments, investments."""
    proeftuinen = list(Proeftuin.objects.select_related("gemeente").order_by("-start"))
    proeftuin, _ = chosen_proeftuin(request, proeftuinen, strict=True)
    context = {"proeftuin": proeftuin, "proeftuinen": proeftuinen, "fases": Fase.choices}
    # The figures and the checklist from the cache while nothing changed in the gemeente (one
    # entry): the page is read far more often than its data changes (issue 9).
    context.update(
        data_version.cached(
            request.gemeente.pk,
            f"dashboard:{proeftuin.pk if proeftuin else 0}",
            lambda: figures(proeftuin),
        )
    )
    if proeftuin is not None:
        context["voortgang"] = year_progress(proeftuin)
    return render(request, "gemeenten/detail.html", context)


def figures(proeftuin):
    """The dashboard's figures and checklist of the gemeente and of ``proeftuin`` (None: the
    gemeente's alone)."""
    result = {
        "kengetallen": sorted(
            Kengetal.objects.all(), key=lambda k: list(Kengetal.Soort.values).index(k.soort)
        ),
        "aantal_leden": Lidmaatschap.objects.count(),
        **partner_figures(),
    }
    if proeftuin is not None:
        result.update(commitment_figures(proeftuin))
        result["kosten_baten_charts"] = kosten_baten_charts(proeftuin)
        result["checklist"], result["attention"] = checklist.computed([proeftuin.pk])[proeftuin.pk]
    return result


def year_progress(proeftuin, today=None):
    """How far the proeftuin's year has come, in percent (0–100)."""
    today = today or timezone.localdate()
    total = (proeftuin.eind - proeftuin.start).days or 1
    passed = (min(max(today, proeftuin.start), proeftuin.eind) - proeftuin.start).days
    return round(100 * passed / total)


def partner_figures():
    """Partners by domain: the balance between zorg and sociaal domein."""
    zonder = Q(contactpersoon__isnull=True, contactpersoon_naam="")
    per_domein = list(
        Organisatie.objects.values_list("domein").annotate(
            n=Count("id"), zonder=Count("id", filter=zonder)
        )
    )
    counts = {domein: n for domein, n, _zonder in per_domein}
    zonder_contact = sum(n for _domein, _n, n in per_domein)
    rows = [(label, [counts.get(value, 0)]) for value, label in Domein.choices]
    return {
        "aantal_partners": sum(counts.values()),
        "partners_zonder_contactpersoon": zonder_contact,
        "partners_chart": horizontal_bars(
            title=_("Partners by domain"), series=[_("Partners")], rows=rows
        ),
    }


def commitment_figures(proeftuin):
    """Commitments of the proeftuin: delivered against promised, in numbers, hours and euro."""
    qs = Commitment.objects.filter(proeftuin=proeftuin)
    promised = ~Q(status=Commitment.Status.INGETROKKEN)
    delivered = Q(status=Commitment.Status.GELEVERD)
    totals = qs.aggregate(
        aantal=Count("id", filter=promised),
        aantal_geleverd=Count("id", filter=delivered),
        uren=Sum("uren_per_jaar", filter=promised),
        uren_geleverd=Sum("uren_per_jaar", filter=delivered),
        euro=Sum("bedrag", filter=promised),
        euro_geleverd=Sum("bedrag", filter=delivered),
        ingetrokken=Count("id", filter=Q(status=Commitment.Status.INGETROKKEN)),
        overdue=Count(
            "id",
            filter=Q(status=Commitment.Status.TOEGEZEGD, verwacht_op__lt=timezone.localdate()),
        ),
        mandaat=Count("id", filter=promised & Q(soort=Commitment.Soort.MANDAAT)),
    )
    totals = {k: v if v is not None else Decimal(0) for k, v in totals.items()}
    chart = horizontal_bars(
        title=_("Hours: delivered against promised"),
        series=[_("Promised"), _("Delivered")],
        rows=[(_("Hours per year"), [totals["uren"], totals["uren_geleverd"]])],
    )
    euro_chart = horizontal_bars(
        title=_("Money: delivered against promised"),
        series=[_("Promised"), _("Delivered")],
        rows=[(_("Euro"), [totals["euro"], totals["euro_geleverd"]])],
        prefix="€ ",
    )
    return {"commitments": totals, "commitments_chart": chart, "euro_chart": euro_chart}


def kosten_baten_charts(proeftuin):
    """Per partner what it invests (hours, euro) and how many commitments it benefits from.

    Separate charts, since hours, euro and counts do not share a scale.
    """
    rows = kosten_en_baten(proeftuin)
    charts = []
    for attribute, title, prefix in (
        ("uren", _("Hours per year invested"), ""),
        ("euro", _("Money invested"), "€ "),
        ("baten", _("Commitments the partner benefits from"), ""),
    ):
        shown = [(row.naam, [getattr(row, attribute)]) for row in rows if getattr(row, attribute)]
        if shown:
            charts.append(horizontal_bars(title=title, series=[title], rows=shown, prefix=prefix))
    return charts
