"""The overview pages: the board by status, lists by organisation and success factor, the
timeline, and what needs attention with the roll-ups. One filter form serves them all."""

from dataclasses import dataclass

from django import forms
from django.shortcuts import render
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from casussen.models import KnelpuntCategorie, Succesfactor
from gemeenten.models import Lidmaatschap, Organisatie, Proeftuin
from kern import fragments
from kern.permissions import Rol
from kern.select import Select, ValuesModelChoiceField

from .. import overzicht
from ..access import can_edit, can_propose
from ..models import Status, verbeterperiode

_ROLLEN = dict(Rol.choices)


def _lid_label(name, email, role):
    """Lidmaatschap.__str__ from its values."""
    return f"{name or email} ({_ROLLEN.get(role, role)})"


class FilterForm(forms.Form):
    proeftuin = ValuesModelChoiceField(
        Proeftuin.objects.none(),
        required=False,
        label=_("Proeftuin"),
        empty_label=_("All"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All"))] + Status.choices,
        widget=Select,
    )
    succesfactor = ValuesModelChoiceField(
        Succesfactor.objects.none(),
        required=False,
        label=_("Success factor"),
        empty_label=_("All"),
    )
    categorie = forms.ChoiceField(
        label=_("Bottleneck category"),
        required=False,
        choices=[("", _("All"))] + KnelpuntCategorie.choices,
        widget=Select,
    )
    organisatie = ValuesModelChoiceField(
        Organisatie.objects.none(),
        required=False,
        label=_("Organisation"),
        empty_label=_("All"),
    )
    eigenaar = ValuesModelChoiceField(
        Lidmaatschap.objects.none(),
        label_columns=("user__name", "user__email", "role"),
        label_from_values=_lid_label,
        required=False,
        label=_("Owner"),
        empty_label=_("All"),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(*args, **kwargs)
        self.fields["proeftuin"].queryset = Proeftuin.objects.order_by("-start")
        self.fields["succesfactor"].queryset = Succesfactor.objects.all()
        self.fields["organisatie"].queryset = Organisatie.objects.order_by("naam")
        self.fields["eigenaar"].queryset = Lidmaatschap.objects.order_by("user__name")


def _rows(request):
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, overzicht.acties(filters)


def _context(request, form, rows, **extra):
    return {
        "filter_form": form,
        "acties": rows,
        "can_propose": can_propose(request),
        "query": request.GET.urlencode(),
        **extra,
    }


# A column shows this many cards and links to the board of its status for the rest: a board
# stays readable, and as cheap, when actions pile up over the years (issue 9).
KAARTEN_PER_KOLOM = 10


@dataclass
class Kolom:
    status: str
    label: str
    kaarten: list  # (actie, may the user move it), the ones shown
    totaal: int
    status_opties: str  # the options of the cards' status select
    alle_url: str  # the board of this status only, when not every card is shown


def board(request, gemeente_slug):
    """The board. Its content is rendered once per data stamp of what it shows, filter and role
    (a facilitator moves every card), not on every request; whether a reader owns a card, and
    may move it, is a live part of it (``verbeteracties/live.py``)."""
    return fragments.render_page(
        request,
        "verbeteracties/board.html",
        lambda: _board_context(request, for_cache=True),
        parts=PAGE_PARTS,
    )


# What the overview pages read (kern.data_version): actions, owners and organisations, the
# succesfactoren of the filter.
PAGE_PARTS = ("gemeenten", "casussen", "verbeteracties")


def _movable(request, actie, for_cache):
    """True or False; for content cached per role, "eigen" when it depends on who reads it."""
    if for_cache and request.lidmaatschap.role != Rol.FACILITATOR and actie.eigenaar_id:
        return "eigen"
    return can_edit(request, actie)


def _board_context(request, *, for_cache=False):
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = overzicht.kaarten(filters)
    # Each card says whether the user may move it; the template writes the status control out
    # (see board_kaart.html) rather than rendering a StatusForm per card, with the options of
    # its select made once per column: every card in a column has the same status.
    kolommen = []
    for status, label, acties in overzicht.board(rows):
        shown = acties if filters.get("status") else acties[:KAARTEN_PER_KOLOM]
        alle_url = ""
        if len(shown) < len(acties):
            query = request.GET.copy()
            query["status"] = status
            alle_url = f"?{query.urlencode()}"
        kolommen.append(
            Kolom(
                status=status,
                label=label,
                kaarten=[(a, _movable(request, a, for_cache)) for a in shown],
                totaal=len(acties),
                status_opties=status_opties(status),
                alle_url=alle_url,
            )
        )
    return _context(request, form, rows, kolommen=kolommen, tab="board")


def moved(request, actie, van):
    """After a move from the board (htmx): the column the card left and the one it joined,
    swapped in out of band, the card in its new column with the focus on its control."""
    kolommen = [k for k in _board_context(request)["kolommen"] if k.status in (van, actie.status)]
    for kolom in kolommen:
        if kolom.status == actie.status and all(a.pk != actie.pk for a, _ in kolom.kaarten):
            # Beyond the cards a column shows: shown first, so it does not seem to vanish.
            kolom.kaarten.insert(0, (overzicht.kaart(actie.pk), can_edit(request, actie)))
    context = {"kolommen": kolommen, "verplaatst": actie.pk, "query": request.GET.urlencode()}
    response = render(request, "verbeteracties/board_verplaatst.html", context)
    response["HX-Reswap"] = "none"  # everything comes out of band
    return response


def status_opties(selected):
    """The options of a card's status select, as the StatusForm's select writes them."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, " selected" if value == selected else "", label)
            for value, label in Status.choices
        ),
    )


def lijst(request, gemeente_slug):
    form, rows = _rows(request)
    context = _context(
        request,
        form,
        rows,
        per_organisatie=overzicht.per_organisatie(rows),
        per_succesfactor=overzicht.per_succesfactor(rows),
        tab="lijst",
    )
    return render(request, "verbeteracties/lijst.html", context)


def tijdlijn(request, gemeente_slug):
    form, rows = _rows(request)
    proeftuin = form.cleaned_data.get("proeftuin") if form.is_bound and form.is_valid() else None
    proeftuin = (
        proeftuin or Proeftuin.objects.prefetch_related("overgangen").order_by("-start").first()
    )
    if proeftuin is not None and not hasattr(proeftuin, "_prefetched_objects_cache"):
        proeftuin = Proeftuin.objects.prefetch_related("overgangen").get(pk=proeftuin.pk)
    periode = verbeterperiode(proeftuin) if proeftuin else None
    lijn = overzicht.tijdlijn(rows, periode) if periode else None
    context = _context(request, form, rows, tijdlijn=lijn, periode=periode, tab="tijdlijn")
    return render(request, "verbeteracties/tijdlijn.html", context)


def stand(request, gemeente_slug):
    form, rows = _rows(request)
    context = _context(
        request,
        form,
        rows,
        aandacht=overzicht.aandacht(rows),
        per_succesfactor=overzicht.rollup_succesfactor(rows),
        per_categorie=overzicht.rollup_categorie(rows),
        statussen=list(Status),
        tab="stand",
    )
    return render(request, "verbeteracties/stand.html", context)
