"""The meetings of a gemeente: list, plan, one meeting, change, cancel, invite, answer, .ics."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gemeenten.access import require_perm
from gemeenten.models import Domein, Lidmaatschap
from kern import fragments, writes
from kern.concurrency import STALE_MESSAGE, StaleEdit

from .. import ics, services
from ..forms import (
    AanmeldenForm,
    AgendapuntForm,
    BijeenkomstForm,
    InbrengForm,
    UitnodigenForm,
)
from ..models import Antwoord, Bijeenkomst, Deelname
from .access import can_manage, get_bijeenkomst


def bijeenkomsten(request, gemeente_slug):
    require_perm(request, "bijeenkomsten.view")
    now = timezone.now()
    rows = Bijeenkomst.objects.select_related("proeftuin").annotate(
        n_ja=Count("deelnames", filter=Q(deelnames__antwoord=Antwoord.JA)),
        n_aanwezig=Count("deelnames", filter=Q(deelnames__aanwezig=True)),
    )
    context = {
        "komend": rows.filter(eind__gt=now).order_by("begin"),
        "voorbij": rows.filter(eind__lte=now).order_by("-begin"),
        "can_manage": can_manage(request),
    }
    return render(request, "bijeenkomsten/list.html", context)


def bijeenkomst_new(request, gemeente_slug):
    require_perm(request, "bijeenkomsten.manage")
    bijeenkomst = Bijeenkomst(gemeente=request.gemeente)
    form = BijeenkomstForm(request.POST if request.method == "POST" else None, instance=bijeenkomst)
    writes.gate_form(form)
    planned = []

    def plan():
        planned.extend(
            services.bijeenkomst_plan(
                bijeenkomst=form.instance,
                by=request.user,
                herhalen=form.cleaned_data.get("herhalen") or 0,
            )
        )

    if request.method == "POST" and form.is_valid() and writes.saved(form, plan):
        if bijeenkomst.achteraf_vastgelegd:
            messages.success(
                request,
                _(
                    "The meeting has been recorded afterwards: add who was there and the "
                    "minutes below."
                ),
            )
        elif len(planned) > 1:
            messages.success(request, _("%(n)d meetings have been planned.") % {"n": len(planned)})
        else:
            messages.success(request, _("The meeting has been planned."))
        return redirect(bijeenkomst.get_absolute_url())
    return render(
        request,
        "bijeenkomsten/form.html",
        {"form": form, "bijeenkomst": bijeenkomst},
        status=400 if form.errors else 200,
    )


def bijeenkomst_edit(request, gemeente_slug, pk):
    bijeenkomst = get_bijeenkomst(request, pk, "bijeenkomsten.manage")
    if bijeenkomst.is_geannuleerd:
        messages.error(request, _("This meeting has been cancelled."))
        return redirect(bijeenkomst.get_absolute_url())
    before = services.before_change(bijeenkomst)
    form = BijeenkomstForm(request.POST if request.method == "POST" else None, instance=bijeenkomst)
    writes.gate_form(form)
    update = []

    def change():
        update.append(
            services.bijeenkomst_change(
                bijeenkomst=form.instance,
                before=before,
                by=request.user,
                expected_version=form.cleaned_data.get("version") or 1,
            )
        )

    if request.method == "POST" and form.is_valid():
        try:
            done = writes.saved(form, change)
        except StaleEdit:
            form.add_error(None, STALE_MESSAGE)
            done = False
        if done:
            if update[0]:
                messages.success(
                    request, _("The meeting has been changed; the invitees get an update.")
                )
            else:
                messages.success(request, _("The meeting has been changed."))
            return redirect(bijeenkomst.get_absolute_url())
    return render(
        request,
        "bijeenkomsten/form.html",
        {"form": form, "bijeenkomst": bijeenkomst},
        status=400 if form.errors else 200,
    )


def bijeenkomst_cancel(request, gemeente_slug, pk):
    bijeenkomst = get_bijeenkomst(request, pk, "bijeenkomsten.manage")
    if request.method == "POST":
        services.bijeenkomst_cancel(bijeenkomst=bijeenkomst, by=request.user)
        messages.success(
            request, _("The meeting has been cancelled; the invitees get a cancellation.")
        )
        return redirect(bijeenkomst.get_absolute_url())
    return render(request, "bijeenkomsten/cancel.html", {"bijeenkomst": bijeenkomst})


def bijeenkomst(request, gemeente_slug, pk):
    """The meeting's page. Its content is rendered once per data stamp of what it shows (the
    meetings, the casussen on them, the members, the actions that came of them), role and moment
    (begun, deadline passed); the reader's own answer and casussen to bring are live fragments
    (``bijeenkomsten/live.py``)."""
    bijeenkomst = get_bijeenkomst(request, pk)
    return fragments.render_page(
        request,
        "bijeenkomsten/detail.html",
        lambda: detail_context(request, bijeenkomst),
        parts=PAGE_PARTS,
        variant={
            "begonnen": bijeenkomst.is_begonnen,
            "voorbij": bijeenkomst.is_voorbij,
            "deadline_voorbij": bijeenkomst.casus_deadline_voorbij,
        },
        around={"bijeenkomst": bijeenkomst},
    )


# What the meeting page reads (kern.data_version): who comes, and in the actiepunten's vervolg
# column the verbeteracties.
PAGE_PARTS = ("gemeenten", "casussen", "bijeenkomsten", "deelnames", "verbeteracties")


def aanmelden_context(request, bijeenkomst, eigen, error=None):
    """The reader's own answer to a meeting, and the buttons to give or change it."""
    return {
        "bijeenkomst": bijeenkomst,
        "eigen": eigen,
        "antwoorden": Antwoord.choices,
        "can_sign_up": not bijeenkomst.is_geannuleerd and not bijeenkomst.is_begonnen,
        "aanmelden_fout": error,
    }


def detail_context(request, bijeenkomst, **extra):
    manage = can_manage(request)
    deelnames = bijeenkomst.deelnames.select_related(
        "lidmaatschap__user", "lidmaatschap__organisatie"
    )
    # casus__gemeente: the casus links need the gemeente's slug (no query per casus, issue 9).
    punten = list(bijeenkomst.agendapunten.select_related("casus__gemeente"))
    totaal = sum(p.duur_minuten for p in punten)
    context = {
        "bijeenkomst": bijeenkomst,
        "can_manage": manage,
        "agendapunten": punten,
        "agenda_totaal": totaal,
        "agenda_te_lang": totaal > bijeenkomst.duur_minuten,
        "agenda_form": extra.pop("agenda_form", None)
        or AgendapuntForm(instance=_new_punt(bijeenkomst)),
        "actiepunten": bijeenkomst.actiepunten.select_related("eigenaar__user"),
        "verslag": getattr(bijeenkomst, "verslag", None) if _has_verslag(bijeenkomst) else None,
        "leest_casussen": request.user.has_perm("casussen.read_text", request.gemeente),
        **inbreng_context(request, bijeenkomst, manage, punten=punten),
    }
    if manage:
        context.update(aanmeldingen(bijeenkomst, deelnames))
        context["geweigerd"] = [d for d in deelnames if d.mail_fout]
    context.update(extra)
    return context


def inbreng_context(request, bijeenkomst, manage, form=None, punten=None):
    """The casussen brought to this meeting, and ``form`` (one's own casus to bring, with its
    errors) when there is one; otherwise the page's live fragment offers it."""
    inbreng = list(bijeenkomst.inbreng.select_related("casus__gemeente", "by"))
    punten = bijeenkomst.agendapunten.all() if punten is None else punten
    on_agenda = {p.casus_id for p in punten if p.casus_id}
    open_voor_inbreng = not bijeenkomst.is_geannuleerd and not bijeenkomst.casus_deadline_voorbij
    return {
        "inbreng": inbreng,
        "inbreng_niet_op_agenda": [
            i for i in inbreng if i.casus_id not in on_agenda and i.casus.status == "ingediend"
        ],
        "inbreng_form": form,
        "open_voor_inbreng": open_voor_inbreng,
    }


@require_POST
def bijeenkomst_inbreng(request, gemeente_slug, pk):
    """A professional brings their submitted casus to this meeting."""
    bijeenkomst = get_bijeenkomst(request, pk, "casussen.add_casus")
    form = InbrengForm(request.POST, bijeenkomst=bijeenkomst, user=request.user)
    if form.is_valid():
        try:
            services.inbreng_add(
                bijeenkomst=bijeenkomst, casus=form.cleaned_data["casus"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your casus has been added for this meeting."))
            return redirect(bijeenkomst.get_absolute_url() + "#inbreng")
    context = detail_context(request, bijeenkomst)
    context.update(inbreng_context(request, bijeenkomst, can_manage(request), form=form))
    return render(request, "bijeenkomsten/detail.html", context, status=400)


def _has_verslag(bijeenkomst):
    from ..models import Verslag

    return Verslag.objects.filter(bijeenkomst=bijeenkomst).exists()


def _new_punt(bijeenkomst):
    from ..models import Agendapunt

    return Agendapunt(gemeente=bijeenkomst.gemeente, bijeenkomst=bijeenkomst)


def aanmeldingen(bijeenkomst, deelnames):
    """Who comes, by answer, by organisation and by domain (for the facilitator)."""
    per_antwoord = {value: [] for value, _label in Antwoord.choices}
    per_antwoord[""] = []
    per_organisatie, per_domein = {}, {}
    for d in deelnames:
        per_antwoord[d.antwoord].append(d)
        if d.antwoord == Antwoord.JA:
            org = d.lidmaatschap.organisatie
            per_organisatie[str(org) if org else _("No organisation")] = (
                per_organisatie.get(str(org) if org else _("No organisation"), 0) + 1
            )
            domein = Domein(org.domein).label if org else _("Unknown")
            per_domein[domein] = per_domein.get(domein, 0) + 1
    return {
        "per_antwoord": [(label, per_antwoord[value]) for value, label in Antwoord.choices]
        + [(_("No answer yet"), [d for d in per_antwoord[""] if d.uitgenodigd_at])],
        "per_organisatie": sorted(per_organisatie.items()),
        "per_domein": sorted(per_domein.items()),
    }


def bijeenkomst_ics(request, gemeente_slug, pk):
    bijeenkomst = get_bijeenkomst(request, pk)
    response = HttpResponse(ics.download(bijeenkomst), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{bijeenkomst.pk}.ics"'
    return response


def bijeenkomst_invite(request, gemeente_slug, pk):
    bijeenkomst = get_bijeenkomst(request, pk, "bijeenkomsten.manage")
    uitgenodigd = set(
        bijeenkomst.deelnames.filter(uitgenodigd_at__isnull=False).values_list(
            "lidmaatschap_id", flat=True
        )
    )
    initial = {"leden": list(Lidmaatschap.objects.exclude(pk__in=uitgenodigd))}
    form = UitnodigenForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            n = services.bijeenkomst_invite(
                bijeenkomst=bijeenkomst,
                lidmaatschappen=list(form.cleaned_data["leden"]),
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(n)d invitations are being sent, each with a calendar invitation.") % {"n": n},
            )
        return redirect(bijeenkomst.get_absolute_url())
    return render(
        request,
        "bijeenkomsten/invite.html",
        {"bijeenkomst": bijeenkomst, "form": form, "uitgenodigd": uitgenodigd},
        status=400 if form.errors else 200,
    )


@require_POST
def bijeenkomst_aanmelden(request, gemeente_slug, pk):
    bijeenkomst = get_bijeenkomst(request, pk, "bijeenkomsten.aanmelden")
    form = AanmeldenForm(request.POST)
    error = None
    if not form.is_valid():
        error = _("Choose yes, no or maybe.")
    else:
        try:
            services.aanmelden(
                bijeenkomst=bijeenkomst,
                lidmaatschap=request.lidmaatschap,
                antwoord=form.cleaned_data["antwoord"],
            )
        except ValidationError as e:
            error = " ".join(e.messages)
    if request.htmx:
        eigen = Deelname.objects.filter(
            bijeenkomst=bijeenkomst, lidmaatschap=request.lidmaatschap
        ).first()
        return render(
            request,
            "bijeenkomsten/aanmelden.html",
            aanmelden_context(request, bijeenkomst, eigen, error),
            status=400 if error else 200,
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Your answer has been saved."))
    return redirect(bijeenkomst.get_absolute_url())
