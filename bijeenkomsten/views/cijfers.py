"""The attendance figures of a proeftuin, as charts with tables."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gemeenten.access import chosen_proeftuin, require_perm
from kern.charts import horizontal_bars

from .. import cijfers


def _label(row):
    b = row.bijeenkomst
    return f"{date_format(timezone.localdate(b.begin), 'j b Y')} {b.titel}"[:40]


def cijfers_view(request, gemeente_slug):
    require_perm(request, "bijeenkomsten.view")
    proeftuin, proeftuinen = chosen_proeftuin(request, strict=True)
    context = {"proeftuin": proeftuin, "proeftuinen": proeftuinen}
    if proeftuin is not None:
        rows = cijfers.aanwezigheid(proeftuin)
        uren = cijfers.uren_per_organisatie(proeftuin, rows)
        domeinen = sorted({k for r in rows for k in r.per_domein}, key=lambda v: (v == "", v))
        disciplines = sorted(
            {k for r in rows for k in r.per_discipline}, key=lambda v: (v == "", v)
        )
        context.update(
            rows=rows,
            uren=uren,
            per_bijeenkomst=horizontal_bars(
                title=_("Attendance per meeting"),
                series=[_("Members"), _("Guests")],
                rows=[(_label(r), [r.leden, r.gasten]) for r in rows],
            )
            if rows
            else "",
            per_domein=horizontal_bars(
                title=_("Attendance per domain over time"),
                series=[cijfers.domein_label(d) for d in domeinen],
                rows=[(_label(r), [r.per_domein.get(d, 0) for d in domeinen]) for r in rows],
            )
            if rows
            else "",
            # Disciplines are many: the chart shows the totals, the table each meeting.
            per_discipline=horizontal_bars(
                title=_("Attendance per discipline"),
                series=[_("Attendances")],
                rows=[
                    (
                        cijfers.discipline_label(d),
                        [sum(r.per_discipline.get(d, 0) for r in rows)],
                    )
                    for d in disciplines
                ],
            )
            if rows
            else "",
            disciplines=[cijfers.discipline_label(d) for d in disciplines],
            discipline_rows=[
                (_label(r), [r.per_discipline.get(d, 0) for d in disciplines]) for r in rows
            ],
            uren_chart=horizontal_bars(
                title=_("Hours invested by attending, next to hours committed per year"),
                series=[_("Invested"), _("Committed")],
                rows=[(u.organisatie[:40], [u.geinvesteerd, u.toegezegd]) for u in uren],
                unit=_("hours"),
            )
            if uren
            else "",
        )
    return render(request, "bijeenkomsten/cijfers.html", context)
