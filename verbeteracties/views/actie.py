"""One verbeteractie: propose, read (its story in time order), change, status, delete, undo."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from bijeenkomsten.models import Actiepunt
from casussen.models import Casus, Inzicht, Knelpunt
from gemeenten.audit import Actie, audit
from gemeenten.models import Lidmaatschap, Proeftuin, Wijziging
from kern import fragments, writes
from kern.concurrency import STALE_MESSAGE, StaleEdit
from kern.params import id_param

from .. import overzicht, services
from ..access import can_edit, can_read_casussen, get_actie, require_edit, require_propose
from ..forms import MetingForm, StatusForm, VerbeteractieForm, VoortgangForm
from ..models import ActieOrganisatie, Indicator, Meting, Verbeteractie, Voortgang
from ..runchart import run_chart
from ..verhaal import verhaal
from . import overzicht as overzicht_views


def _detail_queryset():
    return Verbeteractie.objects.select_related(
        "proeftuin",
        "eigenaar__user",
        "eigenaar__organisatie",
        "created_by",
        "bijeenkomst__gemeente",
        "actiepunt__bijeenkomst__gemeente",
    ).prefetch_related(
        "succesfactoren",
        Prefetch(
            "casussen",
            queryset=Casus.objects.select_related("gemeente").order_by("created_at", "pk"),
        ),
        Prefetch(
            "inzichten",
            queryset=Inzicht.objects.select_related("casus").prefetch_related(
                Prefetch("knelpunten", queryset=Knelpunt.objects.order_by("pk"))
            ),
        ),
        Prefetch("betrokkenheden", queryset=ActieOrganisatie.objects.select_related("organisatie")),
        Prefetch("updates", queryset=Voortgang.objects.select_related("by")),
        Prefetch(
            "indicatoren",
            queryset=Indicator.objects.prefetch_related(
                Prefetch("metingen", queryset=Meting.objects.order_by("datum", "pk"))
            ),
        ),
    )


def detail(request, gemeente_slug, pk):
    """The action's page. Its content is rendered once per data stamp of what it shows, role and
    the reader's rights here (may change it, may read casus titles), not on every request."""
    actie = get_actie(pk)
    audit(request, Actie.READ, actie)
    return fragments.render_page(
        request,
        DETAIL,
        lambda: _detail_context(request, get_actie(pk, queryset=_detail_queryset())),
        parts=PAGE_PARTS,
        variant={
            "wijzigen": can_edit(request, actie),
            "casustekst": can_read_casussen(request),
        },
        around={"actie": actie},
    )


# What the action's page reads (kern.data_version): the casussen and inzichten it came from,
# the meeting it was chosen at, owners and organisations.
PAGE_PARTS = ("gemeenten", "casussen", "bijeenkomsten", "verbeteracties")


DETAIL = "verbeteracties/detail.html"


def _render_detail(request, actie, *, status=200, **forms):
    """The action's page with what was just posted (a form with its errors, a status saved)."""
    context = _detail_context(request, actie, **forms)
    if request.htmx and forms.get("status_form") is not None:
        return render(request, DETAIL + "#status", context, status=status)
    return render(request, DETAIL, context, status=status)


def _detail_context(
    request,
    actie,
    *,
    status_form=None,
    voortgang_form=None,
    meting_forms=None,
    saved=False,
    confirm=False,
):
    editable = can_edit(request, actie)
    updates = list(actie.updates.all())
    indicatoren = []
    for indicator in actie.indicatoren.all():
        indicator.actie = actie  # the chart reads the period; no query
        form = (meting_forms or {}).get(indicator.pk) or MetingForm(indicator=indicator)
        indicatoren.append(
            {
                "indicator": indicator,
                "chart": run_chart(indicator, list(indicator.metingen.all()), updates),
                "form": form if editable else None,
            }
        )
    return {
        "actie": actie,
        "can_edit": editable,
        "status_form": status_form or StatusForm(actie=actie),
        "confirm": confirm,
        "saved": saved,
        "voortgang_form": voortgang_form
        or VoortgangForm(actie=actie, initial={"datum": timezone.localdate()}),
        "indicatoren": indicatoren,
        "updates": updates,
        "verhaal": verhaal(actie, updates, casus_tekst=can_read_casussen(request)),
        "wijzigingen": Wijziging.objects.of(actie).select_related("by"),
    }


def new(request, gemeente_slug):
    require_propose(request)
    proeftuinen = list(Proeftuin.objects.prefetch_related("overgangen").order_by("-start"))
    if not proeftuinen:
        return render(request, "verbeteracties/form.html", {"form": None})
    wanted = request.GET.get("proeftuin", "")
    proeftuin = next((p for p in proeftuinen if str(p.pk) == wanted), proeftuinen[0])
    eigenaar = Lidmaatschap.objects.filter(pk=request.lidmaatschap.pk).first()
    inzicht = None
    if (inzicht_id := id_param(request, "inzicht")) is not None:
        inzicht = get_object_or_404(
            Inzicht.objects.zichtbaar().prefetch_related("succesfactoren"), pk=inzicht_id
        )
        proeftuin = next((p for p in proeftuinen if p.pk == inzicht.casus.proeftuin_id), proeftuin)
    actiepunt = None
    if (actiepunt_id := id_param(request, "actiepunt")) is not None:
        # Made from an actiepunt of a meeting (a link on the meeting's page); 404 for an
        # actiepunt this gemeente does not have.
        actiepunt = get_object_or_404(
            Actiepunt.objects.select_related("bijeenkomst"), pk=actiepunt_id
        )
        proeftuin = next(
            (p for p in proeftuinen if p.pk == actiepunt.bijeenkomst.proeftuin_id), proeftuin
        )
    actie = Verbeteractie(gemeente=request.gemeente)
    return _edit(request, actie, proeftuin, eigenaar, inzicht, actiepunt)


def edit(request, gemeente_slug, pk):
    actie = get_actie(pk)
    require_edit(request, actie)
    return _edit(request, actie, actie.proeftuin)


def _edit(request, actie, proeftuin, eigenaar=None, inzicht=None, actiepunt=None):
    form = VerbeteractieForm(
        request.POST or None,
        instance=actie,
        proeftuin=proeftuin,
        eigenaar=eigenaar,
        inzicht=inzicht,
        actiepunt=actiepunt,
    )
    writes.gate_form(form)
    if request.method == "POST" and form.is_valid():
        form.instance.knelpunt_categorieen = form.cleaned_data["knelpunt_categorieen"]
        try:
            done = writes.saved(
                form,
                lambda: services.actie_save(
                    actie=form.instance,
                    by=request.user,
                    succesfactoren=list(form.cleaned_data["succesfactoren"]),
                    casussen=list(form.cleaned_data["casussen"]),
                    inzichten=list(form.cleaned_data["inzichten"]),
                    organisaties=form.organisaties(),
                    expected_version=form.cleaned_data.get("version"),
                ),
            )
        except StaleEdit:
            form.add_error(None, STALE_MESSAGE)
        else:
            if done:
                messages.success(request, _("The improvement action has been saved."))
                return redirect(form.instance)
    context = {"form": form, "actie": actie, "inzicht": inzicht, "actiepunt": actiepunt}
    if actiepunt is not None:
        # Made from this actiepunt before: say so, so nobody makes it twice by accident.
        context["al_gemaakt"] = list(
            Verbeteractie.objects.levend().filter(actiepunt=actiepunt).order_by("pk")
        )
    return render(request, "verbeteracties/form.html", context, status=400 if form.errors else 200)


@require_POST
def status(request, gemeente_slug, pk):
    """Change the status, from the board or the action page. A step outside the usual order
    comes back with a question; the same form, confirmed, makes it."""
    actie = get_actie(pk, queryset=_detail_queryset())
    require_edit(request, actie)
    form = StatusForm(request.POST, actie=actie)
    writes.gate_form(form, obj=actie)
    on_board = request.POST.get("bron") == "board"
    confirm = False
    van = actie.status
    if form.is_valid():
        try:
            done = writes.saved(
                form,
                lambda: services.actie_set_status(
                    actie=actie,
                    by=request.user,
                    status=form.cleaned_data["status"],
                    reden_gestopt=form.cleaned_data["reden_gestopt"],
                    bevestigd=form.cleaned_data["bevestigd"],
                    expected_version=form.cleaned_data["version"],
                ),
            )
        except services.NeedsConfirmation:
            confirm = True
        except ValidationError as error:
            form.add_error(None, error)
        except StaleEdit:
            form.add_error(None, STALE_MESSAGE)
        else:
            # Not done: a replacement was asked for, or the gate refused; the form says so.
            if done and on_board:
                if request.htmx:
                    return overzicht_views.moved(request, actie, van)
                messages.success(request, _("The status has been saved."))
                board = reverse("verbeteracties:board", kwargs={"gemeente_slug": gemeente_slug})
                return redirect(f"{board}#kaart-{actie.pk}")
            if done and not request.htmx:
                messages.success(request, _("The status has been saved."))
                return redirect(actie)
            if done:
                status_form = StatusForm(actie=actie)
                return _render_detail(request, actie, status_form=status_form, saved=True)
    actie.refresh_from_db(fields=["status", "version", "reden_gestopt"])
    code = 200 if confirm or form.poort.replaced else 400
    if on_board:
        context = {"actie": overzicht.kaart(actie.pk), "form": form, "confirm": confirm}
        if request.htmx:
            return render(request, "verbeteracties/board_kaart.html", context, status=code)
        return render(request, "verbeteracties/status_bevestigen.html", context, status=code)
    return _render_detail(request, actie, status_form=form, status=code, confirm=confirm)


def delete(request, gemeente_slug, pk):
    actie = get_actie(pk)
    require_edit(request, actie)
    if request.method == "POST":
        services.actie_delete(actie=actie, by=request.user)
        messages.success(
            request, _("The improvement action has been deleted. You can undo this in the bin.")
        )
        return redirect("verbeteracties:verwijderd", gemeente_slug=gemeente_slug)
    return render(request, "verbeteracties/delete.html", {"actie": actie})


def verwijderd(request, gemeente_slug):
    """The bin: deleted actions, each with an undo button for whoever may change it."""
    rows = list(
        Verbeteractie.objects.verwijderd()
        .select_related("deleted_by", "eigenaar")
        .order_by("-deleted_at")
    )
    items = [(a, can_edit(request, a)) for a in rows]
    return render(request, "verbeteracties/verwijderd.html", {"items": items})


@require_POST
def restore(request, gemeente_slug, pk):
    actie = get_actie(pk, deleted=True)
    require_edit(request, actie)
    services.actie_restore(actie=actie, by=request.user)
    messages.success(request, _("The improvement action is back."))
    if request.htmx:
        return HttpResponseClientRedirect(actie.get_absolute_url())
    return redirect(actie)
